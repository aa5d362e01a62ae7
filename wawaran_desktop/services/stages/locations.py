"""The route of a briefing (stage 2): its stops, and the rules a stop must keep.

A stop (table ``location``) is a kelurahan of Kota Tangerang (Kemendagri code from
``services/wilayah.py``), an address or landmark and a planned time "HH:MM" WIB. Planned
times never go backwards along the route. ``services/stages/briefing.py`` stores the stops
through these rules; this module only reads and checks.

Each stop carries its own version (:attr:`LocationRecord.version`): a change or removal of a
stop names the version the editor showed, and one another PC changed or removed meanwhile is
refused (:func:`stop_conflict`) instead of being overwritten or crashing.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Any, NamedTuple

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.db.stage_models import Location
from wawaran_desktop.services import versions, wilayah
from wawaran_desktop.services.errors import ConflictError, NotFound, ValidationError
from wawaran_desktop.services.stages.common import clean_text

ADDRESS_MAX = 300
# The editor's field labels (the comparison of a refused change lists them).
AREA_LABEL, ADDRESS_LABEL, TIME_LABEL = "Kecamatan/kelurahan", "Alamat/patokan", "Jam"

_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


class LocationRecord(NamedTuple):
    id: int
    position: int  # 0-based place in the route
    kelurahan_code: str
    kelurahan: str
    kecamatan_code: str
    kecamatan: str
    address: str
    planned_time: str | None  # "HH:MM" WIB
    confirmed: bool  # confirmed at stage 6
    version: int = 1  # the stored version a change names

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def area(self) -> str:
        """``Kel. Sukasari, Kec. Tangerang``."""
        return f"Kel. {self.kelurahan}, Kec. {self.kecamatan}"

    @property
    def time_text(self) -> str:
        """``09.30`` as official documents write it, or an empty string."""
        return self.planned_time.replace(":", ".") if self.planned_time else ""


def clean_time(value: str | time | None) -> str | None:
    """A planned time as "HH:MM" (00:00–23:59), or None when blank."""
    if value is None:
        return None
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if not isinstance(value, str):
        raise ValidationError("Jam rencana harus berupa jam, mis. 09.30.", "planned_time")
    if not value.strip():
        return None
    match = _TIME.match(value)
    if match is None:
        raise ValidationError("Jam rencana harus ditulis JJ.MM, mis. 09.30.", "planned_time")
    hour, minute = int(match.group(1)), int(match.group(2))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValidationError("Jam rencana harus antara 00.00 dan 23.59.", "planned_time")
    return f"{hour:02d}:{minute:02d}"


def clean_kelurahan(code: str | None) -> str:
    if not code:
        raise ValidationError("Pilih kecamatan lalu kelurahan lokasi wawaran.", "kelurahan")
    if not wilayah.load().is_kelurahan(code):
        raise ValidationError("Kelurahan tidak dikenal: pilih dari daftar 104 kelurahan Kota Tangerang.",
                              "kelurahan")
    return code


def check_route_order(stops: list[LocationRecord], field: str = "planned_time") -> None:
    """Planned times must not go backwards along the route; stops without a time are skipped."""
    previous: LocationRecord | None = None
    for stop in stops:
        if stop.planned_time is None:
            continue
        if previous is not None and stop.planned_time < previous.planned_time:
            raise ValidationError(
                f"Jam rencana harus urut sesuai rute: lokasi {stop.number} ({stop.kelurahan}, pukul "
                f"{stop.time_text}) lebih awal dari lokasi {previous.number} ({previous.kelurahan}, pukul "
                f"{previous.time_text}). Ubah jamnya atau urutan lokasinya.", field)
        previous = stop


def clean_location(kelurahan_code: str, address: str, planned_time: str | time | None) -> dict[str, Any]:
    """The stored fields of a stop, checked; raises ValidationError naming the field."""
    return {"kelurahan_code": clean_kelurahan(kelurahan_code),
            "address": clean_text(address, "Alamat atau patokan", "address", ADDRESS_MAX, required=False),
            "planned_time": clean_time(planned_time)}


def location_record(row: Location, position: int) -> LocationRecord:
    areas = wilayah.load()
    kecamatan = areas.kecamatan_of(row.kelurahan_code)
    return LocationRecord(id=row.id, position=position, kelurahan_code=row.kelurahan_code,
                          kelurahan=areas.names.get(row.kelurahan_code, row.kelurahan_code),
                          kecamatan_code=kecamatan, kecamatan=areas.names.get(kecamatan, "?"),
                          address=row.address, planned_time=row.planned_time, confirmed=bool(row.confirmed),
                          version=row.version or 1)


def unsaved_location(values: dict[str, Any], position: int) -> LocationRecord:
    """A stop not stored yet, for the order check and messages."""
    return location_record(Location(id=0, **values, confirmed=False), position)


def index_of(stops: list[LocationRecord], location_id: int) -> int:
    """The place of stop ``location_id`` in ``stops``; a stop no longer stored at all was
    removed on another PC meanwhile (ConflictError), one of another campaign is NotFound."""
    for i, stop in enumerate(stops):
        if stop.id == location_id:
            return i
    if isinstance(location_id, int) and not isinstance(location_id, bool) \
            and Location.get_or_none(Location.id == location_id) is None:
        raise stop_conflict(None)
    raise NotFound("Lokasi tidak ditemukan pada kampanye ini.")


def stop_values(row: Location) -> dict[str, str]:
    """A stored stop as the editor's labels show it."""
    stop = location_record(row, row.position)
    return {AREA_LABEL: stop.area, ADDRESS_LABEL: stop.address, TIME_LABEL: stop.time_text or "—"}


def stop_conflict(row: Location | None) -> ConflictError:
    """The refusal of a change to a stop another PC changed (``row``, as stored now) or removed (None)."""
    if row is None:
        return versions.conflict("Lokasi ini", None)
    return versions.conflict(f"Lokasi {row.position + 1}", _told(row), lambda told: stop_values(told.row))


class _StopRow(NamedTuple):
    """A stop as a refusal tells it; who changed it and when: the route's last audited change."""

    version: int
    row: Location
    updated_by_id: int | None
    updated_at: object


def _told(row: Location) -> _StopRow:
    last = (AuditEntry.select(AuditEntry.actor, AuditEntry.at)
            .where((AuditEntry.campaign == row.campaign_id) & AuditEntry.action.startswith("location_"))
            .order_by(AuditEntry.id.desc()).first())
    return _StopRow(row.version, row, last.actor_id if last else None, last.at if last else None)
