"""bench/multi_client.py's smoke test (``--quick``): two client processes on a real PostgreSQL
server for a few seconds lose no acknowledged update and are told of every conflict; the same
run with saves that name no version (``--blind``, last writer wins) shows the check finding
what is lost. Figures are checked for being there, not for their size: no wall-clock limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_bench(tmp_path: Path, url: str, *extra: str) -> tuple[dict, str]:
    figures = tmp_path / "figures.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "multi_client.py"), "--quick", "--database", url,
                             "--json", str(figures), *extra], cwd=ROOT, capture_output=True, text=True,
                            timeout=600, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(figures.read_text(encoding="utf-8")), result.stdout


def test_quick_run_loses_no_update_and_detects_every_conflict(tmp_path, pg_url):
    figures, out = run_bench(tmp_path, pg_url)
    [phase] = figures["phases"]
    assert phase["clients"] == 2
    assert phase["saves_acknowledged"] > 0 and phase["steps_acknowledged"] > 0
    assert phase["lost_updates"] == 0
    assert "lost updates: 0" in out
    assert phase["conflicts"] > 0  # the pair's collisions on their shared campaign were refused
    assert phase["saved_after_retry"] > 0  # and saved after reading the other's text
    assert phase["step_refused"] > 0  # both pressed the same step's button: one was told it changed
    assert phase["version_mismatch"] == 0  # no save stored without being acknowledged, or the reverse
    assert phase["invalid_histories"] == 0 and phase["steps_unacknowledged_stored"] == 0
    assert phase["error_count"] == 0, phase["errors"]
    assert set(phase["fields"]) >= {"report"}
    propagation = phase["propagation"]
    assert propagation["listeners"] == 2 and propagation["missing"] == 0
    assert len(propagation["save"]) == phase["saves_acknowledged"]  # each heard by the other client
    appearance = phase["appearance"]  # the partner's refresh of the shared campaign showed its saves
    assert appearance["delays"] and appearance["unseen"] == 0 and appearance["reload_errors"] == 0
    startup = figures["startup"]
    assert len(startup["sqlite"]) == len(startup["postgresql"]) == 1


def test_saves_naming_no_version_lose_updates_and_the_check_counts_them(tmp_path, pg_url):
    figures, out = run_bench(tmp_path, pg_url, "--blind", "--startup-runs", "0")
    [phase] = figures["phases"]
    assert phase["lost_updates"] > 0  # the pair's collisions: the later save overwrote the earlier
    assert "startup" not in figures
