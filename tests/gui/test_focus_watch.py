"""when_focus_leaves: the panels' 'store on leaving the field' for multi-line text fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from wawaran_desktop.views.focus_watch import when_focus_leaves


def _window(qtbot):
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
    return window, text, line


def test_called_when_the_focus_moves_on_and_only_then(qtbot):
    window, text, line = _window(qtbot)
    left: list[str] = []
    when_focus_leaves(text, lambda: left.append(text.toPlainText()))
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    qtbot.keyClicks(text, "Dinkes mencatat 48 kasus")
    assert left == []  # typing, and the focus coming in, are not leaving
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    qtbot.waitUntil(line.hasFocus)
    assert left == ["Dinkes mencatat 48 kasus"]
    line.setFocus()
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    line.setFocus()  # by mouse or program: the same
    qtbot.waitUntil(lambda: len(left) == 2)


def test_called_when_another_window_takes_the_focus(qtbot):
    window, text, _line = _window(qtbot)
    left: list[bool] = []
    when_focus_leaves(text, lambda: left.append(True))
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    qtbot.waitUntil(lambda: left == [True])


def test_a_deleted_field_is_never_called_back(qtbot):
    window, text, line = _window(qtbot)
    left: list[bool] = []
    when_focus_leaves(text, lambda: left.append(True))
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    line.setFocus()
    qtbot.waitUntil(lambda: left == [True])
    text.setParent(None)
    text.deleteLater()
    qtbot.wait(10)
    line.clearFocus()
    line.setFocus()  # focus changes after the field is gone: nothing, and no error
    qtbot.wait(10)
    assert left == [True]
