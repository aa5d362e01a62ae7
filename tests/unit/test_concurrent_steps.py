"""Two PCs pressing *Mulai* on the same step at once record one start: a state change checks
and writes in one write transaction (issue 12: "two processes starting step 1 of the same 300
campaigns recorded a double start 30 times"). Several processes, a real SQLite file and a real
PostgreSQL server; no mocks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wawaran_desktop.db.models import Step, StepEvent
from wawaran_desktop.services.workspace import open_workspace

CAMPAIGNS = 40
WORKERS = 4

STARTER = """
import sys
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.services.workspace import open_workspace
data_dir, url, actor, first, last = sys.argv[1], sys.argv[2] or None, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
ws = open_workspace(data_dir, database_url=url)
refused = 0
for cid in range(first, last + 1):
    try:
        ws.steps.start(actor, cid, 1)
    except RuleError:
        refused += 1  # "Tahap 1 sudah berjalan.": another PC started it first
print(refused)
ws.close()
"""


def race(data_dir, url: str | None) -> None:
    ws = open_workspace(data_dir, database_url=url)
    actor = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor").id
    ids = [ws.campaigns.create(actor, f"Wawaran {n}").id for n in range(CAMPAIGNS)]
    ws.close()
    workers = [subprocess.Popen([sys.executable, "-c", STARTER, str(data_dir), url or "", str(actor),
                                 str(ids[0]), str(ids[-1])], stdout=subprocess.PIPE, text=True)
               for _ in range(WORKERS)]
    outputs = [w.communicate(timeout=180)[0] for w in workers]
    assert [w.returncode for w in workers] == [0] * WORKERS
    refused = sum(int(out.split()[-1]) for out in outputs)
    ws = open_workspace(data_dir, database_url=url)
    starts = [StepEvent.select().join(Step).where((Step.campaign == cid) & (Step.no == 1)
                                                  & (StepEvent.kind == "start")).count() for cid in ids]
    assert starts == [1] * CAMPAIGNS  # one start each, never two
    assert refused == (WORKERS - 1) * CAMPAIGNS  # every other press was told it runs already
    assert all(ws.campaigns.get(cid).step(1).events[0].kind == "start" for cid in ids)
    ws.close()


def test_on_one_sqlite_file(tmp_path):
    race(tmp_path / "data", None)


def test_on_one_postgresql_server(tmp_path, pg_url):
    race(tmp_path / "data", pg_url)
