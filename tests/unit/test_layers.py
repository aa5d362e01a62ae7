"""Layers: the domain packages never import Qt, nor the layers above them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import wawaran_desktop

PACKAGE = Path(wawaran_desktop.__file__).parent
#: The Qt-free packages: the SOP, storage, domain rules and what builds on them without a screen.
DOMAIN = ("sop", "db", "services", "charts", "reports", "text", "infra", "demo", "documents")
UPPER = ("wawaran_desktop.app", "wawaran_desktop.views", "wawaran_desktop.qtmodels",
         "wawaran_desktop.forms", "wawaran_desktop.workers", "wawaran_desktop.cli")
#: Every package of the application and the one line of the README's map that names it.
PACKAGES = DOMAIN + ("views", "qtmodels", "forms", "cli")


def imported_modules(source: str, package: str) -> set[str]:
    """Absolute names of every module ``source`` (in ``package``) imports, anywhere in it."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = parts[: len(parts) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def imports_of(path: Path) -> set[str]:
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    return imported_modules(path.read_text(encoding="utf-8"), package)


def is_qt(name: str) -> bool:
    return name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}


def modules_of(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def test_every_domain_layer_has_modules_to_check():
    assert all(modules_of(layer) for layer in DOMAIN)
    assert len(modules_of("services")) >= 10


def test_import_scanner_sees_every_way_of_importing():
    """The check below would notice Qt imported directly, from, lazily, or a relative upward import."""
    source = (
        "import PySide6.QtCore\n"
        "from PySide6 import QtWidgets\n"
        "def later():\n"
        "    from shiboken6 import isValid\n"
        "from ..views import main_tab\n"
        "from . import clock\n"
    )
    names = imported_modules(source, "wawaran_desktop.services")
    assert sorted(n for n in names if is_qt(n)) == [
        "PySide6", "PySide6.QtCore", "PySide6.QtWidgets", "shiboken6", "shiboken6.isValid"]
    assert "wawaran_desktop.views.main_tab" in names
    assert "wawaran_desktop.services.clock" in names
    assert not is_qt("PySide6x")


@pytest.mark.parametrize("path", [p for layer in DOMAIN for p in modules_of(layer)],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_domain_module_imports_no_qt_and_no_upper_layer(path: Path):
    names = imports_of(path)
    assert sorted(n for n in names if is_qt(n)) == []
    assert sorted(n for n in names if n.startswith(UPPER)) == []


def test_importing_every_domain_module_loads_no_qt_at_all():
    """Also catches Qt pulled in indirectly, e.g. through a helper module outside these layers."""
    modules = [".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
               for layer in DOMAIN for p in modules_of(layer)]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True,
                            text=True, timeout=60, check=True)
    assert "wawaran_desktop.services.workspace" in modules
    assert result.stdout.strip() == "[]"


BUILT_ON_THE_RULES = tuple(f"wawaran_desktop.{p}" for p in ("documents", "charts", "reports", "demo"))


@pytest.mark.parametrize("path", [p for layer in ("sop", "db", "services", "text", "infra") for p in modules_of(layer)],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_rules_and_storage_never_import_what_builds_on_them(path: Path):
    """documents/, charts/, reports/ and demo/ build on the rules, not the other way round."""
    assert sorted(n for n in imports_of(path) if n.startswith(BUILT_ON_THE_RULES)) == []


@pytest.mark.parametrize("path", [p for layer in ("charts", "reports", "demo") for p in modules_of(layer)],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_chart_report_and_demo_data_never_import_the_document_builders(path: Path):
    assert sorted(n for n in imports_of(path) if n.startswith("wawaran_desktop.documents")) == []


def test_every_package_is_one_folder_named_in_the_readme_map():
    """A newcomer finds any feature in one hop: each folder of the package is in the map."""
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert folders == sorted(PACKAGES)
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    map_lines = readme[readme.index("## For developers"):].splitlines()
    for folder in folders:
        assert any(line.lstrip().startswith(f"{folder}/") for line in map_lines), folder


@pytest.mark.parametrize("path", modules_of("documents"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_document_builders_read_through_the_services_not_the_database(path: Path):
    assert sorted(n for n in imports_of(path) if n.startswith("wawaran_desktop.db")) == []


#: What gives an engine away: SQLite's PRAGMAs, collations and lock types, its driver, SQL date
#: functions and raw SQL execution. Each belongs in db/ (db/dialect.py is the seam a second
#: engine plugs into). SQL keywords in capitals anywhere; in small letters only as SQL, so that
#: ``# pragma: no cover`` or a "Collate" print option stays allowed.
DIALECT_TEXT = {
    "PRAGMA": r"\bPRAGMA\b|(?i:\bpragma\s+[a-z_]+|\bpragmas\s*=)",
    "COLLATE": r"\bCOLLATE\b|(?i:\bcollate\s+(nocase|binary|rtrim)\b)",
    "import sqlite3": r"(?i:^\s*(import|from)\s+sqlite3\b)",
    "strftime(": r"(?i:strftime\s*\()",
    "julianday(": r"(?i:julianday\s*\()",
    "execute_sql(": r"execute_sql\s*\(",
    "cursor(": r"\.cursor\s*\(",
    "atomic(lock)": r"(?i:atomic\s*\(\s*[\"'](immediate|exclusive|deferred))",
}


def test_sql_dialect_details_stay_in_db():
    """Outside db/ no line (code, comment or docstring) names a dialect detail.

    ``strftime(`` is refused in Python code too: it reads the machine's locale, and dates are
    told in Indonesian by text/formatting.py.
    """
    import re

    patterns = {name: re.compile(pattern) for name, pattern in DIALECT_TEXT.items()}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE)
        if where.parts[0] == "db":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{where}:{number}: {name}" for name, pattern in patterns.items() if pattern.search(line)]
    assert found == []

    def flagged(line: str) -> list[str]:
        return [name for name, pattern in patterns.items() if pattern.search(line)]

    assert flagged("word VARCHAR(100) NOT NULL UNIQUE COLLATE NOCASE") == ["COLLATE"]
    assert flagged('db.execute_sql("pragma user_version")') == ["PRAGMA", "execute_sql("]
    assert flagged("    import sqlite3") == ["import sqlite3"]
    assert flagged('fn.strftime("%s", at)') == ["strftime("]
    assert flagged('with database.atomic("IMMEDIATE"):') == ["atomic(lock)"]
    assert flagged("if x:  # pragma: no cover") == flagged('tr("Collate copies")') == []
