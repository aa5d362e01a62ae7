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
from wawaran_desktop.views.stages.registry import PANELS, panel_class

FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)


def fields_of(panel):
    from PySide6.QtWidgets import QWidget

    return [w for w in panel.findChildren(QWidget) if isinstance(w, FIELDS) and w.isVisible()]


def places(panel, widgets):
    return [(w.objectName(), w.mapTo(panel, w.rect().topLeft()), w.size()) for w in widgets]


def settled(qtbot, panel, widgets):
    """The places once the window has stopped arranging itself (it does so once shown)."""
    last = places(panel, widgets)
    for _ in range(30):
        qtbot.wait(50)
        now = places(panel, widgets)
        if now == last:
            return now
        last = now
    return last


@pytest.mark.parametrize("workspace", sorted(PANELS))
def test_a_message_moves_no_field_of_the_stage(qtbot, ws, staff, workspace):
    """Each stage panel on its own (the window around it arranges itself for its room as it
    likes): a one-line message in any of its message lines, shown and hidden, moves no field."""
    campaign = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus")
    panel = panel_class(workspace)(ws, lambda: staff[0].id)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.load(ws.campaigns.get(campaign.id))
    labels = [label for label in panel.findChildren(QLabel) if is_message_label(label)]
    assert labels, f"{workspace} has no message line"
    assert all(isinstance(label, MessageLabel) for label in labels)
    for label in labels:
        widgets = fields_of(panel)
        assert widgets
        before = settled(qtbot, panel, widgets)
        panel.show_error("Isian ini ditolak.", label)
        assert settled(qtbot, panel, widgets) == before, f"{workspace}, {label.objectName()} shown"
        panel.show_error(None, label)
        assert settled(qtbot, panel, widgets) == before, f"{workspace}, {label.objectName()} hidden"
        assert label.isHidden() and label.text() == ""


def test_a_long_message_wraps_to_the_width_it_is_given(qtbot):
    """A message takes the lines its text needs at its width (narrower: more lines), without
    switching its form to height-for-width layout."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from wawaran_desktop.views.inline_message import message_of

    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    edit = QLineEdit(form)
    label = MessageLabel(form)
    layout.addWidget(edit)
    layout.addWidget(label)
    layout.addStretch(1)
    message = message_of(label)
    form.resize(600, 300)
    form.show()
    qtbot.waitExposed(form)
    one_line = label.height()
    assert not layout.hasHeightForWidth()
    message.show("Waktu laporan diterima tidak boleh di masa depan (sekarang 27 November 2026 pukul 06.30 WIB).")
    assert not layout.hasHeightForWidth()
    form.resize(200, 300)
    qtbot.waitUntil(lambda: label.height() >= 3 * one_line - 2, timeout=3000)
    assert label.heightForWidth(label.width()) <= label.height()  # every line of it in view
    message.clear()
    form.resize(600, 300)
    qtbot.waitUntil(lambda: label.height() == one_line, timeout=3000)
