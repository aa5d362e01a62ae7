"""Date and time fields typed into the way office staff type (views/date_typing.py).

Each test types as a person does: a click somewhere in the field, then keys (pytest-qt's
keyClicks/keyClick), and reads the value the editor holds afterwards.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import (QApplication, QDateEdit, QDateTimeEdit, QFormLayout, QLineEdit, QTableView,
                               QTimeEdit, QWidget)

from wawaran_desktop.views import calendar_fit
from wawaran_desktop.views.date_typing import install_typing, install_typing_all, typing_of
from wawaran_desktop.views.wib_time import WIB_ZONE, from_qdatetime

START_DATE = QDate(2026, 11, 27)
START_TIME = QTime(8, 15)
KEEP = "Isian sebelumnya tetap dipakai."


class Form(QWidget):
    """A form as Designer makes them: a date, a time, a WIB date-time and a text field."""

    def __init__(self) -> None:
        super().__init__()
        layout = QFormLayout(self)
        self.date = QDateEdit(START_DATE, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.date.setMinimumDate(QDate(2000, 1, 1))
        self.time = QTimeEdit(START_TIME, displayFormat="HH.mm")
        self.moment = QDateTimeEdit(displayFormat="dd/MM/yyyy HH.mm", toolTip="Waktu tiba (WIB)")
        self.moment.setTimeZone(WIB_ZONE)
        self.moment.setDateTime(QDateTime(START_DATE, START_TIME, WIB_ZONE))
        self.note = QLineEdit()
        for label, widget in (("Tanggal", self.date), ("Jam", self.time), ("Tiba", self.moment),
                              ("Catatan", self.note)):
            layout.addRow(label, widget)


@pytest.fixture
def form(qtbot):
    widget = Form()
    qtbot.addWidget(widget)
    install_typing_all(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # focus moves between fields only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def line_of(edit):
    return edit.findChild(QLineEdit)


def click_at(qtbot, edit, index):
    """A click on the character ``index`` of the field's text (the cursor was elsewhere)."""
    line = line_of(edit)
    edit.setFocus()
    line.setCursorPosition(index)
    spot = line.cursorRect().center() + QPoint(2, 0)
    line.setCursorPosition(0)
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=spot)


def type_in(qtbot, edit, text, key=Qt.Key.Key_Return):
    qtbot.keyClicks(edit, text)
    if key is not None:
        qtbot.keyClick(edit, key)


def test_a_click_on_the_year_then_digits_fill_the_date_from_its_day(qtbot, form):
    changes = []
    form.date.dateChanged.connect(changes.append)
    click_at(qtbot, form.date, len(form.date.text()) - 1)
    assert form.date.currentSection() == QDateTimeEdit.Section.YearSection  # the click landed on the year
    qtbot.keyClicks(form.date, "0312")
    assert line_of(form.date).text() == "0312"  # what is typed is shown as typed ...
    assert changes == [] and form.date.date() == START_DATE  # ... and nothing is set half-typed
    type_in(qtbot, form.date, "2026")
    assert form.date.date() == QDate(2026, 12, 3)
    assert form.date.text() == "03/12/2026"
    assert changes and set(changes) == {QDate(2026, 12, 3)}  # (Qt repeats it for Enter)


def test_a_click_on_the_minutes_then_digits_fill_the_time_from_its_hour(qtbot, form):
    click_at(qtbot, form.time, len(form.time.text()) - 1)
    assert form.time.currentSection() == QDateTimeEdit.Section.MinuteSection
    type_in(qtbot, form.time, "0930")
    assert form.time.time() == QTime(9, 30)
    assert form.time.text() == "09.30"


@pytest.mark.parametrize("typed", ["03122026", "3/12/2026", "03-12-2026", "3 12 2026", "3.12.26", "3122026"])
def test_date_spellings_and_tab_leaves_the_field(qtbot, form, typed):
    click_at(qtbot, form.date, 4)  # the month
    type_in(qtbot, form.date, typed, Qt.Key.Key_Tab)
    assert form.date.date() == QDate(2026, 12, 3)
    assert form.date.text() == "03/12/2026"
    assert not form.date.hasFocus()  # Tab after a whole value goes on to the next field


@pytest.mark.parametrize("typed", ["0930", "9.30", "09:30", "930"])
def test_time_spellings(qtbot, form, typed):
    click_at(qtbot, form.time, 1)
    type_in(qtbot, form.time, typed)
    assert form.time.time() == QTime(9, 30)


