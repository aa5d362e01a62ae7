"""``python main.py export narration|disposition|report|workbook``: documents without a window.

Each function takes the open workspace and the parsed arguments (``output``, ``campaign``,
``date_from``, ``date_to``), writes ``args.output`` atomically, prints ``ditulis: PATH`` and
returns 0; bad input (no or unknown campaign, a wrong extension, a file that cannot be
written) gives an Indonesian message on stderr and exit code 2. The document modules are
imported only when asked for.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop.infra import private_files
from wawaran_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

BAD_INPUT = 2


def fail(message: str) -> int:
    print(f"galat: {message}", file=sys.stderr)
    return BAD_INPUT


#: The options each kind of export reads; any other one given is refused (not silently ignored).
OPTION_NAMES = {"campaign": "--campaign", "date_from": "--from", "date_to": "--to"}


def refuse_unused_options(args: argparse.Namespace, kind: str, used: tuple[str, ...]) -> bool:
    """False (after saying so) when an option this ``kind`` does not read was given."""
    given = [flag for name, flag in OPTION_NAMES.items() if name not in used and getattr(args, name, None) is not None]
    if given:
        fail(f"opsi {', '.join(given)} tidak berlaku untuk export {kind}; hapus opsi itu.")
        return False
    return True


def guarded(exporter: Callable[[Workspace, argparse.Namespace], int]) -> Callable[[Workspace, argparse.Namespace], int]:
    """Any unexpected failure ends as one Indonesian line on stderr and exit code 2, not a
    traceback; the traceback goes to the error log in the data folder."""

    @functools.wraps(exporter)
    def run(ws: Workspace, args: argparse.Namespace) -> int:
        try:
            return exporter(ws, args)
        except ServiceError as exc:
            return fail(str(exc))
        except Exception as exc:  # noqa: BLE001 - explained and logged; never a traceback
            log = _log_traceback(ws, exc)
            where = f" Rincian teknis dicatat di: {log}" if log else ""
            return fail(f"galat tak terduga ({type(exc).__name__}); berkas tidak ditulis.{where}")

    return run


def _log_traceback(ws: Workspace, exc: BaseException) -> Path | None:
    try:
        from wawaran_desktop.services.clock import to_wib

        log = Path(ws.data_dir) / LOG_NAME
        with private_files.open_private_append(log) as stream:  # owner-only, as the window's log
            stream.write(f"\n--- {to_wib(ws.clock()).isoformat(timespec='seconds')} (baris perintah)\n")
            stream.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        return log
    except Exception:  # noqa: BLE001 - the message on stderr is what matters
        return None


LOG_NAME = "wawaran-error.log"  # the log file of views/error_report.py


def output_path(args: argparse.Namespace, kind: str, suffixes: tuple[str, ...]) -> Path | None:
    path = Path(args.output)
    if path.suffix.lower() not in suffixes:
        fail(f"berkas keluaran {kind} harus berakhiran {' atau '.join(suffixes)} (bukan "
              f"\"{path.suffix or 'tanpa akhiran'}\").")
        return None
    return path


def campaign_id(ws: Workspace, args: argparse.Namespace, kind: str) -> int | None:
    if args.campaign is None:
        fail(f"{kind} memerlukan --campaign ID (lihat: python main.py list).")
        return None
    try:
        ws.campaigns.get(args.campaign)
    except ServiceError as exc:
        fail(str(exc))
        return None
    return args.campaign


def run_export(write: Callable[[], Path]) -> int:
    try:
        path = write()
    except ServiceError as exc:  # ExportError included: the old file is kept
        return fail(str(exc))
    print(f"ditulis: {path}")
    return 0


@guarded
def export_narration(ws: Workspace, args: argparse.Namespace) -> int:
    if not refuse_unused_options(args, "narration", ("campaign",)):
        return BAD_INPUT
    path = output_path(args, "narasi", (".docx",))
    campaign = campaign_id(ws, args, "Ekspor narasi") if path else None
    if path is None or campaign is None:
        return BAD_INPUT
    from wawaran_desktop.documents import narration_docx

    return run_export(lambda: narration_docx.write_narration(ws, campaign, path))


@guarded
def export_disposition(ws: Workspace, args: argparse.Namespace) -> int:
    if not refuse_unused_options(args, "disposition", ("campaign",)):
        return BAD_INPUT
    path = output_path(args, "lembar disposisi", (".pdf", ".docx"))
    campaign = campaign_id(ws, args, "Ekspor lembar disposisi") if path else None
    if path is None or campaign is None:
        return BAD_INPUT
    from wawaran_desktop.reports import disposition_data

    try:
        sheet = disposition_data.gather(ws, campaign)
    except ServiceError as exc:
        return fail(str(exc))
    if path.suffix.lower() == ".docx":
        from wawaran_desktop.documents import disposition_docx

        return run_export(lambda: disposition_docx.write(sheet, path))
    ensure_gui_application()
    from wawaran_desktop.views.documents import disposition_print

    return run_export(lambda: disposition_print.write_pdf(sheet, path))


def ensure_gui_application(widgets: bool = False) -> None:
    """Qt draws the PDF: it needs a QGuiApplication — a QApplication where ``widgets`` are
    drawn (the swimlane's QGraphicsScene) — also on a machine without a screen."""
    from_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not from_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if widgets:
            from PySide6.QtWidgets import QApplication as application
        else:
            application = QGuiApplication
        # Kept on the module so it lives until the process ends.
        ensure_gui_application.app = application(sys.argv[:1])  # type: ignore[attr-defined]


@guarded
def export_report(ws: Workspace, args: argparse.Namespace) -> int:
    if not refuse_unused_options(args, "report", ("campaign",)):
        return BAD_INPUT
    path = output_path(args, "laporan", (".docx", ".xlsx"))
    campaign = campaign_id(ws, args, "Ekspor laporan") if path else None
    if path is None or campaign is None:
        return BAD_INPUT
    from wawaran_desktop.documents.report import write_report

    return run_export(lambda: write_report(ws, campaign, path))


@guarded
def export_workbook(ws: Workspace, args: argparse.Namespace) -> int:
    if not refuse_unused_options(args, "workbook", ("date_from", "date_to")):
        return BAD_INPUT
    path = output_path(args, "buku kerja", (".xlsx",))
    if path is None:
        return BAD_INPUT
    try:
        start, end = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    except ValueError as exc:
        return fail(str(exc))
    if start and end and start > end:
        return fail("--from tidak boleh sesudah --to.")
    today = ws.today()
    if start and start > today:
        return fail(f"--from {start.isoformat()} masih di masa depan (hari ini {today.isoformat()}); "
                     "belum ada kampanye pada rentang itu.")
    from wawaran_desktop.documents.workbook import write_workbook

    return run_export(lambda: write_workbook(ws, path, date_from=start, date_to=end))


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{option} harus tanggal TTTT-BB-HH yang sah, mis. 2026-11-26 (bukan \"{text}\").") from None
