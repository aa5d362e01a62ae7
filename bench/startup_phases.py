"""Where start-up time goes: the application's start-up steps timed one by one.

Runs a child process per sample that performs run_gui()'s steps in order with a clock
reading between them, and prints each phase's minimum and median over the samples (minima
are the least disturbed by other work on the machine). A tool for deciding what to make
faster; the verdict on start-up is bench/startup.py.

    python bench/startup_phases.py [--runs 15] [--campaigns 1000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from demo_folder import child_env, demo_folder

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import gc, json, sys, time
t0 = time.perf_counter()
gc.disable()  # as run_gui() does until the window is shown
marks = []
def mark(name):
    marks.append((name, time.perf_counter()))
import wawaran_desktop.services.workspace, wawaran_desktop.text.formatting
import wawaran_desktop.services.attachments, wawaran_desktop.db.stage_models
mark("import Qt-free layers")
from PySide6.QtWidgets import QApplication
mark("import PySide6.QtWidgets")
app = QApplication(sys.argv[:1])
mark("QApplication")
from wawaran_desktop.views.language import install_indonesian
install_indonesian(app)
mark("translations")
from wawaran_desktop.services.workspace import open_workspace
ws = open_workspace(sys.argv[1])
mark("open database + SOP")
from wawaran_desktop.views.main_window import MainWindow
mark("import main window")
window = MainWindow(ws)
mark("MainWindow()")
window.show()
gc.freeze()
gc.enable()
mark("show()")
from PySide6.QtCore import QTimer
def done():
    mark("first event-loop pass")
    previous = t0
    out = []
    for name, t in marks:
        out.append((name, t - previous)); previous = t
    print(json.dumps(out), flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--campaigns", type=int, default=1000)
    args = parser.parse_args()
    env = child_env()
    with demo_folder(args.campaigns) as data:
        samples: dict[str, list[float]] = {}
        for _ in range(args.runs + 1):
            out = subprocess.run([sys.executable, "-c", CHILD, data], cwd=ROOT, env=env, check=True,
                                 capture_output=True, text=True).stdout
            for name, seconds in json.loads(out.strip().splitlines()[-1]):
                samples.setdefault(name, []).append(seconds * 1000)
    print(f"{'phase':<28} {'min ms':>8} {'median ms':>10}")
    for name, values in samples.items():
        values = values[1:]  # the first run warms the file cache
        print(f"{name:<28} {min(values):8.1f} {statistics.median(values):10.1f}")
    total = [sum(v[i] for v in samples.values()) for i in range(1, args.runs + 1)]
    print(f"{'total (after interpreter)':<28} {min(total):8.1f} {statistics.median(total):10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
