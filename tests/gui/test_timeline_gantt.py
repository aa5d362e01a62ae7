"""The campaign timeline (Gantt) in its dock: installed cheaply, opened with F10, following the
campaign the window shows, and growing live each second without being rebuilt."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem

from stage_content import fill_stage
from wawaran_desktop.services.timing import StepState, StepStatus
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.swimlane import timeline_paint as paint
from wawaran_desktop.views.swimlane.timeline_install import GANTT_TEXT, STATS_TEXT


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 2, 0, tzinfo=timezone.utc)  # 09.00 WIB

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timed_ws(data_dir, clock):
    workspace = open_workspace(data_dir, clock=clock)
    yield workspace
    workspace.close()


def texts(scene) -> list[str]:
    return [item.text() for item in scene.items() if isinstance(item, QGraphicsSimpleTextItem)]


def test_install_adds_two_actions_and_builds_nothing_until_used(ws, staff, make_window):
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    actions = window.ui.menuView.actions()
    assert [a.text() for a in actions[-2:]] == [GANTT_TEXT, STATS_TEXT]
    assert menu.gantt_action.shortcut() == QKeySequence("F10") and menu.gantt_action.isCheckable()
    assert menu.dock is None and menu.view is None and menu.dialog is None
    assert window.findChild(type(window), "timelineDock") is None


def test_installing_imports_neither_the_charts_nor_the_computations():
    """Start-up is measured: install only creates two actions."""
    code = ("import sys\nimport wawaran_desktop.views.swimlane.timeline_install\n"
            "print(sorted(m for m in sys.modules if 'timeline' in m))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "['wawaran_desktop.views.swimlane.timeline_install']"


def test_f10_opens_a_dock_that_follows_the_shown_campaign(timed_ws, clock, make_window, qtbot):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    first = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    clock.advance(minutes=1)
    second = ws.campaigns.create(sub.id, "Wawaran PBB").id
    ws.steps.start(sub.id, second, 1)
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    window.list.select(second)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert menu.gantt_action.isChecked() and menu.dock.isVisible()
    assert menu.view.record.id == second and menu.view.timeline.steps[0].state is StepState.RUNNING
    assert any("Wawaran PBB" in t for t in texts(menu.view.scene()))

    window.list.select(first)  # a draft: only the plan, from now
    assert menu.view.record.id == first
    assert not menu.view.timeline.started and all(b.planned for b in menu.view.timeline.steps)
    assert "baku 20 mnt · belum dimulai" in texts(menu.view.scene())

    menu.dock.toggleViewAction().trigger()  # the dock's own close button
    assert not menu.dock.isVisible() and not menu.gantt_action.isChecked()
    window.list.select(second)  # hidden: not followed...
    assert menu.view.record.id == first
    menu.gantt_action.trigger()  # ...until shown again
    assert menu.dock.isVisible() and menu.view.record.id == second


def test_a_running_bar_grows_each_second_without_rebuilding_the_chart(timed_ws, clock, make_window):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    ws.steps.start(sub.id, cid, 1)  # standard 20 minutes
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    menu.gantt_action.trigger()
    view = menu.view
    clock.advance(minutes=2)
    window.tick()
    built = view.rebuilds
    gantt = view.gantt
    bar = gantt.items[("work", 1, 0)]
    width, now_x = bar.rect().width(), gantt.items["now"].line().x1()

    clock.advance(seconds=60)
    window.tick()  # emits ticked: the dock follows
    assert view.rebuilds == built and view.gantt is gantt
    assert bar.rect().width() == pytest.approx(width + gantt.per_minute)
    assert gantt.items["now"].line().x1() == pytest.approx(now_x + gantt.per_minute)
    assert gantt.items[("figures", 1)].text() == "kerja 03:00 / baku 20:00"
    assert gantt.items["now_label"].text() == "sekarang 09.03"

    clock.advance(minutes=13)  # 16 of 20 minutes: at risk, a new colour
    window.tick()
    assert view.rebuilds == built + 1
    work = view.gantt.items[("work", 1, 0)]
    assert work.brush().color() == paint.status_colour(StepStatus.AT_RISK)


def test_pauses_reopenings_and_finishing_show_after_the_window_reloads(timed_ws, clock, make_window):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    ws.steps.start(sub.id, cid, 1)
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    menu.gantt_action.trigger()
    clock.advance(minutes=5)
    ws.steps.pause(sub.id, cid, 1, "Menunggu data Prokomp")
    clock.advance(minutes=30)
    ws.steps.resume(sub.id, cid, 1)
    clock.advance(minutes=5)
    fill_stage(ws, sub.id, cid, 1)
    ws.steps.finish(sub.id, cid, 1)
    clock.advance(minutes=10)
    ws.steps.reopen(sub.id, cid, 1, "Sumber data salah")
    clock.advance(minutes=3)
    window.show_campaign(cid)  # what the window does after a stage changed
    gantt = menu.view.gantt
    step = menu.view.timeline.steps[0]
    assert step.reopened and len(step.pauses) == 1
    assert ("pauses", 1, 0) in gantt.items and ("work", 1, 2) in gantt.items
    assert gantt.items[("pauses", 1, 0)].brush().style() != gantt.items[("work", 1, 0)].brush().style()
    assert "↺" in texts(gantt.scene)
    assert gantt.items[("figures", 1)].text() == "kerja 13:00 / baku 20:00 · jam dinding 43:00"
    # Later steps are planned after the running one's standard, dashed.
    assert menu.view.timeline.steps[1].planned


def test_nothing_selected_and_a_campaign_cancelled_before_it_started_say_so(timed_ws, make_window):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    menu.gantt_action.trigger()
    assert menu.view.record is None and menu.view.gantt is None
    assert any("Pilih kampanye" in t for t in texts(menu.view.scene()))
    cid = ws.campaigns.create(sub.id, "Wawaran Batal").id
    ws.campaigns.cancel(sub.id, cid, "Acara ditunda")
    window.list.reload(select_id=cid)
    assert menu.view.record.id == cid and menu.view.gantt is None
    assert any("Belum ada tahap yang dimulai" in t for t in texts(menu.view.scene()))
