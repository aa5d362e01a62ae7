"""The campaign report as a spreadsheet: one "Laporan" sheet, printable on the office's paper (A4
or F4) like the Word report, whose tables hold real values (WIB date-times as dates, working time
as durations, scores as numbers), and a "Rute" sheet with the stops as a filterable table whose
addresses and notes wrap inside the page. The history chain's head when it was made (the Word
report's line, services/history.py) closes the "Laporan" sheet and is in the footer of every
printed page of both sheets, beside the page number. An unfinished campaign's workbook is a
draft: its title says so, and so does the header of every printed page."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from wawaran_desktop.documents import xlsx_style as xs
from wawaran_desktop.documents.text import paragraphs_of
from wawaran_desktop.reports.report_data import CampaignReport
from wawaran_desktop.services.office_profile import OfficeProfile
from wawaran_desktop.services.stages.evaluation import ASPECTS, SCORE_LABELS
from wawaran_desktop.text import formatting as fmt

WIDTHS = (5, 20, 36, 16, 16, 15, 11, 16)
LAST = get_column_letter(len(WIDTHS))
STEP_HEADER = ("No", "Kegiatan", "Pelaksana", "Mulai (WIB)", "Selesai (WIB)", "Waktu kerja", "Standar (menit)",
               "Status")
STEP_KINDS = ("int", "text", "text", "datetime", "datetime", "duration", "int", "text")
ROUTE_COLUMNS = (
    xs.Column("No", 5, "int"), xs.Column("Kecamatan", 16), xs.Column("Kelurahan", 18),
    xs.Column("Alamat/patokan", 30), xs.Column("Terencana", 10), xs.Column("Jam rencana", 9, "time"),
    xs.Column("Tiba (WIB)", 16, "datetime"), xs.Column("Berangkat (WIB)", 16, "datetime"),
    xs.Column("Lama", 14, "duration"), xs.Column("Selebaran", 10, "count"),
    xs.Column("Warga (perkiraan)", 11, "count"), xs.Column("Catatan", 40))
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
DRAFT_COLOUR = "C00000"


class _Sheet:
    """Writes rows top to bottom on a normal worksheet."""

    def __init__(self, ws) -> None:
        self.ws, self.row = ws, 0

    def line(self, text: str = "", font=xs.BODY_FONT, *, merge: bool = True, align=None) -> int:
        self.row += 1
        if text:
            cell = _put(self.ws, self.row, 1, text)
            cell.font, cell.alignment = font, align or Alignment(vertical="top", wrap_text=True)
            if merge:
                self.ws.merge_cells(f"A{self.row}:{LAST}{self.row}")
                self.fit_height([(text, sum(WIDTHS))])
        return self.row

    def pair(self, label: str, value: str) -> None:
        self.row += 1
        label_cell = _put(self.ws, self.row, 1, label)
        label_cell.font, label_cell.alignment = xs.LABEL_FONT, xs.WRAP
        self.ws.merge_cells(f"A{self.row}:B{self.row}")
        cell = _put(self.ws, self.row, 3, value)
        cell.font, cell.alignment = xs.BODY_FONT, xs.WRAP
        self.ws.merge_cells(f"C{self.row}:{LAST}{self.row}")
        self.fit_height([(value, sum(WIDTHS[2:]))])

    def score(self, label: str, score: int | None, words: str) -> None:
        """``label`` | the score as a number | its words, on one row."""
        self.row += 1
        label_cell = _put(self.ws, self.row, 1, label)
        label_cell.font, label_cell.alignment = xs.LABEL_FONT, xs.WRAP
        self.ws.merge_cells(f"A{self.row}:B{self.row}")
        cell = _put(self.ws, self.row, 3, score)
        cell.font, cell.number_format = xs.BODY_FONT, xs.FORMATS["score"]
        cell.alignment = Alignment(horizontal="left", vertical="top")
        words_cell = _put(self.ws, self.row, 4, words)
        words_cell.font, words_cell.alignment = xs.BODY_FONT, xs.WRAP
        self.ws.merge_cells(f"D{self.row}:{LAST}{self.row}")

    def fit_height(self, texts: Sequence[tuple[object, float]]) -> None:
        """Rows do not grow by themselves in every program: give wrapped text its lines."""
        height = xs.fitted_height(texts)
        if height is not None:
            self.ws.row_dimensions[self.row].height = height

    def table(self, header: Sequence[str], rows: Sequence[Sequence], kinds: Sequence[str]) -> tuple[int, int]:
        self.row += 1
        first = self.row
        for col, text in enumerate(header, 1):
            cell = _put(self.ws, self.row, col, text)
            cell.font, cell.fill, cell.border, cell.alignment = xs.HEADER_FONT, xs.HEADER_FILL, xs.BORDER, xs.HEADER_ALIGN
        self.ws.row_dimensions[self.row].height = 30
        for values in rows:
            self.row += 1
            for col, (value, kind) in enumerate(zip(values, kinds), 1):
                cell = _put(self.ws, self.row, col, None if value == "" else value)
                cell.font, cell.border, cell.alignment = xs.BODY_FONT, xs.BORDER, xs.WRAP
                if kind in xs.FORMATS:
                    cell.number_format = xs.FORMATS[kind]
            self.fit_height([(v, w) for v, w in zip(values, WIDTHS)])
        return first, self.row


def _put(ws, row: int, col: int, value=None):
    """``ws.cell(row, col, value)`` with text made XML-safe (a stored control character must
    not stop the export)."""
    return ws.cell(row, col, xs.xml_safe_value(value))


def build(report: CampaignReport, profile: OfficeProfile, history_line: str = "") -> Workbook:
    """The report workbook; ``history_line``: the chain's head, anchored by the caller (none: left out)."""
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Laporan"
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    xs.page_setup(sheet, landscape=False)
    out = _Sheet(sheet)
    out.line(profile.government.upper(), xs.SUBTITLE_FONT, align=CENTER)
    out.line(profile.office.upper(), xs.SUBTITLE_FONT, align=CENTER)
    out.line(report.title_text, xs.TITLE_FONT, align=CENTER)
    out.line(f"Kampanye Nomor {report.id}", xs.BODY_FONT, align=CENTER)
    out.line()
    out.pair("Kegiatan", report.title)
    out.pair("Tema", report.theme or "-")
    out.pair("Hari/tanggal pelaksanaan", report.day_text)
    out.pair("Status kampanye", report.status.label + (f" ({report.cancel_reason})" if report.cancel_reason else ""))
    out.pair("Waktu kerja seluruh tahap", report.time_summary)
    out.line()
    out.line("A. Pelaksanaan Tahapan SOP", xs.SUBTITLE_FONT)
    rows = [(s.no, s.short, who.text(), xs.wib(s.started_at), xs.wib(s.finished_at),
             xs.duration(s.elapsed_seconds) if s.started_at else None, s.standard_minutes, report.step_status(s))
            for s, who in zip(report.steps, report.people)]
    rows.append(("", "Jumlah", "", "", "", xs.duration(report.elapsed_total), report.standard_total,
                 report.total_status_label))
    first, last = out.table(STEP_HEADER, rows, STEP_KINDS)
    sheet.conditional_formatting.add(
        f"A{first + 1}:{LAST}{last}",
        FormulaRule(formula=[f'$H{first + 1}="{xs.LATE_LABEL}"'], fill=xs.LATE_FILL, font=xs.LATE_FONT))
    for col in (2, 6, 7, 8):
        sheet.cell(last, col).font = xs.LABEL_FONT
    out.line("Pelaksana: yang mencatat tahap, dengan perannya saat itu. Waktu kerja tidak menghitung jeda.",
             xs.NOTE_FONT)
    out.line()
    out.line("B. Rute dan Lokasi Wawaran", xs.SUBTITLE_FONT)
    stops = [(s.position, s.place, s.address or "", xs.wib(s.arrived_at), xs.wib(s.departed_at), s.flyers,
              s.audience, "" if s.planned else "Tidak terencana") for s in report.stops]
    stops.append(("", "Jumlah", "", "", "", report.flyers, report.audience, ""))
    out.table(("No", "Lokasi", "Alamat/patokan", "Tiba (WIB)", "Berangkat (WIB)", "Selebaran", "Warga (perkiraan)",
               "Keterangan"), stops, ("int", "text", "text", "datetime", "datetime", "count", "count", "text"))
    out.line()
    out.line("C. Kendala dan Catatan", xs.SUBTITLE_FONT)
    for n, problem in enumerate(report.problems or ("Tidak ada kendala yang tercatat.",), 1):
        out.line(f"{n}. {problem}" if report.problems else problem)
    out.line()
    out.line("D. Uraian Laporan", xs.SUBTITLE_FONT)
    blocks = paragraphs_of(report.report_body)
    for block in blocks or ["Uraian laporan belum ditulis."]:
        out.line(block)
    out.line()
    out.line("E. Evaluasi", xs.SUBTITLE_FONT)
    _evaluation(out, report)
    if not report.final:
        out.line()
        out.line(report.unsigned_note, xs.NOTE_FONT)
    if history_line:  # as the Word report closes (verify-history compares it)
        out.line()
        out.line(history_line, xs.NOTE_FONT)
    sheet.print_area = f"A1:{LAST}{out.row}"
    route = wb.create_sheet("Rute")
    _route_sheet(route, report)
    for each in (sheet, route):
        each.page_setup.paperSize = xs.paper_code(profile.paper)
        xs.history_footer(each, history_line)
        if report.draft_mark:  # on every printed page, as the Word draft's header (the title says DRAF on screen)
            each.oddHeader.center.text = xs.xml_safe(report.draft_mark).replace("&", "&&")
            each.oddHeader.center.font, each.oddHeader.center.size = f"{xs.FONT_NAME},Bold", 10
            each.oddHeader.center.color = DRAFT_COLOUR
    kind = "Laporan Hasil Wawaran" if report.final else "Draf Laporan Wawaran"
    xs.set_properties(wb, title=f"{kind} – {report.title}", subject=report.theme,
                      keywords="wawaran keliling; laporan; SOP", creator=f"{xs.plain_title(profile.office)} "
                      f"(Wawaran Desktop)", description=f"Kampanye nomor {report.id}. Waktu dalam WIB.",
                      created=report.generated_at)
    return wb


