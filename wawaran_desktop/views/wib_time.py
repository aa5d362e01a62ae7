"""Date-time editors in WIB, whatever time zone the office PC is set to."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, QTimeZone

WIB_ZONE = QTimeZone(7 * 3600)  # WIB has no daylight saving: a fixed UTC+7 offset


def to_qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime as a QDateTime shown in WIB (to the second)."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), WIB_ZONE)


def from_qdatetime(value: QDateTime) -> datetime:
    """What a WIB date-time editor holds, as an aware UTC datetime."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), timezone.utc)
