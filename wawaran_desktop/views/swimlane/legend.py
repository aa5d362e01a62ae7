"""*Keterangan simbol*: the legend of the SOP chart, each symbol drawn as the chart draws it.

The chart uses only the five symbols of the Permenpan RB 35/2012 flowchart (terminator
capsule, process box, decision diamond, arrow, off-page pentagon). A supporting lane is not
a sixth symbol: it is a small process box in that lane, tied to the activity's own symbol by
a dashed line without arrowhead; the legend's last entry says so in words.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen

from wawaran_desktop.charts.swimlane_geometry import Box, Route, Symbol
from wawaran_desktop.charts.swimlane_layout import Metrics
from wawaran_desktop.views.swimlane.fonts import font
from wawaran_desktop.views.swimlane.paper import PAD, Sheet, sheet_measure
from wawaran_desktop.views.swimlane.scene import (
    INK,
    SUPPORT_WIDTH,
    SYMBOL_WIDTH,
    TIE_WIDTH,
    arrow_paths,
    symbol_path,
    tie_path,
)

TITLE = "Keterangan Simbol"
COLUMNS = 3
SAMPLE_W = 92.0  # points for the drawn symbol of an entry
SAMPLE_SCALE = 0.8  # samples a little smaller than in the chart
TEXT_SIZE = 8


class Entry(NamedTuple):
    sample: str  # capsule, process, decision, arrow, connector, support
    name: str
    meaning: str


ENTRIES = (
    Entry("capsule", "Terminator (kapsul)", "Awal (mulai) dan akhir (selesai) prosedur."),
    Entry("process", "Proses (kotak)", "Kegiatan yang dilaksanakan oleh pelaksana pada kolom tempat kotak "
                                       "itu berada."),
    Entry("decision", "Keputusan (belah ketupat)", "Pilihan dengan jawaban Ya atau Tidak; alur berlanjut "
                                                   "menurut jawabannya."),
    Entry("arrow", "Penghubung (anak panah)", "Arah alur dari satu kegiatan ke kegiatan berikutnya."),
    Entry("connector", "Penghubung antarhalaman (segi lima)", "Alur bersambung ke atau dari halaman lain, "
                                                              "pada segi lima berhuruf sama."),
    Entry("support", "Pelaksana pendukung", "Kotak proses kecil pada kolom pelaksana lain, dihubungkan garis "
                                            "putus-putus tanpa panah ke simbol kegiatan di baris yang sama: "
                                            "pelaksana itu ikut melaksanakan kegiatan tersebut (garis ini "
                                            "bukan arah alur)."),
)


def entry_text(entry: Entry) -> str:
    return f"{entry.name}\n{entry.meaning}"


def _cell_text_w(w: float) -> float:
    return w / COLUMNS - SAMPLE_W - 2 * PAD


def legend_height(w: float) -> float:
    """How tall :func:`legend_block` is in width ``w``."""
    title_h, rows = row_heights(w)
    return title_h + sum(rows)


def row_heights(w: float) -> tuple[float, list[float]]:
    """The title row's height and each row of entries' height, in width ``w``."""
    title_h = sheet_measure(TITLE, w, 9, True) + 2 * PAD
    rows = []
    for start in range(0, len(ENTRIES), COLUMNS):
        texts = [sheet_measure(entry_text(e), _cell_text_w(w), TEXT_SIZE) for e in ENTRIES[start:start + COLUMNS]]
        rows.append(max([*texts, Metrics().diamond_h * SAMPLE_SCALE]) + 2 * PAD)
    return title_h, rows


def sample_cells(x: float, y: float, w: float) -> list[QRectF]:
    """Where each entry's symbol is drawn, in the order of :data:`ENTRIES`."""
    title_h, rows = row_heights(w)
    cells = []
    row_y = y + title_h
    for r, h in enumerate(rows):
        for c in range(len(ENTRIES[r * COLUMNS:(r + 1) * COLUMNS])):
            cells.append(QRectF(x + c * w / COLUMNS, row_y, SAMPLE_W, h))
        row_y += h
    return cells


