"""The wheel carries resources/ and runs from a fresh virtual environment (issue 17, part 1).

The wheel is built from a copy of the source tree (so the repository gets no build/ folder),
installed with ``--no-deps`` into a new ``python -m venv`` environment, and run there through its
own scripts (``wawaran-cli``, and ``wawaran-desktop`` where it has a console) from a folder outside the repository. The new environment is
not made with ``--system-site-packages``; installing PySide6 and the rest again would take
minutes, so a ``.pth`` file in its site-packages appends the test environment's site-packages
*after* its own. Python adds a ``.pth`` line to ``sys.path`` without reading the ``.pth`` files
in that folder, so the test environment's editable install of this project is not active
there: ``wawaran_desktop`` can only come from the wheel, and the test checks that it does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import installed_app as app

ROOT = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                              "docs", "bench", "tests")


def build_wheel(tmp: Path) -> Path:
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    out = tmp / "wheelhouse"
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("wawaran_desktop-*.whl")
    return wheel


def fresh_venv(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                             str(wheel)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return venv


def test_the_installed_wheel_finds_its_resources_and_runs(tmp_path):
    wheel = build_wheel(tmp_path)
    venv = fresh_venv(tmp_path, wheel)
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    exe = ".exe" if sys.platform == "win32" else ""
    work = tmp_path / "elsewhere"
    work.mkdir()

    where = subprocess.run(
        [str(bindir / f"python{exe}"), "-c",
         "import wawaran_desktop, wawaran_desktop.paths as p; print(wawaran_desktop.__file__); print(p.resource_root())"],
        capture_output=True, text=True, cwd=work, env=app.clean_env(), timeout=60)
    assert where.returncode == 0, where.stderr
    module, resources = (Path(line) for line in where.stdout.splitlines())
    assert module.is_relative_to(venv) and resources.is_relative_to(venv), where.stdout
    shipped = {p.relative_to(resources).as_posix() for p in resources.rglob("*") if p.is_file()}
    in_repo = {p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert shipped == in_repo  # resources/ shipped whole

    command = [str(bindir / f"wawaran-cli{exe}")]  # the console script (a Windows GUI script has no stdout)
    data = work / "data"
    app.make_demo(command, data, work)
    app.check_list(command, data, work)
    app.check_exports(command, data, work)
    app.check_damaged_database(command, work)
    if sys.platform != "win32":  # the window's script is the same program
        app.check_list([str(bindir / "wawaran-desktop")], data, work)
