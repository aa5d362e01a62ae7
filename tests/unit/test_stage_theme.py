"""Stage 3, Tema: notulen, the theme (Campaign.theme, audited), who decided it, the finish rule."""

from __future__ import annotations

import pytest

from wawaran_desktop.db.models import AuditEntry, Campaign, StepEvent
from wawaran_desktop.db.stage_models import ThemeDecision
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.stages import theme
from wawaran_desktop.services.stages.theme import NOTULEN_MAX, Service


@pytest.fixture
def svc(ws) -> Service:
    return Service(ws)


@pytest.fixture
def kabid(ws):
    return ws.staff.add("Ani Kabid", None, "Kepala Bidang DIKP", "kabid")


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran DBD").id


def snapshot(cid):
    row = ThemeDecision.get_or_none(ThemeDecision.campaign == cid)
    return (Campaign.get_by_id(cid).theme,
            None if row is None else (row.notulen, row.decided_by_id, row.decided_at),
            AuditEntry.select().where(AuditEntry.campaign == cid).count())


def test_a_new_campaign_has_no_decision(svc, cid):
    record = svc.get(cid)
    assert (record.theme, record.notulen, record.decided_by_id, record.decided_at) == ("", "", None, None)
    with pytest.raises(NotFound):
        svc.get(9999)


def test_notulen_is_stored_as_typed_with_who_and_when(svc, actor, clock, cid):
    clock.advance(minutes=3)
    record = svc.set_notulen(actor.id, cid, "Briefing dibuka Kabid.\n- Lokasi: Cipondoh\n")
    assert record.notulen == "Briefing dibuka Kabid.\n- Lokasi: Cipondoh\n"
    assert (record.updated_by_name, record.updated_at) == (actor.name, clock.now())


def test_theme_is_the_campaigns_theme_and_every_change_is_audited(ws, svc, actor, clock, cid):
    record = svc.set_theme(actor.id, cid, "  Cegah DBD dengan 3M Plus  ")
    assert record.theme == "Cegah DBD dengan 3M Plus"
    assert ws.campaigns.get(cid).theme == "Cegah DBD dengan 3M Plus"  # the list and header show it
    svc.set_theme(actor.id, cid, "Cegah DBD dengan 3M Plus")  # unchanged: no new audit entry
    svc.set_theme(actor.id, cid, "")
    entries = [(e.action, e.detail, e.actor_id) for e in
               AuditEntry.select().where((AuditEntry.campaign == cid) & (AuditEntry.action == "theme"))
               .order_by(AuditEntry.id)]
    assert entries == [("theme", "- -> Cegah DBD dengan 3M Plus", actor.id),
                       ("theme", "Cegah DBD dengan 3M Plus -> -", actor.id)]


@pytest.mark.parametrize("call, field, message", [
    (lambda svc, a, c: svc.set_theme(a, c, "t" * 201), "theme",
     "Tema wawaran terlalu panjang (201 karakter, maksimal 200)."),
    (lambda svc, a, c: svc.set_theme(a, c, "Baris satu\nbaris dua"), "theme", "Tema wawaran harus satu baris."),
    (lambda svc, a, c: svc.set_notulen(a, c, "n" * (NOTULEN_MAX + 1)), "notulen",
     f"Notulen terlalu panjang ({NOTULEN_MAX + 1} karakter, maksimal {NOTULEN_MAX})."),
    (lambda svc, a, c: svc.set_decider(a, c, 9999), "decided_by", "harus petugas aktif"),
    (lambda svc, a, c: svc.set_decider(a, c, "Ani"), "decided_by", "Pilih petugas"),
])
def test_bad_input_is_refused_and_nothing_changes(svc, actor, kabid, cid, call, field, message):
    svc.set_notulen(actor.id, cid, "Notulen lama")
    svc.set_theme(actor.id, cid, "Tema lama")
    svc.set_decider(actor.id, cid, kabid.id)
    before = snapshot(cid)
    with pytest.raises(ValidationError) as err:
        call(svc, actor.id, cid)
    assert err.value.field == field and message in str(err.value)
    assert snapshot(cid) == before


