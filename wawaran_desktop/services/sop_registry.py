"""Pins SOP definitions in the database so each campaign keeps the standard it ran under."""

from __future__ import annotations

from peewee import IntegrityError

from wawaran_desktop.db.models import SopVersion, database
from wawaran_desktop.services.clock import Clock, to_db, utc_now
from wawaran_desktop.sop import Sop, parse_sop

_parsed: dict[str, Sop] = {}  # checksum -> definition; texts never change for a checksum


def remember(sop: Sop) -> None:
    """Offer an already parsed definition (e.g. the current one) so it is not parsed again."""
    _parsed.setdefault(sop.checksum, sop)


def register(sop: Sop, clock: Clock = utc_now) -> int:
    """Store ``sop`` (if this exact text is new) and return its ``SopVersion`` id."""
    remember(sop)
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


def pinned(sop_version_id: int) -> Sop:
    """The SOP definition a campaign was created under."""
    checksum = SopVersion.select(SopVersion.checksum).where(SopVersion.id == sop_version_id).scalar()
    if checksum is None:
        raise KeyError(sop_version_id)
    sop = _parsed.get(checksum)
    if sop is None:
        definition = SopVersion.get_by_id(sop_version_id).definition
        sop = parse_sop(definition, source=f"sop {checksum[:8]}", pinned=True)
        if sop.checksum != checksum:  # the stored text was edited by hand: its rules are not the ones pinned
            raise SopChanged(f"Definisi SOP tersimpan nomor {sop_version_id} tidak cocok dengan checksum-nya: "
                             "isinya diubah di luar aplikasi. Pulihkan basis data dari cadangan.")
        _parsed[checksum] = sop
    return sop


class SopChanged(RuntimeError):
    """A pinned SOP's stored text no longer matches its checksum (edited by hand)."""