@pytest.mark.parametrize("typed", ["03122026 0930", "3/12/2026 9.30", "03-12-2026 09:30", "3 12 2026 930",
                                   "031220260930"])
def test_date_time_spellings_are_wib(qtbot, form, typed):
    click_at(qtbot, form.moment, len(form.moment.text()) - 1)  # the minutes
    type_in(qtbot, form.moment, typed)
    assert form.moment.text() == "03/12/2026 09.30"
    assert from_qdatetime(form.moment.dateTime()) == datetime(2026, 12, 3, 2, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("date", "31022026", "Tanggal 31/02/2026 tidak ada di kalender."),
    ("date", "03132026", "Tanggal 03/13/2026 tidak ada: bulan ditulis 01 sampai 12."),
    ("date", "1112026", "“1112026” bisa dibaca 01/11/2026 atau 11/01/2026"),
    ("date", "01011999", "Isian harus antara 01/01/2000 dan"),
    ("time", "2560", "Jam 25.60 tidak ada: jam ditulis 00 sampai 23, menit 00 sampai 59."),
    ("time", "9.3", "Menit ditulis dengan 2 angka"),
    ("moment", "31022026 0930", "Tanggal 31/02/2026 tidak ada di kalender."),
    ("moment", "03122026 2460", "Jam 24.60 tidak ada"),
    ("moment", "03122026", "Ketik juga jamnya: hh/bb/tttt jj.mm"),
])
def test_an_impossible_value_is_refused_with_a_message_and_the_old_value_kept(qtbot, form, field, typed, message):
    edit = getattr(form, field)
    before, shown = edit.dateTime(), edit.text()
    changes = []
    edit.dateTimeChanged.connect(changes.append)
    refusals = []
    typing_of(edit).refused.connect(refusals.append)
    click_at(qtbot, edit, 1)
    type_in(qtbot, edit, typed)
    assert edit.dateTime() == before and edit.text() == shown and changes == []
    typing = typing_of(edit)
    assert typing.message.startswith(message) and typing.message.endswith(KEEP)
    assert refusals == [typing.message]
    assert typing.bubble.isVisible() and typing.bubble.text() == typing.message
    assert edit.hasFocus()  # Enter on a refused value keeps the person in the field
    type_in(qtbot, edit, "03122026 1000" if field == "moment" else "03122026" if field == "date" else "1000")
    assert edit.dateTime() != before and not typing.bubble.isVisible()


def test_leaving_the_field_reads_what_was_typed_and_refuses_it_there_too(qtbot, form):
    click_at(qtbot, form.time, 0)
    type_in(qtbot, form.time, "1545", key=None)
    form.note.setFocus()  # a click elsewhere
    qtbot.waitUntil(lambda: form.note.hasFocus())
    assert form.time.time() == QTime(15, 45)
    click_at(qtbot, form.time, 0)
    type_in(qtbot, form.time, "2575", key=None)
    form.note.setFocus()
    qtbot.waitUntil(lambda: form.note.hasFocus())
    assert form.time.time() == QTime(15, 45) and form.time.text() == "15.45"
    assert typing_of(form.time).message.startswith("Jam 25.75 tidak ada")


def test_arrow_keys_still_step_and_escape_puts_the_value_back(qtbot, form):
    click_at(qtbot, form.date, 0)  # the day
    qtbot.keyClick(form.date, Qt.Key.Key_Up)
    assert form.date.date() == START_DATE.addDays(1)
    qtbot.keyClick(form.date, Qt.Key.Key_Down)
    qtbot.keyClick(form.date, Qt.Key.Key_Down)
    assert form.date.date() == START_DATE.addDays(-1)
    qtbot.keyClicks(form.date, "0312")
    qtbot.keyClick(form.date, Qt.Key.Key_Escape)
    assert form.date.date() == START_DATE.addDays(-1) and form.date.text() == "26/11/2026"
    # typing, then an arrow: what was typed is taken, then the arrow steps as ever
    click_at(qtbot, form.time, 0)  # the hour
    qtbot.keyClicks(form.time, "0930")
    qtbot.keyClick(form.time, Qt.Key.Key_Up)
    assert form.time.time() == QTime(10, 30)


