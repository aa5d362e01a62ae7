"""The office's spreadsheet look, shared by the campaign report and the evaluators' workbook.

Styled header rows, real cell types (dates as dates in WIB, working time as durations), column
widths, frozen headers, autofilter or an Excel table (:func:`add_table`), late rows highlighted
by conditional formatting, A4 landscape printing fitted to the page width with the header row
repeated on every page, or, for wide tables, printing in groups of columns at a legible scale
on the office's A4 or F4 (:func:`print_in_groups`), and the document properties. Works on normal and on write-only (streaming) worksheets:
on the latter, everything written before the rows (widths, panes, page setup) is set by
:func:`prepare_table` before the first row is appended.
"""

from __future__ import annotations

import io
import itertools
import warnings
from collections.abc import Iterable, Sequence
from copy import copy
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook import Workbook
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

# plain_title and the XML-safe helpers are shared with the Word writers (documents/text.py).
from wawaran_desktop.documents.text import plain_title, xml_safe, xml_safe_value  # noqa: F401
from wawaran_desktop.infra.atomic import write_bytes_atomically
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.services.timing import StepStatus
from wawaran_desktop.text import durations

FONT_NAME = "Calibri"
NAVY = "1F3864"
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF", size=10)
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14, color=NAVY)
SUBTITLE_FONT = Font(name=FONT_NAME, bold=True, size=11)
NOTE_FONT = Font(name=FONT_NAME, italic=True, size=9, color="595959")
LABEL_FONT = Font(name=FONT_NAME, bold=True, size=10)
BODY_FONT = Font(name=FONT_NAME, size=10)
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(vertical="top", wrap_text=True)
TOP = Alignment(vertical="top")
#: Excel's own "light red fill with dark red text", for late steps.
LATE_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
LATE_FONT = Font(color="9C0006")


class Fonts(NamedTuple):
    """A spreadsheet's fonts by use (the constants above are Calibri's)."""

    header: Font
    title: Font
    subtitle: Font
    note: Font
    label: Font
    body: Font


def fonts(name: str) -> Fonts:
    """The fonts above, in typeface ``name``."""
    return Fonts(*(Font(name=name, size=f.size, bold=f.bold, italic=f.italic, color=copy(f.color))
                   for f in (HEADER_FONT, TITLE_FONT, SUBTITLE_FONT, NOTE_FONT, LABEL_FONT, BODY_FONT)))


#: Arial, for sheets whose printed layout is computed from column widths: Excel measures widths
#: in the default font's digits, and Arial's are the same on Windows and, through the
#: metric-compatible Liberation Sans, on a Linux LibreOffice (Calibri's clone, Carlito, is rarely
#: installed there); Arial 10 is also the Tata Naskah Dinas' usual face.
ARIAL_FONTS = fonts("Arial")


class FontedWorkbook(Workbook):
    """A workbook whose default font (the Normal style: cells without a font of their own, and the
    unit column widths are measured in) is ``font`` instead of Calibri 11."""

    def __init__(self, font: Font, *, write_only: bool = False) -> None:
        super().__init__(write_only=write_only)
        self._fonts = IndexedList([font])
        self._named_styles["Normal"].font = copy(font)

#: Number formats by kind of value. A "duration" is a real spreadsheet duration of whole
#: seconds (:func:`duration`), shown as minutes and seconds as every window tells them, so it
#: sums and averages in Excel. "decimal" (average scores) is "General": 4 prints "4" and 3.5
#: "3,5". "int" is for numbers and IDs (no thousands separator), "count" for quantities
#: (flyers, audience: "1.250").
GENERAL = "General"
FORMATS = {
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    "time": "hh:mm",
    "duration": durations.EXCEL_FORMAT,
    "over": durations.EXCEL_OVER_FORMAT,  # a duration past the standard: "–" when none
    "decimal": GENERAL,
    "int": "0",
    "count": "#,##0",
    "percent": "0.0%",
    "score": "0",
    "month": "yyyy-mm",  # a month as its first day: shows "2026-11", sorts and groups as a date
}

