"""Peewee models on one SQLite file, its connection and numbered migrations."""
