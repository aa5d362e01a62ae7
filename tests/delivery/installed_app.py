"""What an installed copy of the application must do from its own files, away from the source
tree: the checks shared by the wheel test and the frozen build's test.

``command`` is how that copy is started (the wheel's ``wawaran-desktop`` script, the frozen
``wawaran-cli``); every check runs from a folder outside the repository, with no PYTHONPATH,
so nothing can be read from the source tree.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: The demo's training account and password, as the README's start-up probe signs in.
TRAINER = ("--user", "rina")
TRAINING_PASSWORD = "latihan-wawaran"

#: The demo campaign (``demo --campaigns 3 --seed 1``) that is finished, so it has a disposition.
DONE_CAMPAIGN = "1"


def clean_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_PLUGIN", "QT_QPA_PLATFORM_PLUGIN"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "WAWARAN_PASSWORD": TRAINING_PASSWORD, **extra})
    return env


def run(command: list[str], *args: str, cwd: Path, timeout: float = 180,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=timeout,
                          cwd=cwd, env=env or clean_env())


def assert_ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr


def make_demo(command: list[str], folder: Path, cwd: Path) -> None:
    """A demo data folder (3 campaigns, training accounts), made by the installed copy itself."""
    result = run(command, "--data-dir", str(folder), "demo", "--campaigns", "3", "--seed", "1", cwd=cwd)
    assert_ok(result)
    assert "3 kampanye contoh ditambahkan" in result.stdout


def check_list(command: list[str], folder: Path, cwd: Path) -> None:
    result = run(command, "--data-dir", str(folder), "list", cwd=cwd)
    assert_ok(result)
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3 and lines[-1].startswith("1\tdone\tWawaran "), result.stdout


def check_exports(command: list[str], folder: Path, cwd: Path) -> None:
    """The blank SOP document (the SOP definition, fonts' widths, the chart) and a finished
    campaign's disposition as PDF and as Word: the files are written and are what they say."""
    for kind, name, magic, extra in (
        ("sop", "sop.pdf", b"%PDF-", ()),
        ("disposition", "disposisi.pdf", b"%PDF-", ("--campaign", DONE_CAMPAIGN)),
        ("disposition", "disposisi.docx", b"PK\x03\x04", ("--campaign", DONE_CAMPAIGN)),
    ):
        out = cwd / name
        result = run(command, "--data-dir", str(folder), "export", kind, *extra, "-o", str(out), cwd=cwd)
        assert_ok(result)
        assert result.stdout.strip() == f"ditulis: {out}"
        data = out.read_bytes()
        assert data.startswith(magic) and len(data) > 5_000, (name, len(data))


def check_damaged_database(command: list[str], cwd: Path) -> None:
    """A file that is not a database: exit 2, the Indonesian message, no traceback, file untouched."""
    folder = cwd / "rusak"
    folder.mkdir()
    db = folder / "wawaran.sqlite3"
    garbage = b"this is a spreadsheet, not a database" * 100
    db.write_bytes(garbage)
    result = run(command, "--data-dir", str(folder), "list", cwd=cwd)
    assert result.returncode == 2, f"{result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "rusak atau bukan basis data SQLite" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout
    assert db.read_bytes() == garbage