LATE_LABEL = StepStatus.LATE.label  # what the conditional formats look for in the status column
PAPER_A4 = 9  # the SpreadsheetML paper code (Worksheet.PAPERSIZE_A4)
#: The office profile's papers as SpreadsheetML paper codes (ECMA-376 ST_PaperSize). F4 has no
#: code of its own: 14 is "Folio, 8½ × 13 in" (215.9 × 330.2 mm), which is F4 (215 × 330 mm) to
#: half a millimetre, and what Excel and LibreOffice (its "Folio") print on; the Windows
#: driver's DMPAPER_FOLIO is the same code. Other keys print on A4.
PAPER_CODES = {"A4": PAPER_A4, "F4": 14}
#: Portrait width and height in millimetres of each code, for fitting columns to a page.
PAPER_MM = {PAPER_A4: (210.0, 297.0), 14: (215.9, 330.2)}
#: Left and right margins of :func:`page_setup` (inches, as SpreadsheetML stores them).
SIDE_MARGIN_IN = 0.5
#: The smallest print scale (%) of a data sheet: its 10-point text prints at 7 points or more.
MIN_PRINT_SCALE = 70


#: A column kind: long free text (notes), wrapped within its column on screen and on paper
#: (text that ran on past the last column would print on pages of its own).
NOTE = "note"


class Column(NamedTuple):
    header: str
    width: float
    kind: str = "text"  # text, NOTE or a key of FORMATS


def wib(moment: datetime | None) -> datetime | None:
    """An aware moment as the naive WIB date-time Excel shows (Excel has no time zones)."""
    if moment is None:
        return None
    return to_wib(moment).replace(tzinfo=None, microsecond=0)


def duration(seconds: float | None) -> float | None:
    """Whole seconds as a spreadsheet duration (a cell of kind "duration"); None stays empty."""
    return None if seconds is None else durations.excel(seconds)


def clock(hhmm: str | None) -> time | None:
    """``"09:30"`` -> ``time(9, 30)`` (a planned time of the briefing); None when unreadable."""
    try:
        hours, minutes = (int(part) for part in (hhmm or "").split(":"))
        return time(hours, minutes)
    except ValueError:
        return None


#: Arial's advance widths (thousandths of an em) of the characters that differ from the usual
#: 556 (most lower-case letters and every digit): enough to tell how a text wraps in a column.
_ARIAL_WIDTHS = {
    **dict.fromkeys(" ftI.,:;!/\\[]", 278), **dict.fromkeys("ijl'|", 222), **dict.fromkeys("r-()", 333),
    **dict.fromkeys("cksvxyzJ", 500), **dict.fromkeys("FTZ", 611), **dict.fromkeys("ABEKPSVXY&", 667),
    **dict.fromkeys("CDHNRUw", 722), **dict.fromkeys("GOQ", 778), **dict.fromkeys("mM", 833), "W": 944,
    "L": 556, "\u2013": 556, "\u2014": 1000,
}
#: Points of text one unit of column width holds: Excel rounds a digit of the default font (Arial
#: 10 or Calibri 11) down to 7 pixels (5.25 pt) and keeps about 2 pixels of each column as padding.
POINTS_PER_WIDTH = 5.25
CELL_PADDING_PT = 3.0


def text_points(text: str, size: float = 10) -> float:
    """How wide ``text`` prints in Arial (or a metric-compatible face) of ``size`` points."""
    return sum(_ARIAL_WIDTHS.get(ch, 556) for ch in text) * size / 1000


