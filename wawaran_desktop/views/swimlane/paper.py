"""Paper for the SOP's documents: A4 landscape, a painter in points, and the identity block.

:func:`begin` opens a painter on any paged device (PDF writer, printer) or image and scales
it so that one unit is one point, origin at the top left of the printable area. The
identity block is the official one of the Permenpan RB 35/2012 format: the government and
office on the left; number, dates, approver and name of the SOP on the right.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPageLayout, QPageSize, QPainter, QPaintDevice, QPen

from wawaran_desktop.sop.schema import Sop
from wawaran_desktop.views.swimlane.fonts import sized

MARGIN_MM = 10.0
PAD = 3.5
BLANK_DATE = "……………………"
WRAP = int(Qt.TextFlag.TextWordWrap)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
CENTER = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)


def a4_landscape() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


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
        self._pen = False

    def text(self, x: float, y: float, w: float, text: str, size: float = 8, bold: bool = False,
             center: bool = False) -> float:
        """Wrapped ``text`` from ``(x, y)`` in width ``w``; returns its height."""
        font = sized(size, bold)
        flags = (CENTER if center else LEFT) | WRAP
        height = QFontMetricsF(font).boundingRect(QRectF(0, 0, w, 1e6), flags, text).height() if text else 0.0
        if self.draw and text:
            self.p.setFont(font)
            self.p.drawText(QRectF(x, y, w, height + 2), flags, text)
        return height

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.6) -> None:
        if self.draw:
            if not self._pen:
                self.p.setPen(QPen(Qt.GlobalColor.black, width))
                self._pen = True
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


def identity_block(sheet: Sheet, x: float, y: float, w: float, sop: Sop) -> float:
    """The official identity block; returns its height."""
    ident = sop.identity
    left_w, caption_w = w * 0.42, w * 0.17
    value_w = w - left_w - caption_w
    rows = identity_rows(sop)
    heights = [max(sheet_measure(value, value_w - 2 * PAD, bold=caption == "Nama SOP"),
                   sheet_measure(caption, caption_w - 2 * PAD)) + 2 * PAD for caption, value in rows]
    total = sum(heights)
    left = f"{ident.government}\n{ident.office}\n{ident.city}"
    left_h = sheet_measure(left, left_w - 2 * PAD, size=11, bold=True)
    total = max(total, left_h + 4 * PAD)
    sheet.text(x + PAD, y + (total - left_h) / 2, left_w - 2 * PAD, left, 11, True, center=True)
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


def sheet_measure(text: str, w: float, size: float = 8, bold: bool = False) -> float:
    return Sheet(None, draw=False).text(0, 0, w, text, size, bold)
