"""Render the swimlane pictures of the documentation into docs/, from fresh demo data.

    python tools/swimlane_screenshots.py

``docs/swimlane.png``: the live chart of a demo campaign with a running step, as
``export swimlane -o FILE.png`` writes it. ``docs/sop-document.png``: the pages of the
blank official SOP document (``export sop``), side by side. The demo data folder is made
with ``main.py --data-dir D demo --campaigns 30 --seed 1`` in a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def pick_campaign(ws, now):
    """The running campaign whose steps show the most different statuses right now."""
    from wawaran_desktop.services.records import CampaignStatus

    running = [ws.campaigns.get(c.id) for c in ws.campaigns.list() if c.status is CampaignStatus.RUNNING]
    if not running:
        raise SystemExit("the demo made no running campaign")
    return max(running, key=lambda r: (len({s.status(now) for s in r.steps}), r.id))


def side_by_side(images, gap: int = 16):
    from PySide6.QtGui import QImage, QPainter

    width = sum(i.width() for i in images) + gap * (len(images) + 1)
    height = max(i.height() for i in images) + 2 * gap
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(0xD0D0D0)
    painter = QPainter(sheet)
    x = gap
    for image in images:
        painter.drawImage(x, gap, image)
        x += image.width() + gap
    painter.end()
    return sheet


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.swimlane import export, sop_document

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([sys.executable, "main.py", "--data-dir", data, "demo", "--campaigns", "30", "--seed", "1"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        ws = open_workspace(data)
        try:
            now = ws.clock()
            record = pick_campaign(ws, now)
            export.write_png(DOCS / "swimlane.png", record.sop, record, now)
            print(f"docs/swimlane.png: campaign {record.id} ({record.title})")
            pages = sop_document.render_pages(ws.sop, now, dpi=70)
            if not side_by_side(pages).save(str(DOCS / "sop-document.png"), "PNG"):
                raise SystemExit("docs/sop-document.png could not be written")
            print(f"docs/sop-document.png: {len(pages)} pages")
        finally:
            ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
