"""The blank official SOP document: the digital twin of the office's paper SOP.

Page 1: the identity block (under the office's logo), then the legal basis, staff
qualifications, related SOPs, equipment, warning and records kept, as the Permenpan RB
35/2012 format lays them out, and the legend of the chart's symbols (*Keterangan simbol*; on
a page of its own when page 1 is full); then the chart with its mutu baku and an empty
*Keterangan* column, paged if it must be. Every page has the same footer, its number at the
right end and nowhere else. Every word comes from the SOP definition; the paper (A4 or F4,
landscape) and the logo from the office profile.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPagedPaintDevice, QPainter

from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.sop.schema import Sop
from wawaran_desktop.views.swimlane.export import FOOTER, GAP, ChartPrint, pdf_bytes, printable_area, write_pdf_bytes
from wawaran_desktop.views.swimlane.legend import legend_block, legend_height
from wawaran_desktop.views.swimlane.paper import (
    PAD,
    PLAIN,
    Sheet,
    Stationery,
    begin,
    identity_block,
    landscape,
    page_footer,
)

SECTIONS = (("Dasar Hukum", "legal_basis"), ("Kualifikasi Pelaksana", "qualifications"),
            ("Keterkaitan", "related_sops"), ("Peralatan/Perlengkapan", "equipment"),
            ("Peringatan", "warnings"), ("Pencatatan dan Pendataan", "records"))


def numbered(items: tuple[str, ...]) -> str:
    if not items:
        return "-"
    if len(items) == 1:
        return items[0]
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))


def sections_table(sheet: Sheet, x: float, y: float, w: float, sop: Sop) -> float:
    """The two-column table under the identity block; returns its height."""
    half = w / 2
    top = y
    for row in range(0, len(SECTIONS), 2):
        pair = SECTIONS[row:row + 2]
        caption_h = max(sheet_h(sheet, caption, half, bold=True) for caption, _ in pair) + 2 * PAD
        if sheet.draw:
            sheet.p.fillRect(QRectF(x, y, w, caption_h), QBrush(QColor("#eeeeee")))
        for i, (caption, _) in enumerate(pair):
            sheet.text(x + i * half + PAD, y + PAD, half - 2 * PAD, f"{caption}:", 9, True)
        sheet.line(x, y + caption_h, x + w, y + caption_h)
        y += caption_h
        texts = [numbered(getattr(sop, field)) for _, field in pair]
        body_h = max(sheet_h(sheet, text, half) for text in texts) + 2 * PAD
        for i, text in enumerate(texts):
            sheet.text(x + i * half + PAD, y + PAD, half - 2 * PAD, text, 9)
        y += body_h
        sheet.line(x, y, x + w, y)
    sheet.box(x, top, w, y - top)
    sheet.line(x + half, top, x + half, y)
    return y - top


def sheet_h(sheet: Sheet, text: str, width: float, bold: bool = False) -> float:
    return Sheet(None, draw=False).text(0, 0, width - 2 * PAD, text, 9, bold)


def footer_text(sop: Sop, now: datetime) -> str:
    """The footer of every page of the document (its page number added at the right)."""
    return f"SOP {sop.identity.name} · Nomor {sop.identity.sop_number} · versi {sop.version} · " \
           f"dicetak {fmt.date_time(now)}"


class SopDocument:
    """The pages of the document in the printable ``area`` (points) of one sheet of paper."""

    def __init__(self, sop: Sop, now: datetime, area: QRectF, logo: Path | None = None) -> None:
        self.sop, self.now, self.area, self.logo = sop, now, area, logo
        measure = Sheet(None, draw=False)
        below = self._first_page(measure) + GAP
        self.legend_apart = below + legend_height(area.width()) > area.height() - FOOTER - GAP
        self.chart = ChartPrint(sop, None, now, area, last_title="Keterangan", identity=False,
                                pages_before=2 if self.legend_apart else 1, footer=footer_text(sop, now))

    @property
    def pages(self) -> int:
        return self.chart.before + len(self.chart.pages)

    def _first_page(self, sheet: Sheet) -> float:
        """The identity block and the sections table; returns where they end."""
        w = self.area.width()
        y = identity_block(sheet, 0, 0, w, self.sop, self.logo) + 10
        return y + sections_table(sheet, 0, y, w, self.sop)

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Page ``index`` (0: the first) on a painter in points at the printable area's corner."""
        if index >= self.chart.before:
            self.chart.paint_page(painter, index - self.chart.before)
            return
        sheet = Sheet(painter)
        if index == 0:
            y = self._first_page(sheet) + GAP
            if not self.legend_apart:
                legend_block(sheet, 0, y, self.area.width())
        else:
            legend_block(sheet, 0, 0, self.area.width())
        page_footer(sheet, self.area, FOOTER, footer_text(self.sop, self.now), index + 1, self.pages)


def paint_sop_document(device: QPagedPaintDevice, sop: Sop, now: datetime, logo: Path | None = None) -> int:
    """Draw the whole document on ``device``; returns its number of pages."""
    document = SopDocument(sop, now, printable_area(device), logo)
    painter, _area = begin(device)
    try:
        for i in range(document.pages):
            if i and not device.newPage():
                raise OSError("halaman baru tidak dapat dibuat")
            document.paint_page(painter, i)
    finally:
        painter.end()
    return document.pages


def write_sop_pdf(path: str | Path, sop: Sop, now: datetime, stationery: Stationery = PLAIN) -> Path:
    """The blank SOP document as a PDF on the office's paper (landscape), written atomically."""
    data = pdf_bytes(f"SOP {sop.identity.name}",
                     lambda writer: paint_sop_document(writer, sop, now, stationery.logo), stationery.paper)
    return write_pdf_bytes(path, data)


def render_pages(sop: Sop, now: datetime, dpi: int = 80, stationery: Stationery = PLAIN) -> list[QImage]:
    """Every page of the document as an image, as the PDF has them."""
    layout = landscape(stationery.paper)
    area = layout.paintRect(layout.Unit.Point)
    document = SopDocument(sop, now, QRectF(0, 0, area.width(), area.height()), stationery.logo)
    images = []
    for i in range(document.pages):
        full = layout.fullRectPixels(dpi)
        image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(0xFFFFFF)
        painter, _ = begin(image, QRectF(layout.paintRectPixels(dpi)))
        try:
            document.paint_page(painter, i)
        finally:
            painter.end()
        images.append(image)
    return images

