"""Table model over the campaign list returned by ``CampaignService.list``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from wawaran_desktop.qtmodels.record_table import ID_ROLE, RecordTableModel
from wawaran_desktop.services.formatting import short_date
from wawaran_desktop.services.records import CampaignStatus, CampaignSummary
from wawaran_desktop.sop import Sop

__all__ = ["CampaignTableModel", "ID_ROLE"]

_STATUS_COLOURS = {
    CampaignStatus.DRAFT: "#5f6368",
    CampaignStatus.RUNNING: "#0d47a1",
    CampaignStatus.DONE: "#1b5e20",
    CampaignStatus.CANCELLED: "#9e9e9e",
}
_TITLE, _STAGE, _STATUS, _THEME = 1, 2, 3, 5


class CampaignTableModel(RecordTableModel[CampaignSummary]):
    HEADERS = ("No.", "Judul", "Tahap", "Status", "Dibuat", "Tema")

    def __init__(self, sop: Sop, parent=None) -> None:
        super().__init__(parent)
        self._sop = sop

    def display(self, row: CampaignSummary, column: int) -> str:
        if column == 0:
            return str(row.id)
        if column == _TITLE:
            return row.title
        if column == _STAGE:
            return "Selesai" if row.status is CampaignStatus.DONE else self._stage_name(row.current_no)
        if column == _STATUS:
            return row.status.label
        if column == _THEME:
            return row.theme
        return short_date(row.created_at)

    def extra(self, row: CampaignSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (_TITLE, _THEME):
            return row.title if column == _TITLE else row.theme
        if role == Qt.ItemDataRole.ForegroundRole and column == _STATUS:
            return QColor(_STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _stage_name(self, no: int) -> str:
        try:
            return f"{no}. {self._sop.activity(no).short}"
        except KeyError:
            return str(no)
