"""The narration's pages (issue 14): a 120-word script on one page, only the signatures kept
together, page numbers, every time in WIB, and a mark on every page of a cancelled campaign's
or a draft narration. Read back with python-docx and through LibreOffice's PDF."""

from __future__ import annotations

import os
import re
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from crew import member, step_actor  # tests/crew.py
from docx.shared import Pt
from images import png_bytes  # tests/images.py
from narration_sample import ROUTE, SCRIPT_120  # tests/narration_sample.py
from office import PDFTOTEXT, pdf_pages, pdf_text, to_pdf  # tests/office.py
from stage_content import fill_stage  # tests/stage_content.py

from wawaran_desktop.documents import narration_docx, narration_fit
from wawaran_desktop.services.stages import briefing, narration
from wawaran_desktop.services.stages.locations import LocationRecord

MARGIN_BOTTOM_MM = 20


@pytest.fixture
def actor(ws):
    return member(ws, "tim")  # step 4's lane; may create the campaign too


@pytest.fixture
def campaign(ws, actor):
    """A campaign through stage 3 with a five-stop route and no narration yet."""
    ws.staff.add("Rina Marlina, S.Sos., M.Si.", "19780315 200501 2 007",
                 "Kepala Bidang Diseminasi Informasi dan Komunikasi Publik", "kabid")
    record = ws.campaigns.create(actor.id, "Wawaran Pembayaran PBB-P2 Sebelum Jatuh Tempo di Kecamatan Tangerang")
    for no in (1, 3):
        fill_stage(ws, step_actor(ws, record.id, no), record.id, no)
    planner = step_actor(ws, record.id, 2)
    for code, address, at in ROUTE:
        briefing.Service(ws).add_location(planner, record.id, code, address, at)
    return record.id


def save(ws, actor, campaign, text, final=True) -> int:
    service = narration.Service(ws)
    number = service.save(actor.id, campaign, text).version.number
    if final:
        service.mark_final(actor.id, campaign, number)
    return number


def set_paper(ws, actor, paper: str) -> None:
    ws.profile.save(actor.id, ws.profile.load()._replace(paper=paper))


def pages_of(pdf: Path) -> list[str]:
    return pdf_text(pdf).rstrip("\f").split("\f")


def lowest_line_mm(pdf: Path, page: int, below: str = "Halaman") -> float:
    """How far down page ``page`` (1-based) its lowest line of text reaches (mm), the footer left out."""
    html = subprocess.run([PDFTOTEXT, "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    bottoms = []
    for y_max, words in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
                                   html, re.S):
        text = " ".join(re.findall(r">([^<]*)</word>", words))
        if not text.startswith(below):
            bottoms.append(float(y_max) * 25.4 / 72)
    return max(bottoms)


def script_paragraphs(document) -> list:
    return [p for p in document.paragraphs if p.runs and p.runs[0].font.size
            and p.runs[0].font.size >= Pt(narration_fit.READING_TYPES[-1].size) and p.style.name == "Normal"
            and p.paragraph_format.line_spacing not in (None, 1.0)]


@pytest.mark.parametrize("paper, height_mm", [("A4", 297), ("F4", 330)])
def test_a_120_word_script_with_five_stops_fits_one_page(ws, actor, campaign, tmp_path, paper, height_mm):
    set_paper(ws, actor, paper)
    save(ws, actor, campaign, SCRIPT_120)
    sheet = narration_docx.gather(ws, campaign)
    assert sheet.estimate.words == 120 and len(sheet.locations) == 5
    path = narration_docx.write(sheet, tmp_path / f"narasi-{paper}.docx")
    pdf = to_pdf(path, tmp_path)
    assert pdf_pages(pdf) == 1
    flat = " ".join(pdf_text(pdf).split())
    for expected in ("Assalamualaikum warahmatullahi", "Wassalamualaikum warahmatullahi wabarakatuh.", "Menyetujui,",
                     "NIP. 19780315 200501 2 007", "Halaman 1 dari 1", "5. 11.45 WIB"):
        assert expected in flat
    assert lowest_line_mm(pdf, 1) <= height_mm - MARGIN_BOTTOM_MM  # nothing runs into the margin
    document = docx.Document(str(path))
    sizes = {run.font.size.pt for p in script_paragraphs(document) for run in p.runs}
    assert len(sizes) == 1 and sizes.pop() >= narration_fit.READING_TYPES[-1].size


@pytest.mark.parametrize("height_px, script", [
    (250, SCRIPT_120),  # a kop 26 mm tall, about as the built-in one of this office (two lines and the rule)
    (600, SCRIPT_120.rsplit("\n\n", 1)[0]),  # one set at the tallest, 45 mm, over a 90-word script
])
def test_an_office_kop_in_the_header_is_counted_too(ws, actor, campaign, tmp_path, height_px, script):
    image = tmp_path / "kop.png"
    image.write_bytes(png_bytes(width=1600, height=height_px))
    ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_image=image))
    save(ws, actor, campaign, script, final=False)  # a draft: its mark above the kop too
    path = narration_docx.write_narration(ws, campaign, tmp_path / f"kop-{height_px}.docx")
    pdf = to_pdf(path, tmp_path)
    assert pdf_pages(pdf) == 1
    assert lowest_line_mm(pdf, 1) <= 297 - MARGIN_BOTTOM_MM
    flat = " ".join(pdf_text(pdf).split())
    assert flat.startswith("DRAF — naskah versi 1 belum final") and "Halaman 1 dari 1" in flat
    assert script.split()[-1] in flat and "NIP. 19780315 200501 2 007" in flat


