"""Table model over the staff directory."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from wawaran_desktop.services.formatting import nip_display
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.sop import Sop

HEADERS = ("Nama", "NIP", "Jabatan", "Peran", "Aktif")


class StaffTableModel(QAbstractTableModel):
    def __init__(self, sop: Sop, parent=None) -> None:
        super().__init__(parent)
        self._lanes = {lane.id: lane.name for lane in sop.lanes}
        self._rows: list[StaffRecord] = []

    def set_rows(self, rows: list[StaffRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> StaffRecord:
        return self._rows[row]

    def row_of(self, staff_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == staff_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        return (r.name, nip_display(r.nip), r.position, self._lanes.get(r.lane, r.lane),
                "Ya" if r.active else "Tidak")[index.column()]
