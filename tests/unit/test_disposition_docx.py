"""The lembar disposisi as a Word document: content, ticks, paper, and one page in LibreOffice."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from docx.enum.section import WD_ORIENT
from office import pdf_pages, pdf_text, to_pdf  # tests/office.py

from wawaran_desktop.reports import disposition_data
from wawaran_desktop.documents import disposition_docx
from wawaran_desktop.documents.docx_base import TICKED, UNTICKED
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.services.stages import disposition
from wawaran_desktop.services.stages.disposition import DispositionDraft

PAPERS = ("A4", "F4", "half_folio")
SIZES_MM = {"A4": (210, 297), "F4": (215, 330), "half_folio": (215, 165)}
#: The longest pangkat/golongan (the worst case for the signature box).
LONG_RANK = "Pengatur Muda Tingkat I (II/b)"


def full_draft(recipients: tuple[int, ...], signer: int, **changes) -> DispositionDraft:
    values = dict(
        disposed_on=date(2026, 11, 26), surat_dari="Dinas Kesehatan Kota Tangerang",
        nomor_surat="500.1/1820-Dinkes/2026", tanggal_surat=date(2026, 11, 20),
        diterima_tanggal=date(2026, 11, 24), due_on=date(2026, 11, 30), sifat="Segera",
        hal="Sosialisasi pencegahan DBD",
        recipient_ids=recipients, instructions=("Untuk dilaksanakan", "Laporkan hasilnya"),
        free_text="Bawa selebaran 500 lembar.", catatan="Koordinasi dengan lurah setempat.", signer_id=signer)
    values.update(changes)
    return DispositionDraft(**values)


@pytest.fixture
def team(ws, actor):
    """The signer (the actor, a Sub Kor) and two members of the team."""
    budi = ws.staff.add("Budi Santoso, S.Sos.", "19900101 201501 1 002", "Pranata Humas", "tim")
    ani = ws.staff.add("Ani Lestari", None, "Pengemudi", "kernet")
    return actor, budi, ani


@pytest.fixture
def campaign(ws, team):
    actor, budi, ani = team
    record = ws.campaigns.create(actor.id, "Wawaran DBD", "Satu rumah satu jumantik")
    disposition.Service(ws).save(actor.id, record.id, full_draft((budi.id, ani.id), actor.id))
    return record.id


def set_paper(ws, actor, paper: str) -> None:
    ws.profile.save(actor.id, ws.profile.load()._replace(disposition_paper=paper))


def test_no_sheet_before_stage_5_is_saved(ws, actor):
    record = ws.campaigns.create(actor.id, "Belum disposisi")
    with pytest.raises(RuleError, match="tahap 5"):
        disposition_data.gather(ws, record.id)


def test_sheet_data(ws, team, campaign):
    sheet = disposition_data.gather(ws, campaign)
    assert sheet.agenda_number == "001/DIKP/2026"
    assert sheet.tanggal_surat == "20 November 2026" and sheet.diterima_tanggal == "24 November 2026"
    assert sheet.due_on == "30 November 2026"
    # in the order offices read them, the most urgent first
    assert sheet.sifat == (("Sangat Segera", False), ("Segera", True), ("Rahasia", False), ("Biasa", False))
    assert [p for p, ticked in sheet.instructions if ticked] == ["Untuk dilaksanakan", "Laporkan hasilnya"]
    assert len(sheet.instructions) == len(disposition.STANDARD_INSTRUCTIONS)
    assert sheet.recipients == ("1. Ani Lestari (Pengemudi)", "2. Budi Santoso, S.Sos. (Pranata Humas)")
    assert sheet.place_date == "Tangerang, 26 November 2026"
    assert sheet.signer_lines[3:] == ("Rina Wulandari", "", "NIP. 19850312 201001 2 004")  # no rank recorded


def test_the_rank_of_the_signer_or_of_the_profiles_sub_kor(ws, team, campaign):
    actor = team[0]  # the signer chosen in stage 5; the office records a rank for her
    ws.staff.update(actor.id, actor.name, actor.nip, actor.position, actor.lane, True, rank="Penata Tingkat I (III/d)")
    record = disposition.Service(ws).get(campaign)
    profile = ws.profile.load()
    sheet = disposition_data.from_record(record, profile, ws.clock())
    assert sheet.signer.rank == "Penata Tingkat I (III/d)"
    assert sheet.signer_lines[3:] == ("Rina Wulandari", "Penata Tingkat I (III/d)", "NIP. 19850312 201001 2 004")
    by_hand = disposition_data.from_record(  # no signer chosen: the profile's Sub Kor, with its rank
        record._replace(signer=None), profile._replace(sub_kor=profile.sub_kor._replace(rank="Pembina (IV/a)")),
        ws.clock())
    assert by_hand.signer.rank == "Pembina (IV/a)" and by_hand.signer_lines[4] == "Pembina (IV/a)"


def test_blank_fields_become_lines_to_fill_by_hand(ws, team):
    actor, budi, _ani = team
    record = ws.campaigns.create(actor.id, "Tanpa surat masuk", "Tema")
    disposition.Service(ws).save(actor.id, record.id, DispositionDraft(
        disposed_on=date(2026, 11, 26), recipient_ids=(budi.id,), instructions=("Untuk diketahui",)))
    sheet = disposition_data.gather(ws, record.id)
    assert dict(sheet.head_left) == {"Surat dari": disposition_data.BLANK, "No. Surat": disposition_data.BLANK,
                                     "Tgl. Surat": disposition_data.BLANK}
    assert dict(sheet.head_right)["Tgl. Penyelesaian"] == disposition_data.BLANK  # no deadline: to write by hand
    assert sheet.hal == "Tema"  # the theme stands for an empty hal
    assert sheet.signer.name == "Rina Wulandari"  # the default Sub Kor


def test_word_document_content_and_ticks(ws, team, campaign, tmp_path):
    document = docx.Document(str(disposition_docx.write_disposition_docx(ws, campaign, tmp_path / "d.docx")))
    assert any(p.text == "LEMBAR DISPOSISI" and p.style.name == "Title" and p.style.font.bold
               for p in document.paragraphs)  # a real heading (Word's navigation pane), bold by its style
    props = document.core_properties
    assert props.author == "Dinas Komunikasi dan Informatika Kota Tangerang"  # not "… Dan …" of str.title()
    assert props.comments == "" and props.created.year >= 2026  # not python-docx's template of 2013
    table = document.tables[-1]
    assert len(table.rows) == 5
    head_left = [p.text for p in table.cell(0, 0).paragraphs]
    assert head_left == ["Surat dari\t:\tDinas Kesehatan Kota Tangerang", "No. Surat\t:\t500.1/1820-Dinkes/2026",
                         "Tgl. Surat\t:\t20 November 2026"]
    assert [p.text for p in table.cell(0, 1).paragraphs] == ["Diterima Tgl.\t:\t24 November 2026",
                                                             "No. Agenda\t:\t001/DIKP/2026",
                                                             "Tgl. Penyelesaian\t:\t30 November 2026"]
    sifat = table.cell(1, 0).paragraphs[0]
    assert f"{TICKED} Segera" in sifat.text and f"{UNTICKED} Biasa" in sifat.text
    assert [sifat.text.index(s) for s in ("Sangat Segera", " Segera", "Rahasia", "Biasa")] == sorted(
        sifat.text.index(s) for s in ("Sangat Segera", " Segera", "Rahasia", "Biasa"))
    assert sifat.text.count(TICKED) == 1 and sifat.text.count(UNTICKED) == 3
    tick_run = next(r for r in sifat.runs if r.text == TICKED)
    assert tick_run.font.name == "Segoe UI Symbol"
    assert table.cell(2, 0).text == "Hal\t:\tSosialisasi pencegahan DBD"
    orders = [p.text for p in table.cell(3, 1).paragraphs]
    assert orders[0] == "Dengan hormat harap:"
    assert f"{TICKED} Untuk dilaksanakan" in orders and f"{TICKED} Laporkan hasilnya" in orders
    assert f"{UNTICKED} Koordinasikan" in orders
    assert orders[-1] == "Lain-lain: Bawa selebaran 500 lembar."
    ticked = [p for p in table.cell(3, 1).paragraphs if p.text.startswith(TICKED)]
    assert all(p.runs[-1].bold for p in ticked)
    assert [p.text for p in table.cell(3, 0).paragraphs] == [
        "Diteruskan Kepada Sdr.:", "1. Ani Lestari (Pengemudi)", "2. Budi Santoso, S.Sos. (Pranata Humas)"]
    assert [p.text for p in table.cell(4, 0).paragraphs] == ["Catatan:", "Koordinasi dengan lurah setempat."]
    sign = [p for p in table.cell(4, 1).paragraphs if p.text]
    assert [p.text for p in sign] == ["Tangerang, 26 November 2026", "Analis Diseminasi,",
                                      "Paraf " + "." * 24, "Rina Wulandari", "NIP. 19850312 201001 2 004"]
    name = sign[3].runs[0]
    assert name.bold and name.underline
    after_name = [p.text for p in table.cell(4, 1).paragraphs]
    assert after_name[after_name.index("Rina Wulandari"):] == ["Rina Wulandari", "NIP. 19850312 201001 2 004"]
    borders = table._tbl.tblPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblBorders")
    assert {b.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") for b in borders} == {"single"}


@pytest.mark.parametrize("paper", PAPERS)
def test_paper_from_the_profile_and_one_page_in_libreoffice(ws, team, campaign, tmp_path, paper):
    actor = team[0]
    set_paper(ws, actor, paper)
    path = disposition_docx.write_disposition_docx(ws, campaign, tmp_path / f"disposisi-{paper}.docx")
    section = docx.Document(str(path)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == SIZES_MM[paper]
    assert (section.orientation == WD_ORIENT.LANDSCAPE) == (paper == "half_folio")
    pdf = to_pdf(path, tmp_path)
    assert pdf_pages(pdf) == 1
    flat = " ".join(pdf_text(pdf, layout=True).split())  # the layout keeps caption and value together
    for expected in ("DINAS KOMUNIKASI DAN INFORMATIKA", "LEMBAR DISPOSISI", "No. Agenda : 001/DIKP/2026",
                     f"{TICKED} Segera", f"{UNTICKED} Rahasia", f"{TICKED} Untuk dilaksanakan",
                     "Tangerang, 26 November 2026", "NIP. 19850312 201001 2 004"):
        assert expected in flat, expected


@pytest.mark.parametrize("paper", PAPERS)
def test_the_longest_sheet_still_fits_one_page(ws, team, tmp_path, paper):
    """Every field at its maximum length, fifty recipients and a long rank: smaller type, still one page."""
    actor = team[0]
    set_paper(ws, actor, paper)
    people = tuple(ws.staff.add(f"Petugas Nomor {i:02d} dengan Nama Lengkap", None,
                                "Pranata Hubungan Masyarakat Ahli Pertama", "tim").id for i in range(50))
    record = ws.campaigns.create(actor.id, "Kampanye panjang")
    words = "kata " * 1000
    disposition.Service(ws).save(actor.id, record.id, full_draft(
        people, actor.id, surat_dari=words[:disposition.SURAT_DARI_MAX].strip(),
        nomor_surat="9" * disposition.NOMOR_SURAT_MAX, hal=words[:disposition.HAL_MAX].strip(),
        free_text=words[:disposition.FREE_TEXT_MAX].strip(), catatan=words[:disposition.CATATAN_MAX].strip(),
        instructions=disposition.STANDARD_INSTRUCTIONS))
    sheet = disposition_data.gather(ws, record.id)
    sheet = sheet._replace(signer=sheet.signer._replace(rank=LONG_RANK))  # one line more to sign
    size, compact = disposition_docx.fit_size(sheet)
    assert compact and size < disposition_docx.LEGIBLE_SIZE[paper]  # names only, in smaller type
    pdf = to_pdf(disposition_docx.write(sheet, tmp_path / "panjang.docx"), tmp_path)
    assert pdf_pages(pdf) == 1
    flat = " ".join(pdf_text(pdf).split())
    assert "50. Petugas Nomor 49" in flat and "NIP. 19850312 201001 2 004" in flat
    assert f"Rina Wulandari {LONG_RANK} NIP. 19850312 201001 2 004" in flat  # in this order
    assert "Pranata Hubungan" not in flat


def test_the_rank_is_printed_between_the_name_and_the_nip(ws, team, campaign, tmp_path):
    sheet = disposition_data.gather(ws, campaign)
    sheet = sheet._replace(signer=sheet.signer._replace(rank="Penata Tingkat I (III/d)"))
    document = docx.Document(str(disposition_docx.write(sheet, tmp_path / "pangkat.docx")))
    sign = list(document.tables[-1].cell(4, 1).paragraphs)
    texts = [p.text for p in sign]
    assert texts[texts.index("Rina Wulandari"):] == ["Rina Wulandari", "Penata Tingkat I (III/d)",
                                                     "NIP. 19850312 201001 2 004"]
    rank = sign[texts.index("Penata Tingkat I (III/d)")]
    assert not rank.runs[0].bold and not rank.runs[0].underline  # plain, as the NIP
    assert rank.alignment == sign[-1].alignment


def test_a_dozen_recipients_keep_their_positions(ws, team, tmp_path):
    actor = team[0]
    people = tuple(ws.staff.add(f"Petugas {i:02d}", None, "Pranata Humas", "tim").id for i in range(12))
    record = ws.campaigns.create(actor.id, "Dua belas penerima")
    disposition.Service(ws).save(actor.id, record.id, full_draft(people, actor.id))
    sheet = disposition_data.gather(ws, record.id)
    assert disposition_docx.fit_size(sheet) == (12, False)
    pdf = to_pdf(disposition_docx.write(sheet, tmp_path / "dua-belas.docx"), tmp_path)
    assert pdf_pages(pdf) == 1 and "12. Petugas 11 (Pranata Humas)" in pdf_text(pdf)
