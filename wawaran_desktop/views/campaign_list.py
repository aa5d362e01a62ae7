"""The campaign list: search by title or theme, filter by status and date range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import QHeaderView

from wawaran_desktop.forms.ui_main_window import Ui_MainWindow
from wawaran_desktop.qtmodels.campaign_table import ID_ROLE, CampaignTableModel
from wawaran_desktop.services.campaigns import CampaignQuery
from wawaran_desktop.services.records import CampaignStatus, CampaignSummary
from wawaran_desktop.services.workspace import Workspace

SEARCH_DELAY_MS = 250
PAGE_SIZE = 100  # campaigns read at a time: the rest when the list is scrolled down to them


class CampaignListController(QObject):
    """Owns the list half of the main window; emits the id of the selected campaign."""

    selected = Signal(object)  # int | None

    def __init__(self, ui: Ui_MainWindow, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.ws = ws
        self.model = CampaignTableModel(ws.sop, self)
        ui.campaignTable.setModel(self.model)
        header = ui.campaignTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        ui.campaignTable.verticalHeader().setDefaultSectionSize(24)
        for col, width in enumerate((44, 220, 120, 100, 130)):
            ui.campaignTable.setColumnWidth(col, width)
        ui.statusCombo.addItem("Semua status", None)
        for status in CampaignStatus:
            ui.statusCombo.addItem(status.label, status)
        self._today = ws.today()  # WIB, by the workspace clock: never the machine's zone
        today = _qdate(self._today)
        ui.dateFrom.setDate(today.addMonths(-1))
        ui.dateTo.setDate(today)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.reload())
        ui.searchEdit.textChanged.connect(self._search_timer.start)
        ui.statusCombo.currentIndexChanged.connect(lambda _index: self.reload())
        ui.periodCheck.toggled.connect(self._period_toggled)
        ui.dateFrom.dateChanged.connect(self._dates_changed)
        ui.dateTo.dateChanged.connect(self._dates_changed)
        ui.campaignTable.selectionModel().selectionChanged.connect(self._selection_changed)

    def follow_today(self, day: date) -> None:
        """At midnight WIB a period that ended "today" goes on ending today (one left on an
        earlier day the user chose stays where it is)."""
        if day == self._today:
            return
        if self.ui.dateTo.date().toPython() == self._today:
            self.ui.dateTo.setDate(_qdate(day))
        self._today = day

    def query(self) -> CampaignQuery:
        period = self.ui.periodCheck.isChecked()
        return CampaignQuery(
            text=self.ui.searchEdit.text(),
            status=self.ui.statusCombo.currentData(),
            date_from=self.ui.dateFrom.date().toPython() if period else None,
            date_to=self.ui.dateTo.date().toPython() if period else None,
        )

    def reload(self, select_id: int | None = None) -> None:
        """Query again; keep (or move to) the selected campaign when it is still listed."""
        keep = select_id if select_id is not None else self.current_id()
        query = self.query()
        campaigns = self.ws.campaigns
        rows = campaigns.list(query, limit=PAGE_SIZE)
        more = len(rows) == PAGE_SIZE
        blocker = self.ui.campaignTable.selectionModel().blockSignals(True)
        self.model.set_rows(rows, (lambda last: campaigns.list(query, after=last, limit=PAGE_SIZE)) if more else None)
        self.ui.campaignTable.selectionModel().blockSignals(blocker)
        matching = campaigns.count(query) if more else len(rows)
        filtered = bool(query.text.strip()) or query.status is not None or query.date_from is not None
        total = campaigns.count() if filtered else matching
        shown = f"{matching} kampanye" if matching == total else f"{matching} dari {total} kampanye"
        self.ui.countLabel.setText(shown)
        # Pages are read to reach the kept campaign only if the query lists it at all.
        if keep is not None and campaigns.matches(keep, query) and self.model.find(keep) >= 0:
            self.select(keep)
        else:
            self.selected.emit(None)

    def select(self, campaign_id: int) -> bool:
        row = self.model.find(campaign_id)
        if row < 0:
            return False
        table = self.ui.campaignTable
        if self.current_id() == campaign_id:
            self.selected.emit(campaign_id)
        else:
            table.selectRow(row)
        table.scrollTo(self.model.index(row, 0))
        return True

    def current_id(self) -> int | None:
        rows = self.ui.campaignTable.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def update_row(self, summary: CampaignSummary) -> None:
        self.model.update_row(summary)

    def _selection_changed(self, *_args) -> None:
        self.selected.emit(self.current_id())

    def _period_toggled(self, on: bool) -> None:
        self.ui.dateFrom.setEnabled(on)
        self.ui.dateTo.setEnabled(on)
        self.reload()

    def _dates_changed(self) -> None:
        if self.ui.dateFrom.date() > self.ui.dateTo.date():
            self.ui.dateTo.setDate(self.ui.dateFrom.date())  # keep the range in order
        if self.ui.periodCheck.isChecked():
            self.reload()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
