"""Every stage workspace id has its panel registered, and each stage tab shows it."""

from __future__ import annotations

from wawaran_desktop.sop.stages import STAGE_WORKSPACES
from wawaran_desktop.views.stages import StagePanel
from wawaran_desktop.views.stages.registry import PANELS, panel_class


def test_every_workspace_has_its_panel():
    assert tuple(PANELS) == STAGE_WORKSPACES
    for workspace in STAGE_WORKSPACES:
        cls = panel_class(workspace)
        assert issubclass(cls, StagePanel) and cls.__module__.endswith(f".{workspace}")
    assert panel_class(None) is None and panel_class("tidak_ada") is None