def _evaluation(out: _Sheet, report: CampaignReport) -> None:
    evaluation = report.evaluation
    if evaluation is None:
        out.line("Laporan belum dievaluasi oleh Kepala Bidang.")
        return
    received = fmt.date_time(evaluation.received_at) if evaluation.received_at else "-"
    out.pair("Diterima oleh", f"{evaluation.received_by_name or '-'}, {received}")
    for field, label in ASPECTS:
        score = getattr(evaluation, field)
        out.score(f"Skor {label.lower()} (1–5)", score or None, SCORE_LABELS.get(score, "-") if score else "-")
    if evaluation.notes.strip():
        out.pair("Catatan", evaluation.notes.strip())
    out.pair("Tindak lanjut", "\n".join(f"{n}. {p}" for n, p in enumerate(evaluation.followups, 1)) or "-")


def _route_sheet(sheet, report: CampaignReport) -> None:
    """One row per stop; text wraps in its column and each row is as tall as its longest text,
    so a long address or note stays inside the printed page."""
    xs.prepare_table(sheet, ROUTE_COLUMNS)
    for col, column in enumerate(ROUTE_COLUMNS, 1):
        cell = _put(sheet, 1, col, column.header)
        cell.font, cell.fill, cell.border, cell.alignment = xs.HEADER_FONT, xs.HEADER_FILL, xs.BORDER, xs.HEADER_ALIGN
    for row, s in enumerate(report.stops, 2):
        values = (s.position, s.kecamatan, s.kelurahan, s.address or None, "Ya" if s.planned else "Tidak",
                  xs.clock(s.planned_time), xs.wib(s.arrived_at), xs.wib(s.departed_at), xs.duration(s.seconds_at_stop),
                  s.flyers, s.audience, s.notes or None)
        for col, (value, column) in enumerate(zip(values, ROUTE_COLUMNS), 1):
            cell = _put(sheet, row, col, value)
            cell.font, cell.alignment = xs.BODY_FONT, xs.WRAP
            if column.kind in xs.FORMATS:
                cell.number_format = xs.FORMATS[column.kind]
        height = xs.fitted_height(zip(values, (column.width for column in ROUTE_COLUMNS)))
        if height is not None:
            sheet.row_dimensions[row].height = height
    if not report.stops:
        _put(sheet, 2, 1, None)  # the one (empty) data row an Excel table needs
    table = xs.add_table(sheet, "tblRute", ROUTE_COLUMNS, len(report.stops))  # (its own filter buttons)
    sheet.print_area = table.ref
