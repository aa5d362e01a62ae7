"""when_focus_leaves: the panels' 'store on leaving the field' for multi-line text fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from wawaran_desktop.views.focus_watch import when_focus_leaves


def _watched_field(qtbot):
    """A shown window with a watched multi-line field (focused) and a line edit under it;
    returns the window, the field, the line edit and the field's text at each leaving."""
    window = QWidget()
    layout = QVBoxLayout(window)
    text, line = QPlainTextEdit(), QLineEdit()
    text.setTabChangesFocus(True)  # as the panels' forms set it
    layout.addWidget(text)
    layout.addWidget(line)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    left: list[str] = []
    when_focus_leaves(text, lambda: left.append(text.toPlainText()))
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    return window, text, line, left


def test_called_when_the_focus_moves_on_and_only_then(qtbot):
    _window, text, line, left = _watched_field(qtbot)
    qtbot.keyClicks(text, "Dinkes mencatat 48 kasus")
    assert left == []  # typing, and the focus coming in, are not leaving
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    qtbot.waitUntil(line.hasFocus)
    assert left == ["Dinkes mencatat 48 kasus"]
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    line.setFocus()  # by mouse or program: the same
    qtbot.waitUntil(lambda: len(left) == 2)


def test_called_when_another_window_takes_the_focus(qtbot):
    _window, _text, _line, left = _watched_field(qtbot)
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    qtbot.waitUntil(lambda: len(left) == 1)


def test_a_deleted_field_is_never_called_back(qtbot):
    _window, text, line, left = _watched_field(qtbot)
    line.setFocus()
    qtbot.waitUntil(lambda: len(left) == 1)
    text.setParent(None)
    text.deleteLater()
    qtbot.wait(10)
    line.clearFocus()
    line.setFocus()  # focus changes after the field is gone: nothing, and no error
    qtbot.wait(10)
    assert len(left) == 1
