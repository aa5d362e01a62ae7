"""The throw-away PostgreSQL server of the tests (tests/pg_server.py) itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]


def test_each_test_gets_an_empty_database_on_a_real_server(pg_url):
    import psycopg

    with psycopg.connect(pg_url) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
    assert int(version) >= 140000
    assert tables == 0


@pytest.mark.parametrize("ci, outcome", [("", "1 skipped"), ("true", "1 error")])
def test_without_postgresql_the_tests_skip_except_under_ci(tmp_path, ci, outcome):
    """A machine without the server programs skips with the reason; CI=true fails instead."""
    (tmp_path / "test_needs_pg.py").write_text("def test_it(pg_url):\n    pass\n")
    (tmp_path / "conftest.py").write_text((TESTS / "conftest.py").read_text(encoding="utf-8"))
    env = {**os.environ, "CI": ci, "WAWARAN_PG_BIN": str(tmp_path / "nowhere"),
           "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                             "-p", "no:pytestqt", str(tmp_path)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert outcome in result.stdout, result.stdout + result.stderr
    assert result.returncode == (1 if ci else 0)
    assert "initdb, pg_ctl" in result.stdout
