"""Paper sizes and margins of the office's documents (Qt-free; millimetres).

Indonesian offices print on A4 (210 × 297 mm) and F4 (215 × 330 mm, "folio"); the classic
lembar disposisi is also cut as half a folio sheet (215 × 165 mm, wider than it is high).
The office chooses the paper in its profile (``services/office_profile.py``); the Word
builders and the Qt print/PDF layout both read it from here.
"""

from __future__ import annotations

from typing import NamedTuple

from wawaran_desktop.services.office_profile import DISPOSITION_PAPERS, DOCUMENT_PAPERS, PAPER_LABELS

__all__ = ["DISPOSITION_PAPERS", "DOCUMENT_PAPERS", "Margins", "PAPERS", "Paper", "paper"]


class Margins(NamedTuple):
    top: float
    right: float
    bottom: float
    left: float


class Paper(NamedTuple):
    key: str
    label: str
    width_mm: float
    height_mm: float
    margins: Margins

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margins.left - self.margins.right

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - self.margins.top - self.margins.bottom


#: Letters and reports: 2 cm at the top, right and bottom, 2.5 cm at the binding side.
LETTER_MARGINS = Margins(top=20, right=20, bottom=20, left=25)
#: A half sheet has no room to spare: a narrow frame that desk printers still reach.
HALF_MARGINS = Margins(top=8, right=10, bottom=8, left=12)

PAPERS: dict[str, Paper] = {
    "A4": Paper("A4", PAPER_LABELS["A4"], 210, 297, LETTER_MARGINS),
    "F4": Paper("F4", PAPER_LABELS["F4"], 215, 330, LETTER_MARGINS),
    "half_folio": Paper("half_folio", PAPER_LABELS["half_folio"], 215, 165, HALF_MARGINS),
}


def paper(key: str) -> Paper:
    """The paper called ``key``; an unknown key falls back to A4."""
    return PAPERS.get(key, PAPERS["A4"])