def wrapped_lines(text: object, width: float, size: float = 10) -> int:
    """Lines ``text`` takes wrapped (at spaces, as Excel and LibreOffice wrap) in a column ``width``
    units wide, in Arial of ``size`` points; 1 for anything that is not text. An estimate on the
    generous side: a row made this tall never lets its text run over the next."""
    if not isinstance(text, str) or not text:
        return 1
    room = max(1.0, width * POINTS_PER_WIDTH - CELL_PADDING_PT)
    space = text_points(" ", size)
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split():
            wide = text_points(word, size)
            if used and used + space + wide <= room:
                used += space + wide
                continue
            if used:
                lines += 1
            extra = int(wide // room)  # a word longer than the column breaks inside it
            lines += extra
            used = wide - extra * room
        total += lines
    return total


def line_height(size: float = 10) -> float:
    """Points a line of ``size``-point text takes in a row (Arial 10: Excel's 12.75, rounded up)."""
    return round(size * 1.3, 2)


def fitted_height(texts: Iterable[tuple[object, float]], size: float = 10) -> float | None:
    """The row height (points) the longest of ``texts`` (text, column width) needs wrapped; None
    when every one fits on one line (the sheet's default height). At most Excel's 409 points."""
    lines = max((wrapped_lines(text, width, size) for text, width in texts), default=1)
    return min(409.0, lines * line_height(size) + 2) if lines > 1 else None


def cell(ws, value: Any, kind: str = "text", *, font: Font | None = None, fill: PatternFill | None = None,
         border: bool = False, align: Alignment | None = None) -> WriteOnlyCell:
    """A styled cell for a write-only sheet's ``append``."""
    result = WriteOnlyCell(ws, value=xml_safe_value(value))
    if kind in FORMATS:
        result.number_format = FORMATS[kind]
    if font is not None:
        result.font = font
    if fill is not None:
        result.fill = fill
    if border:
        result.border = BORDER
    if align is not None:
        result.alignment = align
    return result


def header_row(ws, columns: Sequence[Column]) -> list[WriteOnlyCell]:
    return [cell(ws, c.header, font=HEADER_FONT, fill=HEADER_FILL, border=True, align=HEADER_ALIGN)
            for c in columns]


def header_cells(ws, columns: Sequence[Column], font: Font) -> list[WriteOnlyCell]:
    """:func:`header_row` in ``font`` (white on navy as there)."""
    return [cell(ws, c.header, font=font, fill=HEADER_FILL, border=True, align=HEADER_ALIGN) for c in columns]


class RowMaker:
    """Turns plain values into a row for a write-only sheet, formatting only the cells that
    need a number format (text, IDs and plain numbers go in as they are: much faster). Text is
    made XML-safe: one stored control character must not stop the whole workbook."""

    def __init__(self, ws, columns: Sequence[Column]) -> None:
        self._ws = ws
        self._formats = [None if c.kind in ("text", "int", NOTE) or FORMATS.get(c.kind) == GENERAL
                         else FORMATS.get(c.kind) for c in columns]
        self._wrapped = {index for index, c in enumerate(columns) if c.kind == NOTE}
        self._wrapped_widths = [(index, columns[index].width) for index in sorted(self._wrapped)]

    def height(self, values: Sequence[Any]) -> float | None:
        """The row height (points) the wrapped (:data:`NOTE`) columns' text of ``values`` needs;
        None when it all fits on one line. Set it before the row is appended."""
        return fitted_height((values[index], width) for index, width in self._wrapped_widths)

    def __call__(self, values: Iterable[Any], *, top: bool = False) -> list[Any]:
        """The row of ``values``; ``top``: every cell aligned to the top (a row taller than a line,
        so its figures stand level with the first line of its wrapped text)."""
        row: list[Any] = []
        for index, (value, number_format) in enumerate(zip(values, self._formats)):
            if value == "" or (top and value is None):
                row.append(None)  # an empty cell, not an empty string
            elif index in self._wrapped:
                row.append(cell(self._ws, value, NOTE, align=WRAP))
            elif top:
                styled = WriteOnlyCell(self._ws, value=xml_safe_value(value))
                styled.alignment = TOP
                if number_format is not None:
                    styled.number_format = number_format
                row.append(styled)
            elif isinstance(value, str):
                row.append(xml_safe(value))
            elif number_format is None or value is None:
                row.append(value)
            else:
                styled = WriteOnlyCell(self._ws, value=value)
                styled.number_format = number_format
                row.append(styled)
        return row


def prepare_table(ws, columns: Sequence[Column], *, header_row_no: int = 1, landscape: bool = True) -> None:
    """Column widths, frozen header, page setup: all that must precede a streamed sheet's rows."""
    for index, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = f"A{header_row_no + 1}"
    ws.row_dimensions[header_row_no].height = 30  # two lines of header text
    page_setup(ws, landscape=landscape, title_rows=f"{header_row_no}:{header_row_no}")


def page_setup(ws, *, landscape: bool = True, title_rows: str | None = None) -> None:
    """A4, fitted to the page width (as many pages down as needed), centred, page numbers."""
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.left.text = "&A"
    if title_rows:
        ws.print_title_rows = title_rows


def history_footer(ws, line: str) -> None:
    """The history chain's head (``line``: :attr:`services.history.Head.line`, the text the Word
    report prints) in the right-hand footer of every printed page of ``ws``; nothing when empty."""
    if line:
        ws.oddFooter.right.text = xml_safe(line).replace("&", "&&")  # "&" starts a footer code
        ws.oddFooter.right.size = 7


def finish_table(ws, columns: Sequence[Column], rows: int, *, header_row_no: int = 1,
                 status_column: int | None = None) -> None:
    """Autofilter over the table; late rows (``status_column`` says "Terlambat") in red."""
    last = get_column_letter(len(columns))
    end = header_row_no + max(rows, 1)
    ws.auto_filter.ref = f"A{header_row_no}:{last}{end}"
    if status_column is not None and rows:
        letter = get_column_letter(status_column)
        first = header_row_no + 1
        ws.conditional_formatting.add(
            f"A{first}:{last}{end}",
            FormulaRule(formula=[f'${letter}{first}="{LATE_LABEL}"'], fill=LATE_FILL, font=LATE_FONT))


def paper_code(key: str) -> int:
    """The SpreadsheetML paper code of the office profile's ``paper`` ("A4", "F4"); A4 otherwise."""
    return PAPER_CODES.get(key, PAPER_A4)


def column_mm(width: float) -> float:
    """A column ``width`` (in digits of the default font, as stored) in printed millimetres at
    100%. A digit of Arial 10 or Calibri 11 is 5.56–5.58 pt wide; Excel rounds it down to 7
    pixels at 96 dpi (5.25 pt), LibreOffice keeps it exact: the wider of the two is counted."""
    return width * 5.6 * 25.4 / 72


class PrintPlan(NamedTuple):
    """How a wide data sheet is printed: its first ``repeat`` columns (what names the row: ID,
    title) on every page, and the other columns in groups, each group on pages of its own;
    ``breaks`` are the headers of the columns that start a new group."""

    repeat: int
    breaks: tuple[str, ...]

    def groups(self, columns: Sequence[Column]) -> list[list[Column]]:
        """The columns printed on each page across (the repeated ones first on each)."""
        headers = [c.header for c in columns]
        starts = [self.repeat, *(headers.index(b) for b in self.breaks), len(columns)]
        return [list(columns[:self.repeat]) + list(columns[a:b]) for a, b in itertools.pairwise(starts)]

    def scale(self, columns: Sequence[Column], paper: str) -> int:
        """The print scale (%, at most 100) at which the widest group fits a landscape page of ``paper``."""
        width_mm = max(PAPER_MM[paper_code(paper)]) - 2 * SIDE_MARGIN_IN * 25.4
        widest = max(sum(column_mm(c.width) for c in group) for group in self.groups(columns))
        return min(100, int(width_mm / widest * 100 * 0.98))  # 2% to spare


def print_in_groups(ws, columns: Sequence[Column], plan: PrintPlan, paper: str = "A4", *,
                    header_row_no: int = 1) -> int:
    """Print ``ws`` on ``paper`` (the office profile's "A4"/"F4") landscape, legible: the header
    row and the plan's first columns repeated on every page, each group of columns on pages of its
    own (manual column breaks, left to right, then down), at the scale the widest group fits, never
    under :data:`MIN_PRINT_SCALE`; page numbers in the footer. Before a streamed sheet's rows.
    Returns the scale."""
    scale = plan.scale(columns, paper)
    if scale < MIN_PRINT_SCALE:
        raise ValueError(f"print groups too wide for {paper}: {scale}% < {MIN_PRINT_SCALE}%")
    page_setup(ws, landscape=True)
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)  # manual breaks need a fixed scale
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = None
    ws.page_setup.scale = scale
    ws.page_setup.paperSize = paper_code(paper)
    ws.page_setup.pageOrder = "overThenDown"  # a row's groups on neighbouring pages
    ws.print_options.horizontalCentered = False
    headers = [c.header for c in columns]
    for header in plan.breaks:  # "id": the zero-based column left of which the break falls
        ws.col_breaks.append(Break(id=headers.index(header), max=1048575, man=True))
    ws.print_title_rows = f"{header_row_no}:{header_row_no}"
    if plan.repeat:
        ws.print_title_cols = f"A:{get_column_letter(plan.repeat)}"
    return scale


