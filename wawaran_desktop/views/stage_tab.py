"""One tab per SOP stage: activity, lanes, checklist, assignee, timer, history and notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QListWidgetItem, QSizePolicy, QStyledItemDelegate, QWidget

from wawaran_desktop.forms.ui_stage_tab import Ui_StageTab
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.text import durations
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus, StaffRecord, StepRecord
from wawaran_desktop.services.timing import StepState, StepStatus
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.sop import Activity, Sop
from wawaran_desktop.views import feedback, responsive
from wawaran_desktop.views.staff_choice import fill_staff_combo
from wawaran_desktop.views.stages import SAVE_DELAY_MS, StagePanel
from wawaran_desktop.views.stages.registry import panel_class
from wawaran_desktop.views.status_style import chip_style, steady_chip

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from wawaran_desktop.views.conflict_bar import ConflictBar

EVENT_WORDS = {"start": "Mulai", "finish": "Selesai", "reopen": "Dibuka kembali", "pause": "Dijeda",
               "resume": "Dilanjutkan"}
PAUSE_TIP = ("Hentikan sementara jam tahap ini (misalnya menunggu kendaraan); "
             "waktu jeda tidak dihitung terhadap waktu baku")
RESUME_TIP = "Jalankan lagi jam tahap yang sedang dijeda"
PAUSE_TEXT, RESUME_TEXT = "&Jeda…", "Lan&jutkan"  # one button, one Alt letter
#: The stage's content and side lists get at least this height (logical pixels) of the tab's room
#: when the window is low (150% scaling): the tab's header then scrolls away above them.
BODY_MIN_HEIGHT = 220
TIMER_TITLE = "Waktu pelaksanaan"
WIDE_MARGIN = 24
POSITION_ROLE = Qt.ItemDataRole.UserRole + 1  # an assignee entry's position, shown in the list after the name
SIDE_TAB_STYLE = "QTabBar::tab { padding: 4px 6px; }"


class StageTab(QWidget):
    """The workspace of one SOP activity for the selected campaign."""

    changed = Signal()  # something was stored: the window reloads the campaign
    finished = Signal(int)  # the person finished this stage (its number), after ``changed``

    def __init__(self, ws: Workspace, sop: Sop, activity: Activity,
                 actor: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StageTab()
        self.ui.setupUi(self)
        self.ws = ws
        self.activity = activity
        self._actor = actor
        self._campaign: CampaignRecord | None = None
        self._step: StepRecord | None = None
        self._loading = False
        self._notes_pending = False  # typed notes not yet stored
        #: The stored notes the editor's text is based on, and their version: a save names that
        #: version, and a reload while notes are pending (or in conflict) keeps both.
        self._notes_base = ""
        self._notes_version: int | None = None
        self._notes_bar: ConflictBar | None = None  # above the notes, made at the first conflict
        self._notes_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self.flush_notes)
        self._fit_to_room()
        self._fill_static(sop)
        self._steady_timer_width()
        self.panel = self._make_panel(activity.workspace)
        self._keep_least_width()
        self.ui.startButton.clicked.connect(self._start)
        self.ui.finishButton.clicked.connect(self._finish)
        self.ui.reopenButton.clicked.connect(self._reopen)
        self.ui.pauseButton.clicked.connect(self._pause_or_resume)
        self.ui.checklist.itemChanged.connect(self._checked)
        self.ui.assigneeCombo.activated.connect(self._assigned)
        self.ui.notesEdit.textChanged.connect(self._notes_edited)

    def _make_panel(self, workspace: str | None) -> StagePanel | None:
        cls = panel_class(workspace)
        if cls is None:
            self.ui.contentBox.hide()
            return None
        panel = cls(self.ws, self._actor, self.ui.contentBox)
        panel.changed.connect(self.changed)
        self.ui.contentLayout.addWidget(panel)
        self.ui.bodySplitter.setStretchFactor(0, 3)
        self.ui.bodySplitter.setStretchFactor(1, 1)
        self.ui.bodySplitter.setSizes([620, 240])  # the side lists stay readable
        return panel

    def _fit_to_room(self) -> None:
        """The tab on a small screen: the header's timer goes under its details when the tab is
        narrow, the stage's content keeps a usable height (the page scrolls, never the window
        grows), names and the title are cut with "…" rather than widening the window."""
        ui = self.ui
        responsive.keep_elided(ui.titleLabel)
        ui.sideTabs.tabBar().setStyleSheet(SIDE_TAB_STYLE)
        ui.sideTabs.tabBar().setExpanding(False)
        ui.sideTabs.setMinimumWidth(ui.sideTabs.tabBar().sizeHint().width() + 4)  # titles never cut
        combo = ui.assigneeCombo
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.setItemDelegate(_NameAndPosition(combo))
        ui.lanesLabel.setMinimumWidth(ui.lanesLabel.fontMetrics().horizontalAdvance("M" * 10))
        ui.outputLabel.setMinimumWidth(ui.lanesLabel.minimumWidth())
        self._narrow: bool | None = None
        responsive.on_resize(ui.stageScroll.viewport(), self._room_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Arranged for the room it is shown in (before the resize watch is installed, at the end
        of start-up: views/responsive.py)."""
        super().showEvent(event)
        self.ui.pageLayout.activate()
        self._room_changed(self.ui.stageScroll.viewport().size())
        responsive.arrange_now(self)  # the stage form too (its own resize watches come later)

    def _keep_least_width(self) -> None:
        """The tab is never narrower than its narrow arrangement needs (timer and buttons in a
        row, content beside the side lists): the window's splitter narrows the campaign list
        first, and no button is ever cut at the side."""
        ui = self.ui
        self.ensurePolished()  # (the timer's large font is its style sheet's)
        margins = ui.pageLayout.contentsMargins()
        page = max(ui.timerBox.minimumSizeHint().width(), ui.bodySplitter.minimumSizeHint().width())
        scroll_bar = ui.stageScroll.verticalScrollBar().sizeHint().width()
        least = page + margins.left() + margins.right() + scroll_bar + 2
        if ui.stageScroll.minimumWidth() != least:
            ui.stageScroll.setMinimumWidth(least)

    def _wide_width(self) -> int:
        """The least width the header needs with its details and the timer side by side."""
        ui = self.ui
        combo = ui.assigneeCombo  # the whole name of who is assigned, beside its caption
        whole_name = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 48
        room_for_details = (ui.infoLayout.horizontalSpacing() + ui.assigneeCaption.sizeHint().width()
                            + max(whole_name, self.fontMetrics().horizontalAdvance("M" * 20)))
        margins = self.ui.pageLayout.contentsMargins()
        return (room_for_details + ui.headerLayout.horizontalSpacing()
                + ui.timerBox.minimumSizeHint().width() + margins.left() + margins.right())

    def _room_changed(self, size: QSize) -> None:
        ui = self.ui
        self._keep_least_width()
        # (a little more room to turn wide than to stay so: a scroll bar coming and going does
        # not switch the arrangement back and forth)
        narrow = size.width() < self._wide_width() + (WIDE_MARGIN if self._narrow else 0)
        if narrow != self._narrow:
            self._narrow = narrow
            ui.headerLayout.removeWidget(ui.timerBox)
            if narrow:  # under the details, without its title; the standard shows in it
                ui.headerLayout.addWidget(ui.timerBox, 1, 0)
            else:
                ui.headerLayout.addWidget(ui.timerBox, 0, 1)
            ui.headerLayout.setColumnStretch(0, 1)
            ui.timerBox.setTitle("" if narrow else TIMER_TITLE)
            policy = ui.timerBox.sizePolicy()  # narrow: as wide as the details, buttons at the right
            policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred if narrow else QSizePolicy.Policy.Maximum)
            ui.timerBox.setSizePolicy(policy)
            ui.infoLayout.setRowVisible(ui.standardLabel, not narrow)
        self._share_height(size)

    def _share_height(self, viewport: QSize) -> None:
        """The content and side lists take the height the header leaves; when that is less than
        :data:`BODY_MIN_HEIGHT` they take the whole visible height instead, and the header is
        one scroll up (the page scrolls; the window never grows)."""
        ui = self.ui
        body = ui.bodyBox  # (a QSplitter sets its own maximum size: its box is sized instead)
        layout = ui.pageLayout
        width, height = viewport.width(), viewport.height()  # (the event's size may change under us)
        total = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        header = total - max(body.minimumHeight(), min(body.sizeHint().height(), body.maximumHeight()))
        room = height - header
        whole = height - layout.contentsMargins().bottom()  # the visible height, scrolled to the end
        least, most = (0, room) if room >= BODY_MIN_HEIGHT else (whole, whole)
        if (body.minimumHeight(), body.maximumHeight()) != (least, most):
            body.setMaximumHeight(max(most, body.minimumHeight()))
            body.setMinimumHeight(least)
            body.setMaximumHeight(most)

    def _steady_timer_width(self) -> None:
        """Room for the timer from the start (three-digit minutes), so the header does not jump
        when the minutes tick over or the wall-clock line appears under it (it wraps within
        that room)."""
        longest = durations.text(999 * 60)
        self.ui.elapsedLabel.ensurePolished()  # its style sheet sets the large font
        width = self.ui.elapsedLabel.fontMetrics().horizontalAdvance(longest) + 4
        self.ui.elapsedLabel.setMinimumWidth(width)
        self.ui.wallLabel.setWordWrap(True)
        self.ui.wallLabel.setMaximumWidth(width)
        # Room under the timer from the start for the pauses' line (wrapped), so that starting,
        # pausing or going over the standard never moves the buttons or the content.
        longest_wall = self._wall_text(999 * 60, 999 * 60, 999 * 60)
        room = self.ui.wallLabel.fontMetrics().boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, longest_wall)
        self.ui.wallLabel.setMinimumHeight(room.height())
        longest_over = durations.over(999 * 60 + 59, 0)
        steady_chip(self.ui.statusLabel, [_chip_text(status, "") for status in StepStatus]
                    + [_chip_text(StepStatus.LATE, longest_over)])  # (only a late step is over)
        pause = self.ui.pauseButton  # its text changes when paused: the room of the longer one
        pause.setText(RESUME_TEXT)
        pause.setMinimumWidth(max(pause.sizeHint().width(), self.ui.startButton.sizeHint().width()))
        pause.setText(PAUSE_TEXT)

    # -- display --------------------------------------------------------------------------
    def _fill_static(self, sop: Sop) -> None:
        act = self.activity
        self.ui.titleLabel.setText(f"Tahap {act.no} — {act.title}")
        main = sop.lane(act.lane).name
        support = ", ".join(sop.lane(lane).name for lane in act.support_lanes)
        self.ui.lanesLabel.setText(f"{main} (utama)" + (f"; {support} (pendukung)" if support else ""))
        self.ui.outputLabel.setText(act.output)

    def show_step(self, campaign: CampaignRecord, staff: list[StaffRecord], now: datetime) -> None:
        """Show this stage of ``campaign`` (a fresh record from the services)."""
        self._loading = True
        try:
            if self._campaign is None or self._campaign.id != campaign.id:
                self._notes_pending = False  # another campaign: its own stored notes
                self._clear_notes_conflict()
            self._campaign = campaign
            self._step = step = campaign.step(self.activity.no)
            self.ui.standardLabel.setText(durations.words(step.standard_minutes * 60))
            self._fill_assignees(staff, step)
            checklist = self.ui.checklist
            checklist.clear()
            # addItems: the QListWidgetItem constructor would build QIcon's enums (slower start-up)
            checklist.addItems(list(self.activity.kelengkapan))
            for i in range(checklist.count()):
                entry = checklist.item(i)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Checked if i in step.checked else Qt.CheckState.Unchecked)
            self.ui.historyList.clear()
            for event in step.events:
                text = f"{fmt.long_date_time(event.at)} — {EVENT_WORDS.get(event.kind, event.kind)} " \
                       f"oleh {event.actor_name}"
                if event.reason:
                    text += f" (alasan: {event.reason})"
                self.ui.historyList.addItem(text)
            if not self.ui.historyList.count():
                self.ui.historyList.addItem("Belum ada catatan waktu.")
            # Unsaved typing wins over the stored text: a reload never throws it away, nor the
            # version the typing was based on (a save over notes stored meanwhile is refused).
            if not self._notes_pending and not self.notes_in_conflict:
                self._notes_base, self._notes_version = step.notes, step.notes_version
                if self.ui.notesEdit.toPlainText() != step.notes:
                    self.ui.notesEdit.setPlainText(step.notes)
            editable = campaign.status is not CampaignStatus.CANCELLED
            if self.panel is not None:
                self.panel.load(campaign)
                self.panel.set_editable(editable)
            for widget in (self.ui.checklist, self.ui.assigneeCombo, self.ui.notesEdit):
                widget.setEnabled(editable)
            self.ui.startButton.setEnabled(editable and step.state is StepState.NOT_STARTED)
            self.ui.finishButton.setEnabled(editable and step.state in (StepState.RUNNING, StepState.PAUSED))
            self.ui.reopenButton.setEnabled(editable and step.state is StepState.FINISHED)
            paused = step.state is StepState.PAUSED
            self.ui.pauseButton.setText(RESUME_TEXT if paused else PAUSE_TEXT)
            self.ui.pauseButton.setToolTip(RESUME_TIP if paused else PAUSE_TIP)
            self.ui.pauseButton.setEnabled(editable and step.state in (StepState.RUNNING, StepState.PAUSED))
            self.tick(now)
        finally:
            self._loading = False

    def _fill_assignees(self, staff: list[StaffRecord], step: StepRecord) -> None:
        """The box shows the name; its list shows each name with the position (the box stays
        narrow enough for a small screen and never cuts the name)."""
        lanes = (self.activity.lane, *self.activity.support_lanes)
        combo = self.ui.assigneeCombo
        fill_staff_combo(combo, staff, step.assignee_id, "— belum ditugaskan —",
                         order=lambda s: (s.lane not in lanes, s.name), label=lambda s: s.name)
        positions = {person.id: person.position for person in staff}
        for i in range(combo.count()):
            position = positions.get(combo.itemData(i), "")
            combo.setItemData(i, position, POSITION_ROLE)
            combo.setItemData(i, f"{combo.itemText(i)} — {position}" if position else None,
                              Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip(combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) or combo.currentText())
        view = combo.view()  # the list shows whole names and positions, wider than the box if need be
        widest = max((view.fontMetrics().horizontalAdvance(_with_position(combo.itemText(i), combo.itemData(
            i, POSITION_ROLE))) for i in range(combo.count())), default=0)
        view.setMinimumWidth(widest + view.verticalScrollBar().sizeHint().width() + 24)
        if self._narrow is not None:  # side by side only while the whole name fits
            self._room_changed(self.ui.stageScroll.viewport().size())

    @staticmethod
    def _wall_text(standard_minutes: int, elapsed: float, wall: float) -> str:
        return (f"dari baku {durations.standard(standard_minutes)}\n"
                f"jam dinding {durations.text(wall)} · jeda {durations.text(wall - elapsed)}")

    def status(self, now: datetime) -> StepStatus:
        return self._step.status(now) if self._step else StepStatus.NOT_STARTED

    def tick(self, now: datetime) -> None:
        """Refresh the timer from the stored events (no database access)."""
        step = self._step
        if step is None:
            return
        elapsed = step.elapsed(now)
        self.ui.elapsedLabel.setText(durations.text(elapsed))
        wall = step.wall_elapsed(now)
        self.ui.wallLabel.setText(self._wall_text(step.standard_minutes, elapsed, wall) if step.pauses
                                  else f"dari baku {durations.standard(step.standard_minutes)}")
        status = step.status(now)
        over = durations.over(elapsed, step.standard_minutes)
        self.ui.statusLabel.setText(_chip_text(status, over))
        self.ui.statusLabel.setStyleSheet(chip_style(status))
        if self.panel is not None:
            self.panel.tick(now)

    # -- actions --------------------------------------------------------------------------
    def _ids(self) -> tuple[int | None, int, int] | None:
        if self._campaign is None:
            return None
        actor = self._actor()
        if actor is None:
            return None
        return actor, self._campaign.id, self.activity.no

    def _start(self) -> None:
        ids = self._ids()
        if ids and self.flush() and feedback.run_with_reason(
                self, lambda reason: self.ws.steps.start(*ids, reason=reason),
                f"Mulai tahap {self.activity.no} lebih dulu"):
            self.changed.emit()

    def _finish(self) -> None:
        ids = self._ids()
        if ids is None or not self.flush():
            return
        if self.panel is not None and not self.panel.before_finish():
            return
        if feedback.run_with_reason(self, lambda reason: self.ws.steps.finish(*ids, reason=reason),
                                    f"Selesaikan tahap {self.activity.no}"):
            self.changed.emit()
            self.finished.emit(self.activity.no)

    def _reopen(self) -> None:
        ids = self._ids()
        if ids is None:
            return
        reason = feedback.ask_reason(self, f"Buka kembali tahap {self.activity.no}",
                                     "Mengapa tahap ini dibuka kembali?")
        if reason is None or not self.flush():
            return
        if feedback.attempt(self, lambda: self.ws.steps.reopen(*ids, reason=reason)):
            self.changed.emit()

    def _pause_or_resume(self) -> None:
        ids = self._ids()
        if ids is None or self._step is None:
            return
        if self._step.state is StepState.PAUSED:
            if feedback.attempt(self, lambda: self.ws.steps.resume(*ids)):
                self.changed.emit()
            return
        reason = feedback.ask_reason(self, f"Jeda tahap {self.activity.no}",
                                     "Mengapa tahap ini dijeda? (misalnya menunggu kendaraan, salat Jumat)")
        if reason is None or not self.flush():
            return
        if feedback.attempt(self, lambda: self.ws.steps.pause(*ids, reason=reason)):
            self.changed.emit()

    def _checked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        ids = self._ids()  # None: the window has told the user why
        if ids is not None and feedback.attempt(
                self, lambda: self.ws.steps.set_checked(*ids, self.ui.checklist.row(item), checked)):
            self.changed.emit()  # the stage's own panel may show the same items
            return
        self._loading = True
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        self._loading = False

    def _assigned(self, _index: int) -> None:
        ids = self._ids()
        if ids is None or not self.flush():
            return
        feedback.attempt(self, lambda: self.ws.steps.assign(*ids, self.ui.assigneeCombo.currentData()))
        self.changed.emit()  # also after a refusal: the reload shows what is really stored

    def _notes_edited(self) -> None:
        if not self._loading:
            self._notes_pending = True
            self._notes_timer.start()

    def flush(self) -> bool:
        """Store the stage's pending edits and the notes. False when something was refused."""
        stored = self.panel.flush() if self.panel is not None else True
        return self.flush_notes() and stored

    def flush_notes(self) -> bool:
        """Store the notes if they changed. Returns False when they could not be stored, also
        while another PC's notes stored meanwhile wait for the person's choice (the bar)."""
        self._notes_timer.stop()
        if self._step is None or self._campaign is None:
            return True
        if self.notes_in_conflict:
            return False
        text = self.ui.notesEdit.toPlainText()
        if text == self._notes_base or text == self._step.notes:
            # Nothing typed over what was read, or the same text as stored now: take the stored
            # notes and their version (another PC may have saved meanwhile) instead of a save.
            self._notes_pending = False
            self._notes_base, self._notes_version = self._step.notes, self._step.notes_version
            if text != self._step.notes:
                self._set_notes_text(self._step.notes)
            return True
        return self._store_notes(text)

    def _store_notes(self, text: str) -> bool:
        """Store ``text`` as the notes over the version they were based on."""
        ids = self._ids()
        outcome: list[int | ConflictError] = []

        def store() -> None:
            try:
                outcome.append(self.ws.steps.set_notes(*ids, text, version=self._notes_version))
            except ConflictError as exc:  # shown on the bar, not in a message box
                outcome.append(exc)

        if ids is None or not feedback.attempt(self, store):
            return False  # the text stays in the editor, still pending
        result = outcome[0]
        if isinstance(result, ConflictError):
            self._show_notes_conflict(result)
            return False
        self._step = self._step._replace(notes=text, notes_version=result)
        self._notes_base, self._notes_version = text, result
        self._notes_pending = False
        return True

    # -- notes stored meanwhile by another PC ----------------------------------------------
    @property
    def notes_bar(self) -> ConflictBar:
        """The bar above the notes telling that another PC saved them first (made on first use)."""
        if self._notes_bar is None:
            from wawaran_desktop.views.conflict_bar import ConflictBar  # with the first conflict, not at start-up

            self._notes_bar = ConflictBar(self.ui.notesPage)
            self.ui.notesLayout.insertWidget(0, self._notes_bar)
        return self._notes_bar

    @property
    def notes_in_conflict(self) -> bool:
        """A notes save was refused because another PC saved first, and nobody has chosen yet."""
        return self._notes_bar is not None and self._notes_bar.pending

    def _clear_notes_conflict(self) -> None:
        if self._notes_bar is not None:
            self._notes_bar.clear()

    def _show_notes_conflict(self, error: ConflictError) -> None:
        self.ui.sideTabs.setCurrentWidget(self.ui.notesPage)  # the bar and the marked notes in view
        self.notes_bar.show_conflict(error, lambda: {"Catatan": self.ui.notesEdit.toPlainText()},
                                     lambda: self._take_their_notes(error), self._keep_my_notes,
                                     self.ui.notesEdit)

    def _take_their_notes(self, error: ConflictError) -> None:
        """Show the notes as the other PC stored them (the version the refusal carried)."""
        theirs = error.theirs.get("Catatan", "")
        self._notes_base, self._notes_version = theirs, error.version
        self._notes_pending = False
        if self._step is not None:
            self._step = self._step._replace(notes=theirs, notes_version=error.version)
        self._set_notes_text(theirs)

    def _keep_my_notes(self, version: int) -> None:
        """Store the typed notes over the other PC's (``version``), now knowingly."""
        self._notes_timer.stop()
        self._notes_version = version
        if self._step is not None and self._campaign is not None:
            self._store_notes(self.ui.notesEdit.toPlainText())

    def _set_notes_text(self, text: str) -> None:
        self._loading = True  # no edit: nothing to store
        try:
            self.ui.notesEdit.setPlainText(text)
        finally:
            self._loading = False


def _chip_text(status: StepStatus, over: str) -> str:
    """The status chip's text: its words (a bracketed part on a line of its own), and by how
    much the standard is exceeded."""
    return status.label.replace(" (", "\n(") + (f"\n{over}" if over else "")


def _with_position(name: str, position: str | None) -> str:
    return f"{name} — {position}" if position else name


class _NameAndPosition(QStyledItemDelegate):
    """The assignee list's entries: the name, then the position."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        option.text = _with_position(option.text, index.data(POSITION_ROLE))
