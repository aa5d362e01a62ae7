"""How wide a line of Times New Roman is, without Qt: the Word builders fit the kop surat's
lines to the page with it (resources/fonts/times_widths.json, made by tools/font_widths.py)."""

from __future__ import annotations

import functools
import json

from wawaran_desktop.paths import resource

MM_PER_PT = 25.4 / 72


@functools.cache
def _table() -> dict:
    data = json.loads(resource("fonts/times_widths.json").read_text(encoding="utf-8"))
    for style in ("regular", "bold"):
        data[style + "_widest"] = max(data[style].values())
    return data


def width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of ``text`` set in Times New Roman at ``size_pt`` (a character the table does
    not know counts as its widest)."""
    data = _table()
    style = "bold" if bold else "regular"
    widths, widest = data[style], data[style + "_widest"]
    units = sum(widths.get(char, widest) for char in text)
    return units / data["units_per_em"] * size_pt * MM_PER_PT
