"""The report's Pelaksana column: who recorded each step, in the lane they had when they acted,
and the step's assignee when that is someone else (issue 14)."""

from __future__ import annotations

import pytest
from crew import member
from docx import Document
from office import pdf_text, to_pdf
from openpyxl import load_workbook

from wawaran_desktop.documents.report import write_report
from wawaran_desktop.reports import report_data

SUB_KOR = "Rina Wulandari"  # the ``actor`` fixture: Sub Kor DIMC
TIM = "Dewi Lestari"  # tests/crew.py's Tim member


@pytest.fixture
def cid(ws, actor):
    """A running campaign: the Kernet/Supir assigned step 7 to the Sub Kor, who recorded it; step 1
    was assigned to the Tim's Dewi Lestari but the Sub Kor recorded it; step 8 is assigned to Dewi
    Lestari, who has not started it. Then the Sub Kor moved to the Tim in the directory."""
    kernet, tim = member(ws, "kernet"), member(ws, "tim")
    cid = ws.campaigns.create(actor.id, "Wawaran PBB di Kecamatan Tangerang").id
    ws.steps.assign(actor.id, cid, 1, tim.id)
    ws.steps.start(actor.id, cid, 1)
    ws.steps.assign(kernet.id, cid, 7, actor.id)
    ws.steps.start(actor.id, cid, 7, reason="Mobil sudah siap lebih awal")
    ws.steps.assign(tim.id, cid, 8, tim.id)
    ws.staff.update(actor.id, actor.name, actor.nip, actor.position, "tim", True)  # today: in the Tim
    return cid


EXPECTED = {1: f"{SUB_KOR}\n(Sub Kor DIMC)\nditugaskan: {TIM}", 2: "-", 7: f"{SUB_KOR}\n(Sub Kor DIMC)",
            8: f"Ditugaskan: {TIM}"}


def test_the_facts_keep_the_lane_recorded_with_the_step_event(ws, cid):
    report = report_data.gather(ws, cid)
    people = dict(zip((s.no for s in report.steps), report.people))
    assert people[7] == report_data.StepPeople(SUB_KOR, "Sub Kor DIMC", "")  # not the step's Kernet/Supir
    assert people[1] == report_data.StepPeople(SUB_KOR, "Sub Kor DIMC", TIM)
    assert people[8] == report_data.StepPeople("", "", TIM) and people[2] == report_data.StepPeople()
    assert {no: people[no].text("\n") for no in EXPECTED} == EXPECTED


def test_word_and_excel_print_who_acted_as_what(ws, cid, tmp_path):
    word = write_report(ws, cid, tmp_path / "laporan.docx")
    table = next(t for t in Document(str(word)).tables if t.rows[0].cells[1].text == "Kegiatan")
    column = {int(row.cells[0].text): row.cells[2].text for row in table.rows[1:10]}
    assert {no: column[no] for no in EXPECTED} == EXPECTED
    assert "Kernet/Supir" not in "\n".join(column.values()) and "(Tim)" not in "\n".join(column.values())

    excel = write_report(ws, cid, tmp_path / "laporan.xlsx")
    rows = list(load_workbook(excel)["Laporan"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[:3] == ("No", "Kegiatan", "Pelaksana"))
    cells = {r[0]: r[2] for r in rows[head + 1:head + 10]}
    assert {no: cells[no] for no in EXPECTED} == {no: text.replace("\n", " ") for no, text in EXPECTED.items()}

    for pdf in (to_pdf(word, tmp_path), to_pdf(excel, tmp_path)):
        flat = " ".join(pdf_text(pdf).split())
        assert f"{SUB_KOR} (Sub Kor DIMC) ditugaskan: {TIM}" in flat and "Kernet/Supir" not in flat
        assert f"Ditugaskan: {TIM}" in flat
