"""The window's "today" (the campaign list's period) is WIB's date by the workspace clock, at
moments when the machine's own date differs from WIB's (see tests/unit/test_wib_today.py)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from fakes import TickingClock

from wawaran_desktop.services.clock import WIB
from wawaran_desktop.services.workspace import open_workspace

CASES = [
    ("Etc/GMT+12", datetime(2026, 11, 27, 0, 30, tzinfo=WIB), date(2026, 11, 27)),
    ("Pacific/Kiritimati", datetime(2026, 11, 26, 23, 30, tzinfo=WIB), date(2026, 11, 26)),
]


@pytest.mark.parametrize(("zone", "moment", "wib_day"), CASES, ids=[c[0] for c in CASES])
def test_the_period_filter_ends_today_in_wib_and_lists_what_was_just_made(
        qtbot, data_dir, make_window, machine_zone, zone, moment, wib_day):
    machine_zone(zone)
    clock = TickingClock(moment.astimezone(timezone.utc))
    assert clock().astimezone().date() != wib_day  # the machine's date is another day
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    ws.campaigns.create(sub.id, "Wawaran Tengah Malam")
    window = make_window(ws)
    assert window.ui.dateTo.date().toPython() == wib_day
    window.ui.dateFrom.setDate(window.ui.dateTo.date())
    window.ui.periodCheck.setChecked(True)  # only today's campaigns: the one just made
    assert window.list.model.rowCount() == 1
    assert window.list.model.index(0, 1).data() == "Wawaran Tengah Malam"
    window.close()
    ws.close()


def test_at_midnight_wib_a_period_ending_today_goes_on_ending_today(qtbot, data_dir, make_window):
    clock = TickingClock(datetime(2026, 11, 26, 23, 59, 30, tzinfo=WIB).astimezone(timezone.utc))
    ws = open_workspace(data_dir, clock=clock)
    ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    window = make_window(ws)
    window.ui.periodCheck.setChecked(True)
    assert window.ui.dateTo.date().toPython() == date(2026, 11, 26)
    clock.advance(minutes=1)  # 00.00.30 WIB on the 27th
    window.tick()
    assert window.ui.dateTo.date().toPython() == date(2026, 11, 27)
    window.ui.dateTo.setDate(window.ui.dateTo.date().addDays(-3))  # a period the user chose
    clock.advance(days=1)
    window.tick()
    assert window.ui.dateTo.date().toPython() == date(2026, 11, 24)  # stays where it was put
    window.close()
    ws.close()
