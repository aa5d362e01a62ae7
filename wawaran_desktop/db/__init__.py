"""Peewee models, the connection, numbered migrations and the engines' SQL dialects (``dialect.py``)."""

import sys

if "peewee" not in sys.modules and "psycopg" not in sys.modules:
    # peewee imports psycopg, when installed, as it is itself first imported: ~55 ms of every
    # start-up, SQLite's too. Imported here without it; opening a PostgreSQL database loads the
    # driver then (postgres.load_driver). A None in sys.modules makes that import fail at once.
    sys.modules["psycopg"] = None  # type: ignore[assignment]
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]
