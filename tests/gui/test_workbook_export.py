"""From the window: the evaluators' workbook (period dialog, save, progress) and the campaign report."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from wawaran_desktop import demo
from wawaran_desktop.reports.report_data import DRAFT_TITLE
from wawaran_desktop.services.campaigns import CampaignQuery
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.views.documents import report_export, save_flow, workbook_export


@pytest.fixture
def chosen(monkeypatch, tmp_path):
    """The file dialog answers with these paths in turn; nothing is opened for real."""
    answers: list[tuple[str, str]] = []
    opened: list[str] = []
    monkeypatch.setattr(save_flow, "ask_save_path", lambda *args: answers.pop(0))
    monkeypatch.setattr(save_flow, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(save_flow, "PROGRESS_DELAY_MS", 60_000)  # the dialog itself: test_workers.py
    return answers, opened


def press(label: str, texts: list[str] | None = None):
    def handler(box):
        assert isinstance(box, QMessageBox)
        if texts is not None:
            texts.append(box.text())
        next(b for b in box.findChildren(QPushButton) if b.text() == label).click()
    return handler


def test_workbook_for_a_period_and_status(qtbot, ws, staff, make_window, modals, chosen, tmp_path):
    demo.generate(ws, 25, seed=3)
    window = make_window(ws)
    answers, opened = chosen
    answers.append((str(tmp_path / "evaluasi"), "Buku Excel (*.xlsx)"))
    done = ws.campaigns.count(CampaignQuery(status=CampaignStatus.DONE, date_from=date(2020, 1, 1),
                                            date_to=date(2030, 12, 31)))
    seen: dict[str, object] = {}

    def fill(dialog):
        assert isinstance(dialog, workbook_export.WorkbookExportDialog)
        ui = dialog.ui
        seen["all"] = ui.countLabel.text()
        ui.toEdit.setDate(QDate(2030, 12, 31))
        ui.fromEdit.setDate(QDate(2031, 1, 1))
        seen["backwards"] = (ui.countLabel.text(), dialog.ok.isEnabled())
        ui.fromEdit.setDate(QDate(2020, 1, 1))
        ui.statusCombo.setCurrentIndex(ui.statusCombo.findText("Selesai"))
        seen["done"] = ui.countLabel.text()
        assert dialog.ok.isEnabled() and dialog.ok.text() == "Simpan…"
        dialog.ok.click()

    texts: list[str] = []
    modals.then(fill).then(press("Buka Folder", texts))
    path = workbook_export.export_workbook(window)
    assert path == tmp_path / "evaluasi.xlsx"
    assert seen["all"] == "25 kampanye cocok"
    assert seen["backwards"] == ("Tanggal awal jatuh setelah tanggal akhir.", False)
    assert seen["done"] == f"{done} kampanye cocok"
    rows = list(load_workbook(path)["Kampanye"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == done and {r[3] for r in rows} == {"Selesai"}
    assert str(path) in texts[0] and opened == [str(tmp_path)]
    assert window.settings.value(save_flow.LAST_FOLDER_KEY) == str(tmp_path)
    assert "Buku kerja tersimpan" in window.statusBar().currentMessage()


def test_cancelling_the_period_dialog_writes_nothing(qtbot, ws, staff, make_window, modals, chosen, tmp_path):
    window = make_window(ws)
    modals.then(lambda d: d.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click())
    assert workbook_export.export_workbook(window) is None
    assert chosen[0] == [] and list(tmp_path.glob("*.xlsx")) == []


def test_report_of_the_campaign_shown(qtbot, ws, staff, make_window, modals, chosen, tmp_path):
    window = make_window(ws)
    texts: list[str] = []
    modals.then(press("OK", texts))
    assert report_export.export_report(window) is None  # no campaign chosen yet
    assert texts == [report_export.NO_CAMPAIGN]

    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id
    window.list.reload(select_id=cid)
    qtbot.waitUntil(lambda: window.record is not None and window.record.id == cid)
    answers, opened = chosen
    answers.append((str(tmp_path / "laporan"), "Dokumen Word (*.docx)"))
    modals.then(press("Buka Berkas"))
    path = report_export.export_report(window)
    assert path == tmp_path / "laporan.docx" and opened == [str(path)]
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert DRAFT_TITLE in text and f"Kampanye Nomor {cid}" in text  # not finished yet: a draft

    answers.append((str(tmp_path / "laporan.xlsx"), "Dokumen Word (*.docx)"))  # Excel, as typed
    modals.then(press("Tutup"))
    path = report_export.export_report(window)
    assert path == tmp_path / "laporan.xlsx"
    assert load_workbook(path)["Laporan"]["A3"].value == DRAFT_TITLE
