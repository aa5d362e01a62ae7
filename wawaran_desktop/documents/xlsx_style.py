"""The office's spreadsheet look, shared by the campaign report and the evaluators' workbook.

Styled header rows, real cell types (dates as dates in WIB, working time as durations), column
widths, frozen headers, autofilter, late rows highlighted by conditional formatting, A4
landscape printing fitted to the page width with the header row repeated on every page,
and the document properties. Works on normal and on write-only (streaming) worksheets:
on the latter, everything written before the rows (widths, panes, page setup) is set by
:func:`prepare_table` before the first row is appended.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.properties import PageSetupProperties

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
#: Excel's own "light red fill with dark red text", for late steps.
LATE_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
LATE_FONT = Font(color="9C0006")

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
}

LATE_LABEL = StepStatus.LATE.label  # what the conditional formats look for in the status column
PAPER_A4 = 9  # the SpreadsheetML paper code (Worksheet.PAPERSIZE_A4)


class Column(NamedTuple):
    header: str
    width: float
    kind: str = "text"  # text or a key of FORMATS


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


class RowMaker:
    """Turns plain values into a row for a write-only sheet, formatting only the cells that
    need a number format (text, IDs and plain numbers go in as they are: much faster). Text is
    made XML-safe: one stored control character must not stop the whole workbook."""

    def __init__(self, ws, columns: Sequence[Column]) -> None:
        self._ws = ws
        self._formats = [None if c.kind in ("text", "int") or FORMATS.get(c.kind) == GENERAL
                         else FORMATS.get(c.kind) for c in columns]

    def __call__(self, values: Iterable[Any]) -> list[Any]:
        row: list[Any] = []
        for value, number_format in zip(values, self._formats):
            if value == "":
                row.append(None)  # an empty cell, not an empty string
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