def add_table(ws, name: str, columns: Sequence[Column], rows: int, *, header_row_no: int = 1,
              style: str = "TableStyleLight9") -> Table:
    """An Excel table (ListObject) ``name`` over the header row and the ``rows`` data rows, so a
    pivot over it grows with new rows and slicers can filter it; it has its own filter buttons
    (do not also set ``ws.auto_filter``). Excel refuses a table without a data row: with ``rows``
    0 the caller appends one empty row and the table covers it. Headers must be unique text."""
    headers = [c.header for c in columns]
    if len(set(headers)) != len(headers) or not all(isinstance(h, str) and h for h in headers):
        raise ValueError(f"table {name}: headers must be unique, non-empty text")
    ref = f"A{header_row_no}:{get_column_letter(len(columns))}{header_row_no + max(rows, 1)}"
    table = Table(displayName=name, name=name, ref=ref, autoFilter=AutoFilter(ref=ref),
                  tableStyleInfo=TableStyleInfo(name=style, showRowStripes=True, showColumnStripes=False,
                                                showFirstColumn=False, showLastColumn=False))
    table.tableColumns = [TableColumn(id=index, name=header) for index, header in enumerate(headers, 1)]
    with warnings.catch_warnings():  # openpyxl's reminder to do what was just done
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns manually")
        ws.add_table(table)
    return table


