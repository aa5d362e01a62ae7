"""``python main.py export swimlane|sop``: the SOP chart and the SOP document without a window.

``export swimlane --campaign ID -o FILE`` writes the live chart of a campaign as it stands
now (PDF or PNG by the file's extension); ``export sop -o FILE.pdf`` the blank official SOP
document. Bad input (no or unknown campaign, another extension, a file that cannot be
written) gives an Indonesian message on stderr and exit code 2; files are written
atomically, so a failure leaves an existing file as it was.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.services.office_profile import sop_for_documents
from wawaran_desktop.views.documents.export_cli import guarded, refuse_unused_options

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

BAD_INPUT = 2


def _fail(message: str) -> int:
    print(f"galat: {message}", file=sys.stderr)
    return BAD_INPUT


def ensure_gui_application() -> None:
    """Qt draws the chart with a QGraphicsScene, which needs a QApplication (not only a
    QGuiApplication), also on a machine without a screen."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        ensure_gui_application.app = QApplication(sys.argv[:1])  # type: ignore[attr-defined]


def _suffix_ok(path: Path, allowed: tuple[str, ...], what: str) -> bool:
    if path.suffix.lower() in allowed:
        return True
    _fail(f"berkas keluaran {what} harus berakhiran {' atau '.join(allowed)} "
          f"(bukan \"{path.suffix or 'tanpa akhiran'}\").")
    return False


@guarded
def export_swimlane(ws: Workspace, args: argparse.Namespace) -> int:
    if not refuse_unused_options(args, "swimlane", ("campaign",)):
        return BAD_INPUT
    path = Path(args.output)
    if not _suffix_ok(path, (".pdf", ".png"), "bagan swimlane"):
        return BAD_INPUT
    if args.campaign is None:
        return _fail("bagan swimlane memerlukan --campaign ID (lihat: python main.py list).")
    try:
        record = ws.campaigns.get(args.campaign)
    except ServiceError as exc:
        return _fail(str(exc))
    ensure_gui_application()
    from wawaran_desktop.views.swimlane import export

    now = ws.clock()
    write = export.write_png if path.suffix.lower() == ".png" else export.write_pdf
    try:
        written = write(path, sop_for_documents(ws, record.sop), record, now)
    except ServiceError as exc:  # ExportError: the message says the old file is kept
        return _fail(str(exc))
    print(f"ditulis: {written}")
    return 0


@guarded
def export_sop(ws: Workspace, args: argparse.Namespace) -> int:
    if not refuse_unused_options(args, "sop", ()):
        return BAD_INPUT
    path = Path(args.output)
    if not _suffix_ok(path, (".pdf",), "dokumen SOP"):
        return BAD_INPUT
    ensure_gui_application()
    from wawaran_desktop.views.swimlane.sop_document import write_sop_pdf

    try:
        written = write_sop_pdf(path, sop_for_documents(ws, ws.sop), ws.clock())
    except ServiceError as exc:
        return _fail(str(exc))
    print(f"ditulis: {written}")
    return 0
