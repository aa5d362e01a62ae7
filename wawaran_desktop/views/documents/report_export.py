"""Dokumen > Laporan Kampanye: the report of the campaign shown, as Word or Excel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop.views import feedback
from wawaran_desktop.views.documents.save_flow import save_document

if TYPE_CHECKING:
    from wawaran_desktop.views.main_window import MainWindow

NO_CAMPAIGN = "Pilih dulu kampanyenya di daftar kampanye (kiri)."
FILTERS = "Dokumen Word (*.docx);;Buku Excel (*.xlsx)"
TITLE = "Simpan Laporan Kampanye"


def export_report(window: MainWindow) -> Path | None:
    """Ask where, then write the report on the thread pool; returns the file written or None."""
    record = window.record
    if record is None:
        feedback.warn(window, NO_CAMPAIGN)
        return None
    stages = getattr(window, "stages", None)
    if stages is not None and not stages.flush():
        return None  # the tab says why; the report would miss what is still being typed
    from wawaran_desktop.documents.report import write_report
    from wawaran_desktop.views.documents.menu import safe_name

    ws, campaign_id = window.ws, record.id

    def write(target: Path, progress) -> None:  # on the thread pool
        progress(0, 0, "Menyusun laporan…")
        write_report(ws, campaign_id, target)

    path = save_document(window, title=TITLE, suggested_name=f"Laporan Wawaran {campaign_id} - "
                         f"{safe_name(record.title, 60)}.docx", filters=FILTERS, settings=window.settings,
                         write=write, long=True)
    if path is not None:
        window.statusBar().showMessage(f"Laporan tersimpan: {path}", 8000)
    return path
