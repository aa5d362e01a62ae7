"""PostgreSQL, the office server's engine (db/postgres.py), on a real throw-away server.

Each test gets a fresh database on the session's server (``pg_url``, tests/conftest.py); no
mocks. The same service work is run on a SQLite file and on the server, and gives the same
campaigns, steps, statistics and demo data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import psycopg
import pytest
from peewee import Database, OperationalError

from pg_server import free_port  # tests/pg_server.py
from stage_content import READINESS_REASON, fill_stage  # tests/stage_content.py
from wawaran_desktop import demo
from wawaran_desktop.db import dialect
from wawaran_desktop.db.connection import (
    DatabaseDamaged,
    DatabaseError,
    DatabaseTooNew,
    close_database,
    open_database,
    open_database_url,
)
from wawaran_desktop.db.migrations import LATEST_VERSION
from wawaran_desktop.db.models import Staff, Step, StepEvent, database
from wawaran_desktop.db.postgres import LOCK_CLASS, WHOLE_DATABASE
from wawaran_desktop.db.stage_models import OfficeWord
from wawaran_desktop.reports.timeline_stats import StatsQuery, step_statistics
from wawaran_desktop.services.campaigns import CampaignQuery
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.services.workspace import Workspace, open_workspace

#: 08.00 WIB on Thursday 26 November 2026.
START = datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc)


@pytest.fixture
def pg(pg_url: str) -> Iterator[Database]:
    yield open_database_url(pg_url)
    close_database()


def other_connection(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


# --- the dialect ------------------------------------------------------------------------------

def test_a_server_database_has_the_postgresql_dialect_and_the_latest_schema(pg):
    assert dialect.dialect_of().name == "postgresql"
    assert dialect.schema_version() == LATEST_VERSION
    with pg.atomic():
        dialect.set_schema_version(LATEST_VERSION + 5)
    assert dialect.schema_version(pg) == LATEST_VERSION + 5


def test_write_transaction_holds_off_other_writers_until_it_commits(pg, pg_url):
    other = other_connection(pg_url)
    try:
        def can_lock(sql: str, *params) -> bool:
            with other.transaction():
                return other.execute(sql, params).fetchone()[0]

        whole = "SELECT pg_try_advisory_xact_lock(%s, %s)"
        named = "SELECT pg_try_advisory_xact_lock(%s + 1, hashtext(%s))"
        with dialect.write_transaction():
            assert pg.in_transaction()
            assert not can_lock(whole, LOCK_CLASS, WHOLE_DATABASE)
        with dialect.write_transaction("disposition.agenda"):
            assert not can_lock(named, LOCK_CLASS, "disposition.agenda")
            assert not can_lock(whole, LOCK_CLASS, WHOLE_DATABASE)  # the whole database waits too
            assert can_lock(named, LOCK_CLASS, "another rule")  # another rule does not
        assert can_lock(whole, LOCK_CLASS, WHOLE_DATABASE)
        assert can_lock(named, LOCK_CLASS, "disposition.agenda")
    finally:
        other.close()


def test_write_transaction_nests_as_a_savepoint(pg):
    staff = Staff.create(name="Sari", lane="tim", created_at=datetime(2026, 11, 26, 1))
    with dialect.write_transaction():
        with pytest.raises(OperationalError):
            with dialect.write_transaction("inner"):
                Staff.update(name="Dewi").where(Staff.id == staff.id).execute()
                raise OperationalError("undo only the inner part")
        assert Staff.get_by_id(staff.id).name == "Sari"


@pytest.mark.parametrize("stored", [
    datetime(2026, 11, 26, 1, 0, 0),
    datetime(2026, 11, 26, 1, 0, 0, 1),
    datetime(2026, 11, 26, 23, 59, 59, 999_999),
    datetime(2026, 11, 26, 8, 0, 0, 999_500),
    datetime(1970, 1, 1, 0, 0, 0, 500_000),
    datetime(2038, 1, 19, 3, 14, 8, 123_456),
])
def test_epoch_microseconds_is_exact(pg, stored: datetime):
    staff = Staff.create(name="Sari", lane="tim", created_at=stored)
    micros = Staff.select(dialect.epoch_microseconds(Staff.created_at)).where(Staff.id == staff.id).scalar()
    expected = (stored - datetime(1970, 1, 1)) // timedelta(microseconds=1)
    assert micros == expected and isinstance(micros, int)


def test_rows_numbered_by_hand_move_the_id_sequence_past_them(pg):
    at = datetime(2026, 11, 26, 1)
    with dialect.write_transaction("test"):
        first, = dialect.next_ids(Staff)
        dialect.bulk_insert(Staff, (Staff.id, Staff.name, Staff.lane, Staff.active, Staff.position, Staff.rank,
                                    Staff.created_at),
                            [(first + i, f"Staf {i}", "tim", i % 2 == 0, "", "", at) for i in range(5)])
    assert first == 1
    assert Staff.create(name="Sesudahnya", lane="tim", created_at=at).id == 6  # not a clash with id 1
    assert [s.active for s in Staff.select().order_by(Staff.id)] == [True, False, True, False, True, True]
    with dialect.write_transaction():
        dialect.bulk_update(Staff, (Staff.name,), Staff.id, [("Satu", 1), ("Dua", 2)])
    assert [s.name for s in Staff.select().order_by(Staff.id).limit(3)] == ["Satu", "Dua", "Staf 2"]


# --- the schema -------------------------------------------------------------------------------

def sqlite_schema(path: Path) -> dict[str, list[tuple[str, bool, bool]]]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted((r[1], bool(r[3]) or bool(r[5]), r[4] is not None)
                          for r in con.execute(f"PRAGMA table_info({t})")) for t in tables}
    finally:
        con.close()


def postgres_schema(url: str) -> dict[str, list[tuple[str, bool, bool]]]:
    with other_connection(url) as con:
        rows = con.execute("""SELECT c.table_name, c.column_name, c.is_nullable = 'NO',
                                     c.column_default IS NOT NULL OR c.is_identity = 'YES'
                              FROM information_schema.columns c
                              WHERE c.table_schema = 'public' AND c.table_name <> 'schema_version'""").fetchall()
    schema: dict[str, list] = {}
    for table, column, not_null, default in rows:
        schema.setdefault(table, []).append((column, not_null, default))
    return {t: sorted(cols) for t, cols in schema.items()}


def index_names(url: str) -> set[str]:
    with other_connection(url) as con:
        return {r[0] for r in con.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")}


def test_both_engines_have_the_same_tables_columns_and_indexes(pg, pg_url, tmp_path):
    close_database()
    open_database(tmp_path / "w.sqlite3")
    close_database()
    on_sqlite = sqlite_schema(tmp_path / "w.sqlite3")
    for cols in on_sqlite.values():  # SQLite's INTEGER PRIMARY KEY is the rowid: it numbers itself
        cols[:] = [(n, True, True) if n == "id" else (n, nn, d) for n, nn, d in cols]
    assert postgres_schema(pg_url) == on_sqlite
    con = sqlite3.connect(tmp_path / "w.sqlite3")
    sqlite_indexes = {r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    con.close()
    assert sqlite_indexes <= index_names(pg_url)
    assert "office_word_word" in index_names(pg_url)


def test_a_word_of_the_office_is_unique_whatever_its_case(pg):
    OfficeWord.create(word="Cibodas", added_at=datetime(2026, 11, 26, 1))
    with pytest.raises(Exception, match="office_word_word"):
        with pg.atomic():
            OfficeWord.create(word="CIBODAS", added_at=datetime(2026, 11, 26, 1))


# --- opening by URL ---------------------------------------------------------------------------

def test_a_newer_schema_on_the_server_is_refused_untouched(pg_url):
    open_database_url(pg_url)
    Staff.create(name="Sari", lane="tim", created_at=datetime(2026, 11, 26, 1))
    with database.atomic():
        dialect.set_schema_version(LATEST_VERSION + 1)
    close_database()
    with pytest.raises(DatabaseTooNew, match=f"skema {LATEST_VERSION + 1}"):
        open_database_url(pg_url)
    with other_connection(pg_url) as con:
        assert con.execute("SELECT version FROM schema_version").fetchone()[0] == LATEST_VERSION + 1
        assert con.execute("SELECT name FROM staff").fetchall() == [("Sari",)]


def test_someone_elses_database_is_refused_untouched(pg_url):
    with other_connection(pg_url) as con:
        con.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseDamaged, match="bukan milik Wawaran"):
        open_database_url(pg_url)
    with other_connection(pg_url) as con:
        tables = {r[0] for r in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert tables == {"invoice"}


def test_opening_again_keeps_the_data_and_migrates_nothing(pg_url):
    open_database_url(pg_url)
    Staff.create(name="Sari", lane="tim", created_at=datetime(2026, 11, 26, 1))
    close_database()
    open_database_url(pg_url)
    assert [s.name for s in Staff.select()] == ["Sari"]
    assert dialect.schema_version() == LATEST_VERSION
    close_database()


@pytest.mark.parametrize("url, message", [
    ("mysql://localhost/wawaran", "tidak dikenal"),
    ("postgresql://127.0.0.1:5432/", "tidak menyebut nama"),
    (None, "Tidak dapat terhubung"),
])
def test_a_bad_url_or_an_unreachable_server_is_a_message(url, message):
    url = url or f"postgresql://postgres@127.0.0.1:{free_port()}/wawaran?connect_timeout=3"
    with pytest.raises(DatabaseError, match=message):
        open_database_url(url)


def test_a_sqlite_url_opens_the_file(tmp_path):
    db = open_database_url(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    try:
        assert dialect.dialect_of(db).name == "sqlite" and (tmp_path / "w.sqlite3").exists()
    finally:
        close_database()


# --- the services: the same work, the same results on both engines -----------------------------

class Clock:
    def __init__(self) -> None:
        self.current = START

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def on_both(pg_url: str, tmp_path: Path) -> Callable[[Callable[[Workspace, Clock], object]], tuple]:
    """Run ``work(ws, clock)`` on a new SQLite folder, then on the server; both results."""

    def run(work: Callable[[Workspace, Clock], object]) -> tuple:
        results = []
        for engine, url in (("sqlite", None), ("postgresql", pg_url)):
            clock = Clock()
            ws = open_workspace(tmp_path / engine, clock=clock.now, database_url=url)
            try:
                assert dialect.dialect_of().name == engine
                results.append(work(ws, clock))
            finally:
                ws.close()
        return tuple(results)

    return run


def office_day(ws: Workspace, clock: Clock) -> dict:
    """A day of the office's work: staff, campaigns, every kind of step event, a refusal; each act
    by a person of its step's lanes (services/lanes.py)."""
    kabid = ws.staff.add("Budi Santoso", "19700101 199503 1 001", "Kepala Bidang", "kabid")
    subkor = ws.staff.add("Sari Handayani", "19800505 200501 2 003", "Sub Koordinator DIMC", "subkor")
    tim = ws.staff.add("Rina Wulandari", "19850312 201001 2 004", "Analis Diseminasi", "tim")
    ws.staff.add("Joko", None, "Pengemudi", "kernet", active=False)
    #: who works each lane's steps today: the driver is inactive, so the Tim (supporting step 7) drives
    by_lane = {"kabid": kabid, "subkor": subkor, "tim": tim, "kernet": tim}
    first = ws.campaigns.create(subkor.id, "Sosialisasi PSN di Cibodas", "Demam berdarah")
    second = ws.campaigns.create(tim.id, "Vaksinasi anak")
    third = ws.campaigns.create(subkor.id, "Pemadaman listrik")
    ws.campaigns.rename(subkor.id, second.id, "Vaksinasi anak sekolah", "Imunisasi")
    ws.steps.start(subkor.id, first.id, 1)
    clock.advance(minutes=20)
    ws.steps.pause(subkor.id, first.id, 1, "Rapat mendadak")
    clock.advance(minutes=45)
    ws.steps.resume(subkor.id, first.id, 1)
    fill_stage(ws, subkor.id, first.id, 1)
    clock.advance(minutes=10, microseconds=7)
    ws.steps.finish(subkor.id, first.id, 1)
    clock.advance(minutes=3)
    ws.steps.start(tim.id, first.id, 2)
    fill_stage(ws, tim.id, first.id, 2)
    clock.advance(hours=2)
    ws.steps.finish(tim.id, first.id, 2)
    clock.advance(minutes=1)
    ws.steps.reopen(kabid.id, first.id, 2, "Data kurang lengkap")
    clock.advance(minutes=30)
    ws.steps.finish(tim.id, first.id, 2)
    for no in range(3, 10):  # the rest of the SOP, each stage's content through its own service
        who = by_lane[ws.sop.activity(no).lane].id
        clock.advance(minutes=7 * no)
        ws.steps.start(who, first.id, no)
        fill_stage(ws, who, first.id, no)
        clock.advance(minutes=11 * no, seconds=no)
        ws.steps.finish(who, first.id, no, READINESS_REASON if no == 6 else None)
    ws.steps.start(tim.id, second.id, 1)
    fill_stage(ws, tim.id, second.id, 1)
    clock.advance(hours=30)
    ws.steps.finish(tim.id, second.id, 1)
    refusals = []
    try:
        ws.steps.start(tim.id, first.id, 1)  # already done: refused by the rules on either engine
    except RuleError as exc:
        refusals.append(str(exc))
    ws.campaigns.cancel(subkor.id, third.id, "Dibatalkan karena hujan")
    day = ws.today()
    return {
        "staff": [(s.name, s.lane, s.active) for s in ws.staff.list()],
        "campaigns": ws.campaigns.list(),
        "searched": [c.title for c in ws.campaigns.list(CampaignQuery(text="vaksin"))],
        "count": ws.campaigns.count(),
        "records": [ws.campaigns.get(c.id) for c in (first, second, third)],
        "refusals": refusals,
        "stats": step_statistics(ws.sop, StatsQuery(day - timedelta(days=2), day + timedelta(days=2)),
                                 limits=ws.thresholds),
        "with_cancelled": step_statistics(ws.sop, StatsQuery(day, day, include_cancelled=True),
                                          limits=ws.thresholds),
    }


