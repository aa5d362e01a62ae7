"""Write resources/fonts/times_widths.json: the advance widths of Times New Roman's characters.

    python tools/font_widths.py

The Word builders (documents/, which never import Qt) fit the kop surat's lines to the page by
measuring them with this table. The widths are read from Liberation Serif, the metric-compatible
free twin of Times New Roman (SIL Open Font License; Debian's fonts-liberation2), in 1/1000 em,
for the characters an office's name, address and contact line use (Latin-1 and common
punctuation); a character not in the table counts as the widest one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = {"regular": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
         "bold": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"}
CHARACTERS = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xA0, 0x100)] + list("–—‘’“”•…€")
UNITS = 1000.0


def widths(path: str) -> dict[str, int]:
    from PySide6.QtGui import QFontDatabase, QRawFont

    raw = QRawFont(path, UNITS)
    if not raw.isValid():
        sys.exit(f"{path}: tidak terbaca (apt-get install fonts-liberation2)")
    del QFontDatabase  # (QRawFont reads the file itself)
    table = {}
    for char in CHARACTERS:
        glyphs = raw.glyphIndexesForString(char)
        table[char] = round(raw.advancesForGlyphIndexes(glyphs)[0].x())
    return table


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["font_widths", "-platform", "offscreen"])
    del app
    out = ROOT / "resources" / "fonts" / "times_widths.json"
    data = {"font": "Times New Roman (widths of Liberation Serif, metric-compatible)", "units_per_em": UNITS,
            **{style: widths(path) for style, path in FONTS.items()}}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{out}: {len(data['regular'])} karakter")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
