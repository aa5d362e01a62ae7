"""Window sizes that fit the screen they open on: a 1366x768 laptop at 100%, 125% or 150%
display scaling (1093x614 and 911x512 device-independent pixels), less its taskbar and the
window's own frame, keeps every button on screen; longer forms scroll (ui/*.ui puts them in a
QScrollArea) instead of growing the window."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9  # at most this share of the screen's free area (taskbar excluded)

#: What Windows takes from the screen's free area around a window, in device-independent
#: pixels (Windows scales them with the display scale, as Qt scales the screen): 2 x 8 px of
#: resize border across; 31 px of title bar + 8 px of border + 40 px of taskbar down, less the
#: 7 px of top border Windows 10/11 let overlap (72). The taskbar is counted although the free
#: area already leaves it out on Windows: a screen that reports no taskbar (a second monitor,
#: the test's offscreen screen) still gets a window that fits with one.
FRAME_ALLOWANCE = QSize(16, 72)


def _area(window: QWidget) -> QRect | None:
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def room(window: QWidget) -> QSize:
    """The largest size ``window`` may take: its screen's free area less :data:`FRAME_ALLOWANCE`."""
    area = _area(window)
    if area is None:
        return QSize(16777215, 16777215)
    return area.size() - FRAME_ALLOWANCE


def fitted_size(window: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, or less, so the window's title bar and buttons stay on screen."""
    area = _area(window)
    if area is None:
        return QSize(width, height)
    most = room(window)
    return QSize(min(width, int(area.width() * SCREEN_SHARE), most.width()),
                 min(height, int(area.height() * SCREEN_SHARE), most.height()))


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize ``window`` to ``width`` x ``height`` (default: its current size), fitted."""
    window.resize(fitted_size(window, width or window.width(), height or window.height()))
