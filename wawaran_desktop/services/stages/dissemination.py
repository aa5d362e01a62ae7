"""Stage 7, Pelaksanaan Diseminasi: the car's route, stop by stop.

The route starts as the briefing's locations (in their order); unplanned stops can be
added. At each stop "Tiba" and "Berangkat" stamp the time (to the minute, editable later),
with the flyers handed out, the estimated audience, notes and photos. Times stay in order
along the route and never lie in the future.

The route's order (following the briefing, the drive order) lives in ``route_sync`` and the
time rules in ``route_times``; this module is the stage's service and finish rule.

Each stop carries a version: an edit of its times, counts or notes, a stamp and a removal
name the version read (``version=``; None: any) and are refused with a ConflictError when
another PC changed the stop first, or removed it ("telah dihapus di komputer lain"). Moving
stops along the route (the drive order, following the briefing) is no edit of theirs.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Campaign, database
from wawaran_desktop.db.stage_models import Attachment, Location, RouteStop
from wawaran_desktop.services import lanes, sop_registry, versions, wilayah
from wawaran_desktop.services.attachments import IMAGE_SUFFIXES, AttachmentRecord, AttachmentService
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus
from wawaran_desktop.services.stages.common import clean_text, editable_campaign, require_count
from wawaran_desktop.services.stages.locations import ADDRESS_MAX  # the briefing's locations' limit
from wawaran_desktop.services.stages.route_sync import follow_briefing, move_after_last_timed, sync_plan, untouched
from wawaran_desktop.services.stages.route_times import check_times, minute
from wawaran_desktop.services.step_state import stage_finished
from wawaran_desktop.text import formatting as fmt

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

WORKSPACE = "dissemination"
DEFAULT_STEP_NO = 7
COUNT_MAX = 100_000
NOTES_MAX = 2_000
UNSET = object()  # "leave this field as it is"
#: What serialises writers of a route made from the briefing (db.dialect.write_transaction).
ROUTE_LOCK = "dissemination.route"


class StopRecord(NamedTuple):
    id: int
    position: int  # 1-based place on the route
    location_id: int | None
    planned: bool
    kelurahan_code: str
    place: str  # "Kelurahan Sukasari, Kecamatan Tangerang"
    address: str
    planned_time: str | None  # "HH:MM" WIB from the briefing
    arrived_at: datetime | None  # aware UTC
    departed_at: datetime | None
    flyers: int
    audience: int
    notes: str
    photos: int
    version: int = 0

    @property
    def visited(self) -> bool:
        return self.arrived_at is not None and self.departed_at is not None

    @property
    def short_place(self) -> str:
        """``Sukasari (Tangerang)`` for tables."""
        area = wilayah.load()
        kel = area.names.get(self.kelurahan_code, self.kelurahan_code)
        kec = area.names.get(area.kecamatan_of(self.kelurahan_code), "?")
        return f"{kel} ({kec})"


class RouteTotals(NamedTuple):
    stops: int
    visited: int
    flyers: int
    audience: int
    first_arrival: datetime | None
    last_departure: datetime | None

    @property
    def route_seconds(self) -> float | None:
        """From the first arrival to the last departure."""
        if self.first_arrival is None or self.last_departure is None:
            return None
        return max(0.0, (self.last_departure - self.first_arrival).total_seconds())


class RouteRecord(NamedTuple):
    stops: tuple[StopRecord, ...]
    totals: RouteTotals
    step_no: int  # the dissemination's step in the campaign's pinned SOP (its time: the campaign record)

    def stop(self, stop_id: int) -> StopRecord:
        return next(s for s in self.stops if s.id == stop_id)


def step_no_of(record: CampaignRecord, workspace: str, default: int) -> int:
    """The step of ``record`` whose pinned SOP activity records ``workspace``."""
    no = record.sop.step_of(workspace)
    return default if no is None else no


def _stop_record(row: RouteStop, position: int, photos: int, planned_time: str | None) -> StopRecord:
    return StopRecord(
        id=row.id, position=position, location_id=row.location_id, planned=bool(row.planned),
        kelurahan_code=row.kelurahan_code, place=wilayah.load().describe(row.kelurahan_code),
        address=row.address, planned_time=planned_time, arrived_at=from_db(row.arrived_at),
        departed_at=from_db(row.departed_at), flyers=row.flyers, audience=row.audience,
        notes=row.notes, photos=photos, version=row.version)


def stop_labelled(row: RouteStop) -> dict[str, str]:
    """A stop as stored, by the form's labels (for the comparison of two versions)."""
    return labelled(from_db(row.arrived_at), from_db(row.departed_at), row.flyers, row.audience, row.notes)


