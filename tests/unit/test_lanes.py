"""The SOP's lanes as permissions (services/lanes.py): who may act in which step, each rule and
each refusal. The lanes come from the campaign's pinned SOP (resources/sop/wawaran_keliling.json):
step 1 Sub Kor (Tim supports), 3 Kepala Bidang (Sub Kor supports), 4 Tim, 5 Sub Kor, 7 Kernet
(Tim supports), 9 Kepala Bidang (Sub Kor supports)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from crew import crew

from wawaran_desktop.db.models import Account, AuditEntry, LaneOverride, StepEvent
from wawaran_desktop.services.accounts import AccountService
from wawaran_desktop.services.errors import ReasonRequired, RuleError, ValidationError
from wawaran_desktop.services.lanes import OutsideLane
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages import disposition, evaluation, narration, theme

#: The tests' light argon2id profile (as in test_accounts.py); never used by the application.
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
REASON = "Kepala Bidang dinas luar; tema disampaikan lewat telepon"


@pytest.fixture
def people(ws):
    """One person per lane: Hendra (kabid), Rina (subkor), Dewi (tim), Joko (kernet)."""
    return crew(ws)


@pytest.fixture
def cid(ws, people) -> int:
    return ws.campaigns.create(people["subkor"].id, "Wawaran PBB", "Bayar PBB tepat waktu").id


@pytest.fixture
def admin(ws, people):
    """Joko the driver (Kernet) is also the office's administrator."""
    ws.accounts = AccountService(ws, hasher=FAST)  # over the cached property: the whole workspace uses it
    return ws.accounts.create_first_admin(people["kernet"].id, "joko", "kunci-kantor-2026")


def refused(call, *args, **kwargs) -> OutsideLane:
    with pytest.raises(OutsideLane) as caught:
        call(*args, **kwargs)
    return caught.value


def events(cid: int) -> list[tuple[int, str, int]]:
    return [(e.step.no, e.kind, e.actor_id) for e in StepEvent.select().order_by(StepEvent.id)
            if e.step.campaign_id == cid]


# -- the step's lanes ------------------------------------------------------------------------
def test_a_person_of_the_steps_primary_lane_may_act(ws, people, cid):
    rina = people["subkor"].id
    ws.steps.start(rina, cid, 1)
    ws.steps.set_notes(rina, cid, 1, "Data dari Prokomp")
    ws.steps.pause(rina, cid, 1, "Menunggu data")
    ws.steps.resume(rina, cid, 1)
    assert events(cid) == [(1, "start", rina), (1, "pause", rina), (1, "resume", rina)]
    assert ws.campaigns.get(cid).step(1).notes == "Data dari Prokomp"


def test_a_person_of_a_supporting_lane_may_act(ws, people, cid):
    dewi, rina = people["tim"].id, people["subkor"].id
    ws.steps.start(dewi, cid, 1)  # the Tim supports step 1
    ws.steps.set_checked(dewi, cid, 1, 0, True)
    ws.steps.start(rina, cid, 3, reason="Tema disiapkan lebih awal")  # the Sub Kor supports step 3
    theme.Service(ws).set_theme(rina, cid, "Bayar PBB sebelum jatuh tempo")
    assert events(cid) == [(1, "start", dewi), (3, "start", rina)]
    assert ws.campaigns.get(cid).step(1).checked == {0}


def test_a_person_of_another_lane_is_refused_with_the_lanes_named(ws, people, cid):
    joko, rina, dewi = people["kernet"], people["subkor"], people["tim"]
    error = refused(ws.steps.start, joko.id, cid, 1)
    assert str(error) == ("Tahap 1 (Pengumpulan Data) dikerjakan oleh Sub Kor DIMC atau Tim. Joko Santoso "
                          "(Kernet/Supir) tidak termasuk pelaksananya.")
    assert (error.campaign_id, error.no, error.overridable) == (cid, 1, False)
    assert isinstance(error, RuleError)  # shown as every rule's refusal
    error = refused(ws.steps.start, dewi.id, cid, 3, reason="Tema lebih awal")
    assert str(error).startswith("Tahap 3 (Tema) dikerjakan oleh Kepala Bidang DIKP atau Sub Kor DIMC. Dewi Lestari")
    # a stage's content too, through its service: the narration is the Tim's alone
    error = refused(narration.Service(ws).save, rina.id, cid, "Narasi dari Sub Kor")
    assert str(error).startswith("Tahap 4 (Narasi) dikerjakan oleh Tim. Rina Wulandari (Sub Kor DIMC)")
    # and the disposition the Sub Kor's
    draft = disposition.Service(ws).get(cid).draft()._replace(hal="Pelaksanaan wawaran")
    error = refused(disposition.Service(ws).save, dewi.id, cid, draft)
    assert str(error).startswith("Tahap 5 (Disposisi) dikerjakan oleh Sub Kor DIMC. Dewi Lestari (Tim)")
    for call in (lambda: ws.steps.set_notes(joko.id, cid, 1, "x"),
                 lambda: ws.steps.set_checked(joko.id, cid, 1, 0, True),
                 lambda: ws.steps.assign(joko.id, cid, 1, joko.id)):
        refused(call)
    assert events(cid) == [] and ws.campaigns.get(cid).step(1).notes == ""
    assert ws.campaigns.get(cid).step(1).assignee_id is None and not narration.Service(ws).versions(cid)


