"""How tall the narration document will be, so that a short script fits on one page.

Word cannot be asked where its pages will break, so the reading type is chosen from an
estimate: every line the document will set is wrapped here with Times New Roman's own widths
(``documents/text_width.py``) and given the height Word and LibreOffice give a Times line
(:data:`LINE_EM` of its size, times the paragraph's spacing). The estimate errs on the tall
side (:data:`SAFETY`), so what it says fits on one page does fit.

The narration is set in the largest reading type of :data:`READING_TYPES` at which the whole
document (kop, title, the campaign's details, the script and the signatures) fits on one page of
the office's paper; a script too long for one page even in the smallest is set in the largest
type and flows over the pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from docx.image.image import Image

from wawaran_desktop.documents.letterhead import LOGO_HEIGHT_MM, fitted_lines, has_logo, office_kop, text_column_mm
from wawaran_desktop.documents.office_header import KOP_IMAGE_MAX_MM, kop_height_mm
from wawaran_desktop.documents.text_width import MM_PER_PT, width_mm


class ReadingType(NamedTuple):
    size: float  # points
    spacing: float  # line spacing, in lines
    after: float  # space after each paragraph, points


#: Largest first: 16 pt at one and a half lines is the car's reading type. The last three are
#: for a full page (a cancelled or draft narration's note and marks, a tall kop, a long route):
#: a usual script of about 120 words with five stops still fits one A4 page in them.
READING_TYPES = (ReadingType(16, 1.5, 10), ReadingType(15, 1.4, 9), ReadingType(14, 1.3, 8),
                 ReadingType(13, 1.25, 7), ReadingType(12, 1.2, 6), ReadingType(12, 1.1, 4),
                 ReadingType(11.5, 1.1, 4), ReadingType(11, 1.1, 3), ReadingType(10.5, 1.1, 3))
LARGEST = READING_TYPES[0]
LINE_EM = 1.15  # a single line of Times New Roman is 1.15 times its size (Word and LibreOffice)
SAFETY = 1.02  # the estimate is made 2 % taller than it measures
SPARE_MM = 3.0  # and this much is left free at the foot of the page
CELL_PAD_MM = 108 / 56.7  # a table cell's left and right padding (Word's default, 0.19 cm)


def wrapped_lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines ``text`` takes set at ``size`` points in ``width`` mm (each ``\\n`` a new line;
    a word wider than the line is broken where it must be)."""
    total = 0
    for line in text.split("\n"):
        count, used = 1, 0.0
        space = width_mm(" ", size, bold)
        for word in line.split():
            wide = width_mm(word, size, bold)
            if used and used + space + wide > width:
                count, used = count + 1, 0.0
            if wide > width:  # broken by the renderer over as many lines as it needs
                extra = int(wide // width)
                count, wide = count + extra, wide - extra * width
            used += (space if used else 0.0) + wide
        total += count
    return total


def line_mm(size: float, spacing: float = 1.0) -> float:
    return size * LINE_EM * spacing * MM_PER_PT


def marks_mm(paper, marks: int) -> float:
    """How far ``marks`` lines of marks in the header (``docx_base.page_mark``, 10 pt) push the
    text below the top margin: the header starts at the header distance and Word and LibreOffice
    start the text under it when it reaches past the margin."""
    header_distance = min(paper.margins.top, paper.margins.bottom) / 2  # as docx_base.new_document sets it
    return max(0.0, header_distance + marks * line_mm(10) - paper.margins.top) if marks else 0.0


def kop_mm(profile, paper, marks: int = 0) -> float:
    """How much of the first page's text area the kop surat and the header's ``marks`` lines of
    marks take: the built-in kop of ``documents/letterhead.py`` is in the text (its lines, the logo
    beside them, the rule) under the header; the office's own kop is the first page's header
    (documents/office_header.py), under the marks, and pushes the text down by what it needs
    beyond the top margin."""
    own = office_kop(profile)
    text_width = paper.text_width_mm
    if own is None:
        logo = has_logo(profile)
        lines = sum(line_mm(size) for _text, size, _bold in fitted_lines(profile, text_column_mm(text_width, logo)))
        if logo:
            lines = max(lines, LOGO_HEIGHT_MM + 1)
        return marks_mm(paper, marks) + lines + (4 + 4 + 10) * MM_PER_PT  # the rule's line, its border, the space under it
    kind, path = own
    if kind == "image":
        image = Image.from_file(str(path))
        height = min(KOP_IMAGE_MAX_MM, text_width * image.px_height / max(1, image.px_width))
    else:  # a Word kop: measured from its header
        height = kop_height_mm(path)
    header_distance = min(paper.margins.top, paper.margins.bottom) / 2
    return max(0.0, header_distance + marks * line_mm(10) + height - paper.margins.top)


def table_mm(rows: Iterable[Sequence[str]], width: float, size: float = 12, after: float = 2, *,
             label: float = 0.0) -> float:
    """A borderless table of ``(caption, value)`` rows: the caption in a column ``label`` mm wide,
    the value in one ``width`` mm wide, each row as tall as its taller cell and ``after`` points
    below it."""
    total = 0.0
    for caption, value in rows:
        count = max(wrapped_lines(value, width - 2 * CELL_PAD_MM, size),
                    wrapped_lines(caption, label - 2 * CELL_PAD_MM, size) if label else 1)
        total += count * line_mm(size) + after * MM_PER_PT
    return total


def hanging_mm(lines: Sequence[str], width: float, indent: float, size: float = 12, after: float = 2) -> float:
    """Lines set in a table cell ``width`` mm wide, each hanging ``indent`` mm under its number
    and time (the route's stops), and ``after`` points below the last."""
    if not lines:
        return 0.0
    count = sum(wrapped_lines(text, width - 2 * CELL_PAD_MM - indent, size) for text in lines)
    return count * line_mm(size) + after * MM_PER_PT


def paragraphs_mm(blocks: Sequence[str], width: float, reading: ReadingType) -> float:
    """The script's paragraphs in ``reading`` type."""
    lines = sum(wrapped_lines(block, width, reading.size) for block in blocks)
    return lines * line_mm(reading.size, reading.spacing) + len(blocks) * reading.after * MM_PER_PT


def signature_mm(rows: Iterable[Sequence[str]], width: float, *, space_before: float, room_lines: int,
                 size: float = 12) -> float:
    """``documents/signature.py``'s block: an empty line and the space before it, then its rows
    (the signers' texts side by side, each row as tall as its longest) and the room to sign."""
    lines = sum(max(wrapped_lines(text, width / 2 - 2 * CELL_PAD_MM, size, bold=True) for text in row)
                for row in rows)
    return line_mm(size) + space_before * MM_PER_PT + lines * line_mm(size) + size * 1.2 * room_lines * MM_PER_PT


def fits(fixed_mm: float, blocks: Sequence[str], width: float, height: float, reading: ReadingType) -> bool:
    """Whether the document, ``fixed_mm`` tall without its script, stays on one page in ``reading`` type."""
    return (fixed_mm + paragraphs_mm(blocks, width, reading)) * SAFETY <= height - SPARE_MM


def overflow_mm(fixed_mm: float, blocks: Sequence[str], width: float, height: float, reading: ReadingType) -> float:
    """How much taller than one page (mm, with the margins of :func:`fits`) the estimate is."""
    return (fixed_mm + paragraphs_mm(blocks, width, reading)) * SAFETY - (height - SPARE_MM)


def reading_type(fixed_mm: float, blocks: Sequence[str], width: float, height: float) -> ReadingType:
    """The largest reading type in which everything fits on one page, else the largest (pages)."""
    for reading in READING_TYPES:
        if fits(fixed_mm, blocks, width, height, reading):
            return reading
    return LARGEST
