"""Date and time fields that take typing the way office staff type.

Qt's date and time editors take digits only into the section under the cursor: a click on the
minutes and "0930" changes nothing useful, and "03122026" is refused. :func:`install_typing`
(or :func:`install_typing_all` over a form after ``setupUi``) changes that on a
QDateEdit/QTimeEdit/QDateTimeEdit without replacing it:

- the first digit typed, wherever the click landed, starts the value afresh: the field shows
  what is typed (digits and the separators ``/ - . : ,`` or a space) until Enter, Tab, an
  arrow key or leaving the field, when it is read (views/date_reading.py: ``03122026``,
  ``3/12/2026``, ``0930``, ``9.30``, ``03122026 0930`` …) and set; Escape puts back the value
  from before;
- a typed value that is no date or time, or outside the field's range, is refused: a message
  in Indonesian appears under the field (:attr:`DateTyping.bubble`) and the previous value stays;
- the field's tooltip says what to type (``hh/bb/tttt``, ``jj.mm``);
- arrow keys, the mouse wheel, Tab between sections and the calendar popup work as before,
  and the calendar popup is made tall and wide enough for all its rows (:class:`CalendarFit`).

The value is set through the editor's own ``setDate``/``setTime``/``setDateTime`` in the
editor's time zone (views/wib_time.py's WIB for the fields that use it), so the signals and
what panels read are as when the value is chosen with the arrows.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QPoint, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QLineEdit, QWidget

from wawaran_desktop.views.calendar_fit import CalendarFit
from wawaran_desktop.views.date_reading import SEPARATORS, Kind, Refused, read

if TYPE_CHECKING:  # (importing QKeyEvent builds its class: start-up need not, tests/unit/test_cli.py)
    from PySide6.QtGui import QKeyEvent

OBJECT_NAME = "dateTyping"
MESSAGE_MS = 8000  # how long a refusal stays under the field (it also goes at the next typing)
BUBBLE_WIDTH = 420  # the widest a refusal is shown (wider fields: their width), then it wraps
MAX_TYPED = 20  # characters: more is no date or time, and the field stays readable
_BUBBLE_STYLE = ("QLabel { background: #fdecea; color: #8a1c14; border: 1px solid #d93025; "
                 "border-radius: 3px; padding: 4px 6px; }")
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}
_DATE_SECTIONS = (QDateTimeEdit.Section.DaySection, QDateTimeEdit.Section.MonthSection,
                  QDateTimeEdit.Section.YearSection)
_TIME_SECTIONS = (QDateTimeEdit.Section.HourSection, QDateTimeEdit.Section.MinuteSection)


def kind_of(edit: QDateTimeEdit) -> Kind:
    """What the field shows (its display format), whatever its class."""
    shown = edit.displayedSections()
    return Kind(any(shown & s for s in _DATE_SECTIONS), any(shown & s for s in _TIME_SECTIONS))


class DateTyping(QObject):
    """The typing behaviour of one date/time editor (its child, found by :func:`typing_of`)."""

    refused = Signal(str)  # the message shown for a typed value that was not taken

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.setObjectName(OBJECT_NAME)
        self.edit = edit
        self.line: QLineEdit = edit.findChild(QLineEdit)
        self.typed: str | None = None  # what is being typed; None: the field shows its value
        self._validator: QValidator | None = None  # the editor's own, set aside while typing
        self.message = ""  # the last refusal
        self.bubble = QLabel(edit, Qt.WindowType.ToolTip)
        self.bubble.setObjectName("dateTypingMessage")
        self.bubble.setWordWrap(True)
        self.bubble.setStyleSheet(_BUBBLE_STYLE)
        self._bubble_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._bubble_timer.timeout.connect(self.bubble.hide)
        kind = kind_of(edit)
        hint = f"Ketik {kind.hint}, mis. {kind.example}."
        tip = edit.toolTip()
        edit.setToolTip(f"{tip}\n{hint}" if tip else hint)
        self.line.setPlaceholderText(kind.hint)
        self.calendar_fit = CalendarFit.install(edit) if edit.calendarPopup() else None
        edit.installEventFilter(self)

    # -- events ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self._key(event)
        if self.typed is not None and kind in (QEvent.Type.FocusOut, QEvent.Type.Wheel, QEvent.Type.MouseButtonPress):
            # Read before Qt interprets the text (leaving) or steps a section (wheel, popup arrow).
            self.finish()
        elif kind in (QEvent.Type.Hide, QEvent.Type.EnabledChange) and self.typed is not None:
            self.cancel()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        """True when the key was this behaviour's (Qt does not see it)."""
        if self.typed is not None and self.line.text() != self.typed:
            self._stop()  # the program set a value meanwhile: that one stands
        key, text = event.key(), event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        if self.typed is None:
            if plain and text.isascii() and text.isdigit() and not self.edit.isReadOnly():
                self._start(text)
                return True
            return False
        if plain and text and text.isascii() and (text.isdigit() or text in SEPARATORS):
            if len(self.typed) < MAX_TYPED:
                self._show(self.typed + text)
            return True
        if key == Qt.Key.Key_Backspace:
            self._show(self.typed[:-1])
            return True
        if key == Qt.Key.Key_Delete:
            self._show("")
            return True
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if key in _MODIFIER_KEYS:
            return False
        if not self.finish():
            return True  # refused: the person reads the message, in the field
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # Tab after typing a whole value leaves the field (rather than going to its next section).
            last = key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.edit.setCurrentSectionIndex(self.edit.sectionCount() - 1 if last else 0)
        return False

    # -- typing ---------------------------------------------------------------------------
    def _start(self, text: str) -> None:
        self.bubble.hide()
        # The editor's validator would rewrite "9." into its own format: aside until read.
        self._validator = self.line.validator()
        self.line.setValidator(None)
        self._show(text)

    def _stop(self) -> str | None:
        typed, self.typed = self.typed, None
        if self._validator is not None:
            self.line.setValidator(self._validator)
            self._validator = None
        return typed

    def _show(self, text: str) -> None:
        """Show what is typed; the editor does not hear of it (no half-typed value is set)."""
        self.typed = text
        blocked = self.line.blockSignals(True)
        try:
            self.line.setText(text)
            self.line.setCursorPosition(len(text))
        finally:
            self.line.blockSignals(blocked)

    def cancel(self) -> None:
        """Put back the value from before the typing."""
        self._stop()
        self._redisplay()

    def finish(self) -> bool:
        """Read what was typed and set it; False when refused (the previous value stays)."""
        typed = self._stop()
        if typed is None:
            return True
        if not typed.strip(" " + SEPARATORS):
            self._redisplay()
            return True
        edit = self.edit
        kind = kind_of(edit)
        shows_value = not (edit.specialValueText() and edit.dateTime() == edit.minimumDateTime())
        try:
            day, hour = read(typed, kind, edit.date().year() if shows_value and kind.date else None)
            value = self._value(day, hour)
            self._check_range(value, kind)
        except Refused as refusal:
            self._redisplay()
            self.refuse(str(refusal))
            return False
        if kind.date and kind.time:
            edit.setDateTime(value)
        elif kind.date:
            edit.setDate(value.date())
        else:
            edit.setTime(value.time())
        self._redisplay()
        return True

    def _value(self, day: date | None, hour: time | None) -> QDateTime:
        current = self.edit.dateTime()
        qdate = QDate(day.year, day.month, day.day) if day is not None else current.date()
        qtime = QTime(hour.hour, hour.minute) if hour is not None else current.time()
        return QDateTime(qdate, qtime, current.timeRepresentation())

    def _check_range(self, value: QDateTime, kind: Kind) -> None:
        edit = self.edit
        low, high = edit.minimumDateTime(), edit.maximumDateTime()
        if kind.date and kind.time:
            inside, shown = low <= value <= high, ("dd/MM/yyyy HH.mm", low, high)
        elif kind.date:
            inside, shown = low.date() <= value.date() <= high.date(), ("dd/MM/yyyy", low.date(), high.date())
        else:
            low_t, high_t = edit.minimumTime(), edit.maximumTime()
            inside, shown = low_t <= value.time() <= high_t, ("HH.mm", low_t, high_t)
        if edit.specialValueText() and value == low:
            inside = False  # the minimum means "not filled in" in this field
        if not inside:
            fmt, first, last = shown
            raise Refused(f"Isian harus antara {first.toString(fmt)} dan {last.toString(fmt)}.")

    def _redisplay(self) -> None:
        """The field shows its value again (Qt rewrites the text from the value)."""
        edit = self.edit
        edit.setDateTime(edit.dateTime())
        if self.line.text() != edit.text():
            self.line.setText(edit.text())

    def refuse(self, message: str) -> None:
        """Tell the person under the field why what they typed was not taken."""
        self.message = f"{message} Isian sebelumnya tetap dipakai."
        edit = self.edit
        self.bubble.setText(self.message)
        margins = self.bubble.contentsMargins().left() + self.bubble.contentsMargins().right()
        wanted = self.bubble.fontMetrics().horizontalAdvance(self.message) + margins + 32  # + padding, border
        self.bubble.setFixedWidth(min(wanted, max(edit.width(), BUBBLE_WIDTH)))
        self.bubble.adjustSize()
        self.bubble.move(edit.mapToGlobal(QPoint(0, edit.height() + 2)))
        self.bubble.show()
        self._bubble_timer.start()
        self.refused.emit(self.message)


