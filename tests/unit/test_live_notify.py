"""Change notices between PCs and processes, on real engines (no mocks): a commit made by
another process reaches a PostgreSQL listener with the campaign's id, and SQLite's
data_version counts another process's commit; a lost server connection is told apart and
mended once the server is back."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wawaran_desktop.db import notify, reconnect
from wawaran_desktop.db.models import database
from wawaran_desktop.services.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]

#: What another PC does: open the same database and create a campaign; prints its id.
WRITER = textwrap.dedent("""
    import sys
    from wawaran_desktop.services.workspace import open_workspace
    data_dir, url = sys.argv[1], sys.argv[2] or None
    ws = open_workspace(data_dir, database_url=url)
    actor = ws.staff.list()[0].id
    print(ws.campaigns.create(actor, "Dari PC lain", "").id)
    ws.close()
""")


def write_elsewhere(data_dir: Path, url: str | None) -> int:
    result = subprocess.run([sys.executable, "-c", WRITER, str(data_dir), url or ""], check=False, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip())


def heard(listener: notify.Listener, want: int, rounds: int = 40) -> set[int] | None:
    """What the listener hears until campaign ``want`` is among it (or ``rounds`` waits passed)."""
    ids: set[int] = set()
    for _ in range(rounds):
        got = notify.merge(listener.wait(0.25))
        if got is None:
            return None
        ids |= got
        if want in ids:
            break
    return ids


@pytest.fixture
def pg_ws(tmp_path, pg_url):
    workspace = open_workspace(tmp_path / "pc1", database_url=pg_url)
    workspace.staff.add("Siti Rahmawati", None, "Sub Koordinator", "subkor")
    yield workspace
    workspace.close()


def test_merge_reads_campaign_ids_and_everything():
    assert notify.merge(["3", "5", "3"]) == {3, 5}
    assert notify.merge(["1,2"]) == {1, 2}
    assert notify.merge(["4", notify.EVERYTHING]) is None
    assert notify.merge([]) == frozenset()


def test_every_application_table_notifies_on_postgres(pg_ws):
    db = database.obj
    tables = {r[0] for r in db.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    triggered = {r[0] for r in db.execute_sql(
        "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE t.tgname = 'wawaran_notify' AND NOT t.tgisinternal")}
    assert tables - triggered == {"schema_version"}


def test_a_commit_by_another_process_reaches_the_listener_with_its_campaign(pg_ws, tmp_path):
    pg_ws.campaigns.create(pg_ws.staff.list()[0].id, "Pertama", "")  # registers the SOP (a '*' change)
    listener = notify.Listener(database.obj)
    listener.connect()
    try:
        campaign_id = write_elsewhere(tmp_path / "pc2", pg_ws.database_url)
        assert heard(listener, campaign_id) == {campaign_id}
        # A change of something that is not a campaign's (a member of staff): everything.
        pg_ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
        assert notify.merge(listener.wait(5)) is None
    finally:
        listener.close()


def test_a_rolled_back_transaction_sends_nothing_and_a_commit_sends_each_campaign_once(pg_ws):
    actor = pg_ws.staff.list()[0].id
    first = pg_ws.campaigns.create(actor, "Pertama", "")
    listener = notify.Listener(database.obj)
    listener.connect()
    try:
        db = database.obj
        with db.atomic() as txn:
            db.execute_sql("UPDATE campaign SET title = 'batal' WHERE id = %s", (first.id,))
            txn.rollback()
        with db.atomic():
            for _ in range(3):
                db.execute_sql("UPDATE campaign SET title = title || '!' WHERE id = %s", (first.id,))
        payloads = listener.wait(5)
        assert payloads == [str(first.id)]
        assert listener.wait(0.3) == []
    finally:
        listener.close()


def test_sqlite_data_version_counts_another_process_commit_not_its_own(tmp_path):
    data_dir = tmp_path / "data"
    ws = open_workspace(data_dir)
    try:
        ws.staff.add("Siti Rahmawati", None, "Sub Koordinator", "subkor")
        before = notify.data_version()
        ws.campaigns.create(ws.staff.list()[0].id, "Di jendela ini", "")
        assert notify.data_version() == before  # its own commit is not news
        write_elsewhere(data_dir, None)
        assert notify.data_version() != before
        assert notify.Listener is not None and not notify.is_server()
        assert not reconnect.connection_lost(RuntimeError("x"))
    finally:
        ws.close()


def test_a_lost_connection_is_told_apart_and_mended_when_the_server_is_back(tmp_path, private_pg):
    ws = open_workspace(tmp_path / "pc", database_url=private_pg.url(private_pg.create_database()))
    try:
        db = database.obj
        with pytest.raises(Exception) as refused:  # a broken statement is not a lost connection
            db.execute_sql("SELECT * FROM no_such_table")
        assert not reconnect.connection_lost(refused.value)
        db.rollback()
        assert reconnect.usable()
        private_pg.halt()
        with pytest.raises(Exception) as lost:
            ws.staff.add("Siti Rahmawati", None, "Sub Koordinator", "subkor")
        assert reconnect.connection_lost(lost.value)
        assert not reconnect.reconnect()  # still down
        private_pg.resume()
        assert reconnect.reconnect()
        ws.staff.add("Siti Rahmawati", None, "Sub Koordinator", "subkor")
        assert [s.name for s in ws.staff.list()] == ["Siti Rahmawati"]
    finally:
        ws.close()
