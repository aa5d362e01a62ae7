"""One rule on paper: every document tells a step's whole working seconds and judges them as every window does.

The campaign of ``tests/seconds_campaign.py`` has steps exactly at the standard, seconds over it,
paused, reopened and a fraction of a second either side of a limit. The report (.docx and .xlsx),
its stage-8 draft and the evaluators' workbook are read back (python-docx, openpyxl) and, as an
office reads them, converted by LibreOffice and read with pdftotext: each step shows its figure
``TEXT[no]`` beside its own status (``Terlambat`` exactly for the late ones), the total is the sum
of the same seconds (``TOTAL_TEXT``, on time), and a spreadsheet cell is a real duration.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from docx import Document
from office import pdf_text, to_pdf
from openpyxl import load_workbook
from seconds_campaign import LATE, SECONDS, TEXT, TITLE, TOTAL_SECONDS, TOTAL_TEXT, run_seconds_campaign

from wawaran_desktop.documents.report import write_report
from wawaran_desktop.documents.workbook import write_workbook
from wawaran_desktop.text import durations
from wawaran_desktop.services.stages.report import Service as ReportService
from wawaran_desktop.services.timing import StepStatus

ON_TIME, LATE_LABEL = StepStatus.ON_TIME.label, StepStatus.LATE.label
STEPS = range(1, 10)


def label(no: int) -> str:
    return LATE_LABEL if no in LATE else ON_TIME


def spoken(text: str) -> str:
    """A table's figure as running text says it: ``10 mnt 07 dtk`` -> ``10 menit 7 detik``,
    ``20 mnt 00 dtk`` -> ``20 menit``."""
    text = re.sub(r" 00 dtk$", "", text)
    return re.sub(r"\b0(\d) dtk", r"\1 dtk", text).replace("mnt", "menit").replace("dtk", "detik")


def past(seconds: int, standard_minutes: int) -> int:
    return max(0, seconds - standard_minutes * 60)


@pytest.fixture
def campaign(ws, clock, actor):
    """The campaign's id, its steps' standards and short names (read from the campaign itself)."""
    cid = run_seconds_campaign(ws, lambda delta: clock.advance(seconds=delta.total_seconds()), actor.id)
    record = ws.campaigns.get(cid)
    assert [s.elapsed(clock.now()) for s in record.steps] == [SECONDS[no] for no in STEPS]
    assert record.standard_total * 60 == TOTAL_SECONDS  # the fixture's total is exactly the standard
    return cid, {s.no: s.standard_minutes for s in record.steps}, {s.no: s.activity.short for s in record.steps}


def test_the_fixture_figures_are_what_durations_tells():
    assert all(durations.text(SECONDS[no]) == TEXT[no] for no in STEPS)
    assert all(durations.words(SECONDS[no]) == spoken(TEXT[no]) for no in STEPS)
    assert durations.text(TOTAL_SECONDS) == TOTAL_TEXT


def test_word_report(ws, campaign, tmp_path):
    cid, standard, short = campaign
    path = write_report(ws, cid, tmp_path / "laporan.docx")
    document = Document(str(path))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    steps = next(rows for rows in tables if rows[0][:2] == ["No", "Kegiatan"])
    assert steps[0][5:] == ["Waktu kerja", "Standar", "Status"]
    for no in STEPS:
        assert steps[no][0] == str(no)
        assert steps[no][5:] == [TEXT[no], durations.standard(standard[no]), label(no)], no
    assert steps[10][1] == "Jumlah" and steps[10][5:] == [TOTAL_TEXT, durations.standard(185), ON_TIME]
    identity = dict((r[0], r[2]) for r in next(rows for rows in tables if rows[0][0] == "Kegiatan"))
    assert identity["Waktu kerja seluruh tahap"] == (f"{TOTAL_TEXT} dari standar {durations.standard(185)} ({ON_TIME}); "
                                                     f"{9 - len(LATE)} dari 9 tahap tepat waktu")
    text = "\n".join(p.text for p in document.paragraphs)
    for no in STEPS:  # section C names exactly the late steps, in words
        said = f"Tahap {no} ({short[no]}) melewati standar: {spoken(TEXT[no])} dari standar " \
               f"{spoken(durations.standard(standard[no]))} (lebih {durations.words(past(SECONDS[no], standard[no]))})."
        assert (said in text) is (no in LATE), said
    assert text.count("melewati standar") == len(LATE)

    pdf = pdf_text(to_pdf(path, tmp_path), layout=True)
    table = pdf[pdf.index("A. Pelaksanaan Tahapan SOP"):pdf.index("Waktu dalam WIB")]
    for no in STEPS:
        [row] = [line for line in table.splitlines() if re.match(rf"\s*{no}\s+{short[no]}\b", line)]
        assert re.search(rf"\s{TEXT[no]}\s+{durations.standard(standard[no])}\s+{label(no)}$", row.rstrip()), row
    [row] = [line for line in table.splitlines() if line.strip().startswith("Jumlah")]
    assert re.search(rf"Jumlah\s+{TOTAL_TEXT}\s+185 mnt\s+{ON_TIME}$", row.rstrip()), row
    flat = " ".join(pdf.split())
    assert f"Waktu kerja seluruh tahap : {TOTAL_TEXT} dari standar {durations.standard(185)} ({ON_TIME})" in flat
    assert all((f"({short[no]}) melewati standar: {spoken(TEXT[no])} dari" in flat) is (no in LATE) for no in STEPS)


def test_excel_report(ws, campaign, tmp_path):
    cid, standard, short = campaign
    path = write_report(ws, cid, tmp_path / "laporan.xlsx")
    sheet = load_workbook(path)["Laporan"]
    rows = list(sheet.iter_rows())
    header = next(i for i, r in enumerate(rows) if r[0].value == "No" and r[1].value == "Kegiatan")
    assert [c.value for c in rows[header][5:8]] == ["Waktu kerja", "Standar (menit)", "Status"]
    for no in STEPS:
        row = rows[header + no]
        assert row[0].value == no and row[5].number_format == durations.EXCEL_FORMAT
        assert (row[5].value, row[6].value, row[7].value) == (timedelta(seconds=SECONDS[no]), standard[no], label(no))
    total = rows[header + 10]
    assert total[1].value == "Jumlah" and total[5].number_format == durations.EXCEL_FORMAT
    assert (total[5].value, total[7].value) == (timedelta(seconds=TOTAL_SECONDS), ON_TIME)
    assert sum((rows[header + no][5].value for no in STEPS), timedelta(0)) == total[5].value  # it adds up

    pdf = pdf_text(to_pdf(path, tmp_path), layout=True)
    for no in STEPS:
        [line] = [line for line in pdf.splitlines() if re.match(rf"\s*{no}\s+{short[no]}\b", line)]
        assert re.search(rf"\s{TEXT[no]}\s+{standard[no]}\s+{label(no)}$", line.rstrip()), line
    [line] = [line for line in pdf.splitlines() if re.match(r"\s*Jumlah\s+\d+ mnt", line)]
    assert re.search(rf"\s{TOTAL_TEXT}\s+{sum(standard.values())}\s+{ON_TIME}$", line.rstrip()), line
    assert f"{TOTAL_TEXT} dari standar {durations.standard(185)} ({ON_TIME})" in " ".join(pdf.split())


def test_evaluators_workbook(ws, campaign, tmp_path):
    cid, standard, short = campaign
    path = write_workbook(ws, tmp_path / "evaluasi.xlsx")
    wb = load_workbook(path)
    steps = {r[2].value: r for r in wb["Tahap"].iter_rows(min_row=2) if r[0].value == cid}
    for no in STEPS:
        row = steps[no]
        assert (row[10].number_format, row[11].number_format) == (durations.EXCEL_FORMAT, durations.EXCEL_OVER_FORMAT)
        worked, over, status = row[10].value, row[11].value, row[12].value
        assert (worked, status) == (timedelta(seconds=SECONDS[no]), label(no)), no
        assert over == timedelta(seconds=past(SECONDS[no], standard[no])) and (over > timedelta(0)) is (no in LATE)
    [campaign_row] = [r for r in wb["Kampanye"].iter_rows(min_row=2, values_only=True) if r[0] == cid]
    assert campaign_row[8] == len(LATE)
    assert campaign_row[11:15] == (sum(standard.values()), timedelta(seconds=TOTAL_SECONDS), timedelta(0), ON_TIME)

    summary = wb["Ringkasan"]
    rows = list(summary.iter_rows(values_only=True))
    key = {r[0]: r[1] for r in rows if r[0]}
    assert key["Rata-rata waktu kerja kampanye selesai"] == timedelta(seconds=TOTAL_SECONDS)
    header = next(i for i, r in enumerate(rows) if r[0] == "Tahap")
    for no in STEPS:  # one campaign: its step is the average and the worst
        row = rows[header + no]
        assert row[0] == f"{no}. {short[no]}" and row[3:5] == (int(no not in LATE), int(no in LATE))
        assert row[6] == row[7] == timedelta(seconds=SECONDS[no]) and row[8] == cid
        assert row[9:12] == pytest.approx((standard[no], SECONDS[no] / 60, SECONDS[no] / 60))  # the minutes chart

    pdf = pdf_text(to_pdf(path, tmp_path), layout=True)
    lines = pdf.splitlines()
    for no in STEPS:
        # (the Tahap sheet's row, on the page of its times; the campaign's title wraps in its cell)
        [line] = [line for line in lines if re.search(rf"\s{no}\s+{short[no]}\s", line)
                  and re.search(rf"\s{standard[no]}\s+{TEXT[no]}\s", line)]
        over = past(SECONDS[no], standard[no])
        shown = durations.text(over) if over else "–"
        assert re.search(rf"\s{standard[no]}\s+{TEXT[no]}\s+{shown}\s+{label(no)}\s", line), line
        [line] = [line for line in lines if line.strip().startswith(f"{no}. {short[no]}")]
        assert re.search(rf"\s{TEXT[no]}\s+{TEXT[no]}\s+{cid}$", line.rstrip()), line
    [line] = [line for line in lines if line.strip().startswith("Rata-rata waktu kerja kampanye selesai")]
    assert line.rstrip().endswith(TOTAL_TEXT)
    [line] = [line for line in lines if re.search(rf"\s{sum(standard.values())}\s+{TOTAL_TEXT}\s", line)]
    assert re.search(rf"\s{sum(standard.values())}\s+{TOTAL_TEXT}\s+–\s+{ON_TIME}\s", line), line


def test_the_report_draft_leaves_every_steps_time_to_the_reports_tables(ws, campaign):
    """The draft is section D of the report, whose sections A and C already tell each step's time
    and name exactly the late ones (test_word_report): it tells none of them again."""
    cid, standard, short = campaign
    draft = ReportService(ws).draft(cid)  # stages 1-7
    assert "melebihi waktu baku" not in draft
    assert not [no for no in STEPS if spoken(TEXT[no]) in draft or f"({short[no]})" in draft]


def test_the_office_thresholds_judge_every_document_alike(ws, actor, campaign, tmp_path):
    """At 113% (5 mnt 39 dtk of 5 mnt) no step of the campaign is late: no document says one is,
    while every figure stays the same whole seconds."""
    cid, standard, short = campaign
    ws.set_thresholds(actor.id, 0.8, 1.13)
    assert "melebihi waktu baku" not in ReportService(ws).draft(cid)
    document = Document(str(write_report(ws, cid, tmp_path / "laporan.docx")))
    steps = next([[c.text for c in row.cells] for row in t.rows] for t in document.tables
                 if t.rows[0].cells[0].text == "No" and t.rows[0].cells[1].text == "Kegiatan")
    assert [row[5:] for row in steps[1:]] == [[TEXT[no], durations.standard(standard[no]), ON_TIME] for no in STEPS] \
        + [[TOTAL_TEXT, durations.standard(185), ON_TIME]]
    assert "melewati standar" not in "\n".join(p.text for p in document.paragraphs)
    wb = load_workbook(write_workbook(ws, tmp_path / "evaluasi.xlsx"))
    rows = [r for r in wb["Tahap"].iter_rows(min_row=2, values_only=True) if r[0] == cid]
    assert [(r[10], r[12]) for r in rows] == [(timedelta(seconds=SECONDS[no]), ON_TIME) for no in STEPS]
