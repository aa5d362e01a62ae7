"""Dokumen > Buku Kerja Evaluator: choose the period and filters, then write the workbook on
the thread pool behind a progress dialog with *Batal*."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from wawaran_desktop.forms.ui_workbook_export import Ui_WorkbookExportDialog
from wawaran_desktop.reports import evaluation_stats
from wawaran_desktop.services.campaigns import CampaignQuery
from wawaran_desktop.text.formatting import thousands
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.views.documents.save_flow import save_document
from wawaran_desktop.views.date_typing import install_typing_all

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace
    from wawaran_desktop.views.feature_host import FeatureHost

TITLE = "Simpan Buku Kerja Evaluator"
FILTER = "Buku Excel (*.xlsx)"


class Choice(NamedTuple):
    date_from: date
    date_to: date
    status: CampaignStatus | None
    text: str


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class WorkbookExportDialog(QDialog):
    """The period (WIB days, inclusive) and filters; shows how many campaigns match."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WorkbookExportDialog()
        self.ui.setupUi(self)
        install_typing_all(self)
        self._ws = ws
        today = ws.today()
        first = evaluation_stats.first_day() or today
        ui = self.ui
        ui.fromEdit.setDate(_qdate(min(first, today)))
        ui.toEdit.setDate(_qdate(today))
        ui.statusCombo.addItem("Semua status", None)
        for status in CampaignStatus:
            ui.statusCombo.addItem(status.label, status)
        self.ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Simpan…")
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.fromEdit.dateChanged.connect(self._update)
        ui.toEdit.dateChanged.connect(self._update)
        ui.statusCombo.currentIndexChanged.connect(self._update)
        ui.textEdit.textChanged.connect(self._update)
        self._update()

    def choice(self) -> Choice:
        ui = self.ui
        return Choice(_day(ui.fromEdit.date()), _day(ui.toEdit.date()), ui.statusCombo.currentData(),
                      ui.textEdit.text().strip())

    def _update(self) -> None:
        choice = self.choice()
        if choice.date_from > choice.date_to:
            self.ui.countLabel.setText("Tanggal awal jatuh setelah tanggal akhir.")
            self.ok.setEnabled(False)
            return
        count = self._ws.campaigns.count(CampaignQuery(choice.text, choice.status, choice.date_from, choice.date_to))
        self.ui.countLabel.setText(f"{thousands(count)} kampanye cocok")
        self.ok.setEnabled(True)


def export_workbook(window: FeatureHost) -> Path | None:
    """Ask for the period and filters, then where; returns the file written or None."""
    dialog = WorkbookExportDialog(window.ws, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
    finally:
        dialog.deleteLater()
    from wawaran_desktop.documents.workbook import write_workbook

    ws = window.ws
    path = save_document(
        window, title=TITLE, suggested_name=f"Evaluasi Wawaran {choice.date_from:%Y-%m-%d} sd "
        f"{choice.date_to:%Y-%m-%d}.xlsx", filters=FILTER, settings=window.settings,
        write=lambda target, progress: write_workbook(ws, target, choice.date_from, choice.date_to, progress,
                                                      status=choice.status, text=choice.text),
        long=True)
    if path is not None:
        window.statusBar().showMessage(f"Buku kerja tersimpan: {path}", 8000)
    return path
