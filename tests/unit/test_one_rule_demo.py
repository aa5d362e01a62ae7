"""Every finished demo campaign shows the same working time per step and in total, and the
same status beside it, on every surface: the swimlane's cells, the timeline, the report
(.docx and .xlsx) and the evaluators' workbook, each read back from what it produces."""

from __future__ import annotations

from datetime import timedelta

import pytest
from docx import Document
from openpyxl import load_workbook

from wawaran_desktop.documents import workbook
from wawaran_desktop.documents.report import write_report
from wawaran_desktop.documents.workbook import write_workbook
from wawaran_desktop import demo
from wawaran_desktop.text import durations
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.charts.swimlane_overlay import step_view, total_view
from wawaran_desktop.charts.timeline_bars import campaign_timeline


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    from fakes import NINE_WIB

    from wawaran_desktop.services.workspace import open_workspace

    folder = tmp_path_factory.mktemp("demo")
    ws = open_workspace(folder / "data", clock=lambda: NINE_WIB)
    demo.generate(ws, 40, seed=11, now=NINE_WIB)
    records = [ws.campaigns.get(c.id) for c in ws.campaigns.list()]
    done = [r for r in records if r.status is CampaignStatus.DONE]
    assert len(done) >= 8
    workbook = load_workbook(write_workbook(ws, folder / "evaluasi.xlsx"))
    yield ws, folder, done, workbook
    ws.close()


#: Where the workbook's Tahap sheet keeps a step's working time and status (by its headers).
_HEADERS = [column.header for column in workbook.STEP_COLUMNS]
WORK, STATUS = _HEADERS.index("Waktu kerja"), _HEADERS.index("Status")

def test_every_surface_tells_each_step_and_the_total_alike(finished):
    ws, folder, done, workbook = finished
    now = ws.clock()
    late_steps = 0
    workbook_steps = {(r[0], r[2]): r for r in workbook["Tahap"].iter_rows(min_row=2, values_only=True)}
    workbook_campaigns = {r[0]: r for r in workbook["Kampanye"].iter_rows(min_row=2, values_only=True)}
    for record in done:
        seconds = [s.elapsed(now) for s in record.steps]
        statuses = [s.status(now) for s in record.steps]
        late_steps += sum(s.label == "Terlambat" for s in statuses)
        total, total_status = record.elapsed(now), record.status_against_standard(now)
        assert total == sum(seconds)

        chart = [step_view(s, now) for s in record.steps]  # the swimlane's symbols and Aktual cells
        assert [v.lines[:2] for v in chart] == [(st.label, f"kerja {durations.text(sec)}")
                                                for st, sec in zip(statuses, seconds)], record.id
        totals = total_view(record, now)
        assert totals.status is total_status and totals.lines[1] == f"kerja {durations.text(total)}"

        timeline = campaign_timeline(record, now)
        assert [(b.elapsed, b.status) for b in timeline.steps] == list(zip(seconds, statuses))

        document = Document(str(write_report(ws, record.id, folder / f"laporan-{record.id}.docx")))
        table = next([[c.text for c in row.cells] for row in t.rows] for t in document.tables
                     if t.rows[0].cells[0].text == "No" and t.rows[0].cells[1].text == "Kegiatan")
        assert [(row[5], row[7]) for row in table[1:10]] == [(durations.text(sec), st.label)
                                                            for sec, st in zip(seconds, statuses)], record.id
        assert (table[10][5], table[10][7]) == (durations.text(total), total_status.label)

        sheet = load_workbook(write_report(ws, record.id, folder / f"laporan-{record.id}.xlsx"))["Laporan"]
        rows = [[c.value for c in r] for r in sheet.iter_rows()]
        head = next(i for i, r in enumerate(rows) if r[:2] == ["No", "Kegiatan"])
        assert [(r[5], r[7]) for r in rows[head + 1:head + 10]] == [
            (timedelta(seconds=sec), st.label) for sec, st in zip(seconds, statuses)]
        assert (rows[head + 10][5], rows[head + 10][7]) == (timedelta(seconds=total), total_status.label)

        assert [(workbook_steps[record.id, no][WORK], workbook_steps[record.id, no][STATUS])
                for no in range(1, 10)] == [
            (timedelta(seconds=sec), st.label) for sec, st in zip(seconds, statuses)]
        assert workbook_campaigns[record.id][12] == timedelta(seconds=total)
        assert workbook_campaigns[record.id][14] == total_status.label
    assert late_steps > 0  # the demo has late steps: the statuses were really compared
