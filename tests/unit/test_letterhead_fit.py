"""The kop surat with a logo keeps each of its lines on one line (documents/letterhead.py), on
A4, F4 and half a folio sheet, with the longest realistic names of an Indonesian office —
checked in the PDF LibreOffice makes of the Word file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from office import pdf_text, to_pdf  # tests/office.py
from test_office_profile import write_png

from wawaran_desktop.documents.docx_base import new_document, save
from wawaran_desktop.documents.letterhead import SMALLEST_PT, add_letterhead, fitted_lines, text_column_mm
from wawaran_desktop.documents.page import paper
from wawaran_desktop.documents.text_width import width_mm

LONGEST = {
    "government": "PEMERINTAH KABUPATEN KEPULAUAN TANIMBAR",
    "office": "DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN",
    "address": "Jl. Satria Sudirman No. 1, Gedung Pusat Pemerintahan Lt. 4, Sukaasih, Kota Tangerang 15111",
    "phone": "(021) 55764955",
    "email": "diskominfo@tangerangkota.go.id",
    "website": "diskominfo.tangerangkota.go.id",
}
SCALES = {"A4": 1.0, "F4": 1.0, "half_folio": 0.62}  # documents/disposition_docx.py's KOP_SCALE


@pytest.fixture
def longest(ws, tmp_path):
    return ws.profile.load()._replace(logo=write_png(tmp_path / "logo.png", width=200, height=240), **LONGEST)


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("key", ["A4", "F4", "half_folio"])
def test_each_kop_line_stays_on_one_line_next_to_a_logo(tmp_path, longest, key):
    sheet = paper(key)
    document = new_document(sheet, created=datetime(2026, 12, 7, tzinfo=UTC))
    add_letterhead(document, longest, scale=SCALES[key])
    lines = pdf_text(to_pdf(save(document, tmp_path / f"kop-{key}.docx"), tmp_path), layout=True).splitlines()
    shown = [one_line(line) for line in lines if line.strip()]
    for text, _size, _bold in fitted_lines(longest, text_column_mm(sheet.text_width_mm, True, SCALES[key]),
                                           SCALES[key]):
        assert one_line(text) in shown, f"{text!r} wrapped on {key}: {shown}"


def test_a_line_is_shrunk_only_as_much_as_it_must_and_never_below_the_floor(longest):
    column = text_column_mm(paper("A4").text_width_mm, True)
    fitted = {text: size for text, size, _bold in fitted_lines(longest, column)}
    assert fitted[LONGEST["office"]] < 16 and width_mm(LONGEST["office"], fitted[LONGEST["office"]], True) <= column
    assert fitted[LONGEST["government"]] <= fitted[LONGEST["office"]]  # the office's name is never the smaller
    short = longest._replace(government="PEMERINTAH KOTA TANGERANG", office="DINAS KOMINFO",
                             address="Jl. Satria No. 1", phone="", email="", website="")
    assert [size for _t, size, _b in fitted_lines(short, column)][:3] == [14, 16, 11]  # room enough: as designed
    huge = longest._replace(office="DINAS " * 40)
    assert min(size for _t, size, _b in fitted_lines(huge, column)) >= SMALLEST_PT


def test_widths_follow_times_new_roman():
    assert width_mm("W", 1000 * 72 / 25.4, bold=True) == pytest.approx(1000, rel=0.01)  # 1 em wide in bold
    assert width_mm("ab", 12) > width_mm("a", 12) > 0
    assert width_mm("ꙮ", 12) >= width_mm("M", 12)  # unknown: the widest
