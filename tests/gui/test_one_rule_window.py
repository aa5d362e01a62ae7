"""The window tells a campaign's working time by the one rule: every stage tab's timer and
status, and the campaign header's total (tests/seconds_campaign.py has the known seconds)."""

from __future__ import annotations

from fakes import Clock
from seconds_campaign import LATE, SECONDS, TEXT, TOTAL_TEXT, run_seconds_campaign

from wawaran_desktop.services.timing import is_late
from wawaran_desktop.services.workspace import open_workspace


def test_every_stage_tab_and_the_header_agree_with_the_stored_seconds(data_dir, make_window):
    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = run_seconds_campaign(ws, lambda delta: clock.advance(seconds=delta.total_seconds()), sub.id)
    window = make_window(ws)
    window.list.select(cid)
    record = window.record
    for no in range(1, 10):
        tab = window.stages.stage(no)
        standard = record.step(no).standard_minutes
        assert tab.ui.elapsedLabel.text() == TEXT[no], f"stage {no}"
        assert tab.ui.wallLabel.text().split("\n")[0] == f"dari baku {standard} mnt"
        status = tab.ui.statusLabel.text().split("\n")
        assert status[0] == ("Terlambat" if no in LATE else "Tepat waktu"), f"stage {no}"
        assert is_late(SECONDS[no], standard, ws.thresholds) == (no in LATE)
        if no in LATE:  # the figure past the standard, to the second
            over = SECONDS[no] - standard * 60
            assert status[1] == f"+{over // 60} mnt {over % 60:02d} dtk"
        else:
            assert len(status) == 1
    assert window.ui.totalLabel.text() == f"Waktu kerja {TOTAL_TEXT} dari baku 185 mnt · Tepat waktu · Selesai"
    window.close()
    ws.close()
