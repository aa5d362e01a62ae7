"""The campaign report (laporan hasil wawaran), as Word or Excel by the file's extension.

    write_report(ws, campaign_id, "laporan-12.docx")   # or .xlsx

Gathers the campaign's facts once (``reports/report_data.py``), builds the document and
writes it atomically: on failure the old file is kept and ExportError says why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop.infra.atomic import ExportError
from wawaran_desktop.reports import report_data
from wawaran_desktop.services.history import HistoryService

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

SUFFIXES = (".docx", ".xlsx")
STEPS = 3  # gathering, building, writing


def write_report(ws: Workspace, campaign_id: int, path: str | Path, now: datetime | None = None,
                 progress: Callable[[int, int, str], None] | None = None) -> Path:
    """Write the report of ``campaign_id`` at ``path`` (.docx or .xlsx). Returns the path.

    ``progress(done, total, text)`` hears before gathering, building and writing (a worker's
    callback may raise there to cancel: nothing is written then). Raises ExportError for
    another extension or when the file cannot be written, and NotFound for an unknown campaign.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"Laporan dapat disimpan sebagai .docx (Word) atau .xlsx (Excel), bukan "
                          f"'{path.suffix or path.name}'.")
    report_progress = progress or (lambda done, total, text: None)
    report_progress(0, STEPS, "Mengumpulkan data kampanye…")
    report = report_data.gather(ws, campaign_id, now)
    profile = ws.profile.load()
    # the history chain's head, anchored now and printed in either format (services/history.py)
    history_line = HistoryService(ws).anchor("report", campaign_id).line
    report_progress(1, STEPS, "Menyusun laporan…")
    if suffix == ".docx":
        from wawaran_desktop.documents import docx_base, report_docx

        document, save = report_docx.build(report, profile, history_line), docx_base.save
    else:
        from wawaran_desktop.documents import report_xlsx, xlsx_style

        document, save = report_xlsx.build(report, profile, history_line), xlsx_style.save
    report_progress(2, STEPS, f"Menulis {path.name}…")
    written = save(document, path)
    report_progress(STEPS, STEPS, "Selesai.")
    return written
