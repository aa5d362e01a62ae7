"""tests/unit/test_stage_disposition.py again, on a database prepared by init-server, signed in as a login of
its group (tests/pg_login.py)."""

from pg_login import rerun_as_login

rerun_as_login("test_stage_disposition", globals(), sqlite_only={
    "test_a_clash_on_the_number_is_retried": "makes the clash with an SQLite TEMP TRIGGER and function",
    "test_a_clash_that_persists_is_reported_and_nothing_is_stored": "the same, with an SQLite TEMP TRIGGER",
})
