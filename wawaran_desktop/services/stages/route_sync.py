"""The dissemination route's order: following the briefing's locations, and the drive order.

Stage 7's route starts as the briefing's locations. :func:`sync_plan` says what would make
the route follow the briefing again (missing stops, orphaned or stale ones, the order), and
:func:`follow_briefing` does it. Stops already arrived at keep the order the car drove them in.
"""

from __future__ import annotations

from typing import NamedTuple

from wawaran_desktop.db.stage_models import Attachment, Location, RouteStop


class SyncPlan(NamedTuple):
    """What ensure_route would do to make the route follow the briefing."""

    missing: list[Location]  # locations without a stop, in briefing order
    orphans: list[RouteStop]  # untouched planned stops whose location is gone
    stale: list[tuple[RouteStop, Location]]  # not-yet-visited stops whose location changed place
    misordered: bool  # not-yet-visited planned stops out of the briefing's order

    @property
    def empty(self) -> bool:
        return not (self.missing or self.orphans or self.stale or self.misordered)


def route_rows(campaign_id: int) -> list[RouteStop]:
    """The campaign's stops as stored, in route order."""
    return list(RouteStop.select().where(RouteStop.campaign == campaign_id)
                .order_by(RouteStop.position, RouteStop.id))


def briefing_locations(campaign_id: int) -> list[Location]:
    """The briefing's locations, in the briefing's order."""
    return list(Location.select().where(Location.campaign == campaign_id)
                .order_by(Location.position, Location.id))


def sync_plan(campaign_id: int) -> SyncPlan:
    stops = route_rows(campaign_id)
    locations = briefing_locations(campaign_id)
    by_location = {s.location_id: s for s in stops if s.location_id is not None}
    missing = [loc for loc in locations if loc.id not in by_location]
    orphans = [s for s in stops if s.planned and s.location_id is None and untouched(s)]
    stale = [(by_location[loc.id], loc) for loc in locations if loc.id in by_location
             and by_location[loc.id].arrived_at is None
             and (by_location[loc.id].kelurahan_code, by_location[loc.id].address) != (loc.kelurahan_code, loc.address)]
    gone = {s.id for s in orphans}
    kept = [s for s in stops if s.id not in gone]
    misordered = [s.id for s in briefing_order(kept, locations)] != [s.id for s in kept]
    return SyncPlan(missing, orphans, stale, misordered)


def follow_briefing(campaign_id: int) -> None:
    """Apply :func:`sync_plan` (call inside a transaction): remove the orphans, move the stale
    stops to their location's place, add a stop per missing location and reorder."""
    plan = sync_plan(campaign_id)
    for stop in plan.orphans:
        stop.delete_instance()
    for stop, loc in plan.stale:
        RouteStop.update(kelurahan_code=loc.kelurahan_code, address=loc.address,
                         version=RouteStop.version + 1).where(RouteStop.id == stop.id).execute()  # a new place
    last = RouteStop.select(RouteStop.position).where(RouteStop.campaign == campaign_id) \
        .order_by(RouteStop.position.desc()).first()
    position = last.position if last else 0
    for loc in plan.missing:
        position += 1
        RouteStop.create(campaign=campaign_id, position=position, location=loc.id,
                         kelurahan_code=loc.kelurahan_code, address=loc.address, planned=True)
    stops = route_rows(campaign_id)
    locations = briefing_locations(campaign_id)
    for position, stop in enumerate(briefing_order(stops, locations), 1):
        if stop.position != position:
            RouteStop.update(position=position).where(RouteStop.id == stop.id).execute()


def briefing_order(stops: list[RouteStop], locations: list[Location]) -> list[RouteStop]:
    """``stops`` (in route order) with the not-yet-visited planned ones put in the briefing's
    order, among the places they hold. Stops with a recorded arrival keep the place the car
    drove them in, and unplanned stops (or stops whose location left the briefing) stay put."""
    rank = {loc.id: i for i, loc in enumerate(locations)}

    def movable(stop: RouteStop) -> bool:
        return stop.arrived_at is None and stop.location_id in rank

    slots = [i for i, s in enumerate(stops) if movable(s)]
    ordered = sorted((stops[i] for i in slots), key=lambda s: rank[s.location_id])
    result = list(stops)
    for i, stop in zip(slots, ordered):
        result[i] = stop
    return result


def move_after_last_timed(campaign_id: int, stop: RouteStop) -> None:
    """Put ``stop`` right after the last stop that has times (first when none has): the
    route lists the stops in the order the car drove, then the rest of the plan."""
    rows = route_rows(campaign_id)
    here = next(i for i, r in enumerate(rows) if r.id == stop.id)
    moving = rows.pop(here)
    timed = [i for i, r in enumerate(rows) if r.arrived_at is not None]
    rows.insert(timed[-1] + 1 if timed else 0, moving)
    for position, row in enumerate(rows, 1):
        if row.position != position:
            RouteStop.update(position=position).where(RouteStop.id == row.id).execute()


def untouched(stop: RouteStop) -> bool:
    """Nothing recorded at the stop: no times, counts, notes or photos."""
    return (stop.arrived_at is None and stop.departed_at is None and not stop.flyers and not stop.audience
            and not (stop.notes or "").strip()
            and not Attachment.select().where(Attachment.route_stop == stop.id).exists())
