"""Stage 7: the route from the briefing's locations, stamped times, counts, photos, totals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from crew import member
from stage_content import finish_briefing  # tests/stage_content.py

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.db.stage_models import Attachment, Location, RouteStop
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.stages import dissemination
from wawaran_desktop.services.stages.dissemination import Service, check_finish
from wawaran_desktop.services.timing import StepStatus

SUKASARI, CIKOKOL, JATAKE, PORIS = "36.71.01.1007", "36.71.01.1005", "36.71.02.1002", "36.71.03.1003"


@pytest.fixture
def actor(ws):
    """The route is step 7's, the Kernet's (the Tim supports; services/lanes.py)."""
    return member(ws, "kernet")


@pytest.fixture
def organiser(ws):
    """Who creates and cancels campaigns: the Sub Kor (step 1's lane); the Kernet may not."""
    return member(ws, "subkor")


@pytest.fixture
def service(ws):
    return Service(ws)


@pytest.fixture
def cid(ws, organiser) -> int:
    return ws.campaigns.create(organiser.id, "Wawaran Pencegahan DBD", "3M Plus").id


def add_location(cid, position, code, address="", planned_time=None):
    return Location.create(campaign=cid, position=position, kelurahan_code=code, address=address,
                           planned_time=planned_time)


def stored(cid):
    return [(s.kelurahan_code, s.arrived_at, s.departed_at, s.flyers, s.audience, s.notes)
            for s in RouteStop.select().where(RouteStop.campaign == cid).order_by(RouteStop.position)]


@pytest.fixture
def route(ws, actor, service, cid):
    """Three planned stops, from locations given out of id order."""
    add_location(cid, 2, CIKOKOL, "Pasar Cikokol", "10:00")
    add_location(cid, 1, SUKASARI, "Taman Gajah Tunggal", "09:00")
    add_location(cid, 3, JATAKE)
    return service.ensure_route(actor.id, cid)


def test_route_follows_the_briefing_order_and_copies_the_place(route):
    assert [s.kelurahan_code for s in route.stops] == [SUKASARI, CIKOKOL, JATAKE]
    first = route.stops[0]
    assert first.place == "Kelurahan Sukasari, Kecamatan Tangerang"
    assert first.short_place == "Sukasari (Tangerang)"
    assert (first.address, first.planned_time, first.planned, first.position) == \
        ("Taman Gajah Tunggal", "09:00", True, 1)
    assert first.location_id is not None


def test_ensure_route_adds_later_locations_once_and_keeps_visited_stops(ws, actor, service, cid, route, clock):
    assert service.in_sync(cid)
    service.ensure_route(actor.id, cid)
    assert RouteStop.select().where(RouteStop.campaign == cid).count() == 3  # no duplicates
    add_location(cid, 4, PORIS, "Bandara")
    assert not service.in_sync(cid)
    again = service.ensure_route(actor.id, cid)
    assert [s.kelurahan_code for s in again.stops] == [SUKASARI, CIKOKOL, JATAKE, PORIS]
    # a visited stop stays when its location leaves the briefing; an untouched one goes
    clock.advance(minutes=30)
    service.arrive(actor.id, cid, again.stops[0].id)
    Location.delete().where(Location.kelurahan_code.in_([SUKASARI, JATAKE])).execute()
    after = service.ensure_route(actor.id, cid)
    assert [s.kelurahan_code for s in after.stops] == [SUKASARI, CIKOKOL, PORIS]
    assert after.stops[0].arrived_at is not None and after.stops[0].location_id is None


def test_unvisited_stop_follows_a_changed_location_but_a_visited_one_keeps_its_place(
        ws, actor, service, cid, route, clock):
    Location.update(address="Lapangan Cikokol").where(Location.kelurahan_code == CIKOKOL).execute()
    clock.advance(minutes=5)
    service.arrive(actor.id, cid, route.stops[0].id)
    Location.update(address="Tempat lain").where(Location.kelurahan_code == SUKASARI).execute()
    assert not service.in_sync(cid)
    after = service.ensure_route(actor.id, cid)
    assert [s.address for s in after.stops] == ["Taman Gajah Tunggal", "Lapangan Cikokol", ""]
    assert service.in_sync(cid)


def move_in_briefing(cid, *codes):
    """Put the briefing's locations in the order of ``codes`` (as the Briefing tab does)."""
    for position, code in enumerate(codes):
        Location.update(position=position).where((Location.campaign == cid)
                                                 & (Location.kelurahan_code == code)).execute()


def test_route_follows_a_reordered_briefing_for_stops_not_yet_visited(ws, actor, service, cid, route, clock):
    first, second, third = route.stops
    service.update_stop(actor.id, cid, second.id, flyers=7, notes="Sudah disiapkan")
    extra = service.add_unplanned_stop(actor.id, cid, PORIS, "Depan Masjid Raya")
    move_in_briefing(cid, JATAKE, CIKOKOL, SUKASARI)
    assert not service.in_sync(cid)
    after = service.ensure_route(actor.id, cid)
    assert [s.kelurahan_code for s in after.stops] == [JATAKE, CIKOKOL, SUKASARI, PORIS]
    assert [s.position for s in after.stops] == [1, 2, 3, 4]
    assert service.in_sync(cid)
    # nothing recorded is lost by the move
    moved = after.stop(second.id)
    assert (moved.flyers, moved.notes) == (7, "Sudah disiapkan")
    assert after.stop(extra.id).position == 4
    # a stop already driven to keeps its place; the rest follow the briefing behind it
    clock.advance(minutes=30)
    service.arrive(actor.id, cid, first.id)  # Sukasari first after all
    assert [s.kelurahan_code for s in service.route(cid).stops] == [SUKASARI, JATAKE, CIKOKOL, PORIS]
    assert service.in_sync(cid)  # driving out of the briefing's order is not "behind the briefing"
    clock.advance(minutes=10)
    service.depart(actor.id, cid, first.id)
    move_in_briefing(cid, CIKOKOL, SUKASARI, JATAKE)
    assert not service.in_sync(cid)
    again = service.ensure_route(actor.id, cid)
    assert [s.kelurahan_code for s in again.stops] == [SUKASARI, CIKOKOL, JATAKE, PORIS]
    assert again.stop(first.id).visited and again.stop(second.id).flyers == 7
    assert service.in_sync(cid)


def test_a_location_added_in_the_middle_of_the_briefing_takes_its_place_in_the_route(
        actor, service, cid, route):
    Location.update(position=Location.position + 1).where(
        (Location.campaign == cid) & (Location.position >= 2)).execute()
    add_location(cid, 2, PORIS, "Bandara")  # between Sukasari and Cikokol
    after = service.ensure_route(actor.id, cid)
    assert [s.kelurahan_code for s in after.stops] == [SUKASARI, PORIS, CIKOKOL, JATAKE]
    assert service.in_sync(cid)


def test_empty_briefing_gives_an_empty_route(actor, service, cid):
    record = service.ensure_route(actor.id, cid)
    assert record.stops == () and record.totals.stops == 0 and record.totals.route_seconds is None


def test_unplanned_stop_needs_a_known_kelurahan(actor, service, cid, route):
    with pytest.raises(ValidationError) as err:
        service.add_unplanned_stop(actor.id, cid, "36.71.01", "Kecamatan saja")
    assert err.value.field == "kelurahan" and "tidak dikenal" in str(err.value)
    with pytest.raises(ValidationError, match="Pilih kecamatan dan kelurahan"):
        service.add_unplanned_stop(actor.id, cid, "", "")
    with pytest.raises(ValidationError, match="terlalu panjang"):
        service.add_unplanned_stop(actor.id, cid, PORIS, "x" * 301)
    assert len(stored(cid)) == 3
    stop = service.add_unplanned_stop(actor.id, cid, PORIS, "  Depan Masjid Raya  ")
    assert (stop.planned, stop.position, stop.address, stop.location_id) == (False, 4, "Depan Masjid Raya", None)
    assert AuditEntry.select().where(AuditEntry.action == "route_add").count() == 1


def test_tiba_and_berangkat_stamp_now_to_the_minute(actor, service, cid, route, clock):
    stop = route.stops[0]
    clock.advance(minutes=75, seconds=42)
    arrived = service.arrive(actor.id, cid, stop.id)
    assert arrived.arrived_at == clock.now().replace(second=0)
    with pytest.raises(RuleError, match="sudah tercatat"):
        service.arrive(actor.id, cid, stop.id)
    with pytest.raises(RuleError, match="masih tercatat di Kelurahan Sukasari"):
        service.arrive(actor.id, cid, route.stops[1].id)
    with pytest.raises(RuleError, match="Tiba' dulu"):
        service.depart(actor.id, cid, route.stops[1].id)
    clock.advance(minutes=25)
    left = service.depart(actor.id, cid, stop.id)
    assert left.departed_at - left.arrived_at == timedelta(minutes=25) and left.visited
    with pytest.raises(RuleError, match="sudah tercatat"):
        service.depart(actor.id, cid, stop.id)


def test_visiting_out_of_order_moves_the_stop_after_the_last_visited(actor, service, cid, route, clock):
    first, second, third = route.stops
    clock.advance(minutes=60)
    service.arrive(actor.id, cid, third.id)
    clock.advance(minutes=10)
    service.depart(actor.id, cid, third.id)
    clock.advance(minutes=10)
    service.arrive(actor.id, cid, first.id)
    assert [s.kelurahan_code for s in service.route(cid).stops] == [JATAKE, SUKASARI, CIKOKOL]


def test_edited_times_must_be_in_order_and_not_in_the_future(actor, service, cid, route, clock):
    a, b, _ = route.stops
    clock.advance(hours=3)
    base = clock.now().replace(second=0) - timedelta(hours=2)
    service.edit_times(actor.id, cid, a.id, base, base + timedelta(minutes=20))
    before = stored(cid)
    cases = [
        (b.id, base + timedelta(minutes=30), base + timedelta(minutes=25), "departed_at", "sebelum waktu tiba"),
        (b.id, base + timedelta(minutes=10), None, "arrived_at", "lokasi sebelumnya"),
        (b.id, clock.now() + timedelta(minutes=5), None, "arrived_at", "masa depan"),
        (b.id, base + timedelta(minutes=30), clock.now() + timedelta(minutes=5), "departed_at", "masa depan"),
        (b.id, None, base + timedelta(minutes=30), "arrived_at", "Isi waktu tiba"),
        (b.id, base - timedelta(hours=5), None, "arrived_at", "sebelum kampanye dibuat"),
        (a.id, base, base + timedelta(hours=3), "departed_at", "masa depan"),
    ]
    for stop_id, arrived, departed, field, message in cases:
        with pytest.raises(ValidationError, match=message) as err:
            service.edit_times(actor.id, cid, stop_id, arrived, departed)
        assert err.value.field == field
    with pytest.raises(ValidationError, match="tanggal dan jam"):
        service.edit_times(actor.id, cid, b.id, base.replace(tzinfo=None), None)
    assert stored(cid) == before
    service.edit_times(actor.id, cid, b.id, base + timedelta(minutes=40), base + timedelta(minutes=70))
    # the first stop cannot now end after the second one began
    with pytest.raises(ValidationError, match="lokasi berikutnya") as err:
        service.edit_times(actor.id, cid, a.id, base, base + timedelta(minutes=45))
    assert err.value.field == "departed_at"
    with pytest.raises(ValidationError, match="lokasi sesudahnya sudah tercatat"):
        service.edit_times(actor.id, cid, a.id, base, None)  # the car cannot still be there
    c = route.stops[2]
    service.edit_times(actor.id, cid, b.id, base + timedelta(minutes=40), None)  # at b now
    with pytest.raises(ValidationError, match="masih tercatat di Kelurahan Cikokol"):
        service.edit_times(actor.id, cid, c.id, base + timedelta(minutes=80), None)
    cleared = service.edit_times(actor.id, cid, a.id, None, None)
    assert (cleared.arrived_at, cleared.departed_at) == (None, None)


def test_counts_and_notes_are_checked(actor, service, cid, route):
    stop = route.stops[0]
    before = stored(cid)
    for kwargs, message in [({"flyers": -1}, "tidak boleh negatif"), ({"audience": 100_001}, "terlalu besar"),
                            ({"flyers": 2.5}, "bilangan bulat"), ({"audience": None}, "bilangan bulat"),
                            ({"notes": "x" * 2001}, "terlalu panjang"), ({"flyers": True}, "bilangan bulat")]:
        with pytest.raises(ValidationError, match=message):
            service.update_stop(actor.id, cid, stop.id, **kwargs)
    assert stored(cid) == before
    updated = service.update_stop(actor.id, cid, stop.id, flyers=150, audience=100_000, notes=" Hujan deras ")
    assert (updated.flyers, updated.audience, updated.notes) == (150, 100_000, "Hujan deras")
    assert service.update_stop(actor.id, cid, stop.id, flyers=0).audience == 100_000


def test_totals_and_elapsed_come_from_the_stored_step(ws, actor, service, cid, route, clock):
    a, b, c = route.stops
    ws.steps.start(actor.id, cid, 7, reason="Uji tahap diseminasi")
    for stop, flyers, audience in ((a, 50, 80), (b, 30, 40)):
        clock.advance(minutes=20)
        service.arrive(actor.id, cid, stop.id)
        clock.advance(minutes=25)
        service.depart(actor.id, cid, stop.id)
        service.update_stop(actor.id, cid, stop.id, flyers=flyers, audience=audience)
    clock.advance(minutes=10)
    service.arrive(actor.id, cid, c.id)
    record = service.route(cid)
    totals = record.totals
    assert (totals.stops, totals.visited, totals.flyers, totals.audience) == (3, 2, 80, 120)
    assert totals.route_seconds == 70 * 60  # first arrival to the last departure
    step = ws.campaigns.get(cid).step(record.step_no)  # the route's step: its time, as every view tells it
    assert (record.step_no, step.standard_minutes) == (7, 120)
    assert step.elapsed(clock.now()) == 100 * 60 and step.status(clock.now()) is StepStatus.AT_RISK
    clock.advance(minutes=30)
    assert step.status(clock.now()) is StepStatus.LATE


def test_finishing_needs_a_visited_stop_and_the_car_gone(ws, actor, service, cid, route, clock):
    ws.steps.start(actor.id, cid, 7, reason="Uji")
    with pytest.raises(RuleError, match="Belum ada lokasi"):
        ws.steps.finish(actor.id, cid, 7)
    clock.advance(minutes=5)
    service.arrive(actor.id, cid, route.stops[0].id)
    with pytest.raises(RuleError, match="masih tercatat di"):
        check_finish(cid, None)
    clock.advance(minutes=5)
    service.depart(actor.id, cid, route.stops[0].id)
    ws.steps.finish(actor.id, cid, 7)
    assert ws.campaigns.get(cid).step(7).finished_at == clock.now()


def test_photos_are_images_attached_to_the_stop(ws, actor, organiser, service, cid, route, tmp_path):
    photo = tmp_path / "kerumunan.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    text = tmp_path / "catatan.txt"
    text.write_text("bukan foto")
    with pytest.raises(ValidationError, match="bukan foto"):
        service.add_photo(actor.id, cid, route.stops[0].id, text)
    record = service.add_photo(actor.id, cid, route.stops[0].id, photo)
    assert record.path.is_file() and record.is_image
    assert [p.id for p in service.photos(cid, route.stops[0].id)] == [record.id]
    assert service.route(cid).stops[0].photos == 1
    other = ws.campaigns.create(organiser.id, "Lain").id
    with pytest.raises(NotFound):
        service.remove_photo(actor.id, other, record.id)
    service.remove_photo(actor.id, cid, record.id)
    assert not record.path.exists() and Attachment.select().count() == 0


def test_removing_stops(actor, service, cid, route, clock, tmp_path):
    with pytest.raises(RuleError, match="Briefing"):
        service.remove_stop(actor.id, cid, route.stops[0].id)
    extra = service.add_unplanned_stop(actor.id, cid, PORIS, "")
    service.update_stop(actor.id, cid, extra.id, notes="ramai")
    with pytest.raises(RuleError, match="sudah berisi catatan"):
        service.remove_stop(actor.id, cid, extra.id)
    service.update_stop(actor.id, cid, extra.id, notes="")
    service.remove_stop(actor.id, cid, extra.id)
    assert len(stored(cid)) == 3


def test_stops_of_another_campaign_and_cancelled_campaigns_are_refused(ws, actor, organiser, service, cid, route):
    other = ws.campaigns.create(organiser.id, "Kampanye lain").id
    with pytest.raises(NotFound):
        service.arrive(actor.id, other, route.stops[0].id)
    ws.campaigns.cancel(organiser.id, cid, "Hujan badai")
    before = stored(cid)
    for call in (lambda: service.arrive(actor.id, cid, route.stops[0].id),
                 lambda: service.update_stop(actor.id, cid, route.stops[0].id, flyers=3),
                 lambda: service.ensure_route(actor.id, cid),
                 lambda: service.add_unplanned_stop(actor.id, cid, PORIS, "")):
        with pytest.raises(RuleError, match="dibatalkan"):
            call()
    assert stored(cid) == before


def test_inactive_actor_is_refused(ws, actor, service, cid, route):
    ghost = ws.staff.add("Mantan Petugas", None, "", "tim", active=False)
    with pytest.raises(ValidationError):
        service.arrive(ghost.id, cid, route.stops[0].id)
    assert dissemination.stops_of(cid)[0].arrived_at is None


def test_route_survives_a_restart(ws, actor, service, cid, route, clock, restart):
    clock.advance(minutes=30)
    service.arrive(actor.id, cid, route.stops[0].id)
    service.update_stop(actor.id, cid, route.stops[0].id, flyers=12, notes="Warga antusias")
    ws2 = restart(ws)
    stop = Service(ws2).route(cid).stops[0]
    assert (stop.flyers, stop.notes, stop.arrived_at) == (12, "Warga antusias", clock.now().replace(second=0))


def test_time_stamps_record_who_stamped_them(ws, actor, organiser, clock):
    from wawaran_desktop.db.models import AuditEntry
    from wawaran_desktop.db.stage_models import Location

    cid = ws.campaigns.create(organiser.id, "Wawaran Siapa Mencatat").id
    Location.create(campaign=cid, position=1, kelurahan_code="36.71.01.1007")
    route = dissemination.Service(ws)
    stop = route.ensure_route(actor.id, cid).stops[0]
    route.arrive(actor.id, cid, stop.id)
    clock.advance(minutes=20)
    route.depart(actor.id, cid, stop.id)
    stamps = [(e.action, e.actor_id) for e in AuditEntry.select().where(
        (AuditEntry.campaign == cid) & AuditEntry.action.startswith("route_")).order_by(AuditEntry.id)]
    assert ("route_arrive", actor.id) in stamps and ("route_depart", actor.id) in stamps


def test_an_empty_route_is_taken_from_the_briefing_once_by_whoever_may_change_it(ws, actor, organiser, service, cid):
    """Issue 15: the route takes the briefing's locations by itself (take_briefing), as an audited
    edit of someone of the step's lane; anyone else is only shown them (planned_stops)."""
    add_location(cid, 1, SUKASARI, "Taman Gajah Tunggal", "09:00")
    add_location(cid, 2, CIKOKOL, "Pasar Cikokol")
    assert [s.place for s in service.planned_stops(cid)] == [
        "Kelurahan Sukasari, Kecamatan Tangerang", "Kelurahan Cikokol, Kecamatan Tangerang"]
    assert service.planned_stops(cid)[0].planned_time == "09:00" and stored(cid) == []
    assert service.may_edit(actor.id, cid)
    assert service.take_briefing(actor.id, cid) is None  # the briefing is not finished: its list may change
    finish_briefing(ws, cid)
    assert not service.may_edit(organiser.id, cid) and service.take_briefing(organiser.id, cid) is None
    assert stored(cid) == []  # the Sub Kor is shown them, nothing is stored in their name
    route = service.take_briefing(actor.id, cid)
    assert [s.kelurahan_code for s in route.stops] == [SUKASARI, CIKOKOL]
    entry = AuditEntry.get(AuditEntry.action == "route_take")
    assert entry.actor_id == actor.id and entry.campaign_id == cid
    assert service.in_sync(cid)
    assert service.take_briefing(actor.id, cid) is None  # taken once: a route with stops is left as it is
    assert len(stored(cid)) == 2


def test_nothing_is_taken_without_locations_or_in_a_cancelled_campaign(ws, actor, organiser, service, cid):
    assert service.take_briefing(actor.id, cid) is None and service.planned_stops(cid) == ()
    add_location(cid, 1, SUKASARI)
    ws.campaigns.cancel(organiser.id, cid, "Acara dibatalkan panitia")
    assert not service.may_edit(actor.id, cid) and service.take_briefing(actor.id, cid) is None
    assert stored(cid) == []
