"""The lembar disposisi drawn with QPainter: the same form as the Word file, on any paint device.

One layout pass both measures and draws (``draw=False`` only measures), so the largest type
size that keeps the form on one page is found by measuring, and what is drawn is exactly
what was measured. Coordinates are device pixels of the paint area (inside the margins);
fonts are sized in points, which Qt converts with the device's resolution.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QPen

from wawaran_desktop.reports.disposition_data import CAPTIONS, TITLE, DispositionSheet
from wawaran_desktop.documents.docx_base import TICKED, UNTICKED
from wawaran_desktop.documents.letterhead import LOGO_COLUMN_MM, LOGO_HEIGHT_MM, fitted_lines, text_column_mm
from wawaran_desktop.documents.office_header import KOP_IMAGE_MAX_MM

FAMILY = "Times New Roman"
SIZES = (12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5)
MAX_SIZE = {"A4": 12, "F4": 12, "half_folio": 10}
LEGIBLE_SIZE = {"A4": 8, "F4": 8, "half_folio": 7}  # below it, a long list of recipients goes compact
KOP_SCALE = {"A4": 1.0, "F4": 1.0, "half_folio": 0.62}
PAD_MM = 1.5  # cell padding, above and below
PAD_X_MM = 2.0  # cell padding, left and right: a long unit or name keeps clear of the column's rules
WRAP = int(Qt.TextFlag.TextWordWrap)
BREAK = "\u200b"  # where a word too long for its column may break (a zero-width space; not in the PDF's text)


class SheetPainter:
    """Paints ``sheet`` into the rectangle ``area`` (device pixels) of ``painter``'s device."""

    def __init__(self, sheet: DispositionSheet, painter: QPainter, area: QRectF) -> None:
        self.sheet = sheet
        self.p = painter
        self.area = area
        device = painter.device()
        self.dpi = device.logicalDpiY()
        self.logo = QImage(str(sheet.profile.logo)) if sheet.profile.logo is not None else QImage()
        kop = sheet.profile.letterhead_image
        self.kop_image = QImage(str(kop)) if kop is not None else QImage()  # null when unreadable: the built-in kop
        self.size = 12.0
        self.compact = False
        self.draw = False
        # Fonts, metrics and the pen are made once and reused: the fit tries many sizes, and
        # every Qt setter call counts (PySide6 6.12.0 on Python 3.11 loses a reference to None
        # on each call of a method returning nothing; see the report of issue 5).
        self._fonts: dict[tuple[float, bool, bool], QFont] = {}
        self._metrics: dict[int, QFontMetricsF] = {}
        self._current_font: QFont | None = None
        self._pen_width: float | None = None

    # -- units and text -------------------------------------------------------------------
    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72

    def font(self, size: float | None = None, bold: bool = False, underline: bool = False) -> QFont:
        key = (size or self.size, bold, underline)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = QFont(FAMILY)
            font.setPointSizeF(key[0])
            font.setBold(bold)
            font.setUnderline(underline)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        found = self._metrics.get(id(font))
        if found is None:
            found = self._metrics[id(font)] = QFontMetricsF(font, self.p.device())
        return found

    def text(self, rect: QRectF, text: str, font: QFont, align=Qt.AlignmentFlag.AlignLeft) -> float:
        """Draw ``text`` wrapped in ``rect``'s width from its top; returns the height it takes."""
        metrics = self.metrics(font)
        flags = int(align) | WRAP
        text = self.breakable(text, rect.width(), metrics)
        bound = metrics.boundingRect(QRectF(rect.x(), rect.y(), rect.width(), 1e7), flags, text)
        height = max(bound.height(), metrics.height())
        if self.draw and text:
            if self._current_font is not font:
                self.p.setFont(font)
                self._current_font = font
            self.p.drawText(QRectF(rect.x(), rect.y(), rect.width(), height + 1), flags, text)
        return height

    @staticmethod
    def breakable(text: str, width: float, metrics: QFontMetricsF) -> str:
        """``text`` with break points inside each word wider than ``width`` (a unit written as one
        word, a long e-mail address): Qt wraps only between words and would run it over the
        column's rule, cut off."""
        if not text or metrics.horizontalAdvance(text) <= width:
            return text
        words = text.split(" ")
        for i, word in enumerate(words):
            if metrics.horizontalAdvance(word) <= width:
                continue
            pieces, piece = [], ""
            for char in word:
                if piece and metrics.horizontalAdvance(piece + char) > width:
                    pieces.append(piece)
                    piece = ""
                piece += char
            words[i] = BREAK.join([*pieces, piece])
        return " ".join(words)

    def hanging(self, x: float, y: float, width: float, lead: str, body: str, font: QFont,
                lead_font: QFont | None = None) -> float:
        """``lead`` (a number, a box) then ``body`` wrapped under itself."""
        lead_font = lead_font or font
        indent = self.metrics(lead_font).horizontalAdvance(lead + " ")
        self.text(QRectF(x, y, indent, 1), lead, lead_font)
        return self.text(QRectF(x + indent, y, width - indent, 1), body, font)

    def line(self, x1: float, y1: float, x2: float, y2: float, width_pt: float = 0.6) -> None:
        if self.draw:
            if self._pen_width != width_pt:
                self.p.setPen(QPen(Qt.GlobalColor.black, self.pt(width_pt)))
                self._pen_width = width_pt
                self._current_font = None  # drawText uses the pen too: keep both explicit
            self.p.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    # -- the sheet ------------------------------------------------------------------------
    def fit(self) -> tuple[float, bool]:
        """The largest size at which the sheet fits (measured), and whether the recipients
        must be listed compactly (names only, one paragraph) for that."""
        top = MAX_SIZE.get(self.sheet.paper, 12)
        for compact, smallest in ((False, LEGIBLE_SIZE.get(self.sheet.paper, 8)), (True, SIZES[-1])):
            for size in SIZES:
                if smallest <= size <= top and self.layout(size, False, compact) <= self.area.height():
                    return size, compact
        return SIZES[-1], True

    def paint(self) -> float:
        """Fit, then draw; returns the type size used."""
        size, compact = self.fit()
        self.layout(size, True, compact)
        return size

    def layout(self, size: float, draw: bool, compact: bool = False) -> float:
        self.size, self.draw, self.compact = size, draw, compact
        x, width = self.area.x(), self.area.width()
        y = self.kop(self.area.y())
        y += self.text(QRectF(x, y, width, 1), TITLE, self.font(size + 2, bold=True),
                       Qt.AlignmentFlag.AlignHCenter)
        y += self.pt(size * 0.5)
        return self.table(y) - self.area.y()

    def kop(self, y: float) -> float:
        scale = KOP_SCALE.get(self.sheet.paper, 1.0)
        x, width = self.area.x(), self.area.width()
        if not self.kop_image.isNull():  # the office's own kop (services/office_files.py), as wide as the text
            height = min(width * self.kop_image.height() / max(1, self.kop_image.width()),
                         self.mm(KOP_IMAGE_MAX_MM * scale))
            image_width = height * self.kop_image.width() / max(1, self.kop_image.height())
            if self.draw:
                self.p.drawImage(QRectF(x + (width - image_width) / 2, y, image_width, height), self.kop_image)
            return y + height + self.pt(10 * scale)
        logo = not self.logo.isNull()
        side = self.mm(LOGO_COLUMN_MM * scale) if logo else 0.0
        top = y
        column_mm = text_column_mm(width / self.mm(1), logo, scale)
        for text, size, bold in fitted_lines(self.sheet.profile, column_mm, scale):  # (as the Word file's)
            y += self.text(QRectF(x + side, y, width - side, 1), text, self.font(size, bold),
                           Qt.AlignmentFlag.AlignHCenter)
        if not self.logo.isNull():
            height = self.mm(LOGO_HEIGHT_MM * scale)
            logo_width = height * self.logo.width() / max(1, self.logo.height())
            if self.draw:
                target = QRectF(x, top + max(0.0, (y - top - height) / 2), logo_width, height)
                self.p.drawImage(target, self.logo)
            y = max(y, top + height)
        y += self.pt(3 * scale)
        self.line(x, y, x + width, y, 2.2 * scale)  # the kop's thick line ...
        y += self.pt(2.6 * scale)
        self.line(x, y, x + width, y, 0.7 * scale)  # ... and the thin one under it
        return y + self.pt(10 * scale)

    def table(self, y: float) -> float:
        s = self.sheet
        x, width = self.area.x(), self.area.width()
        half, pad, side = width / 2, self.mm(PAD_MM), self.mm(PAD_X_MM)
        inner = half - 2 * side
        rows = [
            ("head", lambda top, h: max(self.fields(x + side, top, inner, s.head_left),
                                        self.fields(x + half + side, top, inner, s.head_right)), True),
            ("sifat", lambda top, h: self.sifat(x + side, top, width - 2 * side), False),
            ("hal", lambda top, h: self.fields(x + side, top, width - 2 * side,
                                               ((CAPTIONS["hal"], s.value(s.hal)),)), False),
            ("orders", lambda top, h: max(self.recipients(x + side, top, inner),
                                          self.instructions(x + half + side, top, inner)), True),
            ("notes", lambda top, h: max(self.notes(x + side, top, inner),
                                         self.signature(x + half + side, top, inner, h)), True),
        ]
        draw = self.draw
        self.draw = False  # first the natural heights, to share the room left over
        heights = [body(0.0, 0.0) + 2 * pad for _name, body, _split in rows]
        self.draw = draw
        spare = max(0.0, self.area.bottom() - y - sum(heights) - self.mm(6))
        heights[3] += spare * 0.45
        heights[4] += spare * 0.55
        start = y
        for (_name, body, split), height in zip(rows, heights):
            body(y + pad, height - 2 * pad)
            self.line(x, y, x + width, y)
            if split:
                self.line(x + half, y, x + half, y + height)
            y += height
        self.line(x, y, x + width, y)
        self.line(x, start, x, y)
        self.line(x + width, start, x + width, y)
        return y

    # -- the boxes ------------------------------------------------------------------------
    def fields(self, x: float, y: float, width: float, pairs) -> float:
        font = self.font()
        metrics = self.metrics(font)
        label = max(metrics.horizontalAdvance(c) for c, _v in pairs) + self.pt(self.size * 0.6)
        colon = metrics.horizontalAdvance(":") + self.pt(self.size * 0.5)
        top = y
        for caption, value in pairs:
            if not caption:
                continue
            self.text(QRectF(x, y, label, 1), caption, font)
            self.text(QRectF(x + label, y, colon, 1), ":", font)
            y += self.text(QRectF(x + label + colon, y, width - label - colon, 1), value, font)
        return y - top

    def sifat(self, x: float, y: float, width: float) -> float:
        bold, font = self.font(bold=True), self.font()
        metrics = self.metrics(font)
        caption = f"{CAPTIONS['sifat']} :"
        cursor = x + self.metrics(bold).horizontalAdvance(caption) + self.pt(12)
        self.text(QRectF(x, y, width, 1), caption, bold)
        line_height = metrics.height()
        top = y
        for option, ticked in self.sheet.sifat:
            # The box in the regular face (a bold fallback glyph would sit off the baseline).
            box = f"{TICKED if ticked else UNTICKED} "
            box_width = metrics.horizontalAdvance(box)
            text_font = self.font(bold=ticked)
            advance = box_width + self.metrics(text_font).horizontalAdvance(option) + self.pt(14)
            if cursor + advance > x + width and cursor > x:
                cursor, y = x + self.pt(40), y + line_height
            self.text(QRectF(cursor, y, box_width, 1), box, font)
            self.text(QRectF(cursor + box_width, y, advance - box_width, 1), option, text_font)
            cursor += advance
        return y + line_height - top

    def recipients(self, x: float, y: float, width: float) -> float:
        top = y
        y += self.text(QRectF(x, y, width, 1), CAPTIONS["recipients"], self.font(bold=True))
        for line in self.sheet.recipient_lines(self.compact):
            number, _sep, rest = line.partition(" ")
            if number.endswith(".") and rest and not self.compact:
                y += self.hanging(x, y, width, number, rest, self.font())
            else:
                y += self.text(QRectF(x, y, width, 1), line, self.font())
        return y - top

    def instructions(self, x: float, y: float, width: float) -> float:
        top = y
        y += self.text(QRectF(x, y, width, 1), CAPTIONS["instructions"], self.font(bold=True))
        for phrase, ticked in self.sheet.instructions:
            y += self.hanging(x, y, width, TICKED if ticked else UNTICKED, phrase, self.font(bold=ticked),
                              self.font())
        y += self.text(QRectF(x, y, width, 1), f"Lain-lain: {self.sheet.value(self.sheet.free_text)}", self.font())
        return y - top

    def notes(self, x: float, y: float, width: float) -> float:
        top = y
        y += self.text(QRectF(x, y, width, 1), CAPTIONS["catatan"], self.font(bold=True))
        y += self.text(QRectF(x, y, width, 1), self.sheet.value(self.sheet.catatan), self.font())
        return y - top

    def signature(self, x: float, y: float, width: float, room: float) -> float:
        """Date, position, paraf, name, rank, NIP: at the foot of its box (``room`` tall, 0: measure)."""
        date_line, position, paraf, name, rank, nip = self.sheet.signer_lines
        centre = Qt.AlignmentFlag.AlignHCenter
        named = bool(self.sheet.signer.name)
        parts = [(date_line, self.font(), 0.0), (position, self.font(), 0.0), (paraf, self.font(), 0.6),
                 ("", self.font(), 0.6), (name, self.font(bold=named, underline=named), 0.0), (rank, self.font(), 0.0),
                 (nip, self.font(), 0.0)]
        draw = self.draw
        self.draw = False
        natural = sum(self._sign_part(x, 0.0, width, *part, centre) for part in parts if part[0] or part[2])
        self.draw = draw
        y += max(0.0, room - natural)
        for part in parts:
            if part[0] or part[2]:
                y += self._sign_part(x, y, width, *part, centre)
        return natural

    def _sign_part(self, x: float, y: float, width: float, text: str, font: QFont, gap: float, align) -> float:
        space = self.pt(self.size * gap)
        return space + self.text(QRectF(x, y + space, width, 1), text, font, align) + (space if text else 0.0)
