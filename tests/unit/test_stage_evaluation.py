"""Stage 9: receipt of the report, scores, notes and follow-ups for the next wawaran."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from wawaran_desktop.db.stage_models import Evaluation
from wawaran_desktop.services.errors import RuleError, ValidationError
from wawaran_desktop.services.stages import evaluation
from wawaran_desktop.services.stages.evaluation import Service, check_finish, latest_followups, parse_followups


@pytest.fixture
def service(ws):
    return Service(ws)


@pytest.fixture
def kabid(ws):
    return ws.staff.add("Drs. Ahmad Fauzi", None, "Kepala Bidang DIKP", "kabid")


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD", "3M Plus").id


def row(cid):
    found = Evaluation.get_or_none(Evaluation.campaign == cid)
    if found is None:
        return None
    return (found.received_by_id, found.received_at, found.notes, found.score_timeliness, found.score_reach,
            found.score_narration, found.followups)


def test_kabid_is_suggested_and_recorded_on_the_first_save(service, actor, kabid, cid, clock):
    ws_staff_other_kabid = service.ws.staff.add("Zainal", None, "", "kabid")
    assert ws_staff_other_kabid.id != kabid.id
    suggested = service.get(cid)
    assert not suggested.stored and suggested.received_by_id == kabid.id  # first Kepala Bidang by name
    assert row(cid) is None
    clock.advance(hours=4, seconds=30)
    saved = service.update(actor.id, cid, score_reach=4)
    assert saved.stored and saved.received_by_name == kabid.name
    assert saved.received_at == clock.now().replace(second=0)
    assert saved.score_reach == 4 and saved.updated_by_name == actor.name


def test_scores_are_1_to_5_or_empty(service, actor, cid):
    service.update(actor.id, cid, score_timeliness=3)
    before = row(cid)
    for value in (0, 6, 2.5, "4", True):
        with pytest.raises(ValidationError, match="harus 1 sampai 5") as err:
            service.update(actor.id, cid, score_timeliness=value)
        assert err.value.field == "score_timeliness"
    assert row(cid) == before
    assert service.update(actor.id, cid, score_timeliness=None, score_narration=5).score_timeliness is None


def test_received_at_is_not_in_the_future_nor_before_the_campaign(service, actor, kabid, cid, clock):
    clock.advance(hours=5)
    service.update(actor.id, cid, received_at=clock.now() - timedelta(hours=1))
    before = row(cid)
    for value, message in [(clock.now() + timedelta(minutes=2), "masa depan"),
                           (clock.now() - timedelta(days=1), "sebelum kampanye dibuat"),
                           (None, "wajib diisi"), (clock.now().replace(tzinfo=None), "tanggal dan jam")]:
        with pytest.raises(ValidationError, match=message) as err:
            service.update(actor.id, cid, received_at=value)
        assert err.value.field == "received_at"
    assert row(cid) == before


def test_receiver_must_be_active_staff(ws, service, actor, kabid, cid):
    gone = ws.staff.add("Pensiunan", None, "", "kabid", active=False)
    for value in (gone.id, 9999, "1"):
        with pytest.raises(ValidationError, match="petugas yang aktif"):
            service.update(actor.id, cid, received_by_id=value)
    assert row(cid) is None
    with pytest.raises(ValidationError, match="harus Kepala Bidang DIKP"):  # the receiver is step 9's primary lane
        service.update(actor.id, cid, received_by_id=actor.id)
    assert row(cid) is None
    assert service.update(actor.id, cid, received_by_id=kabid.id).received_by_id == kabid.id


def test_notes_and_followups_are_limited(service, actor, cid):
    service.update(actor.id, cid, notes="Baik", followups="- Tambah titik di Cipondoh")
    before = row(cid)
    cases = [({"notes": "x" * 5001}, "notes", "terlalu panjang"),
             ({"followups": "\n".join(f"butir {n}" for n in range(21))}, "followups", "paling banyak 20 butir"),
             ({"followups": "pendek\n" + "y" * 301}, "followups", "ke-2 terlalu panjang")]
    for kwargs, field, message in cases:
        with pytest.raises(ValidationError, match=message) as err:
            service.update(actor.id, cid, **kwargs)
        assert err.value.field == field
    assert row(cid) == before
    saved = service.update(actor.id, cid, followups="• Siapkan genset\n\n  - Cetak 300 selebaran  \n" + "z" * 300)
    assert saved.followups == ("Siapkan genset", "Cetak 300 selebaran", "z" * 300)
    assert saved.followups_text == "Siapkan genset\nCetak 300 selebaran\n" + "z" * 300


def test_parse_followups_drops_bullets_and_blank_lines():
    assert parse_followups("- satu\n\n* dua\n– tiga\nempat ") == ("satu", "dua", "tiga", "empat")
    assert parse_followups(None) == ()


def test_finishing_needs_receiver_and_all_three_scores(ws, service, actor, kabid, cid):
    ws.steps.start(actor.id, cid, 9, reason="Uji")
    with pytest.raises(RuleError) as err:
        ws.steps.finish(actor.id, cid, 9)
    assert "penerima laporan" in str(err.value) and "nilai kualitas narasi" in str(err.value)
    service.update(actor.id, cid, score_timeliness=4, score_reach=3)
    with pytest.raises(RuleError) as err:
        check_finish(cid, None)
    assert str(err.value) == "Lengkapi evaluasi sebelum menyelesaikan tahap ini: nilai kualitas narasi."
    service.update(actor.id, cid, score_narration=5, received_by_id=None)
    with pytest.raises(RuleError, match="penerima laporan"):
        check_finish(cid, None)
    service.update(actor.id, cid, received_by_id=kabid.id)
    ws.steps.finish(actor.id, cid, 9)
    assert ws.campaigns.get(cid).step(9).finished_at is not None


def test_latest_followups_come_from_the_last_received_report(ws, service, actor, clock):
    assert latest_followups() is None
    older = ws.campaigns.create(actor.id, "Wawaran PBB").id
    newer = ws.campaigns.create(actor.id, "Wawaran DBD").id
    empty = ws.campaigns.create(actor.id, "Wawaran tanpa tindak lanjut").id
    clock.advance(days=2)
    service.update(actor.id, newer, received_at=clock.now() - timedelta(days=1),
                   followups="Mulai lebih pagi\nTambah selebaran")
    service.update(actor.id, older, received_at=clock.now() - timedelta(days=1, hours=5), followups="Cek aki")
    service.update(actor.id, empty, received_at=clock.now(), followups="  ")
    last = latest_followups()
    assert last == ("Wawaran DBD", date(2026, 11, 27), ("Mulai lebih pagi", "Tambah selebaran"))
    title, day, points = last
    assert (title, points[0]) == ("Wawaran DBD", "Mulai lebih pagi")
    assert latest_followups(exclude_campaign_id=newer).title == "Wawaran PBB"


def test_cancelled_campaign_refuses_edits(ws, service, actor, cid):
    service.update(actor.id, cid, notes="Awal")
    ws.campaigns.cancel(actor.id, cid, "Ditunda")
    with pytest.raises(RuleError, match="dibatalkan"):
        service.update(actor.id, cid, notes="Sesudah batal")
    assert row(cid)[2] == "Awal"


def test_evaluation_survives_a_restart(ws, service, actor, kabid, cid, restart):
    service.update(actor.id, cid, notes="Jangkauan baik", score_reach=5, followups="Tambah lokasi pasar")
    ws2 = restart(ws)
    again = evaluation.Service(ws2).get(cid)
    assert (again.notes, again.score_reach, again.followups, again.received_by_id) == \
        ("Jangkauan baik", 5, ("Tambah lokasi pasar",), kabid.id)


def test_followups_of_a_cancelled_campaign_are_not_offered(ws, service, actor, clock):
    cancelled = ws.campaigns.create(actor.id, "Wawaran Batal").id
    service.update(actor.id, cancelled, received_at=clock.now(), followups="Jangan dipakai")
    assert latest_followups().title == "Wawaran Batal"
    ws.campaigns.cancel(actor.id, cancelled, "Ditunda")
    assert latest_followups() is None
