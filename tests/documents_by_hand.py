"""Every document of a campaign exported as a user does: menus opened and entries chosen with the
mouse, dialogs answered with their own buttons, each thing clicked first checked to be on screen
(tests/reach.py). Only the operating system's file dialog is answered by the test
(``save_flow.ask_save_path``), naming a file in ``folder``.

``export_every_document`` is the end of the by-hand walk (test_full_campaign_by_hand.py), which
test_scaled_walk.py also runs at 125% and 150% display scaling: issue 15's "every document exported
with mouse and keyboard, nothing off-screen".
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from office import pdf_pages, pdf_text  # tests/office.py
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox
from reach import reach, reach_rect  # tests/reach.py

from wawaran_desktop.views.documents import save_flow

#: (menu title, entry, file name, chosen filter) of each file the Dokumen menu writes.
DOCUMENT_FILES = (
    ("Dokumen", "Ekspor Narasi ke Word…", "narasi.docx", "Dokumen Word (*.docx)"),
    ("Dokumen", "Simpan Lembar Disposisi (PDF/Word)…", "disposisi.pdf", "PDF (*.pdf)"),
    ("Dokumen", "Simpan Lembar Disposisi (PDF/Word)…", "disposisi.docx", "Dokumen Word (*.docx)"),
    ("Dokumen", "Laporan Kampanye…", "laporan.docx", "Dokumen Word (*.docx)"),
    ("Dokumen", "Laporan Kampanye…", "laporan.xlsx", "Buku Excel (*.xlsx)"),
    ("Tampilan", "Simpan Dokumen SOP Resmi (PDF)…", "sop.pdf", None),
)


def plain(text: str) -> str:
    """A menu text as the user reads it (``&&`` is one ``&``, a lone ``&`` marks the Alt letter)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def choose(qtbot, window, menu_title: str, entry: str) -> None:
    """Click ``menu_title`` in the window's menu bar, then ``entry`` in the menu that drops down;
    both must be on screen. A dialog the entry opens is answered by the caller's ``modals``."""
    bar = window.menuBar()
    title_action = next(a for a in bar.actions() if plain(a.text()) == menu_title)
    spot = reach_rect(bar, bar.actionGeometry(title_action))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=spot)
    menu: QMenu = title_action.menu()
    qtbot.waitUntil(menu.isVisible)
    action = next((a for a in menu.actions() if plain(a.text()) == entry), None)
    assert action is not None, f"{entry!r} not in {[plain(a.text()) for a in menu.actions()]}"
    assert action.isEnabled(), f"{entry!r} is disabled"
    screen = window.screen().availableGeometry()
    assert screen.contains(menu.geometry()), f"the {menu_title} menu {menu.geometry()} leaves the screen {screen}"
    spot = reach_rect(menu, menu.actionGeometry(action))
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=spot)


def click(qtbot, button) -> None:
    qtbot.mouseClick(reach(button), Qt.MouseButton.LeftButton)


def close_saved_message(qtbot):
    """The "Berkas tersimpan" message: its *Tutup* clicked."""
    def close(box: QMessageBox) -> None:
        assert box.windowTitle() == "Berkas tersimpan", box.text()
        click(qtbot, next(b for b in box.buttons() if b.text() == "Tutup"))
    return close


def back_to(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def check_file(path: Path) -> None:
    """The file is what its name says and carries the campaign (checked the way each kind opens)."""
    assert path.is_file() and path.stat().st_size > 0, path
    if path.suffix == ".docx":
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert text.strip(), path
    elif path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        assert book.sheetnames, path
    elif path.suffix == ".pdf":
        assert pdf_pages(path) >= 1 and pdf_text(path).strip(), path
    elif path.suffix == ".png":
        assert not QImage(str(path)).isNull(), path


def export_every_document(qtbot, window, modals, monkeypatch, folder: Path) -> list[Path]:
    """Export each document of the campaign shown in ``window`` through its menu or panel; returns
    the files written, each checked (:func:`check_file`)."""
    monkeypatch.setattr(save_flow, "open_url", lambda url: True)
    written: list[Path] = []

    def answer(name: str, chosen: str | None):
        def ask(parent, _title, _start, filters):
            return str(folder / name), chosen if chosen is not None else filters.split(";;")[0]
        monkeypatch.setattr(save_flow, "ask_save_path", ask)

    def wait_written(path: Path) -> None:
        qtbot.waitUntil(lambda: modals.pending == 0, timeout=60_000)  # long writes run on the pool
        back_to(qtbot, window)
        check_file(path)
        written.append(path)

    for menu_title, entry, name, chosen in DOCUMENT_FILES:
        back_to(qtbot, window)
        answer(name, chosen)
        modals.then(close_saved_message(qtbot))
        choose(qtbot, window, menu_title, entry)
        wait_written(folder / name)

    # The evaluator's workbook: its dialog (period, filters) answered with its own OK button.
    back_to(qtbot, window)
    answer("evaluasi.xlsx", None)

    def workbook_dialog(dialog) -> None:
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    modals.then(workbook_dialog).then(close_saved_message(qtbot))
    choose(qtbot, window, "Dokumen", "Buku Kerja Evaluator (Excel)…")
    wait_written(folder / "evaluasi.xlsx")

    # The disposition sheet's print preview: seen, then closed with its window's own button.
    back_to(qtbot, window)
    pages: list[int] = []

    def preview(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.preview_widget().pageCount() > 0)
        pages.append(dialog.preview_widget().pageCount())
        reach(dialog.preview_widget())
        dialog.close()

    modals.then(preview)
    choose(qtbot, window, "Dokumen", "Pratinjau & Cetak Lembar Disposisi…")
    qtbot.waitUntil(lambda: modals.pending == 0)
    assert pages == [1]

    # The swimlane chart: shown from the Tampilan menu, then saved as PDF and PNG with its buttons.
    back_to(qtbot, window)
    choose(qtbot, window, "Tampilan", "Bagan Alir SOP (swimlane)")
    panel = window.swimlane.panel
    qtbot.waitUntil(lambda: window.swimlane.panel is not None and window.swimlane.panel.isVisible())
    panel = window.swimlane.panel
    for button, name in ((panel.ui.exportPdfButton, "bagan-alir.pdf"), (panel.ui.exportPngButton, "bagan-alir.png")):
        answer(name, None)
        modals.then(close_saved_message(qtbot))
        click(qtbot, button)
        wait_written(folder / name)
    return written
