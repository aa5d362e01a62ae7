"""Issue 15: a message under a form appears and goes without moving any field of it, in every
stage panel (views/inline_message.py: the message line keeps its room, and never switches the
form to height-for-width layout)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from wawaran_desktop.views.inline_message import MessageLabel, is_message_label

FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)


def fields_of(panel):
    from PySide6.QtWidgets import QWidget

    return [w for w in panel.findChildren(QWidget) if isinstance(w, FIELDS) and w.isVisible()]


def places(panel, widgets):
    return [(w.objectName(), w.mapTo(panel, w.rect().topLeft()), w.size()) for w in widgets]


@pytest.mark.parametrize("no", range(1, 10))
def test_a_message_moves_no_field_of_the_stage(qtbot, ws, staff, make_window, no):
    ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus")
    window = make_window(ws, staff[0].id)
    window.ui.stageTabs.setCurrentIndex(no - 1)
    panel = window.stages.stage(no).panel
    labels = [label for label in panel.findChildren(QLabel) if is_message_label(label)]
    assert labels, f"stage {no} has no message line"
    assert all(isinstance(label, MessageLabel) for label in labels)
    qtbot.wait(20)
    for label in labels:
        widgets = fields_of(panel)
        assert widgets
        before = places(panel, widgets)
        panel.show_error("Isian ini ditolak.", label)
        qtbot.wait(20)
        assert places(panel, widgets) == before, f"stage {no}, {label.objectName()} shown"
        panel.show_error(None, label)
        qtbot.wait(20)
        assert places(panel, widgets) == before, f"stage {no}, {label.objectName()} hidden"
        assert label.isHidden() and label.text() == ""
