"""The finished report's structure and print (issue 14): real headings, numbered pages, a section D
that adds to sections A–C instead of repeating them, and an Excel workbook whose route notes stay
on the page on A4 and F4, with numbers as numbers. Read back from the files and from LibreOffice's
PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from html import unescape
from typing import NamedTuple

import pytest
from docx import Document
from office import MISSING, pdf_text, to_pdf
from openpyxl import load_workbook
from report_campaign import PAUSE_REASON, STOP_NOTE, TITLE, run_timed_campaign

from wawaran_desktop.db.stage_models import Report, RouteStop
from wawaran_desktop.documents.report import write_report
from wawaran_desktop.services.stages.report import Service as ReportService

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SECTIONS = ["A. Pelaksanaan Tahapan SOP", "B. Rute dan Lokasi Wawaran", "C. Kendala dan Catatan",
            "D. Uraian Laporan", "E. Evaluasi"]
SIGNED_ON = "Tangerang, 26 November 2026"  # the signature block's place and date
#: A note far longer than its column: every word of it must be printed.
LONG_NOTE = ("Warga antusias bertanya jadwal fogging dan pembagian abate; ketua RW meminta wawaran diulang hari "
             "Minggu pagi karena banyak warga bekerja; pengeras suara sempat putus dua kali sehingga pengumuman "
             "dibacakan ulang di depan mushola Al-Ikhlas dekat pos ronda RW 05 sebelum mobil berangkat lagi.")


@pytest.fixture
def cid(ws, clock, actor):
    """The timed campaign, finished; the Tim kept the stage-8 draft as the report's text."""
    cid = run_timed_campaign(ws, clock, actor.id)
    Report.update(body=ReportService(ws).draft(cid)).where(Report.campaign == cid).execute()
    return cid


def test_title_and_sections_are_headings_and_every_page_is_numbered(ws, cid, tmp_path):
    path = write_report(ws, cid, tmp_path / "laporan.docx")
    document = Document(str(path))
    styles = {p.text: p.style.name for p in document.paragraphs if p.style.name != "Normal"}
    assert styles == {"LAPORAN HASIL KEGIATAN WAWARAN KELILING": "Title", **dict.fromkeys(SECTIONS, "Heading 1"),
                      "Tindak lanjut untuk wawaran berikutnya": "Heading 2"}  # (no evaluation notes: no heading)
    footer = document.sections[0].footer._element
    assert [f.get(f"{W}instr").strip() for f in footer.iter(f"{W}fldSimple")] == ["PAGE", "NUMPAGES"]

    pages = pdf_text(to_pdf(path, tmp_path)).split("\f")[:-1]
    assert len(pages) >= 2
    assert [re.findall(r"Halaman (\d+) dari (\d+)", page) for page in pages] == [
        [(str(n), str(len(pages)))] for n in range(1, len(pages) + 1)]


def test_section_d_adds_to_a_to_c_and_repeats_none_of_them(ws, cid, tmp_path):
    path = write_report(ws, cid, tmp_path / "laporan.docx")
    texts = [p.text for p in Document(str(path)).paragraphs]
    section_d = texts[texts.index("D. Uraian Laporan") + 1:texts.index("E. Evaluasi")]
    assert section_d == [
        "Pada Kamis, 26 November 2026, mobil wawaran keliling menyampaikan informasi bertema \u201cGerakan 3M Plus "
        "cegah DBD\u201d secara langsung kepada warga di Kelurahan Sukasari dan Sukarasa, Kecamatan Tangerang.",
        "Materi wawaran disusun dari topik Jatuh tempo PBB-P2 (sumber: hasil media monitoring Bagian Prokomp).",
        "Demikian laporan ini disusun sebagai pertanggungjawaban pelaksanaan wawaran keliling dan bahan evaluasi "
        "Kepala Bidang."]
    for repeated in ("LAPORAN", TITLE.upper(), SIGNED_ON, "Pasar Anyar", "Sukaasih",  # title, date, route
                     STOP_NOTE, PAUSE_REASON, "melebihi", "Catatan tahap"):  # problems and step notes
        assert not [line for line in section_d if repeated in line], repeated

    pdf = pdf_text(to_pdf(path, tmp_path))
    flat = " ".join(pdf.split())
    assert flat.count(SIGNED_ON) == 1  # only the signature block's
    assert flat.count("LAPORAN") == 1 and flat.count(STOP_NOTE) == 1 and flat.count(PAUSE_REASON) == 1
    assert "secara langsung kepada warga di Kelurahan Sukasari dan Sukarasa, Kecamatan Tangerang." in flat


def _page_size_pt(pdf) -> tuple[float, float]:
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo, MISSING
    out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True, timeout=60).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out).groups()
    return float(width), float(height)


class Word(NamedTuple):
    text: str
    x_min: float
    x_max: float
    y_min: float


