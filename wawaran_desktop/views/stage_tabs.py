"""The row of stage tabs: one per activity of the campaign's pinned SOP, built on first view.

Building a stage's widgets only when its tab is first shown keeps start-up and the switch
between campaigns fast; the tab colours come straight from the campaign record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from wawaran_desktop.services.records import CampaignRecord, StaffRecord
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.views.stage_tab import StageTab
from wawaran_desktop.views.status_style import STATUS_COLOURS

TAB_STYLE = "QTabBar::tab { padding: 5px 7px; }"


class StageTabsController(QObject):
    changed = Signal()  # a stage stored something

    def __init__(self, tabs: QTabWidget, ws: Workspace, actor: Callable[[], int | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widget = tabs
        self.ws = ws
        self._actor = actor
        self._pages: list[QWidget] = []
        self._built: dict[int, StageTab] = {}
        self._sop_checksum: str | None = None
        self._record: CampaignRecord | None = None
        self._staff: list[StaffRecord] = []
        self._shown: int | None = None  # index of the tab on screen
        tabs.tabBar().setStyleSheet(TAB_STYLE)  # on the bar only: a sheet on the pages is slow
        tabs.currentChanged.connect(self._current_changed)

    def show_record(self, record: CampaignRecord, staff: list[StaffRecord], now: datetime,
                    select_current: bool) -> None:
        self._ensure_pages(record)
        self._record, self._staff = record, staff
        for tab in self._built.values():
            tab.show_step(record, staff, now)
        if select_current:
            self.widget.setCurrentIndex(record.current_no - 1)
        self.stage(self.widget.currentIndex() + 1)
        self.tick(now)

    def stage(self, no: int) -> StageTab:
        """The tab of stage ``no``, built now if it has not been shown yet."""
        index = no - 1
        tab = self._built.get(index)
        if tab is None:
            record = self._record
            assert record is not None, "no campaign shown"
            tab = StageTab(self.ws, record.sop, record.sop.activity(no), self._actor, self._pages[index])
            tab.changed.connect(self.changed)
            tab.finished.connect(self._finished)
            self._pages[index].layout().addWidget(tab)
            tab.show()  # now, not on the layout's queued show: its shortcuts work at once
            self._built[index] = tab
            tab.show_step(record, self._staff, self.ws.clock())
        return tab

    def forget_typing(self) -> None:
        """The next showing of the campaign reloads every panel from what is stored, dropping what
        is typed but not stored (a panel keeps typing only when it shows the same campaign again)."""
        for tab in self._built.values():
            if tab.panel is not None:
                tab.panel.campaign = None

    def built(self) -> list[StageTab]:
        return list(self._built.values())

    def tick(self, now: datetime) -> None:
        record = self._record
        if record is None:
            return
        bar = self.widget.tabBar()
        for i, step in enumerate(record.steps):
            bar.setTabTextColor(i, QColor(STATUS_COLOURS[step.status(now)][0]))
        for tab in self._built.values():
            tab.tick(now)

    def flush(self) -> bool:
        """Store every built stage's pending edits; False when something was refused.

        The first stage that refused is brought to the front, so its message is in view.
        """
        refused = [index for index, tab in sorted(self._built.items()) if not tab.flush()]
        if refused and self.widget.currentIndex() != refused[0]:
            self.widget.blockSignals(True)  # no second flush of the tab being left
            self.widget.setCurrentIndex(refused[0])
            self._shown = refused[0]
            self.widget.blockSignals(False)
        return not refused

    def _finished(self, no: int) -> None:
        """A stage shown was finished: on to the next stage's tab (the window has shown the
        stored finish already)."""
        if self.widget.currentIndex() == no - 1 and no < self.widget.count():
            self.widget.setCurrentIndex(no)

    def _ensure_pages(self, record: CampaignRecord) -> None:
        if self._sop_checksum == record.sop.checksum:
            return
        self.widget.blockSignals(True)
        self.widget.clear()
        for page in self._pages:
            page.deleteLater()
        self._pages, self._built = [], {}
        self._shown = None
        for activity in record.sop.activities:
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            self._pages.append(page)
            index = self.widget.addTab(page, f"{activity.no} {activity.short}")
            self.widget.setTabToolTip(index, activity.title)
        self.widget.blockSignals(False)
        self._sop_checksum = record.sop.checksum

    def _current_changed(self, index: int) -> None:
        left = self._shown
        if left is not None and left != index and left in self._built:
            self._built[left].flush()  # store what was typed in the tab being left
        self._shown = index
        if self._record is not None and index >= 0:
            self.stage(index + 1)
