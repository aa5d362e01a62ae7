"""A campaign keeps the SOP it ran under (services/sop_registry.py); its lanes are people's
rights, so a stored definition edited by hand is refused, never read as the rules."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from wawaran_desktop import paths

READ_PINNED = """
import sys
from wawaran_desktop.services import sop_registry
from wawaran_desktop.services.workspace import open_workspace
ws = open_workspace(sys.argv[1])
try:
    sop_registry.pinned(int(sys.argv[2]))
except sop_registry.SopChanged as exc:
    print(exc)
    raise SystemExit(3)
"""


def test_a_pinned_sop_edited_by_hand_is_refused_by_a_new_process(ws, actor, data_dir, tmp_path, restart):
    """A campaign pinned to an older SOP (not the one this PC ships, which is read from its file)."""
    older = tmp_path / "sop-lama.json"
    text = paths.resource("sop/wawaran_keliling.json").read_text(encoding="utf-8")
    older.write_text(text.replace('"version": "', '"version": "lama-', 1), encoding="utf-8")
    ws = restart(ws, sop_path=older)
    ws.campaigns.create(actor.id, "Wawaran PBB")
    ws.close()
    with sqlite3.connect(data_dir / paths.DB_FILENAME) as conn:
        version_id, definition = conn.execute("SELECT id, definition FROM sop_version").fetchone()
        run = subprocess.run([sys.executable, "-c", READ_PINNED, str(data_dir), str(version_id)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr  # as stored: read
        forged = definition.replace('"support_lanes": []', '"support_lanes": ["kernet"]', 1)
        assert forged != definition
        conn.execute("UPDATE sop_version SET definition = ? WHERE id = ?", (forged, version_id))
    run = subprocess.run([sys.executable, "-c", READ_PINNED, str(data_dir), str(version_id)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 3 and "diubah di luar aplikasi" in run.stdout, run.stderr
