"""The kop surat (letterhead) of the office, for python-docx documents.

    add_letterhead(document, profile)

adds, at the current end of ``document``: the logo on the left (when the profile has one),
the centred lines "PEMERINTAH KOTA TANGERANG" and "DINAS KOMUNIKASI DAN INFORMATIKA" in bold
and larger type, the address and the contact line, then the thick-and-thin double rule that
closes a kop. The text stays centred on the page whether or not there is a logo.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from wawaran_desktop.documents.docx_base import bottom_rule, fixed_table, paragraph
from wawaran_desktop.services.office_profile import OfficeProfile

LOGO_HEIGHT_MM = 24
LOGO_COLUMN_MM = 28


def kop_lines(profile: OfficeProfile) -> list[tuple[str, float, bool]]:
    """(text, size in points, bold) of each line of the kop, top to bottom (blank lines left out)."""
    lines = [(profile.government.upper(), 14, True), (profile.office.upper(), 16, True),
             (profile.address, 11, False), (profile.contact_line, 10, False)]
    return [line for line in lines if line[0]]


def add_letterhead(document: DocumentObject, profile: OfficeProfile, scale: float = 1.0) -> None:
    """Add the kop surat; ``scale`` shrinks it for small paper (half folio)."""
    section = document.sections[-1]
    width_mm = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    logo = profile.logo if profile.logo is not None and profile.logo.is_file() else None
    if logo is not None:
        side = LOGO_COLUMN_MM * scale
        table = fixed_table(document, (side, width_mm - 2 * side, side))
        logo_cell, text_cell = table.cell(0, 0), table.cell(0, 1)
        for cell in table.rows[0].cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        picture = logo_cell.paragraphs[0]
        picture.alignment = WD_ALIGN_PARAGRAPH.LEFT
        picture.add_run().add_picture(str(logo), height=Mm(LOGO_HEIGHT_MM * scale))
        container = text_cell
    else:
        container = document
    for text, size, bold in kop_lines(profile):
        paragraph(container, text, size=size * scale, bold=bold, align="center", reuse=True)
    rule = paragraph(document, space_after=10 * scale)
    rule.paragraph_format.line_spacing = Pt(max(2.0, 4 * scale))
    bottom_rule(rule, eighths=max(12, round(24 * scale)))
