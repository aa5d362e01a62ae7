"""One value as bytes, the same from either engine: what the checksums of ``migrate-to``
(db/transfer.py) and the digests of the history chain (db/history_chain.py) are made of.

Each value is tagged by its type and length-prefixed, so no two values (or rows) run together;
a time is naive UTC (an aware one is converted), written to the microsecond."""

from __future__ import annotations

from datetime import UTC, date, datetime


def canonical(value: object) -> bytes:
    """``value`` tagged and length-prefixed (``N`` for NULL)."""
    if value is None:
        return b"N"
    if isinstance(value, bool):
        data, tag = (b"1" if value else b"0"), b"b"
    elif isinstance(value, int):
        data, tag = str(value).encode(), b"i"
    elif isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        data, tag = value.isoformat(" ", "microseconds").encode(), b"t"
    elif isinstance(value, date):
        data, tag = value.isoformat().encode(), b"d"
    elif isinstance(value, (bytes, bytearray, memoryview)):
        data, tag = bytes(value), b"x"
    elif isinstance(value, str):
        data, tag = value.encode("utf-8"), b"s"
    else:
        data, tag = repr(value).encode(), b"?"
    return tag + str(len(data)).encode() + b":" + data
