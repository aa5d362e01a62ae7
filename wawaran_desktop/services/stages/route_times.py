"""The dissemination route's time rules: arrival and departure times along the route.

Times are kept to the minute; a stop's departure follows its arrival, the stops' times run in
route order, none lies in the future or before the campaign was created, and the car is at
one stop at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from wawaran_desktop.db.models import Campaign
from wawaran_desktop.db.stage_models import RouteStop
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services import wilayah
from wawaran_desktop.services.clock import from_db
from wawaran_desktop.services.errors import ValidationError
from wawaran_desktop.services.stages.route_sync import route_rows


def minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def check_times(campaign_id: int, stop: RouteStop, arrived: datetime | None, departed: datetime | None,
                clock: Callable[[], datetime]) -> None:
    """Departure after arrival, in order along the route, not in the future."""
    if departed is not None and arrived is None:
        raise ValidationError("Isi waktu tiba sebelum waktu berangkat.", "arrived_at")
    if arrived is None:
        return
    now = clock()
    for value, label, field in ((arrived, "Waktu tiba", "arrived_at"),
                                (departed, "Waktu berangkat", "departed_at")):
        if value is not None and value > now:
            raise ValidationError(f"{label} tidak boleh di masa depan (sekarang pukul {fmt.clock_time(now)} WIB).",
                                  field)
    created = from_db(Campaign.get_by_id(campaign_id).created_at)
    if arrived < minute(created):
        raise ValidationError(f"Waktu tiba tidak boleh sebelum kampanye dibuat ({fmt.date_time(created)}).",
                              "arrived_at")
    if departed is not None and departed < arrived:
        raise ValidationError("Waktu berangkat tidak boleh sebelum waktu tiba.", "departed_at")
    rows = route_rows(campaign_id)
    here = next(i for i, r in enumerate(rows) if r.id == stop.id)
    before = [r for r in rows[:here] if r.arrived_at is not None]
    after = [r for r in rows[here + 1:] if r.arrived_at is not None]
    if before:
        prev = before[-1]
        prev_end = from_db(prev.departed_at or prev.arrived_at)
        if arrived < prev_end:
            raise ValidationError(
                f"Waktu tiba tidak boleh sebelum waktu berangkat dari lokasi sebelumnya "
                f"({wilayah.load().names.get(prev.kelurahan_code, '?')}, pukul {fmt.clock_time(prev_end)} WIB).",
                "arrived_at")
    if departed is None and after:
        raise ValidationError("Isi waktu berangkat: lokasi sesudahnya sudah tercatat dikunjungi.", "departed_at")
    still = next((r for r in rows if r.id != stop.id and r.arrived_at is not None and r.departed_at is None), None)
    if departed is None and still is not None:
        raise ValidationError(f"Mobil masih tercatat di {wilayah.load().describe(still.kelurahan_code)}; "
                              "catat waktu berangkatnya dulu.", "departed_at")
    if after:
        nxt = after[0]
        next_start = from_db(nxt.arrived_at)
        end = departed or arrived
        if end > next_start:
            raise ValidationError(
                f"Waktu {'berangkat' if departed else 'tiba'} tidak boleh sesudah waktu tiba di lokasi berikutnya "
                f"({wilayah.load().names.get(nxt.kelurahan_code, '?')}, pukul {fmt.clock_time(next_start)} WIB).",
                "departed_at" if departed else "arrived_at")
