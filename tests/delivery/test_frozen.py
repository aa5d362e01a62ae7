"""The frozen build (PyInstaller, packaging/wawaran.spec) carries every resource and runs
(issue 17, part 5).

The build is made once per test session from the same spec and tool as on Windows
(``python tools/build_app.py``, ~20 s here), into a temporary folder, unless
``WAWARAN_FROZEN_APP`` names an app folder built already. Its programs are then run from a
folder outside the repository with no PYTHONPATH: a demo database made by the frozen program
itself, the window's start-up probe signed in as the README says (``--user rina`` with
``WAWARAN_PASSWORD``), the SOP document and a disposition exported, and the message for a
damaged database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import installed_app as app

ROOT = Path(__file__).resolve().parents[2]
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory) -> Path:
    given = os.environ.get("WAWARAN_FROZEN_APP")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("frozen")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_app.py"), "--dist", str(out / "dist"),
                             "--work", str(out / "work")], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    print(result.stdout.strip().splitlines()[-1])  # the size, as `pytest -s` shows it
    return out / "dist" / "WawaranDesktop"


def resources_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_the_build_carries_resources_whole_and_only_the_qt_it_uses(frozen_app):
    internal = frozen_app / "_internal"
    assert resources_of(internal / "resources") == resources_of(ROOT / "resources")
    qt_modules = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*")} - {"Qt"}
    assert qt_modules == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    assert (frozen_app / f"WawaranDesktop{EXE}").is_file() and (frozen_app / f"wawaran-cli{EXE}").is_file()


def test_the_frozen_app_starts_signed_in_exports_and_explains_a_damaged_database(frozen_app, tmp_path):
    cli = [str(frozen_app / f"wawaran-cli{EXE}")]
    window = [str(frozen_app / f"WawaranDesktop{EXE}")]
    data = tmp_path / "data"
    app.make_demo(cli, data, tmp_path)
    app.check_list(cli, data, tmp_path)

    # The window's program, as the Start menu starts it: exit code 0 once its event loop ran
    # signed in (on Windows a GUI program has no stdout, so the "ready" line is read from its
    # console twin, the same code).
    shown = app.run(window, "--data-dir", str(data), *app.TRAINER, "--startup-probe", cwd=tmp_path)
    app.assert_ok(shown)
    probe = app.run(cli, "--data-dir", str(data), *app.TRAINER, "--startup-probe", cwd=tmp_path)
    app.assert_ok(probe)
    assert probe.stdout.startswith("ready "), probe.stdout
    if sys.platform != "win32":
        assert shown.stdout.startswith("ready "), shown.stdout
    for program in (window, cli):  # it really signed in above: a wrong password gets no window
        refused = app.run(program, "--data-dir", str(data), *app.TRAINER, "--startup-probe", cwd=tmp_path,
                          env=app.clean_env(WAWARAN_PASSWORD="bukan-sandinya"))
        assert refused.returncode != 0 and not refused.stdout.startswith("ready")

    app.check_exports(cli, data, tmp_path)
    app.check_damaged_database(cli, tmp_path)
