"""Small helpers for windows that must fit a small screen (1366x768 at 125% or 150% scaling).

- :func:`keep_elided`: a label on one line, painted cut with "…" to the room it has, its whole
  text in the tooltip (a long name or title never widens the window; ``text()`` stays whole).
- :func:`on_resize`: call a function with a widget's new size whenever it changes (to switch a
  layout between its wide and its narrow arrangement).

Both watch their widget with a Python event filter, which receives every kind of event: PySide6
then builds the classes of all of Qt's event types, ~5 ms that start-up need not pay
(tests/unit/test_cli.py). So the filters of widgets built during start-up are installed
:data:`INSTALL_DELAY_S` after the first one was asked for (as views/date_typing.py does); a
widget shown meanwhile is arranged once when shown (StageTab.showEvent) and again then.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


INSTALL_DELAY_S = 1.5
_ready_at: float | None = None  # (monotonic) when filters may be installed at once


def start_up_over() -> None:
    """From now on watches are installed at once (a tool that renders windows has no start-up to
    keep short)."""
    global _ready_at
    _ready_at = 0.0


def later(widget: QWidget, install: Callable[[], object]) -> None:
    """Call ``install`` now if start-up is over, else once it is (while ``widget`` lives)."""
    global _ready_at
    now = time.monotonic()
    if _ready_at is None:
        _ready_at = now + INSTALL_DELAY_S
    if now >= _ready_at:
        install()
    else:
        QTimer.singleShot(int((_ready_at - now) * 1000) + 1, widget, install)


class _Resized(QObject):
    def __init__(self, widget: QWidget, call: Callable[[QSize], object]) -> None:
        super().__init__(widget)
        self._call = call
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self._call(event.size())
        return False


#: Arrangements whose resize watch waits for the end of start-up: (widget, call), widget held weakly.
_waiting: list[tuple[weakref.ref, Callable[[QSize], object]]] = []


def on_resize(widget: QWidget, call: Callable[[QSize], object]) -> None:
    """Call ``call(size)`` after each resize of ``widget`` (for as long as it lives), from the
    end of start-up (:func:`later`), then once with its size at that moment. Until then a window
    shown meanwhile arranges it with :func:`arrange_now`."""
    entry = (weakref.ref(widget), call)

    def install() -> None:
        if entry in _waiting:
            _waiting.remove(entry)
        _Resized(widget, call)
        call(widget.size())

    _waiting.append(entry)
    later(widget, install)


def arrange_now(root: QWidget) -> None:
    """Give every arrangement under ``root`` still waiting for its resize watch (start-up) the room
    its widget has now, and once more when pending layout has run: a form shown during start-up
    is arranged for its room at once, not switched under the pointer when the watches come."""
    def run() -> None:
        if not shiboken6.isValid(root):
            return
        for ref, call in list(_waiting):
            widget = ref()
            if widget is None or not shiboken6.isValid(widget):  # gone before its watch came
                _waiting.remove((ref, call))
            elif (widget is root or root.isAncestorOf(widget)) and widget.isVisible():
                call(widget.size())

    run()
    QTimer.singleShot(0, root, run)


class _Elided(QObject):
    """Paints its label's text on one line, cut to the label's width."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        self.base_tip = label.toolTip()
        label.installEventFilter(self)

    def shown_text(self) -> str:
        label = self.label
        room = label.contentsRect().width() - 2 * label.margin()
        return label.fontMetrics().elidedText(label.text(), Qt.TextElideMode.ElideRight, max(room, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.Paint:
            return False
        label = self.label
        shown = self.shown_text()
        cut = shown != label.text()
        tip = "\n".join(part for part in (label.text() if cut else "", self.base_tip) if part)
        if label.toolTip() != tip:
            label.setToolTip(tip)
        painter = QPainter(label)
        rect = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
        label.style().drawItemText(painter, rect, int(label.alignment()) | int(Qt.AlignmentFlag.AlignVCenter),
                                   label.palette(), label.isEnabled(), shown, QPalette.ColorRole.WindowText)
        painter.end()
        return True


def keep_elided(label: QLabel) -> None:
    """Show ``label`` (plain text) on one line, cut with "…" to its width: the window never
    widens for it. The tooltip shows the whole text when cut (then the label's own tooltip)."""
    label.setWordWrap(False)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    label.ensurePolished()
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance("M" * 4))

    def install() -> None:
        _Elided(label)
        label.update()

    later(label, install)


def elided_text(label: QLabel) -> str:
    """What ``label`` shows now (its text, or its text cut to its width)."""
    filters = [child for child in label.children() if isinstance(child, _Elided)]
    return filters[0].shown_text() if filters else label.text()


def stretch_with_floor(table, column: int, floor: int) -> None:
    """``column`` of ``table`` (a QTableView) takes the room the other columns leave, but never
    less than ``floor`` pixels: where there is less room the table scrolls sideways instead of
    squeezing it to "…" (a stop's place in a narrow stage form)."""
    from PySide6.QtWidgets import QHeaderView

    header = table.horizontalHeader()
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def arrange(size: QSize) -> None:  # the viewport's size (the table's own comes before it)
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != column and not header.isSectionHidden(c))
        roomy = size.width() - others >= floor
        mode = QHeaderView.ResizeMode.Stretch if roomy else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(column) != mode:
            header.setSectionResizeMode(column, mode)
        if not roomy:
            header.resizeSection(column, floor)

    on_resize(table.viewport(), arrange)
    table.model().modelReset.connect(lambda: arrange(table.viewport().size()))
