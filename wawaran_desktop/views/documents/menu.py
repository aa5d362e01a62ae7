"""The "Dokumen" menu of the main window: office profile, narration, disposition sheet, reports.

``install(host)`` only adds the menu and its actions (start-up time counts); the dialogs
and the document builders are imported when an action is chosen. The window is seen through
:class:`~wawaran_desktop.views.feature_host.FeatureHost`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.views import feedback
from wawaran_desktop.views.documents.common import NO_CAMPAIGN, campaign_shown, safe_name

if TYPE_CHECKING:
    from wawaran_desktop.reports.disposition_data import DispositionSheet
    from wawaran_desktop.views.feature_host import FeatureHost

__all__ = ["DISPOSITION_FILTERS", "NO_CAMPAIGN", "WORD_FILTER", "DocumentsMenu", "install", "safe_name",
           "write_disposition"]

WORD_FILTER = "Dokumen Word (*.docx)"
DISPOSITION_FILTERS = "PDF (*.pdf);;Dokumen Word (*.docx)"


def install(host: FeatureHost) -> DocumentsMenu:
    """Add the "Dokumen" menu after the "Petugas" menu; returns its controller (a child of
    ``host``, which keeps it)."""
    return DocumentsMenu(host)


class DocumentsMenu(QObject):
    def __init__(self, window: FeatureHost) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu("&Dokumen", window.menuBar())
        self.menu.setObjectName("menuDocuments")
        self.actions: dict[str, QAction] = {}
        entries = (
            ("profile", "&Profil Kantor…", self.edit_profile),
            (None, None, None),
            ("narration", "Ekspor &Narasi ke Word…", self.export_narration),
            ("preview", "P&ratinjau && Cetak Lembar Disposisi…", self.preview_disposition),
            ("disposition", "&Simpan Lembar Disposisi (PDF/Word)…", self.save_disposition),
            (None, None, None),
            ("report", "&Laporan Kampanye…", self.export_report),
            ("workbook", "&Buku Kerja Evaluator (Excel)…", self.export_workbook),
        )
        for key, text, slot in entries:
            if key is None:
                self.menu.addSeparator()
                continue
            action = self.menu.addAction(text)
            action.setObjectName(f"actionDocuments_{key}")
            action.triggered.connect(slot)
            self.actions[key] = action
        window.add_menu(self.menu)

    # -- helpers ------------------------------------------------------------------------------
    def _save(self, title: str, name: str, filters: str, write) -> None:
        from wawaran_desktop.views.documents.save_flow import save_document

        path = save_document(self.window, title=title, suggested_name=name, filters=filters,
                             settings=self.window.settings, write=write)
        if path is not None:
            self.window.statusBar().showMessage(f"Tersimpan: {path}", 8000)

    def _done_with(self, dialog) -> None:
        """A closed dialog goes away (it is not kept as a child of the window) and the window
        is the active one again, also on platforms that do not do this themselves."""
        dialog.deleteLater()
        self.window.activateWindow()

    # -- actions ------------------------------------------------------------------------------
    def edit_profile(self) -> None:
        actor = self.window.current_actor()
        if actor is None:
            return
        from wawaran_desktop.views.documents.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.window.ws, actor, self.window)
        saved = dialog.exec()
        self._done_with(dialog)
        if saved:
            self.window.statusBar().showMessage("Profil kantor tersimpan.", 5000)

    def export_narration(self) -> None:
        record = campaign_shown(self.window)
        if record is None:
            return
        from wawaran_desktop.documents import narration_docx

        try:
            sheet = narration_docx.gather(self.window.ws, record.id)
        except ServiceError as exc:
            feedback.warn(self.window, str(exc))
            return
        self._save("Ekspor Narasi ke Word", f"Narasi {record.id} - {safe_name(record.title, 60)}.docx",
                   WORD_FILTER, lambda path, _progress: narration_docx.write(sheet, path))

    def _disposition(self) -> DispositionSheet | None:
        record = campaign_shown(self.window)
        if record is None:
            return None
        from wawaran_desktop.reports import disposition_data

        try:
            return disposition_data.gather(self.window.ws, record.id)
        except ServiceError as exc:
            feedback.warn(self.window, str(exc))
            return None

    def preview_disposition(self) -> None:
        sheet = self._disposition()
        if sheet is None:
            return
        from wawaran_desktop.views.documents.disposition_print import PreviewDialog

        dialog = PreviewDialog(sheet, self.window)
        dialog.exec()
        self._done_with(dialog)

    def save_disposition(self) -> None:
        sheet = self._disposition()
        if sheet is None:
            return
        name = f"Lembar Disposisi {safe_name(sheet.agenda_number or str(sheet.campaign_id))}.pdf"
        self._save("Simpan Lembar Disposisi", name, DISPOSITION_FILTERS,
                   lambda path, _progress: write_disposition(sheet, path))

    def export_report(self) -> None:
        from wawaran_desktop.views.documents.report_export import export_report

        export_report(self.window)

    def export_workbook(self) -> None:
        from wawaran_desktop.views.documents.workbook_export import export_workbook

        export_workbook(self.window)


def write_disposition(sheet: DispositionSheet, path) -> None:
    """Word for a .docx name, else a PDF drawn by Qt."""
    if str(path).lower().endswith(".docx"):
        from wawaran_desktop.documents import disposition_docx

        disposition_docx.write(sheet, path)
    else:
        from wawaran_desktop.views.documents.disposition_print import write_pdf

        write_pdf(sheet, path)
