"""The narration as a Word document: read back with python-docx, and through LibreOffice."""

from __future__ import annotations

import errno
from datetime import timezone
from pathlib import Path

import docx
import pytest
from crew import member, step_actor  # tests/crew.py
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from office import pdf_text, to_pdf  # tests/office.py
from stage_content import fill_stage  # tests/stage_content.py
from test_office_profile import write_png

from wawaran_desktop.documents import narration_docx
from wawaran_desktop.infra.atomic import ExportError, write_atomically
from wawaran_desktop.services.errors import NotFound, RuleError
from wawaran_desktop.services.stages import narration

NARRATION = ("Selamat pagi, warga Kota Tangerang yang kami hormati.\n\n"
             "Pembayaran PBB-P2 tahun 2026 jatuh tempo pada 30 November 2026. Bayarlah tepat waktu\n"
             "di bank, kantor pos, atau aplikasi Tangerang LIVE.\n\n"
             "Demikian pengumuman dari Pemerintah Kota Tangerang. Terima kasih.")
#: The narration's author: the module's actor, of the Tim (step 4's lane), as tests/crew.py adds her.
AUTHOR, AUTHOR_POSITION, AUTHOR_NIP = "Dewi Lestari", "Pranata Humas", "NIP. 19900214 201503 2 001"


@pytest.fixture
def actor(ws):
    """The narration is step 4's, the Tim's (services/lanes.py); a Tim member may also create the
    campaign."""
    return member(ws, "tim")


@pytest.fixture
def campaign(ws, actor):
    """A campaign through stage 4 (route of one stop, theme, final narration version 2); stages
    1 to 3 by their lanes' people (the theme decided by the Kepala Bidang added here)."""
    ws.staff.add("Rina Marlina, S.Sos., M.Si.", "19780315 200501 2 007", "Kepala Bidang DIKP", "kabid")
    record = ws.campaigns.create(actor.id, "Wawaran PBB-P2 di Kecamatan Tangerang")
    for no in (1, 2, 3):
        fill_stage(ws, step_actor(ws, record.id, no), record.id, no)
    service = narration.Service(ws)
    service.save(actor.id, record.id, "Draf pertama.")
    final = service.save(actor.id, record.id, NARRATION)
    service.mark_final(actor.id, record.id, final.version.number)
    return record.id


def mm(*lengths) -> tuple[float, ...]:
    """Lengths in millimetres, as Word stores them (whole twentieths of a point)."""
    return tuple(round(length.mm, 1) for length in lengths)


def cell_text(table, row: int, col: int) -> str:
    return table.cell(row, col).text


def test_without_any_saved_version_there_is_no_document(ws, actor):
    record = ws.campaigns.create(actor.id, "Belum ada narasi")
    with pytest.raises(RuleError, match="belum punya narasi final: belum ada naskah yang disimpan"):
        narration_docx.gather(ws, record.id)
    with pytest.raises(NotFound):
        narration_docx.gather(ws, 4040)


