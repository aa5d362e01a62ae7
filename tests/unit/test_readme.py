"""The README's commands are the ones CI runs and the ones that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^TEST_CMD='(.+)'$", ci, re.MULTILINE)
    assert match, ".ci/run must define TEST_CMD"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"\n{match.group(1)}\n" in readme


def test_readme_images_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"\]\((docs/[^)]+\.png)\)", readme)
    assert images, "the README shows screenshots"
    for image in images:
        assert (ROOT / image).is_file(), image
