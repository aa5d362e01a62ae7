"""On the office server, event times come from the database server's clock (through the
workspace clock), so PCs whose clocks differ cannot reorder or refuse each other's events; a
file keeps the PC's own clock."""

from __future__ import annotations

from datetime import timedelta, timezone

from wawaran_desktop.db import dialect
from wawaran_desktop.db.models import database
from wawaran_desktop.services.clock import utc_now
from wawaran_desktop.services.workspace import open_workspace


def server_time():
    return database.execute_sql("SELECT clock_timestamp()").fetchone()[0].astimezone(timezone.utc)


def test_a_file_has_no_server_clock(tmp_path):
    ws = open_workspace(tmp_path / "data")
    assert dialect.server_clock() is None and ws.clock is utc_now
    ws.close()


def test_the_server_clock_tells_the_servers_time_and_stamps_the_events(tmp_path, pg_url, monkeypatch):
    ws = open_workspace(tmp_path / "data", database_url=pg_url)
    assert isinstance(ws.clock, dialect.ServerClock)
    readings = [ws.clock() for _ in range(50)]
    assert readings == sorted(readings)  # never goes back
    assert abs(ws.clock() - server_time()) < timedelta(seconds=1)
    monkeypatch.setattr(dialect.ServerClock, "RESYNC_SECONDS", 0)  # read the server again each time
    assert abs(ws.clock() - server_time()) < timedelta(seconds=1)
    actor = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    campaign = ws.campaigns.create(actor.id, "Wawaran Server")
    before = server_time()
    ws.steps.start(actor.id, campaign.id, 1)
    after = server_time()
    started = ws.campaigns.get(campaign.id).step(1).started_at
    assert before - timedelta(seconds=1) <= started <= after + timedelta(seconds=1)
    ws.close()
