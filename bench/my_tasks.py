"""Tugas Saya benchmark: what waits for each member of the demo team, over many campaigns.

Builds (or reuses) a demo database the way a user would
(``python main.py --data-dir D demo --campaigns 300 --seed 1``), then times
``MyTasksService.tasks_for`` for every member of staff (the median of several runs) and counts
the SQL statements one call makes, which must not grow with the number of campaigns.

    python bench/my_tasks.py [--data-dir D] [--campaigns 300] [--runs 20]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def timed(runs: int, work) -> tuple[float, object]:
    """Median milliseconds of ``runs`` calls of ``work`` and its last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="a folder with (or for) the demo database; default a temporary one")
    parser.add_argument("--campaigns", type=int, default=300)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(args.data_dir or scratch)
        if not (data / "wawaran.sqlite3").exists():
            started = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "demo", "--campaigns",
                            str(args.campaigns), "--seed", "1"], check=True, cwd=ROOT)
            print(f"demo database: {time.perf_counter() - started:.1f} s")
        return measure(data, args.runs)


def measure(data: Path, runs: int) -> int:
    from wawaran_desktop.services.my_tasks import UNDER_WAY, MyTasksService
    from wawaran_desktop.services.workspace import open_workspace

    ws = open_workspace(data)
    service = MyTasksService(ws)
    total = ws.campaigns.count()
    from wawaran_desktop.db.models import Campaign

    under_way = Campaign.select().where(Campaign.status.in_(UNDER_WAY)).count()
    print(f"{total:,} campaigns in {data}, {under_way} under way")
    counter = _Counter()
    peewee = logging.getLogger("peewee")
    for person in ws.staff.list(include_inactive=False):
        ms, tasks = timed(runs, lambda p=person.id: service.tasks_for(p))
        peewee.addHandler(counter)
        peewee.setLevel(logging.DEBUG)
        counter.count = 0
        service.tasks_for(person.id)
        peewee.removeHandler(counter)
        print(f"{person.name} ({person.lane}): {ms:.1f} ms, {counter.count} queries — "
              f"{len(tasks.steps)} steps, {len(tasks.dispositions)} dispositions, {len(tasks.signed)} signed, "
              f"{len(tasks.evaluations)} evaluations; count {tasks.count}")
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
