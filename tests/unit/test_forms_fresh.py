"""Generated code in wawaran_desktop/forms must match ui/*.ui (run tools/build_ui.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_ui", ROOT / "tools" / "build_ui.py")
build_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_ui)


def _code(text: str) -> list[str]:
    """Lines that matter: uic's header comment names its version, so comments are skipped."""
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("ui_file", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_generated_form_is_fresh(ui_file):
    target = build_ui.target_for(ui_file)
    assert target.is_file(), f"{target.name} missing: run python tools/build_ui.py"
    assert _code(target.read_text(encoding="utf-8")) == _code(build_ui.compile_form(ui_file)), \
        f"{target.name} is stale: run python tools/build_ui.py"


def test_every_form_has_a_ui_source():
    generated = {p.stem.removeprefix("ui_") for p in (ROOT / "wawaran_desktop" / "forms").glob("ui_*.py")}
    sources = {p.stem for p in (ROOT / "ui").glob("*.ui")}
    assert generated == sources


def test_translations_are_compiled(tmp_path):
    import subprocess

    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    assert sources
    for ts in sources:
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([*build_ui.tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
        assert ts.with_suffix(".qm").read_bytes() == fresh.read_bytes(), \
            f"{ts.name} changed: run python tools/build_ui.py"