def test_backspace_corrects_and_a_year_may_be_left_out(qtbot, form):
    click_at(qtbot, form.date, 0)
    qtbot.keyClicks(form.date, "0313")
    qtbot.keyClick(form.date, Qt.Key.Key_Backspace)
    type_in(qtbot, form.date, "22027")
    assert form.date.date() == QDate(2027, 12, 3)
    type_in(qtbot, form.date, "5/1")  # day and month only: the year the field shows
    assert form.date.date() == QDate(2027, 1, 5)


def test_an_empty_field_needs_the_year_and_then_takes_the_value(qtbot, form):
    empty = QDateTime(QDate(2000, 1, 1), QTime(0, 0), WIB_ZONE)
    form.moment.setMinimumDateTime(empty)
    form.moment.setSpecialValueText("—")
    form.moment.setDateTime(empty)
    click_at(qtbot, form.moment, 0)
    type_in(qtbot, form.moment, "3/12 9.30")
    assert form.moment.dateTime() == empty and form.moment.text() == "—"
    assert "ditulis dengan 4 angka" in typing_of(form.moment).message
    type_in(qtbot, form.moment, "3/12/2026 9.30")
    assert form.moment.dateTime() == QDateTime(QDate(2026, 12, 3), QTime(9, 30), WIB_ZONE)


def test_the_field_says_what_to_type(form):
    assert form.date.toolTip() == "Ketik hh/bb/tttt, mis. 03122026 atau 3/12/2026."
    assert form.time.toolTip() == "Ketik jj.mm, mis. 0930 atau 9.30."
    assert form.moment.toolTip() == "Waktu tiba (WIB)\nKetik hh/bb/tttt jj.mm, mis. 03122026 0930 atau 3/12/2026 9.30."
    assert line_of(form.date).placeholderText() == "hh/bb/tttt"
    assert line_of(form.moment).placeholderText() == "hh/bb/tttt jj.mm"
    install_typing(form.date)  # once only, however often installed
    install_typing_all(form)
    assert form.date.toolTip().count("Ketik") == 1
    assert len(form.date.findChildren(type(typing_of(form.date)))) == 1


def test_a_read_only_field_takes_no_typing(qtbot, form):
    form.date.setReadOnly(True)
    click_at(qtbot, form.date, 0)
    type_in(qtbot, form.date, "03122026")
    assert form.date.date() == START_DATE


# -- the calendar popup ------------------------------------------------------------------------
def open_calendar(qtbot, edit):
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))
    popup = edit.calendarWidget().window()
    qtbot.waitUntil(popup.isVisible)
    return popup


def assert_every_week_shown(edit):
    view = edit.calendarWidget().findChild(QTableView)
    model, viewport = view.model(), view.viewport().rect()
    assert model.rowCount() == 7  # the weekday names and six weeks
    for row in range(model.rowCount()):
        assert view.rowHeight(row) >= view.sizeHintForRow(row)
        for col in range(model.columnCount()):
            assert viewport.contains(view.visualRect(model.index(row, col))), (row, col, viewport)


@pytest.fixture
def larger_text(qapp):
    """Windows' 150% scaling as far as layout goes: every font half as large again."""
    font = qapp.font()
    bigger = qapp.font()
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    yield
    qapp.setFont(font)


@pytest.mark.parametrize("padding", [0, 3])
def test_the_calendar_popup_shows_all_six_weeks(qtbot, form, padding):
    if padding:  # a style that pads its cells (as Windows' does): Qt's own size cuts the last week
        form.date.calendarWidget().setStyleSheet(f"QAbstractItemView {{ padding: {padding}px; }}")
    form.date.setDate(QDate(2026, 8, 1))  # a month over six weeks
    popup = open_calendar(qtbot, form.date)
    assert_every_week_shown(form.date)
    assert calendar_fit.missing(form.date.calendarWidget()) == (0, 0)
    popup.close()
    popup = open_calendar(qtbot, form.date)  # the second opening is right at once
    assert_every_week_shown(form.date)
    popup.close()


def test_the_calendar_popup_at_150_percent(qtbot, larger_text):
    widget = Form()
    qtbot.addWidget(widget)
    install_typing_all(widget)
    widget.date.calendarWidget().setStyleSheet("QAbstractItemView { padding: 3px; }")
    widget.show()
    qtbot.waitExposed(widget)
    popup = open_calendar(qtbot, widget.date)
    assert_every_week_shown(widget.date)
    assert popup.frameGeometry().bottom() <= widget.date.screen().availableGeometry().bottom()
    popup.close()
