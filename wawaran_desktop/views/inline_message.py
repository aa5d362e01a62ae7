"""Inline messages under a form that neither linger nor move the fields.

A refusal is told in a red label in the form (``errorLabel`` and its kin). Two things went
wrong with a plain label (issue 15): showing or hiding it added or removed a line, so every
field below it moved under the person's pointer (a number meant for *Perkiraan warga* landed
in *Catatan*); and a message stayed after the input had been corrected.

:class:`InlineMessage` fixes both for one label:

- the label keeps its room while hidden (size policy ``retainSizeWhenHidden``) and has at
  least one line of height, so a one-line message appears and goes without moving anything;
  a form puts its message label below its fields and buttons, so a longer message only
  pushes what is under it;
- :meth:`InlineMessage.show` may be given ``until``, a check that says the input is now
  valid; every edit of the widgets :meth:`InlineMessage.watch`-ed runs it, and the message
  goes as soon as it passes.

:func:`reserve` gives every message label of a form (found by name) its room at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

_PROPERTY = "inlineMessage"


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
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        label.setSizePolicy(policy)
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
            for signal in _edit_signals(widget):
                signal.connect(self.recheck)

    def recheck(self, *_args: object) -> None:
        """Clear the message when its check now passes."""
        if self._until is not None and self.shown and self._until():
            self.clear()


def _edit_signals(widget: QWidget) -> list:
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
