"""Stage 5's SRIKANDI statuses: read on a recipient's first opening, follow-ups, and statuses
that survive an edit of the disposition."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.db.stage_models import DispositionRecipient
from wawaran_desktop.services.errors import RuleError, ValidationError
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.stages.disposition import Service
from wawaran_desktop.services.stages.disposition_status import (
    FOLLOW_UP_ACTION,
    FOLLOW_UP_MAX,
    READ_ACTION,
    DispositionStatusService,
    Status,
    recipient_statuses,
    status_of,
)


@pytest.fixture
def team(ws):
    budi = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
    dewi = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")
    return budi, dewi


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran PBB", "Jatuh tempo PBB 2026").id


@pytest.fixture
def status(ws) -> DispositionStatusService:
    return DispositionStatusService(ws)


def dispose(ws, actor, cid, *people):
    """The Sub Kor (``actor``) stores the disposition routed to ``people``."""
    service = Service(ws)
    draft = service.get(cid).draft()._replace(recipient_ids=tuple(p.id for p in people),
                                              instructions=("Untuk dilaksanakan",), signer_id=actor.id)
    return service.save(actor.id, cid, draft)


def audit(action: str) -> list[tuple[int, int, str]]:
    return [(e.actor_id, e.campaign_id, e.detail) for e in
            AuditEntry.select().where(AuditEntry.action == action).order_by(AuditEntry.id)]


def row(cid: int, staff_id: int) -> DispositionRecipient:
    return DispositionRecipient.get((DispositionRecipient.campaign == cid) & (DispositionRecipient.staff == staff_id))


def test_the_status_rule():
    from datetime import datetime

    moment = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
    assert status_of(None, None) is Status.UNREAD
    assert status_of(moment, None) is Status.READ
    assert status_of(moment, moment) is Status.FOLLOWED_UP
    assert [s.label for s in Status] == ["Belum dibaca", "Dibaca", "Ditindaklanjuti"]


def test_every_recipient_starts_unread(ws, actor, cid, team, status):
    dispose(ws, actor, cid, *team)
    shown = status.statuses(cid)
    assert [(s.name, s.status, s.read_at, s.followed_up_at, s.follow_up, s.when) for s in shown] == [
        ("Budi Santoso", Status.UNREAD, None, None, "", None),
        ("Dewi Lestari", Status.UNREAD, None, None, "", None)]


def test_the_first_opening_marks_it_read_with_the_workspace_clock(ws, clock, actor, cid, team, status):
    budi, _dewi = team
    dispose(ws, actor, cid, *team)
    clock.advance(minutes=7)
    assert status.mark_read(budi.id, cid) is True
    first = clock.current
    clock.advance(hours=2)
    assert status.mark_read(budi.id, cid) is False  # again: no change
    by_name = {s.name: s for s in status.statuses(cid)}
    assert by_name["Budi Santoso"].status is Status.READ and by_name["Budi Santoso"].read_at == first
    assert by_name["Dewi Lestari"].status is Status.UNREAD
    assert audit(READ_ACTION) == [(budi.id, cid, "Disposisi dibaca")]  # one entry, for the first opening


def test_someone_who_is_not_a_recipient_changes_nothing(ws, actor, cid, team, status):
    budi, dewi = team
    dispose(ws, actor, cid, budi)
    assert status.mark_read(dewi.id, cid) is False
    assert status.mark_read(actor.id, cid) is False  # the signer is no recipient either
    assert status.mark_read(None, cid) is False
    assert not status.is_recipient(dewi.id, cid) and status.is_recipient(budi.id, cid)
    assert [s.status for s in status.statuses(cid)] == [Status.UNREAD]
    assert audit(READ_ACTION) == []


def test_a_follow_up_is_recorded_and_marks_it_read(ws, clock, actor, cid, team, status):
    budi, _dewi = team
    dispose(ws, actor, cid, *team)
    clock.advance(minutes=30)
    shown = status.record_follow_up(budi.id, cid, "  Sudah dikoordinasikan dengan sopir; berangkat 09.00.  ")
    assert shown.status is Status.FOLLOWED_UP
    assert shown.read_at == shown.followed_up_at == clock.current
    assert shown.follow_up == "Sudah dikoordinasikan dengan sopir; berangkat 09.00."
    stored = row(cid, budi.id)
    assert stored.follow_up == shown.follow_up and stored.followed_up_at is not None
    assert audit(READ_ACTION) == [(budi.id, cid, "Disposisi dibaca")]
    assert audit(FOLLOW_UP_ACTION) == [(budi.id, cid, "Sudah dikoordinasikan dengan sopir; berangkat 09.00.")]
    assert HistoryService(ws).verify().whole  # the entries are linked into the history chain


def test_a_follow_up_after_reading_keeps_the_time_it_was_read(ws, clock, actor, cid, team, status):
    budi, _dewi = team
    dispose(ws, actor, cid, *team)
    status.mark_read(budi.id, cid)
    read = clock.current
    clock.advance(hours=1)
    shown = status.record_follow_up(budi.id, cid, "Siap dilaksanakan")
    assert shown.read_at == read and shown.followed_up_at == read + timedelta(hours=1)
    assert len(audit(READ_ACTION)) == 1
    clock.advance(minutes=5)
    again = status.record_follow_up(budi.id, cid, "Sudah dilaksanakan, laporan menyusul")
    assert again.follow_up == "Sudah dilaksanakan, laporan menyusul"
    assert again.followed_up_at == read + timedelta(hours=1, minutes=5)
    assert [d for _a, _c, d in audit(FOLLOW_UP_ACTION)] == ["Siap dilaksanakan",
                                                            "Sudah dilaksanakan, laporan menyusul"]


def test_only_a_recipient_records_a_follow_up(ws, actor, cid, team, status):
    budi, dewi = team
    dispose(ws, actor, cid, budi)
    with pytest.raises(RuleError, match="Dewi Lestari bukan penerima disposisi ini"):
        status.record_follow_up(dewi.id, cid, "Saya ikut")
    assert [s.status for s in status.statuses(cid)] == [Status.UNREAD]
    assert audit(FOLLOW_UP_ACTION) == [] and audit(READ_ACTION) == []


@pytest.mark.parametrize(("text", "message"), [
    ("", "Tindak lanjut wajib diisi."),
    ("   \n ", "Tindak lanjut wajib diisi."),
    (None, "Tindak lanjut wajib diisi."),
    ("x" * (FOLLOW_UP_MAX + 1), (f"Tindak lanjut terlalu panjang ({FOLLOW_UP_MAX + 1} karakter, maksimal "
                                f"{FOLLOW_UP_MAX}).")),
])
def test_the_follow_up_text_is_required_and_limited(ws, actor, cid, team, status, text, message):
    budi, _dewi = team
    dispose(ws, actor, cid, budi)
    with pytest.raises(ValidationError) as refused:
        status.record_follow_up(budi.id, cid, text)
    assert str(refused.value) == message and refused.value.field == "follow_up"
    assert row(cid, budi.id).read_at is None  # a refusal marks nothing
    assert status.record_follow_up(budi.id, cid, "x" * FOLLOW_UP_MAX).status is Status.FOLLOWED_UP


def test_no_follow_up_on_a_cancelled_campaign(ws, actor, cid, team, status):
    budi, _dewi = team
    dispose(ws, actor, cid, budi)
    ws.campaigns.cancel(actor.id, cid, "Acara ditunda")
    with pytest.raises(RuleError, match="dibatalkan"):
        status.record_follow_up(budi.id, cid, "Siap")
    assert row(cid, budi.id).followed_up_at is None


def test_an_inactive_recipient_cannot_record_a_follow_up(ws, actor, cid, team, status):
    budi, _dewi = team
    dispose(ws, actor, cid, budi)
    ws.staff.update(budi.id, budi.name, budi.nip, budi.position, budi.lane, active=False)
    with pytest.raises(ValidationError, match="Petugas tidak aktif"):
        status.record_follow_up(budi.id, cid, "Siap")
    assert row(cid, budi.id).followed_up_at is None


def test_saving_the_disposition_keeps_the_status_of_recipients_who_stay(ws, clock, actor, cid, team, status):
    budi, dewi = team
    dispose(ws, actor, cid, budi, dewi)
    status.mark_read(dewi.id, cid)
    status.record_follow_up(budi.id, cid, "Sudah dikerjakan")
    before = {s.name: s for s in status.statuses(cid)}
    agus = ws.staff.add("Agus Kernet", None, "Pengemudi", "kernet")
    clock.advance(minutes=10)
    dispose(ws, actor, cid, budi, dewi, agus)  # the Sub Kor adds someone: the others keep theirs
    after = {s.name: s for s in status.statuses(cid)}
    assert after["Budi Santoso"] == before["Budi Santoso"]
    assert after["Dewi Lestari"] == before["Dewi Lestari"]
    assert after["Agus Kernet"].status is Status.UNREAD
    service = Service(ws)
    record = service.save(actor.id, cid, service.get(cid).draft()._replace(hal="Hal baru"))  # another field
    assert {s.name: s for s in status.statuses(cid)} == after
    assert record.hal == "Hal baru"


def test_a_recipient_removed_loses_their_status_and_starts_again_when_added_back(ws, actor, cid, team, status):
    budi, dewi = team
    dispose(ws, actor, cid, budi, dewi)
    status.record_follow_up(budi.id, cid, "Sudah dikerjakan")
    dispose(ws, actor, cid, dewi)
    assert [s.name for s in recipient_statuses(cid)] == ["Dewi Lestari"]
    dispose(ws, actor, cid, budi, dewi)
    assert {s.name: s.status for s in recipient_statuses(cid)} == {"Budi Santoso": Status.UNREAD,
                                                                   "Dewi Lestari": Status.UNREAD}


def test_statuses_of_an_unknown_campaign_are_refused(ws, status):
    from wawaran_desktop.services.errors import NotFound

    with pytest.raises(NotFound, match="Kampanye nomor 404 tidak ditemukan"):
        status.statuses(404)


def test_the_status_times_are_shown_in_wib(ws, actor, cid, team, status):
    from wawaran_desktop.text import formatting as fmt

    budi, _dewi = team
    dispose(ws, actor, cid, budi)
    status.mark_read(budi.id, cid)  # 01.00 UTC on 26 November: 08.00 WIB
    assert fmt.date_time(status.statuses(cid)[0].read_at) == "26 November 2026 pukul 08.00 WIB"
