"""tests/unit/test_disposition_status.py again, on a PostgreSQL server (tests/pg_server.py)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_disposition_status", globals())
