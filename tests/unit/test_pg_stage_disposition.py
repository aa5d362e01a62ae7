"""tests/unit/test_stage_disposition.py again, on a PostgreSQL server (tests/pg_server.py)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_stage_disposition", globals(), sqlite_only={
    "test_a_clash_on_the_number_is_retried": "makes the clash with an SQLite TEMP TRIGGER and function",
    "test_a_clash_that_persists_is_reported_and_nothing_is_stored": "the same, with an SQLite TEMP TRIGGER",
})
