"""Stage 2, Briefing: the meeting, attendees, route of locations, topics and the finish rule."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from wawaran_desktop.db.models import AuditEntry, StepEvent
from wawaran_desktop.db.stage_models import Briefing, BriefingAttendee, DataItem, Location
from wawaran_desktop.services.clock import WIB
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.stages import briefing
from wawaran_desktop.services.stages.briefing import ADDRESS_MAX, AGENDA_MAX, LOCATIONS_MAX, NOTES_MAX, Service

SUKASARI = "36.71.01.1007"  # Kecamatan Tangerang
CIKOKOL = "36.71.01.1005"
GONDRONG = "36.71.05.1004"  # Kecamatan Cipondoh
KENANGA = "36.71.05.1005"


@pytest.fixture
def svc(ws) -> Service:
    return Service(ws)


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran DBD", "3M Plus").id


def add_items(cid, actor, *topics) -> list[int]:
    """Stage-1 data items, as the data collection stage stores them."""
    ids = []
    for i, topic in enumerate(topics):
        row = DataItem.create(campaign=cid, position=i, topic=topic, source_kind="dimc",
                              created_by=actor.id, created_at=datetime(2026, 11, 26, 1, 0))
        ids.append(row.id)
    return ids


def snapshot(cid):
    """Everything stage 2 stores for a campaign."""
    row = Briefing.get_or_none(Briefing.campaign == cid)
    return (
        None if row is None else (row.held_at, row.place, row.agenda, row.technical_notes),
        sorted(a.staff_id for a in BriefingAttendee.select().where(BriefingAttendee.campaign == cid)),
        [(l.position, l.kelurahan_code, l.address, l.planned_time)
         for l in Location.select().where(Location.campaign == cid).order_by(Location.position)],
        sorted(d.id for d in DataItem.select().where((DataItem.campaign == cid) & DataItem.selected)),
    )


# -- the meeting ---------------------------------------------------------------------------
def test_a_new_campaign_has_an_empty_briefing(svc, cid):
    record = svc.get(cid)
    assert (record.held_at, record.place, record.agenda, record.technical_notes) == (None, "", "", "")
    assert record.attendees == () and record.locations == () and record.topics == ()
    assert record.updated_by_name is None


def test_meeting_fields_are_stored_in_utc_and_read_back(svc, actor, clock, cid):
    held = datetime(2026, 11, 26, 9, 30, 45, tzinfo=WIB)
    clock.advance(minutes=5)
    record = svc.update(actor.id, cid, held_at=held, place="  Ruang Rapat Diskominfo  ",
                        agenda="1. Lokasi\n2. Topik\n", technical_notes="Mobil berangkat 10.00")
    assert record.held_at == datetime(2026, 11, 26, 2, 30, tzinfo=timezone.utc)  # seconds dropped
    assert record.place == "Ruang Rapat Diskominfo"
    assert record.agenda == "1. Lokasi\n2. Topik\n"  # multi-line text kept as typed
    assert record.technical_notes == "Mobil berangkat 10.00"
    assert record.updated_by_name == actor.name and record.updated_at == clock.now()
    assert Briefing.get(Briefing.campaign == cid).held_at == datetime(2026, 11, 26, 2, 30)  # naive UTC


def test_update_changes_only_the_fields_given(svc, actor, cid):
    svc.update(actor.id, cid, place="Aula", agenda="Agenda")
    record = svc.update(actor.id, cid, technical_notes="Catatan")
    assert (record.place, record.agenda, record.technical_notes) == ("Aula", "Agenda", "Catatan")
    record = svc.update(actor.id, cid, held_at=None, place="")
    assert (record.held_at, record.place, record.agenda) == (None, "", "Agenda")


@pytest.mark.parametrize("fields, field, message", [
    ({"place": "x" * 201}, "place", "Tempat briefing terlalu panjang (201 karakter, maksimal 200)."),
    ({"agenda": "a" * (AGENDA_MAX + 1)}, "agenda", "Agenda briefing terlalu panjang"),
    ({"technical_notes": "n" * (NOTES_MAX + 1)}, "technical_notes", "Catatan teknis terlalu panjang"),
    ({"held_at": datetime(2026, 11, 26, 9, 0)}, "held_at", "Waktu briefing harus berupa tanggal dan jam."),
    ({"held_at": "26/11/2026"}, "held_at", "Waktu briefing harus berupa tanggal dan jam."),
    ({"held_at": datetime(1999, 12, 31, tzinfo=WIB)}, "held_at", "di luar rentang yang wajar"),
    ({"held_at": datetime(2028, 1, 1, tzinfo=WIB)}, "held_at", "lebih dari setahun ke depan"),
])
def test_bad_meeting_fields_are_refused_and_nothing_changes(svc, actor, cid, fields, field, message):
    svc.update(actor.id, cid, place="Aula", agenda="Agenda lama")
    before = snapshot(cid)
    with pytest.raises(ValidationError) as err:
        svc.update(actor.id, cid, **{"agenda": "Agenda baru", **fields})  # all or nothing
    assert err.value.field == field
    assert message in str(err.value)
    assert snapshot(cid) == before


def test_attendees_are_active_staff_and_can_be_changed(ws, svc, actor, cid):
    budi = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
    ani = ws.staff.add("Ani Kabid", None, "Kepala Bidang", "kabid")
    assert [p.name for p in svc.set_attendees(actor.id, cid, [budi.id, ani.id, actor.id])] == [
        "Ani Kabid", "Budi Santoso", actor.name]
    assert svc.get(cid).attendee_ids == {budi.id, ani.id, actor.id}
    assert [p.name for p in svc.set_attendees(actor.id, cid, [ani.id])] == ["Ani Kabid"]


def test_inactive_or_unknown_staff_cannot_be_added_but_stay_when_already_attending(ws, svc, actor, cid):
    budi = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
    svc.set_attendees(actor.id, cid, [budi.id])
    ws.staff.update(budi.id, "Budi Santoso", None, "Pranata Humas", "tim", active=False)
    gone = ws.staff.add("Tono", None, "", "tim", active=False)
    for ids in ([budi.id, gone.id], [budi.id, 9999], [budi.id, "x"]):
        with pytest.raises(ValidationError) as err:
            svc.set_attendees(actor.id, cid, ids)
        assert err.value.field == "attendees"
    assert svc.get(cid).attendee_ids == {budi.id}
    assert svc.set_attendees(actor.id, cid, [budi.id, actor.id])[0].active is False  # kept, still listed


# -- the route ------------------------------------------------------------------------------
def test_locations_are_kept_in_route_order_with_their_areas(svc, actor, cid):
    first = svc.add_location(actor.id, cid, SUKASARI, "  Alun-alun Ahmad Yani ", "9.05")
    second = svc.add_location(actor.id, cid, GONDRONG, "Pasar Cipondoh", "10:30")
    assert (first.number, first.area, first.address, first.planned_time, first.time_text) == (
        1, "Kel. Sukasari, Kec. Tangerang", "Alun-alun Ahmad Yani", "09:05", "09.05")
    assert (second.position, second.kecamatan_code, second.kelurahan) == (1, "36.71.05", "Gondrong")
    assert [l.id for l in svc.get(cid).locations] == [first.id, second.id]
    entries = [e.action for e in AuditEntry.select().where(AuditEntry.campaign == cid)]
    assert entries.count("location_add") == 2


def test_a_time_may_be_left_empty_and_equal_times_are_in_order(svc, actor, cid):
    svc.add_location(actor.id, cid, SUKASARI, "", "09:00")
    svc.add_location(actor.id, cid, CIKOKOL, "", None)
    svc.add_location(actor.id, cid, GONDRONG, "", "09:00")
    assert [l.planned_time for l in svc.locations(cid)] == ["09:00", None, "09:00"]


@pytest.mark.parametrize("code, address, when, field, message", [
    ("", "", "09:00", "kelurahan", "Pilih kecamatan lalu kelurahan"),
    ("36.71.05", "", "09:00", "kelurahan", "Kelurahan tidak dikenal"),  # a kecamatan, not a kelurahan
    ("36.72.01.1001", "", "09:00", "kelurahan", "Kelurahan tidak dikenal"),  # outside Kota Tangerang
    (SUKASARI, "x" * (ADDRESS_MAX + 1), "09:00", "address", "Alamat atau patokan terlalu panjang"),
    (SUKASARI, "", "24:00", "planned_time", "antara 00.00 dan 23.59"),
    (SUKASARI, "", "09:60", "planned_time", "antara 00.00 dan 23.59"),
    (SUKASARI, "", "jam sembilan", "planned_time", "JJ.MM"),
    (SUKASARI, "", 930, "planned_time", "Jam rencana harus berupa jam"),
])
def test_bad_locations_are_refused_and_nothing_changes(svc, actor, cid, code, address, when, field, message):
    svc.add_location(actor.id, cid, KENANGA, "Masjid", "08:00")
    before = snapshot(cid)
    with pytest.raises(ValidationError) as err:
        svc.add_location(actor.id, cid, code, address, when)
    assert (err.value.field, message in str(err.value)) == (field, True)
    assert snapshot(cid) == before


def test_a_stop_planned_earlier_than_the_one_before_is_refused_naming_both(svc, actor, cid):
    svc.add_location(actor.id, cid, SUKASARI, "Alun-alun", "10:00")
    before = snapshot(cid)
    with pytest.raises(ValidationError) as err:
        svc.add_location(actor.id, cid, GONDRONG, "Pasar", "09:30")
    assert str(err.value) == (
        "Jam rencana harus urut sesuai rute: lokasi 2 (Gondrong, pukul 09.30) lebih awal dari lokasi 1 "
        "(Sukasari, pukul 10.00). Ubah jamnya atau urutan lokasinya.")
    assert err.value.field == "planned_time"
    assert snapshot(cid) == before


def test_update_a_stop_checks_the_order_and_withdraws_its_confirmation(svc, actor, cid):
    a = svc.add_location(actor.id, cid, SUKASARI, "Alun-alun", "09:00")
    b = svc.add_location(actor.id, cid, GONDRONG, "Pasar", "10:00")
    Location.update(confirmed=True).where(Location.campaign == cid).execute()  # as stage 6 does
    before = snapshot(cid)
    with pytest.raises(ValidationError) as err:
        svc.update_location(actor.id, cid, a.id, SUKASARI, "Alun-alun", "10:30")
    assert "lokasi 2 (Gondrong, pukul 10.00) lebih awal dari lokasi 1 (Sukasari, pukul 10.30)" in str(err.value)
    assert snapshot(cid) == before
    changed = svc.update_location(actor.id, cid, b.id, KENANGA, "Pos RW 03", "10:15")
    assert (changed.kelurahan, changed.address, changed.planned_time, changed.confirmed) == (
        "Kenanga", "Pos RW 03", "10:15", False)
    assert svc.locations(cid)[0].confirmed is True  # the other stop keeps its confirmation
    same = svc.update_location(actor.id, cid, a.id, SUKASARI, "Alun-alun", "09:00")
    assert same.confirmed is True  # nothing changed: nothing withdrawn


def test_move_stores_the_route_order_and_refuses_times_out_of_order(svc, actor, cid):
    a = svc.add_location(actor.id, cid, SUKASARI, "A", None)
    b = svc.add_location(actor.id, cid, CIKOKOL, "B", "09:00")
    c = svc.add_location(actor.id, cid, GONDRONG, "C", "10:00")
    assert [l.id for l in svc.move_location(actor.id, cid, a.id, 2)] == [b.id, c.id, a.id]
    assert [l.position for l in svc.locations(cid)] == [0, 1, 2]
    before = snapshot(cid)
    with pytest.raises(ValidationError) as err:
        svc.move_location(actor.id, cid, c.id, 0)
    assert "lokasi 2 (Cikokol, pukul 09.00) lebih awal dari lokasi 1 (Gondrong, pukul 10.00)" in str(err.value)
    assert err.value.field == "position"
    for bad in (3, -1, True, "1"):
        with pytest.raises(ValidationError):
            svc.move_location(actor.id, cid, c.id, bad)
    assert snapshot(cid) == before


def test_remove_renumbers_the_route(svc, actor, cid):
    a = svc.add_location(actor.id, cid, SUKASARI, "A", "09:00")
    b = svc.add_location(actor.id, cid, CIKOKOL, "B", "09:30")
    c = svc.add_location(actor.id, cid, GONDRONG, "C", "10:00")
    remaining = svc.remove_location(actor.id, cid, b.id)
    assert [(l.id, l.number) for l in remaining] == [(a.id, 1), (c.id, 2)]
    assert Location.get_by_id(c.id).position == 1


def test_stops_of_another_campaign_cannot_be_touched(ws, svc, actor, cid):
    other = ws.campaigns.create(actor.id, "Wawaran PBB").id
    theirs = svc.add_location(actor.id, other, SUKASARI, "", "09:00")
    svc.add_location(actor.id, cid, CIKOKOL, "", "09:00")
    before = (snapshot(cid), snapshot(other))
    for attempt in (lambda: svc.update_location(actor.id, cid, theirs.id, CIKOKOL, "", "09:00"),
                    lambda: svc.remove_location(actor.id, cid, theirs.id),
                    lambda: svc.move_location(actor.id, cid, theirs.id, 0)):
        with pytest.raises(NotFound):
            attempt()
    assert (snapshot(cid), snapshot(other)) == before


def test_a_route_has_at_most_fifty_stops(svc, actor, cid):
    Location.insert_many([{"campaign": cid, "position": i, "kelurahan_code": SUKASARI, "address": "",
                           "planned_time": None} for i in range(LOCATIONS_MAX)]).execute()
    with pytest.raises(ValidationError, match="maksimal"):
        svc.add_location(actor.id, cid, CIKOKOL, "", None)
    assert len(svc.locations(cid)) == LOCATIONS_MAX


# -- topics ---------------------------------------------------------------------------------
def test_topics_are_chosen_from_the_campaigns_own_items(svc, actor, cid):
    dbd, pbb, banjir = add_items(cid, actor, "Kasus DBD naik", "Jatuh tempo PBB", "Siaga banjir")
    topics = svc.set_topics(actor.id, cid, [dbd, banjir])
    assert [(t.topic, t.selected) for t in topics] == [
        ("Kasus DBD naik", True), ("Jatuh tempo PBB", False), ("Siaga banjir", True)]
    assert [t.id for t in svc.get(cid).selected_topics] == [dbd, banjir]
    assert [t.selected for t in svc.set_topics(actor.id, cid, [pbb])] == [False, True, False]


def test_items_of_another_campaign_are_refused_as_topics(ws, svc, actor, cid):
    mine = add_items(cid, actor, "Kasus DBD naik")
    other = ws.campaigns.create(actor.id, "Wawaran PBB").id
    theirs = add_items(other, actor, "Jatuh tempo PBB")
    svc.set_topics(actor.id, cid, mine)
    before = (snapshot(cid), snapshot(other))
    with pytest.raises(ValidationError) as err:
        svc.set_topics(actor.id, cid, [*mine, *theirs])
    assert str(err.value) == "Topik hanya dapat dipilih dari data tahap 1 kampanye ini."
    assert (snapshot(cid), snapshot(other)) == before


# -- who may change it ----------------------------------------------------------------------
def test_changes_need_an_active_actor_and_a_campaign_that_is_not_cancelled(ws, svc, actor, cid):
    svc.add_location(actor.id, cid, SUKASARI, "", "09:00")
    gone = ws.staff.add("Tono", None, "", "tim", active=False)
    with pytest.raises(ValidationError):
        svc.update(gone.id, cid, place="Aula")
    ws.campaigns.cancel(actor.id, cid, "Cuaca buruk")
    before = snapshot(cid)
    location = svc.locations(cid)[0]
    for attempt in (lambda: svc.update(actor.id, cid, place="Aula"),
                    lambda: svc.set_attendees(actor.id, cid, [actor.id]),
                    lambda: svc.add_location(actor.id, cid, CIKOKOL, "", None),
                    lambda: svc.update_location(actor.id, cid, location.id, CIKOKOL, "", None),
                    lambda: svc.remove_location(actor.id, cid, location.id),
                    lambda: svc.set_topics(actor.id, cid, [])):
        with pytest.raises(RuleError, match="dibatalkan"):
            attempt()
    assert snapshot(cid) == before
    with pytest.raises(NotFound):
        svc.get(9999)


# -- finishing the step ---------------------------------------------------------------------
def finish_step_2(ws, actor, cid):
    ws.steps.finish(actor.id, cid, 2)


def test_finishing_needs_a_location_and_a_topic(ws, svc, actor, clock, cid):
    ws.steps.start(actor.id, cid, 2, reason="data tahap 1 sudah ada")
    clock.advance(minutes=5)
    with pytest.raises(RuleError) as err:
        ws.steps.finish(actor.id, cid, 2)
    assert str(err.value) == ("Tahap 2 belum dapat diselesaikan: tambahkan minimal satu lokasi wawaran "
                              "(tab Lokasi) dan pilih minimal satu topik dari data tahap 1 (tab Topik).")
    svc.add_location(actor.id, cid, SUKASARI, "Alun-alun", "09:00")
    with pytest.raises(RuleError, match="^Tahap 2 belum dapat diselesaikan: pilih minimal satu topik"):
        briefing.check_finish(cid, "alasan tidak mengubah aturan ini")
    item = add_items(cid, actor, "Kasus DBD naik")
    svc.set_topics(actor.id, cid, item)
    assert StepEvent.select().count() == 1  # the refusals stored nothing
    ws.steps.finish(actor.id, cid, 2)
    assert ws.campaigns.get(cid).step(2).finished_at == clock.now()


def test_everything_survives_a_restart(ws, svc, actor, cid, restart):
    item = add_items(cid, actor, "Kasus DBD naik")
    held = datetime(2026, 11, 26, 8, 15, tzinfo=WIB)
    svc.update(actor.id, cid, held_at=held, place="Aula", agenda="Agenda", technical_notes="Teknis")
    svc.set_attendees(actor.id, cid, [actor.id])
    svc.add_location(actor.id, cid, SUKASARI, "Alun-alun", "09:00")
    svc.set_topics(actor.id, cid, item)
    expected = svc.get(cid)
    ws2 = restart(ws)
    again = Service(ws2).get(cid)
    assert again == expected
    assert again.held_at == held and again.held_at - held == timedelta(0)