def _words(pdf, page: int) -> tuple[float, list[Word]]:
    """The page's width and its words with their boxes (points), as poppler places them."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, MISSING
    html = subprocess.run([pdftotext, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True, timeout=60).stdout
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)
    return width, [Word(unescape(t), float(x0), float(x1), float(y0)) for x0, y0, x1, t in found]


@pytest.mark.parametrize(("paper", "size_mm"), [("A4", (210, 297)), ("F4", (215.9, 330.2))])
def test_excel_route_notes_wrap_inside_the_page_on_the_offices_paper(ws, cid, actor, tmp_path, paper, size_mm):
    profile = ws.profile.load()
    ws.profile.save(actor.id, profile._replace(paper=paper))
    RouteStop.update(notes=LONG_NOTE).where(RouteStop.notes == STOP_NOTE).execute()
    path = write_report(ws, cid, tmp_path / "laporan.xlsx")
    book = load_workbook(path)
    route = book["Rute"]
    note = next(c for c in route["L"] if c.value == LONG_NOTE)
    assert note.alignment.wrap_text and route.row_dimensions[note.row].height >= 3 * 13.5  # its lines, not one
    assert all(c.alignment.wrap_text for c in route["D"][1:])  # addresses too
    for sheet in book.worksheets:
        assert sheet.page_setup.paperSize == {"A4": 9, "F4": 14}[paper]
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.oddFooter.center.text == "Halaman &P dari &N"

    pdf = to_pdf(path, tmp_path)
    width, height = sorted(_page_size_pt(pdf))
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == tuple(round(x) for x in size_mm)
    pages = pdf_text(pdf).split("\f")[:-1]
    route_page = " ".join(pages[-1].split())
    assert LONG_NOTE in route_page and f"Halaman {len(pages)} dari {len(pages)}" in route_page
    # the note stays in its column, on several lines, and the table still fills the page's width (a
    # note running past its column makes LibreOffice shrink the whole sheet to half the page)
    page_width, words = _words(pdf, len(pages))
    [header] = [w for w in words if w.text == "Catatan"]
    note = words[[w.text for w in words].index("Warga", words.index(header)):][:len(LONG_NOTE.split())]
    assert " ".join(w.text for w in note) == LONG_NOTE
    [left] = [w.x_max for w in words if w.text == "(perkiraan)"]  # the column before, as the header row ends
    right = 2 * (header.x_min + header.x_max) / 2 - left  # the header is centred in its column
    assert header.x_max > 0.8 * page_width and right <= page_width
    assert all(left < w.x_min and w.x_max < right for w in note), (left, right, note)
    assert len({round(w.y_min) for w in note}) >= 3


def test_excel_numbers_are_numbers(ws, cid, tmp_path):
    sheet = load_workbook(write_report(ws, cid, tmp_path / "laporan.xlsx"))["Laporan"]
    rows = {r[0].value: r for r in sheet.iter_rows() if isinstance(r[0].value, str)}
    for label, score in (("Skor ketepatan waktu (1–5)", 4), ("Skor jangkauan (1–5)", 4)):
        cell = rows[label][2]
        assert cell.value == score and cell.number_format == "0" and rows[label][3].value == "Baik"
    steps = [r for r in sheet.iter_rows() if isinstance(r[0].value, int)]
    assert [r[0].value for r in steps[:9]] == list(range(1, 10))
    assert all(isinstance(r[6].value, int) for r in steps[:9])  # standard minutes
    assert all(isinstance(r[3].value, datetime) for r in steps[:9])  # start, a date-time
    stops = [r for r in steps[9:] if r[5].value is not None]
    assert [(r[5].value, r[6].value) for r in stops] == [(120, 300), (80, 150), (0, 0)]



def test_the_route_sheet_is_an_excel_table_over_its_rows(ws, cid, tmp_path):
    """Issue 14: every row-per-record sheet is an Excel table (a pivot grows with it)."""
    import zipfile

    path = write_report(ws, cid, tmp_path / "laporan.xlsx")
    sheet = load_workbook(path)["Rute"]
    [(name, ref)] = list(sheet.tables.items())
    stops = sum(1 for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] is not None)
    assert name == "tblRute" and ref == f"A1:L{1 + stops}" and stops >= 1
    with zipfile.ZipFile(path) as package:
        assert any(n.startswith("xl/tables/") for n in package.namelist())


def test_a_short_numbered_list_is_kept_on_one_page(ws, cid, tmp_path):
    """The evaluation's follow-up points are read together: every item but the last keeps with
    the next one (Word and LibreOffice move a short list to the next page whole)."""
    from wawaran_desktop.documents.report_docx import KEEP_LIST

    paras = Document(str(write_report(ws, cid, tmp_path / "laporan.docx"))).paragraphs
    numbered = [bool(re.match(r"\d+\.\t", p.text)) for p in paras]
    lists, current = [], []
    for para, is_item in zip(paras, numbered):
        if is_item:
            current.append(para)
        elif current:
            lists.append(current)
            current = []
    lists += [current] if current else []
    assert lists and any(len(items) > 1 for items in lists), "no numbered list of several items in the report"
    for items in lists:
        if len(items) <= KEEP_LIST:
            assert [p.paragraph_format.keep_with_next for p in items] == [True] * (len(items) - 1) + [False]