def test_the_lane_is_the_staff_entrys_as_it_is_now(ws, people, cid):
    joko = people["kernet"]
    refused(ws.steps.start, joko.id, cid, 1)
    ws.staff.update(joko.id, joko.name, joko.nip, joko.position, "tim", active=True)  # moved to the Tim
    ws.steps.start(joko.id, cid, 1)
    assert events(cid) == [(1, "start", joko.id)]


def test_the_steps_assignee_may_act_and_is_named_in_a_refusal(ws, people, cid):
    rina, dewi, hendra = people["subkor"].id, people["tim"].id, people["kabid"].id
    refused(ws.steps.start, rina, cid, 4, reason="Narasi lebih awal")
    ws.steps.assign(dewi, cid, 4, rina)  # the Tim hands step 4 to the Sub Kor
    ws.steps.start(rina, cid, 4, reason="Narasi lebih awal")
    saved = narration.Service(ws).save(rina, cid, "Warga Kota Tangerang, bayarlah PBB tepat waktu.")
    assert saved.version.author_name == "Rina Wulandari"
    error = refused(ws.steps.pause, hendra, cid, 4, "Rapat")
    assert str(error).startswith("Tahap 4 (Narasi) dikerjakan oleh Tim, atau Rina Wulandari yang ditugaskan. "
                                 "Hendra Gunawan (Kepala Bidang DIKP)")
    assert events(cid) == [(4, "start", rina)]


# -- an administrator outside the lanes ------------------------------------------------------
def test_an_administrator_outside_the_lanes_is_refused_but_may_record_a_reason(ws, people, cid, admin):
    joko = people["kernet"].id
    error = refused(ws.steps.start, joko, cid, 3, reason="Tema lebih awal")
    assert error.overridable and (error.campaign_id, error.no) == (cid, 3)
    assert str(error).endswith("Sebagai administrator Anda dapat bertindak di luar lajur dengan alasan yang "
                               "dicatat di riwayat.")
    assert LaneOverride.select().count() == 0


def test_after_a_recorded_reason_the_administrator_may_act_in_that_step_only(ws, people, cid, admin, clock):
    joko = people["kernet"].id
    ws.lanes.override(joko, cid, 3, f"  {REASON} ")
    ws.steps.start(joko, cid, 3, reason="Tema lebih awal")
    service = theme.Service(ws)
    service.set_theme(joko, cid, "Bayar PBB sebelum jatuh tempo")
    service.set_decider(joko, cid, people["kabid"].id)  # the decider is still a Kepala Bidang
    assert events(cid) == [(3, "start", joko)]
    [row] = LaneOverride.select()
    account = Account.get(Account.staff == joko)
    assert (row.campaign_id, row.step_no, row.staff_id, row.account_id, row.reason) == (
        cid, 3, joko, account.id, REASON)
    assert row.at == clock.now().replace(tzinfo=None)
    [entry] = AuditEntry.select().where(AuditEntry.action == "lane_override")
    assert (entry.campaign_id, entry.actor_id, entry.account_id) == (cid, joko, account.id)
    assert entry.detail == f"tahap 3 (Tema) di luar lajur: {REASON}"
    assert refused(ws.steps.start, joko, cid, 4, reason="Narasi lebih awal").overridable  # only step 3
    other = ws.campaigns.create(people["subkor"].id, "Wawaran lain").id
    refused(ws.steps.start, joko, other, 3, reason="Tema lebih awal")  # only that campaign


def test_an_override_is_refused_to_a_non_administrator(ws, people, cid, admin):
    with pytest.raises(RuleError, match="Hanya administrator"):
        ws.lanes.override(people["tim"].id, cid, 3, REASON)
    assert LaneOverride.select().count() == 0


def test_an_override_needs_a_reason(ws, people, cid, admin):
    for reason in (None, "", "   "):
        with pytest.raises(ReasonRequired, match="Isi alasan bertindak di tahap 3 \\(Tema\\)"):
            ws.lanes.override(people["kernet"].id, cid, 3, reason)
    assert LaneOverride.select().count() == 0
    assert not AuditEntry.select().where(AuditEntry.action == "lane_override").exists()


