"""Docks on a short screen: a chart docked under the stages would leave a stage form a few rows.

On a screen less than :data:`ROOMY_HEIGHT` device-independent pixels tall (a 1366x768 laptop at
125% or 150% display scaling is 614 or 512) the SOP chart and the timeline open as their own
window over the lower part of the main window, within the screen, instead of under the stage
tabs; double-clicking the title docks it again (and that choice is remembered where the dock
remembers its place).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDockWidget, QWidget

from wawaran_desktop.views.screen_fit import FRAME_ALLOWANCE

#: Below this screen height (logical pixels) docks under the stages open floating.
ROOMY_HEIGHT = 700
#: Room left above a floating dock for its title bar (outside its geometry).
TITLE_BAR = 32


def short_screen(window: QWidget) -> bool:
    screen = window.screen()
    return screen is not None and screen.availableGeometry().height() < ROOMY_HEIGHT


def float_over(window: QWidget, dock: QDockWidget) -> None:
    """``dock`` as a window over the lower part of ``window``, inside the screen's free area."""
    dock.setFloating(True)
    area = window.screen().availableGeometry()
    frame = window.geometry()
    width = min(frame.width(), area.width() - FRAME_ALLOWANCE.width())
    height = max(min(frame.height() * 3 // 5, area.height() - FRAME_ALLOWANCE.height()), 200)
    place = QRect(frame.left(), frame.bottom() - height, width, height)
    place.moveLeft(max(area.left(), min(place.left(), area.right() - width)))
    place.moveTop(max(area.top() + TITLE_BAR, min(place.top(), area.bottom() - height)))
    dock.setGeometry(place)