def legend_block(sheet: Sheet, x: float, y: float, w: float) -> float:
    """The legend as a bordered table from ``(x, y)``, ``w`` wide; returns its height."""
    title_h, rows = row_heights(w)
    if sheet.draw:
        sheet.p.fillRect(QRectF(x, y, w, title_h), QBrush(QColor("#eeeeee")))
    sheet.text(x + PAD, y + PAD, w - 2 * PAD, f"{TITLE}:", 9, True)
    sheet.line(x, y + title_h, x + w, y + title_h)
    for entry, cell in zip(ENTRIES, sample_cells(x, y, w)):
        if sheet.draw:
            draw_sample(sheet, entry.sample, cell)
        text_x = cell.right() + PAD
        name_h = sheet.text(text_x, cell.y() + PAD, _cell_text_w(w), entry.name, TEXT_SIZE, True)
        sheet.text(text_x, cell.y() + PAD + name_h, _cell_text_w(w), entry.meaning, TEXT_SIZE)
        if cell.x() > x:
            sheet.line(cell.x(), cell.y(), cell.x(), cell.bottom())
    row_y = y + title_h
    for h in rows:
        row_y += h
        sheet.line(x, row_y, x + w, row_y)
    sheet.box(x, y, w, row_y - y)
    return row_y - y


def draw_sample(sheet: Sheet, kind: str, cell: QRectF) -> None:
    """The symbol ``kind`` centred in ``cell``, drawn with the chart's own paths and pens."""
    m, k = Metrics(), SAMPLE_SCALE
    painter = sheet.p
    painter.save()
    try:
        painter.translate(cell.center().x(), cell.center().y())
        painter.scale(k, k)
        painter.setBrush(QBrush(Qt.GlobalColor.white))
        painter.setPen(QPen(INK, SYMBOL_WIDTH))
        if kind in ("capsule", "process", "decision"):
            h = m.diamond_h if kind == "decision" else m.symbol_h
            painter.drawPath(symbol_path(Symbol(kind, 1, kind, Box(0, 0, m.symbol_w, h).centred_at(0, 0))))
        elif kind == "connector":
            box = Box(0, 0, m.connector_w, m.connector_h).centred_at(0, 0)
            painter.drawPath(symbol_path(Symbol(kind, None, "connector", box, "A")))
            painter.setFont(font("small_bold"))
            painter.drawText(QRectF(box.x, box.y + 1, box.w, box.h * 0.6), int(Qt.AlignmentFlag.AlignCenter), "A")
        elif kind == "arrow":
            lines, heads = arrow_paths((Route("a", "b", ((-m.symbol_w / 2, 0.0), (m.symbol_w / 2, 0.0))),))
            painter.setPen(QPen(INK, 0.8))
            painter.drawPath(lines)
            painter.setPen(QPen(Qt.PenStyle.NoPen))
            painter.setBrush(QBrush(INK))
            painter.drawPath(heads)
        else:  # support: the activity's box, the tie, the supporting lane's small box
            gap = 22.0
            total = m.symbol_w + gap + m.marker_w
            main = Box(-total / 2, -m.symbol_h / 2, m.symbol_w, m.symbol_h)
            small = Box(main.right + gap, -m.marker_h / 2, m.marker_w, m.marker_h)
            painter.drawPath(symbol_path(Symbol("main", 1, "process", main)))
            painter.setPen(QPen(INK, TIE_WIDTH, Qt.PenStyle.DashLine))
            painter.drawPath(tie_path(((small.x, 0.0), (main.right, 0.0))))
            painter.setPen(QPen(INK, SUPPORT_WIDTH))
            painter.drawRect(QRectF(small.x, small.y, small.w, small.h))
    finally:
        painter.restore()
