"""The campaign report (laporan hasil wawaran), as Word or Excel by the file's extension.

    write_report(ws, campaign_id, "laporan-12.docx")   # or .xlsx

Gathers the campaign's facts once (``services/report_data.py``), builds the document and
writes it atomically: on failure the old file is kept and ExportError says why.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop.services.atomic import ExportError
from wawaran_desktop.services import office_profile, report_data

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

SUFFIXES = (".docx", ".xlsx")


def write_report(ws: Workspace, campaign_id: int, path: str | Path, now: datetime | None = None) -> Path:
    """Write the report of ``campaign_id`` at ``path`` (.docx or .xlsx). Returns the path.

    Raises ExportError for another extension or when the file cannot be written, and
    NotFound for an unknown campaign.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"Laporan dapat disimpan sebagai .docx (Word) atau .xlsx (Excel), bukan "
                          f"'{path.suffix or path.name}'.")
    report = report_data.gather(ws, campaign_id, now)
    profile = office_profile.load(ws)
    if suffix == ".docx":
        from wawaran_desktop.documents import docx_base, report_docx

        return docx_base.save(report_docx.build(report, profile), path)
    from wawaran_desktop.documents import report_xlsx, xlsx_style

    return xlsx_style.save(report_xlsx.build(report, profile), path)
