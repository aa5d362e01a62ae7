"""Stage 7 tab driven as a user would: route from the briefing, Tiba/Berangkat, counts, photos."""

from __future__ import annotations

from datetime import timedelta

from crew import lane_actor
from stage_content import finish_briefing  # tests/stage_content.py
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from wawaran_desktop.db.stage_models import Location, RouteStop
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.stages.dissemination import to_qdatetime


def click(qtbot, button):
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def campaign_with_locations(ws, actor_id):
    cid = ws.campaigns.create(actor_id, "Wawaran Pencegahan DBD", "3M Plus").id
    Location.create(campaign=cid, position=1, kelurahan_code="36.71.01.1007", address="Taman Gajah Tunggal",
                    planned_time="09:00")
    Location.create(campaign=cid, position=2, kelurahan_code="36.71.01.1005", address="Pasar Cikokol")
    finish_briefing(ws, cid)  # the route is taken from a finished briefing
    return cid


def open_stage_7(window):
    window.ui.stageTabs.setCurrentIndex(6)
    return window.stages.stage(7).panel


def stops(cid):
    return [(s.kelurahan_code, s.arrived_at is not None, s.departed_at is not None, s.flyers, s.audience, s.notes)
            for s in RouteStop.select().where(RouteStop.campaign == cid).order_by(RouteStop.position)]


def test_route_stamps_and_counts_survive_a_restart(clock, qtbot, data_dir, make_window):
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = campaign_with_locations(ws, sub.id)
    driver = lane_actor(ws, "kernet")  # the dissemination is the Kernet/Supir's
    window = make_window(ws, driver)
    panel = open_stage_7(window)  # the empty route takes the briefing's locations by itself
    assert not panel.ui.syncFrame.isVisible()
    assert panel.model.rowCount() == 2 and len(stops(cid)) == 2
    assert panel.model.index(0, 1).data() == "Sukasari (Tangerang)"
    assert panel.model.index(0, 2).data() == "09.00"

    click(qtbot, panel.ui.arriveButton)
    assert panel.model.index(0, 3).data() != "—"
    assert not panel.ui.arriveButton.isEnabled()
    click(qtbot, panel.ui.departButton)
    assert panel.model.index(0, 0).data() == "✓ 1"
    panel.ui.flyersSpin.setFocus()
    panel.ui.flyersSpin.selectAll()
    qtbot.keyClicks(panel.ui.flyersSpin, "120")
    qtbot.keyClick(panel.ui.flyersSpin, Qt.Key.Key_Return)
    panel.ui.audienceSpin.selectAll()
    qtbot.keyClicks(panel.ui.audienceSpin, "85")  # stored when the tab is left: flush
    qtbot.keyClicks(panel.ui.notesEdit, "Pengeras suara sempat mati")
    qtbot.waitUntil(lambda: stops(cid)[0][5] == "Pengeras suara sempat mati")  # after the typing pause
    assert stops(cid)[0][:4] == ("36.71.01.1007", True, True, 120)
    assert "1 dari 2 lokasi dikunjungi · 120 selebaran" in panel.ui.totalsLabel.text()
    assert panel.ui.elapsedLabel.text() == "Waktu diseminasi 0 mnt 00 dtk / 120 mnt · Belum dimulai"
    window.close()
    assert stops(cid)[0][4] == 85
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, driver)
    panel = open_stage_7(again)
    assert panel.model.rowCount() == 2
    assert [panel.model.index(0, c).data() for c in (0, 5, 6)] == ["✓ 1", "120", "85"]
    assert panel.ui.notesEdit.toPlainText() == "Pengeras suara sempat mati"
    assert panel.ui.flyersSpin.value() == 120
    ws2.close()


def test_departure_before_arrival_is_refused_inline_and_not_stored(qtbot, ws, staff, make_window):
    cid = campaign_with_locations(ws, staff[0].id)
    window = make_window(ws)
    panel = open_stage_7(window)
    assert panel.model.rowCount() == 2  # taken from the briefing on opening
    click(qtbot, panel.ui.arriveButton)
    click(qtbot, panel.ui.departButton)
    stored = RouteStop.get(RouteStop.campaign == cid, RouteStop.position == 1)
    arrived = panel.stop.arrived_at
    edit = panel.ui.departedEdit
    edit.setFocus()
    edit.setDateTime(to_qdatetime(arrived - timedelta(minutes=10)))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert panel.ui.errorLabel.isVisible()
    assert panel.ui.errorLabel.text() == "Waktu berangkat tidak boleh sebelum waktu tiba."
    assert RouteStop.get_by_id(stored.id).departed_at == stored.departed_at
    assert not panel.flush()  # still refused: the window keeps the user on it
    edit.setDateTime(to_qdatetime(arrived))
    assert panel.flush() and not panel.ui.errorLabel.isVisible()


