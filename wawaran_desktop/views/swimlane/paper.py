"""Paper for the SOP's documents: landscape A4 or F4, a painter in points, the identity block.

:func:`begin` opens a painter on any paged device (PDF writer, printer) or image and scales
it so that one unit is one point, origin at the top left of the printable area. The
identity block is the official one of the Permenpan RB 35/2012 format: the government and
office on the left (under the office's logo, when its profile has one); number, dates,
approver and name of the SOP on the right. :func:`page_footer` is the one footer of every
page: the same line on each, and the page's number at its right end.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QImageReader, QPageLayout, QPageSize, QPaintDevice, QPainter, QPen

from wawaran_desktop.documents import page
from wawaran_desktop.sop.schema import Sop
from wawaran_desktop.views.swimlane.fonts import sized

if TYPE_CHECKING:
    from wawaran_desktop.services.office_profile import OfficeProfile

MARGIN_MM = 10.0
PAD = 3.5
BLANK_DATE = "……………………"
WRAP = int(Qt.TextFlag.TextWordWrap)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
CENTER = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
LOGO_H = 48.0  # points: the logo's height at most in the identity block
LOGO_GAP = 5.0  # between the logo and the office's name
FOOTER_SIZE = 7


class Stationery(NamedTuple):
    """What the office profile gives the SOP's documents: the paper (``documents/page.py``
    key, printed landscape) and the logo (None, or a file that may have gone: then none)."""

    paper: str = "A4"
    logo: Path | None = None

    @classmethod
    def of(cls, profile: OfficeProfile) -> Stationery:
        return cls(profile.paper, profile.logo)


PLAIN = Stationery()  # A4, no logo


def landscape(paper_key: str = "A4") -> QPageLayout:
    """The office's paper (``A4``, ``F4``; unknown: A4) turned landscape, 10 mm margins."""
    paper = page.paper(paper_key)
    width, height = sorted((paper.width_mm, paper.height_mm))
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, paper.key,
                     QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, QPageLayout.Orientation.Landscape,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def a4_landscape() -> QPageLayout:
    return landscape("A4")


def begin(device: QPaintDevice, area_px: QRectF | None = None) -> tuple[QPainter, QRectF]:
    """A painter on ``device`` in points, and the printable area in points.

    ``area_px`` is where to draw on a plain image (device pixels); a paged device uses its
    page layout's printable area. Raises OSError when the device cannot be drawn on.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("berkas atau printer tidak dapat dibuka untuk digambar")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    k = device.logicalDpiX() / 72.0
    if area_px is None:
        rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
        area_px = QRectF(0, 0, rect.width(), rect.height())
    painter.translate(area_px.x(), area_px.y())
    painter.scale(k, k)
    return painter, QRectF(0, 0, area_px.width() / k, area_px.height() / k)


class Sheet:
    """Draws (or, with ``draw`` False, only measures) text and lines in points."""

    def __init__(self, painter: QPainter | None, draw: bool = True) -> None:
        self.p = painter
        self.draw = draw and painter is not None
        self._pen: float | None = None  # the pen's width while this sheet's pen is set

    def text(self, x: float, y: float, w: float, text: str, size: float = 8, bold: bool = False,
             center: bool = False, right: bool = False) -> float:
        """Wrapped ``text`` from ``(x, y)`` in width ``w``; returns its height."""
        font = sized(size, bold)
        flags = (CENTER if center else RIGHT if right else LEFT) | WRAP
        height = QFontMetricsF(font).boundingRect(QRectF(0, 0, w, 1e6), flags, text).height() if text else 0.0
        if self.draw and text:
            self.p.setFont(font)
            self.p.drawText(QRectF(x, y, w, height + 2), flags, text)
        return height

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.6) -> None:
        if self.draw:
            if self._pen != width:
                self.p.setPen(QPen(Qt.GlobalColor.black, width))
                self._pen = width
            self.p.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    def box(self, x: float, y: float, w: float, h: float) -> None:
        self.line(x, y, x + w, y)
        self.line(x, y + h, x + w, y + h)
        self.line(x, y, x, y + h)
        self.line(x + w, y, x + w, y + h)


def date_text(value: str | None) -> str:
    return value or BLANK_DATE


def identity_rows(sop: Sop) -> list[tuple[str, str]]:
    ident = sop.identity
    appr = ident.approver
    return [
        ("Nomor SOP", ident.sop_number),
        ("Tanggal Pembuatan", date_text(ident.made_date)),
        ("Tanggal Revisi", date_text(ident.revised_date)),
        ("Tanggal Pengesahan", date_text(ident.approved_date)),
        ("Disahkan oleh", f"{appr.position}\n\n\n{appr.name}\n" + (f"{appr.rank}\n" if appr.rank else "")
         + f"NIP. {appr.nip}"),
        ("Nama SOP", ident.name.upper()),
    ]


def logo_image(logo: Path | None) -> QImage | None:
    """The office's logo as an image, or None (no logo, a file gone or unreadable)."""
    if logo is None:
        return None
    reader = QImageReader(str(logo))
    reader.setAutoTransform(True)
    image = reader.read()
    return None if image.isNull() else image


