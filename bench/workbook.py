"""Evaluators' workbook benchmark: the app's export against plain openpyxl, and the GUI's stalls.

On a demo database of 10,000 campaigns (``main.py demo --campaigns 10000 --seed 1``, made
once per data folder) one run prints, each the median of ``--runs`` interleaved rounds:

* **read**: ``evaluation_stats.collect`` alone (the bulk queries and the step timing);
* **app, write**: ``workbook.build(stats, ...).save(path)`` from those rows: the summary
  with charts, styled headers, number formats, widths, panes, filters, conditional formats;
* **baseline, write**: a plain ``Workbook(write_only=True)`` script appending the same
  cell values (every data-sheet cell the app writes, computed from the same rows the same
  way; for the summary sheet its key figures and per-step table), no styles, then ``save``;
* **app, whole**: ``write_workbook`` as the GUI calls it: read + write + atomic save (with
  fsync). Its baseline is read + baseline write (the same rows, gathered the same way).

Both ratios (app/baseline) are printed; the target of issue 5 is under 1.5x. Then the export
runs once more the way the GUI runs it (``workers.Job`` on the thread pool, progress
signals to the GUI thread, the dialog's period: first day .. today) under an offscreen
QApplication, while a 5 ms precise QTimer on the GUI thread records the gaps between its
callbacks: a stall is a gap minus the 5 ms interval (target: longest under 100 ms). The
longest stalls are attributed to the export phase the worker was in (its last progress
text) and set beside the worker's longest garbage-collection pause (``gc.callbacks``).

    python bench/workbook.py [--campaigns 10000] [--data-dir DIR] [--runs 3] [--verify]

``--verify`` reads both files back (openpyxl read-only) and compares every data-sheet cell.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTERVAL_MS = 5


def peak_memory_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def ensure_demo(data_dir: Path, campaigns: int) -> float | None:
    """Make the demo database unless ``data_dir`` already holds one; seconds taken, or None."""
    if (data_dir / "wawaran.sqlite3").exists():
        return None
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "demo",
                    "--campaigns", str(campaigns), "--seed", "1"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def plain_sheets(stats):
    """(sheet name, rows of plain values) as the app's workbook holds them, without any style."""
    from wawaran_desktop.documents import workbook as app
    from wawaran_desktop.documents import workbook_summary as summary
    from wawaran_desktop.documents.xlsx_style import clock, duration, wib
    from wawaran_desktop.services.stages.evaluation import SCORE_LABELS

    def table(columns, rows):
        yield [c.header for c in columns]
        for values in rows:
            yield [None if v == "" else v for v in values]

    yield "Ringkasan", [[label, value] for label, value, _ in summary._key_figures(stats)] + [
        [f"{s.no}. {s.short}", s.standard_minutes, s.finished, s.on_time, s.late, s.on_time_rate,
         duration(s.average_seconds), duration(s.worst_seconds), s.worst_campaign_id] for s in stats.per_step]
    yield "Kampanye", table(app.CAMPAIGN_COLUMNS, (
        (c.id, c.title, c.theme, c.status.label, wib(c.created_at), c.created_by, c.current_no, c.steps_finished,
         c.late_steps, wib(c.started_at), wib(c.finished_at), c.standard_minutes, duration(c.elapsed_seconds),
         duration(c.over_seconds), c.time_status.label, app.month(c.created_at), c.kecamatan,
         ", ".join(c.kecamatan_all), c.stops, c.visited, c.flyers, c.audience,
         c.score_timeliness, SCORE_LABELS.get(c.score_timeliness), c.score_reach, SCORE_LABELS.get(c.score_reach),
         c.score_narration, SCORE_LABELS.get(c.score_narration))
        for c in stats.campaigns))
    yield "Tahap", table(app.STEP_COLUMNS, (
        (r.campaign_id, r.title, s.no, s.short, s.lane, s.actor, r.actor_lane, wib(s.started_at), wib(s.finished_at),
         s.standard_minutes, duration(s.elapsed_seconds) if s.started_at else None, duration(s.over_seconds),
         s.status.label, s.pauses, s.reopens)
        for r in stats.steps for s in (r.step,)))
    yield "Lokasi", table(app.STOP_COLUMNS, (
        (r.campaign_id, r.title, s.position, s.kecamatan, s.kelurahan, s.address, "Ya" if s.planned else "Tidak",
         clock(s.planned_time), wib(s.arrived_at), wib(s.departed_at), duration(s.seconds_at_stop), s.flyers, s.audience,
         s.notes) for r in stats.stops for s in (r.stop,)))


