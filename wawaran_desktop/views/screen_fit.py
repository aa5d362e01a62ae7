"""Dialog sizes that fit the screen they open on (a 1366x768 laptop less its taskbar)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9  # at most this share of the screen's free area (taskbar excluded)


def fitted_size(window: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, or less, so the window's title bar and buttons stay on screen."""
    anchor = window.parentWidget() or window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    area = screen.availableGeometry()
    return QSize(min(width, int(area.width() * SCREEN_SHARE)), min(height, int(area.height() * SCREEN_SHARE)))


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize ``window`` to ``width`` x ``height`` (default: its current size), fitted."""
    window.resize(fitted_size(window, width or window.width(), height or window.height()))
