"""Stage 3 tab: notulen, theme and who decided it, driven inside the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.stages.theme import Service
from wawaran_desktop.services.workspace import open_workspace


@pytest.fixture
def setup(ws, staff):
    sub, tim = staff
    kabid = ws.staff.add("Ani Suryani", None, "Kepala Bidang DIKP", "kabid")
    campaign = ws.campaigns.create(sub.id, "Wawaran DBD")
    return sub, tim, kabid, campaign


def open_panel(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.stageTabs.setCurrentIndex(2)
    tab = window.stages.stage(3)
    return tab, tab.panel


def choose(combo, staff_id):
    """Pick a person as the user does (the combo's ``activated`` follows a choice)."""
    index = combo.findData(staff_id)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def theme_in_list(window, campaign_id):
    model = window.list.model
    return model.index(model.row_of(campaign_id), 5).data()


def test_theme_notulen_and_decider_are_stored_shown_and_survive_a_restart(clock,
        qtbot, data_dir, ws, setup, make_window):
    sub, _tim, kabid, campaign = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    ui = panel.ui
    assert ui.deciderCombo.itemText(1) == "Ani Suryani — Kepala Bidang DIKP"  # the Kepala Bidang first
    assert ui.decidedAtLabel.text() == "— tercatat saat yang memutuskan dipilih —"

    ui.notulenEdit.setFocus()
    qtbot.keyClicks(ui.notulenEdit, "Briefing dipimpin Kepala Bidang.")
    qtbot.waitUntil(lambda: Service(ws).get(campaign.id).notulen == "Briefing dipimpin Kepala Bidang.",
                    timeout=3000)  # stored shortly after typing stops

    ui.themeEdit.setFocus()
    qtbot.keyClicks(ui.themeEdit, "Cegah DBD dengan 3M Plus")
    assert ui.themeCounter.text() == "24/200"
    qtbot.keyClick(ui.themeEdit, Qt.Key.Key_Tab)  # leaving the field stores it
    assert ws.campaigns.get(campaign.id).theme == "Cegah DBD dengan 3M Plus"
    assert "Tema: Cegah DBD dengan 3M Plus" in window.ui.metaLabel.text()  # the header follows at once
    assert theme_in_list(window, campaign.id) == "Cegah DBD dengan 3M Plus"

    choose(ui.deciderCombo, kabid.id)
    record = Service(ws).get(campaign.id)
    assert record.decided_by_name == "Ani Suryani"
    assert ui.decidedAtLabel.text().endswith(" WIB") and ui.decidedAtLabel.text().startswith(
        ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"))

    ui.notulenEdit.setFocus()
    qtbot.keyClick(ui.notulenEdit, Qt.Key.Key_End)
    qtbot.keyClick(ui.notulenEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(ui.notulenEdit, "Lokasi: Cipondoh.")  # still being typed when the window closes
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, sub.id)
    _tab, panel = open_panel(qtbot, again)
    ui = panel.ui
    assert ui.notulenEdit.toPlainText() == "Briefing dipimpin Kepala Bidang.\nLokasi: Cipondoh."
    assert ui.themeEdit.text() == "Cegah DBD dengan 3M Plus"
    assert ui.deciderCombo.currentData() == kabid.id
    assert ui.decidedAtLabel.text() == fmt.long_date_time(record.decided_at)
    ws2.close()


def test_a_theme_too_long_is_refused_and_finishing_needs_theme_and_decider(
        qtbot, ws, setup, make_window, modals):
    sub, _tim, kabid, campaign = setup
    ws.steps.start(sub.id, campaign.id, 3, reason="Kabid memutuskan tema lebih dulu")
    window = make_window(ws, sub.id)
    tab, panel = open_panel(qtbot, window)
    ui = panel.ui
    ui.themeEdit.setFocus()
    ui.themeEdit.setText("t" * 201)
    assert ui.themeCounter.text() == "201/200" and "#b00020" in ui.themeCounter.styleSheet()
    qtbot.keyClick(ui.themeEdit, Qt.Key.Key_Tab)
    assert ui.errorLabel.isVisible()
    assert ui.errorLabel.text() == "Tema wawaran terlalu panjang (201 karakter, maksimal 200)."
    assert ws.campaigns.get(campaign.id).theme == ""
    assert "Tema: — belum ditentukan —" in window.ui.metaLabel.text()

    ui.themeEdit.setFocus()
    ui.themeEdit.setText("")
    qtbot.keyClick(ui.themeEdit, Qt.Key.Key_Tab)
    assert not ui.errorLabel.isVisible()

    messages: list[str] = []
    modals.then(lambda box: (messages.append(box.text()), box.accept()))
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert messages == ["Tema wawaran wajib diisi sebelum tahap 3 diselesaikan."]

    ui.themeEdit.setFocus()
    qtbot.keyClicks(ui.themeEdit, "Cegah DBD")
    qtbot.keyClick(ui.themeEdit, Qt.Key.Key_Tab)
    modals.then(lambda box: (messages.append(box.text()), box.accept()))
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert "memutuskan tema" in messages[-1]
    assert ws.campaigns.get(campaign.id).step(3).finished_at is None

    choose(ui.deciderCombo, kabid.id)
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert ws.campaigns.get(campaign.id).step(3).finished_at is not None


def test_a_cancelled_campaign_is_shown_but_not_editable(qtbot, ws, setup, make_window):
    sub, _tim, kabid, campaign = setup
    Service(ws).set_theme(sub.id, campaign.id, "Siaga banjir")
    ws.campaigns.cancel(sub.id, campaign.id, "Cuaca buruk")
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    assert panel.ui.themeEdit.text() == "Siaga banjir"
    assert not panel.ui.themeEdit.isEnabled() and not panel.ui.deciderCombo.isEnabled()


def test_the_decider_list_offers_only_the_steps_own_lane(qtbot, ws, setup, make_window):
    """Who decides the theme is a Kepala Bidang (step 3's primary lane in the SOP, services/lanes.py
    ``holder_lane``): the list offers no one else, so a wrong choice cannot even be made."""
    sub, tim, kabid, _campaign = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    combo = panel.ui.deciderCombo
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == [None, kabid.id] and sub.id not in offered and tim.id not in offered


def test_a_theme_shortened_in_place_clears_its_message(qtbot, ws, setup, make_window):
    """Issue 15: the message stayed after the input was fixed until the field was left."""
    sub, _tim, _kabid, campaign = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    ui = panel.ui
    ui.themeEdit.setFocus()
    ui.themeEdit.setText("t" * 201)
    qtbot.keyClick(ui.themeEdit, Qt.Key.Key_Return)  # (Enter: stored, refused)
    assert ui.errorLabel.isVisible() and ws.campaigns.get(campaign.id).theme == ""
    qtbot.keyClick(ui.themeEdit, Qt.Key.Key_Backspace)  # 200 characters: accepted, still in the field
    qtbot.waitUntil(lambda: ui.errorLabel.isHidden(), timeout=3000)
    assert ui.themeEdit.hasFocus() and ws.campaigns.get(campaign.id).theme == "t" * 200