def test_an_override_is_refused_where_the_administrator_may_act_anyway(ws, people, cid, admin):
    with pytest.raises(RuleError, match="Joko Santoso sudah boleh mengerjakan tahap 7"):
        ws.lanes.override(people["kernet"].id, cid, 7, REASON)  # the Kernet's own step
    assert LaneOverride.select().count() == 0


def test_an_override_is_refused_on_a_cancelled_campaign(ws, people, cid, admin):
    ws.campaigns.cancel(people["subkor"].id, cid, "Hujan deras")
    with pytest.raises(RuleError, match="sudah dibatalkan"):
        ws.lanes.override(people["kernet"].id, cid, 3, REASON)
    assert LaneOverride.select().count() == 0


# -- roles only the step's primary lane holds ------------------------------------------------
def test_the_themes_decider_must_be_of_the_kepala_bidang(ws, people, cid):
    service, rina = theme.Service(ws), people["subkor"].id
    for person in ("subkor", "tim", "kernet"):
        with pytest.raises(ValidationError, match="Yang memutuskan tema harus Kepala Bidang DIKP") as caught:
            service.set_decider(rina, cid, people[person].id)
        assert caught.value.field == "staff"
    assert service.get(cid).decided_by_id is None
    assert service.set_decider(rina, cid, people["kabid"].id).decided_by_id == people["kabid"].id


def test_the_reports_receiver_must_be_of_the_kepala_bidang(ws, people, cid):
    service, rina = evaluation.Service(ws), people["subkor"].id
    with pytest.raises(ValidationError, match="Yang menerima laporan harus Kepala Bidang DIKP; Rina Wulandari "
                                              "adalah Sub Kor DIMC"):
        service.update(rina, cid, received_by_id=rina)
    assert service.update(rina, cid, received_by_id=people["kabid"].id).received_by_id == people["kabid"].id


# -- the campaign as a whole: step 1's lanes -------------------------------------------------
def test_a_campaign_is_created_and_renamed_by_step_1s_lanes(ws, people, cid):
    joko = people["kernet"].id
    error = refused(ws.campaigns.create, joko, "Wawaran dari sopir")
    assert str(error) == ("Kampanye dibuat dan diatur oleh Sub Kor DIMC atau Tim (pelaksana tahap 1, Pengumpulan "
                          "Data). Joko Santoso (Kernet/Supir) tidak termasuk.")
    assert (error.campaign_id, error.no, error.overridable) == (None, 0, False)
    refused(ws.campaigns.rename, joko, cid, "Judul baru")
    assert ws.campaigns.count() == 1 and ws.campaigns.get(cid).title == "Wawaran PBB"
    assert ws.campaigns.create(people["tim"].id, "Wawaran dari Tim").title == "Wawaran dari Tim"
    assert ws.campaigns.rename(people["tim"].id, cid, "Judul baru").title == "Judul baru"


def test_a_campaign_is_cancelled_by_step_1s_lanes_or_an_administrator(ws, people, cid, admin):
    hendra, joko = people["kabid"].id, people["kernet"].id
    refused(ws.campaigns.cancel, hendra, cid, "Hujan deras")  # not an administrator
    assert ws.campaigns.get(cid).status is CampaignStatus.DRAFT
    refused(ws.campaigns.create, joko, "Wawaran dari administrator")  # creating carries no reason
    cancelled = ws.campaigns.cancel(joko, cid, "Hujan deras sepanjang hari")  # the reason is recorded
    assert cancelled.status is CampaignStatus.CANCELLED and cancelled.cancel_reason == "Hujan deras sepanjang hari"


def test_an_administrator_waiting_to_replace_a_one_time_password_has_no_administrators_rights(ws, people, cid,
                                                                                              admin):
    """Another administrator reset Joko's password: until he replaces it (at his next sign-in) he
    is not an administrator for the lanes either (as the account functions and the server say)."""
    rina = people["subkor"]
    second = ws.accounts.create(admin.staff_id, rina.id, "rina", is_admin=True, one_time_password="sekali-pakai-77")
    second = ws.accounts.change_password("rina", "sekali-pakai-77", "kunci-rina-2026")
    joko = ws.accounts.get(admin.id)
    ws.accounts.set_one_time_password(second.staff_id, joko.id, "sekali-pakai-88", joko.version)
    with pytest.raises(RuleError, match="Hanya administrator"):
        ws.lanes.override(admin.staff_id, cid, 3, REASON)
    assert not refused(ws.steps.start, admin.staff_id, cid, 3, reason="Tema lebih awal").overridable
    ws.accounts.change_password("joko", "sekali-pakai-88", "kunci-joko-baru-1")
    ws.lanes.override(admin.staff_id, cid, 3, REASON)  # his rights are back with his own password
    assert LaneOverride.select().count() == 1
