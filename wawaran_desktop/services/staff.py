"""The staff directory: who can act in the SOP, with NIP checked."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from wawaran_desktop.db.models import Staff, database
from wawaran_desktop.services import versions
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.text.formatting import nip_display

NAME_MAX = 120
POSITION_MAX = 120
RANK_MAX = 60

#: The ranks (pangkat, golongan/ruang) of civil servants, offered in the staff directory; any
#: other text (a PPPK grade, say) may be typed, and staff who have none leave it empty.
PNS_RANKS = (
    "Juru Muda (I/a)", "Juru Muda Tingkat I (I/b)", "Juru (I/c)", "Juru Tingkat I (I/d)",
    "Pengatur Muda (II/a)", "Pengatur Muda Tingkat I (II/b)", "Pengatur (II/c)", "Pengatur Tingkat I (II/d)",
    "Penata Muda (III/a)", "Penata Muda Tingkat I (III/b)", "Penata (III/c)", "Penata Tingkat I (III/d)",
    "Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)", "Pembina Utama Madya (IV/d)",
    "Pembina Utama (IV/e)",
)

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace


def normalise_nip(raw: str | None) -> str | None:
    """Check an NIP (Nomor Induk Pegawai) and return its 18 digits, or None if blank.

    Accepts the usual spacing ``19730104 199703 2 001``. The structure is checked:
    birth date (8), appointment year and month (6), sex 1/2 (1), sequence (3).
    """
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if not re.fullmatch(r"[0-9 ]+", text):
        raise ValidationError("NIP hanya boleh berisi angka (18 digit), boleh dipisah spasi.", "nip")
    digits = text.replace(" ", "")
    if len(digits) != 18:
        raise ValidationError(f"NIP harus 18 digit (terisi {len(digits)} digit).", "nip")
    try:
        date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValidationError("8 digit pertama NIP harus tanggal lahir yang sah (TTTTBBHH).", "nip") from None
    if not 1 <= int(digits[12:14]) <= 12:
        raise ValidationError("Digit 9–14 NIP harus tahun dan bulan pengangkatan (TTTTBB).", "nip")
    if digits[14] not in "12":
        raise ValidationError("Digit ke-15 NIP (jenis kelamin) harus 1 atau 2.", "nip")
    return digits


def _one_line(value: str | None) -> str:
    """``value`` on one line: control and other unprintable characters become spaces, runs of
    spaces one, ends stripped."""
    return " ".join("".join(c if c.isprintable() else " " for c in value or "").split())


class StaffService:
    def __init__(self, ws: Workspace) -> None:
        self.sop = ws.sop
        self.clock = ws.clock

    def check(self, name: str, nip: str | None, position: str, lane: str, rank: str,
              exclude_id: int | None = None) -> None:
        """Raise the :class:`ValidationError` that :meth:`add`/:meth:`update` would, storing nothing
        (a form checks its fields as they are typed; ``exclude_id``: the person being edited)."""
        self._clean(name, nip, position, lane, rank, exclude_id)

    def _clean(self, name: str, nip: str | None, position: str, lane: str, rank: str,
               exclude_id: int | None = None) -> dict:
        name = _one_line(name)  # control characters (pasted, imported) never reach a document
        if not name:
            raise ValidationError("Nama petugas wajib diisi.", "name")
        if len(name) > NAME_MAX:
            raise ValidationError(f"Nama petugas terlalu panjang (maksimal {NAME_MAX} karakter).", "name")
        position = _one_line(position)
        if len(position) > POSITION_MAX:
            raise ValidationError(f"Jabatan terlalu panjang (maksimal {POSITION_MAX} karakter).", "position")
        rank = _one_line(rank)
        if len(rank) > RANK_MAX:
            raise ValidationError(f"Pangkat/golongan terlalu panjang (maksimal {RANK_MAX} karakter).", "rank")
        if lane not in {l.id for l in self.sop.lanes}:
            raise ValidationError("Pilih peran (pelaksana) petugas.", "lane")
        digits = normalise_nip(nip)
        if digits:
            clash = Staff.select().where(Staff.nip == digits)
            if exclude_id is not None:
                clash = clash.where(Staff.id != exclude_id)
            if clash.exists():
                raise ValidationError("NIP ini sudah dipakai petugas lain.", "nip")
        return {"name": name, "nip": digits, "position": position, "lane": lane, "rank": rank}

    def add(self, name: str, nip: str | None, position: str, lane: str, active: bool = True,
            rank: str = "", actor_id: int | None = None) -> StaffRecord:
        """A new entry. Once the office has accounts only an administrator (``actor_id``) adds
        people (:func:`may_edit_directory`)."""
        _require_admin(actor_id)
        values = self._clean(name, nip, position, lane, rank)
        with database.atomic():
            row = Staff.create(**values, active=active, created_at=to_db(self.clock()))
        return staff_record(row)

    def update(self, staff_id: int, name: str, nip: str | None, position: str, lane: str,
               active: bool, rank: str | None = None, version: int | None = None,
               actor_id: int | None = None) -> StaffRecord:
        """Store the entry's new values; ``rank=None`` keeps the rank it has. A new name, lane or
        active status is audited (by ``actor_id``); past events and audit entries keep the name
        and lane they were written with. Once the office has accounts only an administrator
        changes the directory (:func:`may_edit_directory`).

        ``version``: the entry's as read (:attr:`StaffRecord.version`); when another PC saved
        the entry since, nothing is stored and ConflictError gives its stored values by the
        directory's labels. None: no check."""
        row = Staff.get_or_none(Staff.id == staff_id)
        if row is None:
            raise NotFound("Petugas tidak ditemukan.")
        _require_admin(actor_id)
        values = self._clean(name, nip, position, lane, row.rank if rank is None else rank, exclude_id=staff_id)
        now = to_db(self.clock())
        with database.atomic():  # (audited first: who acted as they are before the change, still active)
            if values["name"] != row.name:
                record_audit(at=now, actor=actor_id, action="staff_rename",
                             detail=f"petugas {staff_id}: {row.name} -> {values['name']}")
            if values["lane"] != row.lane:
                record_audit(at=now, actor=actor_id, action="staff_lane",
                             detail=f"petugas {staff_id} ({values['name']}): {row.lane} -> {values['lane']}")
            if bool(active) != bool(row.active):
                record_audit(at=now, actor=actor_id, action="staff_active",
                             detail=f"petugas {staff_id} ({values['name']}): "
                                    f"{'diaktifkan' if active else 'dinonaktifkan'}")
            versions.update(Staff, Staff.id == staff_id, version, {**values, "active": active},
                            f"Data petugas {row.name}", theirs=lambda stored: self.fields(staff_record(stored)))
        return staff_record(Staff.get_by_id(staff_id))

    def fields(self, person: StaffRecord) -> dict[str, str]:
        """``person`` by the directory form's labels, as a conflict compares them."""
        lanes = {lane.id: lane.name for lane in self.sop.lanes}
        return {"Nama": person.name, "NIP": nip_display(person.nip), "Jabatan": person.position,
                "Pangkat/Gol.": person.rank, "Peran": lanes.get(person.lane, person.lane),
                "Aktif": "ya" if person.active else "tidak"}

    def list(self, include_inactive: bool = True) -> list[StaffRecord]:
        query = Staff.select().order_by(Staff.name)
        if not include_inactive:
            query = query.where(Staff.active == True)  # noqa: E712 (peewee expression)
        return [staff_record(row) for row in query]

    def get(self, staff_id: int) -> StaffRecord:
        row = Staff.get_or_none(Staff.id == staff_id)
        if row is None:
            raise NotFound("Petugas tidak ditemukan.")
        return staff_record(row)

    def require_active(self, staff_id: int | None) -> Staff:
        """The acting member of staff, who must exist and be active."""
        if staff_id is None:
            raise ValidationError("Pilih petugas yang sedang bertugas terlebih dahulu.", "actor")
        row = Staff.get_or_none(Staff.id == staff_id)
        if row is None or not row.active:
            raise ValidationError("Petugas tidak aktif atau tidak ditemukan.", "actor")
        return row


