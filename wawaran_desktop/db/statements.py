"""One-row INSERT and UPDATE statements that peewee builds once per table and fields, for the
dialects' bulk writes: the driver's ``executemany`` then sends every row without peewee
touching each value (names and quoting stay peewee's)."""

from __future__ import annotations

from collections.abc import Sequence

from peewee import Field, Model, Value


class StatementCache:
    """SQL text by (kind, model, fields…), built on first use."""

    def __init__(self, without_returning: bool = False) -> None:
        # PostgreSQL's INSERT would return each new id (RETURNING): not wanted, the caller numbers them
        self._without_returning = without_returning
        self._sql: dict[tuple, str] = {}

    def insert(self, model: type[Model], fields: Sequence[Field]) -> str:
        key = ("insert", model, *fields)
        sql = self._sql.get(key)
        if sql is None:
            query = model.insert_many([(None,) * len(fields)], fields=list(fields))
            sql, params = (query.returning() if self._without_returning else query).sql()
            if len(params) != len(fields):  # peewee added a column (one with a default) we do not fill
                raise RuntimeError(f"{model.__name__}: a bulk insert must name every column with a default")
            self._sql[key] = sql
        return sql

    def update(self, model: type[Model], fields: Sequence[Field], key: Field) -> str:
        """Set ``fields`` where ``key`` equals the last parameter."""
        cache_key = ("update", model, key, *fields)
        sql = self._sql.get(cache_key)
        if sql is None:
            sql, params = model.update({f: Value(None) for f in fields}).where(key == Value(None)).sql()
            if len(params) != len(fields) + 1:
                raise RuntimeError(f"{model.__name__}: unexpected parameters in the bulk update")
            self._sql[cache_key] = sql
        return sql