def labelled(arrived: datetime | None, departed: datetime | None, flyers: int, audience: int,
             notes: str) -> dict[str, str]:
    return {"Tiba": fmt.date_time(arrived) if arrived else "", "Berangkat": fmt.date_time(departed) if departed else "",
            "Selebaran": str(flyers), "Perkiraan warga": str(audience), "Catatan": (notes or "").strip()}


def what(row: RouteStop) -> str:
    return f"Lokasi rute {wilayah.load().describe(row.kelurahan_code)}"


def stops_of(campaign_id: int) -> tuple[StopRecord, ...]:
    """The campaign's stops in route order (read only; used by the report too)."""
    rows = list(RouteStop.select().where(RouteStop.campaign == campaign_id)
                .order_by(RouteStop.position, RouteStop.id))
    ids = [r.id for r in rows]
    photos: dict[int, int] = {}
    if ids:
        for a in Attachment.select(Attachment.route_stop).where(Attachment.route_stop.in_(ids)):
            photos[a.route_stop_id] = photos.get(a.route_stop_id, 0) + 1
    times = {loc.id: loc.planned_time for loc in
             Location.select(Location.id, Location.planned_time).where(Location.campaign == campaign_id)}
    return tuple(_stop_record(r, i, photos.get(r.id, 0), times.get(r.location_id))
                 for i, r in enumerate(rows, 1))


def totals_of(stops: tuple[StopRecord, ...]) -> RouteTotals:
    arrivals = [s.arrived_at for s in stops if s.arrived_at is not None]
    departures = [s.departed_at for s in stops if s.departed_at is not None]
    return RouteTotals(stops=len(stops), visited=sum(1 for s in stops if s.visited),
                       flyers=sum(s.flyers for s in stops), audience=sum(s.audience for s in stops),
                       first_arrival=min(arrivals, default=None), last_departure=max(departures, default=None))