def test_a_day_of_service_work_gives_the_same_results_on_both_engines(on_both):
    on_sqlite, on_postgres = on_both(office_day)
    assert on_postgres["refusals"] and on_postgres["count"] == 3
    assert on_postgres["records"][0].status.value == "done"
    assert on_postgres["searched"] == ["Vaksinasi anak sekolah"]
    assert any(s.count for s in on_postgres["stats"].steps)
    for key in on_sqlite:
        assert on_postgres[key] == on_sqlite[key], key


def demo_office(ws: Workspace, clock: Clock) -> dict:
    now = datetime(2025, 11, 26, 3, 0, tzinfo=timezone.utc)
    result = demo.generate(ws, 20, seed=1, now=now)
    summaries = ws.campaigns.list()
    first_day = min(c.created_at for c in summaries).date() - timedelta(days=1)
    return {
        "result": result,
        "campaigns": summaries,
        "records": [ws.campaigns.get(c.id) for c in summaries],
        "staff": ws.staff.list(),
        "events": [(e.step_id, e.kind, e.at, e.actor_id, e.reason)
                   for e in StepEvent.select().order_by(StepEvent.id)],
        "steps": Step.select().count(),
        "stats": step_statistics(ws.sop, StatsQuery(first_day, date(2025, 11, 27), include_cancelled=True),
                                 limits=ws.thresholds),
        "next_campaign": ws.campaigns.create(ws.staff.list()[0].id, "Sesudah demo").id,  # the sequence is past the demo's ids
        "again": demo.generate(ws, 3, seed=2, now=now),  # a second run numbers on from the first
    }


