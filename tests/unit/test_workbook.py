"""The evaluators' workbook: read back with openpyxl, and converted to PDF by LibreOffice."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from office import pdf_text, to_pdf
from openpyxl import load_workbook
from report_campaign import run_timed_campaign

from wawaran_desktop.infra.atomic import ExportError
from wawaran_desktop.documents.workbook import write_workbook
from wawaran_desktop import demo
from wawaran_desktop.text import durations
from wawaran_desktop.services.records import CampaignStatus

DEMO = 30


class Stop(Exception):
    pass


@pytest.fixture
def filled(ws, clock, actor):
    """Thirty demo campaigns of the last six months, then one with known times (the newest)."""
    demo.generate(ws, DEMO, seed=1)
    return run_timed_campaign(ws, clock, actor.id)


@pytest.fixture
def book(ws, filled, tmp_path):
    path = write_workbook(ws, tmp_path / "evaluasi.xlsx")
    return path, load_workbook(path)


def rules(sheet):
    return [(str(cf.sqref), rule) for cf in sheet.conditional_formatting for rule in cf.rules]


def test_sheets_rows_and_real_types(book, filled):
    _, wb = book
    assert wb.sheetnames == ["Ringkasan", "Kampanye", "Tahap", "Lokasi"]
    campaigns = list(wb["Kampanye"].iter_rows(values_only=True))
    assert campaigns[0][:5] == ("ID", "Judul kampanye", "Tema", "Status", "Dibuat (WIB)")
    assert len(campaigns) == DEMO + 2
    mine = next(r for r in campaigns if r[0] == filled)
    assert mine[3] == "Selesai" and mine[4] == datetime(2026, 11, 26, 8, 0)
    assert mine[7:9] == (9, 1) and mine[11:15] == (185, timedelta(minutes=158), timedelta(0), "Tepat waktu")
    assert mine[15:22] == (datetime(2026, 11, 1), "Tangerang", "Tangerang", 3, 2, 200, 450)
    assert mine[22:] == (4, "Baik", 4, "Baik", 4, "Baik")  # scores as numbers, their meaning beside them
    assert campaigns[0][11:15] == ("Standar (menit)", "Waktu kerja", "Lewat baku", "Status waktu")
    assert all(isinstance(r[4], datetime) for r in campaigns[1:])
    assert all(isinstance(r[12], timedelta) for r in campaigns[1:])  # real durations: they sum in Excel
    assert {r[14] for r in campaigns[1:]} <= {"Belum dimulai", "Berjalan", "Tepat waktu", "Berisiko terlambat",
                                              "Terlambat", "Tidak dilaksanakan (dibatalkan)", "Terhenti (dibatalkan)"}

    steps = list(wb["Tahap"].iter_rows(values_only=True))
    assert len(steps) == 9 * (DEMO + 1) + 1
    theme = next(r for r in steps if r[0] == filled and r[2] == 3)
    assert steps[0][3:7] == ("Tahap", "Pelaksana menurut SOP", "Petugas", "Peran petugas saat mencatat")
    assert theme[3:5] == ("Tema", "Kepala Bidang DIKP")
    assert theme[7:9] == (datetime(2026, 11, 26, 8, 29), datetime(2026, 11, 26, 8, 57))
    assert steps[0][9:12] == ("Standar (menit)", "Waktu kerja", "Lewat baku")
    assert theme[9:15] == (5, timedelta(minutes=8), timedelta(minutes=3), "Terlambat", 1, 0)
    assert {r[12] for r in steps[1:]} <= {"Belum dimulai", "Berjalan", "Tepat waktu", "Berisiko terlambat",
                                          "Terlambat", "Dijeda", "Tidak dilaksanakan (dibatalkan)"}
    cancelled = {r[0] for r in campaigns[1:] if r[3] == "Dibatalkan"}
    assert cancelled  # the demo cancels some: their steps never reached say so, not "Belum dimulai"
    assert not any(r[0] in cancelled and r[12] == "Belum dimulai" for r in steps[1:])
    assert any(r[0] in cancelled and r[12] == "Tidak dilaksanakan (dibatalkan)" for r in steps[1:])
    assert any(r[12] == "Terlambat" for r in steps if r[0] != filled)  # the demo has late steps too

    stops = [r for r in wb["Lokasi"].iter_rows(values_only=True) if r[0] == filled]
    assert [r[4] for r in stops] == ["Sukasari", "Sukarasa", "Sukaasih"]
    assert stops[0][6:11] == ("Ya", time(9, 0), datetime(2026, 11, 26, 9, 27), datetime(2026, 11, 26, 9, 57),
                              timedelta(minutes=30))
    assert stops[2][8] is None


def test_formatting_of_the_data_sheets(book):
    _, wb = book
    for name, last in (("Kampanye", "AB"), ("Tahap", "O"), ("Lokasi", "N")):
        sheet = wb[name]
        head = sheet["A1"]
        assert head.font.bold and head.font.color.rgb.endswith("FFFFFF") and head.fill.fgColor.rgb.endswith("1F3864")
        assert head.font.name == "Arial"
        assert sheet.freeze_panes == "A2"
        [table] = sheet.tables.values()  # an Excel table has its own filter: none on the sheet
        assert table.ref == table.autoFilter.ref == f"A1:{last}{sheet.max_row}" and sheet.auto_filter.ref is None
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert 70 <= sheet.page_setup.scale <= 100 and not sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert "Halaman &P dari &N" in sheet.oddFooter.center.text
        assert sheet.column_dimensions["B"].width >= 40  # titles are readable
    steps = wb["Tahap"]
    assert steps["H2"].number_format == "dd/mm/yyyy hh:mm"
    for column, shown in (("K", durations.EXCEL_FORMAT), ("L", durations.EXCEL_OVER_FORMAT)):
        # Waktu kerja, Lewat baku: durations in minutes and seconds ("–" when none is past)
        assert steps[f"{column}2"].number_format == shown
        assert all(isinstance(v, timedelta) for (v,) in steps.iter_rows(
            min_row=2, min_col=ord(column) - 64, max_col=ord(column) - 64, values_only=True) if v is not None)
    assert wb["Kampanye"]["M2"].number_format == wb["Lokasi"]["K2"].number_format == durations.EXCEL_FORMAT
    assert wb["Kampanye"]["N2"].number_format == durations.EXCEL_OVER_FORMAT
    [(where, late)] = rules(steps)
    assert where == f"A2:O{steps.max_row}" and late.formula == ['$M2="Terlambat"']
    assert late.dxf.fill.fgColor.rgb.endswith("FFC7CE")
    [(where, late), (status_where, status_late)] = rules(wb["Kampanye"])
    assert where.startswith("I2:I") and late.formula == ["I2>0"]
    assert status_where.startswith("O2:O") and status_late.formula == ['O2="Terlambat"']
    assert wb["Lokasi"]["H2"].number_format == "hh:mm"
    for sheet, columns in ((wb["Kampanye"], "UV"), (wb["Lokasi"], "LM")):  # Selebaran, Warga
        assert {sheet[f"{c}2"].number_format for c in columns} == {"#,##0"}
    assert wb["Kampanye"]["A2"].number_format == "General"  # an ID has no thousands separator


def test_summary_sheet_and_its_charts(book):
    _, wb = book
    sheet = wb["Ringkasan"]
    values = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r[0]}
    assert "REKAPITULASI EVALUASI WAWARAN KELILING" in values
    assert values["Jumlah kampanye"] == DEMO + 1
    assert sum(values[f"   {s}"] for s in ("selesai", "berjalan", "belum dimulai", "dibatalkan")) == DEMO + 1
    assert 0 < values["Tahap selesai tepat waktu"] < 1
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "Tahap")
    table = rows[header + 1:header + 10]
    assert [r[0] for r in table] == ["1. Pengumpulan Data", "2. Briefing", "3. Tema", "4. Narasi", "5. Disposisi",
                                     "6. Pengecekan", "7. Diseminasi", "8. Laporan", "9. Evaluasi"]
    assert [r[1] for r in table] == [20, 10, 5, 5, 5, 5, 120, 10, 5]
    assert rows[header][6:14] == ("Rata-rata", "Terburuk", "Kampanye terburuk (ID)", "Standar (menit)",
                                  "Rata-rata (menit)", "Terburuk (menit)", "Rata-rata (% standar)", "Standar (100%)")
    for (_, standard, finished, on_time, late, rate, average, worst, worst_id,
         chart_standard, chart_average, chart_worst, percent, hundred) in table:
        assert 0 <= on_time <= finished and rate == pytest.approx(on_time / finished)
        assert isinstance(average, timedelta) and average <= worst and average.microseconds == 0
        # the minutes behind the chart: the same whole seconds (hidden columns J-L)
        assert (chart_standard, chart_average, chart_worst) == pytest.approx(
            (standard, average.total_seconds() / 60, worst.total_seconds() / 60))
        # the chart: the average over the standard (hidden M), against a line at 100% (hidden N)
        assert percent == pytest.approx(average.total_seconds() / (standard * 60)) and hundred == 1
    assert {sheet.cell(header + 2, col).number_format for col in (7, 8)} == {durations.EXCEL_FORMAT}
    assert {sheet.cell(header + 2, col).number_format for col in (13, 14)} == {"0.0%"}
    assert all(sheet.column_dimensions[c].hidden for c in "JKLMN") and not sheet.column_dimensions["I"].hidden
    assert values["Rata-rata waktu kerja kampanye selesai"].microseconds == 0
    assert any("kolom M–N yang disembunyikan" in str(r[0]) for r in rows)
    assert sheet.cell(header + 2, 6).number_format == "0.0%"
    assert sheet.cell(header + 1, 1).fill.fgColor.rgb.endswith("1F3864")
    charts = sheet._charts
    assert len(charts) == 2
    assert [c.tagname for c in charts] == ["barChart", "barChart"]
    assert len(charts[0].series) == 1 and len(charts[1].series) == 1  # the 100% line: test_workbook_chart.py
    assert [s.val.numRef.f.split("!")[1][:2] for s in charts[1].series] == ["$M"]
    assert charts[1].visible_cells_only is False
    assert sheet.page_setup.fitToHeight == 1 and sheet.page_setup.orientation == "portrait"


def test_document_properties(book):
    _, wb = book
    props = wb.properties
    assert props.title == "Rekapitulasi Evaluasi Wawaran Keliling"
    assert props.creator == "Dinas Komunikasi dan Informatika (Wawaran Desktop)"
    assert "wawaran" in props.keywords and props.language == "id-ID"
    assert props.subject == "Periode awal data s.d. 26 November 2026"
    assert props.created == datetime(2026, 11, 26, 4, 16)  # the clock at writing (11.16 WIB), in UTC


def test_filters_and_progress(ws, filled, tmp_path):
    reports: list[tuple[int, int, str]] = []
    path = write_workbook(ws, tmp_path / "selesai.xlsx", date(2026, 11, 26), date(2026, 11, 26),
                          lambda *args: reports.append(args), status=CampaignStatus.DONE)
    wb = load_workbook(path)
    assert [r[0] for r in wb["Kampanye"].iter_rows(min_row=2, values_only=True)] == [filled]
    assert wb["Tahap"].max_row == 10
    assert wb.properties.subject == "Periode 26 November 2026 s.d. 26 November 2026"
    summary = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(values_only=True) if r[0]}
    assert any("Status: Selesai" in key for key in summary)
    assert reports[-1][0] == reports[-1][1] == 1 + 9 + 3
    assert all(done <= total or total == 0 for done, total, _ in reports)


def test_a_cancelled_export_keeps_the_old_file(ws, filled, tmp_path):
    target = tmp_path / "evaluasi.xlsx"
    target.write_bytes(b"buku lama")

    def cancel(done, total, text):
        if "Menghitung" in text:
            raise Stop()

    with pytest.raises(Stop):
        write_workbook(ws, target, progress=cancel)
    assert target.read_bytes() == b"buku lama"
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == ["evaluasi.xlsx"]


def test_an_empty_period_and_bad_requests(ws, filled, tmp_path):
    wb = load_workbook(write_workbook(ws, tmp_path / "kosong.xlsx", date(2030, 1, 1), None))
    texts = [r[0] for r in wb["Ringkasan"].iter_rows(values_only=True) if r[0]]
    assert "Tidak ada kampanye pada periode dan saringan ini." in texts
    assert wb["Tahap"].max_row == 1 and wb["Ringkasan"]._charts == []
    with pytest.raises(ExportError, match="Tanggal awal periode jatuh setelah"):
        write_workbook(ws, tmp_path / "x.xlsx", date(2026, 11, 2), date(2026, 11, 1))
    with pytest.raises(ExportError, match=r"\.xlsx"):
        write_workbook(ws, tmp_path / "x.csv")


def test_libreoffice_reads_the_workbook(book, tmp_path):
    path, _ = book
    text = pdf_text(to_pdf(path, tmp_path))
    for expected in ("REKAPITULASI EVALUASI WAWARAN KELILING", "Angka utama", "Ketepatan waktu per tahap",
                     "Persentase tahap selesai tepat waktu", "Rata-rata waktu kerja terhadap standar (%)",
                     "1. Pengumpulan Data",
                     "Judul kampanye", "Wawaran Pencegahan DBD di Kecamatan Tangerang", "26/11/2026 08:29",
                     "Terlambat", "Sukaasih", "Halaman 1 dari"):
        assert expected in text, expected


def test_the_summary_says_what_the_statuses_mean_at_the_office_thresholds():
    from wawaran_desktop.documents.workbook_summary import status_note
    from wawaran_desktop.services.timing import Thresholds

    assert "tidak melebihi 100% dari standar" in status_note(Thresholds())
    note = status_note(Thresholds(0.7, 1.13))
    assert "tidak melebihi 113% dari standar" in note and "memakai 70% dari standar" in note
