"""Qt's print dialogs speak Indonesian (resources/translations/qtbase_id.ts), and the print
preview and the statistics dialog fit a 1366x768 laptop screen (tests/offscreen_screen.json)."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QTabWidget, QToolBar,
                               QWidget)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from wawaran_desktop import demo
from wawaran_desktop.services.stages import disposition
from wawaran_desktop.services.stages.disposition import DispositionDraft
from wawaran_desktop.reports import disposition_data
from wawaran_desktop.views.documents import disposition_print
from wawaran_desktop.views.swimlane.timeline_stats_view import TimelineStatsDialog

ENGLISH = ("Zoom", "Fit", "Print", "Page", "First", "Previous", "Next", "Last", "Show", "Portrait",
           "Landscape", "Options", "Name", "Properties", "Copies", "Paper", "Margins", "Orientation")

PREVIEW_ACTIONS = {"Paskan lebar", "Paskan halaman", "Perbesar", "Perkecil", "Tegak", "Mendatar",
                   "Halaman pertama", "Halaman sebelumnya", "Halaman berikutnya", "Halaman terakhir",
                   "Satu halaman", "Halaman berhadapan", "Semua halaman", "Cetak", "Pengaturan halaman"}


ENGLISH_WORD = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)


def english_words(texts) -> list[str]:
    """The texts holding an English word of Qt's dialogs ("Printer" is Indonesian too)."""
    return [t for t in texts if ENGLISH_WORD.search(t.replace("&", ""))]


def widget_texts(root: QWidget) -> list[str]:
    """Every text of the dialog, on its hidden tabs too."""
    texts = [b.text() for b in root.findChildren(QAbstractButton)]
    texts += [label.text() for label in root.findChildren(QLabel)]
    texts += [box.title() for box in root.findChildren(QGroupBox)]
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for combo in root.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t]


def toolbar_texts(dialog: QPrintPreviewDialog) -> list[tuple[str, str]]:
    (toolbar,) = dialog.findChildren(QToolBar)
    return [(a.text(), a.toolTip()) for a in toolbar.actions() if not a.isSeparator() and a.text()]


def test_print_preview_toolbar_is_indonesian(qtbot):
    printer = QPrinter()
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Pratinjau Cetak"
    actions = toolbar_texts(dialog)
    texts = {text for text, _tip in actions}
    assert texts >= PREVIEW_ACTIONS, sorted(PREVIEW_ACTIONS - texts)
    for text, tip in actions:
        assert not english_words([text, tip]), (text, tip)
    dialog.close()


@pytest.fixture
def sheet(ws, staff):
    sub, tim = staff
    record = ws.campaigns.create(sub.id, "Wawaran DBD", "Satu rumah satu jumantik")
    disposition.Service(ws).save(sub.id, record.id, DispositionDraft(
        disposed_on=date(2026, 11, 26), surat_dari="Dinas Kesehatan", nomor_surat="500.1/1820",
        tanggal_surat=date(2026, 11, 20), diterima_tanggal=date(2026, 11, 24), sifat="Segera",
        hal="Sosialisasi DBD", recipient_ids=(tim.id,), instructions=("Koordinasikan",), free_text="",
        catatan="", signer_id=sub.id))
    return disposition_data.gather(ws, record.id)


def test_disposition_preview_is_indonesian_and_fits_a_laptop_screen(qtbot, sheet):
    dialog = disposition_print.PreviewDialog(sheet)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.used_size is not None)
    assert {text for text, _tip in toolbar_texts(dialog)} >= PREVIEW_ACTIONS
    available = dialog.screen().availableGeometry()
    assert available.height() == 768  # the tests' laptop screen
    frame = dialog.frameGeometry()
    assert frame.height() <= available.height() * 0.9 + 1 and frame.width() <= available.width()
    assert dialog.width() == 900  # narrow enough already: the wished width is kept
    dialog.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's own print dialog (Windows uses its own)")
def test_print_dialog_and_its_page_setup_are_indonesian(qtbot, modals):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    options = next(b for b in dialog.findChildren(QAbstractButton) if b.text() == "&Opsi >>")
    options.click()  # shows the lower half: copies, range, colour, duplex
    texts = widget_texts(dialog)
    for expected in ("&Cetak", "Batal", "&Opsi <<", "&Nama:", "P&roperti", "Rentang cetak", "Cetak semua",
                     "Salinan:", "Cetak Bolak-balik", "Cetak ke Berkas (PDF)", "Semua halaman"):
        assert expected in texts, (expected, texts)
    assert not english_words(texts), english_words(texts)

    seen: list[str] = []

    def read_and_close(properties: QWidget) -> None:
        seen.append(properties.windowTitle())
        seen.extend(widget_texts(properties))
        properties.reject()

    modals.then(read_and_close)
    next(b for b in dialog.findChildren(QAbstractButton) if b.objectName() == "properties").click()
    qtbot.waitUntil(lambda: not modals.pending)
    assert seen[0] == "Properti Printer"
    for expected in ("Kertas", "Ukuran kertas:", "Orientasi", "Tegak", "Mendatar", "Margin",
                     "Halaman", "Lanjutan", "Milimeter (mm)", "Kiri ke kanan, atas ke bawah"):
        assert expected in seen, (expected, seen)
    assert not english_words(seen), english_words(seen)
    dialog.close()


@pytest.mark.parametrize("context, source, expected", [
    ("QPrintPreviewDialog", "Print Preview", "Pratinjau Cetak"),
    ("QPrintPreviewDialog", "Page Setup", "Pengaturan Halaman"),
    ("QPrintDialog", "%1 already exists.\nDo you want to overwrite it?", "%1 sudah ada.\nTimpa berkas tersebut?"),
    ("QPrintDialog", "Print To File ...", "Cetak ke Berkas..."),
    ("QPrintPropertiesDialog", "Printer Properties", "Properti Printer"),
    ("QCupsJobWidget", "Print Immediately", "Cetak segera"),
])
def test_messages_shown_only_in_rarer_moments(qapp, context, source, expected):
    assert QCoreApplication.translate(context, source) == expected


def test_statistics_dialog_fits_a_laptop_screen_with_the_whole_chart(ws, qtbot):
    demo.generate(ws, 30, seed=3)
    dialog = TimelineStatsDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.error is None
    available = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= available.height() * 0.9 + 1
    assert dialog.frameGeometry().width() <= available.width()
    chart = dialog.ui.chartView
    # the whole chart, its footnote included, without scrolling
    assert chart.viewport().height() >= chart.sceneRect().height()
    assert chart.viewport().width() >= chart.sceneRect().width()
    assert not chart.verticalScrollBar().isVisible()
    table = dialog.ui.statsTable
    assert table.rowCount() == 9
    # the table shows a few rows at least and scrolls to its last one
    assert table.viewport().height() >= 3 * table.rowHeight(0)
    table.scrollToBottom()
    last = table.visualRect(table.model().index(table.rowCount() - 1, 0))
    assert last.top() >= 0 and last.bottom() <= table.viewport().height()
    buttons = dialog.ui.buttonBox
    assert buttons.mapTo(dialog, buttons.rect().bottomLeft()).y() <= dialog.height()
    dialog.close()
