"""``python main.py export swimlane|sop``: the SOP chart and the SOP document without a window.

``export swimlane --campaign ID -o FILE`` writes the live chart of a campaign as it stands
now (PDF or PNG by the file's extension); ``export sop -o FILE.pdf`` the blank official SOP
document. The PDFs are on the office profile's paper (A4 or F4, landscape) with its logo
in the identity block. Bad input (no or unknown campaign, another extension, a file that cannot be
written) gives an Indonesian message on stderr and exit code 2; files are written
atomically, so a failure leaves an existing file as it was.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from wawaran_desktop.cli.documents import (
    BAD_INPUT,
    campaign_id,
    ensure_gui_application,
    guarded,
    output_path,
    refuse_unused_options,
    run_export,
)

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

@guarded
def export_swimlane(ws: Workspace, args: argparse.Namespace) -> int:
    if not refuse_unused_options(args, "swimlane", ("campaign",)):
        return BAD_INPUT
    path = output_path(args, "bagan swimlane", (".pdf", ".png"))
    cid = campaign_id(ws, args, "bagan swimlane") if path else None
    if cid is None:
        return BAD_INPUT
    ensure_gui_application(widgets=True)
    from wawaran_desktop.views.swimlane import export
    from wawaran_desktop.views.swimlane.paper import Stationery

    record = ws.campaigns.get(cid)
    sop = ws.profile.sop_for_documents(record.sop)
    if path.suffix.lower() == ".png":
        return run_export(lambda: export.write_png(path, sop, record, ws.clock()))
    stationery = Stationery.of(ws.profile.load())
    return run_export(lambda: export.write_pdf(path, sop, record, ws.clock(), stationery=stationery))


@guarded
def export_sop(ws: Workspace, args: argparse.Namespace) -> int:
    if not refuse_unused_options(args, "sop", ()):
        return BAD_INPUT
    path = output_path(args, "dokumen SOP", (".pdf",))
    if path is None:
        return BAD_INPUT
    ensure_gui_application(widgets=True)
    from wawaran_desktop.views.swimlane.paper import Stationery
    from wawaran_desktop.views.swimlane.sop_document import write_sop_pdf

    sop, stationery = ws.profile.sop_for_documents(ws.sop), Stationery.of(ws.profile.load())
    return run_export(lambda: write_sop_pdf(path, sop, ws.clock(), stationery))
