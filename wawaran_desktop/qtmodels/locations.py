"""The briefing's route as a table; rows are reordered by drag and drop.

A drop does not move anything itself: it emits :attr:`LocationTableModel.move_requested`
with the location and its new place, the controller asks the service to store the order,
and the model is refilled from what was stored.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from wawaran_desktop.qtmodels.record_table import RecordTableModel
from wawaran_desktop.services.stages.briefing import LocationRecord

MIME = "application/x-wawaran-location-row"
COL_NO, COL_AREA, COL_ADDRESS, COL_TIME = range(4)


class LocationTableModel(RecordTableModel[LocationRecord]):
    HEADERS = ("No", "Kelurahan (Kecamatan)", "Alamat / patokan", "Jam")
    move_requested = Signal(int, int)  # location id, new 0-based position

    def display(self, record: LocationRecord, column: int) -> str:
        if column == COL_NO:
            return str(record.number)
        if column == COL_AREA:
            return f"{record.kelurahan} (Kec. {record.kecamatan})"
        if column == COL_ADDRESS:
            return record.address
        return record.time_text or "—"

    def extra(self, record: LocationRecord, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"Lokasi {record.number}: {record.area}"
            if record.address:
                tip += f"\n{record.address}"
            if record.planned_time:
                tip += f"\nRencana pukul {record.time_text} WIB"
            return tip + ("\nSudah dikonfirmasi (tahap 6)" if record.confirmed else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NO, COL_TIME):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # -- drag and drop --------------------------------------------------------------------
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops go between rows, never onto one
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt override)
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 (Qt override)
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt override)
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 (Qt override)
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setData(MIME, QByteArray(str(rows[0] if rows else -1).encode("ascii")))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return data.hasFormat(MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Ask for the dragged row to go before ``row`` (-1: to the end). Always returns False:
        the view must not remove the dragged row, the refill after storing shows the order."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            source = int(bytes(data.data(MIME)).decode("ascii"))
        except ValueError:
            return False
        if not 0 <= source < self.rowCount():
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        position = target - 1 if target > source else target
        if position != source:
            self.move_requested.emit(self.id_at(source), position)
        return False
