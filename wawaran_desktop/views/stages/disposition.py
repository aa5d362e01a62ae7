"""Stage 5 panel: what the lembar disposisi needs, stored through services/stages/disposition.py.

Each field is stored when the user leaves it (choices at once, the two text boxes also a
moment after typing stops); a refusal is shown in the red line under the form and the typed
value stays in its field until it is corrected.

A save names the version of the disposition it was based on. When another PC saved first,
every field the person changed stays as they left it, marked, under the conflict bar
(views/conflict_bar.py); *Tetap pakai milik saya* stores those fields over the other PC's
version (the fields the person did not touch stay as the other PC left them).

Each recipient's SRIKANDI status is shown under the recipients, and a recipient acting here
reads the disposition by opening the tab and records its follow-up
(views/stages/disposition_status.py).

Tanggal surat, Diterima and Tgl. Penyelesaian are date fields that take typing as every date
field does (views/date_typing.py); empty shows "—" (their minimum) and Delete empties them.
They store the same ``date | None`` as before. A refusal goes as soon as the fields it names
are stored, also when it is the other field of the rule that is corrected (issue 15).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QListWidgetItem

from wawaran_desktop.forms.ui_stage_disposition import Ui_DispositionPanel
from wawaran_desktop.services.errors import ConflictError, ValidationError
from wawaran_desktop.services.lanes import holder_lane
from wawaran_desktop.services.records import CampaignRecord, StaffRecord
from wawaran_desktop.services.stages.disposition import (
    LABELS,
    SIFAT,
    SIGNER_LANE,
    STANDARD_INSTRUCTIONS,
    DispositionRecord,
    Service,
    field_text,
)
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.views import feedback
from wawaran_desktop.views.staff_choice import fill_staff_combo, staff_label
from wawaran_desktop.views.responsive import on_resize
from wawaran_desktop.views.stages import StagePanel
from wawaran_desktop.views.stages.disposition_status import RecipientStatusView

INSTRUCTIONS_NARROW = 480  # below this width of the form, the instructions take one column
RECIPIENT_LANES = ("tim", "kernet")  # the wawaran team first in the list
FIELDS = ("disposed_on", "due_on", "surat_dari", "nomor_surat", "tanggal_surat", "diterima_tanggal", "sifat", "hal",
          "recipient_ids", "instructions", "free_text", "catatan", "signer_id")
TEXT_FIELDS = ("surat_dari", "nomor_surat", "hal", "free_text", "catatan")


class Panel(StagePanel):
    form, service_class = Ui_DispositionPanel, Service
    ui: Ui_DispositionPanel

    def setup(self) -> None:
        ui = self.ui
        self.record: DispositionRecord | None = None
        self._error_field: str | None = None
        self._boxes: dict[str, QCheckBox] = {}
        for i, phrase in enumerate(STANDARD_INSTRUCTIONS):
            box = QCheckBox(phrase, ui.instructionsBox)
            ui.instructionsLayout.addWidget(box, i // 2, i % 2)
            box.toggled.connect(lambda _on: self._store_field("instructions"))
            self._boxes[phrase] = box
        self._instruction_columns = 2
        on_resize(ui.scrollArea, self._fit_instructions)  # one column when the room is narrow (150% scaling)
        ui.sifatCombo.addItems(SIFAT)
        for widget in (ui.patternFrame, ui.errorLabel, ui.yearNoticeLabel):
            widget.hide()
        self._lines = {"surat_dari": ui.suratDariEdit, "nomor_surat": ui.nomorSuratEdit, "hal": ui.halEdit}
        for name, edit in self._lines.items():
            edit.editingFinished.connect(lambda n=name: self._store_field(n))
        self._days: dict[str, QDateEdit] = {"tanggal_surat": ui.tanggalSuratEdit, "diterima_tanggal": ui.diterimaEdit,
                                            "due_on": ui.dueEdit}
        for name, edit in self._days.items():
            edit.dateChanged.connect(lambda _d, n=name: self._store_field(n))
            edit.installEventFilter(self)  # Delete empties it
            edit.calendarWidget().installEventFilter(self)  # an empty field's calendar opens on today
        ui.dateEdit.dateChanged.connect(lambda _d: self._store_field("disposed_on"))
        ui.sifatCombo.activated.connect(lambda _i: self._store_field("sifat"))
        ui.signerCombo.activated.connect(lambda _i: self._store_field("signer_id"))
        ui.recipientList.itemChanged.connect(lambda _item: self._store_field("recipient_ids"))
        self._autosave = self.autosave(self._store_texts, ui.freeTextEdit, ui.catatanEdit, when_left=True)
        ui.patternButton.clicked.connect(self._open_pattern)
        ui.patternEdit.textChanged.connect(self._preview_pattern)
        ui.patternEdit.returnPressed.connect(self._save_pattern)
        ui.patternSaveButton.clicked.connect(self._save_pattern)
        ui.patternCancelButton.clicked.connect(ui.patternFrame.hide)
        self.srikandi = RecipientStatusView(self, lambda: self.record)

    def _fit_instructions(self, size: QSize) -> None:
        """The standard instructions in two columns, or in one below INSTRUCTIONS_NARROW pixels."""
        columns = 1 if size.width() < INSTRUCTIONS_NARROW else 2
        if columns == self._instruction_columns:
            return
        self._instruction_columns = columns
        grid = self.ui.instructionsLayout
        for box in self._boxes.values():
            grid.removeWidget(box)
        for i, box in enumerate(self._boxes.values()):
            # one column: each box as wide as its text (stretched, a click on its middle would miss it)
            grid.addWidget(box, i // columns, i % columns,
                           alignment=Qt.AlignmentFlag.AlignLeft if columns == 1 else Qt.AlignmentFlag(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Delete (or Backspace) on a date field not being typed in empties it; the calendar of
        an empty field opens on this month rather than at the "empty" minimum."""
        if isinstance(watched, QDateEdit) and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not watched.isReadOnly():
            from wawaran_desktop.views.date_typing import typing_of

            typing = typing_of(watched)
            if typing is None or typing.typed is None:
                watched.setDate(watched.minimumDate())
                return True
        if event.type() == QEvent.Type.Show:
            for edit in self._days.values():
                if watched is edit.calendarWidget() and edit.date() == edit.minimumDate():
                    day = self.ws.today()
                    edit.calendarWidget().setCurrentPage(day.year, day.month)
        return super().eventFilter(watched, event)

    def set_editable(self, editable: bool) -> None:
        """Read-only still scrolls: only the fields are disabled."""
        self.ui.scrollContents.setEnabled(editable)
        self.ui.patternFrame.setEnabled(editable)

    # -- showing ------------------------------------------------------------------------
    def load(self, campaign: CampaignRecord) -> None:
        keep: set[str] = set()
        if self.record is not None and self.campaign is not None and self.campaign.id == campaign.id:
            if self.in_conflict:  # the form stays as the person left it until they choose
                super().load(campaign)
                self.srikandi.show()
                return
            # A reload of the same campaign: store what is typed; what is refused stays typed.
            keep = {f for f in FIELDS if self._differs(f) and not self._store_field(f)}
        else:
            self._show_error(None)
            self.clear_conflict()
        super().load(campaign)
        fresh = self.service.get(campaign.id)
        if keep and self.record is not None:
            # The fields kept as typed stay based on the version they were typed over: their
            # save meets a save made meanwhile on another PC (the conflict bar) instead of
            # overwriting it.
            fresh = fresh._replace(version=self.record.version)
        self._show_record(fresh, keep)
        self.srikandi.opened()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.srikandi.opened()  # opening the tab: a recipient acting here has read it

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.srikandi.hidden()

    def _show_record(self, record: DispositionRecord, keep: set[str]) -> None:
        """Show ``record``; the fields in ``keep`` stay as typed."""
        self._autosave.stop()
        self.record = record
        staff = self.ws.staff.list()
        self._loading = True
        try:
            self._fill(record, staff, keep)
        finally:
            self._loading = False
        self._show_meta()

    def _fill(self, record: DispositionRecord, staff: list[StaffRecord], keep: set[str]) -> None:
        ui = self.ui
        day = record.disposed_on
        if "disposed_on" not in keep and day is not None:
            ui.dateEdit.setDate(QDate(day.year, day.month, day.day))
        for name, edit in self._lines.items():
            if name not in keep:
                edit.setText(getattr(record, name))
        for name, edit in self._days.items():
            if name not in keep:
                day = getattr(record, name)
                edit.setDate(QDate(day.year, day.month, day.day) if day is not None else edit.minimumDate())
        ui.halEdit.setPlaceholderText(record.theme or "Isi hal (kampanye belum bertema)")
        if "sifat" not in keep:
            ui.sifatCombo.setCurrentIndex(max(0, ui.sifatCombo.findText(record.sifat)))
        for name, edit in (("free_text", ui.freeTextEdit), ("catatan", ui.catatanEdit)):
            if name not in keep and edit.toPlainText().strip() != getattr(record, name):
                edit.setPlainText(getattr(record, name))
        if "instructions" not in keep:
            for phrase, box in self._boxes.items():
                box.setChecked(phrase in record.instructions)
        chosen = set(self._value("recipient_ids")) if "recipient_ids" in keep else {r.id for r in record.recipients}
        ui.recipientList.clear()
        people = [s for s in staff if s.active or s.id in chosen]
        for person in sorted(people, key=lambda s: (s.lane not in RECIPIENT_LANES, s.name)):
            item = QListWidgetItem(staff_label(person), ui.recipientList)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in chosen else Qt.CheckState.Unchecked)
        signer_id = ui.signerCombo.currentData() if "signer_id" in keep else record.signer.id if record.signer else None
        fill_staff_combo(ui.signerCombo, staff, signer_id, "— belum dipilih —",
                         order=lambda s: (s.lane != SIGNER_LANE, s.name),
                         lane=holder_lane(self.ws.sop, "disposition"))

    def _show_meta(self) -> None:
        record = self.record
        if record is None:
            return
        pattern = self.service.agenda_pattern()
        if record.agenda_number:
            self.ui.agendaLabel.setText(f"<b>{record.agenda_number}</b>")
        else:
            self.ui.agendaLabel.setText("<i>saat pertama disimpan</i>")
        self.ui.agendaLabel.setToolTip(f"Nomor urut per tahun, pola kantor: {pattern}. "
                                       "Nomor yang sudah diberikan tidak berubah.")
        notice = record.year_notice
        self.ui.yearNoticeLabel.setVisible(bool(notice))
        self.ui.yearNoticeLabel.setText(notice or "")
        if record.updated_at is not None:
            self.ui.savedLabel.setText(f"Tersimpan {fmt.date_time(record.updated_at)} oleh {record.updated_by_name}.")
        else:
            self.ui.savedLabel.setText("Belum disimpan.")
        self.srikandi.show()  # the recipients may have changed with this save

    def _show_error(self, message: str | None, field: str | None = None) -> None:
        self._error_field = field if message else None
        self.show_error(message)

    # -- values of the widgets ------------------------------------------------------------
    def _value(self, field: str):
        """What the widget of ``field`` holds, as the service takes it (ValidationError if unreadable)."""
        ui = self.ui
        if field == "disposed_on":
            d = ui.dateEdit.date()
            return date(d.year(), d.month(), d.day())
        if field in self._days:
            edit = self._days[field]
            d = edit.date()
            return None if d == edit.minimumDate() else date(d.year(), d.month(), d.day())
        if field in self._lines:
            return self._lines[field].text()
        if field == "sifat":
            return ui.sifatCombo.currentText()
        if field == "signer_id":
            return ui.signerCombo.currentData()
        if field == "recipient_ids":
            items = (ui.recipientList.item(i) for i in range(ui.recipientList.count()))
            return tuple(it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked)
        if field == "instructions":
            return tuple(phrase for phrase, box in self._boxes.items() if box.isChecked())
        return (ui.freeTextEdit if field == "free_text" else ui.catatanEdit).toPlainText()

    def _differs(self, field: str) -> bool:
        try:
            value = self._value(field)
        except ValidationError:
            return True
        stored = getattr(self.record.draft(), field)
        if field in TEXT_FIELDS:
            return value.strip() != stored
        if field == "recipient_ids":
            return set(value) != set(stored)
        return value != stored

    # -- storing --------------------------------------------------------------------------
    def _store_field(self, field: str) -> bool:
        """Store ``field`` if it changed. False when refused (the message is shown)."""
        if self._loading or self.record is None:
            return True
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        try:
            value = self._value(field)
        except ValidationError as exc:
            self._show_error(str(exc), field)
            return False
        if not self._differs(field):
            if self._error_field == field:
                self._show_error(None)
            return True
        cid, draft = self.record.campaign_id, self.record.draft()._replace(**{field: value})
        version = self.record.version
        ok, record = self.act(lambda actor: self.service.save(actor, cid, draft, version=version),
                              lambda exc: self._show_error(str(exc), field), self._conflicted)
        if not ok:
            return False
        self.record = record
        pending = self._error_field
        if pending is not None and pending != field and self._differs(pending):
            # The refused field may be valid now that this one changed (Tanggal surat after
            # Diterima is corrected either way): stored, its message goes.
            self._store_field(pending)
        elif pending is not None and not self._differs(pending):
            self._show_error(None)
        self._show_meta()
        return True

    def _store_texts(self) -> bool:
        self._autosave.stop()
        return all([self._store_field("free_text"), self._store_field("catatan")])

    def flush(self) -> bool:
        self._autosave.stop()
        if self.record is None:
            return True
        if self.in_conflict:
            return False  # the bar above the form asks the person to choose
        stored = all([self._store_field(f) for f in FIELDS if self._differs(f)])
        if not stored and self._error_field is not None and not self.in_conflict:  # else: told already
            feedback.warn(self, self.ui.errorLabel.text(), "Disposisi belum tersimpan")
        return stored

    # -- another PC saved first -----------------------------------------------------------
    def _edited(self) -> list[str]:
        """The fields the person changed since the record shown was read."""
        return [f for f in FIELDS if self._differs(f)]

    def _widget(self, field: str):
        ui = self.ui
        return {"disposed_on": ui.dateEdit, "sifat": ui.sifatCombo, "signer_id": ui.signerCombo,
                "recipient_ids": ui.recipientList, "instructions": ui.instructionsBox, "free_text": ui.freeTextEdit,
                "catatan": ui.catatanEdit, **self._days}.get(field) or self._lines[field]

    def _conflicted(self, error: ConflictError) -> None:
        """Keep what the person changed on screen, marked; the bar lets them choose."""
        self._show_error(None)
        self.conflict_bar.show_conflict(error, self._mine, self._take_theirs, self._keep_mine,
                                        *(self._widget(f) for f in self._edited()))

    def _shown_value(self, field: str):
        """The field's value as the service takes it."""
        return self._value(field)

    def _mine(self) -> dict[str, str]:
        """What *Tetap pakai milik saya* would store, by label: the stored version with the
        person's changes."""
        error = self.conflict_bar.error
        mine = dict(error.theirs) if error is not None else {}
        for field in self._edited():
            mine[LABELS[field]] = field_text(field, self._shown_value(field))
        return mine

    def _take_theirs(self) -> None:
        if self.campaign is not None:
            self._show_error(None)
            self._show_record(self.service.get(self.campaign.id), set())

    def _keep_mine(self, version: int) -> None:
        """Store the fields the person changed over the stored ``version``."""
        if self.campaign is None or self.record is None:
            return
        cid, edited = self.campaign.id, self._edited()
        try:
            changes = {field: self._value(field) for field in edited}
        except ValidationError as exc:
            self._show_error(str(exc), exc.field)
            return
        draft = self.service.get(cid).draft()._replace(**changes)
        ok, record = self.act(lambda actor: self.service.save(actor, cid, draft, version=version),
                              lambda exc: self._show_error(str(exc), getattr(exc, "field", None)), self._conflicted)
        if ok:
            self._show_error(None)
            self._show_record(record, set())

    # -- agenda number pattern ------------------------------------------------------------
    def _open_pattern(self) -> None:
        self.ui.patternEdit.setText(self.service.agenda_pattern())
        self._preview_pattern(self.ui.patternEdit.text())
        self.ui.patternFrame.show()
        self.ui.patternEdit.setFocus()
        self.ui.patternEdit.selectAll()

    def _preview_pattern(self, text: str) -> None:
        try:
            sample = self.service.preview_pattern(text)
        except ValidationError as exc:
            self._pattern_message(str(exc), error=True)
            return
        self._pattern_message(f"Contoh: {sample}", error=False)

    def _pattern_message(self, text: str, error: bool) -> None:
        self.ui.patternPreview.setText(text)
        self.ui.patternPreview.setStyleSheet("color: #b00020;" if error else "")
        self.ui.patternSaveButton.setEnabled(not error)

    def _save_pattern(self) -> None:
        pattern = self.ui.patternEdit.text()
        ok, _ = self.act(lambda actor: self.service.set_agenda_pattern(actor, pattern),
                         lambda exc: self._pattern_message(str(exc), error=True))
        if not ok:
            return
        self.ui.patternFrame.hide()
        self._show_meta()
