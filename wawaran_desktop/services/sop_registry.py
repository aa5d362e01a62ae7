"""Pins SOP definitions in the database so each campaign keeps the standard it ran under."""

from __future__ import annotations

from functools import lru_cache

from peewee import IntegrityError

from wawaran_desktop.db.models import SopVersion, database
from wawaran_desktop.services.clock import Clock, to_db, utc_now
from wawaran_desktop.sop import Sop, parse_sop


def register(sop: Sop, clock: Clock = utc_now) -> int:
    """Store ``sop`` (if this exact text is new) and return its ``SopVersion`` id."""
    row = SopVersion.get_or_none(SopVersion.checksum == sop.checksum)
    if row is None:
        try:
            with database.atomic():
                row = SopVersion.create(
                    sop_id=sop.id, version=sop.version, checksum=sop.checksum,
                    definition=sop.raw, registered_at=to_db(clock()),
                )
        except IntegrityError:  # another process registered it just now
            row = SopVersion.get(SopVersion.checksum == sop.checksum)
    return row.id


@lru_cache(maxsize=32)
def _parse(checksum: str, definition: str) -> Sop:
    return parse_sop(definition, source=f"sop {checksum[:8]}")


def pinned(sop_version_id: int) -> Sop:
    """The SOP definition a campaign was created under."""
    row = SopVersion.get_by_id(sop_version_id)
    return _parse(row.checksum, row.definition)
