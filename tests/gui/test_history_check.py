"""*Bantuan → Periksa Riwayat…* says what ``verify-history`` says, in a message box."""

from __future__ import annotations

import sqlite3

from wawaran_desktop.db.models import AuditEntry


def test_the_menu_item_reports_a_whole_history_then_the_edited_row(ws, staff, make_window, modals):
    window = make_window(ws, staff[0].id)
    ws.campaigns.create(staff[0].id, "Wawaran PBB")
    assert window.history_check.action in window.ui.menuHelp.actions()
    assert window.history_check.action.text() == "Periksa Riwayat…"
    modals.then(lambda box: box.accept())
    window.history_check.action.trigger()
    assert "Riwayat utuh: 1 entri berantai" in modals.texts[-1]

    entry = AuditEntry.get(AuditEntry.action == "create")
    con = sqlite3.connect(ws.db_path)
    con.execute(f"UPDATE audit_entry SET detail = 'palsu' WHERE id = {entry.id}")
    con.commit()
    con.close()
    modals.then(lambda box: box.accept())
    window.history_check.action.trigger()
    assert "Riwayat TIDAK utuh" in modals.texts[-1] and f"catatan audit id {entry.id}" in modals.texts[-1]
