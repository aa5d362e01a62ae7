"""A date editor's calendar popup that shows the whole month (its header and all six weeks).

QCalendarWidget sizes itself from its own font and stretches its table's rows over what room
it has; but a row cannot be lower than the table's header allows (the style's margins, a style
sheet's padding, a larger font at 150% display scaling), so the popup can cut off the last week.
:class:`CalendarFit` measures what a row and a column need each time the popup opens, gives
every row that height, grows the popup by what is missing (keeping it on the screen) and keeps
that as the calendar's minimum size, so the next opening is right at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QCalendarWidget, QDateTimeEdit, QHeaderView, QTableView, QWidget

MAX_ROUNDS = 3  # growths of the popup at one opening


def table(calendar: QCalendarWidget) -> QTableView:
    """The calendar's table of days (its first row names the weekdays)."""
    return calendar.findChild(QTableView)


def cell_size(view: QTableView) -> tuple[int, int]:
    """The width of the widest column and the height of the highest row ``view`` needs."""
    model = view.model()
    col = max([view.horizontalHeader().minimumSectionSize()]
              + [view.sizeHintForColumn(c) for c in range(model.columnCount())])
    row = max([view.verticalHeader().minimumSectionSize()]
              + [view.sizeHintForRow(r) for r in range(model.rowCount())])
    return col, row


def missing(calendar: QCalendarWidget) -> tuple[int, int]:
    """How many pixels wider and taller the calendar's table must be to show every cell whole."""
    view = table(calendar)
    col, row = cell_size(view)
    model, viewport = view.model(), view.viewport()
    bottom = view.rowViewportPosition(model.rowCount() - 1) + view.rowHeight(model.rowCount() - 1)
    return (max(0, model.columnCount() * col - viewport.width()),
            max(0, model.rowCount() * row - viewport.height(), bottom - viewport.height()))


class CalendarFit(QObject):
    """Keeps one date editor's calendar popup big enough (a child of the calendar)."""

    def __init__(self, edit: QDateTimeEdit, calendar: QCalendarWidget) -> None:
        super().__init__(calendar)
        self.edit = edit
        self.calendar = calendar
        calendar.window().installEventFilter(self)

    @classmethod
    def install(cls, edit: QDateTimeEdit) -> CalendarFit | None:
        calendar = edit.calendarWidget()
        if calendar is None:
            return None
        return calendar.findChild(cls) or cls(edit, calendar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Show and watched is self.calendar.window():
            self.fit()
        return False

    def fit(self) -> None:
        """Give every row the height it needs, grow the open popup by what its table lacks, and
        keep the popup on the screen."""
        popup: QWidget = self.calendar.window()
        view = table(self.calendar)
        rows = view.model().rowCount()
        _col, row = cell_size(view)
        header = view.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # stretched rows may overflow
        header.setDefaultSectionSize(max(row, view.viewport().height() // rows))
        grown = False
        for _ in range(MAX_ROUNDS):  # one is enough unless the style adds a pixel somewhere
            wider, taller = missing(self.calendar)
            if not (wider or taller):
                break
            size = self.calendar.size()
            self.calendar.setMinimumSize(size.width() + wider, size.height() + taller)
            popup.resize(popup.width() + wider, popup.height() + taller)
            if popup.layout() is not None:
                popup.layout().activate()
            header.setDefaultSectionSize(max(row, view.viewport().height() // rows))
            grown = True
        if grown:
            self._keep_on_screen(popup)

    def _keep_on_screen(self, popup: QWidget) -> None:
        screen = self.edit.screen().availableGeometry()
        frame = popup.frameGeometry()
        x, y = frame.x(), frame.y()
        if frame.bottom() > screen.bottom():  # no room below the field: above it, as Qt does
            y = self.edit.mapToGlobal(QPoint(0, 0)).y() - frame.height()
        x = max(screen.left(), min(x, screen.right() - frame.width() + 1))
        y = max(screen.top(), y)
        if (x, y) != (frame.x(), frame.y()):
            popup.move(x, y)
