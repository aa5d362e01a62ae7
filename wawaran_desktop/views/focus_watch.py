"""Act when the keyboard focus leaves a widget, without an event filter.

A multi-line text field has no ``editingFinished``; the panels store its text when the user
leaves it. An event filter would do, but it routes every event of the field (paint, hover,
resize, …) through Python, and the first of them make PySide6 build the Python classes of
all of Qt's event types at start-up. The application's ``focusChanged`` signal carries just
the two widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget


class _FocusLeaveWatcher(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)  # goes with the widget, and its connection with it
        self._widget = widget
        self._callback = callback
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is self._widget:
            self._callback()


def when_focus_leaves(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` each time the focus leaves ``widget``: to another widget, to
    another window, or because the window lost the focus."""
    _FocusLeaveWatcher(widget, callback)
