"""Compile every ui/*.ui form into wawaran_desktop/forms/ui_*.py with pyside6-uic, and
every resources/translations/*.ts into its .qm with pyside6-lrelease.

Run after editing a form in Qt Designer or a translation:  python tools/build_ui.py
A test (tests/unit/test_forms_fresh.py) fails when the generated code is stale.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "wawaran_desktop" / "forms"


TS_DIR = ROOT / "resources" / "translations"


def tool(name: str) -> list[str]:
    """A PySide6 tool of the running interpreter's environment (venv need not be activated)."""
    scripts = Path(sys.executable).parent
    for exe in (name, f"{name}.exe"):
        if (scripts / exe).exists():
            return [str(scripts / exe)]
    found = shutil.which(name)
    if found:
        return [found]
    raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")


def uic_command() -> list[str]:
    return tool("pyside6-uic")


def compile_form(ui_file: Path) -> str:
    """The Python code pyside6-uic generates for ``ui_file``, without its unused imports."""
    result = subprocess.run([*uic_command(), str(ui_file)], check=True, capture_output=True, text=True)
    return drop_unused_imports(result.stdout)


def drop_unused_imports(code: str) -> str:
    """Keep only the PySide6 names a form uses.

    uic imports ~50 names per form; each one PySide6 has to initialise (QGradient alone
    brings a 180-value enum), which costs start-up time for nothing.
    """
    tree = ast.parse(code)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = code.splitlines(keepends=True)
    for node in reversed(tree.body):  # from the bottom, so earlier line numbers stay valid
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
            names = [alias.name for alias in node.names if alias.name in used]
            statement = [f"from {node.module} import ({', '.join(names)})\n"] if names else []
            lines[node.lineno - 1:node.end_lineno] = statement
    return "".join(lines)


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} -> {target_for(ui_file).relative_to(ROOT)}")
    for ts_file in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([*tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(ts_file.with_suffix(".qm"))],
                       check=True)
        print(f"{ts_file.relative_to(ROOT)} -> {ts_file.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
