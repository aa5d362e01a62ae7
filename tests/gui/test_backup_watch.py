"""After start-up, on the thread pool (views/backup_watch.py): the quick integrity check and the day's
automatic backup, never before the window is up; once per WIB day of the workspace clock; damage
told with the way out, which opens *Cadangan & Pemulihan* with the newest good backup selected."""

from __future__ import annotations

from pathlib import Path

from damage import damage_table, fill_reports  # tests/damage.py
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.views import backup_watch
from wawaran_desktop.views.backup_dialog import BackupDialog


def autos(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "backups").glob("wawaran-otomatis-*.sqlite3"))






def test_the_check_and_backup_wait_until_the_window_is_up_then_run_hourly(ws, staff, make_window, qtbot,
                                                                          monkeypatch):
    assert backup_watch.AFTER_START_MS >= 1000 and backup_watch.CHECK_EVERY_MS == 3_600_000
    monkeypatch.setattr(backup_watch, "AFTER_START_MS", 300)
    ws.campaigns.create(staff[0].id, "Sosialisasi PBB 2027")
    window = make_window(ws, staff[0].id)
    assert autos(ws.data_dir) == []  # nothing done while the window was built
    assert window.backup_watch.timer.isActive() and window.backup_watch.timer.interval() == 3_600_000
    with qtbot.waitSignal(window.backup_watch.checked, timeout=10_000) as blocker:
        pass
    outcome = blocker.args[0]
    assert outcome.integrity.ok and outcome.backup is not None and outcome.problem == ""
    assert autos(ws.data_dir) == [outcome.backup.name] and outcome.backup.name.startswith("wawaran-otomatis-20261126T")
    assert window.statusBar().currentMessage() == (f"Cadangan otomatis hari ini dibuat ({outcome.backup.when_text}, "
                                                   "1 kampanye).")


def test_one_automatic_backup_per_wib_day_of_the_workspace_clock(ws, staff, make_window, qtbot, clock):
    window = make_window(ws, staff[0].id)
    watch = window.backup_watch
    for _ in range(2):  # 06.30 WIB on the 27th (the 26th in UTC), then again the same day
        with qtbot.waitSignal(watch.checked, timeout=10_000):
            watch.run()
    assert len(autos(ws.data_dir)) == 1
    clock.advance(hours=17)  # 23.30 WIB, still the 27th
    with qtbot.waitSignal(watch.checked, timeout=10_000) as blocker:
        watch.run()
    assert blocker.args[0].backup is None and len(autos(ws.data_dir)) == 1
    clock.advance(hours=1)  # 00.30 WIB on the 28th (17.30 UTC on the 27th)
    with qtbot.waitSignal(watch.checked, timeout=10_000) as blocker:
        watch.run()
    assert blocker.args[0].backup is not None and len(autos(ws.data_dir)) == 2


def test_damage_is_told_with_the_way_out_and_opens_the_restore_with_the_good_backup(ws, staff, make_window, qtbot,
                                                                                    modals):
    ids = [ws.campaigns.create(staff[0].id, f"Kampanye {i}").id for i in range(30)]
    fill_reports(ws.db_path, ids)
    good = ws.backups.create()
    window = make_window(ws, staff[0].id)
    damage_table(ws.db_path, "report", 25)
    seen: dict[str, object] = {}

    def warned(box):
        assert isinstance(box, QMessageBox)
        seen["title"], seen["text"], seen["more"] = box.windowTitle(), box.text(), box.informativeText()
        next(b for b in box.buttons() if "Cadangan" in b.text()).click()

    def dialog_opened(dialog):
        assert isinstance(dialog, BackupDialog)
        seen["selected"] = dialog.selected().path
        dialog.ui.buttonBox.rejected.emit()

    modals.then(warned).then(dialog_opened)
    with qtbot.waitSignal(window.backup_watch.checked, timeout=10_000) as blocker:
        window.backup_watch.run()
    assert not modals.pending and not modals.errors
    outcome = blocker.args[0]
    assert not outcome.integrity.ok and outcome.backup is None
    assert autos(ws.data_dir) == []  # a damaged file is never backed up
    assert seen["title"] == "Basis data rusak"
    assert "RUSAK" in seen["text"] and "Jalan keluar: pulihkan cadangan baik terbaru" in seen["text"]
    assert seen["more"].startswith("Jangan lanjutkan pekerjaan pada berkas ini.")
    assert seen["selected"] == good.path
    assert window.statusBar().currentMessage() == "Basis data rusak: lihat pesan peringatan."
    with qtbot.waitSignal(window.backup_watch.checked, timeout=10_000):  # an hour later: told once, not again
        window.backup_watch.run()
    assert not modals.pending
