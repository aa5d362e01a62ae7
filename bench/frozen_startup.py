"""Start-up of the frozen application against a frozen empty QMainWindow built the same way.

The figure users feel on an office PC is the frozen program's (PyInstaller one folder, as the
installer delivers it), not ``python main.py``'s. Both programs are built in this run with the
same PyInstaller and the same exclusions of Qt modules (the application by
``tools/build_app.py`` from packaging/wawaran.spec; bench/empty_window.py with the same options
on PyInstaller's command line), then started alternately, each timed from spawning it to the
"ready" line it prints from its first event-loop callback. The application opens a demo
database of ``--campaigns`` campaigns, signed in as the README says (``--user rina`` with
``WAWARAN_PASSWORD``). Prints the medians, their ratio, the median of paired ratios, and the size
of both builds.

    python bench/frozen_startup.py [--runs 21] [--campaigns 1000] [--app dist/WawaranDesktop]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
from pathlib import Path

from demo_folder import TRAINER, child_env, demo_folder
from startup import time_child

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "frozen"
EXE = ".exe" if sys.platform == "win32" else ""


def load_build_app():
    spec = importlib.util.spec_from_file_location("build_app", ROOT / "tools" / "build_app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def qt_exclusions() -> list[str]:
    """What packaging/wawaran.spec excludes: every PySide6 module but the four the app uses."""
    import PySide6

    used = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    return sorted(f"PySide6.{stub.stem}" for stub in Path(PySide6.__file__).parent.glob("Qt*.pyi")
                  if stub.stem not in used)


def build_empty_window() -> Path:
    excludes = [arg for module in qt_exclusions() for arg in ("--exclude-module", module)]
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
                    "--name", "empty_window", "--distpath", str(OUT / "dist"), "--workpath", str(OUT / "work-empty"),
                    "--specpath", str(OUT), *excludes, str(ROOT / "bench" / "empty_window.py")], check=True, cwd=ROOT)
    return OUT / "dist" / "empty_window"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--campaigns", type=int, default=1000)
    parser.add_argument("--app", type=Path, help="an app folder built already (default: build it now)")
    args = parser.parse_args()

    build_app = load_build_app()
    app_dir = args.app or build_app.build(OUT / "dist", OUT / "work-app")
    empty_dir = build_empty_window()
    env = child_env()
    with demo_folder(args.campaigns) as data:
        app_cmd = [str(app_dir / f"WawaranDesktop{EXE}"), "--data-dir", data, *TRAINER, "--startup-probe"]
        if sys.platform == "win32":  # a Windows GUI program has no stdout: its console twin, same code
            app_cmd[0] = str(app_dir / f"wawaran-cli{EXE}")
        empty_cmd = [str(empty_dir / f"empty_window{EXE}")]
        for cmd in (app_cmd, empty_cmd):  # warm the OS file cache, untimed
            time_child(cmd, env)
        app_times, empty_times = [], []
        for _ in range(args.runs):
            empty_times.append(time_child(empty_cmd, env))
            app_times.append(time_child(app_cmd, env))

    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}, demo campaigns: {args.campaigns}")
    for name, times in (("frozen empty QMainWindow", empty_times), ("frozen Wawaran Desktop", app_times)):
        print(f"{name:<25}: median {statistics.median(times) * 1000:7.1f} ms  (min {min(times) * 1000:.1f}, "
              f"max {max(times) * 1000:.1f})")
    ratio = statistics.median(app_times) / statistics.median(empty_times)
    paired = statistics.median(a / b for a, b in zip(app_times, empty_times))
    print(f"ratio (app / empty window): {ratio:.2f}x; median of paired ratios: {paired:.2f}x")
    for name, folder in (("application", app_dir), ("empty window", empty_dir)):
        size, count = build_app.folder_size(folder)
        print(f"build size, {name}: {size / 2**20:.1f} MiB in {count} files ({folder})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
