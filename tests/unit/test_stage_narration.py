"""Stage 4: narration versions, the final version, the diff and the read-aloud rate."""

from __future__ import annotations

import pytest
from crew import member

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.db.stage_models import NarrationVersion, Setting
from wawaran_desktop.text import readaloud
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.stages import narration

DRAFT = "Selamat pagi warga Cipondoh.\nMari cegah demam berdarah dengan 3M Plus."
SECOND = "Selamat pagi warga Cipondoh.\nMari cegah demam berdarah dengue dengan gerakan 3M Plus."


@pytest.fixture
def actor(ws):
    """The narration is step 4's, the Tim's (services/lanes.py); a Tim member may also create the
    campaign (step 1 is theirs too)."""
    return member(ws, "tim")


@pytest.fixture
def service(ws):
    return narration.Service(ws)


@pytest.fixture
def campaign(ws, actor):
    return ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD", "3M Plus")


@pytest.fixture
def writer(ws):
    return ws.staff.add("Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim")


def stored(campaign_id):
    return [(row.number, row.text, bool(row.is_final)) for row in
            NarrationVersion.select().where(NarrationVersion.campaign == campaign_id).order_by(NarrationVersion.number)]


def test_every_save_of_new_text_is_a_version_with_author_and_time(service, campaign, actor, writer, clock):
    first = service.save(writer.id, campaign.id, DRAFT)
    assert first.created and first.version.number == 1
    assert first.version.author_name == "Budi Santoso" and first.version.saved_at == clock.now()
    assert first.version.words == 11 and not first.version.is_final
    clock.advance(minutes=3)
    second = service.save(actor.id, campaign.id, SECOND)
    assert second.created and second.version.number == 2 and second.version.author_name == actor.name
    listed = service.versions(campaign.id)
    assert [(v.number, v.author_name, v.words) for v in listed] == [
        (2, actor.name, 13), (1, "Budi Santoso", 11)]
    assert listed[0].saved_at == clock.now()
    assert service.text(campaign.id, 1) == DRAFT and service.latest_text(campaign.id) == SECOND
    assert [e.detail for e in AuditEntry.select().where(AuditEntry.action == "narration_save")] == [
        "versi 1", "versi 2"]


def test_the_same_text_again_is_not_a_new_version(service, campaign, actor):
    service.save(actor.id, campaign.id, DRAFT)
    again = service.save(actor.id, campaign.id, "\n  " + DRAFT.replace("\n", "\r\n") + "  \n")
    assert not again.created and again.version.number == 1
    assert stored(campaign.id) == [(1, DRAFT, False)]


def test_empty_or_too_long_text_is_refused_and_nothing_stored(service, campaign, actor):
    service.save(actor.id, campaign.id, DRAFT)
    for bad, message in [("", "masih kosong"), ("  \n\t ", "masih kosong"), (None, "masih kosong"),
                         ("a" * (narration.TEXT_MAX + 1), "terlalu panjang (20.001 karakter, maksimal 20.000)"),
                         (42, "berupa teks")]:
        with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
            service.save(actor.id, campaign.id, bad)
        assert caught.value.field == "text"
    assert stored(campaign.id) == [(1, DRAFT, False)]
    longest = service.save(actor.id, campaign.id, "a" * narration.TEXT_MAX)
    assert longest.created and longest.version.number == 2


def test_actor_must_be_active_and_campaign_must_exist(ws, service, campaign, actor, writer):
    with pytest.raises(ValidationError, match="Pilih petugas"):
        service.save(None, campaign.id, DRAFT)
    ws.staff.update(writer.id, writer.name, writer.nip, writer.position, writer.lane, active=False)
    with pytest.raises(ValidationError, match="tidak aktif"):
        service.save(writer.id, campaign.id, DRAFT)
    with pytest.raises(NotFound):
        service.save(actor.id, 999, DRAFT)
    assert stored(campaign.id) == []


def test_restore_saves_an_old_text_as_the_newest_version(service, campaign, actor, writer):
    service.save(writer.id, campaign.id, DRAFT)
    service.save(writer.id, campaign.id, SECOND)
    restored = service.restore(actor.id, campaign.id, 1)
    assert restored.number == 3 and restored.author_name == actor.name
    assert stored(campaign.id) == [(1, DRAFT, False), (2, SECOND, False), (3, DRAFT, False)]
    assert AuditEntry.get(AuditEntry.action == "narration_restore").detail == "versi 3 dari versi 1"
    with pytest.raises(RuleError, match="sama dengan versi terbaru"):
        service.restore(actor.id, campaign.id, 1)  # version 3 already has that text
    with pytest.raises(RuleError, match="sama dengan versi terbaru"):
        service.restore(actor.id, campaign.id, 3)
    with pytest.raises(NotFound, match="Versi narasi 7"):
        service.restore(actor.id, campaign.id, 7)
    with pytest.raises(ValidationError, match="bilangan bulat"):
        service.restore(actor.id, campaign.id, "1")
    assert len(stored(campaign.id)) == 3


def test_exactly_one_version_is_final(service, campaign, actor):
    service.save(actor.id, campaign.id, DRAFT)
    service.save(actor.id, campaign.id, SECOND)
    assert service.final(campaign.id) is None
    assert service.mark_final(actor.id, campaign.id, 1).is_final
    assert service.final(campaign.id).number == 1
    service.mark_final(actor.id, campaign.id, 2)
    assert stored(campaign.id) == [(1, DRAFT, False), (2, SECOND, True)]
    service.mark_final(actor.id, campaign.id, 2)  # again: nothing changes, nothing logged
    assert [e.detail for e in AuditEntry.select().where(AuditEntry.action == "narration_final")] == [
        "versi 1", "versi 2"]
    with pytest.raises(NotFound):
        service.mark_final(actor.id, campaign.id, 3)
    assert [v.is_final for v in service.versions(campaign.id)] == [True, False]
    service.save(actor.id, campaign.id, DRAFT + " Terima kasih.")  # a new version is not final
    assert service.final(campaign.id).number == 2


