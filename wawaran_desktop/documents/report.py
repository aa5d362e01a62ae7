"""The campaign report (laporan hasil wawaran), as Word or Excel by the file's extension.

    write_report(ws, campaign_id, "laporan-12.docx")   # or .xlsx

Gathers the campaign's facts once (``services/report_data.py``), builds the document and
writes it atomically: on failure the old file is kept and ExportError says why.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop.documents.atomic import ExportError, write_atomically
from wawaran_desktop.services import office_profile, report_data

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

SUFFIXES = (".docx", ".xlsx")


def suggested_name(campaign_id: int, suffix: str = ".docx") -> str:
    return f"laporan-wawaran-{campaign_id}{suffix}"


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
        from wawaran_desktop.documents import report_docx

        document = report_docx.build(report, profile)
        return write_atomically(path, lambda tmp: document.save(str(tmp)))
    from wawaran_desktop.documents import report_xlsx

    workbook = report_xlsx.build(report, profile)
    return write_atomically(path, lambda tmp: workbook.save(tmp))
