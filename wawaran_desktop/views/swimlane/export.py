"""The chart on paper: PDF (vector, the office's paper landscape, paged), PNG, print preview.

Page 1 carries the SOP's identity block (with the office's logo), later pages a one-line
header; each page the table's header again, and the same footer with its page number. When
the chart is only a little taller than the page it is scaled to fit one page (down to 85%;
on paper wider than the chart, up to its width); otherwise it is cut into pages joined by
lettered off-page connectors (:mod:`~wawaran_desktop.charts.swimlane_paging`). Text stays
text in the PDF. The paper and logo come from the office profile (:class:`Stationery`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QImage, QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from wawaran_desktop import APP_NAME
from wawaran_desktop.infra.atomic import ExportError, write_bytes_atomically
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.charts.swimlane_geometry import ChartLayout
from wawaran_desktop.charts.swimlane_paging import paginate
from wawaran_desktop.sop.schema import Sop
from wawaran_desktop.views.swimlane.fonts import measure
from wawaran_desktop.views.swimlane.layouts import layout_for
from wawaran_desktop.views.swimlane.paper import (
    PLAIN,
    Sheet,
    Stationery,
    begin,
    compact_header,
    identity_block,
    landscape,
    page_footer,
)
from wawaran_desktop.views.screen_fit import fit_to_screen
from wawaran_desktop.views.swimlane.scene import ChartScene

PDF_DPI = 600
GAP = 6.0  # points between the header and the chart
FOOTER = 12.0
MIN_SCALE = 0.85
MAX_SCALE = 1.25  # a chart narrower than the paper (F4) is enlarged to its width, at most this
PNG_SCALE = 2.0  # pixels per point of a PNG (144 dpi)


def campaign_line(record: CampaignRecord | None, now: datetime) -> str:
    if record is None:
        return ""
    return f"Kampanye No. {record.id}: {record.title} — {record.status.label}; keadaan {fmt.date_time(now)}"


class ChartPrint:
    """The chart of ``sop`` (showing ``record`` at ``now``, or blank) fitted to ``area``."""

    def __init__(self, sop: Sop, record: CampaignRecord | None, now: datetime, area: QRectF,
                 last_title: str = "Aktual", identity: bool = True, single: bool = False,
                 pages_before: int = 0, logo: Path | None = None, footer: str | None = None) -> None:
        self.sop, self.record, self.now, self.area, self.logo = sop, record, now, area, logo
        self.before = pages_before  # pages of the document before the chart (numbering)
        self.last_title, self.identity, self.single = last_title, identity, single
        self.footer = footer if footer is not None else f"{APP_NAME} · dicetak {fmt.date_time(now)}"
        whole = layout_for(sop, last_title)
        width_scale = area.width() / whole.width
        if single:  # one sheet as large as the chart (a PNG)
            self.pages, self.scale = [whole], 1.0
            return
        fit = self.room(0) / whole.height
        if min(width_scale, fit) >= MIN_SCALE:  # one page, a little smaller (or larger) if need be
            self.pages: list[ChartLayout] = [whole]
            self.scale = min(width_scale, fit, MAX_SCALE)
        else:
            self.scale = min(width_scale, 1.0)
            self.pages = paginate(sop, measure(), lambda i: self.room(i) / self.scale, last_title=last_title)

    def header(self, sheet: Sheet, index: int, pages: int, y: float = 0.0) -> float:
        x, w = self.area.x(), self.area.width()
        line = campaign_line(self.record, self.now)
        if index == 0 and self.identity:
            h = identity_block(sheet, x, y, w, self.sop, self.logo)
        else:  # the page's number is in the footer only
            h = compact_header(sheet, x, y, w, self.sop, f"Waktu baku {self.sop.standard_total} menit")
        if line:
            h += 3 + sheet.text(x, y + h + 3, w, line, 8, True)
        return h

    def room(self, index: int) -> float:
        """Points left for the chart on page ``index``."""
        return self.area.height() - self.header(Sheet(None, draw=False), index, 2) - GAP - FOOTER

    def paint(self, device: QPagedPaintDevice) -> int:
        """Draw every page on ``device``; returns the number of pages."""
        painter, area = begin(device)
        try:
            for i, page in enumerate(self.pages):
                if i and not device.newPage():
                    raise OSError("halaman baru tidak dapat dibuat")
                self.paint_page(painter, i)
        finally:
            painter.end()
        return len(self.pages)

    def paint_page(self, painter: QPainter, index: int) -> None:
        sheet = Sheet(painter)
        page = self.pages[index]
        top = self.area.y() + self.header(sheet, index, len(self.pages)) + GAP
        width = page.width * self.scale
        left = self.area.x() + max(0.0, (self.area.width() - width) / 2)
        render_chart(painter, self.sop, page, self.record, self.now, QRectF(left, top, width, page.height * self.scale))
        page_footer(sheet, self.area, FOOTER, self.footer, self.before + index + 1, self.before + len(self.pages))


def render_chart(painter: QPainter, sop: Sop, page: ChartLayout, record: CampaignRecord | None, now: datetime,
                 target: QRectF) -> ChartScene:
    """Draw one page of the chart into ``target`` (painter units)."""
    scene = ChartScene(sop, page, live=False)
    if record is not None:
        scene.show_record(record, now)
    k = target.width() / page.width
    edge = 1.0  # the outer grid lines are centred on the edge: keep their outer half
    scene.render(painter, target.adjusted(-edge * k, -edge * k, edge * k, edge * k),
                 QRectF(-edge, -edge, page.width + 2 * edge, page.height + 2 * edge))
    return scene


def write_pdf(path: str | Path, sop: Sop, record: CampaignRecord | None, now: datetime,
              last_title: str = "Aktual", stationery: Stationery = PLAIN) -> Path:
    """The chart as a vector PDF (the office's paper, landscape), written atomically."""
    data = pdf_bytes(f"Bagan SOP {sop.identity.name}",
                     lambda writer: ChartPrint(sop, record, now, printable_area(writer), last_title,
                                               logo=stationery.logo).paint(writer), stationery.paper)
    return write_pdf_bytes(path, data)


def pdf_bytes(title: str, paint: Callable[[QPdfWriter], object], paper: str = "A4") -> bytes:
    """A PDF on ``paper`` (landscape) drawn by ``paint`` in memory.

    QPdfWriter does not report write errors (a full disk leaves a truncated file), so the PDF
    is made in memory and written by :func:`write_bytes_atomically`, which does report them.
    """
    content = QByteArray()
    buffer = QBuffer(content)
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError("Memori untuk membuat PDF tidak dapat disiapkan.")
    writer = pdf_writer(buffer, title, paper)
    try:
        paint(writer)
    except OSError as exc:  # our own drawing failures (Indonesian), e.g. a page that cannot be added
        raise ExportError(f"PDF tidak dapat dibuat: {exc}.") from exc
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(buffer.data())


def write_pdf_bytes(path: str | Path, data: bytes) -> Path:
    if not data:
        raise ExportError(f"{Path(path).name} tidak dapat dibuat: PDF yang dihasilkan kosong. "
                          "Berkas lama (jika ada) tidak diubah.")
    return write_bytes_atomically(path, data)


def image_bytes(image: QImage, kind: str = "PNG") -> bytes:
    """``image`` encoded in memory, so that writing it reports a full disk."""
    content = QByteArray()
    buffer = QBuffer(content)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, kind):
        raise ExportError(f"Gambar {kind} tidak dapat dibuat.")
    buffer.close()
    return bytes(buffer.data())


