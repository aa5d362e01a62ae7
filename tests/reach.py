"""Can the user reach it? What a person at the screen needs before clicking or typing somewhere.

The by-hand walks (test_full_campaign_by_hand.py, documents_by_hand.py) call :func:`reach` on
every widget they click or type in, and :func:`reach_rect` on a part of one (a tab, a menu
entry). A widget inside a scroll area is first scrolled to, as the user would scroll; then its
middle must be on screen: not clipped away by a parent, inside its window, and the window inside
the screen's free area. Run at 125% and 150% display scaling (test_scaled_walk.py) this is the
issue-15 check that nothing needed is off-screen.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

#: A layout arranging itself (a form switching to its narrow arrangement) is given this long to
#: settle, this many times, before a widget counts as out of reach.
SETTLE_TRIES, SETTLE_MS = 5, 100
#: A part of a widget counts as clickable when this far around the pointer lands on it too.
GRIP = QSize(6, 3)


def _scroll_to(widget: QWidget) -> None:
    """Scroll every scroll area ``widget`` sits in so that it shows (innermost first). Pending
    layout goes first (a form that just grew moves its fields), and once more after scrolling."""
    areas = [a for a in _ancestors(widget) if isinstance(a, QScrollArea) and a.widget() is not None
             and a.widget().isAncestorOf(widget)]
    for _ in range(2):
        QApplication.processEvents()
        for area in areas:
            area.ensureWidgetVisible(widget, 4, 4)
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


def _usable(widget: QWidget, point: QPoint) -> bool:
    """``point`` and the points a few pixels around it land on ``widget`` (room for a pointer)."""
    return all(_hits(widget, point + QPoint(dx, dy)) for dx in (-GRIP.width(), 0, GRIP.width())
               for dy in (-GRIP.height(), 0, GRIP.height()))


def _what_is_there(widget: QWidget, point: QPoint) -> str:
    """Why a click at ``point`` misses ``widget``: what it lands on instead, or where it is clipped."""
    window = widget.window()
    hit = window.childAt(widget.mapTo(window, point))
    if hit is not None and not widget.isAncestorOf(hit) and hit is not widget:
        return f"covered by {where(hit)}"
    clip = next((a for a in _ancestors(widget) if not a.rect().contains(widget.mapTo(a, point))), None)
    return f"outside {where(clip)}, which cuts it off" if clip is not None else "not on screen"


def _ancestors(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def _spot(widget: QWidget, rect: QRect) -> QPoint:
    """The middle of ``rect``; when that is cut off (partly scrolled), a part the pointer can land on."""
    spot = rect.center()
    if not _hits(widget, spot):
        grid = (QPoint(x, y) for y in range(rect.top() + 4, rect.bottom() - 3, 4)
                for x in range(rect.left() + 4, rect.right() - 3, 8))
        spot = next((point for point in grid if _usable(widget, point)), spot)
    return spot


def reach_rect(widget: QWidget, rect: QRect | None = None) -> QPoint:
    """Assert the middle of ``rect`` (widget coordinates; default the whole widget) is where the
    user can see and click it (a click there lands on the widget, not on something over it or
    nowhere); returns that point. Scroll areas are scrolled to it first. When the middle is cut off
    (a field partly scrolled into view), a part of it with room for the pointer will do."""
    rect = rect if rect is not None else widget.rect()
    for attempt in range(SETTLE_TRIES):  # a form still arranging itself is looked at again
        if attempt:
            QTest.qWait(SETTLE_MS)
        _scroll_to(widget)
        assert widget.isVisible(), f"{where(widget)} is not shown"
        spot = _spot(widget, rect)
        if _hits(widget, spot):
            break
    if not _hits(widget, spot) and os.environ.get("WAWARAN_REACH_SHOTS"):  # a picture of the miss
        widget.window().grab().save(os.path.join(os.environ["WAWARAN_REACH_SHOTS"], "reach-miss.png"))
    assert _hits(widget, spot), \
        f"{where(widget)} cannot be clicked: its middle {spot.toTuple()} is {_what_is_there(widget, spot)}"
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


class ReachingBot:
    """pytest-qt's ``qtbot`` that first checks, as :func:`reach` does, every widget it clicks,
    types in or presses a key on (at ``pos`` when given): a walk written with ``qtbot`` checks
    that the user can reach each thing it uses by passing ``ReachingBot(qtbot)`` instead."""

    def __init__(self, qtbot) -> None:
        self._qtbot = qtbot

    def __getattr__(self, name: str):
        return getattr(self._qtbot, name)

    @staticmethod
    def _check(widget: QWidget, pos: QPoint | None = None) -> None:
        if pos is None:
            reach(widget)
        else:
            reach_rect(widget, QRect(pos, QSize(1, 1)))

    def mouseClick(self, widget, button, *args, **kwargs):  # noqa: N802 - qtbot's name
        self._check(widget, kwargs.get("pos", args[1] if len(args) > 1 else None))
        return self._qtbot.mouseClick(widget, button, *args, **kwargs)

    def mouseDClick(self, widget, button, *args, **kwargs):  # noqa: N802
        self._check(widget, kwargs.get("pos", args[1] if len(args) > 1 else None))
        return self._qtbot.mouseDClick(widget, button, *args, **kwargs)

    def keyClicks(self, widget, text, *args):  # noqa: N802
        self._check(widget)
        return self._qtbot.keyClicks(widget, text, *args)

    def keyClick(self, widget, key, *args):  # noqa: N802
        if isinstance(widget, QWidget):
            self._check(widget)
        return self._qtbot.keyClick(widget, key, *args)
