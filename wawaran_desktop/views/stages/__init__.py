"""Stage workspaces: one panel per SOP workspace, shown inside that stage's tab.

Each module defines ``Panel``, a :class:`StagePanel` subclass; ``registry.py`` says which
module is the panel of each stage workspace id the SOP names.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QWidget

from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.services.workspace import Workspace

PREFERRED_SIZE = QSize(560, 330)  # what a stage tab's content area has on a 1366x768 laptop


class StagePanel(QWidget):
    """What one stage records. Subclasses load from and store through the services.

    Every edit is stored when the user leaves a field (or at once for choices), and
    :meth:`flush` stores whatever is still pending: switching tab or campaign, finishing the
    step and closing the window all call it, so nothing typed is lost.
    """

    changed = Signal()  # stored something other views show (the window reloads the campaign)

    def __init__(self, ws: Workspace, actor: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor  # the acting member of staff, or None after telling the user why
        self.campaign: CampaignRecord | None = None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """The same for every stage, so the stage tab's header keeps its height whatever the
        content; panels scroll inside this room."""
        return PREFERRED_SIZE

    def load(self, campaign: CampaignRecord) -> None:
        """Show this stage's stored content of ``campaign``."""
        self.campaign = campaign

    def flush(self) -> bool:
        """Store pending edits; False when they were refused (the user has been told)."""
        return True

    def before_finish(self) -> bool:
        """Called when the user finishes the step, after :meth:`flush`: store what finishing
        needs but a mere tab switch should not (e.g. an untouched generated draft)."""
        return True

    def set_editable(self, editable: bool) -> None:
        self.setEnabled(editable)
