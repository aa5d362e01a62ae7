"""The route of a briefing (stage 2): its stops, and the rules a stop must keep.

A stop (table ``location``) is a kelurahan of Kota Tangerang (Kemendagri code from
``services/wilayah.py``), an address or landmark and a planned time "HH:MM" WIB. Planned
times never go backwards along the route. ``services/stages/briefing.py`` stores the stops
through these rules; this module only reads and checks.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Any, NamedTuple

from wawaran_desktop.db.stage_models import Location
from wawaran_desktop.services import wilayah
from wawaran_desktop.services.errors import NotFound, ValidationError
from wawaran_desktop.services.stages.common import clean_text

ADDRESS_MAX = 300

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
                          address=row.address, planned_time=row.planned_time, confirmed=bool(row.confirmed))


def unsaved_location(values: dict[str, Any], position: int) -> LocationRecord:
    """A stop not stored yet, for the order check and messages."""
    return location_record(Location(id=0, **values, confirmed=False), position)


def index_of(stops: list[LocationRecord], location_id: int) -> int:
    for i, stop in enumerate(stops):
        if stop.id == location_id:
            return i
    raise NotFound("Lokasi tidak ditemukan pada kampanye ini.")
