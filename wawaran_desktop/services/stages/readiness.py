"""Stage 6, Pengecekan kelengkapan: the checklist of what the wawaran needs before it leaves.

Items, in order:

- ``kelengkapan:<i>``: one per kelengkapan of this activity in the campaign's pinned SOP,
  ticked by the checker. The tick is the step's own ChecklistMark (the list the stage tab
  shows beside the panel), so the two lists never disagree; ReadinessItem holds its note.
- ``flyers``: computed, done when ``Readiness.flyers_count`` > 0.
- ``locations``: computed, done when the campaign has locations and all are confirmed.
- ``script``: computed, done when a NarrationVersion is marked final.
- ``vehicle_fuel``, ``vehicle_sound``: ticked by the checker (ReadinessItem rows).
- ``crew``: computed, done when an active driver and an active announcer are assigned.

Finishing the step with an open item needs a recorded reason (:func:`check_finish`).

Versions: the counts and crew (Readiness) carry one, each ReadinessItem row (a vehicle item's
tick, any item's note) its own; a save names the one it was based on (``version=``, 0: not
stored yet, None: any) and is refused with a ConflictError when another PC saved first. A
kelengkapan's tick is the step's ChecklistMark, a yes/no stored as it is clicked: no version.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.models import Campaign, ChecklistMark, Staff, Step, database
from wawaran_desktop.db.stage_models import Location, NarrationVersion, Readiness, ReadinessItem
from wawaran_desktop.services import lanes, sop_registry, versions
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import NotFound, ReasonRequired, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.staff import staff_record
from wawaran_desktop.services.stages.common import clean_text, editable_campaign, require_count
from wawaran_desktop.text.formatting import clock_time, short_date, thousands

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

WORKSPACE = "readiness"
KELENGKAPAN_PREFIX = "kelengkapan:"
MANUAL_LABELS = {
    "vehicle_fuel": "Bahan bakar cukup",
    "vehicle_sound": "Sound system berfungsi",
}
COMPUTED_LABELS = {
    "flyers": "Flyers disiapkan",
    "locations": "Lokasi dikonfirmasi",
    "script": "Narasi final tersedia",
    "crew": "Sopir dan penyiar ditugaskan",
}
NOTE_MAX = 500
FLYERS_MAX = 100_000
DRIVER_LANE = "kernet"


class CheckItem(NamedTuple):
    key: str
    label: str
    done: bool
    computed: bool  # True: determined from the records; False: ticked by the checker
    detail: str  # why it is open, or what makes it done
    note: str = ""
    checked_by_name: str | None = None
    checked_at: datetime | None = None  # aware UTC
    version: int = 0  # of the item's stored row (its tick or note; 0: none stored yet)

    @property
    def state(self) -> str:
        return "done" if self.done else "open"

    @property
    def how(self) -> str:
        return "otomatis" if self.computed else "dicentang"


class ReadinessRecord(NamedTuple):
    campaign_id: int
    flyers_count: int | None
    driver: StaffRecord | None
    announcer: StaffRecord | None
    items: tuple[CheckItem, ...]
    locations_total: int
    locations_open: int
    updated_by_name: str | None
    updated_at: datetime | None
    version: int = 0  # of the stored counts and crew (0: none stored yet)

    @property
    def open_items(self) -> tuple[CheckItem, ...]:
        return tuple(item for item in self.items if not item.done)

    def item(self, key: str) -> CheckItem:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)


def _staff_record(row: Staff | None) -> StaffRecord | None:
    return staff_record(row) if row is not None else None


def step_no(campaign: Campaign) -> int | None:
    """The number of this workspace's activity in the campaign's pinned SOP."""
    return sop_registry.pinned(campaign.sop_id).step_of(WORKSPACE)


def _kelengkapan(campaign: Campaign) -> tuple[str, ...]:
    no = step_no(campaign)
    return sop_registry.pinned(campaign.sop_id).activity(no).kelengkapan if no is not None else ()


def _ticked_by(name: str | None, at: datetime | None) -> str:
    if at is None:
        return "Dicentang"
    return f"Dicentang {name or '-'}, {short_date(at)} pukul {clock_time(at)} WIB"


def checklist(campaign_id: int) -> ReadinessRecord:
    """Every item of the campaign's checklist, read from the records now."""
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    if campaign is None:
        raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
    rows = {r.item_key: r for r in ReadinessItem.select().where(ReadinessItem.campaign == campaign_id)}
    names = {s.id: s.name for s in Staff.select(Staff.id, Staff.name)}
    readiness = Readiness.get_or_none(Readiness.campaign == campaign_id)
    items: list[CheckItem] = []

    def note(key: str) -> str:
        return rows[key].note if key in rows else ""

    def version(key: str) -> int:
        return rows[key].version if key in rows else 0

    no = step_no(campaign)
    marks = {}
    if no is not None:
        marks = {m.item: m for m in ChecklistMark.select().join(Step).where(
            (Step.campaign == campaign_id) & (Step.no == no))}
    for i, text in enumerate(_kelengkapan(campaign)):
        key, mark = f"{KELENGKAPAN_PREFIX}{i}", marks.get(i)
        at = from_db(mark.checked_at) if mark else None
        by = names.get(mark.checked_by_id) if mark else None
        items.append(CheckItem(key, f"Kelengkapan: {text}", mark is not None, False,
                               _ticked_by(by, at) if mark else "Belum dicentang", note(key), by, at, version(key)))

    count = readiness.flyers_count if readiness else None
    detail = ("Jumlah flyers belum diisi" if count is None else
              "Jumlah flyers masih 0" if count == 0 else f"{thousands(count)} lembar")
    items.append(CheckItem("flyers", COMPUTED_LABELS["flyers"], bool(count), True, detail, note("flyers"),
                           version=version("flyers")))

    total = Location.select().where(Location.campaign == campaign_id).count()
    unconfirmed = Location.select().where((Location.campaign == campaign_id) & (Location.confirmed == False)).count()  # noqa: E712
    detail = ("Belum ada lokasi (isi di tahap Briefing)" if total == 0 else
              f"{unconfirmed} dari {total} lokasi belum dikonfirmasi" if unconfirmed else
              f"Semua {total} lokasi dikonfirmasi")
    items.append(CheckItem("locations", COMPUTED_LABELS["locations"], total > 0 and not unconfirmed, True,
                           detail, note("locations"), version=version("locations")))

    final = (NarrationVersion.select(NarrationVersion.number)
             .where((NarrationVersion.campaign == campaign_id) & (NarrationVersion.is_final == True))  # noqa: E712
             .scalar())
    detail = f"Narasi versi {final} ditandai final" if final is not None else \
        "Belum ada narasi final (tandai di tahap Narasi)"
    items.append(CheckItem("script", COMPUTED_LABELS["script"], final is not None, True, detail, note("script"),
                           version=version("script")))

    for key, label in MANUAL_LABELS.items():
        row = rows.get(key)
        done = bool(row and row.checked)
        at = from_db(row.checked_at) if done else None
        by = names.get(row.checked_by_id) if done else None
        items.append(CheckItem(key, label, done, False, _ticked_by(by, at) if done else "Belum dicentang",
                               note(key), by, at, version(key)))

    driver = Staff.get_or_none(Staff.id == readiness.driver_id) if readiness and readiness.driver_id else None
    announcer = (Staff.get_or_none(Staff.id == readiness.announcer_id)
                 if readiness and readiness.announcer_id else None)
    items.append(_crew_item(driver, announcer, note("crew"))._replace(version=version("crew")))

    editor = names.get(readiness.updated_by_id) if readiness and readiness.updated_by_id else None
    return ReadinessRecord(
        campaign_id=campaign_id, flyers_count=count, driver=_staff_record(driver),
        announcer=_staff_record(announcer), items=tuple(items), locations_total=total,
        locations_open=unconfirmed, updated_by_name=editor,
        updated_at=from_db(readiness.updated_at) if readiness else None,
        version=readiness.version if readiness else 0)


