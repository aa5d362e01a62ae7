"""The official SOP document and the chart's PDF as a Kepala Bidang signs them (issue 14).

Read back with poppler: one page number per page, only in the footer, and the same footer on
every page; the legend of the chart's symbols; the office profile's paper (A4 or F4,
landscape) and logo. The chart draws a supporting lane with the standard symbols only: a
small process box tied by a dashed line, never a dashed box.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from office import pdf_pages, pdf_text, to_png  # tests/office.py
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem
from gui.test_swimlane_export import long_sop

from wawaran_desktop import paths
from wawaran_desktop.sop import parse_sop
from wawaran_desktop.views.swimlane import export, legend, sop_document
from wawaran_desktop.views.swimlane.paper import Sheet, Stationery, begin
from wawaran_desktop.views.swimlane.scene import ChartScene

NOW = datetime(2026, 11, 26, 8, 0, tzinfo=timezone.utc)
PDFINFO, PDFIMAGES, PDFTOTEXT = shutil.which("pdfinfo"), shutil.which("pdfimages"), shutil.which("pdftotext")
F4_LANDSCAPE = "935 x 609 pts"  # 330 x 215 mm
A4_LANDSCAPE = "842 x 595 pts"
RED = (200, 0, 0)


def shipped():
    return parse_sop(paths.resource("sop/wawaran_keliling.json").read_text(encoding="utf-8"), source="x.json")


def red_logo(path: Path, width: int = 120, height: int = 120) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(*RED))
    assert image.save(str(path))
    return path


def page_size(pdf: Path) -> str:
    assert PDFINFO, "poppler-utils (pdfinfo) tidak terpasang"
    info = subprocess.run([PDFINFO, str(pdf)], capture_output=True, text=True, check=True).stdout
    return re.search(r"Page size:\s+(\S+ x \S+ pts)", info).group(1)


def images_per_page(pdf: Path) -> dict[int, int]:
    """How many pictures (not their transparency masks) each page of ``pdf`` shows."""
    assert PDFIMAGES, "poppler-utils (pdfimages) tidak terpasang"
    listing = subprocess.run([PDFIMAGES, "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    counts: dict[int, int] = {}
    for line in listing.splitlines()[2:]:
        cols = line.split()
        if cols[2] == "image":
            counts[int(cols[0])] = counts.get(int(cols[0]), 0) + 1
    return counts


def page_words(pdf: Path) -> list[list[tuple[str, float, float, float]]]:
    """Each page's words with their left, top and bottom (points), from ``pdftotext -bbox``."""
    assert PDFTOTEXT, "poppler-utils (pdftotext) tidak terpasang"
    html = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
                           page)
        pages.append([(text, float(x), float(top), float(bottom)) for x, top, bottom, text in words])
    return pages


