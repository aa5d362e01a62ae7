"""The history chain's head on the spreadsheets (issue 13): the evaluators' workbook and the
report .xlsx carry the line the Word report prints (``Rantai riwayat: n entri, kepala …``), from
the one :attr:`Head.line`, anchored when the file is made. Read back with openpyxl, and through
LibreOffice's PDF (the footer as printed)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from office import pdf_text, to_pdf
from openpyxl import load_workbook

from wawaran_desktop import demo
from wawaran_desktop.db import history_chain
from wawaran_desktop.db.models import Campaign, Staff, database
from wawaran_desktop.documents.report import write_report
from wawaran_desktop.documents.workbook import write_workbook
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.text.formatting import thousands

#: 10.00 WIB on Wednesday 25 November 2026, a day before the test clock's start.
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


@pytest.fixture
def office(ws: Workspace) -> Workspace:
    """Eight demo campaigns: a chain of a few hundred entries."""
    demo.generate(ws, 8, seed=11, now=NOW)
    return ws


def texts(sheet) -> list[str]:
    return [value for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)]


def footers(path: Path) -> dict[str, str]:
    book = load_workbook(path)
    return {sheet.title: sheet.oddFooter.right.text for sheet in book.worksheets}


def finished_campaign() -> int:
    return Campaign.select(Campaign.id).where(Campaign.status == "done").order_by(Campaign.id).first().id


def test_the_workbook_shows_the_databases_chain_head_on_the_summary_and_every_footer(office, tmp_path):
    before = len(history_chain.anchors(database))
    path = write_workbook(office, tmp_path / "evaluasi.xlsx")
    head = HistoryService(office).head()
    assert head.entries > 100 and len(head.digest) == 64
    line = head.line
    assert line == f"Rantai riwayat: {thousands(head.entries)} entri, kepala {head.digest[:8]}…"
    book = load_workbook(path)
    assert line in texts(book["Ringkasan"])[:8]  # under the title, where a reader looks first
    assert footers(path) == dict.fromkeys(("Ringkasan", "Kampanye", "Tahap", "Lokasi"), line)
    anchors = history_chain.anchors(database)
    assert len(anchors) == before + 1  # the head printed is kept outside the chain too
    assert (anchors[-1].entries, anchors[-1].digest, anchors[-1].reason) == (head.entries, head.digest, "workbook")
    assert HistoryService(office).verify().whole


def test_a_later_workbook_shows_the_later_head(office, tmp_path):
    first = footers(write_workbook(office, tmp_path / "satu.xlsx"))["Kampanye"]
    subkor = Staff.select(Staff.id).where(Staff.lane == "subkor").first().id
    office.campaigns.create(subkor, "Wawaran Tambahan")  # its audit entry: the chain grows
    head = HistoryService(office).head()
    second_path = write_workbook(office, tmp_path / "dua.xlsx")
    assert footers(second_path)["Kampanye"] == head.line != first
    assert head.line in texts(load_workbook(second_path)["Ringkasan"])


def test_the_report_xlsx_and_docx_print_the_same_head_line(office, tmp_path):
    campaign = finished_campaign()
    path = write_report(office, campaign, tmp_path / "laporan.xlsx")
    head = HistoryService(office).head()
    book = load_workbook(path)
    assert head.line in texts(book["Laporan"])
    assert footers(path) == {"Laporan": head.line, "Rute": head.line}
    assert history_chain.anchors(database)[-1].reason == "report"
    word = write_report(office, campaign, tmp_path / "laporan.docx")
    assert head.line in [p.text for p in Document(str(word)).paragraphs]  # one text, both formats


def test_an_empty_chain_says_so_on_the_workbook(ws, tmp_path):
    path = write_workbook(ws, tmp_path / "kosong.xlsx")
    head = HistoryService(ws).head()
    assert head.entries == 0
    assert footers(path)["Ringkasan"] == "Rantai riwayat: belum ada entri."
    assert "Rantai riwayat: belum ada entri." in texts(load_workbook(path)["Ringkasan"])


def test_the_head_is_printed_on_every_page_of_the_pdf(office, tmp_path):
    """LibreOffice prints the footer: the head is on each page of the workbook and the report."""
    workbook = write_workbook(office, tmp_path / "evaluasi.xlsx")
    head = HistoryService(office).head()
    pages = pdf_text(to_pdf(workbook, tmp_path)).split("\f")[:-1]
    assert len(pages) >= 4  # a summary and three tables
    assert all(f"kepala {head.digest[:8]}" in page for page in pages)
    report = write_report(office, finished_campaign(), tmp_path / "laporan.xlsx")
    head = HistoryService(office).head()
    pages = pdf_text(to_pdf(report, tmp_path)).split("\f")[:-1]
    assert pages and all(f"kepala {head.digest[:8]}" in page for page in pages)
    assert f"Rantai riwayat: {thousands(head.entries)} entri" in pages[0] + pages[-1]