def pdf_writer(path: Path | QIODevice, title: str, paper: str = "A4") -> QPdfWriter:
    writer = QPdfWriter(path if isinstance(path, QIODevice) else str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(landscape(paper))
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    return writer


def printable_area(device: QPagedPaintDevice) -> QRectF:
    rect = device.pageLayout().paintRect(device.pageLayout().Unit.Point)
    return QRectF(0, 0, rect.width(), rect.height())


def render_png(sop: Sop, record: CampaignRecord | None, now: datetime, scale: float = PNG_SCALE) -> QImage:
    """The whole chart on one image with a one-line header, ``scale`` pixels per point."""
    margin = 14.0
    whole = layout_for(sop, "Aktual")
    chart = ChartPrint(sop, record, now, QRectF(0, 0, whole.width, 1e6), identity=False, single=True)
    head = chart.header(Sheet(None, draw=False), 0, 1)
    height = head + GAP + whole.height
    image = QImage(round((whole.width + 2 * margin) * scale), round((height + 2 * margin) * scale),
                   QImage.Format.Format_RGB32)
    dpm = round(scale * 72 / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(0xFFFFFF)
    k = image.logicalDpiX() / 72.0
    painter, _ = begin(image, QRectF(margin * k, margin * k, whole.width * k, height * k))
    try:
        chart.header(Sheet(painter), 0, 1)
        render_chart(painter, sop, whole, record, now, QRectF(0, head + GAP, whole.width, whole.height))
    finally:
        painter.end()
    return image


def write_png(path: str | Path, sop: Sop, record: CampaignRecord | None, now: datetime) -> Path:
    return write_bytes_atomically(path, image_bytes(render_png(sop, record, now)))


def make_printer(title: str, paper: str = "A4") -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(landscape(paper))
    printer.setDocName(title)
    printer.setCreator(APP_NAME)
    return printer


class PreviewDialog(QPrintPreviewDialog):
    """Qt's print preview of the chart: zoom, page setup, and *Cetak* to a printer."""

    def __init__(self, sop: Sop, record: CampaignRecord | None, now: datetime,
                 parent: QWidget | None = None, stationery: Stationery = PLAIN) -> None:
        self.printer = make_printer(f"Bagan SOP {sop.identity.name}", stationery.paper)
        super().__init__(self.printer, parent)
        self.sop, self.record, self.now, self.stationery = sop, record, now, stationery
        self.pages_painted: int | None = None
        self.setWindowTitle("Pratinjau Cetak — Bagan SOP" + (f" (kampanye {record.id})" if record else ""))
        self.paintRequested.connect(self._paint)
        fit_to_screen(self, 1000, 720)

    def _paint(self, printer: QPrinter) -> None:
        self.pages_painted = ChartPrint(self.sop, self.record, self.now, printable_area(printer),
                                        logo=self.stationery.logo).paint(printer)

    def preview_widget(self) -> QPrintPreviewWidget:
        return self.findChild(QPrintPreviewWidget)
