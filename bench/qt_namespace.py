"""What PySide6's ``Qt`` namespace costs the first time anything touches it.

PySide6 builds the namespace's Python enums (94 of them, Qt.Key alone with ~450 members) in
one go on first access. Any window whose table has a Python model pays it (the header asks
the model with a ``Qt.Orientation``), as does any Designer form with an alignment or
orientation; an empty QMainWindow never does. Each run is a fresh process.

    python bench/qt_namespace.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

from demo_folder import child_env

CHILD = """
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
start = time.perf_counter()
from PySide6.QtCore import Qt
print((time.perf_counter() - start) * 1000)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    times = [float(subprocess.run([sys.executable, "-c", CHILD], env=child_env(), check=True,
                                  capture_output=True, text=True).stdout) for _ in range(args.runs)]
    print(f"first touch of PySide6.QtCore.Qt: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms over {args.runs} fresh processes (Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