def baseline_write(stats, path: Path) -> None:
    """The plain openpyxl script: write-only workbook, values appended sheet by sheet, saved."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for name, rows in plain_sheets(stats):
        sheet = wb.create_sheet(name)
        for row in rows:
            sheet.append(row)
    wb.save(path)


def verify(app_file: Path, plain_file: Path) -> str:
    from openpyxl import load_workbook

    from datetime import timedelta

    def plain(row):  # a duration cell reads back as a timedelta (to the microsecond): its days
        return tuple(v / timedelta(days=1) if isinstance(v, timedelta) else v for v in row)

    def same(x, y) -> bool:
        return len(x) == len(y) and all(
            u == v or (isinstance(u, float) and isinstance(v, float) and abs(u - v) < 1e-9) for u, v in zip(x, y))

    a, b = load_workbook(app_file, read_only=True), load_workbook(plain_file, read_only=True)
    cells = 0
    for name in ("Kampanye", "Tahap", "Lokasi"):
        for n, (x, y) in enumerate(zip(map(plain, a[name].values), b[name].values, strict=True), 1):
            if not same(x, y):
                return f"DIFFER: sheet {name}, row {n}: {x!r} != {y!r}"
            cells += len(x)
    return f"same values in the data sheets ({cells:,} cells)"


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def gui_stalls(ws, target: Path) -> None:
    """Export through ``workers.Job`` as the GUI does; a 5 ms timer on the GUI thread measures stalls.

    (``workers.Job`` pauses cyclic garbage collection while a job runs: full collections over
    the gathered rows used to freeze the GUI thread for up to 174 ms.)"""
    from datetime import date

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from wawaran_desktop import workers
    from wawaran_desktop.documents.workbook import write_workbook
    from wawaran_desktop.reports import evaluation_stats
    from wawaran_desktop.services.clock import to_wib

    qt_app = QApplication.instance() or QApplication([])
    today = to_wib(ws.clock()).date()
    first: date = evaluation_stats.first_day() or today
    phases: list[tuple[float, str]] = []  # (monotonic, last progress text) as seen by the worker
    gc_pauses: list[tuple[float, float, int, str]] = []  # (start, end, generation, thread) of each collection
    gc_started: dict[int, float] = {}

    def on_gc(stage: str, info: dict) -> None:
        me = threading.get_ident()
        if stage == "start":
            gc_started[me] = time.monotonic()
        elif me in gc_started:
            who = "GUI" if me == threading.main_thread().ident else "worker"
            gc_pauses.append((gc_started.pop(me), time.monotonic(), info["generation"], who))

    def work(progress):
        def spy(done: int, total: int, text: str = "") -> None:
            if text and (not phases or phases[-1][1] != text):
                phases.append((time.monotonic(), text))
            progress(done, total, text)
        return write_workbook(ws, target, first, today, spy)

    ticks: list[float] = []
    reports = [0]
    timer = QTimer(qt_app)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    loop = QEventLoop()
    outcome: dict = {}
    job = workers.Job(work)
    job.progressed.connect(lambda done, total, text: reports.__setitem__(0, reports[0] + 1))  # as the dialog
    job.finished.connect(lambda result: (outcome.setdefault("result", result), loop.quit()))
    job.failed.connect(lambda exc: (outcome.setdefault("error", exc), loop.quit()))
    gc.callbacks.append(on_gc)
    timer.start()
    ticks.append(time.monotonic())
    start = time.perf_counter()
    try:
        job.start()
        loop.exec()
    finally:
        timer.stop()
        gc.callbacks.remove(on_gc)
    took = time.perf_counter() - start
    if "error" in outcome:
        raise outcome["error"]
    gaps = sorted(((b - a) * 1000 - INTERVAL_MS, a, b) for a, b in zip(ticks, ticks[1:]))
    stalls = [g for g, _, _ in gaps]
    p99 = statistics.quantiles(stalls, n=100)[98] if len(stalls) > 1 else stalls[0]
    print(f"GUI thread during the export on the pool ({took:.1f} s, {len(ticks) - 1:,} timer gaps, "
          f"{reports[0]} progress signals): longest stall {stalls[-1]:.0f} ms, 99th percentile {p99:.1f} ms, "
          f"median {statistics.median(stalls):.1f} ms, stalls over 100 ms: {sum(g > 100 for g in stalls)}")

    def phase_at(moment: float) -> str:
        text = "(before the first report)"
        for at, what in phases:
            if at > moment:
                break
            text = what
        return text

    for stall, a, b in gaps[:-6:-1]:
        in_gc = sum(max(0.0, min(b, end) - max(a, start)) for start, end, _, who in gc_pauses if who == "worker")
        print(f"  stall {stall:6.0f} ms, {a - ticks[0]:5.1f} s in, of it {in_gc * 1000:3.0f} ms in the worker's "
              f"garbage collection; worker phase: {phase_at(a)}")
    for who in ("worker", "GUI"):
        mine = sorted(((end - start, gen) for start, end, gen, w in gc_pauses if w == who), reverse=True)
        if mine:
            print(f"  garbage collections on the {who} thread: {len(mine)}, longest {mine[0][0] * 1000:.0f} ms "
                  f"(generation {mine[0][1]}), total {sum(p[0] for p in mine):.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=10_000)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="reuse this demo folder (made on the first run); default: a temporary one")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--verify", action="store_true", help="read both files back and compare their cells")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    with tempfile.TemporaryDirectory() as temp:
        data_dir = args.data_dir or Path(temp) / "data"
        made = ensure_demo(data_dir, args.campaigns)
        if made is not None:
            print(f"demo database, {args.campaigns:,} campaigns: {made:.1f} s")

        from wawaran_desktop.documents.workbook import build, write_workbook
        from wawaran_desktop.reports import evaluation_stats
        from wawaran_desktop.services.workspace import open_workspace

        ws = open_workspace(data_dir)
        app_file, plain_file, whole_file = (Path(temp) / n for n in ("app.xlsx", "plain.xlsx", "whole.xlsx"))
        try:
            profile = ws.profile.load()
            t: dict[str, list[float]] = {"read": [], "app": [], "plain": [], "whole": []}
            for _ in range(args.runs):  # interleaved, so drift in the machine's speed hits all alike
                start = time.perf_counter()
                stats = evaluation_stats.collect(ws.clock(), limits=ws.thresholds)
                t["read"].append(time.perf_counter() - start)
                counts = (f"rows: {len(stats.campaigns):,} campaigns, {len(stats.steps):,} steps, "
                          f"{len(stats.stops):,} stops")
                t["app"].append(timed(lambda: build(stats, profile.government, profile.office).save(app_file)))
                t["plain"].append(timed(lambda: baseline_write(stats, plain_file)))
                stats = None  # the whole export below gathers its own rows
                t["whole"].append(timed(lambda: write_workbook(ws, whole_file)))
            read, app, plain, whole = (statistics.median(t[k]) for k in ("read", "app", "plain", "whole"))
            print(counts)
            print(f"medians of {args.runs} rounds; files: app {app_file.stat().st_size / 1e6:.1f} MB, "
                  f"baseline {plain_file.stat().st_size / 1e6:.1f} MB")
            print(f"read rows (collect):                     {read:6.2f} s")
            print(f"app, write (build + save):               {app:6.2f} s")
            print(f"baseline, write (plain write-only):      {plain:6.2f} s   ratio app/baseline {app / plain:.2f}x")
            print(f"app, whole (write_workbook: read, write, atomic save with fsync): {whole:6.2f} s")
            print(f"baseline, whole (read + plain write, no fsync):                 {read + plain:6.2f} s   "
                  f"ratio app/baseline {whole / (read + plain):.2f}x")
            if args.verify:
                print(f"verify: {verify(app_file, plain_file)}")
            gui_stalls(ws, Path(temp) / "gui.xlsx")
        finally:
            ws.close()
        peak = peak_memory_mb()
        if peak is not None:
            print(f"peak memory of this process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