def test_unplanned_stop_from_the_kecamatan_kelurahan_picker(qtbot, ws, staff, make_window):
    cid = campaign_with_locations(ws, staff[0].id)
    window = make_window(ws)
    panel = open_stage_7(window)
    assert panel.model.rowCount() == 2  # taken from the briefing on opening
    click(qtbot, panel.ui.addStopButton)
    assert panel.ui.addBox.isVisible()
    click(qtbot, panel.ui.addConfirmButton)  # nothing chosen yet
    assert panel.ui.errorLabel.text() == "Pilih kecamatan dan kelurahan lokasi."
    assert len(stops(cid)) == 2
    panel.ui.areaPicker.choose("36.71.03.1003")  # Batuceper → Poris Gaga
    qtbot.keyClicks(panel.ui.newAddressEdit, "Depan Masjid Raya")
    click(qtbot, panel.ui.addConfirmButton)
    assert not panel.ui.addBox.isVisible() and not panel.ui.errorLabel.isVisible()
    assert [s[0] for s in stops(cid)] == ["36.71.01.1007", "36.71.01.1005", "36.71.03.1003"]
    assert panel.stop.place == "Kelurahan Poris Gaga, Kecamatan Batuceper" and not panel.stop.planned
    assert panel.ui.removeStopButton.isEnabled()


def test_photo_is_shown_as_a_thumbnail(qtbot, ws, staff, make_window, tmp_path):
    campaign_with_locations(ws, staff[0].id)
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    photo = tmp_path / "kerumunan.png"
    assert image.save(str(photo))
    window = make_window(ws)
    panel = open_stage_7(window)
    assert panel.model.rowCount() == 2  # taken from the briefing on opening
    panel.add_photos([photo, tmp_path / "catatan.txt"])
    assert panel.ui.photoList.count() == 1
    assert not panel.ui.photoList.item(0).icon().isNull()
    assert "kerumunan.png" in panel.ui.photoList.item(0).toolTip()
    assert "bukan foto" in panel.ui.errorLabel.text()


def test_empty_route_says_where_locations_come_from(qtbot, ws, staff, make_window):
    ws.campaigns.create(staff[0].id, "Wawaran tanpa lokasi")
    window = make_window(ws)
    panel = open_stage_7(window)
    assert panel.ui.syncFrame.isVisible() and not panel.ui.syncButton.isVisible()
    assert "tahap 2 (Briefing)" in panel.ui.syncLabel.text()
    assert not panel.ui.arriveButton.isEnabled() and not panel.ui.stopBox.isEnabled()


def test_a_location_moved_in_the_briefing_brings_the_sync_button_back(qtbot, ws, staff, make_window):
    from wawaran_desktop.services.stages.briefing import Service as Briefing

    cid = campaign_with_locations(ws, staff[0].id)
    window = make_window(ws)
    panel = open_stage_7(window)
    assert panel.model.rowCount() == 2  # taken from the briefing on opening
    assert not panel.ui.syncFrame.isVisible()
    cikokol = Location.get(Location.kelurahan_code == "36.71.01.1005")
    Briefing(ws).update_location(staff[0].id, cid, Location.get(Location.kelurahan_code == "36.71.01.1007").id,
                                 "36.71.01.1007", "Taman Gajah Tunggal", None)  # its time would block the move
    Briefing(ws).move_location(staff[0].id, cid, cikokol.id, 0)
    window.ui.stageTabs.setCurrentIndex(1)
    open_stage_7(window)
    assert panel.ui.syncFrame.isVisible() and panel.ui.syncButton.isVisible()
    click(qtbot, panel.ui.syncButton)
    assert [s[0] for s in stops(cid)] == ["36.71.01.1005", "36.71.01.1007"]
    assert panel.model.index(0, 1).data() == "Cikokol (Tangerang)" and not panel.ui.syncFrame.isVisible()


