"""The main window as its features see it: the one interface between ``MainWindow`` and the
modules that add menus and docks to it (the swimlane, the timeline, the *Dokumen* menu).

A feature module offers ``install(host: FeatureHost) -> Controller``. The controller adds its
actions through :meth:`FeatureHost.add_menu` or :meth:`FeatureHost.add_view_actions`, follows
the window through :attr:`FeatureHost.record_shown` and :attr:`FeatureHost.ticked`, and uses
nothing of the window beyond what this class declares and ``QMainWindow``'s own API (docks,
status bar, being a parent). It never imports ``views.main_window`` (which imports it: that
made an import cycle) and never sets attributes on the window: ``MainWindow`` keeps each
controller under a typed attribute of its own.

``FeatureHost`` is a ``QMainWindow`` rather than a ``typing.Protocol`` so that a feature can
parent its actions, docks and dialogs to it and type-check the dock calls it makes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from wawaran_desktop.services.records import CampaignRecord
    from wawaran_desktop.services.workspace import Workspace


class FeatureHost(QMainWindow):
    """What a feature may use of the main window (implemented by ``MainWindow``)."""

    #: The campaign now shown (a fresh CampaignRecord), or None: for views that follow it.
    record_shown = Signal(object)
    #: Each second, with the current time (aware UTC): live views repaint from stored times.
    ticked = Signal(object)
    #: The office's at-risk and late thresholds changed (``ws.thresholds``): judge again.
    thresholds_changed = Signal()

    #: The open data folder: services, the SOP, the clock.
    ws: Workspace
    #: The window's settings file (``settings.ini`` in the data folder), where features keep
    #: their own state under a prefix of their own ("swimlane/…", "timeline/…").
    settings: QSettings
    #: The campaign shown, or None. Read it; change it only through the window.
    record: CampaignRecord | None

    def current_actor(self) -> int | None:
        """The acting member of staff; when there is none, tells the user what to do and
        returns None."""
        raise NotImplementedError

    def flush(self) -> bool:
        """Store what is still being typed in the stage tabs; False when something was refused
        (the tab shows why), so an action that reads the campaign should not go on."""
        raise NotImplementedError

    def show_campaign_stage(self, campaign_id: int, no: int) -> None:
        """Show campaign ``campaign_id`` at stage ``no``'s tab (selected in the list when it is listed)."""
        raise NotImplementedError

    def open_stage(self, no: int) -> None:
        """Bring stage ``no``'s tab of the campaign shown to the front."""
        raise NotImplementedError

    def add_menu(self, menu: QMenu) -> None:
        """Put a feature's own menu in the menu bar, after the window's *Petugas* menu and the
        menus added before it."""
        raise NotImplementedError

    def add_view_actions(self, *actions: QAction) -> None:
        """Append actions to the *Tampilan* (view) menu."""
        raise NotImplementedError
