"""``--database URL``: every subcommand on the office's PostgreSQL server, run as a user would
(a separate process); the data folder keeps only the PC's own files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=180, env=env, cwd=ROOT)


def test_demo_list_and_export_on_the_server(pg_url, tmp_path):
    folder = str(tmp_path / "pc")
    made = run("--data-dir", folder, "--database", pg_url, "demo", "--campaigns", "6", "--seed", "4")
    assert made.returncode == 0, made.stderr
    listed = run("--data-dir", folder, "--database", pg_url, "list").stdout.splitlines()
    assert len(listed) == 6
    assert not (tmp_path / "pc" / "wawaran.sqlite3").exists()  # nothing went into a local file
    other_pc = str(tmp_path / "another-pc")  # a second PC sees the same campaigns
    assert run("--data-dir", other_pc, "--database", pg_url, "list").stdout.splitlines() == listed
    out = tmp_path / "evaluasi.xlsx"
    exported = run("--data-dir", other_pc, "--database", pg_url, "export", "workbook", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    titles = {row[1] for row in openpyxl.load_workbook(out)["Kampanye"].iter_rows(min_row=2, values_only=True)}
    assert titles == {line.split("\t")[2] for line in listed}


def test_a_bad_database_url_is_one_indonesian_line(tmp_path):
    result = run("--data-dir", str(tmp_path / "pc"), "--database", "mysql://server/db", "list")
    assert result.returncode == 2
    assert result.stderr.startswith("galat: Alamat basis data tidak dikenal") and "Traceback" not in result.stderr
