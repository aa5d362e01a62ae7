"""*Bantuan → Panduan Pengguna* and F1: which page of the user guide (resources/guide/) to open.

F1 opens the page of the stage whose tab has the keyboard focus (a stage's page is named after
the SOP activity's ``workspace``, so the SOP data, not code, says which page belongs to which
tab), and the contents page anywhere else; the menu item always opens the contents page. The
guide's window (:mod:`wawaran_desktop.views.guide_window`) is built on first use, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget

from wawaran_desktop import paths

if TYPE_CHECKING:
    from pathlib import Path

    from wawaran_desktop.views.feature_host import FeatureHost
    from wawaran_desktop.views.guide_window import GuideWindow

#: The guide's folder under ``resources/``.
FOLDER = "guide"
#: The contents page (the window's *Daftar Isi*).
HOME = "index.html"
KEY = "F1"


def guide_dir() -> Path:
    """The folder of the guide's pages, also inside a frozen build (``paths.resource``)."""
    return paths.resource(FOLDER)


def stage_page(workspace: str) -> str:
    """The file name of the page of the stage that records ``workspace`` (an SOP activity's)."""
    return f"tahap-{workspace.replace('_', '-')}.html"


class GuideHelp(QObject):
    """The menu item, the F1 key and the one guide window they open."""

    def __init__(self, host: FeatureHost, menu: QMenu, stage_tabs: QTabWidget) -> None:
        super().__init__(host)
        self.host = host
        self.stage_tabs = stage_tabs
        self.window: GuideWindow | None = None
        self.action = QAction(self.tr("&Panduan Pengguna"), host)
        self.action.setStatusTip(self.tr("Buka panduan pengguna (F1 pada tab tahap: halaman tahap itu)"))
        # The key is shown beside the item but handled by the shortcut below, which knows the
        # focus: the action's own shortcut is active only while its menu is open.
        self.action.setShortcut(QKeySequence(KEY))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.action.triggered.connect(lambda: self.open(HOME))
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action)
        if first is not None:
            menu.insertSeparator(first)
        self.shortcut = QShortcut(QKeySequence(KEY), host, activated=self.open_for_focus)

    def page_for_focus(self) -> str:
        """The stage's page when the focus is on a stage tab of a shown campaign, else the contents."""
        record = self.host.record
        focus = QApplication.focusWidget()
        tabs = self.stage_tabs
        if record is None or focus is None or not tabs.isVisible():
            return HOME
        if focus is not tabs and not tabs.isAncestorOf(focus):
            return HOME
        no = tabs.currentIndex() + 1
        if not 1 <= no <= len(record.sop.activities):
            return HOME
        workspace = record.sop.activity(no).workspace
        return stage_page(workspace) if workspace and (guide_dir() / stage_page(workspace)).is_file() else HOME

    def open_for_focus(self) -> None:
        self.open(self.page_for_focus())

    def open(self, page: str = HOME) -> GuideWindow:
        """Show the guide at ``page`` (a file name in the guide's folder, optionally ``#anchor``)."""
        if self.window is None:
            from wawaran_desktop.views.guide_window import GuideWindow  # first use only

            self.window = GuideWindow(guide_dir(), self.host)
        self.window.show_page(page)
        return self.window


def install(host: FeatureHost, menu: QMenu, stage_tabs: QTabWidget) -> GuideHelp:
    """*Panduan Pengguna* at the top of ``menu`` (the window's *Bantuan*) and F1 over the window."""
    return GuideHelp(host, menu, stage_tabs)
