"""Stage 2, Briefing: the meeting, the planned wawaran locations and the chosen topics.

- The meeting (table ``briefing``, one row per campaign): when it was held (stored UTC,
  entered and shown in WIB), where, agenda and technical notes; its attendees
  (``briefing_attendee``), who must be active staff when they are added.
- The locations (``location``), in route order: a kelurahan of Kota Tangerang (Kemendagri
  code from ``services/wilayah.py``), an address or landmark and a planned time "HH:MM"
  WIB. Planned times never go backwards along the route: a stop may not be planned
  earlier than a stop before it. Changing a stop withdraws its stage-6 confirmation.
  A stop's record and rules live in ``services/stages/locations.py`` (also named here).
- The topics: the campaign's own stage-1 data items flagged ``selected``.

Finishing the step needs at least one location and one topic (:func:`check_finish`).

Several PCs: the meeting's fields are one record (``briefing``, :attr:`BriefingRecord.version`),
and :meth:`Service.update` stores them only on the version the caller read; each stop has its
own version (``services/stages/locations.py``); attendees and topics are ticked one at a time
(:meth:`Service.set_attendee`, :meth:`Service.set_topic`), so two PCs ticking different people
or topics both keep theirs and nothing is overwritten by a stale list.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Campaign, Staff, database
from wawaran_desktop.db.stage_models import Briefing, BriefingAttendee, DataItem, Location
from wawaran_desktop.services import lanes, versions
from wawaran_desktop.services.clock import from_db, to_db, to_wib
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.staff import staff_record
from wawaran_desktop.services.stages.common import clean_text, editable_campaign
from wawaran_desktop.services.stages.locations import (  # noqa: F401 (ADDRESS_MAX, clean_*: this stage's API)
    ADDRESS_MAX,
    LocationRecord,
    check_route_order,
    clean_kelurahan,
    clean_location,
    clean_time,
    index_of,
    location_record,
    stop_conflict,
    unsaved_location,
)
from wawaran_desktop.text import formatting as fmt

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

PLACE_MAX = 200
AGENDA_MAX = 5_000
NOTES_MAX = 5_000
LOCATIONS_MAX = 50
FUTURE_LIMIT = timedelta(days=366)  # a briefing is not planned more than a year ahead
# The meeting's fields as the form labels them (the comparison of a refused save lists them).
FIELD_LABELS = {"held_at": "Waktu", "place": "Tempat", "agenda": "Agenda", "technical_notes": "Catatan teknis"}


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()  # a field of :meth:`Service.update` left as it is


class TopicRecord(NamedTuple):
    id: int
    position: int
    topic: str
    summary: str
    priority: int  # 1 tinggi, 2 sedang, 3 rendah
    selected: bool


class BriefingRecord(NamedTuple):
    campaign_id: int
    held_at: datetime | None  # aware UTC
    place: str
    agenda: str
    technical_notes: str
    attendees: tuple[StaffRecord, ...]  # by name
    locations: tuple[LocationRecord, ...]  # in route order
    topics: tuple[TopicRecord, ...]  # every stage-1 item, in its order
    updated_by_name: str | None
    updated_at: datetime | None  # aware UTC
    version: int = 0  # the meeting's stored version (0: not stored yet)

    @property
    def attendee_ids(self) -> frozenset[int]:
        return frozenset(person.id for person in self.attendees)

    @property
    def selected_topics(self) -> tuple[TopicRecord, ...]:
        return tuple(t for t in self.topics if t.selected)


class Service:
    """The briefing of a campaign: meeting, attendees, route of locations, topics."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- reading --------------------------------------------------------------------------
    def get(self, campaign_id: int) -> BriefingRecord:
        if not Campaign.select().where(Campaign.id == campaign_id).exists():
            raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
        row = Briefing.get_or_none(Briefing.campaign == campaign_id)
        editor = Staff.get_or_none(Staff.id == row.updated_by_id) if row and row.updated_by_id else None
        return BriefingRecord(
            campaign_id=campaign_id,
            held_at=from_db(row.held_at) if row else None,
            place=row.place if row else "",
            agenda=row.agenda if row else "",
            technical_notes=row.technical_notes if row else "",
            attendees=self.attendees(campaign_id),
            locations=tuple(self.locations(campaign_id)),
            topics=tuple(self.topics(campaign_id)),
            updated_by_name=editor.name if editor else None,
            updated_at=from_db(row.updated_at) if row else None,
            version=row.version if row else 0,
        )

    def attendees(self, campaign_id: int) -> tuple[StaffRecord, ...]:
        query = (Staff.select().join(BriefingAttendee, on=(BriefingAttendee.staff == Staff.id))
                 .where(BriefingAttendee.campaign == campaign_id).order_by(Staff.name))
        return tuple(staff_record(s) for s in query)

    def locations(self, campaign_id: int) -> list[LocationRecord]:
        rows = Location.select().where(Location.campaign == campaign_id).order_by(Location.position, Location.id)
        return [location_record(row, i) for i, row in enumerate(rows)]

    def topics(self, campaign_id: int) -> list[TopicRecord]:
        rows = DataItem.select().where(DataItem.campaign == campaign_id).order_by(DataItem.position, DataItem.id)
        return [TopicRecord(id=r.id, position=r.position, topic=r.topic, summary=r.summary,
                            priority=r.priority, selected=bool(r.selected)) for r in rows]

    # -- the meeting ----------------------------------------------------------------------
    def update(self, actor_id: int | None, campaign_id: int, *, held_at: datetime | None = UNCHANGED,
               place: str = UNCHANGED, agenda: str = UNCHANGED,
               technical_notes: str = UNCHANGED, version: int | None = None) -> BriefingRecord:
        """Store the given fields of the meeting; the others are left as they are. ``version``:
        the meeting's as read (:attr:`BriefingRecord.version`; None: whatever is stored)."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "briefing")
        changes: dict[str, object] = {}
        if held_at is not UNCHANGED:
            moment = self._clean_held_at(held_at)
            changes["held_at"] = to_db(moment) if moment is not None else None
        if place is not UNCHANGED:
            changes["place"] = clean_text(place, "Tempat briefing", "place", PLACE_MAX, required=False)
        if agenda is not UNCHANGED:
            changes["agenda"] = _long_text(agenda, "Agenda briefing", "agenda", AGENDA_MAX)
        if technical_notes is not UNCHANGED:
            changes["technical_notes"] = _long_text(technical_notes, "Catatan teknis", "technical_notes",
                                                    NOTES_MAX)
        if changes:
            now = to_db(self.ws.clock())
            with database.atomic():
                versions.upsert(Briefing, Briefing.campaign == campaign_id, version, {"campaign": campaign_id},
                                {**changes, "updated_by": actor, "updated_at": now}, "Briefing", _meeting_theirs)
                Campaign.update(updated_at=now).where(Campaign.id == campaign_id).execute()
                return self.get(campaign_id)  # before the commit: the version written here
        return self.get(campaign_id)

    def _clean_held_at(self, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValidationError("Waktu briefing harus berupa tanggal dan jam.", "held_at")
        if not 2000 <= to_wib(value).year <= 2100:
            raise ValidationError("Waktu briefing di luar rentang yang wajar (tahun 2000–2100).", "held_at")
        if value - self.ws.clock() > FUTURE_LIMIT:
            raise ValidationError("Waktu briefing lebih dari setahun ke depan; periksa tahunnya.", "held_at")
        return value.replace(second=0, microsecond=0)

    def set_attendees(self, actor_id: int | None, campaign_id: int,
                      staff_ids: Iterable[int]) -> tuple[StaffRecord, ...]:
        """The attendees are exactly ``staff_ids``; anyone added must be active staff."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "briefing")
        wanted = _ids(staff_ids, "Peserta briefing", "attendees")
        current = {a.staff_id for a in BriefingAttendee.select().where(BriefingAttendee.campaign == campaign_id)}
        added = wanted - current
        if added:
            active = {s.id for s in Staff.select(Staff.id).where(Staff.id.in_(list(added)) & (Staff.active == True))}  # noqa: E712
            if active != added:
                raise ValidationError("Peserta briefing harus petugas aktif di Direktori Petugas.", "attendees")
        with database.atomic():
            self._touch(campaign_id, actor)
            removed = current - wanted
            if removed:
                BriefingAttendee.delete().where((BriefingAttendee.campaign == campaign_id)
                                                & BriefingAttendee.staff.in_(list(removed))).execute()
            if added:
                BriefingAttendee.insert_many([{"campaign": campaign_id, "staff": i} for i in sorted(added)]).execute()
        return self.attendees(campaign_id)

    def set_attendee(self, actor_id: int | None, campaign_id: int, staff_id: int,
                     attending: bool) -> tuple[StaffRecord, ...]:
        """Tick (or untick) one attendee; the others stay as stored, whoever ticked them."""
        with write_transaction(f"briefing.{campaign_id}"):
            current = {a.staff_id for a in BriefingAttendee.select().where(BriefingAttendee.campaign == campaign_id)}
            return self.set_attendees(actor_id, campaign_id,
                                      current | {staff_id} if attending else current - {staff_id})

    # -- the route ------------------------------------------------------------------------
    def add_location(self, actor_id: int | None, campaign_id: int, kelurahan_code: str, address: str = "",
                     planned_time: str | time | None = None) -> LocationRecord:
        """Append a stop to the end of the route."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "briefing")
        values = clean_location(kelurahan_code, address, planned_time)
        stops = self.locations(campaign_id)
        if len(stops) >= LOCATIONS_MAX:
            raise ValidationError(f"Rute sudah berisi {LOCATIONS_MAX} lokasi (batas maksimal).", "kelurahan")
        new = unsaved_location(values, len(stops))
        check_route_order([*stops, new])
        with database.atomic():
            self._touch(campaign_id, actor)
            row = Location.create(campaign=campaign_id, position=len(stops), **values)
            _log(self.ws, actor, campaign_id, "location_add", f"{new.number}: {new.area}")
        return location_record(row, len(stops))

    def update_location(self, actor_id: int | None, campaign_id: int, location_id: int, kelurahan_code: str,
                        address: str, planned_time: str | time | None,
                        version: int | None = None) -> LocationRecord:
        """Change a stop; a change withdraws its stage-6 confirmation. ``version``: the stop's
        as read (None: whatever is stored); one changed or removed meanwhile is refused."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "briefing")
        values = clean_location(kelurahan_code, address, planned_time)
        stops = self.locations(campaign_id)
        index = index_of(stops, location_id)
        old = stops[index]
        stops[index] = unsaved_location(values, index)._replace(id=location_id)
        check_route_order(stops)
        if (old.kelurahan_code, old.address, old.planned_time) == tuple(values.values()):
            return old
        with database.atomic():
            where = Location.id == location_id
            changed = Location.update({**{getattr(Location, k): v for k, v in values.items()},
                                       Location.confirmed: False, Location.version: Location.version + 1}).where(
                where if version is None else where & (Location.version == version)).execute()
            if not changed:
                raise stop_conflict(Location.get_or_none(where))
            self._touch(campaign_id, actor)
            _log(self.ws, actor, campaign_id, "location_edit", f"{old.number}: {stops[index].area}")
        return location_record(Location.get_by_id(location_id), index)

    def remove_location(self, actor_id: int | None, campaign_id: int, location_id: int,
                        version: int | None = None) -> list[LocationRecord]:
        """Remove a stop; ``version`` as for :meth:`update_location` (one another PC changed
        meanwhile is not removed unseen)."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "briefing")
        stops = self.locations(campaign_id)
        gone = stops.pop(index_of(stops, location_id))
        with database.atomic():
            where = Location.id == location_id
            if not Location.delete().where(where if version is None else where & (Location.version == version)).execute():
                raise stop_conflict(Location.get_or_none(where))
            self._touch(campaign_id, actor)
            _renumber([s.id for s in stops])
            _log(self.ws, actor, campaign_id, "location_remove", f"{gone.number}: {gone.area}")
        return self.locations(campaign_id)

    def move_location(self, actor_id: int | None, campaign_id: int, location_id: int,
                      position: int) -> list[LocationRecord]:
        """Move a stop to ``position`` (0-based) in the route; planned times must stay in order."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "briefing")
        stops = self.locations(campaign_id)
        index = index_of(stops, location_id)
        if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < len(stops):
            raise ValidationError(f"Urutan baru harus antara 1 dan {len(stops)}.", "position")
        if position == index:
            return stops
        moving = stops.pop(index)
        stops.insert(position, moving)
        check_route_order([s._replace(position=i) for i, s in enumerate(stops)], field="position")
        with database.atomic():
            self._touch(campaign_id, actor)
            _renumber([s.id for s in stops])
            _log(self.ws, actor, campaign_id, "location_move",
                 f"{moving.area}: {index + 1} -> {position + 1}")
        return self.locations(campaign_id)

    # -- topics ---------------------------------------------------------------------------
    def set_topics(self, actor_id: int | None, campaign_id: int, item_ids: Iterable[int]) -> list[TopicRecord]:
        """The chosen topics are exactly ``item_ids``, stage-1 items of this campaign."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "briefing")
        wanted = _ids(item_ids, "Topik", "topics")
        own = {r.id for r in DataItem.select(DataItem.id).where(DataItem.campaign == campaign_id)}
        if not wanted <= own:
            raise ValidationError("Topik hanya dapat dipilih dari data tahap 1 kampanye ini.", "topics")
        with database.atomic():
            self._touch(campaign_id, actor)
            mine = DataItem.campaign == campaign_id
            DataItem.update(selected=False).where(mine & DataItem.id.not_in(list(wanted))).execute()
            DataItem.update(selected=True).where(mine & DataItem.id.in_(list(wanted))).execute()
            _log(self.ws, actor, campaign_id, "topics", f"{len(wanted)} topik dipilih")
        return self.topics(campaign_id)

    def set_topic(self, actor_id: int | None, campaign_id: int, item_id: int, chosen: bool) -> list[TopicRecord]:
        """Choose (or drop) one topic; the others stay as stored, whoever chose them."""
        with write_transaction(f"briefing.{campaign_id}"):
            current = {r.id for r in DataItem.select(DataItem.id).where(
                (DataItem.campaign == campaign_id) & (DataItem.selected == True))}
            return self.set_topics(actor_id, campaign_id, current | {item_id} if chosen else current - {item_id})

    # -- helpers --------------------------------------------------------------------------
    def _touch(self, campaign_id: int, actor: Staff) -> None:
        """Say who changed the briefing last (inside a transaction). The meeting's row and its
        version are the meeting's own: a change of the route, attendees or topics neither
        creates the row nor raises its version, so it does not refuse a meeting field typed
        meanwhile."""
        now = to_db(self.ws.clock())
        Briefing.update(updated_by=actor, updated_at=now).where(Briefing.campaign == campaign_id).execute()
        Campaign.update(updated_at=now).where(Campaign.id == campaign_id).execute()


def check_finish(campaign_id: int, reason: str | None) -> None:
    """Step 2 is finished with at least one location and one chosen topic."""
    missing = []
    if not Location.select().where(Location.campaign == campaign_id).exists():
        missing.append("tambahkan minimal satu lokasi wawaran (tab Lokasi)")
    if not DataItem.select().where((DataItem.campaign == campaign_id) & (DataItem.selected == True)).exists():  # noqa: E712
        missing.append("pilih minimal satu topik dari data tahap 1 (tab Topik)")
    if missing:
        raise RuleError(f"Tahap 2 belum dapat diselesaikan: {' dan '.join(missing)}.")


def _meeting_theirs(row: Briefing) -> dict[str, str]:
    held_at = from_db(row.held_at)
    return {FIELD_LABELS["held_at"]: fmt.long_date_time(held_at) if held_at else "belum diisi",
            FIELD_LABELS["place"]: row.place, FIELD_LABELS["agenda"]: row.agenda,
            FIELD_LABELS["technical_notes"]: row.technical_notes}


def _long_text(value: str | None, label: str, field: str, maximum: int) -> str:
    """A multi-line text kept as typed (only its length is checked)."""
    text = value or ""
    if len(text) > maximum:
        raise ValidationError(f"{label} terlalu panjang ({len(text)} karakter, maksimal {maximum}).", field)
    return text


def _ids(values: Iterable[int], label: str, field: str) -> set[int]:
    ids = set()
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{label}: pilihan tidak dikenal.", field)
        ids.add(value)
    return ids



def _renumber(ids: list[int]) -> None:
    for position, ident in enumerate(ids):
        Location.update(position=position).where(Location.id == ident).execute()


def _log(ws: Workspace, actor: Staff, campaign_id: int, action: str, detail: str) -> None:
    record_audit(at=to_db(ws.clock()), actor=actor, campaign=campaign_id, action=action, detail=detail)
