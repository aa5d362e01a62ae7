"""Tgl. Penyelesaian in the stage 5 form and on the sheet drawn by Qt (issue 14); the sifat most
urgent first, and a long recipient unit kept clear of the column's rule on the printed sheet."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from office import PDFTOTEXT, pdf_pages, pdf_text  # tests/office.py
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QDateEdit

from wawaran_desktop.documents.docx_base import TICKED, UNTICKED
from wawaran_desktop.reports import disposition_data
from wawaran_desktop.services.stages import disposition
from wawaran_desktop.services.stages.disposition import DispositionDraft, Service
from wawaran_desktop.views.documents import disposition_print
from wawaran_desktop.views.date_typing import typing_of
from wawaran_desktop.views.documents.sheet_painter import BREAK, SheetPainter

ONE_WORD_UNIT = "UPT_Pengelolaan_Mobil_Wawaran_Keliling_Diskominfo_Kota_Tangerang"
DAY = date(2026, 11, 27)  # the GUI clock's WIB day (tests/gui/conftest.py)


def open_panel(qtbot, window):
    """The stage 5 tab of the window, active so that focus moves between its fields."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.stageTabs.setCurrentIndex(4)
    return window.stages.stage(5).panel


def retype(qtbot, edit, text: str) -> None:
    """Type the field's date as a user does (digits; Delete to empty it), then leave it."""
    from wawaran_desktop.views.date_typing import typing_of

    qtbot.waitUntil(lambda: typing_of(edit) is not None, timeout=5000)  # typing is installed shortly after
    edit.setFocus()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def test_the_deadline_is_typed_checked_and_stored(qtbot, ws, staff, make_window):
    sub, _tim = staff
    campaign = ws.campaigns.create(sub.id, "Wawaran PBB", "Jatuh tempo PBB")
    window = make_window(ws, sub.id)
    panel = open_panel(qtbot, window)
    ui = panel.ui
    assert ui.dueCaption.text() == "Tgl. pen&yelesaian:" and ui.dueCaption.buddy() is ui.dueEdit
    assert isinstance(ui.dueEdit, QDateEdit) and ui.dueEdit.text() == "—"  # a date field, empty

    retype(qtbot, ui.dueEdit, "04/12/2026")
    assert Service(ws).get(campaign.id).due_on == date(2026, 12, 4)
    assert not ui.errorLabel.isVisible()

    retype(qtbot, ui.dueEdit, "20/11/2026")  # before the disposition's date: refused, kept in the field
    assert ui.errorLabel.isVisible()
    assert ui.errorLabel.text() == ("Tanggal penyelesaian (20/11/2026) tidak boleh sebelum tanggal disposisi "
                                    "(27/11/2026).")
    assert ui.dueEdit.text() == "20/11/2026"
    assert Service(ws).get(campaign.id).due_on == date(2026, 12, 4)  # what was stored stays

    retype(qtbot, ui.dueEdit, "31/11/2026")  # no such day: the field refuses it, under itself
    assert "31/11/2026" not in ui.dueEdit.text() and typing_of(ui.dueEdit).message
    retype(qtbot, ui.dueEdit, "1-12-2026")  # a dash or a dot is read too
    assert Service(ws).get(campaign.id).due_on == date(2026, 12, 1) and not ui.errorLabel.isVisible()
    retype(qtbot, ui.dueEdit, "")  # none: written by hand on the sheet
    assert Service(ws).get(campaign.id).due_on is None and ui.dueEdit.text() == "—"

    retype(qtbot, ui.dueEdit, "07/12/2026")
    window.close()
    again = make_window(ws, sub.id)
    panel = open_panel(qtbot, again)
    assert panel.ui.dueEdit.text() == "07/12/2026"  # read back as stored
    assert [panel.ui.sifatCombo.itemText(i) for i in range(panel.ui.sifatCombo.count())] == [
        "Sangat Segera", "Segera", "Rahasia", "Biasa"]


@pytest.fixture
def sheet(ws, staff):
    """A stored disposition, due 1 December, to a person of a long unit written as one word."""
    sub, tim = staff
    putri = ws.staff.add("Putri Ayu Wulandari, S.I.Kom.", None, ONE_WORD_UNIT, "tim")
    record = ws.campaigns.create(sub.id, "Wawaran DBD", "Satu rumah satu jumantik")
    disposition.Service(ws).save(sub.id, record.id, DispositionDraft(
        disposed_on=DAY, due_on=date(2026, 12, 1), sifat="Rahasia", hal="Sosialisasi DBD",
        recipient_ids=(tim.id, putri.id), instructions=("Koordinasikan",), signer_id=sub.id))
    return disposition_data.gather(ws, record.id)


def word_boxes(pdf) -> list[tuple[str, float, float, float]]:
    """(word, left, top, right) in millimetres, of the PDF's first page."""
    html = subprocess.run([PDFTOTEXT, "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    mm = 25.4 / 72
    return [(text, float(x0) * mm, float(y0) * mm, float(x1) * mm) for x0, y0, x1, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]


@pytest.mark.parametrize("paper", ("A4", "half_folio"))
def test_the_printed_sheet_shows_the_deadline_and_keeps_a_long_unit_inside_its_column(
        qapp, ws, staff, sheet, tmp_path, paper):
    sheet = sheet._replace(paper=paper)
    pdf = disposition_print.write_pdf(sheet, tmp_path / f"disposisi-{paper}.pdf")
    assert pdf_pages(pdf) == 1
    flat = " ".join(pdf_text(pdf, layout=True).split())
    assert "Tgl. Penyelesaian : 1 Desember 2026" in flat
    assert f"{UNTICKED} Sangat Segera {UNTICKED} Segera {TICKED} Rahasia {UNTICKED} Biasa" in flat
    assert BREAK not in pdf_text(pdf)  # the break points are not in the text one copies
    boxes = word_boxes(pdf)
    right_column = next(x0 for text, x0, _y, _x1 in boxes if text == "Dengan")
    top = next(y for text, _x0, y, _x1 in boxes if text == "Diteruskan")
    bottom = next(y for text, _x0, y, _x1 in boxes if text == "Catatan:")
    left = [(text, x1) for text, x0, y, x1 in boxes if top <= y < bottom and x0 < right_column - 1]
    assert all(x1 <= right_column - 3.0 for _text, x1 in left), left  # 2 mm each side of the rule, less ink
    assert ONE_WORD_UNIT in "".join(text for text, _x1 in left)  # every letter there, over two lines


def test_only_a_word_too_long_for_its_column_is_broken(qapp):
    font = QFont("Times New Roman")
    font.setPointSizeF(12)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance("UPT_Pengelolaan_Mobil")
    short = "Ahmad Fauzi (Pranata Humas pada Bidang Diseminasi)"
    assert SheetPainter.breakable(short, width, metrics) == short  # ordinary words wrap between themselves
    broken = SheetPainter.breakable(f"2. Putri ({ONE_WORD_UNIT})", width, metrics)
    assert broken.replace(BREAK, "") == f"2. Putri ({ONE_WORD_UNIT})"
    pieces = broken.split(" ")[-1].split(BREAK)
    assert len(pieces) >= 3 and all(metrics.horizontalAdvance(piece) <= width for piece in pieces)
