"""The main window driven as a user would: mouse clicks and typing on real widgets."""

from __future__ import annotations

import re

from accounts import account_for, signed_in  # tests/accounts.py
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog
from stage_content import READINESS_REASON, fill_stage  # tests/stage_content.py
from switch_person import switch_to_step  # tests/switch_person.py

from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.campaign_dialog import CampaignDialog
from wawaran_desktop.views.staff_dialog import StaffDialog


def click(qtbot, button):
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_campaign_dialog(qtbot, title, theme=""):
    def handler(dialog):
        assert isinstance(dialog, CampaignDialog)
        dialog.ui.titleEdit.setText(title)
        dialog.ui.themeEdit.setText(theme)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    return handler


def answer_reason(text):
    def handler(dialog):
        assert isinstance(dialog, QInputDialog)
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()
    return handler


def create_campaign(qtbot, window, modals, title, theme=""):
    modals.then(fill_campaign_dialog(qtbot, title, theme))
    window.ui.actionNewCampaign.trigger()
    assert modals.pending == 0


def test_first_sign_in_creates_a_campaign_runs_step_1_and_survives_restart(clock, qtbot, data_dir, make_window,
                                                                         modals):
    # A folder without accounts starts with the first-start assistant (tests/gui/test_first_start.py);
    # here its first administrator, a Sub Kor, signs in to a folder with no campaign yet.
    ws = open_workspace(data_dir, clock=clock)
    siti = ws.staff.add("Siti Rahmawati", "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor")
    window = make_window(ws, siti.id)
    assert window.ui.accountLabel.text() == "Siti Rahmawati (Sub Kor DIMC, administrator)"
    assert window.ui.detailStack.currentWidget() is window.ui.emptyPage

    create_campaign(qtbot, window, modals, "Wawaran PBB di Cipondoh", "Jatuh tempo PBB")
    assert window.ui.titleLabel.text() == "Wawaran PBB di Cipondoh"
    assert window.ui.stageTabs.count() == 9

    tab = window.stages.stage(1)
    assert tab.ui.statusLabel.text() == "Belum dimulai"
    assert not tab.ui.finishButton.isEnabled()
    click(qtbot, tab.ui.startButton)
    assert tab.ui.statusLabel.text() == "Berjalan"
    assert re.fullmatch(r"0 mnt \d\d dtk", tab.ui.elapsedLabel.text()) and tab.ui.wallLabel.text() == "dari baku 20 mnt"
    assert "Mulai oleh Siti Rahmawati" in tab.ui.historyList.item(0).text()
    tab.ui.notesEdit.setPlainText("Bahan dari monitoring media pagi ini")
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, siti.id)
    assert again.record is not None and again.record.title == "Wawaran PBB di Cipondoh"
    tab = again.stages.stage(1)
    assert tab.ui.statusLabel.text() == "Berjalan"
    assert tab.ui.notesEdit.toPlainText() == "Bahan dari monitoring media pagi ini"
    assert again.ui.stageTabs.currentIndex() == 0
    ws2.close()


def test_campaign_goes_through_all_nine_stages_with_the_mouse(qtbot, ws, staff, make_window, modals):
    window = make_window(ws, staff[0].id)  # the Sub Kor opens the campaign and works step 1
    create_campaign(qtbot, window, modals, "Wawaran Pencegahan DBD", "3M Plus")
    for i in range(9):
        # Each step by a person of its lane, signed in at this PC through Ganti Pengguna.
        actor = switch_to_step(window, modals, i + 1)
        window.ui.stageTabs.setCurrentIndex(i)
        tab = window.stages.stage(i + 1)
        click(qtbot, tab.ui.startButton)
        assert tab.ui.statusLabel.text() == "Berjalan"
        fill_stage(ws, actor, window.record.id, i + 1)  # each stage's content, through its service
        if i + 1 == 6:  # the completeness check has open items: finishing asks why
            modals.then(answer_reason(READINESS_REASON))
        click(qtbot, tab.ui.finishButton)
        assert tab.ui.statusLabel.text() == "Tepat waktu", f"stage {i + 1}"
        assert tab.ui.reopenButton.isEnabled()
    assert window.record.status is CampaignStatus.DONE
    # the clock runs on with real time: the nine steps took seconds, told as seconds
    assert re.match(r"Waktu kerja 0 mnt \d\d dtk dari baku 185 mnt · Tepat waktu", window.ui.totalLabel.text())
    row = window.list.model.row_of(window.record.id)
    assert window.list.model.index(row, 3).data() == "Selesai"


def test_title_empty_or_too_long_is_refused_in_the_dialog(qtbot, ws, staff, make_window, modals):
    window = make_window(ws)
    seen = {}

    def try_bad_titles(dialog):
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()
        seen["empty"] = dialog.ui.errorLabel.text()
        dialog.ui.titleEdit.setText("x" * 10_000)
        ok.click()
        seen["long"] = dialog.ui.errorLabel.text()
        seen["visible"] = dialog.isVisible()
        dialog.reject()

    modals.then(try_bad_titles)
    window.ui.actionNewCampaign.trigger()
    assert seen["empty"] == "Judul kampanye wajib diisi."
    assert "terlalu panjang" in seen["long"] and "10000" in seen["long"]
    assert seen["visible"]
    assert ws.campaigns.count() == 0


