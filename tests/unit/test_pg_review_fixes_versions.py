"""tests/unit/test_review_fixes_versions.py again, on a PostgreSQL server (tests/pg_server.py)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_review_fixes_versions", globals())
