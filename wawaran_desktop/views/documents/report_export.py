"""Dokumen > Laporan Kampanye: the report of the campaign shown, as Word or Excel."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from wawaran_desktop.views.documents.menu import NO_CAMPAIGN, DocumentsMenu, safe_name
from wawaran_desktop.views.documents.save_flow import save_document

if TYPE_CHECKING:
    from wawaran_desktop.services.records import CampaignRecord
    from wawaran_desktop.services.workspace import Workspace
    from wawaran_desktop.views.main_window import MainWindow

__all__ = ["FILTERS", "NO_CAMPAIGN", "TITLE", "export_report", "write_report_with_progress"]

FILTERS = "Dokumen Word (*.docx);;Buku Excel (*.xlsx)"
TITLE = "Simpan Laporan Kampanye"
STEPS = 3


def campaign_shown(window: MainWindow) -> CampaignRecord | None:
    """The menu's own check: a campaign is chosen and what is being typed is stored."""
    menu = getattr(window, "documents_menu", None) or SimpleNamespace(window=window)
    return DocumentsMenu._record(menu)


def write_report_with_progress(ws: Workspace, campaign_id: int, target: Path, progress) -> Path:
    """``documents.report.write_report`` step by step, reporting (and so letting *Batal* stop
    the work) before gathering, before building and before writing."""
    from wawaran_desktop.documents.report import SUFFIXES
    from wawaran_desktop.services import office_profile, report_data

    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:  # the same refusal as write_report
        from wawaran_desktop.documents.report import write_report

        return write_report(ws, campaign_id, target)
    progress(0, STEPS, "Mengumpulkan data kampanye…")
    report = report_data.gather(ws, campaign_id)
    profile = office_profile.load(ws)
    progress(1, STEPS, "Menyusun laporan…")
    if suffix == ".docx":
        from wawaran_desktop.documents import docx_base, report_docx

        document, save = report_docx.build(report, profile), docx_base.save
    else:
        from wawaran_desktop.documents import report_xlsx, xlsx_style

        document, save = report_xlsx.build(report, profile), xlsx_style.save
    progress(2, STEPS, f"Menulis {target.name}…")
    path = save(document, target)
    progress(STEPS, STEPS, "Selesai.")
    return path


def export_report(window: MainWindow) -> Path | None:
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
