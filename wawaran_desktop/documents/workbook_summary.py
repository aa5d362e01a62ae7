"""The "Ringkasan" sheet of the evaluators' workbook: key figures, per-step timeliness, charts.

Written on a write-only sheet: widths, merges and page setup first, then the rows in order,
then two native Excel charts over the per-step table (on-time rate; average working time as a
percentage of the standard), so they stay live if the office edits the figures.

Working times are real durations (minutes and seconds, as every window tells them). Minutes
on one axis let the 120-minute dissemination dwarf the 5-minute steps, so the second chart
plots each step's average working time over its standard (the same whole seconds over the
standard's; 100% = exactly the standard) as columns, with a line at 100%. Its series sit in
hidden columns beside the table (:data:`PERCENT_HEADERS`, after the minutes they come from,
:data:`CHART_HEADERS`), and the sheet says so under the table.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from wawaran_desktop.documents import xlsx_style as xs
from wawaran_desktop.reports.evaluation_stats import Stats, StepSummary
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.timing import Thresholds
from wawaran_desktop.text import durations
from wawaran_desktop.text.formatting import long_date_time, short_date

WIDTHS = (40, 15, 10, 10, 10, 11, 15, 15, 12)
STEP_HEADERS = ("Tahap", "Standar (menit)", "Selesai", "Tepat waktu", "Terlambat", "% tepat waktu",
                "Rata-rata", "Terburuk", "Kampanye terburuk (ID)")
STEP_KINDS = ("text", "int", "int", "int", "int", "percent", "duration", "duration", "int")
LAST = get_column_letter(len(WIDTHS))
#: The minutes chart's data, in hidden columns after the table: its axis counts minutes.
CHART_HEADERS = ("Standar (menit)", "Rata-rata (menit)", "Terburuk (menit)")
CHART_FIRST = len(WIDTHS) + 1
#: The percentage chart's series, hidden after the minutes: the average over the standard, and 100%.
PERCENT_HEADERS = ("Rata-rata (% standar)", "Standar (100%)")
PERCENT_FIRST = CHART_FIRST + len(CHART_HEADERS)
HIDDEN_LAST = PERCENT_FIRST + len(PERCENT_HEADERS) - 1
CHART_NOTE = ("Grafik waktu kerja terhadap standar: rata-rata waktu kerja tiap tahap dibagi standarnya "
              "(100% = tepat standar; garis merah), dari kolom "
              f"{get_column_letter(PERCENT_FIRST)}–{get_column_letter(HIDDEN_LAST)} yang disembunyikan "
              f"(menitnya di kolom {get_column_letter(CHART_FIRST)}–{get_column_letter(PERCENT_FIRST - 1)}).")
PERCENT_TITLE = "Rata-rata waktu kerja terhadap standar (%)"
#: The workbook's typeface (xlsx_style.ARIAL_FONTS: its printed layout is computed from widths).
FONTS = xs.ARIAL_FONTS
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
CHART_ROWS = 17


def status_note(limits: Thresholds) -> str:
    """What the status words mean at the office's thresholds (Pengaturan → Batas Waktu)."""
    late = f"{round(limits.late * 100)}%"
    return (f"Tepat waktu: waktu kerja (tanpa jeda, dalam detik penuh) tidak melebihi {late} dari standar. "
            f"Terlambat: melebihi {late} dari standar, termasuk tahap yang masih berjalan. Berisiko terlambat: "
            f"tahap berjalan yang sudah memakai {round(limits.at_risk * 100)}% dari standar.")

