"""Can the user reach it? What a person at the screen needs before clicking or typing somewhere.

The by-hand walks (test_full_campaign_by_hand.py, documents_by_hand.py) call :func:`reach` on
every widget they click or type in, and :func:`reach_rect` on a part of one (a tab, a menu
entry). A widget inside a scroll area is first scrolled to, as the user would scroll; then its
middle must be on screen: not clipped away by a parent, inside its window, and the window inside
the screen's free area. Run at 125% and 150% display scaling (test_scaled_walk.py) this is the
issue-15 check that nothing needed is off-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

#: Larger than this, a widget counts as reached when a usable part of it shows (not its middle).
BIG = QSize(300, 120)


def _scroll_to(widget: QWidget) -> None:
    """Scroll every scroll area ``widget`` sits in so that it shows (innermost first)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and parent is area.viewport():
            area.ensureWidgetVisible(widget, 4, 4)
        child, parent = parent, parent.parentWidget()
    QApplication.processEvents()


def where(widget: QWidget) -> str:
    """A widget's name for a failure message: its object name or text, and its class."""
    text = getattr(widget, "text", None)
    label = widget.objectName() or (text() if callable(text) else "")
    return f"{type(widget).__name__} {label!r}"


def _hits(widget: QWidget, point: QPoint) -> bool:
    """A click at ``point`` (widget coordinates) lands on ``widget`` or on a part of it."""
    if widget.isWindow():  # a menu or a dialog itself: a point inside it
        return widget.rect().contains(point)
    window = widget.window()
    hit = window.childAt(widget.mapTo(window, point))
    return hit is not None and (hit is widget or widget.isAncestorOf(hit))


def reach_rect(widget: QWidget, rect: QRect | None = None) -> QPoint:
    """Assert the middle of ``rect`` (widget coordinates; default the whole widget) is where the
    user can see and click it (a click there lands on the widget, not on something over it or
    nowhere); returns that point. Scroll areas are scrolled to it first. For a large editor or
    list any usable part will do (a point of a 40 x 16 px grid in it)."""
    _scroll_to(widget)
    rect = rect if rect is not None else widget.rect()
    assert widget.isVisible(), f"{where(widget)} is not shown"
    spot = rect.center()
    if not _hits(widget, spot) and (rect.width() > BIG.width() or rect.height() > BIG.height()):
        grid = (QPoint(x, y) for y in range(rect.top() + 8, rect.bottom(), 16)
                for x in range(rect.left() + 20, rect.right(), 40))
        spot = next((point for point in grid if _hits(widget, point)), spot)
    assert _hits(widget, spot), \
        f"{where(widget)} cannot be clicked: its middle {spot.toTuple()} is clipped away or covered"
    window = widget.window()
    on_screen = widget.mapToGlobal(spot)
    assert window.geometry().contains(on_screen), f"{where(widget)} lies outside its window {window.geometry()}"
    screen = window.screen().availableGeometry()
    assert screen.contains(on_screen), f"{where(widget)} at {on_screen.toTuple()} is off the screen {screen}"
    frame = window.geometry()
    assert screen.contains(frame.topLeft()) and screen.contains(frame.bottomRight()), \
        f"the window {type(window).__name__} {frame} does not fit the screen {screen}"
    return spot


def reach(widget: QWidget) -> QWidget:
    """:func:`reach_rect` on the whole widget; returns the widget (``click(reach(button))``)."""
    reach_rect(widget)
    return widget
