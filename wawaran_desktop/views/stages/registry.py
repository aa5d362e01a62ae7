"""The panel of each stage workspace, keyed by the ids of :mod:`wawaran_desktop.sop.stages`
(a test checks that every id has one). Each module defines ``Panel``, a ``StagePanel``;
it is imported when its stage tab first shows it."""

from __future__ import annotations

import importlib

#: workspace id -> the module of its panel
PANELS: dict[str, str] = {
    "data_collection": "wawaran_desktop.views.stages.data_collection",
    "briefing": "wawaran_desktop.views.stages.briefing",
    "theme": "wawaran_desktop.views.stages.theme",
    "narration": "wawaran_desktop.views.stages.narration",
    "disposition": "wawaran_desktop.views.stages.disposition",
    "readiness": "wawaran_desktop.views.stages.readiness",
    "dissemination": "wawaran_desktop.views.stages.dissemination",
    "report": "wawaran_desktop.views.stages.report",
    "evaluation": "wawaran_desktop.views.stages.evaluation",
}


def panel_class(workspace: str | None):
    """The ``StagePanel`` class of ``workspace``, or None for an activity without one."""
    name = PANELS.get(workspace or "")
    return importlib.import_module(name).Panel if name else None