def write_summary(sheet, stats: Stats, government: str, office: str, history_line: str = "", *,
                  paper: str = "A4") -> None:
    """The summary on a streamed sheet; ``history_line`` (the history chain's head) under the
    title's date, when given; printed on one portrait page of ``paper`` ("A4" or "F4")."""
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for index in range(CHART_FIRST, HIDDEN_LAST + 1):
        sheet.column_dimensions[get_column_letter(index)].hidden = True
    xs.page_setup(sheet, landscape=False)
    sheet.page_setup.fitToHeight = 1
    sheet.page_setup.paperSize = xs.paper_code(paper)
    rows: list[list] = []

    def add(*cells) -> int:
        rows.append(list(cells))
        return len(rows)

    for text, font in ((government.upper(), FONTS.subtitle), (office.upper(), FONTS.subtitle),
                       ("REKAPITULASI EVALUASI WAWARAN KELILING", FONTS.title)):
        row = add(xs.cell(sheet, text, font=font, align=CENTER))
        sheet.merged_cells.add(f"A{row}:{LAST}{row}")
    row = add(xs.cell(sheet, f"{period_text(stats)} · Status: {_status(stats)}", font=FONTS.body, align=CENTER))
    sheet.merged_cells.add(f"A{row}:{LAST}{row}")
    row = add(xs.cell(sheet, f"Keadaan per {long_date_time(stats.generated_at)}", font=FONTS.note, align=CENTER))
    sheet.merged_cells.add(f"A{row}:{LAST}{row}")
    if history_line:  # what verify-history compares, as on the Word report
        row = add(xs.cell(sheet, history_line, font=FONTS.note, align=CENTER))
        sheet.merged_cells.add(f"A{row}:{LAST}{row}")
    add()
    add(xs.cell(sheet, "A. Angka utama", font=FONTS.subtitle))
    for label, value, kind in _key_figures(stats):
        add(xs.cell(sheet, label, font=FONTS.body, border=True),
            xs.cell(sheet, value, kind, font=FONTS.label, border=True))
    add()
    add(xs.cell(sheet, "B. Ketepatan waktu per tahap (tahap yang sudah selesai)", font=FONTS.subtitle))
    sheet.row_dimensions[len(rows) + 1].height = 30
    header = add(*[xs.cell(sheet, h, font=FONTS.header, fill=xs.HEADER_FILL, border=True, align=xs.HEADER_ALIGN)
                   for h in STEP_HEADERS], *[xs.cell(sheet, h) for h in CHART_HEADERS + PERCENT_HEADERS])
    for step in stats.per_step:
        values = (f"{step.no}. {step.short}", step.standard_minutes, step.finished, step.on_time, step.late,
                  step.on_time_rate, xs.duration(step.average_seconds), xs.duration(step.worst_seconds),
                  step.worst_campaign_id)
        add(*[xs.cell(sheet, v, k, font=FONTS.body, border=True) for v, k in zip(values, STEP_KINDS)],
            *[xs.cell(sheet, v) for v in _chart_minutes(step)],
            *[xs.cell(sheet, v, "percent") for v in _chart_percent(step)])
    last_step = len(rows)
    notes = [status_note(stats.limits), *([CHART_NOTE] if stats.per_step else [])]
    for note in notes:  # across the table, wrapped, its row as tall as its lines
        row = add(xs.cell(sheet, note, font=FONTS.note, align=xs.WRAP))
        sheet.merged_cells.add(f"A{row}:{LAST}{row}")
        sheet.row_dimensions[row].height = xs.fitted_height([(note, sum(WIDTHS))], FONTS.note.size)
    if not stats.campaigns:
        add(xs.cell(sheet, "Tidak ada kampanye pada periode dan saringan ini.", font=FONTS.label))
    for values in rows:
        sheet.append(values)
    if stats.per_step:
        _charts(sheet, header, last_step, len(rows) + 2)
    sheet.print_area = f"A1:{LAST}{len(rows) + 2 + (CHART_ROWS * 2 if stats.per_step else 0)}"


def period_text(stats: Stats, prefix: str = "Periode pembuatan kampanye:") -> str:
    """``Periode …: 1/10/2026 s.d. 26/11/2026`` — the campaigns' creation dates the workbook covers."""
    start = short_date(stats.date_from) if stats.date_from else "awal data"
    end = short_date(stats.date_to) if stats.date_to else short_date(stats.generated_at)
    return f"{prefix} {start} s.d. {end}"


def _status(stats: Stats) -> str:
    return stats.status.label if stats.status is not None else "semua"