def test_an_unplanned_stop_left_in_the_add_box_is_added_or_holds_the_campaign(qtbot, ws, staff, make_window):
    cid = campaign_with_locations(ws, staff[0].id)
    other = ws.campaigns.create(staff[0].id, "Wawaran PBB", "Jatuh tempo").id
    window = make_window(ws)
    window.list.select(cid)
    panel = open_stage_7(window)
    assert panel.model.rowCount() == 2  # taken from the briefing on opening
    ui = panel.ui

    click(qtbot, ui.addStopButton)  # opened and left untouched: nothing to store
    window.list.select(other)
    assert window.record.id == other
    window.list.select(cid)

    click(qtbot, ui.addStopButton)
    qtbot.keyClicks(ui.newAddressEdit, "Depan Masjid Raya")  # no kelurahan chosen
    assert not panel.flush()
    window.list.select(other)
    qtbot.waitUntil(lambda: window.list.current_id() == cid)
    assert window.record.id == cid and ui.addBox.isVisible()
    assert ui.errorLabel.isVisible() and ui.errorLabel.text() == (
        "Lokasi tak terencana \"Depan Masjid Raya\" belum ditambahkan ke rute: pilih kecamatan dan kelurahannya "
        "lalu klik Tambahkan ke rute, atau klik Batal.")
    assert ui.newAddressEdit.text() == "Depan Masjid Raya" and len(stops(cid)) == 2

    ui.areaPicker.choose("36.71.03.1003")  # completed: added when the campaign is left
    window.list.select(other)
    assert window.record.id == other
    assert [s[0] for s in stops(cid)] == ["36.71.01.1007", "36.71.01.1005", "36.71.03.1003"]
    assert RouteStop.get(RouteStop.kelurahan_code == "36.71.03.1003").address == "Depan Masjid Raya"
    assert not ui.addBox.isVisible() and not ui.errorLabel.isVisible()

    window.list.select(cid)
    click(qtbot, ui.addStopButton)
    qtbot.keyClicks(ui.newAddressEdit, "Salah ketik")
    click(qtbot, ui.addCancelButton)  # cancelled: nothing left to store
    assert panel.flush()
    window.list.select(other)
    assert window.record.id == other and len(stops(cid)) == 3


def test_an_empty_route_takes_the_briefing_as_the_person_acting_with_no_false_warning(qtbot, ws, staff, make_window):
    """Issue 15: stage 7 opened saying the route no longer followed the briefing (nothing had
    changed: it was only not taken yet), and waited for a button."""
    from wawaran_desktop.db.models import AuditEntry
    from wawaran_desktop.views.stages.dissemination import SYNC_TEXT

    cid = campaign_with_locations(ws, staff[0].id)
    driver = lane_actor(ws, "kernet")
    window = make_window(ws, driver)
    window.ui.stageTabs.setCurrentIndex(1)  # elsewhere first: nothing is taken before the tab is seen
    assert stops(cid) == []
    panel = open_stage_7(window)
    assert [s[0] for s in stops(cid)] == ["36.71.01.1007", "36.71.01.1005"]
    assert panel.model.rowCount() == 2 and not panel.ui.syncFrame.isVisible()
    assert panel.ui.syncLabel.text() != SYNC_TEXT and panel.ui.arriveButton.isEnabled()
    entry = AuditEntry.get(AuditEntry.action == "route_take")
    assert entry.actor_id == driver and entry.campaign_id == cid
    window.ui.stageTabs.setCurrentIndex(1)
    open_stage_7(window)  # opened again: taken once
    assert len(stops(cid)) == 2 and AuditEntry.select().where(AuditEntry.action == "route_take").count() == 1


def test_someone_outside_the_lane_sees_the_briefing_locations_but_stores_nothing(qtbot, ws, staff, make_window):
    from wawaran_desktop.views.stages.dissemination import PREVIEW_TEXT

    sub, _tim = staff
    cid = campaign_with_locations(ws, sub.id)
    window = make_window(ws, sub.id)  # the Sub Kor: not the dissemination's lane (no override asked)
    panel = open_stage_7(window)
    assert stops(cid) == []  # nothing stored in their name
    assert panel.model.rowCount() == 2 and panel.model.index(0, 1).data() == "Sukasari (Tangerang)"
    assert panel.ui.syncFrame.isVisible() and panel.ui.syncLabel.text() == PREVIEW_TEXT
    assert not panel.ui.syncButton.isVisible()
    assert not panel.ui.arriveButton.isEnabled() and not panel.ui.flyersSpin.isEnabled()
    assert panel.flush() and stops(cid) == []


def _stop_fields(ui):
    widgets = (ui.arrivedEdit, ui.departedEdit, ui.flyersSpin, ui.audienceSpin, ui.notesEdit, ui.stopsTable)
    return [(w.mapTo(ui.scrollContents, w.rect().topLeft()), w.size()) for w in widgets]


def _settled(qtbot, ui):
    """The stop's fields once the window has stopped arranging itself for its room."""
    last = _stop_fields(ui)
    for _ in range(40):
        qtbot.wait(50)
        now = _stop_fields(ui)
        if now == last:
            return now
        last = now
    return last


