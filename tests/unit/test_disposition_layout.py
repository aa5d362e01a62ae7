"""The lembar disposisi in Word (issue 14): Tgl. Penyelesaian in its head, the sifat most urgent
first, and a long recipient unit kept clear of the column's rule; read back with python-docx and
from LibreOffice's PDF (pdftotext's word boxes)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from office import PDFTOTEXT, pdf_pages, pdf_text, to_pdf  # tests/office.py

from wawaran_desktop.documents import disposition_docx
from wawaran_desktop.documents.docx_base import TICKED, UNTICKED
from wawaran_desktop.reports import disposition_data
from wawaran_desktop.services.stages import disposition
from wawaran_desktop.services.stages.disposition import DispositionDraft

#: A unit written as one word (as some directories hold it) and one that is merely long.
ONE_WORD_UNIT = "UPT_Pengelolaan_Mobil_Wawaran_Keliling_Diskominfo_Kota_Tangerang"
LONG_UNIT = ("Kepala Seksi Pengelolaan Informasi Publik pada UPT Pengelolaan Mobil Wawaran Keliling Dinas "
             "Komunikasi dan Informatika")


@pytest.fixture
def campaign(ws, actor):
    """A disposition to two people of long units, due four days after it is given."""
    ahmad = ws.staff.add("Ahmad Fauzi, S.Sos.", None, LONG_UNIT, "tim")
    putri = ws.staff.add("Putri Ayu Wulandari, S.I.Kom.", None, ONE_WORD_UNIT, "tim")
    record = ws.campaigns.create(actor.id, "Wawaran DBD", "Satu rumah satu jumantik")
    disposition.Service(ws).save(actor.id, record.id, DispositionDraft(
        disposed_on=date(2026, 11, 26), due_on=date(2026, 11, 30), sifat="Segera", hal="Sosialisasi DBD",
        recipient_ids=(ahmad.id, putri.id), instructions=("Untuk dilaksanakan",), signer_id=actor.id))
    return record.id


def words(pdf: Path) -> list[tuple[str, float, float, float]]:
    """(word, left, top, right) of every word of ``pdf``'s first page, in millimetres."""
    html = subprocess.run([PDFTOTEXT, "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)
    mm = 25.4 / 72
    return [(text, float(x0) * mm, float(y0) * mm, float(x1) * mm) for x0, y0, x1, text in found]


def assert_recipients_clear_of_the_rule(pdf: Path) -> None:
    """Every word of the recipients' column ends at least 3 mm (the padding either side of the
    rule) before the instructions' column begins."""
    boxes = words(pdf)
    right_column = next(x0 for text, x0, _y, _x1 in boxes if text == "Dengan")
    top = next(y for text, _x0, y, _x1 in boxes if text == "Diteruskan")
    bottom = next(y for text, _x0, y, _x1 in boxes if text == "Catatan:")
    left = [(text, x1) for text, x0, y, x1 in boxes if top <= y < bottom and x0 < right_column - 1]
    assert left and all(x1 <= right_column - 3.0 for _text, x1 in left), left
    assert ONE_WORD_UNIT in "".join(text for text, _x1 in left)  # broken over lines, nothing cut off


def test_the_deadline_stands_in_the_head_and_the_sifat_most_urgent_first(ws, campaign, tmp_path):
    sheet = disposition_data.gather(ws, campaign)
    assert dict(sheet.head_right) == {"Diterima Tgl.": disposition_data.BLANK, "No. Agenda": "001/DIKP/2026",
                                      "Tgl. Penyelesaian": "30 November 2026"}
    path = disposition_docx.write(sheet, tmp_path / "disposisi.docx")
    table = docx.Document(str(path)).tables[-1]
    assert [p.text for p in table.cell(0, 1).paragraphs][-1] == "Tgl. Penyelesaian\t:\t30 November 2026"
    pdf = to_pdf(path, tmp_path)
    assert pdf_pages(pdf) == 1
    flat = " ".join(pdf_text(pdf, layout=True).split())
    assert "Tgl. Penyelesaian : 30 November 2026" in flat
    assert f"Sifat : {UNTICKED} Sangat Segera {TICKED} Segera {UNTICKED} Rahasia {UNTICKED} Biasa" in flat


def test_a_long_recipient_unit_keeps_clear_of_the_column_rule(ws, campaign, tmp_path):
    path = disposition_docx.write_disposition_docx(ws, campaign, tmp_path / "panjang.docx")
    margins = docx.Document(str(path)).tables[-1]._tbl.tblPr.find(qn("w:tblCellMar"))
    padding = {edge.tag.split("}")[1]: int(edge.get(qn("w:w"))) for edge in margins}
    assert padding["left"] == padding["right"] == round(disposition_docx.PAD_X_MM * 56.7) >= 113  # 2 mm
    pdf = to_pdf(path, tmp_path)
    assert pdf_pages(pdf) == 1
    assert_recipients_clear_of_the_rule(pdf)


def test_no_deadline_is_a_line_to_fill_by_hand(ws, campaign, actor, tmp_path):
    service = disposition.Service(ws)
    service.save(actor.id, campaign, service.get(campaign).draft()._replace(due_on=None))
    flat = " ".join(pdf_text(to_pdf(disposition_docx.write_disposition_docx(ws, campaign, tmp_path / "d.docx"),
                                    tmp_path), layout=True).split())
    assert f"Tgl. Penyelesaian : {disposition_data.BLANK}" in flat
