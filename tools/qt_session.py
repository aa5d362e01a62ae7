"""Shared by the screenshot tools: Qt offscreen (unless a display was chosen), in Indonesian.

Run the tools as ``python tools/NAME.py`` (this folder is then on ``sys.path``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def start(settle_passes: int = 5) -> tuple[object, Callable[[], None]]:
    """The QApplication with Qt's own texts in Indonesian, and ``settle()`` which lets pending
    layout and painting happen before a widget is grabbed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from wawaran_desktop.views.language import install_indonesian

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_indonesian(app)
    from wawaran_desktop.views import responsive

    responsive.start_up_over()  # ellipses and arrangements at once
    DOCS.mkdir(exist_ok=True)

    def settle() -> None:
        for _ in range(settle_passes):
            app.processEvents()

    return app, settle