class Service:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.attachments = AttachmentService(ws)

    # -- reading --------------------------------------------------------------------------
    def route(self, campaign_id: int) -> RouteRecord:
        campaign = Campaign.get_or_none(Campaign.id == campaign_id)
        if campaign is None:
            raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
        no = sop_registry.pinned(campaign.sop_id).step_of(WORKSPACE) or DEFAULT_STEP_NO
        stops = stops_of(campaign_id)
        return RouteRecord(stops=stops, totals=totals_of(stops), step_no=no)

    def in_sync(self, campaign_id: int) -> bool:
        """Whether the route already follows the briefing (ensure_route would change nothing)."""
        return sync_plan(campaign_id).empty

    def photos(self, campaign_id: int, stop_id: int) -> list[AttachmentRecord]:
        self._stop(campaign_id, stop_id)
        return self.attachments.list(campaign_id, route_stop_id=stop_id)

    # -- the route ------------------------------------------------------------------------
    def ensure_route(self, actor_id: int | None, campaign_id: int) -> RouteRecord:
        """Make the route follow the briefing: a stop for every location that has none, the
        not-yet-visited stops in the briefing's order and at its places.

        Stops are never duplicated, and a stop with anything recorded is never removed; an
        untouched planned stop whose location was deleted from the briefing goes too. Stops
        already arrived at keep the order the car drove them in.
        """
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "dissemination")
        with write_transaction(ROUTE_LOCK):  # two people following the briefing at once add each stop once
            follow_briefing(campaign_id)
        return self.route(campaign_id)

    def may_edit(self, actor_id: int | None, campaign_id: int) -> bool:
        """Whether ``actor_id`` may change the route now, as is (no override asked)."""
        from wawaran_desktop.db.models import Staff

        actor = Staff.get_or_none((Staff.id == actor_id) & (Staff.active == True)) if actor_id else None  # noqa: E712
        campaign = Campaign.get_or_none(Campaign.id == campaign_id)
        if actor is None or campaign is None or campaign.status == CampaignStatus.CANCELLED.value:
            return False
        no = sop_registry.pinned(campaign.sop_id).step_of(WORKSPACE)
        return no is None or lanes.may_act(actor, campaign, no)

    def take_briefing(self, actor_id: int | None, campaign_id: int) -> RouteRecord | None:
        """The route takes the briefing's locations by itself while it is still empty (issue 15):
        stored as ``actor_id``'s edit (audited) when they may change the route now and the briefing
        is finished (until then its locations may still change: they are shown, not taken); None
        when nothing was taken (the route has stops, the briefing has none or is not finished, or
        they may not)."""
        campaign = Campaign.get_or_none(Campaign.id == campaign_id)
        if campaign is None or stage_finished(campaign, "briefing") is None \
                or not self.may_edit(actor_id, campaign_id) \
                or not Location.select().where(Location.campaign == campaign_id).exists():
            return None
        actor = self.ws.staff.require_active(actor_id)
        with write_transaction(ROUTE_LOCK):  # two PCs opening the tab at once take it once (the server too)
            if RouteStop.select().where(RouteStop.campaign == campaign_id).exists() \
                    or not Location.select().where(Location.campaign == campaign_id).exists():
                return None  # (read again under the lock: another PC took it meanwhile)
            follow_briefing(campaign_id)
            taken = RouteStop.select().where(RouteStop.campaign == campaign_id).count()
            self._audit(actor, campaign_id, "route_take", f"{taken} lokasi dari daftar lokasi tahap Briefing")
        return self.route(campaign_id)

    def planned_stops(self, campaign_id: int) -> tuple[StopRecord, ...]:
        """The briefing's locations as the route's stops would start (nothing stored): what an
        empty route shows to someone who may not take it. Their ids are the locations' ids negated."""
        return tuple(StopRecord(id=-loc.id, position=i, location_id=loc.id, planned=True,
                                kelurahan_code=loc.kelurahan_code, place=wilayah.load().describe(loc.kelurahan_code),
                                address=loc.address, planned_time=loc.planned_time, arrived_at=None, departed_at=None,
                                flyers=0, audience=0, notes="", photos=0)
                     for i, loc in enumerate(Location.select().where(Location.campaign == campaign_id)
                                             .order_by(Location.position, Location.id), 1))

    def add_unplanned_stop(self, actor_id: int | None, campaign_id: int, kelurahan_code: str | None,
                           address: str) -> StopRecord:
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "dissemination")
        code = (kelurahan_code or "").strip()
        if not code:
            raise ValidationError("Pilih kecamatan dan kelurahan lokasi.", "kelurahan")
        if not wilayah.load().is_kelurahan(code):
            raise ValidationError("Kelurahan tidak dikenal di Kota Tangerang.", "kelurahan")
        text = clean_text(address, "Alamat atau patokan", "address", ADDRESS_MAX, required=False)
        with database.atomic():
            last = RouteStop.select(RouteStop.position).where(RouteStop.campaign == campaign_id) \
                .order_by(RouteStop.position.desc()).first()
            row = RouteStop.create(campaign=campaign_id, position=(last.position if last else 0) + 1,
                                   kelurahan_code=code, address=text, planned=False)
            self._audit(actor, campaign_id, "route_add", wilayah.load().describe(code))
        return self._record(campaign_id, row.id)

    def remove_stop(self, actor_id: int | None, campaign_id: int, stop_id: int, version: int | None = None) -> None:
        """Remove an unplanned stop added by mistake (nothing recorded at it yet), if still at
        ``version``."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "dissemination")
        stop = self._stop(campaign_id, stop_id, version)
        if stop.planned:
            raise RuleError("Lokasi rencana dari briefing tidak dapat dihapus di sini; "
                            "ubah daftar lokasi pada tahap Briefing.")
        if not untouched(stop):
            raise RuleError("Lokasi ini sudah berisi catatan (waktu, jumlah, catatan atau foto); "
                            "kosongkan dulu isinya bila memang salah tambah.")
        with database.atomic():
            where = RouteStop.id == stop.id
            if not RouteStop.delete().where(where if version is None else where & (RouteStop.version == version)) \
                    .execute():
                raise versions.conflict(what(stop), RouteStop.get_or_none(where), stop_labelled)
            self._audit(actor, campaign_id, "route_remove", wilayah.load().describe(stop.kelurahan_code))

    # -- times ----------------------------------------------------------------------------
    def arrive(self, actor_id: int | None, campaign_id: int, stop_id: int, version: int | None = None) -> StopRecord:
        """Stamp the arrival now. A stop visited out of the planned order moves up to just
        after the last visited stop, so the route reads in the order the car drove it."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "dissemination")
        stop = self._stop(campaign_id, stop_id, version)
        if stop.arrived_at is not None:
            raise RuleError(f"Waktu tiba di lokasi ini sudah tercatat (pukul {fmt.clock_time(from_db(stop.arrived_at))}); "
                            "ubah waktunya di kolom Tiba bila perlu.")
        still = RouteStop.select().where((RouteStop.campaign == campaign_id) & RouteStop.arrived_at.is_null(False)
                                         & RouteStop.departed_at.is_null(True)).first()
        if still is not None:
            raise RuleError(f"Mobil masih tercatat di {wilayah.load().describe(still.kelurahan_code)}. "
                            "Tekan 'Berangkat' untuk lokasi itu dulu.")
        now = minute(self.ws.clock())
        with database.atomic():
            move_after_last_timed(campaign_id, stop)
            check_times(campaign_id, stop, now, None, self.ws.clock)
            self._write(stop, version, {RouteStop.arrived_at: to_db(now)})
            self._audit(actor, campaign_id, "route_arrive", f"{_place(stop)} pukul {fmt.clock_time(now)}")
        return self._record(campaign_id, stop.id)

    def depart(self, actor_id: int | None, campaign_id: int, stop_id: int, version: int | None = None) -> StopRecord:
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "dissemination")
        stop = self._stop(campaign_id, stop_id, version)
        if stop.arrived_at is None:
            raise RuleError("Tekan 'Tiba' dulu: waktu tiba di lokasi ini belum tercatat.")
        if stop.departed_at is not None:
            raise RuleError(f"Waktu berangkat dari lokasi ini sudah tercatat (pukul "
                            f"{fmt.clock_time(from_db(stop.departed_at))}); ubah waktunya di kolom Berangkat bila perlu.")
        now = minute(self.ws.clock())
        arrived = from_db(stop.arrived_at)
        with database.atomic():
            check_times(campaign_id, stop, arrived, max(now, arrived), self.ws.clock)
            self._write(stop, version, {RouteStop.departed_at: to_db(max(now, arrived))})
            self._audit(actor, campaign_id, "route_depart",
                        f"{_place(stop)} pukul {fmt.clock_time(max(now, arrived))}")
        return self._record(campaign_id, stop.id)

    def edit_times(self, actor_id: int | None, campaign_id: int, stop_id: int,
                   arrived_at: datetime | None, departed_at: datetime | None,
                   version: int | None = None) -> StopRecord:
        """Correct (or clear, with None) a stop's times, if the stop is still at ``version``."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "dissemination")
        stop = self._stop(campaign_id, stop_id, version)
        for value, label, field in ((arrived_at, "Waktu tiba", "arrived_at"),
                                    (departed_at, "Waktu berangkat", "departed_at")):
            if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
                raise ValidationError(f"{label} harus tanggal dan jam.", field)
        arrived = minute(arrived_at) if arrived_at is not None else None
        departed = minute(departed_at) if departed_at is not None else None
        check_times(campaign_id, stop, arrived, departed, self.ws.clock)
        with database.atomic():
            self._write(stop, version, {RouteStop.arrived_at: to_db(arrived) if arrived else None,
                                        RouteStop.departed_at: to_db(departed) if departed else None})
            self._audit(actor, campaign_id, "route_times", f"{_place(stop)}: tiba "
                        f"{fmt.clock_time(arrived) if arrived else '-'}, berangkat "
                        f"{fmt.clock_time(departed) if departed else '-'}")
        return self._record(campaign_id, stop.id)

    # -- what happened at the stop --------------------------------------------------------
    def update_stop(self, actor_id: int | None, campaign_id: int, stop_id: int, *,
                    flyers: object = UNSET, audience: object = UNSET, notes: object = UNSET,
                    version: int | None = None) -> StopRecord:
        """Store the flyers handed out, the estimated audience and/or the notes of a stop, if
        the stop is still at ``version``."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "dissemination")
        stop = self._stop(campaign_id, stop_id, version)
        changes: dict[str, object] = {}
        if flyers is not UNSET:
            changes["flyers"] = require_count(flyers, "Jumlah selebaran", "flyers", COUNT_MAX)
        if audience is not UNSET:
            changes["audience"] = require_count(audience, "Perkiraan jumlah warga", "audience", COUNT_MAX)
        if notes is not UNSET:
            if notes is not None and not isinstance(notes, str):
                raise ValidationError("Catatan harus berupa teks.", "notes")
            changes["notes"] = clean_text(notes, "Catatan lokasi", "notes", NOTES_MAX, required=False)
        if changes:
            with database.atomic():
                self._write(stop, version, changes)
        return self._record(campaign_id, stop.id)

    def add_photo(self, actor_id: int | None, campaign_id: int, stop_id: int,
                  source: str | Path) -> AttachmentRecord:
        lanes.require_stage(self.ws.staff.require_active(actor_id), campaign_id, "dissemination")
        self._stop(campaign_id, stop_id)
        if Path(source).suffix.lower() not in IMAGE_SUFFIXES:
            raise ValidationError(f"{Path(source).name} bukan foto. Pilih berkas gambar "
                                  "(JPG, PNG, GIF, BMP atau WEBP).", "photo")
        return self.attachments.add(actor_id, campaign_id, source, route_stop_id=stop_id)

    def remove_photo(self, actor_id: int | None, campaign_id: int, attachment_id: int) -> None:
        lanes.require_stage(self.ws.staff.require_active(actor_id), campaign_id, "dissemination")
        row = Attachment.get_or_none((Attachment.id == attachment_id) & (Attachment.campaign == campaign_id)
                                     & Attachment.route_stop.is_null(False))
        if row is None:
            raise NotFound("Foto tidak ditemukan pada rute kampanye ini.")
        self.attachments.remove(actor_id, attachment_id)

    # -- helpers --------------------------------------------------------------------------
    def _stop(self, campaign_id: int, stop_id: int, version: int | None = None) -> RouteStop:
        """The stop as stored; one read at ``version`` that another PC changed or removed
        meanwhile is refused (ConflictError), before any rule looks at it."""
        row = RouteStop.get_or_none((RouteStop.id == stop_id) & (RouteStop.campaign == campaign_id))
        if row is None and version is not None:
            raise versions.conflict("Lokasi rute ini", None)
        if row is None:
            raise NotFound("Lokasi rute tidak ditemukan pada kampanye ini.")
        if version is not None and row.version != version:
            raise versions.conflict(what(row), row, stop_labelled)
        return row

    @staticmethod
    def _write(stop: RouteStop, version: int | None, values: dict) -> None:
        """Store ``values`` in ``stop`` if still at ``version`` (checked and written in one statement)."""
        versions.update(RouteStop, RouteStop.id == stop.id, version, values, what(stop), stop_labelled)

    def _record(self, campaign_id: int, stop_id: int) -> StopRecord:
        return next(s for s in stops_of(campaign_id) if s.id == stop_id)

    def _audit(self, actor, campaign_id: int, action: str, detail: str) -> None:
        record_audit(at=to_db(self.ws.clock()), actor=actor, campaign=campaign_id, action=action,
                     detail=detail)


def check_finish(campaign_id: int, reason: str | None) -> None:
    """At least one stop visited (arrived and departed), and the car has left its last stop."""
    stops = stops_of(campaign_id)
    open_stop = next((s for s in stops if s.arrived_at is not None and s.departed_at is None), None)
    if open_stop is not None:
        raise RuleError(f"Mobil masih tercatat di {open_stop.place}: catat waktu berangkatnya dulu "
                        "sebelum menyelesaikan tahap ini.")
    if not any(s.visited for s in stops):
        raise RuleError("Belum ada lokasi yang tercatat dikunjungi. Catat waktu tiba dan berangkat "
                        "minimal di satu lokasi sebelum menyelesaikan tahap ini.")


def _place(stop: RouteStop) -> str:
    return wilayah.load().describe(stop.kelurahan_code)
