"""The office's own kop surat (services/office_files.py, documents/office_header.py): a Word
file whose header is the kop, and an image of it, chosen in the office profile, checked with a
clear message, copied into the data folder, and used on the first page of every Word document
(read back from the file and from LibreOffice's PDF)."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from office import pdf_text, to_pdf  # tests/office.py
from images import png_bytes, write_png
from office_kop import KOP_LINES, office_template

from wawaran_desktop.documents.docx_base import new_document, page_mark, page_numbers, paragraph, save
from wawaran_desktop.documents.letterhead import add_letterhead
from wawaran_desktop.documents.page import paper
from wawaran_desktop.services import office_files
from wawaran_desktop.services.errors import ValidationError

CREATED = datetime(2026, 12, 7, tzinfo=UTC)
def two_pages(tmp_path, profile, name="surat"):
    document = new_document(paper("A4"), created=CREATED)
    page_mark(document, "DRAF — belum final")  # before the kop: the first page keeps it too
    add_letterhead(document, profile)
    for _ in range(70):
        paragraph(document, "Kalimat isi naskah dinas yang cukup panjang untuk mengisi halaman pertama.")
    page_numbers(document)
    return save(document, tmp_path / f"{name}.docx")


@pytest.mark.parametrize("first_page_only", [False, True])
def test_the_office_kop_is_the_first_pages_header_with_its_picture(ws, actor, tmp_path, first_page_only):
    template = office_template(tmp_path / "kop kantor.docx", tmp_path, first_page_only=first_page_only)
    profile = ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_docx=template))
    assert profile.letterhead_docx.parent == ws.data_dir / "office" and profile.letterhead_docx.name.startswith("kop-")
    path = two_pages(tmp_path, profile)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_header
    texts = [p.text for p in first.paragraphs if p.text]
    assert texts == ["DRAF — belum final", *KOP_LINES]  # the mark above the office's kop
    assert first._element.findall(".//" + qn("w:drawing")), "the kop's picture was not copied"
    with zipfile.ZipFile(path) as package:
        rels = [n for n in package.namelist() if n.startswith("word/_rels/header")]
        assert any(b"image" in package.read(n) for n in rels)
    pages = [p for p in pdf_text(to_pdf(path, tmp_path)).split("\f") if p.strip()]
    assert len(pages) >= 2
    assert all(line in " ".join(pages[0].split()) for line in KOP_LINES)  # the kop on page 1 ...
    assert KOP_LINES[1] not in pages[1]  # ... only
    for number, text in enumerate(pages, start=1):
        assert "DRAF — belum final" in text and f"Halaman {number} dari {len(pages)}" in text


def test_an_image_of_the_kop_spans_the_text_when_there_is_no_word_kop(ws, actor, tmp_path):
    image = tmp_path / "kop.png"
    image.write_bytes(png_bytes(width=1600, height=300))
    profile = ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_image=image))
    document = docx.Document(str(two_pages(tmp_path, profile, "gambar")))
    [picture] = document.sections[0].first_page_header._element.findall(".//" + qn("wp:extent"))
    assert int(picture.get("cx")) == pytest.approx(Mm(165), rel=0.01)  # A4's text width
    assert not document.tables  # no built-in kop in the body


def test_without_an_office_kop_the_built_in_one_is_in_the_body(ws, tmp_path):
    document = docx.Document(str(two_pages(tmp_path, ws.profile.load(), "bawaan")))
    assert not document.sections[0].different_first_page_header_footer
    assert document.paragraphs[0].text == "PEMERINTAH KOTA TANGERANG"


@pytest.mark.parametrize("make, words", [
    (lambda p, t: p.write_bytes(b"bukan zip"), "bukan dokumen Word"),
    (lambda p, t: p.write_bytes(b"PK\x03\x04 rusak"), "bukan dokumen Word"),
    (lambda p, t: office_template(p, t, empty=True), "tidak mempunyai kop di header"),
    (lambda p, t: p.write_bytes(b"x" * (office_files.KOP_DOCX_MAX_BYTES + 1)), "terlalu besar"),
])
def test_an_unusable_word_kop_is_refused_with_what_to_do(ws, actor, tmp_path, make, words):
    path = tmp_path / "kop.docx"
    make(path, tmp_path)
    before = ws.profile.read()
    with pytest.raises(ValidationError) as refused:
        ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_docx=path))
    assert words in str(refused.value) and refused.value.field == "letterhead_docx"
    assert ws.profile.read() == before  # nothing stored


@pytest.mark.parametrize("width, height, words", [(300, 80, "paling sedikit 600"), (800, 600, "kali tingginya")])
def test_an_image_that_is_not_a_page_wide_kop_is_refused(ws, actor, tmp_path, width, height, words):
    image = tmp_path / "kop.png"
    image.write_bytes(png_bytes(width=width, height=height))
    with pytest.raises(ValidationError, match=words) as refused:
        ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_image=image))
    assert refused.value.field == "letterhead_image"


def test_choosing_another_kop_or_none_tidies_the_data_folder(ws, actor, tmp_path):
    first = ws.profile.save(actor.id, ws.profile.load()._replace(
        letterhead_docx=office_template(tmp_path / "a.docx", tmp_path)))
    second = ws.profile.save(actor.id, ws.profile.load()._replace(
        letterhead_docx=office_template(tmp_path / "b.docx", tmp_path, first_page_only=True)))
    assert not first.letterhead_docx.exists() and second.letterhead_docx.is_file()
    cleared = ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_docx=None))
    assert cleared.letterhead_docx is None and not list((ws.data_dir / "office").glob("kop-*"))


# -- what a second reader fed the check (each passed it before and broke an export, or worse) --------
def _rewritten(source, target, change):
    """``source`` (.docx) written again as ``target`` with ``change(files)`` applied to its parts."""
    import re

    with zipfile.ZipFile(source) as package:
        files = {name: package.read(name) for name in package.namelist()}
    header = next(name for name in files if re.match(r"word/header\d*\.xml$", name))
    change(files, header)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, blob in files.items():
            package.writestr(name, blob)
    return target


def _emf_picture(files, header):
    picture = next(name for name in files if name.startswith("word/media/"))
    files[picture] = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + b"\x00" * 200  # not a PNG/JPEG any more


def _smartart(files, header):
    files[header] = files[header].replace(
        b"</w:hdr>", b'<w:p xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"><w:r><w:t>x'
                     b'</w:t></w:r><dgm:relIds r:dm="rId1" r:lo="rId7" r:qs="rId8" r:cs="rId9"/></w:p></w:hdr>')


def _unpacks_huge(files, header):
    picture = next(name for name in files if name.startswith("word/media/"))
    files[picture] += b"\x00" * (office_files.KOP_DOCX_MAX_UNPACKED + 1)


@pytest.mark.parametrize("change, words", [(_emf_picture, "SVG, EMF atau WMF"), (_smartart, "SmartArt"),
                                           (_unpacks_huge, "terlalu besar setelah dibuka")])
def test_a_kop_an_export_could_not_copy_is_refused_when_chosen(ws, actor, tmp_path, change, words):
    path = _rewritten(office_template(tmp_path / "kop.docx", tmp_path), tmp_path / "kop-ubah.docx", change)
    with pytest.raises(ValidationError, match=words) as refused:
        ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_docx=path))
    assert refused.value.field == "letterhead_docx" and ws.profile.load().letterhead_docx is None


def test_a_stored_file_of_another_kind_is_checked_as_the_kind_it_is_chosen_for(ws, actor, tmp_path):
    """The stored logo chosen again as the kop image is checked (a square logo is no page-wide
    kop), never taken as the kop's current copy (removing the logo would then delete it)."""
    logo = ws.profile.save(actor.id, ws.profile.load()._replace(
        logo=write_png(tmp_path / "logo.png", width=200, height=200))).logo
    with pytest.raises(ValidationError, match="kali tingginya"):
        ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_image=logo))
