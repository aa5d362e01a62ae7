"""The signature block of an Indonesian official document, for python-docx.

    add_signature_block(document, [Signer("Menyetujui,", position, name, nip), ...],
                        place_date="Tangerang, 26 November 2026")

One signer stands in the right half of the page; two stand side by side, the place and date
above the right one. Each has its heading, position, room for the signature, the name in
bold and underlined, the rank (pangkat/golongan, when known) and "NIP. 19780512 200501 1 004".
The block never splits across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from docx.document import Document as DocumentObject
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Mm, Pt

from wawaran_desktop.documents.docx_base import BODY_PT, fixed_table, keep_rows_together, paragraph
from wawaran_desktop.text.formatting import nip_display
from wawaran_desktop.services.office_profile import OfficeProfile, Signatory

BLANK_NAME = "(" + "." * 40 + ")"
SIGNATURE_LINES = 4  # empty lines of room for the signature (and the stamp)


class Signer(NamedTuple):
    heading: str  # "Menyetujui,", "Dibuat oleh,"
    position: str
    name: str
    nip: str | None = None  # 18 digits, shown spaced
    rank: str = ""  # pangkat/golongan, "Pembina Utama Muda (IV/c)": its own line between name and NIP

    @classmethod
    def of(cls, heading: str, person: Signatory) -> Signer:
        return cls(heading, person.position, person.name, person.nip, person.rank)


def place_date(profile: OfficeProfile, day_text: str) -> str:
    """``Tangerang, 26 November 2026``."""
    return f"{profile.city}, {day_text}"


def signer_lines(signer: Signer) -> list[str]:
    """The text lines of one signer, as printed (for the Qt layout and for tests)."""
    lines = [signer.heading] if signer.heading else []
    lines += [signer.position] if signer.position else []
    lines += [signer.name or BLANK_NAME]
    if signer.rank:
        lines.append(signer.rank)
    if signer.nip:
        lines.append(f"NIP. {nip_display(signer.nip)}")
    return lines


def add_signature_block(document: DocumentObject, signers: Sequence[Signer], *, place_date: str | None = None,
                        size: float = BODY_PT, space_before: float = 18,
                        signature_lines: int = SIGNATURE_LINES) -> None:
    """Add the block at the end of ``document`` (1 or 2 signers).

    One table row per kind of line (date, heading, position, room to sign, name, rank, NIP),
    so the names of two signers stay level however long their positions are. A kind no signer
    has (no rank, no NIP) gets no row, so it leaves no empty line.
    """
    if not 1 <= len(signers) <= 2:
        raise ValueError("a signature block has one or two signers")
    section = document.sections[-1]
    width_mm = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    if document.paragraphs:  # the signatures never stand alone on a page: the last lines come along
        for last in document.paragraphs[-2:]:
            last.paragraph_format.keep_with_next = True
    paragraph(document, size=size, space_after=space_before, keep_with_next=True)
    columns: list[Signer | None] = [None, signers[0]] if len(signers) == 1 else list(signers)
    kinds = [("date", lambda s, right: place_date if right else "")] if place_date else []
    kinds += [("heading", lambda s, right: s.heading), ("position", lambda s, right: s.position),
              ("room", lambda s, right: ""), ("name", lambda s, right: s.name or BLANK_NAME),
              ("rank", lambda s, right: s.rank),
              ("nip", lambda s, right: f"NIP. {nip_display(s.nip)}" if s.nip else "")]
    kinds = [(kind, text) for kind, text in kinds
             if kind == "room" or any(s is not None and text(s, i == len(columns) - 1)
                                      for i, s in enumerate(columns))]
    table = fixed_table(document, (width_mm / 2, width_mm / 2), rows=len(kinds))
    keep_rows_together(table)
    for (kind, text), row in zip(kinds, table.rows):
        if kind == "room":
            row.height = Pt(size * 1.2 * signature_lines)
            row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        for index, signer in enumerate(columns):
            line = text(signer, index == len(columns) - 1) if signer is not None else ""
            named = kind == "name" and signer is not None and bool(signer.name)
            paragraph(row.cells[index], line, size=size, bold=named, underline=named, align="center",
                      keep_with_next=row is not table.rows[-1], reuse=True)
