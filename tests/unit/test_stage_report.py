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
from wawaran_desktop.services.timing import DEFAULT_THRESHOLDS, StepState, StepStatus, status_of


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


def test_draft_assembles_stages_1_to_7(service, filled):
    text = service.draft(filled)
    assert text.startswith("LAPORAN KEGIATAN WAWARAN KELILING\nWAWARAN PENCEGAHAN DBD\n")
    assert "Tema wawaran: 3M Plus cegah DBD" in text
    assert "Hari/tanggal pelaksanaan: Kamis, 26 November 2026" in text
    assert "1. Kasus DBD naik di Cipondoh (sumber: hasil media monitoring Bagian Prokomp)" in text
    assert "2. Jadwal fogging RW 03 (sumber: Puskesmas Cipondoh)" in text
    assert "tidak dipilih" not in text  # only the topics chosen at the briefing
    assert "Briefing dilaksanakan pada Kamis, 26 November 2026 pukul 08.30 WIB di Ruang Rapat DIKP." in text
    assert ("1. Kelurahan Sukasari, Kecamatan Tangerang (Taman Gajah Tunggal): tiba pukul 09.15, "
            "berangkat pukul 09.40 WIB; 120 selebaran; perkiraan 80 warga.") in text
    assert "tiba pukul 10.00, berangkat pukul 11.50 WIB; 30 selebaran" in text
    assert "Lokasi rencana yang tidak dikunjungi: Kelurahan Jatake, Kecamatan Jatiuwung." in text
    assert ("Jumlah: 2 lokasi dikunjungi, 150 selebaran dibagikan, perkiraan 125 warga menerima informasi; "
            "di rute 155 menit (pukul 09.15–11.50 WIB).") in text
    assert "- Tahap 7 (Diseminasi) memakan waktu 230 menit, melebihi waktu baku 120 menit." in text
    assert "- Catatan tahap 7 (Diseminasi): Jalan macet di Jl. Daan Mogot" in text
    assert "- Kelurahan Sukasari, Kecamatan Tangerang: Pengeras suara sempat mati" in text
    assert text.rstrip().endswith("Tangerang, 26 November 2026")


def test_draft_of_an_empty_campaign_says_what_is_missing(service, cid):
    text = service.draft(cid)
    for phrase in ("Belum ada data yang tercatat.", "Waktu briefing belum tercatat.",
                   "Belum ada lokasi yang tercatat dikunjungi.", "Tidak ada kendala yang tercatat."):
        assert phrase in text


def test_get_shows_a_draft_until_the_report_is_stored(service, actor, cid):
    first = service.get(cid)
    assert not first.stored and not first.locked and "LAPORAN KEGIATAN" in first.body
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
    assert reset.body == service.draft(filled) and "Taman Gajah Tunggal" in reset.body
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


def test_the_draft_tells_whole_seconds_and_says_over_only_of_a_late_step(clock):
    """Judged by the steps' status (the one rule), told in words to the second: half a second
    past the standard is the standard, and a step its status calls on time is never "over"."""
    start = clock.now()
    stop = report.ReportStop("Kelurahan Sukasari, Kecamatan Tangerang", "", True, start,
                             start + timedelta(minutes=155, seconds=30.9), 10, 20, "")
    def finished(seconds: float, standard: int) -> StepStatus:  # by the default thresholds
        return status_of(StepState.FINISHED, seconds, standard, DEFAULT_THRESHOLDS)

    steps = [report.ReportStep(5, "Disposisi", 300.9, 5, "", finished(300.9, 5)),  # 5 menit: on time
             report.ReportStep(6, "Pengecekan", 301.0, 5, "", finished(301.0, 5)),  # a second over: late
             report.ReportStep(4, "Narasi", 330.0, 5, "", StepStatus.ON_TIME),  # on time by the office's 113%
             report.ReportStep(7, "Diseminasi", 7245.5, 120, "", StepStatus.LATE)]
    text = report.compose_text("Uji", "Tema", start, [], None, "", [stop], steps, start)
    assert "di rute 155 menit 30 detik (pukul 08.00–10.35 WIB)." in text
    assert "Disposisi" not in text and "Narasi" not in text
    assert "- Tahap 6 (Pengecekan) memakan waktu 5 menit 1 detik, melebihi waktu baku 5 menit." in text
    assert "- Tahap 7 (Diseminasi) memakan waktu 120 menit 45 detik, melebihi waktu baku 120 menit." in text
