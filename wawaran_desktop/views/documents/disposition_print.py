"""Print, preview and save as PDF the lembar disposisi, drawn by Qt (no office suite needed).

The paper is the one chosen in the office profile (A4, F4 or half folio), with the margins
of ``documents/page.py``; :class:`~.sheet_painter.SheetPainter` draws the form on it, on one
page. The PDF holds real text (fonts embedded), so it can be searched and copied.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from wawaran_desktop import APP_NAME
from wawaran_desktop.documents import page
from wawaran_desktop.documents.atomic import write_atomically
from wawaran_desktop.documents.disposition_data import DispositionSheet
from wawaran_desktop.views.documents.sheet_painter import SheetPainter

PDF_DPI = 600


def page_layout(paper_key: str) -> QPageLayout:
    """The QPageLayout of a paper of ``documents/page.py`` (exact size, its margins)."""
    paper = page.paper(paper_key)
    width, height = sorted((paper.width_mm, paper.height_mm))
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, paper.label,
                     QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Landscape if paper.landscape else QPageLayout.Orientation.Portrait
    m = paper.margins
    return QPageLayout(size, orientation, QMarginsF(m.left, m.top, m.right, m.bottom), QPageLayout.Unit.Millimeter)


def paint_sheet(device: QPagedPaintDevice | QImage, sheet: DispositionSheet, area: QRectF | None = None) -> float:
    """Draw ``sheet`` on ``device`` (a printer or PDF writer already set up); returns the type size."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("printer or file could not be opened for drawing")
    try:
        if area is None:
            rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
            area = QRectF(0, 0, rect.width(), rect.height())
        return SheetPainter(sheet, painter, area).paint()
    finally:
        painter.end()


def write_pdf(sheet: DispositionSheet, path: str | Path) -> Path:
    """The sheet as a one-page PDF at ``path`` (atomically; ExportError when it cannot be written)."""

    def build(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout(sheet.paper))
        writer.setTitle(f"Lembar Disposisi {sheet.agenda_number}".strip())
        writer.setCreator(APP_NAME)
        paint_sheet(writer, sheet)
        del writer  # flushes and closes the file before it is moved into place
        if os.path.getsize(tmp) == 0:
            raise OSError("the PDF writer produced an empty file")

    return write_atomically(path, build)


def render_image(sheet: DispositionSheet, dpi: int = 100) -> QImage:
    """The whole page, white, as an image (for pictures of the sheet and for tests)."""
    layout = page_layout(sheet.paper)
    full = layout.fullRectPixels(dpi)
    image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(0xFFFFFF)
    paint_rect = layout.paintRectPixels(dpi)
    paint_sheet(image, sheet, QRectF(paint_rect))
    return image


def make_printer(sheet: DispositionSheet) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(sheet.paper))
    printer.setDocName(f"Lembar Disposisi {sheet.agenda_number}".strip())
    printer.setCreator(APP_NAME)
    return printer


class PreviewDialog(QPrintPreviewDialog):
    """Qt's print preview of the sheet: zoom, page setup, and *Cetak* to a printer."""

    def __init__(self, sheet: DispositionSheet, parent: QWidget | None = None) -> None:
        self.printer = make_printer(sheet)
        super().__init__(self.printer, parent)
        self.sheet = sheet
        self.used_size: float | None = None
        self.setWindowTitle(f"Pratinjau Lembar Disposisi — {sheet.agenda_number or 'kampanye ' + str(sheet.campaign_id)}")
        self.paintRequested.connect(self._paint)
        self.resize(900, 760)

    def _paint(self, printer: QPrinter) -> None:
        self.used_size = paint_sheet(printer, self.sheet)

    def preview_widget(self) -> QPrintPreviewWidget:
        return self.findChild(QPrintPreviewWidget)
