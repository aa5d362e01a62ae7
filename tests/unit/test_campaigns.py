"""Campaigns: creation pins the SOP, validation stores nothing, audit, search, restart."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from wawaran_desktop import paths
from wawaran_desktop.db.models import AuditEntry, Campaign, SopVersion, Step
from wawaran_desktop.services.campaigns import CampaignQuery, clean_text
from wawaran_desktop.services.lanes import OutsideLane
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.records import CampaignStatus

UTC = timezone.utc


def counts() -> tuple[int, int, int, int]:
    return (Campaign.select().count(), Step.select().count(), AuditEntry.select().count(),
            SopVersion.select().count())


def test_create_makes_nine_draft_steps_with_the_standard(ws, actor, clock):
    rec = ws.campaigns.create(actor.id, "  Sosialisasi PBB  ", "Pajak daerah")
    assert (rec.title, rec.theme, rec.status, rec.current_no) == (
        "Sosialisasi PBB", "Pajak daerah", CampaignStatus.DRAFT, 1)
    assert [s.no for s in rec.steps] == list(range(1, 10))
    assert [s.standard_minutes for s in rec.steps] == [20, 10, 5, 5, 5, 5, 120, 10, 5]
    assert rec.standard_total == 185
    assert rec.created_at == clock.now()
    assert rec.created_by_name == actor.name
    assert all(not s.events for s in rec.steps)
    audit = AuditEntry.get(AuditEntry.campaign == rec.id)
    assert (audit.action, audit.actor_id) == ("create", actor.id)


def test_create_pins_the_sop_version_once(ws, actor):
    ws.campaigns.create(actor.id, "Satu")
    ws.campaigns.create(actor.id, "Dua")
    (version,) = SopVersion.select()
    assert version.checksum == ws.sop.checksum
    assert json.loads(version.definition)["id"] == ws.sop.id
    assert {c.sop_id for c in Campaign.select()} == {version.id}


def test_later_change_to_the_standard_does_not_rewrite_old_campaigns(ws, actor, tmp_path, restart):
    old = ws.campaigns.create(actor.id, "Sebelum revisi")
    data = json.loads(paths.resource("sop/wawaran_keliling.json").read_text(encoding="utf-8"))
    data["version"] = "1.1"
    data["activities"][6]["standard_minutes"] = 90
    revised = tmp_path / "revisi.json"
    revised.write_text(json.dumps(data), encoding="utf-8")

    ws2 = restart(ws, sop_path=revised)
    new = ws2.campaigns.create(actor.id, "Sesudah revisi")
    assert new.step(7).standard_minutes == 90 and new.standard_total == 155
    assert new.sop.version == "1.1"

    again = ws2.campaigns.get(old.id)
    assert again.step(7).standard_minutes == 120
    assert again.sop.activity(7).standard_minutes == 120
    assert again.standard_total == 185
    assert again.sop.version == "1.0"
    assert SopVersion.select().count() == 2


@pytest.mark.parametrize("title", ["", "   ", "x" * 10_000, "y" * 201], ids=["empty", "blank", "10000", "201"])
def test_bad_title_is_refused_and_nothing_is_stored(ws, actor, title):
    with pytest.raises(ValidationError) as info:
        ws.campaigns.create(actor.id, title)
    assert info.value.field == "title"
    assert counts() == (0, 0, 0, 0)


def test_title_of_exactly_200_characters_is_accepted(ws, actor):
    assert len(ws.campaigns.create(actor.id, "t" * 200).title) == 200


def test_overlong_theme_or_missing_actor_is_refused(ws, actor):
    with pytest.raises(ValidationError) as info:
        ws.campaigns.create(actor.id, "Judul", "t" * 10_000)
    assert info.value.field == "theme"
    with pytest.raises(ValidationError) as info:
        ws.campaigns.create(None, "Judul")
    assert info.value.field == "actor"
    assert counts() == (0, 0, 0, 0)


def test_rename_records_who_and_when(ws, actor, clock):
    other = ws.staff.add("Hadi", None, "", "tim")  # campaigns are step 1's lanes' (Sub Kor, Tim): services/lanes.py
    rec = ws.campaigns.create(actor.id, "Lama", "Tema lama")
    clock.advance(minutes=5)
    renamed = ws.campaigns.rename(other.id, rec.id, "Baru", "Tema lama")
    assert (renamed.title, renamed.theme) == ("Baru", "Tema lama")
    entry = AuditEntry.get((AuditEntry.campaign == rec.id) & (AuditEntry.action == "rename"))
    assert entry.actor_id == other.id
    assert entry.at == clock.now().replace(tzinfo=None)
    assert "Lama" in entry.detail and "Baru" in entry.detail
    # The theme is step 3's (Kepala Bidang, Sub Kor): the campaign's dialog changes it by its rules.
    with pytest.raises(OutsideLane, match="Tahap 3"):
        ws.campaigns.rename(other.id, rec.id, "Baru", "Tema baru")
    assert ws.campaigns.rename(actor.id, rec.id, "Baru", "Tema baru").theme == "Tema baru"
    theme = AuditEntry.get((AuditEntry.campaign == rec.id) & (AuditEntry.action == "theme"))
    assert (theme.actor_id, theme.detail) == (actor.id, "Tema lama -> Tema baru")
    assert AuditEntry.select().where(AuditEntry.action == "rename").count() == 1  # the title did not change
    # Without a theme, the theme is kept.
    assert ws.campaigns.rename(actor.id, rec.id, "Baru lagi").theme == "Tema baru"


def test_refused_rename_changes_nothing(ws, actor):
    rec = ws.campaigns.create(actor.id, "Tetap")
    before = counts()
    with pytest.raises(ValidationError):
        ws.campaigns.rename(actor.id, rec.id, "  ")
    with pytest.raises(NotFound):
        ws.campaigns.rename(actor.id, 999, "Apa saja")
    assert ws.campaigns.get(rec.id).title == "Tetap"
    assert counts() == before


def test_cancel_records_actor_reason_and_time(ws, actor, clock):
    rec = ws.campaigns.create(actor.id, "Batal")
    clock.advance(hours=1)
    with pytest.raises(ValidationError):
        ws.campaigns.cancel(actor.id, rec.id, "   ")
    assert ws.campaigns.get(rec.id).status is CampaignStatus.DRAFT

    cancelled = ws.campaigns.cancel(actor.id, rec.id, "Mobil wawaran rusak")
    assert cancelled.status is CampaignStatus.CANCELLED
    assert cancelled.cancelled_at == clock.now()
    assert cancelled.cancel_reason == "Mobil wawaran rusak"
    entry = AuditEntry.get((AuditEntry.campaign == rec.id) & (AuditEntry.action == "cancel"))
    assert (entry.actor_id, entry.detail) == (actor.id, "Mobil wawaran rusak")
    with pytest.raises(RuleError):
        ws.campaigns.cancel(actor.id, rec.id, "Lagi")
    assert AuditEntry.select().where(AuditEntry.action == "cancel").count() == 1


def test_get_of_unknown_campaign_is_not_found(ws):
    with pytest.raises(NotFound):
        ws.campaigns.get(42)


@pytest.fixture
def listed(ws, actor, clock):
    """Four campaigns around the WIB midnights of 26 November 2026; returns title -> id."""
    made = {}
    for when, title, theme in [
        (datetime(2026, 11, 25, 16, 0, tzinfo=UTC), "Sosialisasi PBB", "Pajak"),  # 25th 23.00 WIB
        (datetime(2026, 11, 25, 18, 0, tzinfo=UTC), "Vaksinasi Anak", "Kesehatan"),  # 26th 01.00 WIB
        (datetime(2026, 11, 26, 16, 59, tzinfo=UTC), "Siaga Banjir", "Bencana"),  # 26th 23.59 WIB
        (datetime(2026, 11, 26, 17, 0, tzinfo=UTC), "Diskon 100% denda", "Pajak"),  # 27th 00.00 WIB
    ]:
        clock.set(when)
        made[title] = ws.campaigns.create(actor.id, title, theme).id
    return made


def titles(ws, **query) -> list[str]:
    return [c.title for c in ws.campaigns.list(CampaignQuery(**query))]


def test_list_is_newest_first(ws, listed):
    assert titles(ws) == ["Diskon 100% denda", "Siaga Banjir", "Vaksinasi Anak", "Sosialisasi PBB"]


def test_list_filters_by_text_in_title_or_theme_ignoring_case(ws, listed):
    assert titles(ws, text="kesehatan") == ["Vaksinasi Anak"]
    assert titles(ws, text="BANJIR") == ["Siaga Banjir"]
    assert titles(ws, text="pajak") == ["Diskon 100% denda", "Sosialisasi PBB"]
    assert titles(ws, text="  pbb  ") == ["Sosialisasi PBB"]
    assert titles(ws, text="100%") == ["Diskon 100% denda"]
    assert titles(ws, text="%") == ["Diskon 100% denda"]  # a literal percent, not a wildcard
    assert titles(ws, text="_") == []
    assert titles(ws, text="tidak ada") == []


def test_list_by_pages_gives_the_whole_list_in_order(ws, actor, clock, listed):
    clock.set(datetime(2026, 11, 26, 16, 59, tzinfo=UTC))  # same moment as "Siaga Banjir": ties by id
    ws.campaigns.create(actor.id, "Siaga Banjir Susulan", "Bencana")
    whole = ws.campaigns.list()
    pages, last = [], None
    while True:
        page = ws.campaigns.list(after=last, limit=2)
        if not page:
            break
        pages.append(page)
        last = page[-1]
    assert [c for page in pages for c in page] == whole and [len(p) for p in pages] == [2, 2, 1]
    pajak = CampaignQuery(text="pajak")
    assert ws.campaigns.list(pajak, limit=1) + ws.campaigns.list(pajak, after=whole[0], limit=5) \
        == ws.campaigns.list(pajak)
    assert ws.campaigns.count() == 5 and ws.campaigns.count(pajak) == 2


def test_list_filters_by_wib_calendar_day(ws, listed):
    nov = lambda d: date(2026, 11, d)  # noqa: E731
    assert titles(ws, date_from=nov(26), date_to=nov(26)) == ["Siaga Banjir", "Vaksinasi Anak"]
    assert titles(ws, date_to=nov(25)) == ["Sosialisasi PBB"]
    assert titles(ws, date_from=nov(27)) == ["Diskon 100% denda"]
    assert titles(ws, text="pajak", date_from=nov(26)) == ["Diskon 100% denda"]


def test_campaign_made_at_18_utc_belongs_to_the_next_wib_day(ws, listed):
    (summary,) = ws.campaigns.list(CampaignQuery(text="Vaksinasi"))
    assert summary.created_at == datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
    assert titles(ws, date_from=date(2026, 11, 25), date_to=date(2026, 11, 25)) == ["Sosialisasi PBB"]


def test_list_filters_by_status(ws, actor, listed):
    ws.campaigns.cancel(actor.id, listed["Sosialisasi PBB"], "Ditunda")
    ws.steps.start(actor.id, listed["Siaga Banjir"], 1)
    assert titles(ws, status=CampaignStatus.CANCELLED) == ["Sosialisasi PBB"]
    assert titles(ws, status=CampaignStatus.RUNNING) == ["Siaga Banjir"]
    assert titles(ws, status=CampaignStatus.DRAFT) == ["Diskon 100% denda", "Vaksinasi Anak"]
    assert titles(ws, status=CampaignStatus.DONE) == []


def test_everything_survives_a_restart(ws, actor, clock, restart):
    rec = ws.campaigns.create(actor.id, "Awal", "Tema")
    ws.campaigns.rename(actor.id, rec.id, "Diganti")
    gone = ws.campaigns.create(actor.id, "Dibatalkan")
    ws.campaigns.cancel(actor.id, gone.id, "Hujan deras")
    before = (ws.campaigns.get(rec.id), ws.campaigns.get(gone.id), ws.campaigns.list(), counts())

    ws2 = restart(ws)
    after = (ws2.campaigns.get(rec.id), ws2.campaigns.get(gone.id), ws2.campaigns.list(), counts())
    assert after == before
    assert after[0].title == "Diganti" and after[1].cancel_reason == "Hujan deras"
    assert [e.action for e in AuditEntry.select().order_by(AuditEntry.id)] == [
        "create", "rename", "create", "cancel"]
    assert ws2.campaigns.count() == 2


def test_a_finished_campaign_cannot_be_cancelled(ws, actor):
    from stage_content import run_all_stages  # tests/stage_content.py
    from wawaran_desktop.services.errors import RuleError

    campaign = ws.campaigns.create(actor.id, "Selesai semua")
    run_all_stages(ws, campaign.id)  # each step by its lane
    with pytest.raises(RuleError, match="sudah selesai"):
        ws.campaigns.cancel(actor.id, campaign.id, "Terlambat dibatalkan")
    assert ws.campaigns.get(campaign.id).status.value == "done"


def test_control_characters_are_never_stored(ws, actor):
    """Pasted text may carry control characters XML (Word, Excel) cannot hold: they are dropped;
    tab and line breaks stay (a pasted CR LF becomes one line feed)."""
    record = ws.campaigns.create(actor.id, "  Wawaran\x0b PBB\x01  ", "Tema\x0c\tsatu\r\ndua\x7f")
    assert (record.title, record.theme) == ("Wawaran PBB", "Tema\tsatu\ndua")
    assert clean_text("\x00\x1f\x08", "Catatan", "notes", 10, False) == ""
    with pytest.raises(ValidationError, match="Judul kampanye wajib diisi"):
        ws.campaigns.create(actor.id, "\x0b\x0c")
