"""Stage 8: the report drafted from stages 1–7, edited, locked while step 8 is finished."""

from __future__ import annotations

from datetime import timedelta

import pytest
from crew import member, step_actor

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.db.stage_models import Briefing, DataItem, Location, Report
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import ReasonRequired, RuleError, ValidationError
from wawaran_desktop.services.stages import dissemination, report
from wawaran_desktop.services.stages.report import BODY_MAX, LOCKED, Service, check_finish
from wawaran_desktop.services.timing import StepStatus


@pytest.fixture
def actor(ws):
    """The report is step 8's, the Tim's (services/lanes.py); a Tim member may also create the
    campaign (step 1 is the Tim's too)."""
    return member(ws, "tim")


@pytest.fixture
def service(ws):
    return Service(ws)


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD", "3M Plus cegah DBD").id


def body(cid):
    row = Report.get_or_none(Report.campaign == cid)
    return None if row is None else row.body


@pytest.fixture
def filled(ws, actor, cid, clock):
    """Stages 1, 2 and 7 recorded: two topics, the briefing, a route with one late step (driven
    by the Kernet)."""
    for n, (topic, kind, name, selected) in enumerate([
            ("Kasus DBD naik di Cipondoh", "prokomp", "", True),
            ("Jadwal fogging RW 03", "other", "Puskesmas Cipondoh", True),
            ("Berita lain yang tidak dipilih", "dimc", "", False)], 1):
        DataItem.create(campaign=cid, position=n, topic=topic, source_kind=kind, source_name=name,
                        selected=selected, created_by=actor.id, created_at=to_db(clock.now()))
    Briefing.create(campaign=cid, held_at=to_db(clock.now() + timedelta(minutes=30)), place="Ruang Rapat DIKP")
    Location.create(campaign=cid, position=1, kelurahan_code="36.71.01.1007", address="Taman Gajah Tunggal")
    Location.create(campaign=cid, position=2, kelurahan_code="36.71.01.1005", address="Pasar Cikokol")
    Location.create(campaign=cid, position=3, kelurahan_code="36.71.02.1002")
    driver = step_actor(ws, cid, 7)  # the route is step 7's, the Kernet's
    stages = dissemination.Service(ws)
    stops = stages.ensure_route(driver, cid).stops
    ws.steps.start(driver, cid, 7, reason="Uji laporan")
    clock.advance(minutes=75)  # 09.15 WIB
    stages.arrive(driver, cid, stops[0].id)
    clock.advance(minutes=25)
    stages.depart(driver, cid, stops[0].id)
    stages.update_stop(driver, cid, stops[0].id, flyers=120, audience=80, notes="Pengeras suara sempat mati")
    clock.advance(minutes=20)
    stages.arrive(driver, cid, stops[1].id)
    clock.advance(minutes=110)
    stages.depart(driver, cid, stops[1].id)
    stages.update_stop(driver, cid, stops[1].id, flyers=30, audience=45)
    ws.steps.set_notes(driver, cid, 7, "Jalan macet\ndi Jl. Daan Mogot")
    ws.steps.finish(driver, cid, 7)
    return cid


def test_draft_is_a_narrative_that_adds_to_the_printed_sections(service, filled):
    """Section D of the printed report: what sections A–C and the signature block do not say
    (the message, the area reached, the material and its sources), nothing they do."""
    text = service.draft(filled)
    paragraphs = text.rstrip("\n").split("\n\n")
    assert paragraphs == [
        "Pada Kamis, 26 November 2026, mobil wawaran keliling menyampaikan informasi bertema \u201c3M Plus cegah "
        "DBD\u201d secara langsung kepada warga di Kelurahan Sukasari dan Cikokol, Kecamatan Tangerang.",
        "Materi wawaran yang dipilih dalam briefing tim disusun dari 2 topik: Kasus DBD naik di Cipondoh (sumber: "
        "hasil media monitoring Bagian Prokomp); Jadwal fogging RW 03 (sumber: Puskesmas Cipondoh).",
        report.CLOSING]
    assert "tidak dipilih" not in text  # only the topics chosen at the briefing
    for repeated in ("LAPORAN", "WAWARAN PENCEGAHAN DBD",  # the document's title and the campaign's
                     "Tangerang, 26 November 2026",  # the signature block's own place and date
                     "Taman Gajah Tunggal", "Pasar Cikokol", "09.15", "selebaran",  # the route (section B)
                     "Jatake",  # the stop not visited (section C)
                     "Jalan macet", "Catatan tahap", "Pengeras suara",  # notes (section C), never dumped
                     "melebihi", "menit"):  # lateness (sections A and C)
        assert repeated not in text, repeated


def test_get_shows_a_draft_until_the_report_is_stored(service, actor, cid):
    first = service.get(cid)
    assert not first.stored and not first.locked and "belum dilaksanakan di lapangan" in first.body
    assert body(cid) is None
    saved = service.save(actor.id, cid, "Laporan singkat.")
    assert saved.stored and saved.body == "Laporan singkat." and saved.updated_by_name == actor.name
    assert service.get(cid).body == "Laporan singkat."


