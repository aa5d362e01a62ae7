"""Render the campaign report and the evaluators' workbook, made from demo data, into docs/.

    python tools/report_screenshots.py

Builds a demo data folder (120 campaigns and an office profile), then writes:
  docs/report.png              page 1 of the campaign report .docx, converted by LibreOffice
  docs/workbook-summary.png    the "Ringkasan" sheet of the evaluators' workbook (LibreOffice)
Needs LibreOffice (soffice) and poppler (pdftoppm). No Qt.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from office_render import DOCS, ROOT, first_page_png, to_pdf



def main() -> int:
    sys.path.insert(0, str(ROOT))
    from wawaran_desktop.documents.report import write_report
    from wawaran_desktop.documents.workbook import write_workbook
    from wawaran_desktop import demo
    from wawaran_desktop.reports import report_data
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.services.workspace import open_workspace

    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        ws = open_workspace(work / "data")
        demo.generate(ws, 120, seed=7)
        done = [c.id for c in ws.campaigns.list() if c.status is CampaignStatus.DONE]
        # A finished campaign with a route of three stops and something to report under "kendala".
        reports = [report_data.gather(ws, cid) for cid in done[:60]]
        report = max(reports, key=lambda r: (len(r.stops) == 3, 0 < len(r.problems) <= 4, r.id))
        first_page_png(to_pdf(write_report(ws, report.id, work / "laporan.docx"), work), DOCS / "report.png")
        first_page_png(to_pdf(write_workbook(ws, work / "evaluasi.xlsx"), work), DOCS / "workbook-summary.png")
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
