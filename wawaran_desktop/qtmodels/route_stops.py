"""Table model over the stops of a dissemination route."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from wawaran_desktop.qtmodels.record_table import RecordTableModel
from wawaran_desktop.text.formatting import clock_time
from wawaran_desktop.services.stages.dissemination import StopRecord

NUMBER_COLUMNS = (0, 3, 4, 5, 6)


class RouteStopsModel(RecordTableModel[StopRecord]):
    HEADERS = ("No", "Lokasi", "Rencana", "Tiba", "Berangkat", "Selebaran", "Warga")

    def display(self, r: StopRecord, column: int) -> str:
        if column == 0:
            return f"✓ {r.position}" if r.visited else str(r.position)
        if column == 1:
            return r.short_place + ("" if r.planned else " *")
        if column == 2:
            return r.planned_time.replace(":", ".") if r.planned_time else ("tak terencana" if not r.planned else "")
        if column == 3:
            return clock_time(r.arrived_at) if r.arrived_at else "—"
        if column == 4:
            return clock_time(r.departed_at) if r.departed_at else "—"
        return str(r.flyers if column == 5 else r.audience)

    def extra(self, r: StopRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            text = r.place + (f"\n{r.address}" if r.address else "")
            return text + ("\nLokasi tak terencana" if not r.planned else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
