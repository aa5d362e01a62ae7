"""Fixtures for pytest-qt tests: a real data folder per test and a helper for modal dialogs."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from accounts import signed_in
from fakes import TickingClock

from wawaran_desktop.services.workspace import Workspace, open_workspace
from wawaran_desktop.views.main_window import MainWindow


@pytest.fixture(autouse=True, scope="session")
def indonesian_qt(qapp):
    """As the application does at start-up: Qt's own texts in Indonesian."""
    from wawaran_desktop.views.language import install_indonesian

    assert install_indonesian(qapp)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


#: 06.30 WIB on Friday 27 November 2026: still the 26th in UTC (and in every zone west of
#: UTC), so a date taken from the machine's clock or zone instead of WIB shows.
DAWN_WIB = datetime(2026, 11, 26, 23, 30, tzinfo=timezone.utc)


@pytest.fixture
def clock():
    """The workspace clock of a GUI test: a known moment, running on with real time."""
    return TickingClock(DAWN_WIB)


@pytest.fixture
def ws(data_dir, clock):
    workspace = open_workspace(data_dir, clock=clock)
    yield workspace
    workspace.close()


@pytest.fixture
def staff(ws):
    """Two members of staff, as the office would enter them."""
    sub = ws.staff.add("Siti Rahmawati", "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor")
    tim = ws.staff.add("Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim")
    return sub, tim


@pytest.fixture
def make_window(qtbot):
    """Open a main window over a workspace (closed at teardown), signed in as a person."""
    windows: list[MainWindow] = []

    def make(workspace: Workspace, actor_id: int | None = None) -> MainWindow:
        """``actor_id``: who signs in (tests/accounts.py); default: the first active member of
        staff by name, or — in a directory still empty — an administrator added for the test."""
        if actor_id is None:
            people = workspace.staff.list(include_inactive=False)
            actor_id = people[0].id if people else workspace.staff.add(
                "Admin Kantor", None, "Pengelola Aplikasi", "subkor").id
        window = MainWindow(workspace, signed_in(workspace, actor_id))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        # The test is over: a refused edit it left pending must not raise a "close anyway?"
        # question during teardown.
        window.flush = lambda: True
        window.close()


class ModalRecorder:
    """Answers modal dialogs as they appear, in order, and records each one seen."""

    def __init__(self) -> None:
        self.seen: list[QWidget] = []
        self.texts: list[str] = []
        self._handlers: list[Callable[[QWidget], None]] = []
        self.errors: list[BaseException] = []

    def then(self, handler: Callable[[QWidget], None]) -> ModalRecorder:
        self._handlers.append(handler)
        if len(self._handlers) == 1:
            self._arm()
        return self

    def _arm(self, deadline: float | None = None) -> None:
        deadline = deadline or time.monotonic() + 10

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if widget is None or widget in self.seen:
                if time.monotonic() < deadline:
                    QTimer.singleShot(20, poll)
                return
            self.seen.append(widget)
            self.texts.append(getattr(widget, "text", lambda: "")() if hasattr(widget, "text") else "")
            handler = self._handlers.pop(0)
            try:
                handler(widget)
            except BaseException as exc:  # never leave a modal open: it would hang the test
                self.errors.append(exc)
                self._handlers.clear()
                if widget.isVisible():
                    widget.close()
                raise
            if self._handlers:
                self._arm()

        QTimer.singleShot(0, poll)

    @property
    def pending(self) -> int:
        return len(self._handlers)


@pytest.fixture
def modals():
    return ModalRecorder()


@pytest.fixture(autouse=True)
def unexpected_modal_fails_the_test(qapp, modals):
    """A dialog no test step answers would hang the run: close it and fail the test instead."""
    seen: dict[int, float] = {}
    stray: list[str] = []

    def watch() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or modals.pending:
            seen.clear()
            return
        first = seen.setdefault(id(widget), time.monotonic())
        if time.monotonic() - first > 3:
            text = widget.text() if hasattr(widget, "text") else widget.windowTitle()
            stray.append(f"{type(widget).__name__}: {text}")
            widget.close()

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(250)
    yield
    timer.stop()
    assert not stray, f"a dialog appeared that the test did not expect: {stray}"
