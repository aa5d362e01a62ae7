"""Print, preview and save as PDF the lembar disposisi, drawn by Qt (no office suite needed).

The paper is the one chosen in the office profile (A4, F4 or half folio), with the margins
of ``documents/page.py``; :class:`~.sheet_painter.SheetPainter` draws the form on it, on one
page. The PDF holds real text (fonts embedded), so it can be searched and copied.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from wawaran_desktop import APP_NAME
from wawaran_desktop.documents import page
from wawaran_desktop.infra.atomic import ExportError, write_bytes_atomically
from wawaran_desktop.reports.disposition_data import DispositionSheet
from wawaran_desktop.views.documents.sheet_painter import SheetPainter
from wawaran_desktop.views.screen_fit import fitted_size

PDF_DPI = 600
PREVIEW_SIZE = (900, 760)  # wished for; a laptop screen (1366x768) gets at most 90% of its free area


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
        raise OSError("printer atau berkas tidak dapat dibuka untuk menggambar lembar disposisi")
    try:
        if area is None:
            rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
            area = QRectF(0, 0, rect.width(), rect.height())
        return SheetPainter(sheet, painter, area).paint()
    finally:
        painter.end()


def write_pdf(sheet: DispositionSheet, path: str | Path) -> Path:
    """The sheet as a one-page PDF at ``path`` (atomically; ExportError when it cannot be written)."""
    data = pdf_bytes(sheet)
    if not data:
        raise ExportError(f"{Path(path).name} tidak dapat dibuat: PDF yang dihasilkan kosong. "
                          "Berkas lama (jika ada) tidak diubah.")
    return write_bytes_atomically(path, data)


def pdf_bytes(sheet: DispositionSheet) -> bytes:
    """The one-page PDF, made in memory: QPdfWriter does not report write errors (a full disk
    would leave a truncated file), :func:`write_bytes_atomically` does."""
    content = QByteArray()
    buffer = QBuffer(content)
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError("Memori untuk membuat PDF tidak dapat disiapkan.")
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(sheet.paper))
    writer.setTitle(f"Lembar Disposisi {sheet.agenda_number}".strip())
    writer.setCreator(APP_NAME)
    try:
        paint_sheet(writer, sheet)
    except OSError as exc:
        raise ExportError(f"Lembar disposisi tidak dapat digambar: {exc}.") from exc
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(buffer.data())


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
        self.resize(fitted_size(self, *PREVIEW_SIZE))

    def _paint(self, printer: QPrinter) -> None:
        self.used_size = paint_sheet(printer, self.sheet)

    def preview_widget(self) -> QPrintPreviewWidget:
        return self.findChild(QPrintPreviewWidget)
