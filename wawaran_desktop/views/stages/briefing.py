"""Stage 2 panel: the briefing meeting, the route of locations and the topics.

Three sub-tabs over ``services/stages/briefing.py``. Meeting fields are stored when the user
leaves them (the two long texts also shortly after typing stops); choices (attendees,
topics, a kelurahan, a time) at once. The route of locations is edited by
:class:`~wawaran_desktop.views.stages.route_editor.RouteEditor`, mixed into :class:`Panel`.

Several PCs: a meeting field's save names the meeting's version its text was based on; when
another PC saved first, what was typed stays, marked, under the conflict bar (compare / take
theirs / keep mine). A tick (attendee, topic) changes that one person or topic only, and the
list then shows every tick stored, also the other PC's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from wawaran_desktop.forms.ui_stage_briefing import Ui_BriefingPanel
from wawaran_desktop.services.clock import WIB, to_wib
from wawaran_desktop.services.errors import ConflictError, ServiceError
from wawaran_desktop.services.records import CampaignRecord, StaffRecord
from wawaran_desktop.services.stages.briefing import FIELD_LABELS, BriefingRecord, Service, TopicRecord
from wawaran_desktop.services.stages.data_collection import PRIORITY_LABELS
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.views import feedback
from wawaran_desktop.views.inline_message import scroll_to_if_out_of_view
from wawaran_desktop.views.stages import StagePanel
from wawaran_desktop.views.stages.route_editor import RouteEditor

UNSET = QDateTime(QDate(2000, 1, 1), QTime(0, 0))  # the edit's minimum, shown as "belum diisi"
ID_ROLE = Qt.ItemDataRole.UserRole


class Panel(RouteEditor, StagePanel):
    form, service_class = Ui_BriefingPanel, Service
    ui: Ui_BriefingPanel

    def setup(self) -> None:
        ui = self.ui
        self.record: BriefingRecord | None = None
        self._pending: set[str] = set()  # meeting fields typed but not stored yet
        self._meeting_version = 0  # the meeting's stored version the typed fields are based on
        self._editable = True
        self._failures: list[str] = []
        ui.heldAtEdit.setMinimumDateTime(UNSET)
        ui.heldAtEdit.setSpecialValueText("belum diisi")
        ui.heldAtEdit.installEventFilter(self)
        self._setup_route()
        for label in (ui.meetingError, ui.locationsError, ui.topicsError):
            label.hide()
        ui.heldAtEdit.dateTimeChanged.connect(lambda _v: self._edited("held_at", at_once=True))
        ui.heldAtEdit.editingFinished.connect(self._store_meeting)
        ui.placeEdit.textEdited.connect(lambda _t: self._edited("place"))
        ui.placeEdit.editingFinished.connect(self._store_meeting)
        texts = {ui.agendaEdit: "agenda", ui.notesEdit: "technical_notes"}
        self._autosave = self.autosave(self._store_meeting, *texts, edited=lambda edit: self._pending.add(texts[edit]))
        ui.attendeesList.itemChanged.connect(self._attendee_ticked)
        ui.topicsList.itemChanged.connect(self._topic_ticked)
        ui.sectionTabs.currentChanged.connect(lambda _i: self._refresh_topics())

    # -- showing --------------------------------------------------------------------------
    def load(self, campaign: CampaignRecord) -> None:
        same = self.campaign is not None and self.campaign.id == campaign.id
        if same:
            self._store_meeting()  # a reload never throws typing away; what is refused stays
        else:
            self._pending.clear()
            self.clear_conflict()
            self._stop_pending = False
            self._editing = None
            for label in (self.ui.meetingError, self.ui.locationsError, self.ui.topicsError):
                self.show_error(None, label)
        super().load(campaign)
        self._show(self.service.get(campaign.id))
        if not same:
            self._reset_editor()  # another campaign: the editor starts a new stop of its own

    def _show(self, record: BriefingRecord) -> None:
        self.record = record
        if not self._pending:  # typing not stored yet stays based on the version it was typed over
            self._meeting_version = record.version
        ui = self.ui
        self._loading = True
        try:
            if "held_at" not in self._pending:
                ui.heldAtEdit.setDateTime(_to_qt(record.held_at))
            self._held_at_label(record.held_at)
            if "place" not in self._pending:
                ui.placeEdit.setText(record.place)
            for name, edit, text in (("agenda", ui.agendaEdit, record.agenda),
                                     ("technical_notes", ui.notesEdit, record.technical_notes)):
                if name not in self._pending and edit.toPlainText() != text:
                    edit.setPlainText(text)
            self._fill_attendees(record.attendees)
            self._fill_topics(record.topics)
        finally:
            self._loading = False
        self._show_route(list(record.locations), self._editing.id if self._editing else None)

    def _held_at_label(self, held_at: datetime | None) -> None:
        self.ui.heldAtLabel.setText(fmt.long_date_time(held_at) if held_at else "Tanggal dan jam (WIB)")

    def _fill_attendees(self, attending: tuple[StaffRecord, ...]) -> None:
        lanes = [lane.id for lane in self.ws.sop.lanes]
        ids = {p.id for p in attending}
        people = {p.id: p for p in self.ws.staff.list(include_inactive=False)} | {p.id: p for p in attending}
        box = self.ui.attendeesList
        box.clear()
        for person in sorted(people.values(), key=lambda p: (lanes.index(p.lane) if p.lane in lanes else 99, p.name)):
            item = QListWidgetItem(person.name if person.active else f"{person.name} (tidak aktif)", box)
            item.setData(ID_ROLE, person.id)
            item.setToolTip(f"{person.name}\n{person.position or self.ws.sop.lane(person.lane).name}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in ids else Qt.CheckState.Unchecked)

    def _fill_topics(self, topics: tuple[TopicRecord, ...]) -> None:
        box = self.ui.topicsList
        box.clear()
        for topic in topics:
            item = QListWidgetItem(f"{topic.topic}  (prioritas {PRIORITY_LABELS.get(topic.priority, '?')})", box)
            item.setData(ID_ROLE, topic.id)
            item.setToolTip(topic.summary or topic.topic)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if topic.selected else Qt.CheckState.Unchecked)
        self._topics_hint(topics)

    def _topics_hint(self, topics: tuple[TopicRecord, ...]) -> None:
        chosen = sum(t.selected for t in topics)
        self.ui.topicsHint.setText(
            f"Centang data tahap 1 yang menjadi topik wawaran ({chosen} dari {len(topics)} dipilih)." if topics
            else "Belum ada data di tahap 1. Catat datanya di tab \"1 Pengumpulan Data\", lalu pilih topiknya di sini.")

    def _refresh_topics(self) -> None:
        """Stage 1 may have changed since: its items are read again whenever they are shown."""
        if self.campaign is not None and self.record is not None and not self._loading:
            topics = tuple(self.service.topics(self.campaign.id))
            if topics != self.record.topics:
                self.record = self.record._replace(topics=topics)
                self._loading = True
                self._fill_topics(topics)
                self._loading = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._refresh_topics()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for widget in (self.ui.meetingContents, self.ui.locationsContents, self.ui.topicsContents):
            widget.setEnabled(editable)

    def show_error(self, message: ServiceError | str | None, label: QLabel | None = None) -> None:
        """Show ``message`` in ``label``, one of the three sub-tabs' message lines."""
        super().show_error(message, label)
        if label.text():  # on a small screen the message may sit below the fold: scroll to it then
            ui = self.ui
            scroll = {ui.meetingError: ui.meetingScroll, ui.locationsError: ui.locationsScroll}.get(
                label, ui.topicsScroll)
            QTimer.singleShot(0, scroll, lambda: scroll_to_if_out_of_view(scroll, label))

    # -- the meeting ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """A click or key on an empty date starts from now rather than from the year 2000."""
        if watched is self.ui.heldAtEdit and event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress) \
                and self.ui.heldAtEdit.dateTime() == UNSET and self.ui.heldAtEdit.isEnabled() \
                and (event.type() != QEvent.Type.KeyPress or event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            now = to_wib(self.ws.clock())
            self._loading = True
            self.ui.heldAtEdit.setDateTime(QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute)))
            self._loading = False
            self._pending.add("held_at")  # stored when the user leaves the field or changes it
        return super().eventFilter(watched, event)

    def _edited(self, name: str, at_once: bool = False) -> None:
        if self._loading or self.campaign is None:
            return
        self._pending.add(name)
        if at_once:
            self._store_meeting()

    def _value(self, name: str) -> object:
        ui = self.ui
        if name == "held_at":
            value = ui.heldAtEdit.dateTime()
            if value == UNSET:
                return None
            d, t = value.date(), value.time()
            return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=WIB)
        if name == "place":
            return ui.placeEdit.text()
        return ui.agendaEdit.toPlainText() if name == "agenda" else ui.notesEdit.toPlainText()

    def _store_meeting(self) -> bool | None:
        """Store each pending meeting field on its own; a refused one stays pending and is shown.

        True when nothing is left pending, False when refused, None when nobody is acting.
        """
        self._autosave.stop()
        if not self._pending or self.campaign is None:
            return True
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        cid, refusals = self.campaign.id, []
        for name in sorted(self._pending):
            value, version = self._value(name), self._meeting_version
            ok, record = self.act(lambda actor, n=name, v=value, ver=version: self.service.update(actor, cid, **{n: v}, version=ver),
                                  lambda exc: refusals.append(str(exc)), self._meeting_conflicted)
            if ok is None:
                return None
            if ok:
                self._pending.discard(name)
                self.record = record
                self._meeting_version = record.version
                if name == "held_at":
                    self._held_at_label(record.held_at)
            elif self.in_conflict:
                return False
        refused = refusals[0] if refusals else None
        self.show_error(refused, self.ui.meetingError)
        if refused:
            self._failures.append(refused)
        return refused is None

    def _meeting_conflicted(self, error: ConflictError) -> None:
        """Another PC saved the meeting first: keep what is typed, let the person choose."""
        ui = self.ui
        widgets = {"held_at": ui.heldAtEdit, "place": ui.placeEdit, "agenda": ui.agendaEdit,
                   "technical_notes": ui.notesEdit}

        def mine() -> dict[str, str]:
            held_at = self._value("held_at")
            return {FIELD_LABELS["held_at"]: fmt.long_date_time(held_at) if held_at else "belum diisi",
                    FIELD_LABELS["place"]: ui.placeEdit.text().strip(), FIELD_LABELS["agenda"]: ui.agendaEdit.toPlainText(),
                    FIELD_LABELS["technical_notes"]: ui.notesEdit.toPlainText()}

        self.ui.sectionTabs.setCurrentWidget(self.ui.meetingPage)
        self.conflict_bar.show_conflict(error, mine, self._take_theirs, self._keep_mine,
                                        *(widgets[name] for name in sorted(self._pending)))

    def _take_theirs(self) -> None:
        if self.campaign is not None:
            self._pending.clear()
            self.show_error(None, self.ui.meetingError)
            self._show(self.service.get(self.campaign.id))

    def _keep_mine(self, version: int) -> None:
        """Store the typed meeting fields over the stored ``version``, now knowingly."""
        self._meeting_version = version
        self._store_meeting()

    def _attendee_ticked(self, item: QListWidgetItem) -> None:
        self._ticked(item, self.ui.meetingError, lambda actor, cid, ident, on: self.record._replace(
            attendees=self.service.set_attendee(actor, cid, ident, on)),
            lambda record: {p.id for p in record.attendees})

    def _topic_ticked(self, item: QListWidgetItem) -> None:
        self._ticked(item, self.ui.topicsError, lambda actor, cid, ident, on: self.record._replace(
            topics=tuple(self.service.set_topic(actor, cid, ident, on))),
            lambda record: {t.id for t in record.topics if t.selected})

    def _ticked(self, item: QListWidgetItem, label: QLabel,
                store: Callable[[int, int, int, bool], BriefingRecord],
                ticked: Callable[[BriefingRecord], set[int]]) -> None:
        """Store a ticked box at once (that one alone: the other PCs' ticks stay, and are
        shown); when refused, say why and untick it again."""
        if self._loading or self.campaign is None or self.record is None:
            return
        box, cid = item.listWidget(), self.campaign.id
        ident, on = item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked
        ok, record = self.act(lambda actor: store(actor, cid, ident, on), lambda exc: self.show_error(exc, label))
        if ok:
            self.record = record
            self.show_error(None, label)
            stored = ticked(record)
            self._loading = True
            for other in _items(box):  # what the other PCs ticked meanwhile
                state = Qt.CheckState.Checked if other.data(ID_ROLE) in stored else Qt.CheckState.Unchecked
                if other.checkState() != state:
                    other.setCheckState(state)
            self._loading = False
            self._topics_hint(record.topics)
            return
        self._loading = True
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        self._loading = False

    # -- leaving --------------------------------------------------------------------------
    def flush(self) -> bool:
        """Store typed meeting fields, a pending change to the selected stop and a new stop
        left in the editor. False when something is refused or nobody is acting."""
        self._failures = []
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        for store in (self._store_meeting, lambda: self._stop_edited() if self._stop_pending else True,
                      self._flush_new_stop):
            if store() is None:
                return False  # nobody is acting: the user has been told; what was typed stays
        if self.in_conflict:
            return False  # the bar says it: no message box over it
        if self._failures:
            feedback.warn(self, self._failures[0], "Isian briefing belum tersimpan")
            return False
        return True


def _items(box: QListWidget) -> list[QListWidgetItem]:
    return [box.item(i) for i in range(box.count())]


def _to_qt(moment: datetime | None) -> QDateTime:
    if moment is None:
        return UNSET
    local = to_wib(moment)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
