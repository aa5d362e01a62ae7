"""tests/unit/test_step_notes_versions.py again, on a PostgreSQL server (tests/pg_server.py)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_step_notes_versions", globals(), sqlite_only={
    "test_steps_of_a_version_3_file_get_notes_version_1": "migrates a SQLite file of schema 3"})
