"""Rules a stage's content puts on finishing its step (e.g. "finishing needs a theme").

The SOP names each activity's workspace; ``services/stages/<workspace>.py`` may define
``check_finish``. Modules are found by that convention and imported on first use.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable

PACKAGE = "wawaran_desktop.services.stages"


def stage_module(workspace: str | None):
    """The service module of a workspace, or None when there is none."""
    if not workspace:
        return None
    name = f"{PACKAGE}.{workspace}"
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)


def finish_check(workspace: str | None) -> Callable[[int, str | None], None] | None:
    module = stage_module(workspace)
    return getattr(module, "check_finish", None) if module is not None else None
