"""The idle lock: a window nobody has touched for a while asks for the password again (issue 13).

:class:`IdleLock` watches the application's input (keys, clicks, the wheel) through an event
filter and, after :func:`idle_minutes` without any, calls the window's ``lock``. The minutes are
this PC's choice (*Pengaturan → Kunci Otomatis…*, ``session/idle_minutes`` in settings.ini;
0 turns the lock off), :data:`DEFAULT_MINUTES` until chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

DEFAULT_MINUTES = 15
MAX_MINUTES = 240
KEY = "session/idle_minutes"
INSTALL_DELAY_MS = 1500
#: What counts as someone at the PC (not a mouse merely passing over: a cat, a bumped table).
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
          QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin}


def idle_minutes(settings: QSettings) -> int:
    """The PC's idle minutes before the lock (0: never), within 0…:data:`MAX_MINUTES`."""
    try:
        value = int(settings.value(KEY, DEFAULT_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_MINUTES
    return min(max(value, 0), MAX_MINUTES)


class IdleLock(QObject):
    """Calls ``lock()`` after the idle minutes without input; :meth:`restart` after it unlocks."""

    def __init__(self, settings: QSettings, lock: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._lock = lock
        self._paused = False
        self.installed = False
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self._fire)
        # The filter is installed once the window is up: a Python event filter makes PySide6
        # build the classes of all of Qt's event types (~5 ms, bench/startup.py), which the
        # start-up path avoids.
        QTimer.singleShot(INSTALL_DELAY_MS, self, self._install)
        self.restart()

    def _install(self) -> None:
        QApplication.instance().installEventFilter(self)
        self.installed = True

    def restart(self) -> None:
        """Count again from now (after input, an unlock, or a new choice of minutes)."""
        self._paused = False
        minutes = idle_minutes(self.settings)
        if minutes:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def pause(self) -> None:
        """While the lock's own dialog is up, input does not restart the count."""
        self._paused = True
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self._paused and event.type() in _INPUT and self.timer.isActive():
            self.timer.start()  # the same interval, from now
        return False

    def _fire(self) -> None:
        self.pause()
        self._lock()

    def stop(self) -> None:
        if self.installed:
            QApplication.instance().removeEventFilter(self)
        self.timer.stop()


def choose_minutes(parent: QWidget, settings: QSettings) -> int | None:
    """*Pengaturan → Kunci Otomatis…*: ask the minutes; the new value, None when cancelled."""
    value, ok = QInputDialog.getInt(
        parent, "Kunci Otomatis",
        "Kunci jendela setelah tidak dipakai selama (menit; 0 = tidak pernah):",
        idle_minutes(settings), 0, MAX_MINUTES, 1)
    if not ok:
        return None
    settings.setValue(KEY, value)
    settings.sync()
    return value