def late_rows(ws, columns: Sequence[Column], rows: int, status_column: int, *, header_row_no: int = 1) -> None:
    """Rows whose ``status_column`` (1-based) says "Terlambat" in Excel's light red (none without rows)."""
    if rows:
        letter, last = get_column_letter(status_column), get_column_letter(len(columns))
        first = header_row_no + 1
        ws.conditional_formatting.add(
            f"A{first}:{last}{header_row_no + rows}",
            FormulaRule(formula=[f'${letter}{first}="{LATE_LABEL}"'], fill=LATE_FILL, font=LATE_FONT))


def set_properties(wb: Workbook, *, title: str, subject: str, keywords: str, description: str,
                   created: datetime, creator: str) -> None:
    """What File > Properties shows (and Windows Explorer's details)."""
    props = wb.properties
    props.title = xml_safe(title)
    props.subject = xml_safe(subject)
    props.creator = xml_safe(creator)
    props.lastModifiedBy = xml_safe(creator)
    props.keywords = xml_safe(keywords)
    props.description = xml_safe(description)
    props.category = "Laporan"
    props.language = "id-ID"
    # Core properties are UTC (written with a "Z"); openpyxl sets "modified" when saving.
    props.created = created.astimezone(UTC).replace(tzinfo=None, microsecond=0)



def save(wb: Workbook, path: str | Path) -> Path:
    """Write ``wb`` at ``path`` atomically (ExportError, in Indonesian, when it cannot be).

    The zip is built in memory first (the 10,000-campaign workbook is ~11 MB): a full disk
    then fails one plain write, instead of leaving openpyxl's zip file open on a
    half-written file.
    """
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_bytes_atomically(path, buffer.getvalue())
