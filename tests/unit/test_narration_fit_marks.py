"""The narration of a running or cancelled campaign (issue 14, page review): its marks, note and
kop are counted, so a 120-word script with five stops stays on one page on A4 and F4 with every
kop; the stops stand in the value column; the day is the day the car went out, never the export's.
Read back with python-docx and through LibreOffice's PDF."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from crew import member, step_actor  # tests/crew.py
from images import write_png  # tests/images.py
from office import PDFTOTEXT, pdf_pages, pdf_text, to_pdf  # tests/office.py
from office_kop import office_template  # tests/office_kop.py
from narration_sample import ROUTE, SCRIPT_120  # tests/narration_sample.py
from stage_content import fill_stage  # tests/stage_content.py

from wawaran_desktop.documents import narration_docx, narration_fit
from wawaran_desktop.documents.text import paragraphs_of
from wawaran_desktop.services.stages import briefing, narration

REASON = "Jadwal bentrok dengan kegiatan Wali Kota di lokasi yang sama; wawaran dijadwalkan ulang bulan depan"
MARGIN_MM = 20  # the letter margins (documents/page.py)
PAPERS = {"A4": 297, "F4": 330}


@pytest.fixture
def actor(ws):
    return member(ws, "tim")


@pytest.fixture
def campaign(ws, actor):
    """A campaign through stage 3 with a five-stop route and a 120-word script saved (not final)."""
    ws.staff.add("Rina Marlina, S.Sos., M.Si.", "19780315 200501 2 007",
                 "Kepala Bidang Diseminasi Informasi dan Komunikasi Publik", "kabid")
    record = ws.campaigns.create(actor.id, "Wawaran Pembayaran PBB-P2 Sebelum Jatuh Tempo di Kecamatan Tangerang",
                                 "Bayar PBB sebelum jatuh tempo")
    for no in (1, 3):
        fill_stage(ws, step_actor(ws, record.id, no), record.id, no)
    planner = step_actor(ws, record.id, 2)
    for code, address, at in ROUTE:
        briefing.Service(ws).add_location(planner, record.id, code, address, at)
    narration.Service(ws).save(actor.id, record.id, SCRIPT_120)
    return record.id


def set_profile(ws, actor, tmp_path: Path, kop: str, paper: str) -> None:
    profile = ws.profile.load()._replace(paper=paper, logo=None, letterhead_docx=None, letterhead_image=None)
    if kop == "logo":
        profile = profile._replace(logo=write_png(tmp_path / "logo.png", width=180, height=220))
    elif kop == "kop-kantor":
        profile = profile._replace(letterhead_docx=office_template(tmp_path / "kop-kantor.docx", tmp_path))
    ws.profile.save(actor.id, profile)


def words_of(pdf: Path, page: int = 1) -> list[tuple[float, float, float, str]]:
    """(xMin, yMin, yMax, word) of every word on ``page``, in mm."""
    html = subprocess.run([PDFTOTEXT, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(float(x) * 25.4 / 72, float(y0) * 25.4 / 72, float(y1) * 25.4 / 72, word) for x, y0, y1, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html)]


def lowest_mm(pdf: Path) -> float:
    """How far down page 1 its text reaches (mm), the footer's page number left out."""
    return max(y1 for _x, _y0, y1, word in words_of(pdf) if not re.fullmatch(r"Halaman|\d+|dari", word))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kop", ["bawaan", "logo", "kop-kantor"])
@pytest.mark.parametrize("state", ["berjalan", "dibatalkan"])
def test_a_120_word_draft_or_cancelled_narration_with_five_stops_is_one_page(ws, actor, campaign, tmp_path,
                                                                             kop, paper, state):
    set_profile(ws, actor, tmp_path, kop, paper)
    if state == "dibatalkan":
        ws.campaigns.cancel(actor.id, campaign, REASON)
    sheet = narration_docx.gather(ws, campaign)
    assert sheet.estimate.words == 120 and len(sheet.locations) == 5 and not sheet.final
    assert len(sheet.marks) == (2 if state == "dibatalkan" else 1)  # DRAF, and DIBATALKAN when cancelled
    path = narration_docx.write(sheet, tmp_path / f"{state}-{kop}-{paper}.docx")
    pdf = to_pdf(path, tmp_path)
    assert pdf_pages(pdf) == 1
    flat = " ".join(pdf_text(pdf).split())
    for expected in [*sheet.marks, "Assalamualaikum warahmatullahi", "Wassalamualaikum warahmatullahi wabarakatuh.",
                     "Menyetujui,", "NIP. 19780315 200501 2 007", "Halaman 1 dari 1", "5. 11.45 WIB"]:
        assert expected in flat
    if state == "dibatalkan":
        assert "Alasan: " + " ".join(REASON.split()[:4]) in flat
    # Room is left above the bottom margin, for Word's own line breaks.
    assert lowest_mm(pdf) <= PAPERS[paper] - MARGIN_MM  # inside the text area: the footer untouched


