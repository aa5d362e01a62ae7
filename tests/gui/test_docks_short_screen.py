"""On a short screen (a 1366x768 laptop at 125% or 150% scaling) the SOP chart and the timeline
open as their own window over the main window, within the screen, so the stage form keeps its
height; on a taller screen they dock under the stages as before (views/dock_room.py).

The test screen is 1366x768 at 100%; "short" is set above its height to stand for the scaled one
(the real 125%/150% screens are walked in test_scaled_walk.py).
"""

from __future__ import annotations

import pytest

from wawaran_desktop.views import dock_room
from wawaran_desktop.views.swimlane.install import FLOATING_KEY


@pytest.fixture
def window(ws, staff, make_window):
    window = make_window(ws, staff[0].id)
    window.list.reload(select_id=ws.campaigns.create(staff[0].id, "Wawaran PBB", "Bayar PBB").id)
    return window


def stage_height(window) -> int:
    return window.ui.stageTabs.height()


def test_on_a_short_screen_the_chart_and_timeline_float_inside_the_screen(qtbot, window, monkeypatch):
    monkeypatch.setattr(dock_room, "ROOMY_HEIGHT", 800)
    before = stage_height(window)
    window.swimlane.action.setChecked(True)
    window.timeline.gantt_action.setChecked(True)
    room = window.screen().availableGeometry()
    for dock in (window.swimlane.dock, window.timeline.dock):
        qtbot.waitUntil(dock.isVisible)
        assert dock.isFloating()
        assert room.contains(dock.geometry()), (dock.objectName(), dock.geometry(), room)
        assert dock.geometry().top() >= room.top() + dock_room.TITLE_BAR  # its title bar on screen too
    qtbot.wait(50)
    assert stage_height(window) == before  # the stage form keeps its room


def test_on_a_tall_screen_the_chart_docks_under_the_stages(qtbot, window):
    before = stage_height(window)
    window.swimlane.action.setChecked(True)
    qtbot.waitUntil(window.swimlane.dock.isVisible)
    assert not window.swimlane.dock.isFloating()
    qtbot.waitUntil(lambda: stage_height(window) < before)


def test_a_chart_the_user_docked_stays_docked_on_a_short_screen(qtbot, window, monkeypatch):
    monkeypatch.setattr(dock_room, "ROOMY_HEIGHT", 800)
    window.settings.setValue(FLOATING_KEY, False)  # docked again by the user earlier
    window.swimlane.action.setChecked(True)
    qtbot.waitUntil(window.swimlane.dock.isVisible)
    assert not window.swimlane.dock.isFloating()
