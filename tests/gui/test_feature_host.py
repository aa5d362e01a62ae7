"""The main window's features (swimlane, timeline, Dokumen menu, Tugas Saya) go through FeatureHost only."""

from __future__ import annotations

import ast
from pathlib import Path

import wawaran_desktop
from wawaran_desktop.views.documents.menu import DocumentsMenu
from wawaran_desktop.views.feature_host import FeatureHost
from wawaran_desktop.views.main_window import MainWindow
from wawaran_desktop.views.my_tasks_dock import MyTasksDock
from wawaran_desktop.views.swimlane.install import SwimlaneDock
from wawaran_desktop.views.swimlane.timeline_install import TimelineMenu

VIEWS = Path(wawaran_desktop.__file__).parent / "views"
FEATURE_MODULES = [VIEWS / "swimlane" / "install.py", VIEWS / "swimlane" / "timeline_install.py",
                   VIEWS / "my_tasks_dock.py", VIEWS / "my_tasks.py", *sorted((VIEWS / "documents").glob("*.py"))]


def test_the_main_window_implements_every_method_of_the_interface():
    declared = [name for name, value in vars(FeatureHost).items() if callable(value) and not name.startswith("_")
                and name not in ("record_shown", "ticked", "thresholds_changed")]  # signals
    assert sorted(declared) == ["add_menu", "add_view_actions", "current_actor", "flush", "open_stage",
                                "show_campaign_stage"]
    assert [name for name in declared if getattr(MainWindow, name) is getattr(FeatureHost, name)] == []
    assert issubclass(MainWindow, FeatureHost)


def test_the_window_keeps_each_feature_under_its_own_attribute(ws, staff, make_window):
    window = make_window(ws, staff[0].id)
    assert isinstance(window.swimlane, SwimlaneDock)
    assert isinstance(window.timeline, TimelineMenu)
    assert isinstance(window.documents_menu, DocumentsMenu)
    assert isinstance(window.my_tasks, MyTasksDock)
    titles = [a.text() for a in window.ui.menubar.actions()]
    staff_at = titles.index(window.ui.menuStaff.title())
    assert titles[staff_at + 1:staff_at + 3] == ["&Dokumen", window.ui.menuView.title()]
    view = window.ui.menuView.actions()
    features = [window.swimlane.action, window.swimlane.print_action, window.timeline.gantt_action,
                window.timeline.stats_action, window.my_tasks.action]
    assert view[-len(features):] == features  # appended to Tampilan, in the order installed


def test_no_feature_module_reaches_into_the_window_s_form():
    """``window.ui.…`` (the generated form) is the window's own business; ``self.ui`` of a
    feature's own dialog is fine."""
    reaching = []
    for path in FEATURE_MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "ui":
                owner = ast.unparse(node.value)
                if owner != "self":
                    reaching.append(f"{path.name}: {owner}.ui")
    assert reaching == []
