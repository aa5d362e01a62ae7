"""The evaluators' workbook (.xlsx): a summary with charts, then one row per campaign, per
campaign step and per route stop, over a date range and filters.

    write_workbook(ws, "evaluasi.xlsx", date_from=date(2026, 6, 1), date_to=None, progress=None,
                   status=CampaignStatus.DONE, text="PBB")

Each data sheet (Kampanye, Tahap, Lokasi: one row per record) is an Excel table
(``tblKampanye``, ``tblTahap``, ``tblLokasi``) over exactly its header and rows, so a pivot
table made on it grows with new rows and slicers can filter it; an empty period still gives a
table, over one empty row (Excel refuses a table without one). The Kampanye sheet carries what
a pivot groups by: *Bulan*, the WIB month the campaign was made, as a real date (the 1st of
that month) shown ``yyyy-mm``, so it sorts, filters by year and month and feeds a timeline;
*Kecamatan*, the route's main kecamatan (most stops; :mod:`reports.evaluation_stats`) with
*Semua kecamatan* beside it; each score 1–5 as a number with its meaning ("Kurang") in a
column of its own.

Printed (the office profile's paper, A4 or F4 as SpreadsheetML's Folio), each data sheet is
landscape at a fixed legible scale, its columns in groups on pages of their own with the ID
and title columns and the header row repeated on every page (:data:`CAMPAIGN_PRINT` …), and
"Halaman n dari m" in the footer. Free text (titles, themes, addresses, notes, names) wraps within
its column, each row as tall as its longest text needs (:func:`xlsx_style.fitted_height`), so
nothing is cut at a cell border or printed over the next row. The Tahap sheet names the SOP's lane
for each step (*Pelaksana menurut SOP*) apart from the lane the person had when they recorded it
(*Peran petugas saat mencatat*, ``step_event.actor_lane``).

The sheets are streamed (openpyxl's write-only mode): 10,000 campaigns make ~90,000 step
rows, which a normal workbook would hold in memory cell by cell. Styles, frozen headers,
tables, conditional formatting, print setup and charts all work in that mode; what has
to precede the rows (widths, panes, page setup) is set first. The file is built in memory
(bench/workbook.py reports its size), then written atomically. The history chain's head is
anchored when the workbook is made and shown as the Word report shows it (services/history.py):
under the summary's title and in the footer of every sheet's printed pages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter

from wawaran_desktop.documents import xlsx_style as xs
from wawaran_desktop.documents.workbook_summary import FONTS, period_text, write_summary
from wawaran_desktop.infra.atomic import ExportError
from wawaran_desktop.reports import evaluation_stats
from wawaran_desktop.reports.evaluation_stats import Stats
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages.evaluation import SCORE_LABELS
from wawaran_desktop.text.formatting import thousands

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

Progress = Callable[[int, int, str], None]
REPORT_EVERY = 2000  # rows between progress reports

#: The Tahap sheet's two lanes: the SOP's for the step (who is to do it), and the one recorded
#: with the last event of whoever acted (``step_event.actor_lane``): a Kepala Bidang recording
#: stage 7 is "Kepala Bidang DIKP" there, under "Kernet/Supir" as the step's lane.
STEP_LANE = "Pelaksana menurut SOP"
ACTOR_LANE = "Peran petugas saat mencatat"
CAMPAIGN_COLUMNS = (
    xs.Column("ID", 7, "int"), xs.Column("Judul kampanye", 44, xs.NOTE), xs.Column("Tema", 36, xs.NOTE),
    xs.Column("Status", 13), xs.Column("Dibuat (WIB)", 16, "datetime"), xs.Column("Dibuat oleh", 26, xs.NOTE),
    xs.Column("Tahap saat ini", 10, "int"), xs.Column("Tahap selesai", 10, "int"),
    xs.Column("Tahap terlambat", 11, "int"),
    xs.Column("Mulai (WIB)", 16, "datetime"), xs.Column("Selesai (WIB)", 16, "datetime"),
    xs.Column("Standar (menit)", 10, "int"), xs.Column("Waktu kerja", 15, "duration"),
    xs.Column("Lewat baku", 14, "over"), xs.Column("Status waktu", 26), xs.Column("Bulan", 9, "month"),
    xs.Column("Kecamatan", 16), xs.Column("Semua kecamatan", 24, xs.NOTE), xs.Column("Lokasi", 8, "int"),
    xs.Column("Dikunjungi", 10, "int"), xs.Column("Selebaran", 10, "count"), xs.Column("Warga (perkiraan)", 11, "count"),
    xs.Column("Skor ketepatan", 10, "int"), xs.Column("Arti skor ketepatan", 12),
    xs.Column("Skor jangkauan", 10, "int"), xs.Column("Arti skor jangkauan", 12),
    xs.Column("Skor narasi", 10, "int"), xs.Column("Arti skor narasi", 12))
STEP_COLUMNS = (
    xs.Column("ID kampanye", 10, "int"), xs.Column("Judul kampanye", 44, xs.NOTE), xs.Column("No", 5, "int"),
    xs.Column("Tahap", 18, xs.NOTE), xs.Column(STEP_LANE, 18, xs.NOTE), xs.Column("Petugas", 26, xs.NOTE),
    xs.Column(ACTOR_LANE, 18, xs.NOTE),
    xs.Column("Mulai (WIB)", 16, "datetime"), xs.Column("Selesai (WIB)", 16, "datetime"),
    xs.Column("Standar (menit)", 10, "int"), xs.Column("Waktu kerja", 15, "duration"),
    xs.Column("Lewat baku", 14, "over"), xs.Column("Status", 30), xs.Column("Jeda", 6, "int"),
    xs.Column("Dibuka kembali", 9, "int"))
STOP_COLUMNS = (
    xs.Column("ID kampanye", 10, "int"), xs.Column("Judul kampanye", 44, xs.NOTE), xs.Column("Urutan", 7, "int"),
    xs.Column("Kecamatan", 16, xs.NOTE), xs.Column("Kelurahan", 18, xs.NOTE), xs.Column("Alamat/patokan", 30, xs.NOTE),
    xs.Column("Terencana", 10), xs.Column("Jam rencana", 9, "time"), xs.Column("Tiba (WIB)", 16, "datetime"),
    xs.Column("Berangkat (WIB)", 16, "datetime"), xs.Column("Lama", 14, "duration"),
    xs.Column("Selebaran", 10, "count"), xs.Column("Warga (perkiraan)", 11, "count"), xs.Column("Catatan", 40, xs.NOTE))
STEP_STATUS_COLUMN = 13
CAMPAIGN_LATE_COLUMN = 9
CAMPAIGN_TIME_STATUS_COLUMN = 15
#: The data sheets: name, Excel table name, columns, print plan (columns repeated on every
#: printed page; headers starting a new group of pages). Each group fits A4 landscape at 70%+.
CAMPAIGN_PRINT = xs.PrintPlan(2, ("Mulai (WIB)", "Semua kecamatan"))
STEP_PRINT = xs.PrintPlan(4, ("Standar (menit)",))
STOP_PRINT = xs.PrintPlan(3, ("Tiba (WIB)",))
TABLES = {"Kampanye": "tblKampanye", "Tahap": "tblTahap", "Lokasi": "tblLokasi"}


def write_workbook(ws: Workspace, path: str | Path, date_from: date | None = None, date_to: date | None = None,
                   progress: Progress | None = None, *, status: CampaignStatus | None = None, text: str = "",
                   now: datetime | None = None) -> Path:
    """Gather the campaigns (created ``date_from``..``date_to``, WIB days, inclusive) and write the
    workbook at ``path`` atomically. Raises ExportError (old file kept) when it cannot be written."""
    if Path(path).suffix.lower() != ".xlsx":
        raise ExportError(f"Buku kerja evaluasi disimpan sebagai .xlsx, bukan '{Path(path).suffix}'.")
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ExportError("Tanggal awal periode jatuh setelah tanggal akhirnya.")
    progress = progress or _nothing
    stats = evaluation_stats.collect(now or ws.clock(), date_from, date_to, status, text, progress,
                                     limits=ws.thresholds)
    profile = ws.profile.load()
    # the history chain's head, anchored now and shown on every sheet (services/history.py)
    history_line = HistoryService(ws).anchor("workbook").line
    return xs.save(build(stats, profile.government, profile.office, progress, history_line=history_line,
                         paper=profile.paper), path)


def _nothing(done: int, total: int, text: str = "") -> None:
    pass


def build(stats: Stats, government: str, office: str, progress: Progress = _nothing, *,
          history_line: str = "", paper: str = "A4") -> xs.FontedWorkbook:
    """The whole workbook (write-only: save it once). ``history_line``: the history chain's head,
    anchored by the caller, under the summary's title and in every sheet's footer (none: left out);
    ``paper``: the office profile's ("A4" or "F4"), every sheet printed on it."""
    wb = xs.FontedWorkbook(FONTS.body, write_only=True)
    sheets = [wb.create_sheet(name) for name in ("Ringkasan", "Kampanye", "Tahap", "Lokasi")]
    for sheet in sheets:  # before the rows: a streamed sheet is written as it goes
        xs.history_footer(sheet, history_line)
    summary, campaigns, steps, stops = sheets
    write_summary(summary, stats, government, office, history_line, paper=paper)
    total = len(stats.campaigns) + len(stats.steps) + len(stats.stops)
    counter = _Counter(progress, total)
    _campaign_sheet(campaigns, stats, counter, paper)
    _step_sheet(steps, stats, counter, paper)
    _stop_sheet(stops, stats, counter, paper)
    progress(total, total, "Menyimpan berkas…")
    xs.set_properties(
        wb, title="Rekapitulasi Evaluasi Wawaran Keliling", subject=period_text(stats, "Periode"),
        keywords="wawaran keliling; evaluasi; SOP; Diskominfo", creator=f"{xs.plain_title(office)} (Wawaran Desktop)",
        description=(f"{len(stats.campaigns)} kampanye; lembar Ringkasan, Kampanye, Tahap dan Lokasi. "
                     "Waktu dalam WIB; waktu kerja dalam menit dan detik, jeda tidak dihitung."),
        created=stats.generated_at)
    return wb


