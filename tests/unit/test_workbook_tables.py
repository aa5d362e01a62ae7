"""The evaluators' workbook for pivots and slicers (issue 14): each data sheet an Excel table over
exactly its rows, the Kampanye sheet's month and kecamatan, scores as numbers with their meaning.

Read back with openpyxl and from the file's own XML (the table parts Excel reads); LibreOffice
opens it (test_workbook_print.py). Excel itself is not on the test machine."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from crew import step_actor
from office import pdf_text, to_pdf
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from report_campaign import run_timed_campaign
from stage_content import fill_stage

from wawaran_desktop import demo
from wawaran_desktop.documents.workbook import write_workbook
from wawaran_desktop.reports.evaluation_stats import main_kecamatan
from wawaran_desktop.services.stages import briefing

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
SHEETS = {"Kampanye": "tblKampanye", "Tahap": "tblTahap", "Lokasi": "tblLokasi"}
MEANING = {1: "Sangat kurang", 2: "Kurang", 3: "Cukup", 4: "Baik", 5: "Sangat baik"}


@pytest.fixture
def filled(ws, clock, actor):
    """Twelve demo campaigns; the timed one (route in Kecamatan Tangerang); one planned across two
    kecamatan and not yet on the road; one made at 00.30 WIB on 1 December (still November in UTC)."""
    demo.generate(ws, 12, seed=4)
    timed = run_timed_campaign(ws, clock, actor.id)
    planned = ws.campaigns.create(actor.id, "Wawaran Rute Dua Kecamatan").id
    for no in (1, 2):
        who = step_actor(ws, planned, no)
        ws.steps.start(who, planned, no)
        if no == 1:
            fill_stage(ws, who, planned, 1)
            ws.steps.finish(who, planned, 1)
    service = briefing.Service(ws)
    for code, place, at in (("36.71.01.1001", "Masjid Jami Sukarasa", "09:00"),
                            ("36.71.02.1001", "Balai Warga Keroncong", "10:00"),
                            ("36.71.02.1002", "Lapangan Jatake", "11:00")):
        service.add_location(step_actor(ws, planned, 2), planned, code, place, at)
    clock.set(datetime(2026, 11, 30, 17, 30, tzinfo=UTC))  # 1 December, 00.30 WIB
    midnight = ws.campaigns.create(actor.id, "Wawaran Tengah Malam").id
    return timed, planned, midnight


def table_parts(path) -> dict[str, ElementTree.Element]:
    """Each sheet's table part as Excel finds it: workbook -> sheet -> its rels -> xl/tables/tableN.xml."""
    found = {}
    with zipfile.ZipFile(path) as z:
        types = z.read("[Content_Types].xml").decode()
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        book_rels = {r.get("Id"): r.get("Target") for r in ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        for sheet in book.find("m:sheets", NS):
            target = book_rels[sheet.get(REL)].lstrip("/").removeprefix("xl/")
            xml = ElementTree.fromstring(z.read(f"xl/{target}"))
            parts = xml.find("m:tableParts", NS)
            if parts is None:
                continue
            [part] = parts
            name = target.rsplit("/", 1)[1]
            rels = {r.get("Id"): r.get("Target") for r in ElementTree.fromstring(
                z.read(f"xl/worksheets/_rels/{name}.rels"))}
            table_path = "xl/tables/" + rels[part.get(REL)].rsplit("/", 1)[1]
            assert f'PartName="/{table_path}" ContentType="{TABLE_TYPE}"' in types
            found[sheet.get("name")] = ElementTree.fromstring(z.read(table_path))
    return found


def test_every_data_sheet_is_one_table_over_exactly_its_rows(ws, filled, tmp_path):
    path = write_workbook(ws, tmp_path / "evaluasi.xlsx")
    wb = load_workbook(path)
    parts = table_parts(path)
    assert set(parts) == set(SHEETS)  # the summary is not a table: titles and merged notes
    for sheet_name, table_name in SHEETS.items():
        sheet = wb[sheet_name]
        header = [c.value for c in sheet[1]]
        assert all(isinstance(h, str) and h for h in header) and len(set(header)) == len(header)
        rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]
        assert len(rows) == sheet.max_row - 1 > 0
        ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
        [table] = sheet.tables.values()
        assert (table.name, table.displayName, table.ref) == (table_name, table_name, ref)
        assert table.tableStyleInfo.name and table.tableStyleInfo.showRowStripes
        assert not sheet.merged_cells.ranges and sheet.auto_filter.ref is None
        xml = parts[sheet_name]  # what Excel reads: ref, filter, and column names equal to the header cells
        assert (xml.get("name"), xml.get("displayName"), xml.get("ref")) == (table_name, table_name, ref)
        assert xml.find("m:autoFilter", NS).get("ref") == ref
        columns = xml.find("m:tableColumns", NS)
        assert int(columns.get("count")) == len(header)
        assert [c.get("name") for c in columns] == header
        assert [int(c.get("id")) for c in columns] == list(range(1, len(header) + 1))
    ids = [int(x.get("id")) for x in parts.values()]
    assert len(set(ids)) == len(ids)  # table ids unique in the workbook
    assert len({x.get("name") for x in parts.values()}) == 3