def _average(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _chart_minutes(step: StepSummary) -> tuple[float | None, ...]:
    """The minutes chart's standard, average and worst: the table's whole seconds over 60, unrounded."""
    def minutes(seconds: float | None) -> float | None:
        return None if seconds is None else durations.whole(seconds) / 60

    return step.standard_minutes, minutes(step.average_seconds), minutes(step.worst_seconds)


def _chart_percent(step: StepSummary) -> tuple[float | None, float]:
    """The percentage chart's average (whole seconds over the standard's seconds; 1.0 = 100%) and
    its 100% line; no average without a finished step or a standard."""
    if step.average_seconds is None or not step.standard_minutes:
        return None, 1.0
    return durations.whole(step.average_seconds) / (step.standard_minutes * 60), 1.0


def _key_figures(stats: Stats) -> list[tuple[str, object, str]]:
    done = [c for c in stats.campaigns if c.status is CampaignStatus.DONE]
    figures: list[tuple[str, object, str]] = [
        ("Jumlah kampanye", len(stats.campaigns), "count"),
        ("   selesai", stats.count(CampaignStatus.DONE), "count"),
        ("   berjalan", stats.count(CampaignStatus.RUNNING), "count"),
        ("   belum dimulai", stats.count(CampaignStatus.DRAFT), "count"),
        ("   dibatalkan", stats.count(CampaignStatus.CANCELLED), "count"),
        ("Tahap selesai tepat waktu", stats.on_time_rate, "percent"),
        ("Kampanye selesai tanpa tahap terlambat", sum(1 for c in done if c.late_steps == 0), "count"),
        ("Rata-rata waktu kerja kampanye selesai", xs.duration(_average([c.elapsed_seconds for c in done])),
         "duration"),
        ("Standar waktu seluruh tahap (menit)", done[0].standard_minutes if done else None, "int"),
        ("Lokasi dikunjungi", sum(c.visited for c in stats.campaigns), "count"),
        ("Selebaran dibagikan", sum(c.flyers for c in stats.campaigns), "count"),
        ("Warga terjangkau (perkiraan)", sum(c.audience for c in stats.campaigns), "count"),
    ]
    for label, attribute in (("ketepatan waktu", "score_timeliness"), ("jangkauan", "score_reach"),
                             ("kualitas narasi", "score_narration")):
        scores = [getattr(c, attribute) for c in stats.campaigns if getattr(c, attribute) is not None]
        average = _average(scores)
        figures.append((f"Rata-rata skor {label} (1–5)", None if average is None else round(average, 1), "decimal"))
    return figures


def _charts(sheet, header: int, last: int, anchor_row: int) -> None:
    categories = Reference(sheet, min_col=1, min_row=header + 1, max_row=last)
    rate = BarChart()
    rate.type = "col"
    rate.title = "Persentase tahap selesai tepat waktu"
    rate.y_axis.title = "% tepat waktu"
    rate.y_axis.number_format = "0%"
    rate.y_axis.scaling.min, rate.y_axis.scaling.max = 0, 1
    rate.add_data(Reference(sheet, min_col=6, min_row=header, max_row=last), titles_from_data=True)
    rate.set_categories(categories)
    rate.legend = None
    rate.dataLabels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False,
                                    showPercent=False)
    _place(rate, anchor_row)
    sheet.add_chart(rate)

    percent = BarChart()
    percent.type = "col"
    percent.title = PERCENT_TITLE
    percent.y_axis.title = "% dari standar"
    percent.y_axis.number_format = "0%"
    percent.y_axis.scaling.min = 0
    percent.add_data(Reference(sheet, min_col=PERCENT_FIRST, min_row=header, max_row=last), titles_from_data=True)
    percent.set_categories(categories)
    percent.dataLabels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False,
                                       showPercent=False)
    reference = LineChart()  # the 100% line, on the columns' axes
    reference.add_data(Reference(sheet, min_col=PERCENT_FIRST + 1, min_row=header, max_row=last),
                       titles_from_data=True)
    reference.set_categories(categories)
    line = reference.series[0]
    line.graphicalProperties.line.solidFill = "C00000"
    line.graphicalProperties.line.width = 25400  # 2 pt
    line.smooth = False
    line.marker.symbol = "none"
    percent += reference
    percent.visible_cells_only = False  # its data sits in hidden columns
    percent.legend.position = "b"
    _place(percent, anchor_row + CHART_ROWS)
    sheet.add_chart(percent)


def _place(chart: BarChart, row: int) -> None:
    """Across the table's columns, CHART_ROWS - 1 rows tall (1-based ``row``)."""
    chart.anchor = TwoCellAnchor(_from=AnchorMarker(col=0, row=row - 1),
                                 to=AnchorMarker(col=len(WIDTHS), row=row - 2 + CHART_ROWS))
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.x_axis.tickLblPos = "low"
