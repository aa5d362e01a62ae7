"""Table model over the campaign list returned by ``CampaignService.list``."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from wawaran_desktop.services.formatting import short_date
from wawaran_desktop.services.records import CampaignStatus, CampaignSummary
from wawaran_desktop.sop import Sop

HEADERS = ("No.", "Judul", "Tahap", "Status", "Dibuat", "Tema")
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_STATUS_COLOURS = {
    CampaignStatus.DRAFT: "#5f6368",
    CampaignStatus.RUNNING: "#0d47a1",
    CampaignStatus.DONE: "#1b5e20",
    CampaignStatus.CANCELLED: "#9e9e9e",
}


class CampaignTableModel(QAbstractTableModel):
    def __init__(self, sop: Sop, parent=None) -> None:
        super().__init__(parent)
        self._sop = sop
        self._rows: list[CampaignSummary] = []

    def set_rows(self, rows: list[CampaignSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_row(self, summary: CampaignSummary) -> None:
        for i, row in enumerate(self._rows):
            if row.id == summary.id:
                self._rows[i] = summary
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(HEADERS) - 1))
                return

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, campaign_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == campaign_id:
                return i
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 5):
            return row.title if col == 1 else row.theme
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            from PySide6.QtGui import QColor

            return QColor(_STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: CampaignSummary, col: int) -> str:
        if col == 0:
            return str(row.id)
        if col == 1:
            return row.title
        if col == 5:
            return row.theme
        if col == 2:
            if row.status is CampaignStatus.DONE:
                return "Selesai"
            try:
                return f"{row.current_no}. {self._sop.activity(row.current_no).short}"
            except KeyError:
                return str(row.current_no)
        if col == 3:
            return row.status.label
        return short_date(row.created_at)
