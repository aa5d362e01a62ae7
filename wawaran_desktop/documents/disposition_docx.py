"""The lembar disposisi as a Word document: the classic bordered form, on one page.

Kop surat, "LEMBAR DISPOSISI", then one bordered table: the letter (surat dari, nomor,
tanggal) beside its receipt (diterima tanggal, nomor agenda) and the day it is to be done by
(tgl. penyelesaian); sifat with a box per option, the most urgent first;
hal; "Diteruskan kepada" beside "Dengan hormat harap" with the instructions ticked ☑ or
not ☐ and the free text; catatan beside the signer's date, position, paraf, name, rank and NIP.

The sheet must stay on one page of the chosen paper (A4, F4 or half folio). Word cannot be
asked how tall a table will be, so :func:`fit_size` estimates it from the text lengths
(conservatively: Times New Roman averages well under half an em per character) and picks
the largest type size that fits.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.shared import Mm

from wawaran_desktop.documents import docx_base, page
from wawaran_desktop.reports.disposition_data import CAPTIONS, TITLE, DispositionSheet, gather
from wawaran_desktop.documents.docx_base import (
    add_run,
    add_tick,
    author_of,
    cell_margins,
    fixed_table,
    heading,
    new_document,
    paragraph,
)
from wawaran_desktop.documents.letterhead import add_letterhead, kop_lines

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from wawaran_desktop.services.workspace import Workspace

SIZES = (12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5)
MAX_SIZE = {"A4": 12, "F4": 12, "half_folio": 9.5}
#: Below this size a long list of recipients is printed compactly instead (names only).
LEGIBLE_SIZE = {"A4": 8, "F4": 8, "half_folio": 7}
KOP_SCALE = {"A4": 1.0, "F4": 1.0, "half_folio": 0.62}
CHAR_EM = 0.5  # assumed average character width, in ems (generous for Times New Roman)
LEADING = 1.17  # line height / type size
PAD_MM = 1.2  # cell padding, above and below
PAD_X_MM = 2.0  # cell padding, left and right: a long unit or name keeps clear of the column's rules
SIGN_ROOM_LINES = 2.5
MM_PER_PT = 25.4 / 72
SPARE_MM = 6  # left free at the foot of the page


def caption_width_mm(size: float, captions: list[str]) -> float:
    return max(len(c) for c in captions) * size * CHAR_EM * MM_PER_PT * 0.95 + 1.5


def _lines(text: str, width_mm: float, size: float) -> int:
    per_line = max(1, int(width_mm / (size * CHAR_EM * MM_PER_PT)))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _fields_height(pairs, width_mm: float, size: float) -> int:
    label = caption_width_mm(size, [c for c, _ in pairs]) + 3
    return sum(_lines(value, width_mm - label, size) for _c, value in pairs)


def estimated_parts_mm(sheet: DispositionSheet, size: float, compact: bool = False) -> dict[str, float]:
    """Estimated heights (mm) of the kop, the title and each row of the table at ``size`` points."""
    paper = page.paper(sheet.paper)
    scale = KOP_SCALE.get(sheet.paper, 1.0)
    width = paper.text_width_mm
    half = width / 2 - 2 * PAD_X_MM
    full = width - 2 * PAD_X_MM
    line = size * LEADING * MM_PER_PT
    kop = sum(s * scale * LEADING * MM_PER_PT for _t, s, _b in kop_lines(sheet.profile)) + 14 * scale * MM_PER_PT
    if sheet.profile.logo is not None:
        kop = max(kop, 24 * scale)
    head = max(_fields_height(sheet.head_left, half, size), _fields_height(sheet.head_right, half, size))
    sifat = _lines("Sifat : " + "  ".join("☐ " + s for s, _t in sheet.sifat), full, size)
    hal = _fields_height(((CAPTIONS["hal"], sheet.value(sheet.hal)),), full, size)
    left = 1 + sum(_lines(r, half, size) for r in sheet.recipient_lines(compact))
    right = 1 + sum(_lines("☐ " + p, half, size) for p, _t in sheet.instructions) + _lines(_free(sheet), half, size)
    catatan = 1 + _lines(sheet.value(sheet.catatan), half, size)
    sign = len([s for s in sheet.signer_lines if s]) + SIGN_ROOM_LINES
    pad = 2 * PAD_MM + 0.4
    return {"kop": kop, "title": (size + 2) * LEADING * MM_PER_PT + size * 0.5 * MM_PER_PT,
            "head": head * line + pad, "sifat": sifat * line + pad, "hal": hal * line + pad,
            "orders": max(left, right) * line + pad, "notes": max(catatan, sign) * line + pad}


def estimated_height_mm(sheet: DispositionSheet, size: float, compact: bool = False) -> float:
    """How tall the sheet will be at ``size`` points (an overestimate on purpose)."""
    return sum(estimated_parts_mm(sheet, size, compact).values())


def fit_size(sheet: DispositionSheet) -> tuple[float, bool]:
    """The largest type size at which the sheet fits its page, and whether the recipients
    must be listed compactly (names only, one paragraph) for that."""
    room = page.paper(sheet.paper).text_height_mm
    top = MAX_SIZE.get(sheet.paper, 12)
    for compact, smallest in ((False, LEGIBLE_SIZE.get(sheet.paper, 8)), (True, SIZES[-1])):
        for size in SIZES:
            if smallest <= size <= top and estimated_height_mm(sheet, size, compact) <= room:
                return size, compact
    return SIZES[-1], True


def _free(sheet: DispositionSheet) -> str:
    return f"Lain-lain: {sheet.value(sheet.free_text)}"


def _fields(cell, pairs, width_mm: float, size: float) -> None:
    """``Caption : value`` lines, the values (and their wrapped lines) in one column."""
    label = caption_width_mm(size, [c for c, _ in pairs])
    for i, (caption, value) in enumerate(pairs):
        para = paragraph(cell, size=size, reuse=i == 0)
        fmt = para.paragraph_format
        fmt.tab_stops.add_tab_stop(Mm(label))
        fmt.tab_stops.add_tab_stop(Mm(label + 3))
        fmt.left_indent, fmt.first_line_indent = Mm(label + 3), Mm(-(label + 3))
        add_run(para, f"{caption}\t:\t{value}" if caption else "", size=size)


def build(sheet: DispositionSheet) -> DocumentObject:
    size, compact = fit_size(sheet)
    paper = page.paper(sheet.paper)
    document = new_document(paper, body_pt=size, title=f"Lembar Disposisi {sheet.agenda_number}".strip(),
                            subject=sheet.hal, author=author_of(sheet.profile), keywords="lembar disposisi",
                            created=sheet.generated_at)
    add_letterhead(document, sheet.profile, scale=KOP_SCALE.get(sheet.paper, 1.0))
    heading(document, TITLE, 0, size=size + 2, align="center", space_after=size * 0.5)  # (Title: Word's navigation)
    width = paper.text_width_mm
    table = fixed_table(document, (width / 2, width / 2), rows=5, borders=True)
    cell_margins(table, top=PAD_MM, right=PAD_X_MM, bottom=PAD_MM, left=PAD_X_MM)
    rows = table.rows
    _fields(rows[0].cells[0], sheet.head_left, width / 2, size)
    _fields(rows[0].cells[1], sheet.head_right, width / 2, size)

    sifat = rows[1].cells[0].merge(rows[1].cells[1])
    para = paragraph(sifat, size=size, reuse=True)
    add_run(para, f"{CAPTIONS['sifat']} :", size=size, bold=True)
    for option, ticked in sheet.sifat:
        add_run(para, "    ", size=size)
        add_tick(para, ticked, size=size)
        add_run(para, f" {option}", size=size, bold=ticked)

    hal = rows[2].cells[0].merge(rows[2].cells[1])
    _fields(hal, ((CAPTIONS["hal"], sheet.value(sheet.hal)),), width, size)

    left, right = rows[3].cells
    paragraph(left, CAPTIONS["recipients"], size=size, bold=True, reuse=True)
    for line in sheet.recipient_lines(compact):
        para = paragraph(left, line, size=size)
        para.paragraph_format.left_indent, para.paragraph_format.first_line_indent = Mm(4), Mm(-4)
    paragraph(right, CAPTIONS["instructions"], size=size, bold=True, reuse=True)
    for phrase, ticked in sheet.instructions:
        para = paragraph(right, size=size)
        para.paragraph_format.left_indent, para.paragraph_format.first_line_indent = Mm(5), Mm(-5)
        add_tick(para, ticked, size=size)
        add_run(para, f" {phrase}", size=size, bold=ticked)
    paragraph(right, _free(sheet), size=size)

    notes, sign = rows[4].cells
    paragraph(notes, CAPTIONS["catatan"], size=size, bold=True, reuse=True)
    paragraph(notes, sheet.value(sheet.catatan), size=size)
    sign.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM  # the signature at the foot of the box
    date_line, position, paraf, name, rank, nip = sheet.signer_lines
    paragraph(sign, date_line, size=size, align="center", reuse=True)
    if position:
        paragraph(sign, position, size=size, align="center")
    paragraph(sign, paraf, size=size, align="center", space_before=size * 0.6, space_after=size * 0.6)
    paragraph(sign, "", size=size)  # room for the signature
    paragraph(sign, name, size=size, bold=bool(sheet.signer.name), underline=bool(sheet.signer.name),
              align="center")
    if rank:
        paragraph(sign, rank, size=size, align="center")
    if nip:
        paragraph(sign, nip, size=size, align="center")
    # The form fills its page, as the printed ones do: the room left goes to the boxes that are
    # written in by hand (at least this tall; a box still grows with its content).
    parts = estimated_parts_mm(sheet, size, compact)
    spare = max(0.0, paper.text_height_mm - sum(parts.values()) - SPARE_MM)
    for row, part, share in ((rows[3], "orders", 0.45), (rows[4], "notes", 0.55)):
        row.height = Mm(parts[part] + spare * share)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    return document


def write(sheet: DispositionSheet, path: str | Path) -> Path:
    return docx_base.save(build(sheet), path)


def write_disposition_docx(ws: Workspace, campaign_id: int, path: str | Path) -> Path:
    return write(gather(ws, campaign_id), path)
