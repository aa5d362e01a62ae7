"""tests/unit/test_disposition_deadline.py again, on a PostgreSQL server (tests/pg_server.py)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_disposition_deadline", globals(), sqlite_only={
    "test_a_schema_7_file_gains_an_empty_deadline_and_keeps_its_dispositions":
        "migrates an SQLite file (the server's upgrade from the schema before: test_init_server.py)",
})
