"""Versions of stages 5, 6, 7 and 9 (disposition, readiness, route stops, evaluation): two
saves based on one version keep the first and refuse the second, saying what is stored;
keeping one's own over the version the refusal names stores it (services/versions.py)."""

from __future__ import annotations

import pytest

from wawaran_desktop.db.stage_models import Disposition, DispositionRecipient, Location, RouteStop
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.stages.disposition import Service as DispositionService
from wawaran_desktop.services.stages.dissemination import Service as DisseminationService
from wawaran_desktop.services.stages.evaluation import Service as EvaluationService
from wawaran_desktop.services.stages.readiness import Service as ReadinessService


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD", "3M Plus").id


@pytest.fixture
def other(ws):
    return ws.staff.add("Siti Aminah", None, "Analis", "tim")


# The SOP's lanes are permissions (services/lanes.py): each stage's two PCs are of its lanes. The
# actor (a Sub Kor) and the Kepala Bidang evaluate (step 9); two Sub Kor draft the disposition
# (step 5, the Sub Kor's alone); the Tim's Siti and the Kernet check readiness and drive (6, 7).
@pytest.fixture
def kabid(ws):
    return ws.staff.add("Ani Kabid", None, "Kepala Bidang", "kabid")


@pytest.fixture
def deputy(ws):
    """A second Sub Kor, on the other PC of the disposition."""
    return ws.staff.add("Yuni Astuti", None, "Sub Koordinator", "subkor")


@pytest.fixture
def kernet(ws):
    return ws.staff.add("Joko Santoso", None, "Pengemudi", "kernet")


# -- evaluation ------------------------------------------------------------------------------
def test_two_evaluation_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, cid, actor, kabid):
    service = EvaluationService(ws)
    read = service.get(cid)
    assert read.version == 0
    first = service.update(kabid.id, cid, notes="Catatan Ani.", score_reach=4, version=read.version)
    assert first.version == 1
    with pytest.raises(ConflictError) as caught:
        service.update(actor.id, cid, notes="Catatan Rina.", version=read.version)
    error = caught.value
    assert error.version == 1 and error.by == kabid.name
    assert error.theirs["Catatan evaluasi"] == "Catatan Ani." and error.theirs["Jangkauan"] == "4 – Baik"
    assert service.get(cid).notes == "Catatan Ani."
    with pytest.raises(ConflictError):  # a later save on the first version too
        service.update(actor.id, cid, score_reach=2, version=first.version + 5)
    kept = service.update(actor.id, cid, notes="Catatan Rina.", version=error.version)
    assert kept.version == 2 and kept.notes == "Catatan Rina." and kept.score_reach == 4


def test_an_evaluation_save_without_a_version_stores_whatever_is_stored(ws, cid, actor):
    service = EvaluationService(ws)
    service.update(actor.id, cid, notes="a")
    assert service.update(actor.id, cid, notes="b").version == 2


# -- disposition -----------------------------------------------------------------------------
def test_two_disposition_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, cid, actor, other, deputy):
    service = DispositionService(ws)
    read = service.get(cid)
    assert read.version == 0
    first = service.save(deputy.id, cid, read.draft()._replace(hal="Hal dari Yuni", recipient_ids=(other.id,)),
                         version=read.version)
    assert first.version == 1 and first.agenda_number is not None
    with pytest.raises(ConflictError) as caught:  # created meanwhile: refused, no second agenda number
        service.save(actor.id, cid, read.draft()._replace(catatan="Catatan Rina"), version=read.version)
    assert caught.value.version == 1 and caught.value.by == deputy.name
    assert caught.value.theirs["Hal"] == "Hal dari Yuni" and caught.value.theirs["Diteruskan kepada"] == other.name

    second = service.save(deputy.id, cid, first.draft()._replace(sifat="Segera"), version=first.version)
    with pytest.raises(ConflictError) as caught:
        service.save(actor.id, cid, first.draft()._replace(catatan="Catatan Rina", recipient_ids=(actor.id,)),
                     version=first.version)
    error = caught.value
    assert error.version == 2 and error.theirs["Sifat"] == "Segera" and error.theirs["Catatan"] == ""
    stored = service.get(cid)
    assert (stored.sifat, stored.catatan, [r.id for r in stored.recipients]) == ("Segera", "", [other.id])
    assert stored.agenda_number == first.agenda_number

    kept = service.save(actor.id, cid, second.draft()._replace(catatan="Catatan Rina"), version=error.version)
    assert kept.version == 3 and (kept.sifat, kept.catatan) == ("Segera", "Catatan Rina")
    assert kept.agenda_number == first.agenda_number  # given once, on the first save


def test_a_disposition_removed_meanwhile_is_a_conflict(ws, cid, actor):
    service = DispositionService(ws)
    read = service.save(actor.id, cid, service.get(cid).draft())
    DispositionRecipient.delete().where(DispositionRecipient.campaign == cid).execute()
    Disposition.delete().where(Disposition.campaign == cid).execute()
    with pytest.raises(ConflictError, match="telah dihapus di komputer lain"):
        service.save(actor.id, cid, read.draft()._replace(hal="x"), version=read.version)
    assert Disposition.get_or_none(Disposition.campaign == cid) is None