def test_nip_with_letters_is_refused_and_nothing_stored(qtbot, ws, make_window):
    dialog = StaffDialog(ws)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.nameEdit, "Agus Salim")
    dialog.ui.laneCombo.setCurrentIndex(dialog.ui.laneCombo.findData("tim"))  # a new person has none
    qtbot.keyClicks(dialog.ui.nipEdit, "1985031A201001 2 004")
    click(qtbot, dialog.ui.saveButton)
    assert dialog.ui.errorLabel.text().startswith("NIP hanya boleh berisi angka")
    assert ws.staff.list() == []
    dialog.ui.nipEdit.setText("19850312 201001 2 004")
    click(qtbot, dialog.ui.saveButton)
    assert [s.name for s in ws.staff.list()] == ["Agus Salim"]


def test_starting_out_of_order_needs_a_reason(qtbot, ws, staff, make_window, modals):
    window = make_window(ws, staff[0].id)  # a Sub Kor: step 1's lane and one of step 3's
    create_campaign(qtbot, window, modals, "Wawaran Posyandu")
    tab3 = window.stages.stage(3)
    window.ui.stageTabs.setCurrentIndex(2)

    modals.then(answer_reason(None))  # the user cancels: nothing is stored
    click(qtbot, tab3.ui.startButton)
    assert ws.campaigns.get(window.record.id).step(3).events == ()
    assert tab3.ui.statusLabel.text() == "Belum dimulai"

    modals.then(answer_reason("Kabid minta tema diputuskan lebih dulu"))
    click(qtbot, tab3.ui.startButton)
    assert tab3.ui.statusLabel.text() == "Berjalan"
    assert "alasan: Kabid minta tema diputuskan lebih dulu" in tab3.ui.historyList.item(0).text()
    assert ws.campaigns.get(window.record.id).step(3).events[0].reason == "Kabid minta tema diputuskan lebih dulu"


def test_reopen_asks_why_and_keeps_the_history(qtbot, ws, staff, make_window, modals):
    window = make_window(ws)
    create_campaign(qtbot, window, modals, "Wawaran Sampah")
    tab = window.stages.stage(1)
    click(qtbot, tab.ui.startButton)
    fill_stage(ws, window.current_actor(), window.record.id, 1)
    click(qtbot, tab.ui.finishButton)
    modals.then(answer_reason("Data liputan DIMC menyusul"))
    click(qtbot, tab.ui.reopenButton)
    assert tab.ui.statusLabel.text() in ("Berjalan", "Berisiko terlambat")
    assert tab.ui.historyList.count() == 3
    assert "Dibuka kembali" in tab.ui.historyList.item(2).text()


def test_search_status_and_period_filters(qtbot, ws, staff, make_window, modals):
    sub = staff[0]
    ws.campaigns.create(sub.id, "Wawaran Pencegahan DBD", "3M Plus")
    ws.campaigns.create(sub.id, "Wawaran PBB", "Jatuh tempo pajak")
    cancelled = ws.campaigns.create(sub.id, "Wawaran Banjir", "Kesiapsiagaan")
    ws.campaigns.cancel(sub.id, cancelled.id, "Cuaca buruk")
    window = make_window(ws)
    assert window.list.model.rowCount() == 3
    qtbot.keyClicks(window.ui.searchEdit, "pajak")  # matches the theme
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 1)
    assert window.list.model.index(0, 1).data() == "Wawaran PBB"
    window.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 3)
    window.ui.statusCombo.setCurrentIndex(window.ui.statusCombo.findData(CampaignStatus.CANCELLED))
    assert window.list.model.rowCount() == 1
    assert window.ui.countLabel.text() == "1 dari 3 kampanye"
    window.ui.statusCombo.setCurrentIndex(0)
    window.ui.periodCheck.setChecked(True)
    window.ui.dateFrom.setDate(window.ui.dateTo.date().addDays(1))  # a range in the future
    assert window.list.model.rowCount() == 0
    assert window.ui.detailStack.currentWidget() is window.ui.emptyPage


def test_window_remembers_size_and_last_campaign(clock, qtbot, data_dir, make_window):
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    first = ws.campaigns.create(sub.id, "Pertama")
    ws.campaigns.create(sub.id, "Kedua")
    window = make_window(ws, sub.id)
    window.list.select(first.id)
    window.resize(1111, 650)  # (within the room of the 1366x768 screen: 1350x696)
    closed_size = (window.width(), window.height())
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, sub.id)
    assert again.record.id == first.id
    assert closed_size == (1111, 650)
    assert (again.width(), again.height()) == closed_size
    ws2.close()