def test_the_demo_gives_the_same_office_on_both_engines(on_both):
    on_sqlite, on_postgres = on_both(demo_office)
    assert len(on_postgres["campaigns"]) == 20
    assert on_postgres["next_campaign"] == 21
    assert any(s.count for s in on_postgres["stats"].steps)
    for key in on_sqlite:
        assert on_postgres[key] == on_sqlite[key], key


COUNTER = """
import sys
from wawaran_desktop.db import dialect
from wawaran_desktop.db.connection import open_database_url
from wawaran_desktop.db.stage_models import Setting
open_database_url(sys.argv[1])
for _ in range(int(sys.argv[2])):
    with dialect.write_transaction(sys.argv[3] or None):
        value = int(Setting.get_by_id("counter").value)  # read, then write what was read plus one
        Setting.update(value=str(value + 1)).where(Setting.key == "counter").execute()
"""


@pytest.mark.parametrize("key", ["counter", ""])
def test_writers_in_several_processes_never_lose_an_update(pg, pg_url, key):
    """Read-then-write in write_transaction from four processes at once: every increment counts."""
    import subprocess
    import sys

    from wawaran_desktop.db.stage_models import Setting

    Setting.create(key="counter", value="0")
    each = 40
    workers = [subprocess.Popen([sys.executable, "-c", COUNTER, pg_url, str(each), key])
               for _ in range(4)]
    assert [w.wait(timeout=120) for w in workers] == [0] * 4
    assert Setting.get_by_id("counter").value == str(4 * each)


DEFERRED_DRIVER = """
import sys
from wawaran_desktop.services.workspace import open_workspace
assert "psycopg" not in sys.modules, "psycopg imported at start-up"
ws = open_workspace(sys.argv[2], database_url=sys.argv[1])
actor = ws.staff.add("Sari", None, "Analis", "tim")
campaign = ws.campaigns.create(actor.id, "Sosialisasi")
ws.steps.start(actor.id, campaign.id, 1)
print(ws.campaigns.get(campaign.id).status.value, "psycopg" in sys.modules)
ws.close()
"""


def test_start_up_does_not_import_the_server_driver_until_a_server_is_opened(pg_url, tmp_path):
    """peewee would import psycopg (~55 ms) on every start-up, SQLite's too: db/ defers it."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", DEFERRED_DRIVER, pg_url, str(tmp_path / "data")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["running", "True"]
