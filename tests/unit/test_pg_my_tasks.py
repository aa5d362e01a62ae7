"""tests/unit/test_my_tasks.py again, on a PostgreSQL server (tests/pg_server.py)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_my_tasks", globals())