def labelled(record: ReadinessRecord) -> dict[str, str]:
    """The counts and crew by the form's labels, as the comparison of two versions shows them."""
    return {"Jumlah flyers": "" if record.flyers_count is None else str(record.flyers_count),
            "Sopir": record.driver.name if record.driver else "",
            "Penyiar": record.announcer.name if record.announcer else ""}


def item_labelled(item: CheckItem) -> dict[str, str]:
    """One item's stored row by label: its tick (a vehicle item) and its note."""
    shown = {f"Catatan: {item.label}": item.note}
    if not item.computed and not item.key.startswith(KELENGKAPAN_PREFIX):
        shown[item.label] = "dicentang" if item.done else "belum dicentang"
    return shown


def _label_of(campaign_id: int, key: str) -> str:
    """The label of item ``key`` (a valid key of the campaign's checklist)."""
    if key in MANUAL_LABELS or key in COMPUTED_LABELS:
        return {**MANUAL_LABELS, **COMPUTED_LABELS}[key]
    items = _kelengkapan(Campaign.get_by_id(campaign_id))
    index = int(key[len(KELENGKAPAN_PREFIX):])
    return f"Kelengkapan: {items[index]}" if index < len(items) else key


def _crew_item(driver: Staff | None, announcer: Staff | None, note: str) -> CheckItem:
    problems = []
    for role, person in (("Sopir", driver), ("Penyiar", announcer)):
        if person is None:
            problems.append(f"{role} belum ditugaskan")
        elif not person.active:
            problems.append(f"{role} {person.name} sudah tidak aktif")
    if problems:
        detail = "; ".join(problems)
    else:
        detail = f"Sopir: {driver.name}; penyiar: {announcer.name}"
        if driver.lane != DRIVER_LANE:
            detail += " (sopir bukan dari peran Kernet/Supir)"
    return CheckItem("crew", COMPUTED_LABELS["crew"], not problems, True, detail, note)


