"""Stage 4 tab: the narration editor, spell checking and versions, inside the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextDocument

from wawaran_desktop.db.stage_models import NarrationVersion, OfficeWord, Setting
from wawaran_desktop.services.stages import narration
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.text import readaloud
from wawaran_desktop.views.spell_highlighter import ADD_WORD_TEXT, SEARCHING_TEXT

DRAFT = ("Selamat pagi warga Kelurahan Cipondoh. Kami menyampaikan pengumumam penting: "
         "mari periksa jentik nyamuk bersama kader jumantik setiap hari Jumat.")


@pytest.fixture
def setup(ws, staff):
    """(the Sub Kor, who opens the campaign; the Tim member, who writes its narration; the campaign)"""
    sub, tim = staff
    campaign = ws.campaigns.create(sub.id, "Wawaran Pencegahan DBD", "3M Plus")
    return sub, tim, campaign


def open_panel(qtbot, window):
    window.ui.stageTabs.setCurrentIndex(3)
    tab = window.stages.stage(4)
    panel = tab.panel
    qtbot.waitUntil(lambda: panel.spelling_ready, timeout=10_000)  # loaded on the thread pool
    return tab, panel


def underlined(panel) -> list[str]:
    """The words the editor shows with a spell-check underline."""
    found = []
    block = panel.ui.editor.document().firstBlock()
    while block.isValid():
        for fmt_range in block.layout().formats():
            if fmt_range.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                found.append(block.text()[fmt_range.start:fmt_range.start + fmt_range.length])
        block = block.next()
    return found


def point_at(panel, word):
    """Viewport coordinates of the middle of ``word`` in the editor."""
    editor = panel.ui.editor
    cursor = editor.document().find(word, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull(), word
    cursor.setPosition(cursor.selectionStart() + 2)
    return editor.cursorRect(cursor).center()


def action(menu, text):
    matches = [a for a in menu.actions() if a.text() == text]
    assert matches, [a.text() for a in menu.actions()]
    return matches[0]


def click(qtbot, button):
    assert button.isEnabled() and button.isVisible(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_typing_is_spell_checked_and_saved_as_versions(qtbot, ws, setup, make_window):
    _sub, tim, _campaign = setup
    window = make_window(ws, tim.id)
    _tab, panel = open_panel(qtbot, window)
    editor = panel.ui.editor
    assert panel.ui.statsLabel.text().startswith("0 kata")
    editor.setFocus()
    qtbot.keyClicks(editor, DRAFT)
    qtbot.waitUntil(lambda: panel.ui.statsLabel.text().startswith("19 kata"))
    estimate = readaloud.estimate(DRAFT)
    assert panel.ui.statsLabel.text() == readaloud.describe(estimate)
    assert "pada 3,0 suku kata/detik" in panel.ui.statsLabel.text()
    assert underlined(panel) == ["pengumumam", "jumantik"]  # Cipondoh is an office word
    assert panel.ui.spellLabel.text() == "Ejaan: 2 kata perlu diperiksa"

    # Right-click on a misspelt word: suggestions replace it; the office list learns a word.
    menu = panel.spell_menu.menu(point_at(panel, "pengumumam"))
    assert [a.text() for a in menu.actions()][:2] == [SEARCHING_TEXT, ADD_WORD_TEXT]  # opens at once
    qtbot.waitUntil(lambda: menu.actions()[0].text() == "pengumuman")  # worked out on the thread pool
    texts = [a.text() for a in menu.actions()]
    assert SEARCHING_TEXT not in texts and texts.index(ADD_WORD_TEXT) <= 8
    assert len(texts) > texts.index(ADD_WORD_TEXT) + 3  # the editor's own actions follow
    again = panel.spell_menu.menu(point_at(panel, "pengumumam"))
    assert [a.text() for a in again.actions()][:len(texts)] == texts  # known now: no waiting
    action(menu, "pengumuman").trigger()
    assert "Kami menyampaikan pengumuman penting" in editor.toPlainText()
    menu = panel.spell_menu.menu(point_at(panel, "jumantik"))
    action(menu, ADD_WORD_TEXT).trigger()
    assert OfficeWord.get(OfficeWord.word == "jumantik").added_by_id == tim.id
    assert underlined(panel) == []
    assert ADD_WORD_TEXT not in [a.text() for a in panel.spell_menu.menu(point_at(panel, "jentik")).actions()]

    assert "Belum disimpan" in panel.ui.saveStatusLabel.text()
    click(qtbot, panel.ui.saveButton)
    rows = list(NarrationVersion.select())
    assert [(r.number, r.author_id, r.text) for r in rows] == [(1, tim.id, editor.toPlainText())]
    assert panel.ui.versionTree.topLevelItem(0).text(1) == "Budi Santoso"
    assert panel.ui.saveStatusLabel.text().startswith("Versi 1 · Budi Santoso")
    click(qtbot, panel.ui.saveButton)  # nothing changed: no second version
    assert NarrationVersion.select().count() == 1
    assert panel.ui.saveStatusLabel.text() == "Tidak ada perubahan sejak versi 1."

    panel.ui.rateSpin.setValue(4.0)  # an office setting, stored at once
    assert Setting.get_by_id(readaloud.RATE_KEY).value == "4.0"
    assert panel.ui.statsLabel.text().endswith("pada 4,0 suku kata/detik")


def test_empty_or_too_long_narration_is_refused_in_the_panel(qtbot, ws, setup, make_window):
    _sub, tim, _campaign = setup
    window = make_window(ws, tim.id)
    _tab, panel = open_panel(qtbot, window)
    assert panel.ui.errorLabel.isHidden()
    click(qtbot, panel.ui.saveButton)
    assert panel.ui.errorLabel.isVisible()
    assert panel.ui.errorLabel.text() == "Narasi masih kosong; tulis narasinya sebelum menyimpan."
    panel.ui.editor.setPlainText("a" * 20_001)
    click(qtbot, panel.ui.saveButton)
    assert panel.ui.errorLabel.text() == "Narasi terlalu panjang (20.001 karakter, maksimal 20.000)."
    assert not panel.flush()  # what is typed cannot be stored: the window keeps the campaign
    assert NarrationVersion.select().count() == 0
    panel.ui.editor.setPlainText("Narasi singkat untuk warga.")
    click(qtbot, panel.ui.saveButton)
    assert panel.ui.errorLabel.isHidden()
    assert NarrationVersion.select().count() == 1


def test_versions_are_compared_restored_and_one_is_final(qtbot, ws, setup, make_window, modals):
    _sub, tim, campaign = setup
    window = make_window(ws, tim.id)
    tab, panel = open_panel(qtbot, window)
    ws.steps.start(tim.id, campaign.id, 4, reason="Narasi disiapkan lebih awal")
    window.show_campaign(campaign.id)
    for text in ("Bayar pajak sebelum jatuh tempo.", "Lunasi pajak sebelum jatuh tempo, bebas denda."):
        panel.ui.editor.setPlainText(text)
        click(qtbot, panel.ui.saveButton)
    panel.ui.narrationTabs.setCurrentWidget(panel.ui.versionsPage)
    assert [panel.ui.versionTree.topLevelItem(i).text(0) for i in range(2)] == ["2", "1"]

    click(qtbot, panel.ui.compareButton)  # nothing selected
    assert panel.ui.versionErrorLabel.text() == "Pilih satu atau dua versi yang akan dibandingkan."
    panel.select_versions(1)
    click(qtbot, panel.ui.compareButton)  # one version: against the newest
    assert panel.ui.versionErrorLabel.isHidden()
    shown = panel.ui.diffView.toPlainText()
    assert shown.startswith("Versi 1 → versi 2: 3 kata ditambahkan, 1 kata dihapus.")
    assert "BayarLunasi pajak" in shown and "line-through" in panel.ui.diffView.toHtml()

    messages = []
    modals.then(lambda box: (messages.append(box.text()), box.accept()))
    click(qtbot, tab.ui.finishButton)  # no final version yet: refused
    assert modals.pending == 0 and "Tandai Final" in messages[0]

    click(qtbot, panel.ui.restoreButton)
    assert panel.ui.editor.toPlainText() == "Bayar pajak sebelum jatuh tempo."
    assert [r.text for r in NarrationVersion.select().order_by(NarrationVersion.number)][-1] == \
        "Bayar pajak sebelum jatuh tempo."
    assert panel.selected_numbers() == [3]
    click(qtbot, panel.ui.restoreButton)  # version 3 is already the newest text
    assert "sama dengan versi terbaru" in panel.ui.versionErrorLabel.text()

    panel.select_versions(2)
    click(qtbot, panel.ui.finalButton)
    assert NarrationVersion.get(NarrationVersion.is_final == True).number == 2
    assert window.stages.stage(4) is tab  # the window reloaded the campaign into the same tab
    assert panel.ui.versionTree.findItems("Final", Qt.MatchFlag.MatchExactly, 4)[0].text(0) == "2"
    assert panel.selected_numbers() == [2]  # the selection survives the reload
    click(qtbot, tab.ui.finishButton)
    assert window.record.step(4).finished_at is not None


def test_narration_survives_closing_and_reopening(clock, qtbot, ws, data_dir, setup, make_window):
    _sub, tim, _campaign = setup
    window = make_window(ws, tim.id)
    _tab, panel = open_panel(qtbot, window)
    panel.ui.editor.setPlainText("Versi pertama narasi.")
    click(qtbot, panel.ui.saveButton)
    panel.ui.narrationTabs.setCurrentWidget(panel.ui.versionsPage)
    panel.select_versions(1)
    click(qtbot, panel.ui.finalButton)
    panel = window.stages.stage(4).panel
    panel.ui.narrationTabs.setCurrentWidget(panel.ui.editorPage)
    panel.ui.editor.setFocus()
    panel.ui.editor.moveCursor(panel.ui.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.ui.editor, " Terima kasih.")  # typed, not saved: closing stores it
    window.close()
    assert not window.isVisible()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, tim.id)
    _tab, panel = open_panel(qtbot, again)
    assert panel.ui.editor.toPlainText() == "Versi pertama narasi. Terima kasih."
    tree = panel.ui.versionTree
    assert [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(4)) for i in range(2)] == [
        ("2", ""), ("1", "Final")]
    assert underlined(panel) == []
    ws2.close()


def test_a_cancelled_campaign_shows_its_narration_read_only(qtbot, ws, setup, make_window):
    sub, tim, campaign = setup
    service = narration.Service(ws)
    service.save(tim.id, campaign.id, "Narasi yang sempat ditulis.")
    service.save(tim.id, campaign.id, "Narasi yang sempat ditulis dan diperbaiki.")
    ws.campaigns.cancel(sub.id, campaign.id, "Kegiatan ditunda")
    window = make_window(ws, tim.id)
    _tab, panel = open_panel(qtbot, window)
    assert panel.ui.editor.isReadOnly()
    assert panel.ui.editor.toPlainText() == "Narasi yang sempat ditulis dan diperbaiki."
    for button in (panel.ui.saveButton, panel.ui.restoreButton, panel.ui.finalButton, panel.ui.rateSpin):
        assert not button.isEnabled(), button.objectName()
    panel.ui.narrationTabs.setCurrentWidget(panel.ui.versionsPage)
    panel.select_versions(1, 2)
    click(qtbot, panel.ui.compareButton)  # reading and comparing stay possible
    assert "2 kata ditambahkan, 0 kata dihapus" in panel.ui.diffView.toPlainText()
    assert panel.flush() and NarrationVersion.select().count() == 2


def test_the_compare_hint_is_whole_on_a_narrow_tab(qtbot, ws, setup, make_window):
    """Issue 15: the hint was the comparison pane's placeholder, which Qt does not wrap: on a
    narrow tab it stopped after a few words. It is the pane's (wrapped, scrollable) text now."""
    from wawaran_desktop.views.stages.narration import COMPARE_HINT

    _sub, tim, _campaign = setup
    window = make_window(ws, tim.id)
    _tab, panel = open_panel(qtbot, window)
    panel.ui.narrationTabs.setCurrentWidget(panel.ui.versionsPage)
    view = panel.ui.diffView
    assert view.placeholderText() == ""
    assert view.toPlainText() == COMPARE_HINT
    view.resize(260, 80)  # narrower than one line of the hint
    qtbot.wait(10)
    document = view.document()
    document.setTextWidth(view.viewport().width())
    assert document.size().width() <= view.viewport().width() + 1  # wrapped, not cut at the edge
    assert document.lineCount() >= 2 or document.firstBlock().layout().lineCount() >= 2


def test_a_message_under_the_editor_moves_neither_the_editor_nor_the_save_button(qtbot, ws, setup, make_window):
    _sub, tim, _campaign = setup
    window = make_window(ws, tim.id)
    _tab, panel = open_panel(qtbot, window)
    ui = panel.ui

    def places():
        return [(w.mapTo(panel, w.rect().topLeft()), w.size()) for w in (ui.editor, ui.rateSpin, ui.saveButton)]

    qtbot.wait(10)
    before = places()
    panel.show_error("Kecepatan baca belum disimpan: pilih petugas yang bertugas.")
    assert ui.errorLabel.isVisible()
    qtbot.wait(10)
    assert places() == before
    panel.show_error(None)
    qtbot.wait(10)
    assert places() == before and ui.errorLabel.isHidden()
