"""tests/unit/test_wib_today.py again, on a PostgreSQL server (tests/pg_server.py)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_wib_today", globals(), sqlite_only={
    "test_the_workbook_command_takes_today_from_wib": "the command line opens the data folder's own file "
                                                      "(it has no --database yet)",
})