def typing_of(edit: QDateTimeEdit) -> DateTyping | None:
    """The typing behaviour installed on ``edit``, if any."""
    return edit.findChild(DateTyping, OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)


def install_typing(edit: QDateTimeEdit) -> DateTyping:
    """Give ``edit`` (a QDateEdit, QTimeEdit or QDateTimeEdit) office-style typing; once only."""
    return typing_of(edit) or DateTyping(edit)


def install_typing_all(root: QWidget) -> list[DateTyping]:
    """:func:`install_typing` on every date/time editor in ``root`` (a form after ``setupUi``)."""
    edits = [root] if isinstance(root, QDateTimeEdit) else []
    return [install_typing(edit) for edit in edits + root.findChildren(QDateTimeEdit)]


#: A form shown at start-up gets its typing this long after it is built: a Python event filter
#: receives every kind of event, and PySide6 then builds the classes of all of Qt's event types,
#: ~5 ms that start-up need not pay (tests/unit/test_cli.py; views/idle_lock.py does the same).
INSTALL_DELAY_MS = 1500


def install_typing_later(root: QWidget, delay_ms: int = INSTALL_DELAY_MS) -> None:
    """:func:`install_typing_all` on ``root`` once the window has had ``delay_ms`` to start."""
    QTimer.singleShot(delay_ms, root, lambda: install_typing_all(root))
