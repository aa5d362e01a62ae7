"""Dokumen > Laporan Kampanye: the report of the campaign shown, as Word or Excel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop.views.documents.common import NO_CAMPAIGN, campaign_shown, safe_name
from wawaran_desktop.views.documents.save_flow import save_document

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace
    from wawaran_desktop.views.feature_host import FeatureHost

__all__ = ["FILTERS", "NO_CAMPAIGN", "TITLE", "export_report", "write_report_with_progress"]

FILTERS = "Dokumen Word (*.docx);;Buku Excel (*.xlsx)"
TITLE = "Simpan Laporan Kampanye"


def write_report_with_progress(ws: Workspace, campaign_id: int, target: Path, progress) -> Path:
    """``documents.report.write_report``, reporting to ``progress`` (so *Batal* can stop it)."""
    from wawaran_desktop.documents.report import write_report

    return write_report(ws, campaign_id, target, progress=progress)


def export_report(window: FeatureHost) -> Path | None:
    """Ask where, then write the report on the thread pool; returns the file written or None."""
    record = campaign_shown(window)
    if record is None:
        return None
    ws, campaign_id = window.ws, record.id

    def write(target: Path, progress) -> None:  # on the thread pool
        write_report_with_progress(ws, campaign_id, target, progress)

    path = save_document(window, title=TITLE, suggested_name=f"Laporan Wawaran {campaign_id} - "
                         f"{safe_name(record.title, 60)}.docx", filters=FILTERS, settings=window.settings,
                         write=write, long=True)
    if path is not None:
        window.statusBar().showMessage(f"Laporan tersimpan: {path}", 8000)
    return path
