"""*Bantuan → Periksa Riwayat…* says what ``verify-history`` says, in a message box — checked on the
thread pool (workers.Job) while the window stays usable. The chain's first entry is the first
administrator's account, made when the test's person signed in (tests/accounts.py); the
campaign's creation is the second."""

from __future__ import annotations

import sqlite3
import threading

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.services.history import HistoryService


def test_the_menu_item_reports_a_whole_history_then_the_edited_row(qtbot, ws, staff, make_window, modals):
    window = make_window(ws, staff[0].id)
    ws.campaigns.create(staff[0].id, "Wawaran PBB")
    check = window.history_check
    assert check.action in window.ui.menuHelp.actions()
    assert check.action.text() == "Periksa Riwayat…"
    modals.then(lambda box: box.accept())
    check.action.trigger()
    qtbot.waitUntil(lambda: modals.pending == 0 and not check.busy)
    assert "Riwayat utuh: 2 entri berantai" in modals.texts[-1]  # the account, then the campaign

    entry = AuditEntry.get(AuditEntry.action == "create")
    con = sqlite3.connect(ws.db_path)
    con.execute(f"UPDATE audit_entry SET detail = 'palsu' WHERE id = {entry.id}")
    con.commit()
    con.close()
    modals.then(lambda box: box.accept())
    check.action.trigger()
    qtbot.waitUntil(lambda: modals.pending == 0 and not check.busy)
    assert "Riwayat TIDAK utuh" in modals.texts[-1] and f"catatan audit id {entry.id}" in modals.texts[-1]
    assert not modals.errors


def test_the_check_runs_on_the_thread_pool_and_the_answer_comes_when_done(qtbot, ws, staff, make_window, modals,
                                                                          monkeypatch):
    """The GUI thread only starts the check: the item waits, disabled, with a word in the status
    bar, and the message box comes once the pool's thread has the answer."""
    window = make_window(ws, staff[0].id)
    ws.campaigns.create(staff[0].id, "Wawaran PBB")
    threads = []
    verify = HistoryService.verify

    def recorded(service):
        threads.append(threading.current_thread())
        return verify(service)

    monkeypatch.setattr(HistoryService, "verify", recorded)
    check = window.history_check
    modals.then(lambda box: box.accept())
    check.action.trigger()
    # Back in the GUI thread at once: the answer is delivered later, through the event loop.
    assert check.busy and not check.action.isEnabled() and not modals.seen
    assert window.statusBar().currentMessage() == "Memeriksa riwayat…"
    qtbot.waitUntil(lambda: modals.pending == 0 and not check.busy)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert "Riwayat utuh: 2 entri berantai" in modals.texts[-1] and not modals.errors
    assert check.action.isEnabled() and window.statusBar().currentMessage() == ""


def test_a_check_that_fails_says_so(qtbot, ws, staff, make_window, modals):
    window = make_window(ws, staff[0].id)
    con = sqlite3.connect(ws.db_path)  # the chain's table gone: the check cannot read it
    con.execute("DROP TABLE history_link")
    con.commit()
    con.close()
    modals.then(lambda box: box.accept())
    window.history_check.action.trigger()
    qtbot.waitUntil(lambda: modals.pending == 0 and not window.history_check.busy)
    assert modals.texts[-1].startswith("Riwayat tidak dapat diperiksa: ") and "history_link" in modals.texts[-1]
    assert window.history_check.action.isEnabled() and not modals.errors