def test_the_estimate_counts_the_marks_and_the_note(ws, actor, campaign, tmp_path):
    """The same sheet is estimated taller with a cancellation's note and marks, and with marks that
    push an office kop down; the estimate is never shorter than what LibreOffice lays out."""
    running = narration_docx.gather(ws, campaign)
    ws.campaigns.cancel(actor.id, campaign, REASON)
    cancelled = narration_docx.gather(ws, campaign)
    layout = narration_docx.LAYOUTS[0]
    note_lines = narration_fit.wrapped_lines(narration_docx.cancel_note(cancelled), 160, 12)
    assert note_lines >= 2
    grown = narration_docx.fixed_height_mm(cancelled, layout) - narration_docx.fixed_height_mm(running, layout)
    assert grown >= note_lines * narration_fit.line_mm(12)
    set_profile(ws, actor, tmp_path, "kop-kantor", "A4")
    profile = ws.profile.load()
    paper = narration_docx.page.paper("A4")
    assert narration_fit.kop_mm(profile, paper, 2) - narration_fit.kop_mm(profile, paper, 0) == pytest.approx(
        2 * narration_fit.line_mm(10))
    set_profile(ws, actor, tmp_path, "bawaan", "A4")

    sheet = narration_docx.gather(ws, campaign)
    layout, reading = narration_docx.layout_and_type(sheet, paragraphs_of(sheet.text))
    estimate = narration_docx.fixed_height_mm(sheet, layout) + narration_fit.paragraphs_mm(
        paragraphs_of(sheet.text), paper.text_width_mm, reading)
    pdf = to_pdf(narration_docx.write(sheet, tmp_path / "batal.docx"), tmp_path)
    assert pdf_pages(pdf) == 1
    # The estimate with its safety margin covers what LibreOffice lays out.
    assert lowest_mm(pdf) - MARGIN_MM <= estimate * narration_fit.SAFETY + narration_fit.SPARE_MM


def test_the_stops_stand_in_the_value_column(ws, actor, campaign, tmp_path):
    path = narration_docx.write_narration(ws, campaign, tmp_path / "rute.docx")
    table = docx.Document(str(path)).tables[0]
    labels = [row.cells[0].text for row in table.rows]
    route = table.rows[labels.index("Lokasi") + 1]
    assert route.cells[0].text == route.cells[1].text == ""  # nothing under the captions and colons
    assert route.cells[2].text.splitlines()[0].startswith("1.\t09.00 WIB\tKel. Sukasari, Kec. Tangerang")
    words = words_of(to_pdf(path, tmp_path))
    value_x = next(x for x, _y0, _y1, word in words if word.startswith("titik"))  # "5 titik, pukul …"
    five_x = next(x for (x, _a, _b, word), (_x2, _a2, _b2, after) in zip(words, words[1:])
                  if word == "5" and after.startswith("titik"))
    caption_x = next(x for x, _y0, _y1, word in words if word == "Lokasi")
    for number in ("1.", "2.", "3.", "4.", "5."):
        x = next(x for x, _y0, _y1, word in words if word == number)
        assert abs(x - five_x) < 0.5 and x > caption_x + narration_docx.LABEL_MM  # aligned with the value
    assert value_x > five_x


def test_the_day_is_the_day_the_car_went_out_never_the_export_date(ws, actor, campaign, clock, tmp_path):
    clock.set(datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc))  # exported on Monday 7 December
    sheet = narration_docx.gather(ws, campaign)
    assert sheet.day is None and dict(narration_docx.info_rows(sheet))["Hari/Tanggal"] == "Belum ditentukan"
    pdf_flat = " ".join(pdf_text(to_pdf(narration_docx.write(sheet, tmp_path / "berjalan.docx"), tmp_path)).split())
    assert "Belum ditentukan" in pdf_flat and "7 Desember 2026" not in pdf_flat

    service = narration.Service(ws)  # the script final; the car goes out on Thursday 10 December (WIB)
    service.mark_final(actor.id, campaign, service.versions(campaign)[0].number)
    clock.set(datetime(2026, 12, 9, 23, 30, tzinfo=timezone.utc))  # 06.30 WIB on the 10th
    ws.steps.start(step_actor(ws, campaign, 7), campaign, 7, reason="Tahap 6 dicek di lapangan")
    clock.set(clock.now() + timedelta(days=5))  # exported later
    sheet = narration_docx.gather(ws, campaign)
    assert dict(narration_docx.info_rows(sheet))["Hari/Tanggal"] == "Kamis, 10 Desember 2026"


def test_a_cancelled_campaign_that_never_went_out_says_so(ws, actor, campaign):
    ws.campaigns.cancel(actor.id, campaign, REASON)
    sheet = narration_docx.gather(ws, campaign)
    assert dict(narration_docx.info_rows(sheet))["Hari/Tanggal"] == "Tidak dilaksanakan (kampanye dibatalkan)"
