"""The chart's fonts and the text measure its layout uses.

Fonts are sized in *pixels* of the scene, whose unit is the point: an 8-pixel font is 8 pt
on paper and in a PDF, whatever the device's resolution (a font sized in points would be
scaled twice when the scene is rendered onto a printer). Hinting is off so that widths do not
depend on the screen, and the layout measures with the same fonts it draws with.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from wawaran_desktop.charts.swimlane_geometry import FONTS

FAMILIES = ["Arial", "Liberation Sans", "Helvetica", "DejaVu Sans"]
SLACK = 1.03  # measured widths are taken 3% wider: wrapping never depends on rounding

_fonts: dict[str, QFont] = {}


def font(key: str) -> QFont:
    found = _fonts.get(key)
    if found is None:
        spec = FONTS[key]
        found = QFont()
        found.setFamilies(FAMILIES)
        found.setPixelSize(round(spec.size))
        found.setBold(spec.bold)
        found.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        _fonts[key] = found
    return found


def sized(size: float, bold: bool = False) -> QFont:
    """A document font of ``size`` points (pixels of a point-scaled painter)."""
    key = f"{size}:{bold}"
    found = _fonts.get(key)
    if found is None:
        found = QFont()
        found.setFamilies(FAMILIES)
        found.setPixelSize(round(size))
        found.setBold(bold)
        found.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        _fonts[key] = found
    return found


class QtMeasure:
    """:class:`~wawaran_desktop.charts.swimlane_geometry.Measure` with the chart's real fonts."""

    def __init__(self) -> None:
        self._metrics = {key: QFontMetricsF(font(key)) for key in FONTS}
        self._widths: dict[tuple[str, str], float] = {}

    def width(self, text: str, font_key: str) -> float:
        key = (text, font_key)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = self._metrics[font_key].horizontalAdvance(text) * SLACK
        return found

    def ink_width(self, text: str, font_key: str) -> float:
        """The width the text really takes, without the slack :meth:`width` adds (for centring)."""
        return self.width(text, font_key) / SLACK

    def line_height(self, font_key: str) -> float:
        return self._metrics[font_key].lineSpacing()


_measure: QtMeasure | None = None


def measure() -> QtMeasure:
    """The shared measure (a QGuiApplication must exist)."""
    global _measure
    if _measure is None:
        _measure = QtMeasure()
    return _measure
