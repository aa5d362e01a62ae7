"""Compile every ui/*.ui form into wawaran_desktop/forms/ui_*.py with pyside6-uic.

Run after editing a form in Qt Designer:  python tools/build_ui.py
A test (tests/unit/test_forms_fresh.py) fails when the generated code is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "wawaran_desktop" / "forms"


def uic_command() -> list[str]:
    """pyside6-uic of the running interpreter's environment (venv need not be activated)."""
    scripts = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (scripts / name).exists():
            return [str(scripts / name)]
    exe = shutil.which("pyside6-uic")
    if exe:
        return [exe]
    raise SystemExit("pyside6-uic not found: install PySide6-Essentials in this environment")


def compile_form(ui_file: Path) -> str:
    """The Python code pyside6-uic generates for ``ui_file``."""
    result = subprocess.run([*uic_command(), str(ui_file)], check=True, capture_output=True, text=True)
    return result.stdout


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} -> {target_for(ui_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
