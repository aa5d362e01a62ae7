"""Stage 8 panel: the report editor, drafted from stages 1–7 and locked once step 8 is finished."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.forms.ui_stage_report import Ui_ReportPanel
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.services.stages.dissemination import step_no_of
from wawaran_desktop.services.stages.report import BODY_MAX, DEFAULT_STEP_NO, WORKSPACE, ReportRecord, Service
from wawaran_desktop.services.timing import StepState
from wawaran_desktop.views.stages import StagePanel
from wawaran_desktop.text.formatting import thousands

READ_ONLY_STYLE = "QPlainTextEdit { background: #f5f5f5; color: #333333; }"


class Panel(StagePanel):
    form, service_class = Ui_ReportPanel, Service
    ui: Ui_ReportPanel

    def setup(self) -> None:
        self.record: ReportRecord | None = None
        self._pending = False  # typed text not yet stored
        self._editable = True
        self._autosave = self.autosave(self.flush, self.ui.bodyEdit, edited=self._typed)
        self.ui.bodyEdit.textChanged.connect(self._count)
        self.ui.resetButton.clicked.connect(self.reset)
        self.ui.errorLabel.hide()
        self.ui.lockLabel.hide()

    # -- showing --------------------------------------------------------------------------
    def load(self, campaign: CampaignRecord) -> None:
        same = self.campaign is not None and self.campaign.id == campaign.id
        keep_text = same and self._pending and not self.flush()  # refused: the typing stays
        if not same:
            self._pending = False
            self.ui.errorLabel.hide()
            self.clear_conflict()
        super().load(campaign)
        fresh = self.service.get(campaign.id)
        if keep_text and self.record is not None:
            # The typing stays based on the version it was typed over: its save meets a save
            # made meanwhile on another PC (the conflict bar) instead of overwriting it.
            fresh = fresh._replace(version=self.record.version)
        self._show(fresh, keep_text=keep_text)

    def showEvent(self, event: QShowEvent) -> None:
        """An unsaved draft follows what the other stages stored meanwhile."""
        super().showEvent(event)
        if self.campaign is not None and self.record is not None and not self.record.stored and not self._pending:
            self._show(self.service.get(self.campaign.id))

    def _show(self, record: ReportRecord, keep_text: bool = False) -> None:
        self.record = record
        ui = self.ui
        if not keep_text:
            if ui.bodyEdit.toPlainText() != record.body:
                self._loading = True
                ui.bodyEdit.setPlainText(record.body)
                self._loading = False
            self._pending = False
        ui.lockLabel.setVisible(record.locked)
        self.set_editable(self._editable)
        if record.stored:
            who = f" oleh {record.updated_by_name}" if record.updated_by_name else ""
            when = (f", {fmt.long_date(record.updated_at)} pukul {fmt.clock_time(record.updated_at)} WIB"
                    if record.updated_at else "")
            ui.statusLabel.setText(f"Tersimpan{who}{when}.")
        else:
            ui.statusLabel.setText("Draf otomatis dari data tahap 1–7, belum disimpan: tersimpan saat Anda "
                                   "mengubahnya atau menyelesaikan tahap ini.")
        self._count()

    def _count(self) -> None:
        length = len(self.ui.bodyEdit.toPlainText())
        self.ui.counterLabel.setText(f"{thousands(length)} / {thousands(BODY_MAX)} karakter")
        self.ui.counterLabel.setStyleSheet("color: #b00020;" if length > BODY_MAX else "")

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        locked = self.record is not None and self.record.locked
        self.ui.bodyEdit.setReadOnly(locked or not editable)
        self.ui.bodyEdit.setStyleSheet(READ_ONLY_STYLE if locked or not editable else "")
        self.ui.resetButton.setEnabled(editable and not locked)

    # -- storing --------------------------------------------------------------------------
    def _typed(self, _edit: object) -> None:
        self._pending = True

    def _step_running(self) -> bool:
        if self.campaign is None:
            return False
        step = self.campaign.step(step_no_of(self.campaign, WORKSPACE, DEFAULT_STEP_NO))
        return step.state is StepState.RUNNING

    def flush(self) -> bool:
        """Store typed text (an untouched draft stays a draft that follows stages 1-7)."""
        return self._store(draft_too=False)

    def before_finish(self) -> bool:
        """Finishing needs a stored report: store the draft as it stands."""
        return self._store(draft_too=True)

    def _store(self, draft_too: bool) -> bool:
        self._autosave.stop()
        record, campaign = self.record, self.campaign
        if record is None or campaign is None or record.locked or not self._editable:
            return True
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        if not self._pending:
            if record.stored or not draft_too or not self._step_running():
                return True
            fresh = self.service.get(campaign.id)
            if fresh.stored:  # stored meanwhile (by another PC): the untouched draft holds nothing of this person's
                self._show(fresh)
                return True
        return self._save(record.version)

    def _save(self, version: int) -> bool:
        """Store the text as it stands over the stored ``version``."""
        campaign = self.campaign
        text = self.ui.bodyEdit.toPlainText()
        ok, stored = self.act(lambda actor: self.service.save(actor, campaign.id, text, version=version),
                              conflicted=self._conflicted)
        if not ok:
            return False
        self.show_error(None)
        self._pending = self.ui.bodyEdit.toPlainText() != text
        self._show(stored, keep_text=True)
        return True

    def _conflicted(self, error) -> None:
        """Another PC saved the report first: keep the text, let the person choose."""
        self.conflict_bar.show_conflict(
            error, lambda: {"Laporan": self.ui.bodyEdit.toPlainText()}, self._take_theirs, self._save,
            self.ui.bodyEdit)

    def _take_theirs(self) -> None:
        if self.campaign is not None:
            self._pending = False
            self._show(self.service.get(self.campaign.id))

    def reset(self) -> None:
        """Replace the text by a new draft from stages 1–7, after asking."""
        if self.campaign is None:
            return
        answer = QMessageBox.question(
            self, "Susun ulang laporan",
            "Isi laporan akan diganti dengan draf baru dari data tahap 1–7; perubahan yang Anda tulis "
            "akan hilang. Lanjutkan?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._autosave.stop()
        cid = self.campaign.id
        version = self.record.version if self.record is not None else None
        ok, record = self.act(lambda actor: self.service.reset(actor, cid, version=version),
                              conflicted=self._conflicted)
        if not ok:
            return
        self.show_error(None)
        self._pending = False
        self._show(record)
