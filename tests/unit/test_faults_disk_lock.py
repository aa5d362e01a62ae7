"""Faults told plainly (issue 16), made deterministic on real files: a full disk (SQLite's
``max_page_count`` caps the file) during a stream of saves, and a write lock held by another process
longer than the 5 s the application waits. Nothing acknowledged is lost, the file stays whole, the
error says what happened (not ``cannot rollback - no transaction is active``), and the command line
prints one Indonesian ``galat:`` line with exit code 2, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import OperationalError

from wawaran_desktop.db.faults import describe
from wawaran_desktop.db.models import database

ROOT = Path(__file__).resolve().parents[2]


def test_a_full_disk_during_saves_loses_nothing_acknowledged_and_says_so(ws, actor, restart):
    campaign = ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + 6}")  # the disk fills after a few saves
    acknowledged = {}
    with pytest.raises(OperationalError) as full:
        for i in range(1, 500):
            ws.steps.set_notes(actor.id, campaign.id, 1, f"catatan {i} " + "x" * 3000 * i)
            acknowledged["notes"] = i
            created = ws.campaigns.create(actor.id, f"Kampanye {i}")  # with its steps and chained audit entry
            acknowledged[created.id] = f"Kampanye {i}"
    assert "disk is full" in str(full.value)  # the cause, not peewee's failed ROLLBACK after it
    told = describe(full.value)
    assert told.startswith("Penyimpanan komputer penuh: kosongkan ruang disk") and "tetap aman" in told
    assert acknowledged["notes"] >= 2
    ws = restart(ws)  # what was acknowledged is there after a restart, the file whole
    assert ws.campaigns.get(campaign.id).step(1).notes.startswith(f"catatan {acknowledged['notes']} ")
    for cid, title in acknowledged.items():
        if cid != "notes":
            assert ws.campaigns.get(cid).title == title and len(ws.campaigns.get(cid).steps) == 9
    assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    from wawaran_desktop.services.history import HistoryService

    assert HistoryService(ws).verify().whole
    ws.campaigns.create(actor.id, "Setelah ruang disk dikosongkan")  # no cap on the new connection


def test_a_full_disk_inside_a_nested_transaction_still_tells_the_cause(ws, actor):
    """A save whose audit entry (a savepoint inside its transaction) hits the full disk."""
    campaign = ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(OperationalError, match="disk is full"):
        for i in range(200):
            ws.campaigns.rename(actor.id, campaign.id, f"Judul {i} " + "y" * 150)
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    ws.campaigns.rename(actor.id, campaign.id, "Judul akhir")
    assert ws.campaigns.get(campaign.id).title == "Judul akhir"


HOLD_THE_LOCK = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
print("terkunci", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
"""


def test_a_write_lock_held_by_another_process_is_told_by_the_command_line(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("WAWARAN_PASSWORD", None)
    main = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)]
    assert subprocess.run([*main, "list"], capture_output=True, env=env, timeout=60).returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_LOCK, str(data / "wawaran.sqlite3")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "terkunci"
        result = subprocess.run([*main, "demo", "--campaigns", "2"], capture_output=True, text=True, env=env,
                                timeout=120)
    finally:
        holder.communicate("\n", timeout=30)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("galat: Basis data sedang dikunci oleh program lain lebih dari 5 detik")
    assert "Traceback" not in result.stderr
    con = sqlite3.connect(data / "wawaran.sqlite3")
    try:
        assert con.execute("SELECT COUNT(*) FROM campaign").fetchone() == (0,)  # nothing half-written
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
