"""The kop surat (letterhead) of the office, for python-docx documents.

    add_letterhead(document, profile)

adds, at the current end of ``document``: the logo on the left (when the profile has one),
the centred lines "PEMERINTAH KOTA TANGERANG" and "DINAS KOMUNIKASI DAN INFORMATIKA" in bold
and larger type, the address and the contact line, then the thick-and-thin double rule that
closes a kop. Without a logo the text is centred on the page; with one, centred in the room
to the right of the logo (as the kop of most Indonesian offices is set).

Each line stays on one line: a line wider than its column at its own size is set smaller, down
to :data:`SMALLEST_PT` (measured with Times New Roman's widths, documents/text_width.py), so a
long office name ("DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN") next to a logo does
not wrap on A4, F4 or half a folio sheet. The Qt painters use the same sizes (:func:`fitted_lines`).
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from wawaran_desktop.documents.docx_base import bottom_rule, fixed_table, paragraph
from wawaran_desktop.documents.text_width import width_mm
from wawaran_desktop.services.office_profile import OfficeProfile

LOGO_HEIGHT_MM = 24
LOGO_COLUMN_MM = 28
#: A kop line is never set smaller than this (points, before the paper's scale).
SMALLEST_PT = 8.0
#: Room kept free in the text column (mm): a cell's padding and a little air on both sides.
SLACK_MM = 4.0


def kop_lines(profile: OfficeProfile) -> list[tuple[str, float, bool]]:
    """(text, size in points, bold) of each line of the kop, top to bottom (blank lines left out)."""
    lines = [(profile.government.upper(), 14, True), (profile.office.upper(), 16, True),
             (profile.address, 11, False), (profile.contact_line, 10, False)]
    return [line for line in lines if line[0]]


def has_logo(profile: OfficeProfile) -> bool:
    return profile.logo is not None and profile.logo.is_file()


def text_column_mm(page_text_width_mm: float, logo: bool, scale: float = 1.0) -> float:
    """The width the kop's lines have: the page's text width, less the logo's column when there
    is a logo."""
    return page_text_width_mm - (LOGO_COLUMN_MM * scale if logo else 0.0)


def fitted_lines(profile: OfficeProfile, column_mm: float, scale: float = 1.0) -> list[tuple[str, float, bool]]:
    """:func:`kop_lines` at the sizes (already scaled) at which each fits ``column_mm`` on one line."""
    room = column_mm - SLACK_MM * scale
    fitted = []
    for text, size, bold in kop_lines(profile):
        size *= scale
        wide = width_mm(text, size, bold)
        if wide > room:
            size = max(SMALLEST_PT * scale, size * room / wide)
        fitted.append((text, int(size * 4) / 4, bold))  # (a quarter point down: never wider than room)
    office = profile.office.upper()
    office_size = next((size for text, size, _bold in fitted if text == office and office), None)
    if office_size is not None:  # the office's name is never set smaller than the government's above it
        government = profile.government.upper()
        fitted = [(text, min(size, office_size) if text == government else size, bold)
                  for text, size, bold in fitted]
    return fitted


def office_kop(profile: OfficeProfile) -> tuple[str, Path] | None:
    """The office's own kop to use in Word documents (services/office_files.py): ``("docx", path)``
    or ``("image", path)``; None: the built-in kop."""
    for kind, path in (("docx", profile.letterhead_docx), ("image", profile.letterhead_image)):
        if path is not None and Path(path).is_file():
            return kind, Path(path)
    return None


def add_letterhead(document: DocumentObject, profile: OfficeProfile, scale: float = 1.0) -> None:
    """Add the kop surat; ``scale`` shrinks it for small paper (half folio). The office's own kop,
    when it has one, is the first page's header instead (documents/office_header.py)."""
    own = office_kop(profile)
    if own is not None:
        from wawaran_desktop.documents import office_header

        kind, path = own
        (office_header.use_office_header if kind == "docx" else office_header.use_kop_image)(document, path)
        return
    section = document.sections[-1]
    width_mm = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    logo = profile.logo if has_logo(profile) else None
    lines = fitted_lines(profile, text_column_mm(width_mm, logo is not None, scale), scale)
    if logo is not None:
        side = LOGO_COLUMN_MM * scale
        table = fixed_table(document, (side, width_mm - side))
        logo_cell, text_cell = table.cell(0, 0), table.cell(0, 1)
        for cell in table.rows[0].cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        picture = logo_cell.paragraphs[0]
        picture.alignment = WD_ALIGN_PARAGRAPH.LEFT
        picture.add_run().add_picture(str(logo), height=Mm(LOGO_HEIGHT_MM * scale))
        container = text_cell
    else:
        container = document
    for text, size, bold in lines:
        paragraph(container, text, size=size, bold=bold, align="center", reuse=True)
    rule = paragraph(document, space_after=10 * scale)
    rule.paragraph_format.line_spacing = Pt(max(2.0, 4 * scale))
    bottom_rule(rule, eighths=max(12, round(24 * scale)))
