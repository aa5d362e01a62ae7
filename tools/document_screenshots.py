"""Render pictures of the office documents, made from demo data, into docs/.

    python tools/document_screenshots.py

Builds a demo data folder with an office profile, then writes:
  docs/narration.png             the narration .docx, converted by LibreOffice (page 1)
  docs/disposition-docx.png      the lembar disposisi .docx, converted by LibreOffice
  docs/disposition-pdf.png       the lembar disposisi PDF drawn by Qt
  docs/disposition-half-folio.png  the same PDF on half folio paper
  docs/disposition-preview.png   the print preview dialog (QPrintPreviewDialog)
  docs/office-profile.png        the office profile dialog
Needs LibreOffice (soffice) and poppler (pdftoppm) for the converted pictures.
"""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

import office_render
import qt_session
from office_render import DOCS, to_pdf

DPI = 70
first_page_png = partial(office_render.first_page_png, dpi=DPI)


def main() -> int:
    app, settle = qt_session.start(settle_passes=10)
    from wawaran_desktop.reports import disposition_data
    from wawaran_desktop.documents import disposition_docx, narration_docx
    from wawaran_desktop import demo
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.services.stages import briefing
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.documents import disposition_print
    from wawaran_desktop.views.documents.profile_dialog import ProfileDialog

    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        ws = open_workspace(work / "data")
        demo.generate(ws, 30, seed=7)
        actor = next(p for p in ws.staff.list() if p.lane == "subkor").id  # demo stored the office profile
        done = [c for c in ws.campaigns.list() if c.status is CampaignStatus.DONE]
        campaign = max(done, key=lambda c: (len(briefing.Service(ws).locations(c.id)), -c.id)).id

        first_page_png(to_pdf(narration_docx.write_narration(ws, campaign, work / "narasi.docx"), work),
                       DOCS / "narration.png")
        sheet = disposition_data.gather(ws, campaign)
        first_page_png(to_pdf(disposition_docx.write(sheet, work / "disposisi.docx"), work),
                       DOCS / "disposition-docx.png")
        first_page_png(disposition_print.write_pdf(sheet, work / "disposisi-qt.pdf"), DOCS / "disposition-pdf.png")
        half = sheet._replace(paper="half_folio")
        first_page_png(disposition_print.write_pdf(half, work / "disposisi-half.pdf"),
                       DOCS / "disposition-half-folio.png")

        preview = disposition_print.PreviewDialog(sheet)
        preview.resize(900, 740)
        preview.show()
        while preview.used_size is None:
            settle()
        settle()
        preview.grab().save(str(DOCS / "disposition-preview.png"))
        print("docs/disposition-preview.png")
        preview.close()

        dialog = ProfileDialog(ws, actor)
        dialog.show()
        dialog.ui.tabs.setCurrentWidget(dialog.ui.signersTab)
        settle()
        dialog.grab().save(str(DOCS / "office-profile.png"))
        print("docs/office-profile.png")
        dialog.close()
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
