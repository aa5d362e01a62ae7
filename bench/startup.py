"""Startup benchmark: process start -> main window shown and event loop running.

Measures the application on a 1,000-campaign demo database against an empty PySide6
QMainWindow started the same way, alternating them in the same run, and prints the medians
and their ratio. The time is taken by this parent process, from spawning the child to
reading the "ready" line the child prints from its first event-loop callback.

A third program is timed in the same rounds for context: bench/floor_window.py does only
what the required libraries make every start pay (peewee opening the database, PySide6's
Qt namespace, a text field's fonts), so the figures show how much of the difference is the
stack and how much the application's own work.

    python bench/startup.py [--runs 15] [--campaigns 1000]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from demo_folder import TRAINER, child_env, demo_folder

ROOT = Path(__file__).resolve().parent.parent


def time_child(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{cmd} never reported ready (exit {proc.wait()})")
    proc.wait(timeout=30)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--campaigns", type=int, default=1000)
    args = parser.parse_args()
    env = child_env()
    with demo_folder(args.campaigns) as data:
        app_cmd = [sys.executable, "main.py", "--data-dir", data, *TRAINER, "--startup-probe"]
        base_cmd = [sys.executable, str(ROOT / "bench" / "empty_window.py")]
        floor_cmd = [sys.executable, str(ROOT / "bench" / "floor_window.py"), data]
        for cmd in (app_cmd, base_cmd, floor_cmd):  # warm the OS file cache, untimed
            time_child(cmd, env)
        app_times, base_times, floor_times = [], [], []
        for _ in range(args.runs):
            base_times.append(time_child(base_cmd, env))
            app_times.append(time_child(app_cmd, env))
            floor_times.append(time_child(floor_cmd, env))

    app_med, base_med = statistics.median(app_times), statistics.median(base_times)
    floor_med = statistics.median(floor_times)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}, demo campaigns: {args.campaigns}")
    for name, times in (("empty QMainWindow", base_times), ("libraries' floor", floor_times),
                        ("Wawaran Desktop", app_times)):
        print(f"{name:<18}: median {statistics.median(times) * 1000:7.1f} ms  (min {min(times) * 1000:.1f}, "
              f"max {max(times) * 1000:.1f})")
    print(f"ratio (app / empty window): {app_med / base_med:.2f}x  (target < 2.00x)")
    print(f"ratio (floor / empty window): {floor_med / base_med:.2f}x; the application's own work: "
          f"{(app_med - floor_med) * 1000:.1f} ms, of {(2 * base_med - floor_med) * 1000:.1f} ms the target leaves it")
    # Each app run follows a baseline run; the median of those pairs' ratios is less
    # sensitive to the machine's load drifting during the benchmark.
    paired = statistics.median(a / b for a, b in zip(app_times, base_times))
    print(f"median of paired ratios: {paired:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