def test_document_content_and_formatting(ws, actor, campaign, tmp_path):
    path = narration_docx.write_narration(ws, campaign, tmp_path / "narasi.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert mm(section.page_width, section.page_height) == (210, 297)
    assert mm(section.top_margin, section.left_margin, section.right_margin, section.bottom_margin) == (
        20, 25, 20, 20)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(12)

    paragraphs = document.paragraphs
    kop = [p for p in paragraphs[:3] if p.text]
    assert [p.text for p in kop] == ["PEMERINTAH KOTA TANGERANG", "DINAS KOMUNIKASI DAN INFORMATIKA"]
    assert [(p.runs[0].bold, p.runs[0].font.size) for p in kop] == [(True, Pt(14)), (True, Pt(16))]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in kop)
    rule = paragraphs[2]._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:val")) == "thickThinSmallGap"  # the kop's double line
    # real headings: the title and "NARASI" (Word's navigation pane, LibreOffice's PDF bookmarks)
    title = next(p for p in paragraphs if p.text == narration_docx.TITLE)
    assert title.style.name == "Title" and title.style.font.bold and title.runs[0].underline
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].font.size == Pt(14)
    assert next(p for p in paragraphs if p.text == "NARASI").style.name == "Heading 1"
    assert any(p.text == f"Kampanye Nomor {campaign} · Naskah versi 2" for p in paragraphs)

    info = document.tables[0]
    labels = [cell_text(info, r, 0) for r in range(len(info.rows))]
    # the stops in the value column under "Lokasi": number, time (WIB), place
    assert labels == ["Kegiatan", "Tema", "Hari/Tanggal", "Lokasi", "", "Waktu baca"]
    assert cell_text(info, 4, 2) == "1.\t09.00 WIB\tPasar Anyar"
    assert cell_text(info, 0, 2) == "Wawaran PBB-P2 di Kecamatan Tangerang"
    assert cell_text(info, 1, 2) == "Bayar PBB sebelum jatuh tempo"
    assert cell_text(info, 2, 2) == "Belum ditentukan"  # the car has not gone out yet: never the export's date
    assert cell_text(info, 3, 2) == "1 titik di Kel. Sukasari, Kec. Tangerang, pukul 09.00 WIB"
    assert cell_text(info, 5, 2).startswith("± ") and "suku kata/detik" in cell_text(info, 5, 2)

    body = [p for p in paragraphs if p.text.startswith(("Selamat pagi", "Pembayaran", "Demikian"))]
    assert len(body) == 3
    for para in body:  # a short script: the car's reading type, one and a half lines
        assert para.paragraph_format.line_spacing == 1.5
        assert {run.font.size for run in para.runs} == {Pt(16)}
    assert "Bayarlah tepat waktu\ndi bank" in body[1].text  # a line break inside a paragraph stays

    sign = document.tables[1]
    texts = [[cell.text for cell in row.cells] for row in sign.rows]
    assert texts[0] == ["", "Tangerang, 26 November 2026"]
    assert texts[1] == ["Menyetujui,", "Pembuat Naskah,"]
    assert texts[2] == ["Kepala Bidang DIKP", AUTHOR_POSITION]
    names = sign.rows[4].cells
    assert [c.text for c in names] == ["Rina Marlina, S.Sos., M.Si.", AUTHOR]
    assert all(c.paragraphs[0].runs[0].bold and c.paragraphs[0].runs[0].underline for c in names)
    assert texts[5] == ["NIP. 19780315 200501 2 007", AUTHOR_NIP]  # no rank: no line for it
    assert len(texts) == 6
    assert sign.rows[3].height >= Mm(15)  # room for the signatures

    footer = document.sections[0].footer.paragraphs[0]  # every page numbered
    assert footer.text.startswith("Halaman") and {f.get(qn("w:instr")).strip() for f in
                                                   footer._p.iter(qn("w:fldSimple"))} == {"PAGE", "NUMPAGES"}
    assert not "".join(p.text for p in document.sections[0].header.paragraphs)  # final, not cancelled: no mark


def test_the_ranks_stand_between_the_names_and_the_nips(ws, actor, campaign, tmp_path):
    rank = "Penata Tingkat I (III/d)"
    # the author (the actor) has a rank in the staff directory
    ws.staff.update(actor.id, actor.name, actor.nip, actor.position, actor.lane, actor.active, rank=rank)
    sheet = narration_docx.gather(ws, campaign)
    assert sheet.author.rank == rank
    path = narration_docx.write(sheet, tmp_path / "narasi.docx")
    sign = docx.Document(str(path)).tables[1]
    texts = [[cell.text for cell in row.cells] for row in sign.rows]
    assert texts[4:] == [["Rina Marlina, S.Sos., M.Si.", AUTHOR], ["", rank],  # the Kepala Bidang: none
                         ["NIP. 19780315 200501 2 007", AUTHOR_NIP]]
    run = sign.rows[5].cells[1].paragraphs[0].runs[0]
    assert not run.bold and not run.underline
    assert f"{rank} {AUTHOR_NIP}" in " ".join(pdf_text(to_pdf(path, tmp_path)).split())

    kabid = sheet.profile.kepala_bidang._replace(rank="Pembina (IV/a)")  # both ranked
    both = narration_docx.build(sheet._replace(profile=sheet.profile._replace(kepala_bidang=kabid)))
    assert [cell.text for cell in both.tables[1].rows[5].cells] == ["Pembina (IV/a)", rank]
    assert len(both.tables[1].rows) == len(sign.rows) == 7  # date, heading, position, room, name, rank, NIP


def test_signature_date_is_when_the_version_was_marked_final_and_properties_are_the_office(
        ws, actor, campaign, clock, tmp_path):
    clock.advance(days=3)  # exported three days after the narration was made final
    document = docx.Document(str(narration_docx.write_narration(ws, campaign, tmp_path / "narasi.docx")))
    assert document.tables[1].rows[0].cells[1].text == "Tangerang, 26 November 2026"
    props = document.core_properties
    assert props.author == props.last_modified_by == "Dinas Komunikasi dan Informatika Kota Tangerang"
    assert props.title == "Naskah Narasi – Wawaran PBB-P2 di Kecamatan Tangerang"
    assert props.comments == "" and props.language == "id-ID"
    assert props.created == props.modified == clock.current.astimezone(timezone.utc).replace(microsecond=0)

    service = narration.Service(ws)
    service.mark_final(actor.id, campaign, 1)  # another version made final two days later still
    clock.advance(days=2)
    service.mark_final(actor.id, campaign, 2)
    assert narration_docx.gather(ws, campaign).signed_on.isoformat() == "2026-12-01"