def logo_size(image: QImage | None, width: float) -> QSizeF:
    """The logo's size in points: at most :data:`LOGO_H` high and ``width`` wide."""
    if image is None or image.width() <= 0 or image.height() <= 0:
        return QSizeF(0, 0)
    k = min(LOGO_H / image.height(), width / image.width())
    return QSizeF(image.width() * k, image.height() * k)


def draw_logo(sheet: Sheet, image: QImage | None, x: float, y: float, w: float) -> float:
    """The logo centred in width ``w`` from ``(x, y)``; returns the height it takes (0: none).

    The one place the SOP's documents draw the office's picture (a letterhead image later)."""
    size = logo_size(image, w)
    if size.isEmpty():
        return 0.0
    if sheet.draw:
        sheet.p.drawImage(QRectF(x + (w - size.width()) / 2, y, size.width(), size.height()), image)
    return size.height()


def identity_block(sheet: Sheet, x: float, y: float, w: float, sop: Sop, logo: Path | None = None) -> float:
    """The official identity block (the office's ``logo`` over its name); returns its height."""
    ident = sop.identity
    left_w, caption_w = w * 0.42, w * 0.17
    value_w = w - left_w - caption_w
    rows = identity_rows(sop)
    heights = [max(sheet_measure(value, value_w - 2 * PAD, bold=caption == "Nama SOP"),
                   sheet_measure(caption, caption_w - 2 * PAD)) + 2 * PAD for caption, value in rows]
    total = sum(heights)
    left = f"{ident.government}\n{ident.office}\n{ident.city}"
    image = logo_image(logo)
    picture_h = logo_size(image, left_w - 2 * PAD).height()
    left_h = sheet_measure(left, left_w - 2 * PAD, size=11, bold=True) + (picture_h + LOGO_GAP if picture_h else 0)
    total = max(total, left_h + 4 * PAD)
    top = y + (total - left_h) / 2
    if picture_h:
        top += draw_logo(sheet, image, x + PAD, top, left_w - 2 * PAD) + LOGO_GAP
    sheet.text(x + PAD, top, left_w - 2 * PAD, left, 11, True, center=True)
    sheet.box(x, y, w, total)
    sheet.line(x + left_w, y, x + left_w, y + total)
    sheet.line(x + left_w + caption_w, y, x + left_w + caption_w, y + total)
    row_y = y
    for (caption, value), h in zip(rows, heights):
        sheet.text(x + left_w + PAD, row_y + PAD, caption_w - 2 * PAD, caption, 8)
        sheet.text(x + left_w + caption_w + PAD, row_y + PAD, value_w - 2 * PAD, value, 8,
                   bold=caption == "Nama SOP")
        row_y += h
        if row_y < y + total - 0.5:
            sheet.line(x + left_w, row_y, x + w, row_y)
    return total


def compact_header(sheet: Sheet, x: float, y: float, w: float, sop: Sop, right: str) -> float:
    """One bordered line: office, SOP name and number; ``right`` (e.g. the page) at the end."""
    ident = sop.identity
    left = f"{ident.government} — {ident.office}\nSOP {ident.name} · Nomor {ident.sop_number}"
    right_w = 130.0
    h = max(sheet_measure(left, w - right_w - 2 * PAD, bold=True), sheet_measure(right, right_w - 2 * PAD)) + 2 * PAD
    sheet.text(x + PAD, y + PAD, w - right_w - 2 * PAD, left, 8, True)
    sheet.text(x + w - right_w + PAD, y + PAD, right_w - 2 * PAD, right, 8)
    sheet.box(x, y, w, h)
    sheet.line(x + w - right_w, y, x + w - right_w, y + h)
    return h


def page_footer(sheet: Sheet, area: QRectF, height: float, text: str, number: int, pages: int) -> None:
    """The footer of every page, in the last ``height`` points of ``area``: ``text`` (the same
    on every page) on the left and "Halaman n dari N" on the right."""
    top = area.bottom() - height
    mark = f"Halaman {number} dari {pages}"
    mark_w = QFontMetricsF(sized(FOOTER_SIZE)).horizontalAdvance(mark) + 2
    sheet.text(area.x(), top + 3, area.width() - mark_w - 6, text, FOOTER_SIZE)
    sheet.text(area.right() - mark_w, top + 3, mark_w, mark, FOOTER_SIZE, right=True)


def sheet_measure(text: str, w: float, size: float = 8, bold: bool = False) -> float:
    return Sheet(None, draw=False).text(0, 0, w, text, size, bold)
