"""tests/unit/test_lanes.py again, on a PostgreSQL server (tests/pg_server.py)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_lanes", globals())
