"""The "Dokumen" menu in the real main window: warnings, preview, saving through the save flow."""

from __future__ import annotations

import docx
import pytest
from crew import step_actor  # tests/crew.py
from fakes import answer_save_dialog  # tests/fakes.py
from office import pdf_pages, pdf_text  # tests/office.py
from PySide6.QtWidgets import QApplication, QMessageBox
from stage_content import fill_stage  # tests/stage_content.py

from wawaran_desktop.views.documents import menu as documents_menu
from wawaran_desktop.views.documents import save_flow
from wawaran_desktop.views.documents.disposition_print import PreviewDialog
from wawaran_desktop.views.documents.profile_dialog import ProfileDialog


@pytest.fixture
def window(ws, staff, make_window):
    window = make_window(ws, staff[0].id)  # the Sub Kor, whose disposition sheet it is
    menus = [m for m in window.ui.menubar.findChildren(type(window.ui.menuView)) if m.objectName() == "menuDocuments"]
    assert len(menus) == 1  # the main window installs the menu itself, once
    return window


def show(window, campaign_id: int) -> None:
    window.list.reload(select_id=campaign_id)
    assert window.record is not None and window.record.id == campaign_id


def campaign_through(ws, actor_id: int, last_stage: int) -> int:
    """A campaign opened by ``actor_id`` (of step 1's lanes), its stages filled up to
    ``last_stage``, each by a person of that stage's primary lane (services/lanes.py)."""
    record = ws.campaigns.create(actor_id, "Wawaran PBB di Cipondoh", "Bayar PBB sebelum jatuh tempo")
    for no in range(1, last_stage + 1):
        fill_stage(ws, step_actor(ws, record.id, no), record.id, no)
    return record.id


def close_saved_message(box: QMessageBox) -> None:
    assert box.windowTitle() == "Berkas tersimpan"
    next(b for b in box.buttons() if b.text() == "Tutup").click()


def back_to_window(qtbot, window) -> None:
    """What a desktop does when a message box closes: its window is active again. (Qt's offscreen
    platform leaves the hidden box as the active window, which a later test would then use as
    the parent of its own message box, while this test's window is being deleted.)"""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_menu_stands_after_petugas_with_its_actions(window):
    titles = [a.text() for a in window.ui.menubar.actions()]
    staff_index = titles.index(window.ui.menuStaff.title())
    assert titles[staff_index + 1] == "&Dokumen"
    texts = [a.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
             for a in window.documents_menu.menu.actions() if not a.isSeparator()]
    assert texts == ["Profil Kantor…", "Ekspor Narasi ke Word…", "Pratinjau & Cetak Lembar Disposisi…",
                     "Simpan Lembar Disposisi (PDF/Word)…", "Laporan Kampanye…", "Buku Kerja Evaluator (Excel)…"]


def test_without_a_campaign_the_user_is_told_to_pick_one(window, modals):
    window.list.reload(select_id=None)
    window.show_campaign(None)
    modals.then(lambda box: box.close())
    window.documents_menu.actions["narration"].trigger()
    assert modals.texts == [documents_menu.NO_CAMPAIGN]


def test_before_stage_5_the_sheet_is_refused_with_the_reason(ws, staff, window, modals):
    show(window, campaign_through(ws, staff[0].id, 4))
    modals.then(lambda box: box.close())
    window.documents_menu.actions["preview"].trigger()
    assert "tahap 5 (Disposisi) belum diisi" in modals.texts[0]


def test_preview_opens_on_the_campaign_shown(ws, staff, window, modals, qtbot):
    show(window, campaign_through(ws, staff[0].id, 5))
    seen = []

    def look(dialog):
        assert isinstance(dialog, PreviewDialog)
        qtbot.waitUntil(lambda: dialog.used_size is not None)
        seen.append((dialog.sheet.campaign_id, dialog.preview_widget().pageCount()))
        dialog.close()

    modals.then(look)
    window.documents_menu.actions["preview"].trigger()
    assert seen == [(window.record.id, 1)]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the menu gives the window back


@pytest.mark.parametrize("name, chosen", [("lembar.pdf", "PDF (*.pdf)"), ("lembar", "Dokumen Word (*.docx)")])
def test_disposition_is_saved_as_pdf_or_word(ws, staff, window, modals, monkeypatch, tmp_path, qtbot, name,
                                             chosen):
    show(window, campaign_through(ws, staff[0].id, 5))
    asked = answer_save_dialog(monkeypatch, tmp_path / name, chosen)
    modals.then(close_saved_message)
    window.documents_menu.actions["disposition"].trigger()
    back_to_window(qtbot, window)
    assert modals.pending == 0
    title, start, filters = asked[0]
    assert title == "Simpan Lembar Disposisi" and start.endswith("Lembar Disposisi 001-DIKP-2026.pdf")
    assert filters == documents_menu.DISPOSITION_FILTERS
    written = tmp_path / ("lembar.pdf" if name.endswith(".pdf") else "lembar.docx")
    if written.suffix == ".pdf":
        assert pdf_pages(written) == 1 and "LEMBAR DISPOSISI" in pdf_text(written)
    else:
        assert any(p.text == "LEMBAR DISPOSISI" for p in docx.Document(str(written)).paragraphs)
    assert window.settings.value(save_flow.LAST_FOLDER_KEY) == str(tmp_path)


def test_narration_is_saved_as_word(ws, staff, window, modals, monkeypatch, tmp_path, qtbot):
    show(window, campaign_through(ws, staff[0].id, 4))
    asked = answer_save_dialog(monkeypatch, tmp_path / "narasi.docx", "Dokumen Word (*.docx)")
    modals.then(close_saved_message)
    window.documents_menu.actions["narration"].trigger()
    back_to_window(qtbot, window)
    assert asked[0][1].endswith(f"Narasi {window.record.id} - Wawaran PBB di Cipondoh.docx")
    document = docx.Document(str(tmp_path / "narasi.docx"))
    assert any("bayarlah PBB tepat waktu" in p.text for p in document.paragraphs)


def test_a_failed_save_is_explained_and_nothing_is_left(ws, staff, window, modals, monkeypatch, tmp_path):
    show(window, campaign_through(ws, staff[0].id, 5))
    answer_save_dialog(monkeypatch, tmp_path / "tidak-ada" / "lembar.pdf", "PDF (*.pdf)")
    modals.then(lambda box: box.close())
    window.documents_menu.actions["disposition"].trigger()
    assert "Folder tujuan tidak ada" in modals.texts[0]
    assert not (tmp_path / "tidak-ada").exists()


def test_profile_dialog_opens_from_the_menu(ws, staff, window, modals):
    def edit(dialog):
        assert isinstance(dialog, ProfileDialog)
        dialog.ui.phoneEdit.setText("(021) 5512345")
        dialog.save()

    modals.then(edit)
    window.documents_menu.actions["profile"].trigger()
    assert ws.profile.load().phone == "(021) 5512345"


def test_safe_file_names():
    assert documents_menu.safe_name('001/DIKP/2026: "a"  b?') == "001-DIKP-2026- -a- b"
    assert documents_menu.safe_name("///") == "dokumen"
