"""Stage 6, Pengecekan kelengkapan: the checklist, its computed items and the finish rule."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from crew import member

from wawaran_desktop import paths
from wawaran_desktop.db.models import AuditEntry, ChecklistMark, StepEvent
from wawaran_desktop.db.stage_models import Location, NarrationVersion, Readiness, ReadinessItem
from wawaran_desktop.services.errors import ReasonRequired, RuleError, ValidationError
from wawaran_desktop.services.stages import readiness
from wawaran_desktop.services.stages.readiness import Service

KEYS = ["kelengkapan:0", "kelengkapan:1", "kelengkapan:2", "flyers", "locations", "script",
        "vehicle_fuel", "vehicle_sound", "crew"]


@pytest.fixture
def actor(ws):
    """Checking readiness is step 6's, the Tim's (Kernet supports; services/lanes.py): Dewi
    Lestari of the Tim, who may also create the campaign (step 1 is the Tim's too)."""
    return member(ws, "tim")


@pytest.fixture
def svc(ws) -> Service:
    return Service(ws)


@pytest.fixture
def crew(ws):
    driver = ws.staff.add("Joko Supir", None, "Pengemudi", "kernet")
    announcer = ws.staff.add("Rudi Penyiar", None, "Kernet", "kernet")
    return driver, announcer


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran DBD", "3M Plus").id


def add_locations(cid, confirmed):
    for i, done in enumerate(confirmed):
        Location.create(campaign=cid, position=i, kelurahan_code=f"36.71.01.100{i}", address=f"Pos {i}",
                        confirmed=done)


def add_narration(cid, author_id, number, final):
    NarrationVersion.create(campaign=cid, number=number, text=f"Narasi {number}", author=author_id,
                            saved_at=datetime(2026, 11, 26, 1, 0), is_final=final)


def stored(cid):
    items = sorted((r.item_key, r.checked, r.note, r.checked_by_id) for r in
                   ReadinessItem.select().where(ReadinessItem.campaign == cid))
    row = Readiness.get_or_none(Readiness.campaign == cid)
    head = None if row is None else (row.flyers_count, row.driver_id, row.announcer_id)
    locations = [l.confirmed for l in Location.select().where(Location.campaign == cid).order_by(Location.position)]
    marks = ChecklistMark.select().count()
    return items, head, locations, marks


def make_ready(ws, svc, actor, cid, crew):
    for i in range(3):
        svc.set_item(actor.id, cid, f"kelengkapan:{i}", True)
    svc.set_flyers(actor.id, cid, 200)
    add_locations(cid, [True, True])
    add_narration(cid, actor.id, 1, True)
    svc.set_item(actor.id, cid, "vehicle_fuel", True)
    svc.set_item(actor.id, cid, "vehicle_sound", True)
    svc.set_driver(actor.id, cid, crew[0].id)
    svc.set_announcer(actor.id, cid, crew[1].id)


def test_a_new_campaign_has_every_item_open(ws, svc, cid):
    record = svc.get(cid)
    assert [i.key for i in record.items] == KEYS
    assert [i.label for i in record.items[:3]] == ["Kelengkapan: Flyers", "Kelengkapan: Lokasi",
                                                   "Kelengkapan: Script wawaran"]
    assert all(i.state == "open" for i in record.items) and len(record.open_items) == 9
    assert [i.key for i in record.items if i.computed] == ["flyers", "locations", "script", "crew"]
    assert record.item("kelengkapan:0").how == "dicentang" and record.item("flyers").how == "otomatis"
    assert record.item("flyers").detail == "Jumlah flyers belum diisi"
    assert record.item("locations").detail == "Belum ada lokasi (isi di tahap Briefing)"
    assert record.item("script").detail == "Belum ada narasi final (tandai di tahap Narasi)"
    assert record.item("crew").detail == "Sopir belum ditugaskan; Penyiar belum ditugaskan"
    assert ReadinessItem.select().count() == 0 and Readiness.select().count() == 0


def test_manual_items_record_who_and_when(ws, svc, actor, clock, cid):
    clock.advance(minutes=5)
    item = svc.set_item(actor.id, cid, "vehicle_fuel", True).item("vehicle_fuel")
    assert item.done and item.checked_by_name == "Dewi Lestari" and item.checked_at == clock.now()
    assert item.detail == "Dicentang Dewi Lestari, 26 November 2026 pukul 08.05 WIB"
    item = svc.set_item(actor.id, cid, "vehicle_fuel", False).item("vehicle_fuel")
    assert not item.done and item.checked_by_name is None and item.detail == "Belum dicentang"


def test_kelengkapan_ticks_are_the_steps_own_checklist(ws, svc, actor, cid):
    svc.set_item(actor.id, cid, "kelengkapan:1", True)
    assert ws.campaigns.get(cid).step(6).checked == frozenset({1})
    ws.steps.set_checked(actor.id, cid, 6, 2, True)  # ticked in the stage tab's own list
    record = svc.get(cid)
    assert [record.item(f"kelengkapan:{i}").done for i in range(3)] == [False, True, True]
    assert record.item("kelengkapan:2").checked_by_name == "Dewi Lestari"
    svc.set_item(actor.id, cid, "kelengkapan:1", False)
    assert ws.campaigns.get(cid).step(6).checked == frozenset({2})


@pytest.mark.parametrize("key, error, message", [
    ("flyers", RuleError, "dihitung otomatis"),
    ("locations", RuleError, "dihitung otomatis"),
    ("script", RuleError, "dihitung otomatis"),
    ("crew", RuleError, "dihitung otomatis"),
    ("kelengkapan:3", ValidationError, "Butir kelengkapan tidak dikenal."),
    ("kelengkapan:x", ValidationError, "Butir kelengkapan tidak dikenal."),
    ("bensin", ValidationError, "Butir pemeriksaan tidak dikenal."),
])
def test_computed_or_unknown_items_cannot_be_ticked(ws, svc, actor, cid, key, error, message):
    before = stored(cid)
    with pytest.raises(error, match=message):
        svc.set_item(actor.id, cid, key, True)
    assert stored(cid) == before


def test_notes_on_any_item(ws, svc, actor, cid):
    svc.set_note(actor.id, cid, "locations", "  Lokasi Pasar Anyar menunggu izin lurah ")
    svc.set_note(actor.id, cid, "kelengkapan:0", "Flyers dari percetakan")
    record = svc.get(cid)
    assert record.item("locations").note == "Lokasi Pasar Anyar menunggu izin lurah"
    assert record.item("kelengkapan:0").note == "Flyers dari percetakan"
    assert not record.item("kelengkapan:0").done  # a note is not a tick
    before = stored(cid)
    with pytest.raises(ValidationError, match=r"Catatan butir terlalu panjang \(501 karakter, maksimal 500\)"):
        svc.set_note(actor.id, cid, "locations", "x" * 501)
    with pytest.raises(ValidationError, match="tidak dikenal"):
        svc.set_note(actor.id, cid, "kelengkapan:7", "x")
    assert stored(cid) == before


def test_flyers_count(ws, svc, actor, cid):
    assert svc.set_flyers(actor.id, cid, 0).item("flyers").detail == "Jumlah flyers masih 0"
    assert not svc.get(cid).item("flyers").done
    item = svc.set_flyers(actor.id, cid, 1500).item("flyers")
    assert item.done and item.detail == "1.500 lembar"
    before = stored(cid)
    for bad, message in ((-1, "tidak boleh negatif"), (100_001, "terlalu besar"), (True, "bilangan bulat"),
                         ("12", "bilangan bulat"), (2.5, "bilangan bulat")):
        with pytest.raises(ValidationError, match=message):
            svc.set_flyers(actor.id, cid, bad)
    assert stored(cid) == before
    assert svc.set_flyers(actor.id, cid, None).flyers_count is None


def test_locations_are_computed_and_confirmed_in_one_go(ws, svc, actor, cid):
    with pytest.raises(RuleError, match="Belum ada lokasi"):
        svc.confirm_locations(actor.id, cid)
    add_locations(cid, [True, False, False])
    record = svc.get(cid)
    assert record.item("locations").detail == "2 dari 3 lokasi belum dikonfirmasi"
    assert (record.locations_total, record.locations_open) == (3, 2)
    assert svc.confirm_locations(actor.id, cid) == 2
    item = svc.get(cid).item("locations")
    assert item.done and item.detail == "Semua 3 lokasi dikonfirmasi"
    assert AuditEntry.get(AuditEntry.action == "locations.confirm").detail == "2 lokasi dikonfirmasi"
    assert svc.confirm_locations(actor.id, cid) == 0


def test_script_needs_a_final_narration(ws, svc, actor, cid):
    add_narration(cid, actor.id, 1, False)
    assert not svc.get(cid).item("script").done
    add_narration(cid, actor.id, 2, True)
    item = svc.get(cid).item("script")
    assert item.done and item.detail == "Narasi versi 2 ditandai final"


def test_crew_driver_and_announcer(ws, svc, actor, cid, crew):
    driver, announcer = crew
    svc.set_driver(actor.id, cid, driver.id)
    assert svc.get(cid).item("crew").detail == "Penyiar belum ditugaskan"
    before = stored(cid)
    with pytest.raises(ValidationError, match="Sopir dan penyiar harus orang yang berbeda"):
        svc.set_announcer(actor.id, cid, driver.id)
    ghost = ws.staff.add("Tono", None, "", "kernet", active=False)
    with pytest.raises(ValidationError, match="Penyiar harus petugas yang aktif"):
        svc.set_announcer(actor.id, cid, ghost.id)
    with pytest.raises(ValidationError, match="Sopir harus petugas yang aktif"):
        svc.set_driver(actor.id, cid, 9999)
    assert stored(cid) == before
    record = svc.set_announcer(actor.id, cid, announcer.id)
    assert record.item("crew").done and record.item("crew").detail == "Sopir: Joko Supir; penyiar: Rudi Penyiar"
    assert (record.driver.id, record.announcer.id) == (driver.id, announcer.id)
    ws.staff.update(announcer.id, announcer.name, None, announcer.position, announcer.lane, active=False)
    item = svc.get(cid).item("crew")
    assert not item.done and item.detail == "Penyiar Rudi Penyiar sudah tidak aktif"


def test_a_driver_from_another_lane_is_allowed_with_a_hint(ws, svc, actor, cid, crew):
    svc.set_driver(actor.id, cid, actor.id)  # the Tim member drives this time
    item = svc.set_announcer(actor.id, cid, crew[1].id).item("crew")
    assert item.done and item.detail.endswith("(sopir bukan dari peran Kernet/Supir)")
    assert svc.set_driver(actor.id, cid, None).driver is None


def test_finishing_with_open_items_needs_a_reason(ws, svc, actor, clock, cid, crew):
    ws.steps.start(actor.id, cid, 6, reason="Pengecekan lebih awal")
    svc.set_flyers(actor.id, cid, 100)
    with pytest.raises(ReasonRequired) as refused:
        ws.steps.finish(actor.id, cid, 6)
    message = str(refused.value)
    assert message.startswith("Belum lengkap: Kelengkapan: Flyers, ")
    assert "Lokasi dikonfirmasi" in message and "Flyers disiapkan" not in message
    assert message.endswith("Isi alasan untuk tetap menyelesaikan.")
    clock.advance(minutes=3)
    ws.steps.finish(actor.id, cid, 6, reason="Mobil cadangan dipakai; lokasi dikonfirmasi lewat telepon")
    last = StepEvent.select().order_by(StepEvent.id.desc()).first()
    assert (last.kind, last.reason) == ("finish", "Mobil cadangan dipakai; lokasi dikonfirmasi lewat telepon")


def test_finishing_when_complete_needs_no_reason(ws, svc, actor, cid, crew):
    make_ready(ws, svc, actor, cid, crew)
    assert svc.get(cid).open_items == ()
    readiness.check_finish(cid, None)
    ws.steps.start(actor.id, cid, 6, reason="uji")
    ws.steps.finish(actor.id, cid, 6)
    assert ws.campaigns.get(cid).step(6).finished_at is not None


def test_a_cancelled_campaign_is_read_only(ws, svc, actor, cid, crew):
    add_locations(cid, [False])
    svc.set_item(actor.id, cid, "vehicle_sound", True)
    ws.campaigns.cancel(actor.id, cid, "Mobil rusak")
    before = stored(cid)
    for attempt in (lambda: svc.set_item(actor.id, cid, "vehicle_fuel", True),
                    lambda: svc.set_item(actor.id, cid, "kelengkapan:0", True),
                    lambda: svc.set_note(actor.id, cid, "flyers", "x"),
                    lambda: svc.set_flyers(actor.id, cid, 10),
                    lambda: svc.set_driver(actor.id, cid, crew[0].id),
                    lambda: svc.confirm_locations(actor.id, cid)):
        with pytest.raises(RuleError, match="dibatalkan"):
            attempt()
    assert stored(cid) == before
    assert svc.get(cid).item("vehicle_sound").done


def test_an_inactive_actor_is_refused(ws, svc, cid):
    ghost = ws.staff.add("Tono", None, "", "tim", active=False)
    with pytest.raises(ValidationError, match="tidak aktif"):
        svc.set_item(ghost.id, cid, "vehicle_fuel", True)
    assert stored(cid) == ([], None, [], 0)


def test_everything_survives_a_restart(ws, svc, actor, cid, crew, restart):
    make_ready(ws, svc, actor, cid, crew)
    svc.set_note(actor.id, cid, "vehicle_sound", "Mikrofon cadangan dibawa")
    ws2 = restart(ws)
    record = Service(ws2).get(cid)
    assert record.open_items == ()
    assert record.flyers_count == 200 and record.driver.name == "Joko Supir"
    assert record.item("vehicle_sound").note == "Mikrofon cadangan dibawa"
    assert record.updated_by_name == "Dewi Lestari"


def test_items_follow_the_campaigns_pinned_sop(ws, svc, actor, cid, restart, tmp_path):
    definition = json.loads(paths.resource("sop/wawaran_keliling.json").read_text(encoding="utf-8"))
    definition["version"] = "1.1"
    activity = next(a for a in definition["activities"] if a["workspace"] == "readiness")
    activity["kelengkapan"] = ["Flyers", "Lokasi", "Script wawaran", "Spanduk"]
    changed = tmp_path / "sop_1_1.json"
    changed.write_text(json.dumps(definition), encoding="utf-8")
    ws2 = restart(ws, sop_path=changed)
    newer = ws2.campaigns.create(actor.id, "Wawaran baru").id
    assert Service(ws2).get(newer).item("kelengkapan:3").label == "Kelengkapan: Spanduk"
    with pytest.raises(KeyError):
        Service(ws2).get(cid).item("kelengkapan:3")  # the older campaign keeps its three
