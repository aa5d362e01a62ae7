"""tests/unit/test_history_chain.py again, on a PostgreSQL server (tests/pg_server.py): the
tampering is done by psycopg as the server's superuser (what ``psql`` as the owner role could do)."""

from pg_server import rerun_on_postgres

rerun_on_postgres("test_history_chain", globals(), sqlite_only={
    "test_the_migration_links_the_history_of_an_older_file": "builds an old SQLite file",
    "test_two_processes_keep_one_unbroken_chain_on_one_file": "a file",
    "test_two_processes_keep_one_unbroken_chain_on_one_server": "already runs on the server",
})
