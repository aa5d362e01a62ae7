"""The evaluators' workbook on paper (issue 14): on the office profile's A4 or F4, each wide data
sheet prints landscape at a legible fixed scale, its columns in groups on pages of their own with
the ID/title columns and the header row repeated on every page, "Halaman n dari m" in the footer.

Checked in the file (page setup, column breaks, print titles) and in what LibreOffice prints
(page sizes, every page's header, every row once per group, page numbers)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from office import pdf_text, to_pdf
from openpyxl import load_workbook
from report_campaign import run_timed_campaign

from wawaran_desktop import demo
from wawaran_desktop.documents import workbook, xlsx_style
from wawaran_desktop.documents.workbook import write_workbook

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
PLANS = {"Kampanye": (workbook.CAMPAIGN_COLUMNS, workbook.CAMPAIGN_PRINT),
         "Tahap": (workbook.STEP_COLUMNS, workbook.STEP_PRINT),
         "Lokasi": (workbook.STOP_COLUMNS, workbook.STOP_PRINT)}
MM = 72 / 25.4  # PDF points per millimetre
FOOTER = re.compile(r"^\s*(Ringkasan|Kampanye|Tahap|Lokasi)\s+Halaman (\d+) dari (\d+)(\s|$)")
DATA = re.compile(r"^\s*(\d+)\s+\S")


@pytest.fixture
def office(ws, clock, actor):
    demo.generate(ws, 30, seed=5)
    run_timed_campaign(ws, clock, actor.id)
    return ws


def with_paper(ws, actor, paper: str) -> None:
    ws.profile.save(actor.id, ws.profile.load()._replace(paper=paper))


def sheet_xml(path, index: int) -> ElementTree.Element:
    with zipfile.ZipFile(path) as z:
        return ElementTree.fromstring(z.read(f"xl/worksheets/sheet{index}.xml"))


def page_sizes(pdf) -> list[tuple[float, float]]:
    """(width, height) in points of every page (pdfinfo, from poppler as pdftotext)."""
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo, "poppler-utils (pdfinfo) is needed"
    out = subprocess.run([pdfinfo, "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def printed_pages(pdf) -> list[tuple[str, int, int, list[str], list[str]]]:
    """(sheet, page number, of pages, header lines, data lines) of every printed page."""
    result = []
    for text in pdf_text(pdf, layout=True).split("\f")[:-1]:
        lines = [line for line in text.splitlines() if line.strip()]
        [footer] = [m for m in map(FOOTER.match, lines) if m]
        body = [line for line in lines if not FOOTER.match(line)]
        first = next((i for i, line in enumerate(body) if DATA.match(line)), len(body))
        result.append((footer[1], int(footer[2]), int(footer[3]), body[:first], body[first:]))
    return result


def words(texts) -> set[str]:
    return {w for text in texts for w in text.split()}


def check_printed(path, tmp_path, paper_mm: tuple[float, float]) -> dict[str, list]:
    """What every paper must show: page numbers, paper size, each group whole on its pages with
    the repeated columns and header, every row once per group. Returns the pages by sheet."""
    pdf = to_pdf(path, tmp_path)
    pages = printed_pages(pdf)
    sizes = page_sizes(pdf)
    assert len(sizes) == len(pages) > 4
    assert [(p[1], p[2]) for p in pages] == [(n, len(pages)) for n in range(1, len(pages) + 1)]  # Halaman n dari m
    short, long = (side * MM for side in paper_mm)
    for (sheet, *_), (width, height) in zip(pages, sizes):
        expected = (short, long) if sheet == "Ringkasan" else (long, short)  # the summary portrait, data landscape
        assert (width, height) == pytest.approx(expected, abs=1.5), sheet
    assert [p[0] for p in pages].count("Ringkasan") == 1
    book = load_workbook(path)
    by_sheet: dict[str, list] = {}
    for sheet, (columns, plan) in PLANS.items():
        mine = [p for p in pages if p[0] == sheet]
        groups = plan.groups(columns)
        assert len(mine) % len(groups) == 0 and len(mine) >= len(groups)
        own_first = [group[plan.repeat].header.split()[0] for group in groups]
        rows = [r[0] for r in book[sheet].iter_rows(min_row=2, values_only=True)]
        for index, group in enumerate(groups):
            on_pages = mine[index::len(groups)]  # left to right, then down: a row's groups side by side
            for _, number, _, header, _ in on_pages:
                seen = words(header)
                assert words(c.header for c in group) <= seen, (sheet, number, index)  # repeated columns too
                assert not {w for i, w in enumerate(own_first) if i != index} & seen, (sheet, number)
            printed = [int(DATA.match(line)[1]) for page in on_pages for line in page[4] if DATA.match(line)]
            assert printed == rows, (sheet, index)  # every row, once, in order, on this group's pages
        by_sheet[sheet] = mine
    return by_sheet


def test_a4_in_the_file(office, tmp_path):
    path = write_workbook(office, tmp_path / "evaluasi.xlsx")
    book = load_workbook(path)
    for index, (name, (columns, plan)) in enumerate(PLANS.items(), 2):
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        xml = sheet_xml(path, index)
        setup = xml.find("m:pageSetup", NS)
        assert (setup.get("orientation"), setup.get("paperSize"), setup.get("pageOrder")) == (
            "landscape", "9", "overThenDown")
        assert int(setup.get("scale")) == plan.scale(columns, "A4") >= xlsx_style.MIN_PRINT_SCALE
        assert xml.find("m:sheetPr/m:pageSetUpPr", NS).get("fitToPage") == "0"  # a fixed scale keeps the breaks
        breaks = [int(b.get("id")) for b in xml.find("m:colBreaks", NS)]
        assert [header[i] for i in breaks] == list(plan.breaks)  # a break falls left of its column
        last = chr(ord("A") + plan.repeat - 1)
        assert sheet.print_title_rows == "$1:$1" and sheet.print_title_cols == f"$A:${last}"
        assert xml.find("m:headerFooter/m:oddFooter", NS).text.startswith("&L&A&CHalaman &P dari &N")
    summary = sheet_xml(path, 1).find("m:pageSetup", NS)
    assert (summary.get("orientation"), summary.get("paperSize"), summary.get("fitToHeight")) == ("portrait", "9", "1")


def test_every_group_fits_a4_and_f4_at_a_legible_scale():
    for columns, plan in PLANS.values():
        a4, f4 = plan.scale(columns, "A4"), plan.scale(columns, "F4")
        assert xlsx_style.MIN_PRINT_SCALE <= a4 < f4 <= 100  # F4 is 33 mm longer: larger print
        for group in plan.groups(columns):
            assert group[:plan.repeat] == list(columns[:plan.repeat])
        assert [c for g in plan.groups(columns) for c in g[plan.repeat:]] == list(columns[plan.repeat:])


def test_a4_as_libreoffice_prints_it(office, tmp_path):
    path = write_workbook(office, tmp_path / "evaluasi.xlsx")
    pages = check_printed(path, tmp_path, (210, 297))
    assert len(pages["Kampanye"]) % 3 == 0  # three pages across, as many down as the wrapped rows need
    second = pages["Kampanye"][1][3]
    assert {"ID", "Judul", "kampanye", "Mulai", "Kecamatan"} <= words(second) and "Tema" not in words(second)


def test_f4_is_folio_paper(office, actor, tmp_path):
    with_paper(office, actor, "F4")
    path = write_workbook(office, tmp_path / "evaluasi-f4.xlsx")
    book = load_workbook(path)
    for name, (columns, plan) in PLANS.items():
        assert book[name].page_setup.paperSize == 14  # Folio, 8½ × 13 in = 215.9 × 330.2 mm
        assert book[name].page_setup.scale == plan.scale(columns, "F4")
    assert book["Ringkasan"].page_setup.paperSize == 14
    check_printed(path, tmp_path, (215.9, 330.2))
