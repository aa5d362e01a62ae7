"""An office's own kop surat as its staff make it in Word, for the tests of the office letterhead
(services/office_files.py, documents/office_header.py)."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from docx.shared import Mm
from images import write_png

KOP_LINES = ("PEMERINTAH KOTA TANGERANG", "DINAS KOMUNIKASI DAN INFORMATIKA",
             "Jl. Satria Sudirman No. 1 Gedung Pusat Pemerintahan Lt. 4, Tangerang 15111")


def office_template(path, tmp_path, *, first_page_only: bool = False, empty: bool = False):
    """An office's kop as its staff make it in Word: a logo and lines in the page header, ruled."""
    document = docx.Document()
    section = document.sections[0]
    if first_page_only:
        section.different_first_page_header_footer = True
    header = section.first_page_header if first_page_only else section.header
    if not empty:
        logo = header.paragraphs[0]
        logo.add_run().add_picture(str(write_png(tmp_path / "lambang.png", width=120, height=140)), height=Mm(20))
        for text in KOP_LINES:
            header.add_paragraph(text)
        rule = header.add_paragraph()
        borders = rule._p.get_or_add_pPr().makeelement(qn("w:pBdr"), {})
        bottom = borders.makeelement(qn("w:bottom"), {qn("w:val"): "thickThinSmallGap", qn("w:sz"): "24"})
        borders.append(bottom)
        rule._p.get_or_add_pPr().append(borders)
    document.add_paragraph("Isi surat contoh.")
    document.save(str(path))
    return path
