"""Peewee models, the connection, numbered migrations and the engine's SQL dialect (``dialect.py``)."""
