"""Inline messages under a form that neither linger nor move the fields.

A refusal is told in a red label in the form (``errorLabel`` and its kin). Two things went
wrong with a plain label (issue 15): showing or hiding it added or removed a line, so every
field below it moved under the person's pointer (a number meant for *Perkiraan warga* landed
in *Catatan*); and a message stayed after the input had been corrected.

:class:`InlineMessage` fixes both for one label:

- the label keeps its room while hidden (size policy ``retainSizeWhenHidden``) and has at
  least one line of height, so a one-line message appears and goes without moving anything;
  promoted to :class:`MessageLabel` in the .ui, it also never turns the form around it to
  height-for-width layout (which moved and resized every field in a scroll area);
  a form puts its message label below its fields and buttons, so a longer message only
  pushes what is under it;
- :meth:`InlineMessage.show` may be given ``until``, a check that says the input is now
  valid; every edit of the widgets :meth:`InlineMessage.watch`-ed runs it, and the message
  goes as soon as it passes.

:func:`reserve` gives every message label of a form (found by name) its room at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

_PROPERTY = "inlineMessage"


class MessageLabel(QLabel):
    """A form's message line (promoted from QLabel in the .ui files): word-wrapped, but asking
    its layout for a height of its own rather than height-for-width.

    A plain word-wrapped QLabel switches its layout to height-for-width when it gets text and
    back when it is emptied; inside a scroll area that relays out the whole form (a scroll bar
    appears, every field moves and resizes) whenever a message comes or goes. This label's
    height is the lines its text needs at its width (at least one line), told as an ordinary
    size hint, so only the message line itself changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._watching = False  # its width is watched once it has had a message
        self.setWordWrap(True)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False

    def _needed(self) -> int:
        margins = self.contentsMargins()
        one_line = self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()
        if not self.text():
            return one_line
        return max(one_line, super().heightForWidth(max(self.width(), 1)))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(0, self._needed())  # no width of its own: a long message wraps, it widens nothing

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(0, self._needed())

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        super().setText(text)
        if text and not self._watching:  # (from the first message: start-up builds no event classes)
            from wawaran_desktop.views.responsive import on_resize

            self._watching = True
            on_resize(self, self._resized)

    def _resized(self, size: QSize) -> None:
        if self.text() and self._needed() != size.height():
            self.updateGeometry()  # the text wraps to another number of lines at this width


def is_message_label(label: QLabel) -> bool:
    """Whether ``label`` is a form's message line, by its name (``errorLabel``,
    ``versionErrorLabel``, ``meetingError`` …)."""
    name = label.objectName()
    return name == "errorLabel" or name.endswith("ErrorLabel") or (name.endswith("Error") and name[:1].islower())


class InlineMessage(QObject):
    """The message shown in ``label``; made once per label (see :func:`message_of`)."""

    def __init__(self, label: QLabel, lines: int = 1) -> None:
        super().__init__(label)
        self.label = label
        self._until: Callable[[], bool] | None = None
        label.setWordWrap(True)
        policy = label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # hidden, it keeps its room: nothing below moves
        label.setSizePolicy(policy)
        if not isinstance(label, MessageLabel) or lines > 1:  # (a MessageLabel has one line at least)
            margins = label.contentsMargins()
            label.setMinimumHeight(lines * label.fontMetrics().lineSpacing() + margins.top() + margins.bottom())
        label.setProperty(_PROPERTY, self)
        if not label.text():
            label.hide()

    @property
    def shown(self) -> bool:
        return not self.label.isHidden() and bool(self.label.text())

    def show(self, text: str | None, until: Callable[[], bool] | None = None) -> None:
        """Show ``text`` (None or blank: clear). ``until()`` True means the input has been
        corrected: checked at each edit of a watched widget, it clears the message."""
        if not text:
            self.clear()
            return
        self._until = until
        self.label.setText(text)
        self.label.show()

    def clear(self) -> None:
        self._until = None
        self.label.hide()
        self.label.setText("")

    def watch(self, *widgets: QWidget) -> None:
        """Re-check the message shown at every edit of ``widgets``."""
        for widget in widgets:
            for signal in edit_signals(widget):
                signal.connect(self.recheck)

    def recheck(self, *_args: object) -> None:
        """Clear the message when its check now passes."""
        if self._until is not None and self.shown and self._until():
            self.clear()


def edit_signals(widget: QWidget) -> list:
    """The signals by which ``widget`` tells that the person changed it."""
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged, widget.editTextChanged] if widget.isEditable() \
            else [widget.currentIndexChanged]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QAbstractSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return [widget.textChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    if isinstance(widget, QListWidget):
        return [widget.itemChanged]
    raise TypeError(f"no edit signal known for {type(widget).__name__}")


def message_of(label: QLabel, lines: int = 1) -> InlineMessage:
    """The :class:`InlineMessage` of ``label`` (made, and its room reserved, on first use)."""
    existing = label.property(_PROPERTY)
    return existing if isinstance(existing, InlineMessage) else InlineMessage(label, lines)


def reserve(root: QWidget) -> list[InlineMessage]:
    """Give every message label under ``root`` (:func:`is_message_label`) its room now, so
    that its first message moves nothing either."""
    return [message_of(label) for label in root.findChildren(QLabel) if is_message_label(label)]


def scroll_to_if_out_of_view(scroll: QScrollArea, label: QWidget) -> None:
    """Scroll ``scroll`` to the message ``label`` only when none of it is in view: scrolling moves
    every field under the person's pointer, so a message that shows even in part is left as it is."""
    viewport = scroll.viewport()
    shown = QRect(label.mapTo(viewport, QPoint(0, 0)), label.size())
    if not shown.intersects(viewport.rect()):
        scroll.ensureWidgetVisible(label, 0, 4)