def test_too_long_or_not_text_is_refused_and_nothing_changes(service, actor, cid):
    service.save(actor.id, cid, "Versi pertama")
    with pytest.raises(ValidationError, match="terlalu panjang") as err:
        service.save(actor.id, cid, "x" * (BODY_MAX + 1))
    assert err.value.field == "body"
    assert str(err.value) == "Laporan terlalu panjang (50.001 karakter, maksimal 50.000)."
    with pytest.raises(ValidationError):
        service.save(actor.id, cid, None)
    assert body(cid) == "Versi pertama"
    service.save(actor.id, cid, "x" * BODY_MAX)
    assert len(body(cid)) == BODY_MAX


def test_finishing_needs_a_stored_body_and_locks_the_report(ws, service, actor, cid):
    ws.steps.start(actor.id, cid, 8, reason="Uji")
    with pytest.raises(RuleError, match="Laporan masih kosong"):
        ws.steps.finish(actor.id, cid, 8)
    service.save(actor.id, cid, "   \n ")
    with pytest.raises(RuleError, match="Laporan masih kosong"):
        check_finish(cid, None)
    service.save(actor.id, cid, "Laporan final")
    ws.steps.finish(actor.id, cid, 8)
    assert service.get(cid).locked
    for call in (lambda: service.save(actor.id, cid, "Diubah diam-diam"), lambda: service.reset(actor.id, cid)):
        with pytest.raises(RuleError) as err:
            call()
        assert str(err.value) == LOCKED
    assert body(cid) == "Laporan final"
    with pytest.raises(ReasonRequired):
        ws.steps.reopen(actor.id, cid, 8, reason=None)
    ws.steps.reopen(actor.id, cid, 8, reason="Ada lokasi yang terlewat")
    assert not service.get(cid).locked
    assert service.save(actor.id, cid, "Laporan diperbaiki").body == "Laporan diperbaiki"


def test_reset_regenerates_from_the_stages_and_is_audited(service, actor, filled):
    service.save(actor.id, filled, "Tulisan tangan")
    reset = service.reset(actor.id, filled)
    assert reset.body == service.draft(filled) and "Cikokol, Kecamatan Tangerang" in reset.body
    assert AuditEntry.select().where(AuditEntry.action == "report_reset").count() == 1


def test_cancelled_campaign_refuses_edits(ws, service, actor, cid):
    service.save(actor.id, cid, "Sebelum batal")
    ws.campaigns.cancel(actor.id, cid, "Ditunda")
    with pytest.raises(RuleError, match="dibatalkan"):
        service.save(actor.id, cid, "Sesudah batal")
    assert body(cid) == "Sebelum batal"


def test_report_survives_a_restart(ws, service, actor, cid, restart):
    service.save(actor.id, cid, "Laporan: semua lokasi terjangkau.")
    ws2 = restart(ws)
    assert report.Service(ws2).get(cid).body == "Laporan: semua lokasi terjangkau."


def test_control_characters_are_not_stored_in_the_report_text(service, actor, cid):
    service.save(actor.id, cid, "Baris satu\x0b\r\nbaris dua\x01")
    assert body(cid) == "Baris satu\nbaris dua"


def test_the_draft_names_each_kecamatan_once_and_leaves_times_and_steps_to_the_tables(clock):
    """Stops in two kecamatan, one kelurahan visited twice, a late step with a note: the draft
    names the area by kecamatan, and neither the step, its note nor the times."""
    start = clock.now()
    def stop(place, minutes, notes=""):
        return report.ReportStop(place, "", True, start + timedelta(minutes=minutes),
                                 start + timedelta(minutes=minutes + 20), 10, 20, notes)

    stops = [stop("Kelurahan Sukasari, Kecamatan Tangerang", 0), stop("Kelurahan Cikokol, Kecamatan Tangerang", 30),
             stop("Kelurahan Sukasari, Kecamatan Tangerang", 60, "Warga bertanya jadwal fogging"),
             stop("Kelurahan Ketapang, Kecamatan Cipondoh", 90)]
    steps = [report.ReportStep(7, "Diseminasi", 7245.5, 120, "Macet di Jl. Daan Mogot", StepStatus.LATE)]
    items = [report.ReportItem("Jadwal fogging", "dimc", "", False)]  # none chosen: every topic, no briefing
    text = report.compose_text("Uji", "  Tema  ", start, items, None, "", stops, steps, start)
    assert text.startswith("Pada Kamis, 26 November 2026, mobil wawaran keliling menyampaikan informasi bertema "
                           "\u201cTema\u201d secara langsung kepada warga di Kelurahan Sukasari dan Cikokol, Kecamatan "
                           "Tangerang serta Kelurahan Ketapang, Kecamatan Cipondoh.\n\n"
                           "Materi wawaran disusun dari topik Jadwal fogging (sumber: data liputan Seksi DIMC).")
    for left_out in ("Diseminasi", "Macet", "fogging RW", "Warga bertanya", "08.00", "WIB"):
        assert left_out not in text, left_out
