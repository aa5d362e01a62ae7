"""A main window closed right after it opened does no more work: its timers stop with it."""

from __future__ import annotations

from wawaran_desktop.services.my_tasks import MyTasksService
from wawaran_desktop.views import my_tasks_dock


def test_a_window_closed_before_its_dock_was_built_builds_none_and_reads_nothing(qtbot, ws, staff, make_window,
                                                                                monkeypatch):
    window = make_window(ws, staff[0].id)
    reads = []
    monkeypatch.setattr(MyTasksService, "tasks_for", lambda self, staff_id: reads.append(staff_id))
    window.close()  # within BUILD_DELAY_MS (then another database may be open, or none)
    qtbot.wait(my_tasks_dock.BUILD_DELAY_MS + 300)
    assert window.my_tasks.dock is None
    assert reads == []