def check_finish(campaign_id: int, reason: str | None) -> None:
    """An open item blocks finishing unless the checker records a reason."""
    record = checklist(campaign_id)
    if record.open_items and not reason:
        labels = ", ".join(item.label for item in record.open_items)
        raise ReasonRequired(f"Belum lengkap: {labels}. Isi alasan untuk tetap menyelesaikan.")


class Service:
    """Read the checklist; tick items, write notes, count flyers, assign the crew."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def get(self, campaign_id: int) -> ReadinessRecord:
        return checklist(campaign_id)

    def set_item(self, actor_id: int | None, campaign_id: int, key: str, checked: bool,
                 version: int | None = None) -> ReadinessRecord:
        """Tick or untick an item the checker decides (not a computed one); a vehicle item's
        row if still at ``version`` (a kelengkapan's tick has none)."""
        actor = self.ws.staff.require_active(actor_id)
        campaign = editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "readiness")
        index = self._kelengkapan_index(campaign, key)
        if index is not None:
            self.ws.steps.set_checked(actor.id, campaign_id, step_no(campaign), index, bool(checked))
            return self.get(campaign_id)
        if key in COMPUTED_LABELS:
            raise RuleError(f"\"{COMPUTED_LABELS[key]}\" dihitung otomatis dari isian tahap lain; "
                            "butir ini tidak dicentang manual.")
        if key not in MANUAL_LABELS:
            raise ValidationError("Butir pemeriksaan tidak dikenal.", "item")
        now = to_db(self.ws.clock())
        with database.atomic():
            self._store_item(campaign_id, key, version, {"checked": bool(checked),
                                                          "checked_by": actor.id if checked else None,
                                                          "checked_at": now if checked else None})
            self._touch(campaign_id, now)
        return self.get(campaign_id)

    def set_note(self, actor_id: int | None, campaign_id: int, key: str, note: str,
                 version: int | None = None) -> ReadinessRecord:
        """Store an item's note, if its row is still at ``version``."""
        actor = self.ws.staff.require_active(actor_id)
        campaign = editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "readiness")
        if key not in self._keys(campaign):
            raise ValidationError("Butir pemeriksaan tidak dikenal.", "item")
        text = clean_text(note, "Catatan butir", "note", NOTE_MAX, required=False)
        now = to_db(self.ws.clock())
        with database.atomic():
            self._store_item(campaign_id, key, version, {"note": text})
            self._touch(campaign_id, now)
        return self.get(campaign_id)

    def set_flyers(self, actor_id: int | None, campaign_id: int, count: int | None,
                   version: int | None = None) -> ReadinessRecord:
        """The number of flyers prepared (None: not counted yet), if the counts and crew are
        still at ``version``."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "readiness")
        if count is not None:
            count = require_count(count, "Jumlah flyers", "flyers_count", FLYERS_MAX)
        return self._update(actor, campaign_id, version, flyers_count=count)

    def set_driver(self, actor_id: int | None, campaign_id: int, staff_id: int | None,
                   version: int | None = None) -> ReadinessRecord:
        return self._set_crew(actor_id, campaign_id, "driver", staff_id, version)

    def set_announcer(self, actor_id: int | None, campaign_id: int, staff_id: int | None,
                      version: int | None = None) -> ReadinessRecord:
        return self._set_crew(actor_id, campaign_id, "announcer", staff_id, version)

    def confirm_locations(self, actor_id: int | None, campaign_id: int) -> int:
        """Mark every location of the campaign confirmed; returns how many were newly confirmed."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "readiness")
        if not Location.select().where(Location.campaign == campaign_id).exists():
            raise RuleError("Belum ada lokasi untuk dikonfirmasi. Isi lokasi wawaran di tahap Briefing.")
        now = to_db(self.ws.clock())
        with database.atomic():
            changed = Location.update(confirmed=True).where(
                (Location.campaign == campaign_id) & (Location.confirmed == False)).execute()  # noqa: E712
            if changed:
                record_audit(at=now, actor=actor, campaign=campaign_id, action="locations.confirm",
                             detail=f"{changed} lokasi dikonfirmasi")
            self._touch(campaign_id, now)
        return changed

    # -- helpers ------------------------------------------------------------------------
    def _set_crew(self, actor_id: int | None, campaign_id: int, role: str, staff_id: int | None,
                  version: int | None) -> ReadinessRecord:
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "readiness")
        label = "Sopir" if role == "driver" else "Penyiar"
        if staff_id is not None:
            person = Staff.get_or_none(Staff.id == staff_id)
            if person is None or not person.active:
                raise ValidationError(f"{label} harus petugas yang aktif.", role)
            current = Readiness.get_or_none(Readiness.campaign == campaign_id)
            other = getattr(current, "announcer_id" if role == "driver" else "driver_id", None)
            if other == staff_id:
                raise ValidationError("Sopir dan penyiar harus orang yang berbeda: penyiar bertugas di "
                                      "pengeras suara selama sopir mengemudi.", role)
        return self._update(actor, campaign_id, version, **{role: staff_id})

    def _update(self, actor: Staff, campaign_id: int, version: int | None, **values) -> ReadinessRecord:
        now = to_db(self.ws.clock())
        with database.atomic():
            versions.upsert(Readiness, Readiness.campaign == campaign_id, version, {"campaign": campaign_id},
                            {**values, "updated_by": actor.id, "updated_at": now}, "Pengecekan kelengkapan",
                            theirs=lambda _row: labelled(checklist(campaign_id)))
            self._touch(campaign_id, now)
        return self.get(campaign_id)

    @staticmethod
    def _store_item(campaign_id: int, key: str, version: int | None, values: dict) -> None:
        """Store ``values`` in the item's row (made on its first save) if still at ``version``."""
        versions.upsert(ReadinessItem, (ReadinessItem.campaign == campaign_id) & (ReadinessItem.item_key == key),
                        version, {"campaign": campaign_id, "item_key": key}, values,
                        f"Butir \"{_label_of(campaign_id, key)}\"",
                        theirs=lambda _row: item_labelled(checklist(campaign_id).item(key)))

    @staticmethod
    def _touch(campaign_id: int, now: datetime) -> None:
        Campaign.update(updated_at=now).where(Campaign.id == campaign_id).execute()

    @staticmethod
    def _keys(campaign: Campaign) -> set[str]:
        kelengkapan = {f"{KELENGKAPAN_PREFIX}{i}" for i in range(len(_kelengkapan(campaign)))}
        return kelengkapan | set(MANUAL_LABELS) | set(COMPUTED_LABELS)

    @staticmethod
    def _kelengkapan_index(campaign: Campaign, key: str) -> int | None:
        if not isinstance(key, str) or not key.startswith(KELENGKAPAN_PREFIX):
            return None
        suffix = key[len(KELENGKAPAN_PREFIX):]
        if not suffix.isdigit() or int(suffix) >= len(_kelengkapan(campaign)):
            raise ValidationError("Butir kelengkapan tidak dikenal.", "item")
        return int(suffix)
