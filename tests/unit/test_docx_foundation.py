"""What every Word document of the office shares (documents/docx_base.py): Indonesian defaults
in the file itself, real heading styles, no template leftovers, page numbers and a mark on
every page — read back from the file, and from the PDF LibreOffice makes of it."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime

import docx
from docx.oxml.ns import qn
from office import pdf_text, to_pdf  # tests/office.py

from wawaran_desktop import __version__
from wawaran_desktop.documents.docx_base import heading, new_document, page_mark, page_numbers, paragraph, save
from wawaran_desktop.documents.page import paper

CREATED = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)


def three_pages(tmp_path):
    document = new_document(paper("A4"), title="Uji", created=CREATED)
    heading(document, "LAPORAN UJI", 0, align="center")
    for section in ("A. Umum", "B. Pelaksanaan", "C. Penutup"):
        heading(document, section, 1)
        for _ in range(18):
            paragraph(document, "Kalimat panjang yang mengisi halaman laporan dinas agar berpindah halaman. " * 3)
    page_numbers(document)
    page_mark(document, "DRAF — belum final")
    return save(document, tmp_path / "uji.docx")


def test_the_files_own_defaults_are_indonesian_times_new_roman_without_spacing(tmp_path):
    path = three_pages(tmp_path)
    styles = docx.Document(str(path)).styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:lang")).get(qn("w:val")) == "id-ID"
    assert rpr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    spacing = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    assert spacing.get(qn("w:after")) == "0"


def test_headings_are_real_heading_styles_in_black_times(tmp_path):
    document = docx.Document(str(three_pages(tmp_path)))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name != "Normal"]
    assert styled[:2] == [("Title", "LAPORAN UJI"), ("Heading 1", "A. Umum")]
    style = document.styles["Heading 1"]
    assert style.font.color.rgb is None and style.font.bold
    assert style.element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"


def test_no_template_leftovers(tmp_path):
    path = three_pages(tmp_path)
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        rels = package.read("_rels/.rels").decode()
    assert not any("thumbnail" in name for name in names) and "thumbnail" not in rels
    assert "<Application>Wawaran Desktop</Application>" in app and "Macintosh" not in app
    assert f"<AppVersion>{int(__version__.split('.')[0]):02d}." in app


def test_every_page_is_numbered_and_marked_in_the_pdf(tmp_path):
    pages = pdf_text(to_pdf(three_pages(tmp_path), tmp_path)).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in text
        assert "DRAF — belum final" in text