def test_versions_belong_to_their_campaign(ws, service, campaign, actor):
    other = ws.campaigns.create(actor.id, "Wawaran PBB")
    service.save(actor.id, campaign.id, DRAFT)
    assert service.save(actor.id, other.id, SECOND).version.number == 1
    service.mark_final(actor.id, other.id, 1)
    service.mark_final(actor.id, campaign.id, 1)  # one final per campaign, not in all
    assert service.final(other.id).number == 1 and service.final(campaign.id).number == 1
    with pytest.raises(NotFound):
        service.text(other.id, 2)


def test_finishing_the_step_needs_a_final_version(ws, service, campaign, actor):
    ws.steps.start(actor.id, campaign.id, 4, reason="Narasi disiapkan lebih awal")
    with pytest.raises(RuleError, match="Tandai Final"):
        ws.steps.finish(actor.id, campaign.id, 4)
    service.save(actor.id, campaign.id, DRAFT)
    with pytest.raises(RuleError, match="Tandai Final"):
        ws.steps.finish(actor.id, campaign.id, 4, reason="Nanti saja")  # no reason overrides it
    service.mark_final(actor.id, campaign.id, 1)
    ws.steps.finish(actor.id, campaign.id, 4)
    assert ws.campaigns.get(campaign.id).step(4).finished_at is not None


def test_a_cancelled_campaign_cannot_be_changed(ws, service, campaign, actor):
    service.save(actor.id, campaign.id, DRAFT)
    ws.campaigns.cancel(actor.id, campaign.id, "Kegiatan dibatalkan")
    for action in (lambda: service.save(actor.id, campaign.id, SECOND),
                   lambda: service.restore(actor.id, campaign.id, 1),
                   lambda: service.mark_final(actor.id, campaign.id, 1)):
        with pytest.raises(RuleError, match="dibatalkan"):
            action()
    assert stored(campaign.id) == [(1, DRAFT, False)]
    assert service.versions(campaign.id)[0].number == 1  # still readable


def test_diff_marks_inserted_and_deleted_words(service, campaign, actor):
    service.save(actor.id, campaign.id, DRAFT)
    service.save(actor.id, campaign.id, SECOND)
    diff = service.diff(campaign.id, 1, 2)
    assert (diff.old, diff.new, diff.inserted_words, diff.deleted_words) == (1, 2, 2, 0)
    assert [p.kind for p in diff.parts] == ["equal", "insert", "equal", "insert", "equal"]
    assert "".join(p.text for p in diff.parts if p.kind != "insert") == DRAFT
    assert "".join(p.text for p in diff.parts if p.kind != "delete") == SECOND
    assert [p.text.strip() for p in diff.parts if p.kind == "insert"] == ["dengue", "gerakan"]
    back = service.diff(campaign.id, 2, 1)
    assert (back.inserted_words, back.deleted_words) == (0, 2)
    same = narration.compare("a b\nc", "a b\nc")
    assert same.parts == (narration.DiffPart("equal", "a b\nc"),)
    punctuated = narration.compare("Bayar pajak.", "Bayar pajak, bebas denda.")
    assert (punctuated.inserted_words, punctuated.deleted_words) == (2, 0)  # the full stop is kept
    assert [p.text for p in punctuated.parts] == ["Bayar pajak", ", bebas denda", "."]
    replaced = narration.compare("bayar pajak", "lunasi pajak")
    assert replaced.parts[:2] == (narration.DiffPart("delete", "bayar"), narration.DiffPart("insert", "lunasi"))
    with pytest.raises(NotFound):
        service.diff(campaign.id, 1, 5)


def test_read_aloud_rate_is_an_office_setting(ws, service, actor, restart):
    assert service.rate() == readaloud.DEFAULT_RATE == 3.0
    assert service.set_rate(actor.id, 4.5) == 4.5
    for bad in (1.0, 6.5, None, "cepat"):
        with pytest.raises(ValidationError):
            service.set_rate(actor.id, bad)
    with pytest.raises(ValidationError, match="Pilih petugas"):
        service.set_rate(None, 2.0)
    assert Setting.get_by_id(readaloud.RATE_KEY).value == "4.5"
    entry = AuditEntry.select().where(AuditEntry.action == "setting").order_by(AuditEntry.id.desc()).first()
    assert (entry.actor_id, entry.detail) == (actor.id, "narration.syllables_per_second=4.5")  # who changed it
    ws2 = restart(ws)
    assert narration.Service(ws2).rate() == 4.5
    Setting.update(value="rusak").where(Setting.key == readaloud.RATE_KEY).execute()
    assert narration.Service(ws2).rate() == 3.0  # a damaged value falls back to the default


def test_versions_survive_a_restart(ws, service, campaign, actor, restart):
    service.save(actor.id, campaign.id, DRAFT)
    service.save(actor.id, campaign.id, SECOND)
    service.mark_final(actor.id, campaign.id, 2)
    ws2 = restart(ws)
    again = narration.Service(ws2)
    assert [(v.number, v.is_final) for v in again.versions(campaign.id)] == [(2, True), (1, False)]
    assert again.latest_text(campaign.id) == SECOND