def test_the_decider_is_recorded_with_the_time_and_must_be_active(ws, svc, actor, kabid, clock, cid):
    decided = clock.advance(minutes=4)
    record = svc.set_decider(actor.id, cid, kabid.id)
    assert (record.decided_by_id, record.decided_by_name, record.decided_at) == (kabid.id, "Ani Kabid", decided)
    clock.advance(minutes=1)
    assert svc.set_decider(actor.id, cid, kabid.id).decided_at == decided  # same decider: unchanged
    retired = ws.staff.add("Pak Lama", None, "", "kabid", active=False)
    with pytest.raises(ValidationError):
        svc.set_decider(actor.id, cid, retired.id)
    changed = clock.advance(minutes=1)
    assert svc.set_theme(actor.id, cid, "Tema baru").decided_at == changed  # a new theme: decided again
    cleared = svc.set_decider(actor.id, cid, None)
    assert (cleared.decided_by_id, cleared.decided_at) == (None, None)
    actions = [e.detail for e in AuditEntry.select().where(AuditEntry.action == "theme_decider").order_by(AuditEntry.id)]
    assert actions == ["Ani Kabid", "-"]


def test_changes_need_an_active_actor_and_a_campaign_that_is_not_cancelled(ws, svc, actor, kabid, cid):
    gone = ws.staff.add("Tono", None, "", "tim", active=False)
    with pytest.raises(ValidationError):
        svc.set_theme(gone.id, cid, "Tema")
    ws.campaigns.cancel(actor.id, cid, "Cuaca buruk")
    before = snapshot(cid)
    for attempt in (lambda: svc.set_theme(actor.id, cid, "Tema"),
                    lambda: svc.set_notulen(actor.id, cid, "Notulen"),
                    lambda: svc.set_decider(actor.id, cid, kabid.id)):
        with pytest.raises(RuleError, match="dibatalkan"):
            attempt()
    assert snapshot(cid) == before


def test_finishing_needs_a_theme_and_a_decider(ws, svc, actor, kabid, clock, cid):
    ws.steps.start(actor.id, cid, 3, reason="Kabid memutuskan tema lebih dulu")
    clock.advance(minutes=2)
    with pytest.raises(RuleError) as err:
        ws.steps.finish(actor.id, cid, 3)
    assert str(err.value) == "Tema wawaran wajib diisi sebelum tahap 3 diselesaikan."
    svc.set_theme(actor.id, cid, "Cegah DBD dengan 3M Plus")
    with pytest.raises(RuleError, match="memutuskan tema"):
        ws.steps.finish(actor.id, cid, 3, reason="tetap selesai")  # a reason does not override it
    svc.set_decider(actor.id, cid, kabid.id)
    assert StepEvent.select().count() == 1
    ws.steps.finish(actor.id, cid, 3)
    assert ws.campaigns.get(cid).step(3).finished_at == clock.now()


def test_a_blank_theme_given_at_creation_does_not_count(ws, actor):
    cid = ws.campaigns.create(actor.id, "Wawaran PBB", "   ").id
    with pytest.raises(RuleError, match="Tema wawaran wajib diisi"):
        theme.check_finish(cid, None)


def test_everything_survives_a_restart(ws, svc, actor, kabid, cid, restart):
    svc.set_notulen(actor.id, cid, "Notulen")
    svc.set_theme(actor.id, cid, "Tema")
    svc.set_decider(actor.id, cid, kabid.id)
    expected = svc.get(cid)
    assert Service(restart(ws)).get(cid) == expected


def test_a_finished_stage_keeps_its_theme_and_decider(ws, actor):
    from stage_content import fill_stage

    from wawaran_desktop.services.errors import RuleError
    from wawaran_desktop.services.stages import theme as stage

    cid = ws.campaigns.create(actor.id, "Wawaran Tema Tetap").id
    for no in (1, 2, 3):
        ws.steps.start(actor.id, cid, no)
        fill_stage(ws, actor.id, cid, no)
        ws.steps.finish(actor.id, cid, no)
    svc = stage.Service(ws)
    with pytest.raises(RuleError, match="tahap 3 sudah selesai"):
        svc.set_theme(actor.id, cid, "")
    with pytest.raises(RuleError, match="tahap 3 sudah selesai"):
        svc.set_decider(actor.id, cid, None)
    assert ws.campaigns.get(cid).theme == "Bayar PBB sebelum jatuh tempo"
    svc.set_theme(actor.id, cid, "Bayar PBB tepat waktu")  # a new wording is still fine
    assert ws.campaigns.get(cid).theme == "Bayar PBB tepat waktu"
