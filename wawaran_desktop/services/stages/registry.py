"""The rules of each stage workspace: which service module records it and what finishing its
step needs (``check_finish``). Keyed by the ids of :mod:`wawaran_desktop.sop.stages`; a test
checks that every id is here and every module has its rule.

Modules are imported on first use (finishing a step, opening a stage), not at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

#: workspace id -> the module of its service and rules
MODULES: dict[str, str] = {
    "data_collection": "wawaran_desktop.services.stages.data_collection",
    "briefing": "wawaran_desktop.services.stages.briefing",
    "theme": "wawaran_desktop.services.stages.theme",
    "narration": "wawaran_desktop.services.stages.narration",
    "disposition": "wawaran_desktop.services.stages.disposition",
    "readiness": "wawaran_desktop.services.stages.readiness",
    "dissemination": "wawaran_desktop.services.stages.dissemination",
    "report": "wawaran_desktop.services.stages.report",
    "evaluation": "wawaran_desktop.services.stages.evaluation",
}

FinishCheck = Callable[[int, "str | None"], None]


def stage_module(workspace: str | None) -> ModuleType | None:
    """The service module of a workspace; None for an activity without one (a decision, or a
    pinned SOP from before workspaces, or with one this version does not know)."""
    name = MODULES.get(workspace or "")
    return importlib.import_module(name) if name else None


def finish_check(workspace: str | None) -> FinishCheck | None:
    """What finishing the step of ``workspace`` needs: raises ``RuleError``, or
    ``ReasonRequired`` when a recorded reason lets it finish anyway."""
    module = stage_module(workspace)
    return module.check_finish if module is not None else None