def test_cancelled_campaign_is_read_only(qtbot, ws, staff, make_window, modals):
    window = make_window(ws)
    create_campaign(qtbot, window, modals, "Wawaran Car Free Day")
    modals.then(answer_reason("Acara ditunda pemerintah kota"))
    window.ui.actionCancelCampaign.trigger()
    assert window.record.status is CampaignStatus.CANCELLED
    assert window.ui.cancelBanner.isVisible()
    assert "Acara ditunda" in window.ui.cancelBanner.text()
    assert not window.stages.stage(1).ui.startButton.isEnabled()
    assert not window.ui.actionCancelCampaign.isEnabled()


def test_long_list_is_read_by_pages_and_still_finds_any_campaign(qtbot, ws, staff, make_window, monkeypatch):
    from wawaran_desktop.views import campaign_list

    monkeypatch.setattr(campaign_list, "PAGE_SIZE", 3)
    made = [ws.campaigns.create(staff[0].id, f"Wawaran nomor {i}", "").id for i in range(8)]
    window = make_window(ws)
    model = window.list.model
    assert window.ui.countLabel.text() == "8 kampanye"
    assert 3 <= model.rowCount() < 8 and model.canFetchMore()
    assert window.list.select(made[0])  # the oldest, on the last page: read up to it
    assert model.rowCount() == 8 and window.record.id == made[0]
    while model.canFetchMore():
        model.fetchMore()
    assert [model.id_at(row) for row in range(model.rowCount())] == made[::-1]
    qtbot.keyClicks(window.ui.searchEdit, "nomor 1")
    qtbot.waitUntil(lambda: window.ui.countLabel.text() == "1 dari 8 kampanye")


def test_a_search_reads_no_further_pages_for_a_campaign_it_does_not_list(qtbot, ws, staff, make_window,
                                                                          monkeypatch):
    from wawaran_desktop.views import campaign_list

    monkeypatch.setattr(campaign_list, "PAGE_SIZE", 3)
    for i in range(61):  # more than any screen shows: the view itself reads only the pages it shows
        ws.campaigns.create(staff[0].id, f"Wawaran nomor {i}", "")
    flood = ws.campaigns.create(staff[0].id, "Wawaran Banjir", "").id
    window = make_window(ws)
    assert window.list.select(flood)
    qtbot.keyClicks(window.ui.searchEdit, "nomor")  # 61 found, 21 pages; the selected one is not among them
    qtbot.waitUntil(lambda: window.ui.countLabel.text() == "61 dari 62 kampanye")
    model = window.list.model
    assert model.rowCount() < 61 and window.list.current_id() is None
    while model.rowCount() < 61:
        model.fetchMore()
    assert not model.canFetchMore()  # the short last page ends the list: no query for an empty one


def test_a_draft_campaigns_summary_names_its_status_once(clock, qtbot, data_dir, make_window):
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    ws.campaigns.create(sub.id, "Wawaran Draf")
    window = make_window(ws)
    text = window.ui.totalLabel.text()
    assert text == "Waktu kerja 0 mnt 00 dtk dari baku 185 mnt · Belum dimulai"
    ws.close()


def test_a_long_signed_in_name_wraps_and_the_window_still_fits_a_small_laptop(qtbot, ws, make_window):
    # "Masuk sebagai" shares its row with Ganti Pengguna above the list: a long name and lane wrap
    # there instead of widening the window past a small laptop's screen.
    admin = ws.staff.add("Admin Kantor", None, "Pengelola Aplikasi", "subkor")
    long_name = ws.staff.add("Raden Ayu Kusumawardhani Puspitaningrum Setyaningsih", None,
                             "Sub Koordinator DIMC", "subkor")
    signed_in(ws, admin.id)  # the first administrator
    account_for(ws, long_name.id, admin=True)
    ws.campaigns.create(long_name.id, "Wawaran PBB")
    window = make_window(ws, long_name.id)
    assert window.ui.accountLabel.text() == (
        "Raden Ayu Kusumawardhani Puspitaningrum Setyaningsih (Sub Kor DIMC, administrator)")
    window.resize(1111, 700)
    assert (window.width(), window.height()) == (1111, 700)


def test_a_finished_campaign_offers_no_cancelling(qtbot, ws, clock, staff, make_window):
    """The service refuses to cancel a campaign whose nine steps are done; the menu does not offer it."""
    from report_campaign import run_timed_campaign  # tests/report_campaign.py

    done = run_timed_campaign(ws, clock, staff[0].id)
    running = ws.campaigns.create(staff[0].id, "Wawaran yang masih berjalan").id
    window = make_window(ws, staff[0].id)
    window.list.reload(select_id=done)
    assert window.record.status is CampaignStatus.DONE and not window.ui.actionCancelCampaign.isEnabled()
    window.list.reload(select_id=running)
    assert window.ui.actionCancelCampaign.isEnabled()
