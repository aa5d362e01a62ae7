"""Table model over the staff directory."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from wawaran_desktop.qtmodels.record_table import RecordTableModel
from wawaran_desktop.text.formatting import nip_display
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.sop import Sop


class StaffTableModel(RecordTableModel[StaffRecord]):
    HEADERS = ("Nama", "NIP", "Jabatan", "Pangkat/Gol.", "Peran", "Aktif")

    def __init__(self, sop: Sop, parent=None) -> None:
        super().__init__(parent)
        self._lanes = {lane.id: lane.name for lane in sop.lanes}

    def display(self, r: StaffRecord, column: int) -> str:
        return (r.name, nip_display(r.nip), r.position, r.rank, self._lanes.get(r.lane, r.lane),
                "Ya" if r.active else "Tidak")[column]

    def extra(self, r: StaffRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and self.HEADERS[column] in ("Jabatan", "Pangkat/Gol."):  # may be cut
            return self.display(r, column) or None
        return None
