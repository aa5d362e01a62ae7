"""Table model over the campaign list returned by ``CampaignService.list``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from wawaran_desktop.qtmodels.record_table import ID_ROLE, RecordTableModel
from wawaran_desktop.text.formatting import short_date
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
        self._fetch: Callable[[CampaignSummary], list[CampaignSummary]] | None = None
        self._page = 0

    def set_rows(self, rows: list[CampaignSummary],
                 fetch: Callable[[CampaignSummary], list[CampaignSummary]] | None = None) -> None:
        """Show ``rows``; ``fetch(last)`` gives the next page of the list when the view needs it
        (an empty or short page ends the list), None: ``rows`` is the whole list."""
        self._fetch = fetch
        self._page = len(rows)  # a later page shorter than the first is the last one
        super().set_rows(rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return self._fetch is not None and not parent.isValid() and bool(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        rows = self._fetch(self._rows[-1])
        if len(rows) < self._page:
            self._fetch = None
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def find(self, campaign_id: int) -> int:
        """The row of ``campaign_id``, reading further pages until it is found; -1: not listed."""
        row = self.row_of(campaign_id)
        while row < 0 and self.canFetchMore():
            start = len(self._rows)
            self.fetchMore()
            row = next((i for i in range(start, len(self._rows)) if self._rows[i].id == campaign_id), -1)
        return row

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
