"""Stage 4 panel: the narration editor with spell checking, read-aloud estimate and versions.

A save names the latest version number the editor's text was based on; when another PC
saved a newer version first, the text stays in the editor, marked, under the conflict bar:
compare (the latest stored text beside the person's), take theirs, or keep mine (saved as
the next version, so both stay in the history). When another PC cancels the campaign, text
typed here and not saved stays in the (now read-only) editor, so it can still be copied.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidgetItem

from wawaran_desktop.forms.ui_stage_narration import Ui_StageNarration
from wawaran_desktop.services import office_words
from wawaran_desktop.services.errors import ConflictError, ServiceError
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus
from wawaran_desktop.services.stages import narration
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.text import readaloud, spelling
from wawaran_desktop.views import spell_loader
from wawaran_desktop.views.spell_highlighter import SpellHighlighter, SpellMenu
from wawaran_desktop.views.stages import StagePanel

STATS_DELAY_MS = 200
#: Under the editor when the campaign was cancelled (on another PC) while text was not saved yet.
CANCELLED_UNSAVED = ("Kampanye ini telah dibatalkan: teks yang belum disimpan tidak dapat disimpan lagi, tetapi "
                     "tetap tampil di sini — salin bila masih diperlukan.")
DIFF_STYLE = {"insert": "background-color:#d4f4d4; color:#0b5d1e; text-decoration:underline;",
              "delete": "background-color:#fbd5d5; color:#8a1111; text-decoration:line-through;"}


#: What the comparison pane says until a comparison is shown.
COMPARE_HINT = ('Pilih versi lalu klik "Bandingkan": teks yang ditambahkan tampil hijau, yang dihapus merah '
                'dan dicoret.')


class Panel(StagePanel):
    form, service_class = Ui_StageNarration, narration.Service
    ui: Ui_StageNarration

    def setup(self) -> None:
        self.office_words = office_words.OfficeWords(self.ws)
        self.checker: spelling.SpellChecker | None = None
        self._office = self.office_words.words()  # read now: the checker is built when the dictionary is ready
        self._versions: list[narration.VersionRecord] = []
        self._saved = ""  # the newest stored text of the campaign shown ("" before the first save)
        self._based_on = 0  # the number of the latest version the editor's text was based on
        self.highlighter = SpellHighlighter(self.ui.editor.document())
        self.spell_menu = SpellMenu(self.ui.editor, self.highlighter, self._add_office_word)
        self._stats_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._stats_timer.timeout.connect(self._update_stats)
        header = self.ui.versionTree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.ui.errorLabel.hide()
        self.ui.versionErrorLabel.hide()
        self._show_compare_hint()
        self.ui.editor.textChanged.connect(self._edited)
        self.ui.saveButton.clicked.connect(self.save_version)
        self.ui.rateSpin.valueChanged.connect(self._rate_changed)
        self.ui.compareButton.clicked.connect(self.compare)
        self.ui.restoreButton.clicked.connect(self.restore)
        self.ui.finalButton.clicked.connect(self.mark_final)
        self._start_spelling()

    # -- StagePanel -----------------------------------------------------------------------
    def load(self, campaign: CampaignRecord) -> None:
        same = self.campaign is not None and self.campaign.id == campaign.id
        # A reload never throws unsaved typing away: not even when the campaign was cancelled
        # meanwhile (it can no longer be saved, but it can be read and copied).
        keep_typing = same and self.pending()
        cancelled = campaign.status is CampaignStatus.CANCELLED
        super().load(campaign)
        self._loading = True
        try:
            self._saved = self.service.latest_text(campaign.id)
            if not keep_typing:
                self._based_on = self.service.latest_number(campaign.id)
                if self.ui.editor.toPlainText() != self._saved:
                    self.ui.editor.setPlainText(self._saved)
            self.ui.rateSpin.setValue(self.service.rate())
            if not same:
                self.clear_conflict()
                self.ui.errorLabel.hide()
                self.ui.versionErrorLabel.hide()
                self._show_compare_hint()
            if keep_typing and cancelled:
                self.show_error(CANCELLED_UNSAVED)
        finally:
            self._loading = False
        self._fill_versions()
        self._update_stats()

    def flush(self) -> bool:
        if self.campaign is None or self.ui.editor.isReadOnly() or not self.pending():
            return True
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        return self._save()

    def set_editable(self, editable: bool) -> None:
        """A cancelled campaign's narration can be read and compared, not changed."""
        self.ui.editor.setReadOnly(not editable)
        for widget in (self.ui.saveButton, self.ui.rateSpin, self.ui.restoreButton, self.ui.finalButton):
            widget.setEnabled(editable)

    def pending(self) -> bool:
        """Whether the editor holds text that is not stored yet."""
        return narration.normalise(self.ui.editor.toPlainText()) != self._saved

    # -- saving ---------------------------------------------------------------------------
    def save_version(self) -> None:
        if self.campaign is not None and not self.in_conflict:
            self._save()

    def _save(self) -> bool:
        if self.campaign is None:
            return False
        cid, text, based_on = self.campaign.id, self.ui.editor.toPlainText(), self._based_on
        ok, saved = self.act(lambda actor: self.service.save(actor, cid, text, version=based_on),
                             conflicted=self._conflicted)
        if not ok:
            return False
        self.show_error(None)
        self._based_on = saved.version.number
        self._saved = narration.normalise(self.ui.editor.toPlainText())
        self._fill_versions()
        if not saved.created:
            self.ui.saveStatusLabel.setText(f"Tidak ada perubahan sejak versi {saved.version.number}.")
        return True

    def _conflicted(self, error: ConflictError) -> None:
        """Another PC saved a newer version first: keep the text, let the person choose."""
        self._fill_versions()  # their version is listed
        self.conflict_bar.show_conflict(
            error, lambda: {narration.TEXT_LABEL: narration.normalise(self.ui.editor.toPlainText())},
            self._take_theirs, self._keep_mine, self.ui.editor)

    def _take_theirs(self) -> None:
        if self.campaign is None:
            return
        self.show_error(None)
        self._saved = self.service.latest_text(self.campaign.id)
        self._based_on = self.service.latest_number(self.campaign.id)
        self._loading = True
        self.ui.editor.setPlainText(self._saved)
        self._loading = False
        self._fill_versions()
        self._update_stats()

    def _keep_mine(self, number: int) -> None:
        """Save the editor's text as the version after ``number``, now knowingly."""
        self._based_on = number
        self._save()

    def _rate_changed(self, value: float) -> None:
        if self._loading:
            return
        ok, _ = self.act(lambda actor: self.service.set_rate(actor, value))
        if ok:
            self.show_error(None)
        else:  # the stored rate comes back
            if ok is None:
                self.show_error("Kecepatan baca belum disimpan: pilih petugas yang bertugas.")
            self._loading = True
            self.ui.rateSpin.setValue(self.service.rate())
            self._loading = False
        self._update_stats()

    # -- versions -------------------------------------------------------------------------
    def _fill_versions(self) -> None:
        tree = self.ui.versionTree
        selected = self.selected_numbers()  # kept across the reload
        tree.clear()
        if self.campaign is None:
            return
        self._versions = versions = self.service.versions(self.campaign.id)
        bold = QFont(tree.font())
        bold.setBold(True)
        for v in versions:
            item = QTreeWidgetItem(tree, [str(v.number), v.author_name, fmt.date_time(v.saved_at),
                                          readaloud.thousands(v.words), "Final" if v.is_final else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, v.number)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if v.is_final:
                for column in range(5):
                    item.setFont(column, bold)
            item.setSelected(v.number in selected)
        self._show_save_status()

    def _show_save_status(self) -> None:
        versions = self._versions
        if not versions:
            text = "Belum ada versi tersimpan."
        else:
            latest = versions[0]
            final = next((v.number for v in versions if v.is_final), None)
            text = f"Versi {latest.number} · {latest.author_name} · {fmt.date_time(latest.saved_at)}"
            text += " · belum ada versi final" if final is None else f" · final: versi {final}"
        if self.pending():
            text = "Belum disimpan — " + text
        self.ui.saveStatusLabel.setText(text)
        self.ui.saveStatusLabel.setToolTip(text)

    def selected_numbers(self) -> list[int]:
        return sorted(item.data(0, Qt.ItemDataRole.UserRole) for item in self.ui.versionTree.selectedItems())

    def select_versions(self, *numbers: int) -> None:
        tree = self.ui.versionTree
        tree.clearSelection()
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) in numbers)

    def compare(self) -> None:
        numbers = self.selected_numbers()
        latest = self.ui.versionTree.topLevelItem(0)
        if len(numbers) == 1 and latest is not None:
            newest = latest.data(0, Qt.ItemDataRole.UserRole)
            numbers = [numbers[0] - 1, numbers[0]] if numbers[0] == newest else [numbers[0], newest]
        if len(numbers) != 2 or numbers[0] < 1:
            message = ("Belum ada versi lain untuk dibandingkan." if numbers and numbers[0] < 1
                       else "Pilih satu atau dua versi yang akan dibandingkan.")
            self.show_error(message, self.ui.versionErrorLabel)
            return
        try:
            diff = self.service.diff(self.campaign.id, numbers[0], numbers[1])
        except ServiceError as exc:  # a reading: no one acts
            self.show_error(exc, self.ui.versionErrorLabel)
            return
        self.show_error(None, self.ui.versionErrorLabel)
        self.ui.diffView.setHtml(diff_html(diff))

    def _show_compare_hint(self) -> None:
        """What the comparison pane is for, until a comparison fills it. As the pane's text (a
        placeholder would not wrap: on a narrow tab it was cut after a few words, issue 15)."""
        self.ui.diffView.setHtml(f"<p style='color: #5f6368'>{html.escape(COMPARE_HINT)}</p>")

    def restore(self) -> None:
        numbers = self.selected_numbers()
        if len(numbers) != 1:
            self.show_error("Pilih satu versi yang akan dipulihkan.", self.ui.versionErrorLabel)
            return
        if not self.flush():  # typing not yet stored becomes a version first: nothing is lost
            self.ui.narrationTabs.setCurrentWidget(self.ui.editorPage)
            return
        cid = self.campaign.id
        ok, restored = self.act(lambda actor: self.service.restore(actor, cid, numbers[0]), self._version_refused)
        if not ok:
            return
        self.show_error(None, self.ui.versionErrorLabel)
        self._saved = self.service.latest_text(self.campaign.id)
        self._based_on = restored.number
        self.ui.editor.setPlainText(self._saved)
        self._fill_versions()
        self.select_versions(restored.number)

    def mark_final(self) -> None:
        numbers = self.selected_numbers()
        if len(numbers) != 1:
            self.show_error("Pilih satu versi yang akan ditandai final.", self.ui.versionErrorLabel)
            return
        cid = self.campaign.id
        ok, _ = self.act(lambda actor: self.service.mark_final(actor, cid, numbers[0]), self._version_refused)
        if not ok:
            return
        self.show_error(None, self.ui.versionErrorLabel)
        self._fill_versions()
        self.changed.emit()  # the disposition and the export use the final version

    # -- live figures and spelling --------------------------------------------------------
    def _edited(self) -> None:
        if not self._loading and not self._stats_timer.isActive():
            self._stats_timer.start()  # at most every STATS_DELAY_MS while typing

    def _update_stats(self) -> None:
        self._stats_timer.stop()
        text = self.ui.editor.toPlainText()
        self.ui.statsLabel.setText(readaloud.describe(readaloud.estimate(text, self.ui.rateSpin.value())))
        if self.checker is not None:
            wrong = self.highlighter.count()
            self.ui.spellLabel.setText(f"Ejaan: {wrong} kata perlu diperiksa" if wrong else "Ejaan: baik")
        self._show_save_status()

    def _start_spelling(self) -> None:
        loader = spell_loader.worker()
        if loader.dictionary is not None:
            self._dictionary_ready(loader.dictionary)
            return
        self.ui.spellLabel.setText("Memuat kamus ejaan…")
        loader.ready.connect(self._dictionary_ready)
        loader.failed.connect(self._dictionary_failed)
        loader.start()

    def _dictionary_ready(self, dictionary) -> None:
        if self.checker is not None:
            return
        self.checker = spelling.SpellChecker(dictionary, self._office)
        self.highlighter.set_checker(self.checker)  # the first check of the whole text
        self._update_stats()

    def _dictionary_failed(self, message: str) -> None:
        self.ui.spellLabel.setText("Pemeriksa ejaan tidak tersedia")
        self.ui.spellLabel.setToolTip(message)

    @property
    def spelling_ready(self) -> bool:
        return self.checker is not None

    def _add_office_word(self, word: str) -> bool:
        ok, _ = self.act(lambda actor: self.office_words.add(actor, word))
        if not ok:
            return False
        self.show_error(None)
        self._stats_timer.start()
        return True

    def _version_refused(self, exc: ServiceError) -> None:
        self.show_error(exc, self.ui.versionErrorLabel)


def diff_html(diff: narration.NarrationDiff) -> str:
    """The comparison as HTML: insertions green and underlined, deletions red and struck out."""
    head = (f"<p><b>Versi {diff.old} → versi {diff.new}</b>: {diff.inserted_words} kata ditambahkan, "
            f"{diff.deleted_words} kata dihapus.</p>")
    body = []
    for part in diff.parts:
        text = html.escape(part.text).replace("\n", "<br>")
        style = DIFF_STYLE.get(part.kind)
        body.append(f'<span style="{style}">{text}</span>' if style else text)
    return f"{head}<p style=\"white-space:pre-wrap\">{''.join(body)}</p>"
