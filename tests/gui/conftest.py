"""Fixtures for pytest-qt tests: a real data folder per test and a helper for modal dialogs."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

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


@pytest.fixture
def ws(data_dir):
    workspace = open_workspace(data_dir)
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
    """Open a main window over a workspace (closed at teardown)."""
    windows: list[MainWindow] = []

    def make(workspace: Workspace) -> MainWindow:
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
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
