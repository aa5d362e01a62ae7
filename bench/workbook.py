"""Evaluators' workbook benchmark: a 10,000-campaign demo database, the whole workbook written.

Prints how long the demo database takes to make (``main.py demo``, once per data folder), how
long reading the rows takes (``evaluation_stats.collect``: five bulk queries and the step
timing), how long writing the whole workbook takes (read + openpyxl's streaming write +
atomic replace), the rows and file size, and the process's peak memory. There is no target
in the tests (no wall-clock limits there); the export runs on the thread pool with a
progress dialog and *Batal*, so the figure is what the user waits, not a frozen window.

    python bench/workbook.py [--campaigns 10000] [--data-dir DIR] [--runs 1]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
                    "--campaigns", str(campaigns), "--seed", "1"], check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=10_000)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="reuse this demo folder (made on the first run); default: a temporary one")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    with tempfile.TemporaryDirectory() as temp:
        data_dir = args.data_dir or Path(temp) / "data"
        made = ensure_demo(data_dir, args.campaigns)
        if made is not None:
            print(f"demo database, {args.campaigns:,} campaigns: {made:.1f} s")

        from wawaran_desktop.documents.workbook import write_workbook
        from wawaran_desktop.services import evaluation_stats
        from wawaran_desktop.services.workspace import open_workspace

        ws = open_workspace(data_dir)
        try:
            start = time.perf_counter()
            stats = evaluation_stats.collect(ws.clock())
            read = time.perf_counter() - start
            rows = len(stats.campaigns) + len(stats.steps) + len(stats.stops)
            print(f"rows: {len(stats.campaigns):,} campaigns, {len(stats.steps):,} steps, {len(stats.stops):,} stops")
            print(f"read rows (collect): {read:.2f} s")
            target = Path(temp) / "evaluasi.xlsx"
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                write_workbook(ws, target)
                times.append(time.perf_counter() - start)
            whole = statistics.median(times)
            print(f"whole workbook (read + write + replace): {whole:.1f} s (median of {len(times)}), "
                  f"{rows / whole:,.0f} rows/s, file {target.stat().st_size / 1e6:.1f} MB")
        finally:
            ws.close()
        peak = peak_memory_mb()
        if peak is not None:
            print(f"peak memory of this process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