def test_a_refusal_moves_no_field_and_goes_when_the_time_is_corrected_in_place(qtbot, ws, staff, monkeypatch):
    """Issue 15: the message appeared above the stop's fields and pushed them a line (a number
    for *Perkiraan warga* landed in *Catatan*); it stayed until the field was left. (The panel on
    its own, at a fixed size: in the window, the window's own arrangement for its room moves it.)"""
    from wawaran_desktop.views import responsive
    from wawaran_desktop.views.stages.dissemination import Panel

    monkeypatch.setattr(responsive, "_ready_at", 0.0)  # arranged for its room at once, not during the test
    cid = campaign_with_locations(ws, staff[0].id)
    driver = lane_actor(ws, "kernet")
    panel = Panel(ws, lambda: driver)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.load(ws.campaigns.get(cid))
    assert panel.model.rowCount() == 2  # taken from the briefing when shown
    click(qtbot, panel.ui.arriveButton)
    click(qtbot, panel.ui.departButton)
    arrived = panel.stop.arrived_at
    qtbot.waitUntil(lambda: panel.arrangement.narrow is False)
    before = _settled(qtbot, panel.ui)
    edit = panel.ui.departedEdit
    edit.setFocus()
    edit.setDateTime(to_qdatetime(arrived - timedelta(minutes=10)))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert panel.ui.errorLabel.isVisible()
    assert _settled(qtbot, panel.ui) == before
    edit.setDateTime(to_qdatetime(arrived))  # corrected (as the arrow keys would), still in the field
    qtbot.waitUntil(lambda: not panel.ui.errorLabel.isVisible(), timeout=3000)
    assert panel.stop.departed_at == arrived
    assert _settled(qtbot, panel.ui) == before


def test_the_form_takes_one_field_a_row_when_the_room_is_narrow(qtbot, ws, staff, monkeypatch):
    """At 150% display scaling the stage has ~350 pixels: the route's form must not need more
    (it needed ~590, and scrolled sideways)."""
    from wawaran_desktop.views import responsive
    from wawaran_desktop.views.stages.dissemination import Panel

    monkeypatch.setattr(responsive, "_ready_at", 0.0)  # the resize watch at once (start-up is long over)
    cid = campaign_with_locations(ws, staff[0].id)
    panel = Panel(ws, lambda: staff[0].id)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.load(ws.campaigns.get(cid))
    ui = panel.ui

    def same_row(a, b):
        return a.mapTo(panel, a.rect().topLeft()).y() == b.mapTo(panel, b.rect().topLeft()).y()

    qtbot.waitUntil(lambda: panel.arrangement.narrow is False)
    assert same_row(ui.arrivedEdit, ui.departedEdit) and same_row(ui.arriveButton, ui.addStopButton)
    panel.resize(350, 600)
    qtbot.waitUntil(lambda: panel.arrangement.narrow is True)
    qtbot.wait(20)
    assert not same_row(ui.arrivedEdit, ui.departedEdit) and not same_row(ui.arriveButton, ui.addStopButton)
    assert same_row(ui.flyersCaption, ui.flyersSpin)
    assert ui.scrollContents.minimumSizeHint().width() <= ui.scrollArea.viewport().width()
    assert ui.scrollArea.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
    panel.resize(900, 600)
    qtbot.waitUntil(lambda: panel.arrangement.narrow is False)
    qtbot.wait(20)
    assert same_row(ui.arrivedEdit, ui.departedEdit) and same_row(ui.arriveButton, ui.addStopButton)


def test_a_route_is_taken_only_when_its_tab_is_brought_up(qtbot, ws, staff, make_window):
    """Passing through a campaign (another one selected while tab 7 was shown: the window goes to
    that campaign's current stage) or another PC's change reloading the tab stores nothing in the
    name of the person at the PC; bringing the tab up does. A briefing not finished is shown only."""
    from wawaran_desktop.db.stage_models import RouteStop as Stop

    first = campaign_with_locations(ws, staff[0].id)  # briefing finished, current stage 3
    other = campaign_with_locations(ws, staff[0].id)
    unfinished = ws.campaigns.create(staff[0].id, "Wawaran Sampah", "Pilah sampah").id
    Location.create(campaign=unfinished, position=1, kelurahan_code="36.71.01.1007", address="Pasar Anyar")
    driver = lane_actor(ws, "kernet")
    window = make_window(ws, driver)
    window.list.reload(select_id=first)
    open_stage_7(window)
    assert len(stops(first)) == 2  # brought up: taken
    window.list.reload(select_id=other)  # passing through: the window goes to its stage 3
    qtbot.wait(50)
    assert window.ui.stageTabs.currentIndex() != 6 and stops(other) == []
    window.list.reload(select_id=unfinished)
    panel = open_stage_7(window)
    qtbot.wait(50)
    assert stops(unfinished) == [] and panel.model.rowCount() == 1  # shown, not stored: briefing not finished
    finish_briefing(ws, unfinished)
    panel.load(ws.campaigns.get(unfinished))  # what another PC's change does (live updates)
    qtbot.wait(50)
    assert Stop.select().where(Stop.campaign == unfinished).count() == 0
    window.ui.stageTabs.setCurrentIndex(1)
    open_stage_7(window)  # brought up again by the person
    assert len(stops(unfinished)) == 1