def test_an_empty_period_still_gives_valid_tables(ws, filled, tmp_path):
    path = write_workbook(ws, tmp_path / "kosong.xlsx", datetime(2031, 1, 1).date(), None)
    wb = load_workbook(path)
    parts = table_parts(path)
    for sheet_name in SHEETS:
        sheet = wb[sheet_name]
        width = get_column_letter(sheet.max_column)
        [table] = sheet.tables.values()
        assert table.ref == parts[sheet_name].get("ref") == f"A1:{width}2"  # header and one empty row
        assert [v for row in sheet.iter_rows(min_row=2, values_only=True) for v in row if v is not None] == []
    texts = [r[0] for r in wb["Ringkasan"].iter_rows(values_only=True) if r[0]]
    assert "Tidak ada kampanye pada periode dan saringan ini." in texts
    assert "Kampanye" in pdf_text(to_pdf(path, tmp_path))  # LibreOffice opens it too


def test_kampanye_has_month_kecamatan_and_scores_with_their_meaning(ws, filled, tmp_path):
    timed, planned, midnight = filled
    path = write_workbook(ws, tmp_path / "evaluasi.xlsx")
    sheet = load_workbook(path)["Kampanye"]
    header = [c.value for c in sheet[1]]
    at = {h: i for i, h in enumerate(header)}
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}

    def value(cid, column):
        return rows[cid][at[column]].value

    # the month: a real date (its first day) in WIB, shown yyyy-mm
    assert value(timed, "Bulan") == datetime(2026, 11, 1) and value(midnight, "Bulan") == datetime(2026, 12, 1)
    assert value(midnight, "Dibuat (WIB)") == datetime(2026, 12, 1, 0, 30)
    assert {r[at["Bulan"]].number_format for r in rows.values()} == {"yyyy-mm"}
    for row in rows.values():
        made = row[at["Dibuat (WIB)"]].value
        assert row[at["Bulan"]].value == datetime(made.year, made.month, 1)
    months = [r[at["Bulan"]].value for r in rows.values()]
    assert months == sorted(months)  # oldest campaign first: the months follow

    # kecamatan: from the stops once on the road, else from the briefing's plan
    assert (value(timed, "Kecamatan"), value(timed, "Semua kecamatan")) == ("Tangerang", "Tangerang")
    assert (value(planned, "Kecamatan"), value(planned, "Semua kecamatan")) == ("Jatiuwung", "Tangerang, Jatiuwung")
    assert value(midnight, "Kecamatan") is None and value(midnight, "Semua kecamatan") is None  # no route yet
    stops = load_workbook(path)["Lokasi"]
    by_campaign: dict[int, list[str]] = {}
    for row in stops.iter_rows(min_row=2, values_only=True):
        by_campaign.setdefault(row[0], []).append(row[3])
    for cid, names in by_campaign.items():  # every campaign on the road: its stops' kecamatan
        assert value(cid, "Kecamatan") in names
        assert value(cid, "Semua kecamatan").split(", ") == list(dict.fromkeys(names))

    # scores: numbers, their meaning in a column of its own
    for aspect in ("ketepatan", "jangkauan", "narasi"):
        assert (value(timed, f"Skor {aspect}"), value(timed, f"Arti skor {aspect}")) == (4, "Baik")
        for row in rows.values():
            score, meaning = row[at[f"Skor {aspect}"]], row[at[f"Arti skor {aspect}"]]
            assert (score.value is None and meaning.value is None) or (
                score.data_type == "n" and isinstance(score.value, int) and meaning.value == MEANING[score.value])
    assert {rows[c][at["Skor narasi"]].value for c in rows} - {None}  # the demo scores too


def test_the_month_and_kecamatan_print_as_read(ws, filled, tmp_path):
    path = write_workbook(ws, tmp_path / "evaluasi.xlsx")
    text = pdf_text(to_pdf(path, tmp_path), layout=True)
    [line] = [line for line in text.splitlines() if "Wawaran Tengah Malam" in line and "2026-12" in line]
    assert re.search(r"\s2026-12(\s|$)", line)
    [line] = [line for line in text.splitlines() if "Wawaran Rute Dua Kecamatan" in line and "Tangerang, " in line]
    assert "Tangerang, Jatiuwung" in line


def test_the_main_kecamatan_has_the_most_stops_the_first_on_a_tie():
    assert main_kecamatan(["Benda", "Ciledug", "Ciledug"]) == ("Ciledug", ("Benda", "Ciledug"))
    assert main_kecamatan(["Pinang", "Benda", "Benda", "Pinang"]) == ("Pinang", ("Pinang", "Benda"))
    assert main_kecamatan([]) == ("", ())
