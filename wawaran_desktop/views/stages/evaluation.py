"""Stage 9 panel: who received the report and when, three scores, notes and follow-ups.

A save names the version of the evaluation it was based on. When another PC saved first, the
edits stay on screen, marked, under the conflict bar (views/conflict_bar.py): the choices
(receiver, scores) as well as the typed fields, so *Tetap pakai milik saya* stores every
field the person changed over the other PC's version, the fields they did not touch staying
as the other PC left them.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QComboBox

from wawaran_desktop.forms.ui_stage_evaluation import Ui_EvaluationPanel
from wawaran_desktop.services.errors import ConflictError, ServiceError, ValidationError
from wawaran_desktop.services.lanes import holder_lane
from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.services.stages.evaluation import (
    ASPECTS,
    FOLLOWUP_CHARS,
    FOLLOWUP_LINES,
    RECEIVER_LANE,
    SCORE_LABELS,
    EvaluationRecord,
    Service,
    labelled,
    parse_followups,
)
from wawaran_desktop.views.staff_choice import fill_staff_combo
from wawaran_desktop.views.stages import StagePanel
from wawaran_desktop.views.wib_time import WIB_ZONE, from_qdatetime, to_qdatetime

#: The service's fields by the labels the comparison of two versions shows.
FIELD_LABELS = {"received_by_id": "Diterima oleh", "received_at": "Diterima pada",
                **{field: label for field, label in ASPECTS}, "notes": "Catatan evaluasi",
                "followups": "Tindak lanjut"}


class Panel(StagePanel):
    form, service_class = Ui_EvaluationPanel, Service
    ui: Ui_EvaluationPanel

    def setup(self) -> None:
        ui = self.ui
        self.record: EvaluationRecord | None = None
        self._shown_received: datetime | None = None  # the time of receipt as last shown or stored
        self._editable = True
        self._typed_refused = False  # the message shown is a refusal of typed fields (flush)
        self.scores: dict[str, QComboBox] = {"score_timeliness": ui.timelinessCombo, "score_reach": ui.reachCombo,
                                             "score_narration": ui.narrationCombo}
        for field, combo in self.scores.items():
            combo.addItem("— belum dinilai —", None)
            for value, label in SCORE_LABELS.items():
                combo.addItem(f"{value} – {label}", value)
            combo.activated.connect(lambda _i, f=field, c=combo: self._store(**{f: c.currentData()}))
        ui.receiverCombo.activated.connect(lambda _i: self._store(received_by_id=ui.receiverCombo.currentData()))
        ui.receivedEdit.setTimeZone(WIB_ZONE)
        ui.receivedEdit.editingFinished.connect(self.flush)
        self.retry_while_refused(self.flush, ui.receivedEdit)  # a corrected time clears its message in place
        ui.nowButton.clicked.connect(self._received_now)
        self._autosave = self.autosave(self.flush, ui.notesEdit, ui.followupsEdit)
        ui.followupsEdit.textChanged.connect(self._count)
        ui.errorLabel.hide()

    # -- showing --------------------------------------------------------------------------
    def load(self, campaign: CampaignRecord) -> None:
        same = self.campaign is not None and self.campaign.id == campaign.id
        keep_form = same and not self.flush()  # a refused value stays on screen to be corrected
        if not same:
            self.ui.errorLabel.hide()
            self.clear_conflict()
        super().load(campaign)
        if not keep_form:
            self._show(self.service.get(campaign.id))
        # else the form stays as the person left it, and so does the record its edits were
        # based on (its version, and the values an edit is told from): their save meets a save
        # made meanwhile on another PC (the conflict bar) instead of overwriting it.

    def _show(self, record: EvaluationRecord) -> None:
        ui = self.ui
        self.record = record
        self._loading = True
        try:
            self._fill_receivers(record.received_by_id)
            received = record.received_at or self.ws.clock().replace(second=0, microsecond=0)
            self._shown_received = received
            ui.receivedEdit.setDateTime(to_qdatetime(received))
            for field, combo in self.scores.items():
                combo.setCurrentIndex(max(0, combo.findData(getattr(record, field))))
            if ui.notesEdit.toPlainText() != record.notes:
                ui.notesEdit.setPlainText(record.notes)
            if parse_followups(ui.followupsEdit.toPlainText()) != record.followups:
                ui.followupsEdit.setPlainText(record.followups_text)
        finally:
            self._loading = False
        self._count()

    def _fill_receivers(self, selected: int | None) -> None:
        lanes = {lane.id: lane.name for lane in self.ws.sop.lanes}
        fill_staff_combo(self.ui.receiverCombo, self.ws.staff.list(), selected, "— pilih penerima laporan —",
                         order=lambda s: (s.lane != RECEIVER_LANE, s.name),
                         label=lambda s: f"{s.name} ({lanes.get(s.lane, s.lane)})",
                         lane=holder_lane(self.ws.sop, "evaluation"))

    def _count(self) -> None:
        points = parse_followups(self.ui.followupsEdit.toPlainText())
        longest = max((len(p) for p in points), default=0)
        text = f"{len(points)} / {FOLLOWUP_LINES} butir tindak lanjut"
        if longest > FOLLOWUP_CHARS:
            text += f" · ada butir lebih dari {FOLLOWUP_CHARS} karakter"
        self.ui.counterLabel.setText(text)
        over = len(points) > FOLLOWUP_LINES or longest > FOLLOWUP_CHARS
        self.ui.counterLabel.setStyleSheet("color: #b00020;" if over else "")

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.setEnabled(editable)

    # -- storing --------------------------------------------------------------------------
    def _received_now(self) -> None:
        self.ui.receivedEdit.setDateTime(to_qdatetime(self.ws.clock().replace(second=0, microsecond=0)))
        self.flush()

    def flush(self) -> bool:
        """Store the time of receipt, notes and follow-ups if they were changed."""
        self._autosave.stop()
        record = self.record
        if record is None or self.campaign is None or not self._editable or self._loading:
            return True
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        changes = self._typed()
        if not changes:  # as shown and stored: a refusal of a typed value since put back no longer
            if self._typed_refused:  # applies (a refused choice keeps its explanation)
                self.show_error(None)
                self._typed_refused = False
            return True
        self._typed_refused = not self._store(**changes)
        return not self._typed_refused

    def before_finish(self) -> bool:
        """The receiver and time of receipt shown are stored before finishing: the form offers
        them (the Kepala Bidang, now) but an untouched form has stored nothing, and finishing
        would say they are missing while the person sees them filled (issue 15)."""
        record = self.record
        if record is None or record.stored or self.campaign is None or not self._editable or self.in_conflict:
            return True
        if self.ui.receiverCombo.currentData() is None or self.service.get(self.campaign.id).stored:
            return True  # nobody chosen: finishing names it; stored meanwhile (another PC): as it is
        return self._store()  # the first save stores the receiver and time shown (refused: said, not finished)

    def _typed(self) -> dict[str, object]:
        """The typed fields (time of receipt, notes, follow-ups) that differ from the record."""
        ui, record = self.ui, self.record
        changes: dict[str, object] = {}
        received = from_qdatetime(ui.receivedEdit.dateTime())
        if received != self._shown_received:
            changes["received_at"] = received
        if ui.notesEdit.toPlainText().strip() != record.notes:
            changes["notes"] = ui.notesEdit.toPlainText()
        if parse_followups(ui.followupsEdit.toPlainText()) != record.followups:
            changes["followups"] = ui.followupsEdit.toPlainText()
        return changes

    def _chosen(self) -> dict[str, object]:
        """The choices (receiver, scores) that differ from the record."""
        record = self.record
        changes: dict[str, object] = {}
        if self.ui.receiverCombo.currentData() != record.received_by_id:
            changes["received_by_id"] = self.ui.receiverCombo.currentData()
        for field, combo in self.scores.items():
            if combo.currentData() != getattr(record, field):
                changes[field] = combo.currentData()
        return changes

    def _store(self, version: int | None = None, **changes: object) -> bool:
        """Store ``changes`` over ``version`` (by default the record's); the first save also
        stores the receiver and time shown."""
        if self.campaign is None or self.record is None or self._loading:
            return True
        if self.in_conflict:
            return False  # a choice made meanwhile is stored with the rest once the person has chosen
        if not self.record.stored:
            changes.setdefault("received_by_id", self.ui.receiverCombo.currentData())
            changes.setdefault("received_at", from_qdatetime(self.ui.receivedEdit.dateTime()))
        cid = self.campaign.id
        version = self.record.version if version is None else version
        ok, record = self.act(lambda actor: self.service.update(actor, cid, **changes, version=version),
                              self._refused, self._conflicted)
        if not ok:
            return False
        self.show_error(None)
        self.record = record
        self._shown_received = record.received_at
        return True

    # -- another PC saved first ---------------------------------------------------------
    def _edited(self) -> dict[str, object]:
        """Every field the person changed since the record was read."""
        return {**self._chosen(), **self._typed()}

    def _conflicted(self, error: ConflictError) -> None:
        """Keep every edit on screen, the edited fields marked; the bar lets the person choose."""
        ui = self.ui
        widgets = {"received_by_id": ui.receiverCombo, "received_at": ui.receivedEdit, **self.scores,
                   "notes": ui.notesEdit, "followups": ui.followupsEdit}
        self.conflict_bar.show_conflict(error, self._mine, self._take_theirs, self._keep_mine,
                                        *(widgets[field] for field in self._edited()))

    def _mine(self) -> dict[str, str]:
        """What *Tetap pakai milik saya* would store, by label: the stored version with the
        person's edits."""
        ui = self.ui
        names = {s.id: s.name for s in self.ws.staff.list()}
        shown = labelled(names.get(ui.receiverCombo.currentData()), from_qdatetime(ui.receivedEdit.dateTime()),
                         *(combo.currentData() for combo in self.scores.values()),
                         ui.notesEdit.toPlainText().strip(), ui.followupsEdit.toPlainText())
        error = self.conflict_bar.error
        mine = dict(error.theirs) if error is not None else {}
        for field in self._edited():
            label = FIELD_LABELS[field]
            mine[label] = shown[label]
        return mine

    def _take_theirs(self) -> None:
        if self.campaign is not None:
            self.show_error(None)
            self._show(self.service.get(self.campaign.id))

    def _keep_mine(self, version: int) -> None:
        """Store what the person changed over the stored ``version``."""
        if self.campaign is not None and self.record is not None:
            self._store(version, **self._edited())
    def _refused(self, exc: ServiceError) -> None:
        """Show why; a choice goes back to what is stored, typed text stays to be corrected."""
        ui = self.ui
        self.show_error(exc)
        field = exc.field if isinstance(exc, ValidationError) else ""
        record = self.record
        self._loading = True
        try:
            if field == "received_by" and record is not None:
                ui.receiverCombo.setCurrentIndex(max(0, ui.receiverCombo.findData(record.received_by_id)))
            if field in self.scores and record is not None:
                combo = self.scores[field]
                combo.setCurrentIndex(max(0, combo.findData(getattr(record, field))))
        finally:
            self._loading = False
        widget = {"received_at": ui.receivedEdit, "notes": ui.notesEdit, "followups": ui.followupsEdit,
                  "received_by": ui.receiverCombo}.get(field)
        if widget is not None:
            widget.setFocus()
