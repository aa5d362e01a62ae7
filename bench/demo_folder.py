"""Shared by the benchmarks: a byte-compiled package and a demo data folder to measure on.

Run the benchmarks as ``python bench/NAME.py`` (this folder is then on ``sys.path``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


#: The demo's training account (wawaran_desktop/demo/accounts.py): the window's probe signs in as
#: it, the documented way (``--user`` with ``WAWARAN_PASSWORD``).
TRAINER = ("--user", "rina")
TRAINING_PASSWORD = "latihan-wawaran"


def child_env() -> dict[str, str]:
    """The environment for child processes: Qt offscreen unless the caller set a platform, and the
    training account's password for ``--user`` (unless the caller gave one)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("WAWARAN_PASSWORD", TRAINING_PASSWORD)
    return env


@contextmanager
def demo_folder(campaigns: int, seed: int = 1) -> Iterator[str]:
    """A temporary data folder holding ``campaigns`` demo campaigns (``main.py demo``).

    The package is byte-compiled first, as any normal start after the first has it: this
    environment may set PYTHONDONTWRITEBYTECODE, which would make every run compile it anew.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "wawaran_desktop")], check=True)
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([sys.executable, "main.py", "--data-dir", data, "demo", "--campaigns",
                        str(campaigns), "--seed", str(seed)], check=True, cwd=ROOT, env=child_env(),
                       stdout=subprocess.DEVNULL)
        yield data
