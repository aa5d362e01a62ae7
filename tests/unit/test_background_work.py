"""Work leaves the GUI thread one way only: through wawaran_desktop/workers.py.

A job there pauses the cyclic garbage collector, closes its thread's database connection and
delivers its result as a signal on the GUI thread; a module starting threads of its own would
skip all three (views/spell_loader.py once did).
"""

from __future__ import annotations

import ast
from pathlib import Path

import wawaran_desktop

PACKAGE = Path(wawaran_desktop.__file__).parent
BRIDGE = PACKAGE / "workers.py"
#: Names that start or hand out threads.
THREADING = {"QThreadPool", "QRunnable", "QThread", "QtConcurrent", "moveToThread", "Thread", "Timer",
             "ThreadPoolExecutor", "ProcessPoolExecutor", "start_new_thread", "concurrent", "_thread",
             "multiprocessing"}


def threading_names(source: str) -> set[str]:
    """The thread-starting names ``source`` imports or uses (``threading.Lock`` and the like
    are fine: they make nothing run elsewhere)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(part for alias in node.names for part in alias.name.split(".") if part in THREADING)
        elif isinstance(node, ast.ImportFrom):
            found.update(part for part in (node.module or "").split(".") if part in THREADING)
            found.update(alias.name for alias in node.names if alias.name in THREADING)
        elif isinstance(node, ast.Attribute) and node.attr in THREADING:
            found.add(node.attr)
    return found


def test_the_scanner_sees_threads_started_every_way():
    source = ("import threading\nfrom PySide6.QtCore import QThreadPool, QRunnable\nimport concurrent.futures\n"
              "def f():\n    threading.Thread(target=f).start()\n    obj.moveToThread(t)\n"
              "lock = threading.Lock()\n")
    assert threading_names(source) == {"QThreadPool", "QRunnable", "concurrent", "Thread", "moveToThread"}
    assert threading_names("import threading\nlock = threading.Lock()\n") == set()


def test_only_workers_py_starts_threads():
    assert threading_names(BRIDGE.read_text(encoding="utf-8"))  # the scanner does see the bridge
    others = {str(path.relative_to(PACKAGE)): names for path in sorted(PACKAGE.rglob("*.py"))
              if path != BRIDGE and (names := threading_names(path.read_text(encoding="utf-8")))}
    assert others == {}
