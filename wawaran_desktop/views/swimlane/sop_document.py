"""The blank official SOP document: the digital twin of the office's paper SOP.

Page 1: the identity block, then the legal basis, staff qualifications, related SOPs,
equipment, warning and records kept, as the Permenpan RB 35/2012 format lays them out; then
the chart with its mutu baku and an empty *Keterangan* column, paged if it must be. Every
word comes from the SOP definition.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QImage, QPagedPaintDevice, Qt

from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.sop.schema import Sop
from wawaran_desktop.views.swimlane.export import FOOTER, ChartPrint, pdf_bytes, printable_area, write_pdf_bytes
from wawaran_desktop.views.swimlane.paper import PAD, Sheet, begin, identity_block

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


def paint_sop_document(device: QPagedPaintDevice, sop: Sop, now: datetime) -> int:
    """Draw the whole document on ``device``; returns its number of pages."""
    chart = ChartPrint(sop, None, now, printable_area(device), last_title="Keterangan", identity=False,
                       pages_before=1)
    painter, area = begin(device)
    try:
        sheet = Sheet(painter)
        y = identity_block(sheet, 0, 0, area.width(), sop) + 10
        sections_table(sheet, 0, y, area.width(), sop)
        pages = 1 + len(chart.pages)
        painter.setPen(Qt.GlobalColor.black)
        sheet.text(0, area.bottom() - FOOTER + 3, area.width(),
                   f"SOP {sop.identity.name} · versi {sop.version} · dicetak {fmt.date_time(now)} · "
                   f"halaman 1 dari {pages}", 7)
        for i in range(len(chart.pages)):
            if not device.newPage():
                raise OSError("halaman baru tidak dapat dibuat")
            chart.paint_page(painter, i)
    finally:
        painter.end()
    return pages


def write_sop_pdf(path: str | Path, sop: Sop, now: datetime) -> Path:
    """The blank SOP document as a PDF, written atomically."""
    data = pdf_bytes(f"SOP {sop.identity.name}", lambda writer: paint_sop_document(writer, sop, now))
    return write_pdf_bytes(path, data)


def render_first_page(sop: Sop, dpi: int = 110) -> QImage:
    """Page 1 (identity block and sections) as an image, for the documentation."""
    from wawaran_desktop.views.swimlane.paper import a4_landscape

    layout = a4_landscape()
    full = layout.fullRectPixels(dpi)
    image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(0xFFFFFF)
    painter, area = begin(image, QRectF(layout.paintRectPixels(dpi)))
    try:
        sheet = Sheet(painter)
        y = identity_block(sheet, 0, 0, area.width(), sop) + 10
        sections_table(sheet, 0, y, area.width(), sop)
    finally:
        painter.end()
    return image


def render_pages(sop: Sop, now: datetime, dpi: int = 80) -> list[QImage]:
    """Every page of the document as an image (page 1, then the chart's pages)."""
    from wawaran_desktop.views.swimlane.paper import a4_landscape

    layout = a4_landscape()
    area = layout.paintRect(layout.Unit.Point)
    chart = ChartPrint(sop, None, now, QRectF(0, 0, area.width(), area.height()), last_title="Keterangan",
                       identity=False, pages_before=1)
    images = [render_first_page(sop, dpi)]
    for i in range(len(chart.pages)):
        full = layout.fullRectPixels(dpi)
        image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(0xFFFFFF)
        painter, _ = begin(image, QRectF(layout.paintRectPixels(dpi)))
        try:
            chart.paint_page(painter, i)
        finally:
            painter.end()
        images.append(image)
    return images