def test_a_taller_page_or_a_shorter_script_gets_a_larger_reading_type(ws, actor, campaign):
    save(ws, actor, campaign, SCRIPT_120)
    a4 = narration_docx.gather(ws, campaign)

    def reading(sheet) -> float:
        return script_paragraphs(narration_docx.build(sheet))[0].runs[0].font.size.pt

    f4 = a4._replace(profile=a4.profile._replace(paper="F4"))
    short = a4._replace(text="Warga Kota Tangerang, bayarlah PBB tepat waktu.\n\nTerima kasih.")
    assert reading(a4) < reading(f4) <= narration_fit.LARGEST.size
    assert reading(short) == narration_fit.LARGEST.size == 16  # the car's reading type when it fits


def test_a_long_script_fills_its_pages_and_only_the_signatures_stay_together(ws, actor, campaign, tmp_path):
    paragraphs = [f"Bagian {i}. " + "Warga Kota Tangerang dimohon membayar pajak bumi dan bangunan tepat waktu. " * 5
                  for i in range(1, 7)]
    paragraphs.append("Bagian akhir. " + "Atas perhatian Bapak dan Ibu, kami ucapkan terima kasih banyak. " * 7)
    save(ws, actor, campaign, "\n\n".join(paragraphs))
    path = narration_docx.write_narration(ws, campaign, tmp_path / "panjang.docx")
    document = docx.Document(str(path))
    script = script_paragraphs(document)
    assert len(script) == 7 and not any(p.paragraph_format.keep_with_next for p in script)  # a long last one too
    pdf = to_pdf(path, tmp_path)
    pages = pages_of(pdf)
    assert len(pages) >= 2
    assert lowest_line_mm(pdf, 1) > 297 - MARGIN_BOTTOM_MM - 25  # page 1 is full, not left half empty
    assert "Menyetujui," in pages[-1] and "NIP. 19780315 200501 2 007" in pages[-1]
    assert all(f"Halaman {i} dari {len(pages)}" in page for i, page in enumerate(pages, start=1))


def test_a_short_last_paragraph_goes_over_with_the_signatures(ws, actor, campaign, tmp_path):
    paragraphs = [f"Bagian {i}. " + "Warga Kota Tangerang dimohon membayar pajak tepat waktu. " * 6 for i in range(1, 9)]
    save(ws, actor, campaign, "\n\n".join(paragraphs + ["Demikian, terima kasih."]))
    path = narration_docx.write_narration(ws, campaign, tmp_path / "penutup.docx")
    script = script_paragraphs(docx.Document(str(path)))
    assert [p.paragraph_format.keep_with_next for p in script] == [False] * 8 + [True]
    pages = pages_of(to_pdf(path, tmp_path))
    assert len(pages) >= 2
    assert "Demikian, terima kasih." in pages[-1] and "Pembuat Naskah," in pages[-1]  # never alone


def test_a_cancelled_campaigns_narration_is_marked_on_every_page_in_wib(ws, actor, campaign, clock, tmp_path):
    save(ws, actor, campaign, "\n\n".join([SCRIPT_120] * 3))  # three times as long: over two pages
    clock.set(datetime(2026, 11, 26, 18, 30, tzinfo=timezone.utc))  # 01.30 WIB on the 27th
    ws.campaigns.cancel(actor.id, campaign, "Acara diundur oleh kecamatan")
    sheet = narration_docx.gather(ws, campaign)
    mark = "DIBATALKAN — kampanye dibatalkan 27 November 2026 pukul 01.30 WIB"
    assert sheet.marks == [mark]
    path = narration_docx.write(sheet, tmp_path / "batal.docx")
    document = docx.Document(str(path))
    header = document.sections[0].header.paragraphs
    assert [p.text for p in header] == [mark] and header[0].runs[0].bold
    note = "Kampanye ini dibatalkan pada 27 November 2026 pukul 01.30 WIB. Alasan: Acara diundur oleh kecamatan"
    assert note in [p.text for p in document.paragraphs]
    pages = pages_of(to_pdf(path, tmp_path))
    assert len(pages) >= 2
    assert all(mark in " ".join(page.split()) for page in pages)