class _Counter:
    def __init__(self, progress: Progress, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def tick(self, what: str) -> None:
        self.done += 1
        if self.done % REPORT_EVERY == 0:
            self.progress(self.done, self.total,
                          f"Menulis {what}: {thousands(self.done)} dari {thousands(self.total)} baris…")


def _table(sheet, columns, plan: xs.PrintPlan, paper: str, rows, counter: _Counter, what: str) -> int:
    """Header and rows on a streamed sheet, set up to print by ``plan``, made an Excel table."""
    xs.prepare_table(sheet, columns)
    xs.print_in_groups(sheet, columns, plan, paper)
    sheet.append(xs.header_cells(sheet, columns, FONTS.header))
    make = xs.RowMaker(sheet, columns)
    count = 0
    for values in rows:
        height = make.height(values)  # wrapped text: the row as tall as its longest needs
        if height is not None:
            sheet.row_dimensions[count + 2].height = height
        sheet.append(make(values, top=height is not None))
        count += 1
        counter.tick(what)
    if not count:
        sheet.append([None])  # the one (empty) data row a table needs
    table = xs.add_table(sheet, TABLES[sheet.title], columns, count)
    sheet.print_area = table.ref  # the table only: nothing beside it spills onto pages of its own
    return count


def campaign_values(stats: Stats):
    """The Kampanye sheet's rows, as plain values (CAMPAIGN_COLUMNS' order)."""
    for c in stats.campaigns:
        scores = [(score, SCORE_LABELS.get(score) if score is not None else None)
                  for score in (c.score_timeliness, c.score_reach, c.score_narration)]
        yield (c.id, c.title, c.theme, c.status.label, xs.wib(c.created_at), c.created_by, c.current_no,
               c.steps_finished, c.late_steps, xs.wib(c.started_at), xs.wib(c.finished_at), c.standard_minutes,
               xs.duration(c.elapsed_seconds), xs.duration(c.over_seconds), c.time_status.label,
               month(c.created_at), c.kecamatan, ", ".join(c.kecamatan_all), c.stops, c.visited, c.flyers,
               c.audience, *(value for pair in scores for value in pair))


def month(moment: datetime) -> datetime:
    """The WIB month ``moment`` falls in, as its first day (a real date Excel groups and sorts)."""
    return datetime.combine(to_wib(moment).date().replace(day=1), datetime.min.time())


def step_values(stats: Stats):
    """The Tahap sheet's rows, as plain values (STEP_COLUMNS' order)."""
    return ((r.campaign_id, r.title, s.no, s.short, s.lane, s.actor, r.actor_lane, xs.wib(s.started_at),
             xs.wib(s.finished_at),
             s.standard_minutes, xs.duration(s.elapsed_seconds) if s.started_at else None,
             xs.duration(s.over_seconds), s.status.label, s.pauses, s.reopens)
            for r in stats.steps for s in (r.step,))


def stop_values(stats: Stats):
    """The Lokasi sheet's rows, as plain values (STOP_COLUMNS' order)."""
    return ((r.campaign_id, r.title, s.position, s.kecamatan, s.kelurahan, s.address,
             "Ya" if s.planned else "Tidak", xs.clock(s.planned_time), xs.wib(s.arrived_at), xs.wib(s.departed_at),
             xs.duration(s.seconds_at_stop), s.flyers, s.audience, s.notes) for r in stats.stops for s in (r.stop,))


def _campaign_sheet(sheet, stats: Stats, counter: _Counter, paper: str) -> None:
    count = _table(sheet, CAMPAIGN_COLUMNS, CAMPAIGN_PRINT, paper, campaign_values(stats), counter, "kampanye")
    if count:
        late = get_column_letter(CAMPAIGN_LATE_COLUMN)
        sheet.conditional_formatting.add(
            f"{late}2:{late}{count + 1}", FormulaRule(formula=[f"{late}2>0"], fill=xs.LATE_FILL, font=xs.LATE_FONT))
        status = get_column_letter(CAMPAIGN_TIME_STATUS_COLUMN)
        sheet.conditional_formatting.add(
            f"{status}2:{status}{count + 1}",
            FormulaRule(formula=[f'{status}2="{xs.LATE_LABEL}"'], fill=xs.LATE_FILL, font=xs.LATE_FONT))


def _step_sheet(sheet, stats: Stats, counter: _Counter, paper: str) -> None:
    count = _table(sheet, STEP_COLUMNS, STEP_PRINT, paper, step_values(stats), counter, "tahap")
    xs.late_rows(sheet, STEP_COLUMNS, count, STEP_STATUS_COLUMN)


def _stop_sheet(sheet, stats: Stats, counter: _Counter, paper: str) -> None:
    _table(sheet, STOP_COLUMNS, STOP_PRINT, paper, stop_values(stats), counter, "lokasi")