def may_edit_directory(actor_id: int | None) -> bool:
    """Whether ``actor_id`` may add to or change the staff directory: a person's lane is their
    rights (services/lanes.py), and deactivating them takes their rights away, so once the office
    has accounts only an administrator does; before (the first start, a database from before
    accounts) anyone; on the office server also its administrator's own connection (init-server
    making the first administrator's entry, the server's demo)."""
    from wawaran_desktop.db import dialect, server_accounts
    from wawaran_desktop.db.models import Account
    from wawaran_desktop.services.lanes import is_admin

    if not Account.select(Account.id).exists():
        return True
    if actor_id is not None and is_admin(actor_id):
        return True
    return (dialect.dialect_of().name == "postgresql" and server_accounts.installed(database)
            and server_accounts.server_administrator(database))


def _require_admin(actor_id: int | None) -> None:
    if not may_edit_directory(actor_id):
        raise RuleError("Hanya administrator yang dapat menambah atau mengubah data petugas: peran (lajur) "
                        "petugas menentukan siapa boleh mengerjakan setiap tahap.")


def first_active(lane: str) -> StaffRecord | None:
    """The first active member of ``lane`` by name: who a role's form starts with."""
    row = (Staff.select().where((Staff.lane == lane) & (Staff.active == True))  # noqa: E712 (peewee)
           .order_by(Staff.name, Staff.id).first())
    return staff_record(row) if row is not None else None


def staff_record(row: Staff) -> StaffRecord:
    """The record of a staff row (every service that reads staff rows gives them out this way)."""
    return StaffRecord(id=row.id, name=row.name, nip=row.nip, position=row.position,
                       lane=row.lane, active=bool(row.active), rank=row.rank, version=row.version)