def test_the_day_is_the_dissemination_start_once_known(ws, actor, campaign, clock, tmp_path):
    for no in range(1, 7):
        who = step_actor(ws, campaign, no)  # each step by its lane
        ws.steps.start(who, campaign, no)
        if no >= 4:
            fill_stage(ws, who, campaign, no)
        ws.steps.finish(who, campaign, no, reason="uji" if no in (5, 6) else None)
    clock.advance(days=2)
    ws.steps.start(step_actor(ws, campaign, 7), campaign, 7)
    sheet = narration_docx.gather(ws, campaign)
    assert sheet.day.isoformat() == "2026-11-28"
    document = narration_docx.build(sheet)
    assert document.tables[0].cell(2, 2).text == "Sabtu, 28 November 2026"
    assert narration_docx.location_lines(sheet.locations) == [("1.", "09.00 WIB", "Pasar Anyar")]


def test_paper_and_logo_come_from_the_profile(ws, actor, campaign, tmp_path):
    ws.profile.save(actor.id, ws.profile.load()._replace(
        paper="F4", logo=write_png(tmp_path / "logo.png"), address="Jl. Satria Sudirman No. 1"))
    document = docx.Document(str(narration_docx.write_narration(ws, campaign, tmp_path / "f4.docx")))
    section = document.sections[0]
    assert mm(section.page_width, section.page_height) == (215, 330)
    kop = document.tables[0]  # logo | kop lines (centred in the room right of the logo)
    assert len(kop.columns) == 2
    assert len(document.inline_shapes) == 1 and document.inline_shapes[0].height == Mm(24)
    assert [p.text for p in kop.cell(0, 1).paragraphs] == [
        "PEMERINTAH KOTA TANGERANG", "DINAS KOMUNIKASI DAN INFORMATIKA", "Jl. Satria Sudirman No. 1"]


def test_libreoffice_reads_the_document(ws, actor, campaign, tmp_path):
    path = narration_docx.write_narration(ws, campaign, tmp_path / "narasi.docx")
    text = pdf_text(to_pdf(path, tmp_path))
    flat = " ".join(text.split())
    for expected in ("PEMERINTAH KOTA TANGERANG", "NASKAH NARASI WAWARAN KELILING", "Bayar PBB sebelum jatuh tempo",
                     "Selamat pagi, warga Kota Tangerang yang kami hormati.", "Tangerang, 26 November 2026",
                     "Rina Marlina, S.Sos., M.Si.", AUTHOR_NIP, "pukul 09.00 WIB", "Halaman 1 dari 1"):
        assert expected in flat
    last_page = text.rstrip("\f").split("\f")[-1]
    assert "Terima kasih." in last_page and "Pembuat Naskah," in last_page  # signatures never alone


def test_a_long_narration_flows_over_pages_with_the_signatures_after_it(ws, actor, campaign, tmp_path):
    service = narration.Service(ws)
    long_text = "\n\n".join(f"Paragraf {i}: " + "Warga Kota Tangerang dimohon membayar pajak tepat waktu. " * 6
                            for i in range(1, 25))
    saved = service.save(actor.id, campaign, long_text)
    service.mark_final(actor.id, campaign, saved.version.number)
    pdf = to_pdf(narration_docx.write_narration(ws, campaign, tmp_path / "panjang.docx"), tmp_path)
    pages = pdf_text(pdf).rstrip("\f").split("\f")
    assert len(pages) >= 3
    assert "Paragraf 24" in pages[-1] and "Menyetujui," in pages[-1]
    assert "NASKAH NARASI" in pages[0] and "NASKAH NARASI" not in pages[1]  # the kop heads page 1 only


@pytest.mark.parametrize("error, words", [
    # refused while the temporary file is written: the folder (a file held open in Word is refused at
    # the replace, see test_atomic.py)
    (PermissionError(errno.EACCES, "Permission denied"), "Tidak ada izin menulis|sedang dibuka di program lain"),
    (OSError(errno.ENOSPC, "No space left on device"), "Disk penuh"),
])
def test_a_failed_write_keeps_the_old_file(ws, actor, campaign, tmp_path, error, words):
    out = tmp_path / "out"
    out.mkdir()
    target = narration_docx.write_narration(ws, campaign, out / "narasi.docx")
    before = target.read_bytes()
    document = narration_docx.build(narration_docx.gather(ws, campaign))

    def build(tmp: Path) -> None:
        document.save(str(tmp))  # the file is half written when Windows or the disk refuses
        raise error

    with pytest.raises(ExportError, match=words) as caught:
        write_atomically(target, build)
    assert "Berkas lama (jika ada) tidak diubah" in str(caught.value)
    assert target.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["narasi.docx"]  # no temporary file left


def test_writing_into_a_missing_folder_is_explained(ws, actor, campaign, tmp_path):
    with pytest.raises(ExportError, match="Folder tujuan tidak ada"):
        narration_docx.write_narration(ws, campaign, tmp_path / "tidak-ada" / "narasi.docx")
