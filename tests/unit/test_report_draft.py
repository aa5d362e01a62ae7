"""Only a finished campaign's report is the laporan hasil the Kepala Bidang signs: a running or
cancelled campaign's report is a draft on every page, under another title, unsigned, and says
plainly that nothing was disseminated yet (issue 14). Read back from the files and from the
pages LibreOffice prints."""

from __future__ import annotations

import pytest
from crew import crew
from docx import Document
from office import pdf_text, to_pdf
from openpyxl import load_workbook

from wawaran_desktop.documents.report import write_report

RUNNING_MARK = "DRAF — kampanye belum selesai (0 dari 9 tahap), bukan laporan hasil"
CANCELLED_MARK = "DRAF — kampanye dibatalkan pada 26 November 2026, bukan laporan hasil"
UNSIGNED_RUNNING = ("Dokumen ini adalah draf selama kampanye berjalan. Laporan hasil ditandatangani setelah "
                    "seluruh tahap selesai.")
UNSIGNED_CANCELLED = ("Kampanye ini dibatalkan. Dokumen ini adalah draf untuk arsip, bukan laporan hasil, dan "
                      "tidak ditandatangani.")
KEPALA_BIDANG = "Hendra Gunawan"  # the profile's Kepala Bidang: the first of the kabid lane (tests/crew.py)


def _long_campaign(ws, clock, actor) -> int:
    """A campaign running at step 1, with enough problems recorded for the report to take two pages."""
    crew(ws)
    cid = ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD di Kecamatan Tangerang").id
    ws.steps.start(actor.id, cid, 1)
    for n in range(12):
        clock.advance(minutes=1)
        ws.steps.pause(actor.id, cid, 1, f"Menunggu data dari Puskesmas ke-{n + 1}, belum dikirim lewat surel dinas")
        clock.advance(minutes=1)
        ws.steps.resume(actor.id, cid, 1)
    return cid


def _texts(document) -> str:
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _identity(document) -> dict[str, str]:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Kegiatan")
    return {row.cells[0].text: row.cells[2].text for row in table.rows}


def _check_pages(pdf_pages: list[str], mark: str) -> None:
    """More than one page, each with the draft mark and its number."""
    assert len(pdf_pages) >= 2
    for n, page in enumerate(pdf_pages, 1):
        flat = " ".join(page.split())
        assert mark in flat and f"Halaman {n} dari {len(pdf_pages)}" in flat, n


@pytest.mark.parametrize("cancel", [False, True], ids=["running", "cancelled"])
def test_an_unfinished_campaigns_word_report_is_an_unsigned_draft_on_every_page(ws, clock, actor, tmp_path, cancel):
    cid = _long_campaign(ws, clock, actor)
    if cancel:
        ws.campaigns.cancel(actor.id, cid, "Hujan deras sepanjang hari")
    mark = CANCELLED_MARK if cancel else RUNNING_MARK
    path = write_report(ws, cid, tmp_path / "laporan.docx")
    document = Document(str(path))

    assert [p.text for p in document.sections[0].header.paragraphs] == [mark]
    [title] = [p for p in document.paragraphs if p.style.name == "Title"]
    assert title.text == ("LAPORAN KEGIATAN WAWARAN KELILING YANG DIBATALKAN" if cancel
                          else "DRAF LAPORAN KEGIATAN WAWARAN KELILING")
    text = _texts(document)
    for signed in ("LAPORAN HASIL", "Mengetahui,", "Pelapor,", KEPALA_BIDANG, "NIP."):
        assert signed not in text, signed
    assert (UNSIGNED_CANCELLED if cancel else UNSIGNED_RUNNING) in [p.text for p in document.paragraphs]
    assert _identity(document)["Hari/tanggal pelaksanaan"] == (
        "Tidak dilaksanakan (kampanye dibatalkan)" if cancel else "Belum dilaksanakan")
    assert "26 November 2026" not in _identity(document)["Hari/tanggal pelaksanaan"]  # not the creation day
    assert document.core_properties.title.startswith("Draf Laporan Wawaran – ")

    pages = pdf_text(to_pdf(path, tmp_path)).split("\f")[:-1]
    _check_pages(pages, mark)
    assert "LAPORAN HASIL" not in "".join(pages) and KEPALA_BIDANG not in "".join(pages)


@pytest.mark.parametrize("cancel", [False, True], ids=["running", "cancelled"])
def test_an_unfinished_campaigns_excel_report_says_draft_on_every_printed_page(ws, clock, actor, tmp_path, cancel):
    cid = _long_campaign(ws, clock, actor)
    if cancel:
        ws.campaigns.cancel(actor.id, cid, "Hujan deras sepanjang hari")
    mark = CANCELLED_MARK if cancel else RUNNING_MARK
    path = write_report(ws, cid, tmp_path / "laporan.xlsx")
    book = load_workbook(path)
    assert [sheet.oddHeader.center.text for sheet in book.worksheets] == [mark, mark]
    values = [v for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v]
    assert ("LAPORAN KEGIATAN WAWARAN KELILING YANG DIBATALKAN" if cancel
            else "DRAF LAPORAN KEGIATAN WAWARAN KELILING") in values
    assert (UNSIGNED_CANCELLED if cancel else UNSIGNED_RUNNING) in values
    assert not [v for v in values if "LAPORAN HASIL" in str(v)]
    rows = {r[0]: r[2] for r in book["Laporan"].iter_rows(values_only=True) if r[0]}
    assert rows["Hari/tanggal pelaksanaan"] == ("Tidak dilaksanakan (kampanye dibatalkan)" if cancel
                                                else "Belum dilaksanakan")

    pages = pdf_text(to_pdf(path, tmp_path)).split("\f")[:-1]
    _check_pages(pages, mark)  # the Laporan sheet and the Rute sheet
    assert "Rute" in pages[-1] and KEPALA_BIDANG not in "".join(pages)


def test_a_finished_campaigns_report_is_the_signed_laporan_hasil_without_a_draft_mark(ws, clock, actor, tmp_path):
    from report_campaign import run_timed_campaign

    cid = run_timed_campaign(ws, clock, actor.id)
    document = Document(str(write_report(ws, cid, tmp_path / "laporan.docx")))
    assert [p.text for p in document.sections[0].header.paragraphs if p.text] == []
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == ["LAPORAN HASIL KEGIATAN WAWARAN KELILING"]
    assert "Mengetahui," in _texts(document) and KEPALA_BIDANG in _texts(document)
    book = load_workbook(write_report(ws, cid, tmp_path / "laporan.xlsx"))
    assert [sheet.oddHeader.center.text for sheet in book.worksheets] == [None, None]


def test_with_the_offices_own_kop_the_first_page_says_draft_and_its_number_too(ws, clock, actor, tmp_path):
    from office_kop import KOP_LINES, office_template

    template = office_template(tmp_path / "kop kantor.docx", tmp_path)
    ws.profile.save(actor.id, ws.profile.load()._replace(letterhead_docx=template))
    cid = _long_campaign(ws, clock, actor)
    path = write_report(ws, cid, tmp_path / "laporan.docx")
    first = Document(str(path)).sections[0].first_page_header
    assert [p.text for p in first.paragraphs if p.text] == [RUNNING_MARK, *KOP_LINES]  # the mark above the kop
    pages = pdf_text(to_pdf(path, tmp_path)).split("\f")[:-1]
    _check_pages(pages, RUNNING_MARK)
    assert all(line in " ".join(pages[0].split()) for line in KOP_LINES)