# -- readiness -------------------------------------------------------------------------------
def test_two_readiness_count_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, cid, kernet, other):
    service = ReadinessService(ws)
    read = service.get(cid)
    assert read.version == 0
    first = service.set_flyers(other.id, cid, 300, version=read.version)
    assert first.version == 1
    with pytest.raises(ConflictError) as caught:
        service.set_flyers(kernet.id, cid, 250, version=read.version)
    assert caught.value.theirs == {"Jumlah flyers": "300", "Sopir": "", "Penyiar": ""}
    crew = service.set_driver(other.id, cid, other.id, version=first.version)
    with pytest.raises(ConflictError) as caught:  # the crew and the count are one record
        service.set_flyers(kernet.id, cid, 250, version=first.version)
    error = caught.value
    assert error.version == 2 and error.by == other.name and error.theirs["Sopir"] == other.name
    assert service.get(cid).flyers_count == 300
    kept = service.set_flyers(kernet.id, cid, 250, version=error.version)
    assert (kept.version, kept.flyers_count, kept.driver.id) == (3, 250, crew.driver.id)


def test_two_readiness_item_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, cid, kernet, other):
    service = ReadinessService(ws)
    read = service.get(cid).item("vehicle_sound")
    assert read.version == 0
    first = service.set_note(other.id, cid, "vehicle_sound", "Mikrofon cadangan", version=read.version)
    assert first.item("vehicle_sound").version == 1
    with pytest.raises(ConflictError) as caught:
        service.set_note(kernet.id, cid, "vehicle_sound", "Kabel cadangan", version=read.version)
    assert caught.value.theirs == {"Catatan: Sound system berfungsi": "Mikrofon cadangan",
                                   "Sound system berfungsi": "belum dicentang"}
    service.set_item(other.id, cid, "vehicle_sound", True, version=1)
    with pytest.raises(ConflictError) as caught:  # the tick and the note are one row
        service.set_note(kernet.id, cid, "vehicle_sound", "Kabel cadangan", version=1)
    assert caught.value.theirs["Sound system berfungsi"] == "dicentang"
    assert service.set_note(other.id, cid, "vehicle_fuel", "Penuh", version=0).item("vehicle_fuel").version == 1
    kept = service.set_note(kernet.id, cid, "vehicle_sound", "Kabel cadangan", version=caught.value.version)
    item = kept.item("vehicle_sound")
    assert (item.note, item.done, item.version) == ("Kabel cadangan", True, 3)


# -- route stops -----------------------------------------------------------------------------
@pytest.fixture
def route(ws, cid, kernet):
    for position, code in enumerate(("36.71.01.1007", "36.71.01.1005"), 1):
        Location.create(campaign=cid, position=position, kelurahan_code=code, address=f"Pos {position}")
    service = DisseminationService(ws)
    return service, service.ensure_route(kernet.id, cid).stops


def test_two_stop_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, cid, kernet, other, route, clock):
    service, stops = route
    read = stops[0]
    assert read.version == 1 and stops[1].version == 1
    first = service.update_stop(other.id, cid, read.id, notes="Catatan Siti", flyers=50, version=read.version)
    assert first.version == 2
    with pytest.raises(ConflictError) as caught:
        service.update_stop(kernet.id, cid, read.id, notes="Catatan Joko", version=read.version)
    error = caught.value
    assert error.version == 2
    assert (error.theirs["Catatan"], error.theirs["Selebaran"], error.theirs["Tiba"]) == ("Catatan Siti", "50", "")
    assert "Sukasari" in str(error)
    assert service.update_stop(kernet.id, cid, stops[1].id, audience=30, version=1).version == 2  # its own version
    clock.advance(minutes=5)
    with pytest.raises(ConflictError):  # a stamp on what was read before too
        service.arrive(kernet.id, cid, read.id, version=read.version)
    with pytest.raises(ConflictError):
        service.edit_times(kernet.id, cid, read.id, clock.now(), None, version=read.version)
    assert service.route(cid).stop(read.id).arrived_at is None
    kept = service.update_stop(kernet.id, cid, read.id, notes="Catatan Joko", version=error.version)
    assert (kept.version, kept.notes, kept.flyers) == (3, "Catatan Joko", 50)
    arrived = service.arrive(kernet.id, cid, read.id, version=kept.version)
    assert arrived.version == 4 and arrived.arrived_at is not None


def test_an_edit_or_removal_of_a_stop_removed_meanwhile_is_a_conflict(ws, cid, kernet, other, route):
    service, _stops = route
    added = service.add_unplanned_stop(kernet.id, cid, "36.71.01.1001", "Simpang")
    service.remove_stop(other.id, cid, added.id, version=added.version)
    for edit in (lambda: service.update_stop(kernet.id, cid, added.id, notes="x", version=added.version),
                 lambda: service.remove_stop(kernet.id, cid, added.id, version=added.version)):
        with pytest.raises(ConflictError, match="telah dihapus di komputer lain") as caught:
            edit()
        assert caught.value.version == 0
    assert RouteStop.get_or_none(RouteStop.id == added.id) is None


def test_a_stop_changed_meanwhile_is_not_removed(ws, cid, kernet, other, route):
    service, _stops = route
    added = service.add_unplanned_stop(kernet.id, cid, "36.71.01.1001", "Simpang")
    service.update_stop(other.id, cid, added.id, notes="Ramai", version=added.version)
    service.update_stop(other.id, cid, added.id, notes="", version=added.version + 1)  # untouched again
    with pytest.raises(ConflictError):
        service.remove_stop(kernet.id, cid, added.id, version=added.version)
    assert RouteStop.get_or_none(RouteStop.id == added.id) is not None
    service.remove_stop(kernet.id, cid, added.id, version=added.version + 2)
    assert RouteStop.get_or_none(RouteStop.id == added.id) is None
