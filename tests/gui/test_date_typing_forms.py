"""The application's own forms take dates and times typed the office way (views/date_typing.py).

Each test opens the main window as a person of the step's lane (tests/crew.py), clicks into a
real field, types as staff type, and reads what was stored through the service.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from crew import lane_actor, step_actor
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from wawaran_desktop.db.stage_models import Location
from wawaran_desktop.services.campaigns import CampaignQuery
from wawaran_desktop.services.stages.disposition import Service as DispositionService
from wawaran_desktop.services.stages.dissemination import Service as DisseminationService
from wawaran_desktop.views.date_typing import typing_of
from wawaran_desktop.views.documents import workbook_export

KEEP = "Isian sebelumnya tetap dipakai."


def activate(qtbot, window):
    window.activateWindow()  # focus moves between fields only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def click_at(qtbot, edit, index):
    """A click on the character ``index`` of the field's text."""
    line = edit.findChild(QLineEdit)
    edit.setFocus()
    line.setCursorPosition(index)
    spot = line.cursorRect().center() + QPoint(2, 0)
    line.setCursorPosition(0)
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=spot)


def installed(qtbot, edit) -> None:
    """A form gets its typing shortly after it is built (views/date_typing.py install_typing_later)."""
    qtbot.waitUntil(lambda: typing_of(edit) is not None, timeout=5000)


def type_in(qtbot, edit, text, key=Qt.Key.Key_Tab):
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, key)


def test_disposition_date_typed_as_digits_is_stored(qtbot, ws, staff, make_window, tmp_path):
    cid = ws.campaigns.create(staff[0].id, "Wawaran PBB", "Jatuh tempo PBB").id
    window = make_window(ws, step_actor(ws, cid, 5))
    activate(qtbot, window)
    window.ui.stageTabs.setCurrentIndex(4)
    panel = window.stages.stage(5).panel
    edit = panel.ui.dateEdit
    installed(qtbot, edit)
    assert "hh/bb/tttt" in edit.toolTip()
    click_at(qtbot, edit, len(edit.text()) - 1)  # on the year of "Jumat, 27 November 2026"
    type_in(qtbot, edit, "03122026")
    assert edit.text() == "Kamis, 3 Desember 2026"
    assert DispositionService(ws).get(cid).disposed_on == date(2026, 12, 3)

    click_at(qtbot, edit, 2)
    type_in(qtbot, edit, "31022026", Qt.Key.Key_Return)
    typing = typing_of(edit)
    assert typing.message == f"Tanggal 31/02/2026 tidak ada di kalender. {KEEP}"
    assert typing.bubble.isVisible()
    assert edit.text() == "Kamis, 3 Desember 2026"
    assert DispositionService(ws).get(cid).disposed_on == date(2026, 12, 3)
    panel.grab().save(str(tmp_path / "disposition.png"))
    typing.bubble.grab().save(str(tmp_path / "refusal.png"))

    click_at(qtbot, edit, 2)
    type_in(qtbot, edit, "5-12-2026")
    assert DispositionService(ws).get(cid).disposed_on == date(2026, 12, 5)


def test_stage_7_arrival_and_departure_typed_the_office_way(qtbot, ws, clock, staff, make_window):
    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id  # at 06.30 WIB
    clock.advance(hours=3)  # the car is on its way at 09.30
    Location.create(campaign=cid, position=1, kelurahan_code="36.71.01.1007", address="Taman Gajah Tunggal",
                    planned_time="09:00")
    window = make_window(ws, lane_actor(ws, "kernet"))  # the dissemination is the Kernet/Supir's
    activate(qtbot, window)
    window.ui.stageTabs.setCurrentIndex(6)
    panel = window.stages.stage(7).panel
    for button in (panel.ui.syncButton, panel.ui.arriveButton, panel.ui.departButton):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    service = DisseminationService(ws)

    def stored():
        stop = service.route(cid).stops[0]
        return stop.arrived_at, stop.departed_at

    departed = stored()[1]
    arrived_edit = panel.ui.arrivedEdit
    installed(qtbot, arrived_edit)
    click_at(qtbot, arrived_edit, len(arrived_edit.text()) - 1)  # on the minutes
    type_in(qtbot, arrived_edit, "27112026 0915", Qt.Key.Key_Return)  # 09.15 WIB on 27 November
    assert stored() == (datetime(2026, 11, 27, 2, 15, tzinfo=timezone.utc), departed)
    assert arrived_edit.text() == "27/11/2026 09.15"

    click_at(qtbot, arrived_edit, 0)
    type_in(qtbot, arrived_edit, "27/11/2026 25.60", Qt.Key.Key_Return)
    assert typing_of(arrived_edit).message.startswith("Jam 25.60 tidak ada")
    assert arrived_edit.text() == "27/11/2026 09.15"
    assert stored() == (datetime(2026, 11, 27, 2, 15, tzinfo=timezone.utc), departed)

    # A whole value typed goes through the panel's own rules: departure before arrival is theirs.
    departed_edit = panel.ui.departedEdit
    click_at(qtbot, departed_edit, 3)
    type_in(qtbot, departed_edit, "27-11-2026 9.00", Qt.Key.Key_Return)
    assert panel.ui.errorLabel.text() == "Waktu berangkat tidak boleh sebelum waktu tiba."
    assert stored()[1] == departed
    click_at(qtbot, departed_edit, 3)
    type_in(qtbot, departed_edit, "271120260920", Qt.Key.Key_Return)
    assert stored() == (datetime(2026, 11, 27, 2, 15, tzinfo=timezone.utc),
                        datetime(2026, 11, 27, 2, 20, tzinfo=timezone.utc))


def test_workbook_export_period_typed_the_office_way(qtbot, ws, staff, make_window, modals):
    for title in ("Wawaran PBB", "Wawaran DBD"):
        ws.campaigns.create(staff[0].id, title, "Tema")
    window = make_window(ws)
    seen: dict[str, object] = {}

    def fill(dialog):
        ui = dialog.ui
        click_at(qtbot, ui.fromEdit, 7)  # on the year
        type_in(qtbot, ui.fromEdit, "01112026")
        click_at(qtbot, ui.toEdit, 0)
        type_in(qtbot, ui.toEdit, "30/11/2026")
        seen["november"] = (dialog.choice(), ui.countLabel.text())
        click_at(qtbot, ui.toEdit, 4)
        type_in(qtbot, ui.toEdit, "31112026")
        seen["refused"] = (ui.toEdit.text(), typing_of(ui.toEdit).message)
        click_at(qtbot, ui.fromEdit, 0)
        type_in(qtbot, ui.fromEdit, "1 12 2026")
        seen["backwards"] = (ui.countLabel.text(), dialog.ok.isEnabled())
        dialog.reject()

    modals.then(fill)
    assert workbook_export.export_workbook(window) is None
    choice, count = seen["november"]
    assert (choice.date_from, choice.date_to) == (date(2026, 11, 1), date(2026, 11, 30))
    expected = ws.campaigns.count(CampaignQuery("", None, date(2026, 11, 1), date(2026, 11, 30)))
    assert expected == 2 and count == f"{expected} kampanye cocok"
    assert seen["refused"] == ("30/11/2026", f"Tanggal 31/11/2026 tidak ada di kalender. {KEEP}")
    assert seen["backwards"] == ("Tanggal awal jatuh setelah tanggal akhir.", False)