def test_a_narration_not_yet_final_is_exported_as_a_draft(ws, actor, campaign, clock, tmp_path):
    save(ws, actor, campaign, "Draf pertama.", final=False)
    clock.advance(hours=2, minutes=15)  # 10.15 WIB
    number = save(ws, actor, campaign, "\n\n".join([SCRIPT_120] * 3), final=False)
    sheet = narration_docx.gather(ws, campaign)
    assert (sheet.version, sheet.final, sheet.signed_on) == (number, False, None)  # the latest version
    mark = f"DRAF — naskah versi {number} belum final, disimpan 26 November 2026 pukul 10.15 WIB"
    assert sheet.marks == [mark]
    path = narration_docx.write(sheet, tmp_path / "draf.docx")
    document = docx.Document(str(path))
    assert f"Kampanye Nomor {campaign} · Naskah versi {number} (draf, belum final)" in [
        p.text for p in document.paragraphs]
    assert document.tables[-1].rows[0].cells[1].text == "Tangerang, " + "." * 24  # dated when final
    pages = pages_of(to_pdf(path, tmp_path))
    assert len(pages) >= 2 and all(mark in " ".join(page.split()) for page in pages)

    narration.Service(ws).mark_final(actor.id, campaign, number)  # once final: no mark, dated
    final = narration_docx.build(narration_docx.gather(ws, campaign))
    assert not "".join(p.text for p in final.sections[0].header.paragraphs)
    assert final.tables[-1].rows[0].cells[1].text == "Tangerang, 26 November 2026"


def test_a_cancelled_draft_says_both(ws, actor, campaign, tmp_path):
    save(ws, actor, campaign, SCRIPT_120, final=False)
    ws.campaigns.cancel(actor.id, campaign, "Cuaca buruk")
    document = narration_docx.build(narration_docx.gather(ws, campaign))
    assert [p.text for p in document.sections[0].header.paragraphs] == [
        "DIBATALKAN — kampanye dibatalkan 26 November 2026 pukul 08.00 WIB",
        "DRAF — naskah versi 1 belum final, disimpan 26 November 2026 pukul 08.00 WIB"]


def test_times_are_wib_whatever_zone_the_machine_is_in(ws, actor, campaign, clock, tmp_path):
    save(ws, actor, campaign, SCRIPT_120, final=False)
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        sheet = narration_docx.gather(ws, campaign)
        pdf = to_pdf(narration_docx.write(sheet, tmp_path / "zona.docx"), tmp_path)
        flat = " ".join(pdf_text(pdf, layout=True).split())
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
    assert "disimpan 26 November 2026 pukul 08.00 WIB" in flat
    assert "5 titik, pukul 09.00–11.45 WIB" in flat and "1. 09.00 WIB Kel. Sukasari, Kec. Tangerang – Pasar Anyar, Jl. Ki Samaun" in flat
    times = re.findall(r"\b\d{2}\.\d{2}\b(?! WIB)(?!–)", flat.replace("NIP. ", ""))
    assert times == []  # every time of day printed says WIB


def stop(number: int, code: str, kelurahan: str, kecamatan: str, address: str = "", at: str | None = None):
    return LocationRecord(id=number, position=number - 1, kelurahan_code=code, kelurahan=kelurahan,
                          kecamatan_code=code[:8], kecamatan=kecamatan, address=address, planned_time=at,
                          confirmed=False)


def test_the_area_the_stops_share_is_said_once():
    same_kelurahan = (stop(1, "36.71.01.1007", "Sukasari", "Tangerang", "Pasar Anyar", "09:00"),
                      stop(2, "36.71.01.1007", "Sukasari", "Tangerang", "", "10:30"))
    assert narration_docx.route_summary(same_kelurahan) == "2 titik di Kel. Sukasari, Kec. Tangerang, pukul 09.00–10.30 WIB"
    assert narration_docx.location_lines(same_kelurahan) == [("1.", "09.00 WIB", "Pasar Anyar"),
                                                             ("2.", "10.30 WIB", "Kel. Sukasari, Kec. Tangerang")]
    same_kecamatan = (stop(1, "36.71.01.1007", "Sukasari", "Tangerang", "Pasar Anyar"),
                      stop(2, "36.71.01.1005", "Cikokol", "Tangerang", "", "10:30"))
    assert narration_docx.route_summary(same_kecamatan) == "2 titik di Kec. Tangerang, pukul 10.30 WIB"
    assert narration_docx.location_lines(same_kecamatan) == [("1.", "—", "Kel. Sukasari – Pasar Anyar"),
                                                             ("2.", "10.30 WIB", "Kel. Cikokol")]
    apart = (stop(1, "36.71.01.1007", "Sukasari", "Tangerang"), stop(2, "36.71.02.1002", "Jatake", "Jatiuwung"))
    assert narration_docx.route_summary(apart) == "2 titik"
    assert [place for _n, _t, place in narration_docx.location_lines(apart)] == [
        "Kel. Sukasari, Kec. Tangerang", "Kel. Jatake, Kec. Jatiuwung"]
    assert narration_docx.route_summary(()) == narration_docx.BLANK and narration_docx.location_lines(()) == []
