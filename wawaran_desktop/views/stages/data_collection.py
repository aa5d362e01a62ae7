"""Stage 1 panel (Pengumpulan Data): the data items, a form for one item, its attachments.

The form stores when the user leaves a field or makes a choice; a new item is stored once
its topic is typed. :meth:`Panel.flush` stores whatever is still pending. The item's
attachments are handled by :class:`~wawaran_desktop.views.stages.attachment_box.AttachmentBox`,
mixed into :class:`Panel`.

Several PCs: a change of an item names the item's version the form was filled from; when
another PC changed (or removed) the item first, the form keeps the person's values, marked,
under the conflict bar: take theirs shows the stored item, keep mine stores the person's over
it (or, when it was removed, records it again as a new item).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, QModelIndex, QSize, QTimer
from PySide6.QtWidgets import QBoxLayout, QHeaderView, QMessageBox

from wawaran_desktop.forms.ui_stage_data_collection import Ui_DataCollectionPanel
from wawaran_desktop.qtmodels.data_items import DataItemTableModel
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.errors import ConflictError, ServiceError, ValidationError
from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.services.stages.data_collection import (
    PRIORITY_LABELS,
    SOURCE_LABELS,
    DataItemFields,
    DataItemRecord,
    Service,
    item_values,
)
from wawaran_desktop.views import feedback
from wawaran_desktop.views.focus_watch import when_focus_leaves
from wawaran_desktop.views.inline_message import scroll_to_if_out_of_view
from wawaran_desktop.views.responsive import on_resize
from wawaran_desktop.views.stages import StagePanel
from wawaran_desktop.views.stages.attachment_box import AttachmentBox

NARROW_BELOW = 600  # below this width of the form the attachments go under the item's form
ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
FIELD_WIDGETS = {"topic": "topicEdit", "summary": "summaryEdit", "source_kind": "sourceCombo",
                 "source_name": "sourceNameEdit", "reference": "referenceEdit", "item_date": "dateEdit",
                 "priority": "priorityCombo"}


class Panel(AttachmentBox, StagePanel):
    form, service_class = Ui_DataCollectionPanel, Service
    ui: Ui_DataCollectionPanel

    def setup(self) -> None:
        ui = self.ui
        self.model = DataItemTableModel(self)
        ui.itemsTable.setModel(self.model)
        header = ui.itemsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for kind, label in SOURCE_LABELS.items():
            ui.sourceCombo.addItem(label, kind)
        for value, label in PRIORITY_LABELS.items():
            ui.priorityCombo.addItem(label, value)
        ui.dateEdit.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        self._item: DataItemRecord | None = None  # the item in the form; None: a new one
        self._draft = DataItemFields()  # the form of a new item before anything is typed
        self._editable = True
        self._refused: str | None = None  # why the last store was refused
        self._setup_attachments()
        ui.itemsTable.selectionModel().currentRowChanged.connect(self._row_changed)
        ui.addButton.clicked.connect(self.new_item)
        ui.removeButton.clicked.connect(self.remove_item)
        ui.upButton.clicked.connect(lambda: self.move_item(-1))
        ui.downButton.clicked.connect(lambda: self.move_item(1))
        ui.saveButton.clicked.connect(self.save)
        for edit in (ui.topicEdit, ui.sourceNameEdit, ui.referenceEdit, ui.dateEdit):
            edit.editingFinished.connect(self._auto_store)
        when_focus_leaves(ui.summaryEdit, self._auto_store)  # a QPlainTextEdit has no editingFinished
        # a corrected value clears its message without the field being left
        self.retry_while_refused(self._auto_store, ui.topicEdit, ui.summaryEdit, ui.sourceNameEdit, ui.referenceEdit,
                                 ui.dateEdit)
        ui.sourceCombo.activated.connect(self._source_chosen)
        ui.priorityCombo.activated.connect(self._auto_store)
        ui.dateCheck.toggled.connect(self._date_toggled)
        on_resize(ui.scrollArea, self._fit)  # the attachments beside the item, or under it when narrow
        ui.errorLabel.hide()

    # -- StagePanel -----------------------------------------------------------------------
    def load(self, campaign: CampaignRecord) -> None:
        same = self.campaign is not None and self.campaign.id == campaign.id
        if not same:
            self.clear_conflict()
        super().load(campaign)
        rows = self.service.list(campaign.id)
        if same and (self._pending() or self.in_conflict):  # typing not yet stored wins over a reload
            keep = self._item.id if self._item is not None else None  # stay with the form's item
            self._set_rows(rows, keep)
            row = self.model.row_of(keep) if keep is not None else -1
            if row >= 0:  # still based on the version the typing started from (another PC's change is met on save)
                self._item = self.model.record(row)._replace(version=self._item.version, fields=self._item.fields)
            return
        if same and (self._item is None or any(r.id == self._item.id for r in rows)):
            keep = self._item.id if self._item is not None else None  # stay with the form's item
            self._set_rows(rows, keep)
            self._show_item(self.model.record(self.model.row_of(keep)) if keep is not None else None)
            return
        first = rows[0] if rows else None
        self._set_rows(rows, first.id if first else None)
        self._show_item(first)

    def flush(self) -> bool:
        if self._store(explicit=True):
            return True
        if self.in_conflict:
            return False  # the bar says it: no message box over it
        if self._refused:  # (no one acting: the window has said so already)
            feedback.warn(self, f"Item data Pengumpulan Data belum tersimpan: {self._refused}",
                          "Data belum tersimpan")
        return False

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update_enabled()

    # -- the form -------------------------------------------------------------------------
    def _form_fields(self) -> DataItemFields:
        ui = self.ui
        kind = ui.sourceCombo.currentData()
        return DataItemFields(
            topic=ui.topicEdit.text().strip(), summary=ui.summaryEdit.toPlainText().strip(),
            source_kind=kind, source_name=ui.sourceNameEdit.text().strip() if kind == "other" else "",
            reference=ui.referenceEdit.text().strip(),
            item_date=ui.dateEdit.date().toPython() if ui.dateCheck.isChecked() else None,
            priority=ui.priorityCombo.currentData())

    def _pending(self) -> bool:
        stored = self._item.fields if self._item is not None else self._draft
        return self.campaign is not None and self._form_fields() != stored

    def _show_item(self, record: DataItemRecord | None) -> None:
        """Fill the form with ``record``, or empty it for a new item."""
        self._item = record
        if record is None:
            self._draft = DataItemFields(item_date=self.service.today())
        self._loading = True
        try:
            self._fill(record.fields if record is not None else self._draft)
        finally:
            self._loading = False
        box = self.ui.editBox
        if record is None:
            box.setTitle("Item data baru")
            box.setToolTip("")
        else:
            # (a group box is as wide as its title at least: who recorded it is in the tooltip)
            box.setTitle(f"Item data no. {self.model.row_of(record.id) + 1}")
            box.setToolTip(f"Dicatat oleh {record.created_by_name}, {fmt.long_date(record.created_at)} pukul "
                           f"{fmt.clock_time(record.created_at)} WIB")
        self.show_error(None)
        self._show_attachments()

    def _fill(self, f: DataItemFields) -> None:
        """Put stored values in the widgets, touching only those that differ (keeps the cursor)."""
        ui = self.ui
        for edit, text in ((ui.topicEdit, f.topic), (ui.sourceNameEdit, f.source_name),
                           (ui.referenceEdit, f.reference)):
            if edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)  # show the start of a long text
        if ui.summaryEdit.toPlainText() != f.summary:
            ui.summaryEdit.setPlainText(f.summary)
        ui.sourceCombo.setCurrentIndex(max(0, ui.sourceCombo.findData(f.source_kind)))
        ui.priorityCombo.setCurrentIndex(max(0, ui.priorityCombo.findData(f.priority)))
        ui.dateCheck.setChecked(f.item_date is not None)
        day = f.item_date or self.service.today()
        ui.dateEdit.setDate(QDate(day.year, day.month, day.day))

    def _store(self, explicit: bool) -> bool:
        """Store the form if it differs from what is stored. False when refused (shown inline)."""
        self._refused = None
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        if not self._editable or not self._pending():
            self.show_error(None)  # back to what is stored: an earlier refusal no longer applies
            return True
        fields, item = self._form_fields(), self._item
        if item is None and not explicit and not fields.topic:
            return True  # a new item is stored once it has a topic (or on Simpan)
        cid = self.campaign.id
        ok, record = self.act(lambda actor: self.service.add(actor, cid, fields) if item is None
                              else self.service.update(actor, cid, item.id, fields, version=item.version),
                              lambda exc: self._refuse(exc, focus=explicit), self._conflicted)
        if ok:
            self._reload_rows(record.id)
            self._show_item(self.model.record(self.model.row_of(record.id)))
            self.changed.emit()  # the briefing picks its topics from these items
        return bool(ok)

    def _conflicted(self, error: ConflictError) -> None:
        """Another PC changed (or removed) the item in the form first: keep the form, let the person choose."""
        ui, item = self.ui, self._item
        stored = item.fields if item is not None else self._draft
        form = self._form_fields()
        changed = [getattr(ui, FIELD_WIDGETS[name]) for name in FIELD_WIDGETS
                   if getattr(form, name) != getattr(stored, name)]
        self.show_error(None)
        self.conflict_bar.show_conflict(error, lambda: item_values(self._form_fields()), self._take_theirs,
                                        self._keep_mine, *changed)

    def _take_theirs(self) -> None:
        if self.campaign is None:
            return
        rows = self.service.list(self.campaign.id)
        keep = self._item.id if self._item is not None and any(r.id == self._item.id for r in rows) else None
        if keep is None and rows:
            keep = rows[0].id
        self._set_rows(rows, keep)
        self._show_item(self.model.record(self.model.row_of(keep)) if keep is not None else None)
        self._update_enabled()

    def _keep_mine(self, version: int) -> None:
        """Store the form over the item's stored ``version`` (0: it was removed: record it anew)."""
        if self._item is None:
            return
        if version == 0:
            self._draft = DataItemFields()
            self._item = None
        else:
            self._item = self._item._replace(version=version)
        self._store(explicit=True)

    def _refuse(self, exc: ServiceError, focus: bool = True) -> None:
        """Show why the service refused, and keep it for :meth:`flush`'s warning."""
        self._refused = str(exc)
        self._show_error(exc, focus)

    def _auto_store(self, *_args) -> None:
        if not self._loading:
            self._store(explicit=False)

    def save(self) -> bool:
        return self._store(explicit=True)

    def _source_chosen(self, _index: int) -> None:
        self._update_enabled()
        if self.ui.sourceCombo.currentData() == "other" and not self.ui.sourceNameEdit.text().strip():
            self.ui.sourceNameEdit.setFocus()  # stored when the name has been typed
        else:
            self._auto_store()

    def _date_toggled(self, _checked: bool) -> None:
        self._update_enabled()
        self._auto_store()

    def _show_error(self, message: ServiceError | str, focus: bool = True) -> None:
        """Show ``message`` inline, scrolled into view (and with ``focus``, put the focus on the refused field)."""
        self.show_error(message)
        QTimer.singleShot(0, self, lambda: scroll_to_if_out_of_view(self.ui.scrollArea, self.ui.errorLabel))
        if focus and isinstance(message, ValidationError) and message.field in FIELD_WIDGETS:
            getattr(self.ui, FIELD_WIDGETS[message.field]).setFocus()

    def _fit(self, size: QSize) -> None:
        """The attachments beside the item's form, or under it below NARROW_BELOW pixels (150% scaling)."""
        direction = QBoxLayout.Direction.TopToBottom if size.width() < NARROW_BELOW else QBoxLayout.Direction.LeftToRight
        if self.ui.detailLayout.direction() != direction:
            self.ui.detailLayout.setDirection(direction)

    def _update_enabled(self) -> None:
        ui, on, item = self.ui, self._editable, self._item
        for widget in (ui.addButton, ui.topicEdit, ui.summaryEdit, ui.sourceCombo, ui.sourceNameEdit,
                       ui.referenceEdit, ui.dateCheck, ui.priorityCombo, ui.saveButton, ui.attachButton):
            widget.setEnabled(on)
        ui.formLayout.setRowVisible(ui.sourceNameEdit, ui.sourceCombo.currentData() == "other")
        ui.dateEdit.setEnabled(on and ui.dateCheck.isChecked())
        row = self.model.row_of(item.id) if item is not None else -1
        ui.removeButton.setEnabled(on)  # on a new item: empties the form
        ui.upButton.setEnabled(on and row > 0)
        ui.downButton.setEnabled(on and 0 <= row < self.model.rowCount() - 1)
        selected = self._current_file() is not None
        ui.openButton.setEnabled(selected)
        ui.detachButton.setEnabled(on and selected)

    # -- the list -------------------------------------------------------------------------
    def _set_rows(self, rows: list[DataItemRecord], select_id: int | None) -> None:
        """Show ``rows``; the same items in the same order are updated in place."""
        self._loading = True
        try:
            if [r.id for r in rows] == [r.id for r in self.model.records()]:
                for record in rows:
                    self.model.update_row(record)
            else:
                self.model.set_rows(rows)
            row = self.model.row_of(select_id) if select_id is not None else -1
            selection = self.ui.itemsTable.selectionModel()
            if row >= 0:
                selection.setCurrentIndex(self.model.index(row, 0), ROWS)
            else:
                selection.clear()
        finally:
            self._loading = False

    def _reload_rows(self, select_id: int | None) -> None:
        if self.campaign is not None:
            self._set_rows(self.service.list(self.campaign.id), select_id)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        target = self.model.id_at(current.row())
        if self._item is not None and self._item.id == target:
            return
        if not self._store(explicit=True):  # what is typed belongs to the item in the form
            self._set_rows(self.model.records(), self._item.id if self._item else None)
            return
        self._set_rows(self.model.records(), target)
        row = self.model.row_of(target)
        self._show_item(self.model.record(row) if row >= 0 else None)

    def new_item(self) -> None:
        if not self._store(explicit=True):
            return
        self._set_rows(self.model.records(), None)
        self._show_item(None)
        self.ui.topicEdit.setFocus()

    def remove_item(self) -> None:
        item = self._item
        if item is None:
            self._show_item(None)  # a new item not stored yet: just empty the form
            return
        files = f" beserta {item.attachment_count} lampirannya" if item.attachment_count else ""
        if QMessageBox.question(self, "Hapus item data", f"Hapus item \"{item.topic}\"{files}?") \
                != QMessageBox.StandardButton.Yes:
            return
        row = self.model.row_of(item.id)
        ok, _ = self.act(lambda actor: self.service.remove(actor, self.campaign.id, item.id, version=item.version),
                         self._refuse, self._removal_overtaken)
        if ok:
            rows = self.service.list(item.campaign_id)
            after = rows[min(row, len(rows) - 1)] if rows else None
            self._set_rows(rows, after.id if after else None)
            self._show_item(after)
            self.changed.emit()

    def _removal_overtaken(self, error: ConflictError) -> None:
        """The item was changed (or already removed) on another PC: show it as stored, and say so."""
        self._take_theirs()
        self._refuse(f"{str(error).split(' Isian Anda')[0]} Item belum dihapus; periksa isinya lalu hapus "
                     "lagi bila perlu." if error.version else str(error).split(' Isian Anda')[0], focus=False)

    def move_item(self, offset: int) -> None:
        item = self._item
        if item is None or not self._store(explicit=True):
            return
        ok, rows = self.act(lambda actor: self.service.move(actor, self.campaign.id, item.id, offset), self._refuse)
        if ok:
            self._set_rows(rows, item.id)
            self._show_item(self.model.record(self.model.row_of(item.id)))
            self.changed.emit()

