"""The window tells a campaign's working time by the one rule: every stage tab's timer and
status, and the campaign header's total (tests/seconds_campaign.py has the known seconds)."""

from __future__ import annotations

from fakes import Clock
from seconds_campaign import LATE, SECONDS, TEXT, TOTAL_TEXT, run_seconds_campaign

from wawaran_desktop.services.timing import is_late
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.text import durations


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


def test_a_cancelled_campaign_reads_as_stopped_in_the_tab_and_the_header(data_dir, make_window):
    """The same words as the chart, the report and the workbook: the running step's clock stopped."""
    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Batal").id
    ws.steps.start(sub.id, cid, 1)
    clock.advance(minutes=8)
    ws.campaigns.cancel(sub.id, cid, "Acara diundur")
    clock.advance(hours=2)
    window = make_window(ws)
    window.list.select(cid)
    # (the chip keeps its width: the bracketed part on a line of its own)
    assert window.stages.stage(1).ui.statusLabel.text() == "Terhenti\n(dibatalkan)"
    assert window.stages.stage(2).ui.statusLabel.text() == "Tidak dilaksanakan\n(dibatalkan)"
    assert window.ui.totalLabel.text() == ("Waktu kerja 8 mnt 00 dtk dari baku 185 mnt · Terhenti (dibatalkan) · "
                                           "Dibatalkan")
    window.close()
    ws.close()


def test_the_dissemination_time_follows_the_stage_tab_tick(data_dir, make_window):
    """The route's "Waktu diseminasi" and the stage tab's timer are told from one tick and clock."""
    from crew import step_actor
    from stage_content import fill_stage

    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Rute").id
    fill_stage(ws, sub.id, cid, 2)  # a route to drive
    driver = step_actor(ws, cid, 7)  # the dissemination is the Kernet/Supir's (and the Tim's)
    ws.steps.start(driver, cid, 7, reason="Uji langsung diseminasi")
    window = make_window(ws, driver)
    window.list.select(cid)
    window.ui.stageTabs.setCurrentIndex(6)
    tab = window.stages.stage(7)
    for seconds in (70, 1):
        clock.advance(seconds=seconds)
        window.tick()
        assert tab.ui.elapsedLabel.text() == durations.text(ws.campaigns.get(cid).step(7).elapsed(clock()))
        assert tab.panel.ui.elapsedLabel.text() == f"Waktu diseminasi {tab.ui.elapsedLabel.text()} / 120 mnt · Berjalan"
    window.close()
    ws.close()