def footers(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Each page's last line: its words and where they stand."""
    result = []
    for words in page_words(pdf):
        last = max(bottom for _w, _x, _t, bottom in words)
        result.append([(w, round(x, 1), round(top, 1)) for w, x, top, bottom in words if bottom > last - 4])
    return result


def assert_one_number_per_page_in_one_footer(pdf: Path) -> None:
    pages = pdf_pages(pdf)
    texts = pdf_text(pdf).split("\f")[:pages]
    for i, text in enumerate(texts, 1):
        assert len(re.findall(r"halaman \d+ dari \d+", text, re.IGNORECASE)) == 1, (i, text[-300:])
        assert text.count(f"Halaman {i} dari {pages}") == 1
    feet = footers(pdf)
    assert len(feet) == pages
    for i, foot in enumerate(feet, 1):
        assert " ".join(w for w, _x, _y in foot[-4:]) == f"Halaman {i} dari {pages}"
        assert foot[:-4] == feet[0][:-4], f"footer of page {i} differs from page 1's"
        assert foot[-4:][0][1:] == feet[0][-4:][0][1:]  # the number stands in the same place


# -- page numbers and footers ----------------------------------------------------------------
def test_sop_document_has_one_page_number_per_page_and_the_same_footer(qapp, tmp_path):
    out = sop_document.write_sop_pdf(tmp_path / "sop.pdf", shipped(), NOW)
    assert pdf_pages(out) == 2
    assert_one_number_per_page_in_one_footer(out)
    foot = " ".join(w for w, _x, _y in footers(out)[0])
    assert foot.startswith("SOP Penyebaran Informasi melalui Mobil Wawaran Keliling · Nomor")
    assert "dicetak 26 November 2026 pukul 15.00 WIB" in foot


def test_a_long_sop_document_and_chart_number_every_page_once(qapp, tmp_path):
    sop = long_sop()
    document = sop_document.write_sop_pdf(tmp_path / "panjang-sop.pdf", sop, NOW)
    chart = export.write_pdf(tmp_path / "panjang-bagan.pdf", sop, None, NOW)
    assert pdf_pages(document) >= 3 and pdf_pages(chart) >= 3
    assert_one_number_per_page_in_one_footer(document)
    assert_one_number_per_page_in_one_footer(chart)


# -- the legend ------------------------------------------------------------------------------
def test_the_legend_explains_every_symbol_on_page_one(qapp, tmp_path):
    out = sop_document.write_sop_pdf(tmp_path / "sop.pdf", shipped(), NOW)
    first = " ".join(pdf_text(out).split("\f")[0].split())
    assert "Keterangan Simbol:" in first
    for entry in legend.ENTRIES:
        assert entry.name in first, entry.name
        assert " ".join(entry.meaning.split()) in first, entry.meaning
    assert "garis putus-putus tanpa panah" in first and "ikut melaksanakan" in first
    kinds = {entry.sample for entry in legend.ENTRIES}
    assert kinds == {"capsule", "process", "decision", "arrow", "connector", "support"}


def test_the_legend_is_drawn_with_symbols(qapp):
    """Each entry's cell holds its symbol: ink in the middle of the cell, none at its edges'
    insides (the symbol is centred); the five standard shapes differ from one another."""
    width, scale = 780.0, 3.0
    image = QImage(round(width * scale) + 4, round(legend.legend_height(width) * scale) + 4,
                   QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(scale * 72 / 0.0254))
    image.setDotsPerMeterY(round(scale * 72 / 0.0254))
    image.fill(0xFFFFFF)
    painter, _ = begin(image, QRectF(0, 0, image.width(), image.height()))
    try:
        legend.legend_block(Sheet(painter), 0, 0, width)
    finally:
        painter.end()
    shapes = []
    for entry, cell in zip(legend.ENTRIES, legend.sample_cells(0, 0, width)):
        inner = cell.adjusted(4, 4, -4, -4)
        ink = frozenset((x, y) for x in range(round(inner.left() * scale), round(inner.right() * scale), 2)
                        for y in range(round(inner.top() * scale), round(inner.bottom() * scale), 2)
                        if QColor(image.pixel(x, y)).lightness() < 140)
        assert len(ink) > 20, entry.name
        xs = sorted(x for x, _ in ink)
        assert abs((xs[0] + xs[-1]) / 2 - cell.center().x() * scale) < 6, entry.name
        shapes.append(ink)
    assert len(set(shapes)) == len(shapes)


def test_when_page_one_is_full_the_legend_gets_a_page_of_its_own(qapp, tmp_path):
    sop = shipped()
    crowded = sop._replace(legal_basis=tuple(f"Peraturan nomor {i} tentang hal yang panjang sekali"
                                             for i in range(1, 25)))
    out = sop_document.write_sop_pdf(tmp_path / "penuh.pdf", crowded, NOW)
    texts = pdf_text(out).split("\f")
    assert "Keterangan Simbol" not in texts[0] and "Keterangan Simbol" in texts[1]
    assert "Nomor SOP" in texts[0] and "Kelengkapan" in texts[2]
    assert_one_number_per_page_in_one_footer(out)


# -- the office's paper and logo -------------------------------------------------------------
def test_paper_follows_the_office_profile(qapp, tmp_path):
    sop = shipped()
    assert page_size(sop_document.write_sop_pdf(tmp_path / "a4.pdf", sop, NOW)) == A4_LANDSCAPE
    f4 = Stationery(paper="F4")
    assert page_size(sop_document.write_sop_pdf(tmp_path / "f4.pdf", sop, NOW, f4)) == F4_LANDSCAPE
    assert page_size(export.write_pdf(tmp_path / "bagan.pdf", sop, None, NOW, stationery=f4)) == F4_LANDSCAPE
    assert export.make_printer("x", "F4").pageLayout().fullRectPoints().size().width() == 935


def test_the_chart_is_centred_and_fills_wider_paper(qapp, tmp_path):
    sop = shipped()
    a4 = sop_document.render_pages(sop, NOW, dpi=144)[1]
    f4 = sop_document.render_pages(sop, NOW, dpi=144, stationery=Stationery(paper="F4"))[1]

    def ink_columns(image: QImage) -> tuple[int, int]:
        """The chart's outer borders: the columns of pixels dark all down its middle third."""
        rows = range(image.height() // 3, 2 * image.height() // 3, 3)
        xs = [x for x in range(image.width())
              if sum(QColor(image.pixel(x, y)).lightness() < 200 for y in rows) > 0.95 * len(rows)]
        return xs[0], xs[-1]

    left4, right4 = ink_columns(a4)
    leftf, rightf = ink_columns(f4)
    assert rightf - leftf > right4 - left4  # larger on the larger sheet
    assert abs(leftf - (f4.width() - 1 - rightf)) <= 3  # and centred on it


def test_the_logo_stands_in_the_identity_block(qapp, tmp_path):
    logo = red_logo(tmp_path / "logo.png")
    with_logo = Stationery(paper="F4", logo=logo)
    out = sop_document.write_sop_pdf(tmp_path / "sop.pdf", shipped(), NOW, with_logo)
    assert images_per_page(out) == {1: 1}  # on page 1 only
    chart = export.write_pdf(tmp_path / "bagan.pdf", shipped(), None, NOW, stationery=with_logo)
    assert images_per_page(chart) == {1: 1}
    page = to_png(out, tmp_path / "halaman", dpi=72)[0]
    image = QImage(str(page))
    left_cell = [(x, y) for x in range(30, int(image.width() * 0.42)) for y in range(30, 170)
                 if QColor(image.pixel(x, y)).getRgb()[:3] == RED]
    assert len(left_cell) > 400  # about 48 x 48 points of red
    xs = sorted(x for x, _ in left_cell)
    middle = (28 + (image.width() - 56) * 0.42 / 2)
    assert abs((xs[0] + xs[-1]) / 2 - middle) < 6  # centred over the office's name
    words = page_words(out)[0]
    name_top = next(top for w, _x, top, _b in words if w == "PEMERINTAH")
    assert max(y for _, y in left_cell) < name_top  # above it


@pytest.mark.parametrize("case", ["none", "gone", "not an image"])
def test_without_a_usable_logo_the_document_prints_without_one(qapp, tmp_path, case):
    logo = {"none": None, "gone": tmp_path / "hilang.png", "not an image": tmp_path / "rusak.png"}[case]
    if case == "not an image":
        logo.write_bytes(b"\x89PNG bukan gambar")
    out = sop_document.write_sop_pdf(tmp_path / "sop.pdf", shipped(), NOW, Stationery(logo=logo))
    assert images_per_page(out) == {}
    assert "PEMERINTAH KOTA TANGERANG" in pdf_text(out)


# -- the supporting lanes' notation ----------------------------------------------------------
def test_supporting_lanes_are_small_process_boxes_with_a_dashed_tie(qapp):
    sop = shipped()
    scene = ChartScene(sop, export.layout_for(sop), live=False)
    markers = scene.layout.markers
    boxes = [item for item in scene.items() if isinstance(item, QGraphicsRectItem)
             and item.pen().style() == Qt.PenStyle.SolidLine and item.pen().widthF() > 0
             and any(abs(item.rect().x() - m.box.x) < 0.01 and abs(item.rect().width() - m.box.w) < 0.01
                     for m in markers)]
    assert len(boxes) == len(markers) == 7
    dashed = [item for item in scene.items() if isinstance(item, QGraphicsPathItem)
              and item.pen().style() == Qt.PenStyle.DashLine]
    assert len(dashed) == len(markers)
    for item in dashed:  # a line, never a (rounded) box
        path = item.path()
        assert path.elementCount() == 2 and path.boundingRect().height() == 0
    assert all("pelaksana pendukung" in item.toolTip() for item in boxes + dashed)
