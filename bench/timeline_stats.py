"""Timeline benchmark: per-step statistics over many campaigns, and drawing them.

Builds (or reuses) a demo database of 10,000 campaigns the way a user would
(``python main.py --data-dir D demo --campaigns 10000 --seed 1``), then measures:

* the statistics of the dialog's default period (the last three months) and of every
  campaign, each the median of several runs (one query for the counts, one for every event);
* building the box-and-whisker chart and filling the table from those figures (offscreen Qt);
* one campaign's Gantt: computing its bars and building its scene, and a live tick.

    python bench/timeline_stats.py [--data-dir D] [--campaigns 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    parser.add_argument("--campaigns", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
    from PySide6.QtWidgets import QApplication

    from wawaran_desktop.services.clock import to_wib
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.charts.timeline_bars import campaign_timeline
    from wawaran_desktop.reports.timeline_stats import StatsQuery, step_statistics
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.swimlane.timeline_gantt import GanttScene
    from wawaran_desktop.views.swimlane.timeline_stats_chart import build_chart
    from wawaran_desktop.views.swimlane.timeline_stats_view import table_row

    app = QApplication(sys.argv[:1])  # scenes need an application
    ws = open_workspace(data)
    today = to_wib(ws.clock()).date()
    total = ws.campaigns.count()
    print(f"{total:,} campaigns in {data}")
    queries = {
        "last 3 months (the dialog's default)": StatsQuery(today - timedelta(days=92), today),
        "every campaign, cancelled included": StatsQuery(date(2000, 1, 1), today, include_cancelled=True),
    }
    for name, query in queries.items():
        ms, stats = timed(runs, lambda q=query: step_statistics(ws.sop, q, limits=ws.thresholds))
        print(f"statistics, {name}: {ms:.0f} ms for {stats.campaigns:,} campaigns, "
              f"{stats.measured:,} finished steps ({ms * 1000 / max(1, stats.measured):.1f} µs a step)")
        chart_ms, _ = timed(runs, lambda s=stats: build_chart(s, 1200))
        table_ms, _ = timed(runs, lambda s=stats: [table_row(step) for step in s.steps])
        print(f"  chart scene {chart_ms:.1f} ms, table cells {table_ms:.2f} ms")
    running = next(c for c in ws.campaigns.list() if c.status is CampaignStatus.RUNNING)
    record = ws.campaigns.get(running.id)
    now = ws.clock()
    bars_ms, timeline = timed(runs * 20, lambda: campaign_timeline(record, now))
    scene_ms, gantt = timed(runs, lambda: GanttScene(timeline, 4.0))
    later = campaign_timeline(record, now + timedelta(seconds=1))
    tick_ms, _ = timed(runs * 20, lambda: gantt.update(later))
    print(f"Gantt of campaign {record.id}: bars {bars_ms:.2f} ms, scene {scene_ms:.1f} ms "
          f"({len(gantt.scene.items())} items), live tick update {tick_ms:.2f} ms")
    ws.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
