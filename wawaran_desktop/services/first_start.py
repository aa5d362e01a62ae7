"""The first start of a data folder, Qt-free: what the assistant (views/first_start.py) checks and writes.

A data folder without accounts needs its first administrator before anyone can sign in. The
assistant gathers a :class:`Plan` (the office profile or none, the administrator, the team, and
for a database from before accounts its staff without accounts); :func:`apply` writes it all
in one transaction, through the services, in the order the rules need: the administrator's
staff entry and account (:meth:`AccountService.create_first_admin`), the team's staff entries
and their accounts (made by that administrator: without a password, or with a one-time password
each), then the office profile (saved by the administrator; a signatory left empty is taken from
the team just added, as the profile's defaults would). Anything refused rolls all of it back
and raises :class:`FirstStartError`, which names the assistant's page to go back to.

The rest are the checks each page makes before moving on (a person as the staff directory
checks one, a user name and password as the accounts service does) and the user names the
assistant suggests.
"""

from __future__ import annotations

import getpass
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.services import history
from wawaran_desktop.services.accounts import AccountRecord, check_password, check_username, new_one_time_password
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.services.office_profile import ROLES, OfficeProfile, check_logo
from wawaran_desktop.services.staff import NAME_MAX, POSITION_MAX, RANK_MAX, normalise_nip

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

#: The assistant's pages a refusal sends the person back to.
PROFILE, ADMIN, TEAM = "profile", "admin", "team"
#: Windows user names that name a PC's role rather than a person: never suggested.
GENERIC_LOGINS = frozenset({"admin", "administrator", "user", "users", "guest", "owner", "pengguna", "tamu",
                            "staff", "staf", "operator", "kominfo", "diskominfo", "pc", "default", "root"})
#: The lane the administrator's page starts with (the Sub Kor usually administers).
ADMIN_LANE = "subkor"
Progress = Callable[[int, int, str], None]


class FirstStartError(ServiceError):
    """A refusal while writing the first start: nothing was stored. ``page``: the assistant's
    page concerned (:data:`PROFILE`, :data:`ADMIN`, :data:`TEAM`); ``field``: the refused field."""

    def __init__(self, message: str, page: str, field: str = "") -> None:
        super().__init__(message)
        self.page = page
        self.field = field


@dataclass(frozen=True)
class Person:
    """A person to add to the staff directory, checked (``nip``: 18 digits or None)."""

    name: str
    nip: str | None
    position: str
    lane: str
    rank: str = ""


@dataclass(frozen=True)
class Member:
    """Someone who gets an account besides the administrator: a new ``person`` or an existing
    staff entry (``staff_id``), with the user name the assistant shows."""

    name: str
    username: str
    person: Person | None = None
    staff_id: int | None = None


@dataclass(frozen=True)
class Plan:
    """Everything the assistant writes. ``admin_staff_id``: an existing staff entry made
    administrator (else ``admin`` is added); ``profile`` None: keep the defaults."""

    username: str
    password: str
    admin: Person | None = None
    admin_staff_id: int | None = None
    members: tuple[Member, ...] = ()
    one_time_passwords: bool = False
    profile: OfficeProfile | None = None


@dataclass(frozen=True)
class Issued:
    """An account made for a member; ``password``: their one-time password (None: none yet)."""

    name: str
    username: str
    password: str | None


@dataclass(frozen=True)
class Outcome:
    """What :func:`apply` wrote: the administrator (signed in) and the other accounts."""

    admin: AccountRecord
    issued: tuple[Issued, ...] = field(default_factory=tuple)


# --- checks --------------------------------------------------------------------------------

def is_pre_accounts(ws: Workspace) -> bool:
    """A database from before accounts: active staff, none of them with an account."""
    return not ws.accounts.has_accounts() and bool(ws.accounts.missing())


def check_person(ws: Workspace, name: str, nip: str | None, position: str, lane: str, rank: str = "",
                 others: Iterable[Person] = ()) -> Person:
    """A person as the staff directory would take them, and not typed twice (``others``: the
    people the assistant already holds); ValidationError in Indonesian, naming the field."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("Nama petugas wajib diisi.", "name")
    if len(name) > NAME_MAX:
        raise ValidationError(f"Nama petugas terlalu panjang (maksimal {NAME_MAX} karakter).", "name")
    position = " ".join((position or "").split())
    if len(position) > POSITION_MAX:
        raise ValidationError(f"Jabatan terlalu panjang (maksimal {POSITION_MAX} karakter).", "position")
    rank = " ".join((rank or "").split())
    if len(rank) > RANK_MAX:
        raise ValidationError(f"Pangkat/golongan terlalu panjang (maksimal {RANK_MAX} karakter).", "rank")
    if lane not in {item.id for item in ws.sop.lanes}:
        raise ValidationError("Pilih peran (pelaksana) petugas.", "lane")
    digits = normalise_nip(nip)
    for other in others:
        if digits and other.nip == digits:
            raise ValidationError(f"NIP ini sudah dipakai {other.name}.", "nip")
        if not digits and not other.nip and other.name.casefold() == name.casefold():
            raise ValidationError(f"{name} sudah ada di daftar (keduanya tanpa NIP).", "name")
    if digits:
        for person in ws.staff.list():
            if person.nip == digits:
                raise ValidationError(f"NIP ini sudah dipakai {person.name} di daftar petugas.", "nip")
    return Person(name, digits, position, lane, rank)


def check_login(username: str, password: str, repeat: str, taken: Iterable[str] = ()) -> str:
    """The administrator's user name as stored; ValidationError when it or the password fails."""
    name = check_username(username)
    if name in set(taken):
        raise ValidationError(f"Nama pengguna {name} sudah dipakai.", "username")
    if not password:
        raise ValidationError("Kata sandi wajib diisi.", "password")
    check_password(name, password)
    if password != repeat:
        raise ValidationError("Kedua kata sandi tidak sama. Ketik ulang.", "repeat")
    return name


def check_usernames(admin_username: str, members: Sequence[Member]) -> None:
    """Every member's user name valid and each used once (the administrator's included)."""
    seen = {admin_username: "administrator"}
    for member in members:
        try:
            name = check_username(member.username)
        except ValidationError as exc:
            raise ValidationError(f"{member.name}: {exc}", "username") from None
        if name in seen:
            raise ValidationError(f"Nama pengguna {name} dipakai dua kali ({seen[name]} dan {member.name}).",
                                  "username")
        seen[name] = member.name


def check_profile(ws: Workspace, profile: OfficeProfile) -> None:
    """The checks :meth:`OfficeProfileService.save` makes, without saving (ValidationError)."""
    ws.profile.check(profile)
    if profile.logo is not None:
        check_logo(profile.logo)


# --- user names ----------------------------------------------------------------------------

def suggest_username(name: str, taken: Iterable[str] = ()) -> str:
    """A user name from a person's name, not in ``taken``: ``Drs. Heru Prasetyo, M.Si`` ->
    ``heru_prasetyo`` (titles and degrees left out; the first and last word), then ``heru_prasetyo2``…"""
    taken = set(taken)
    plain = unicodedata.normalize("NFKD", name.split(",")[0]).encode("ascii", "ignore").decode().lower()
    words = [re.sub(r"[^a-z0-9]", "", word) for word in plain.split() if "." not in word]
    words = [word for word in words if word] or [w for w in re.split(r"[^a-z0-9]+", plain) if w]
    base = "_".join(words[:1] + words[1:][-1:]) if words else "petugas"
    if not base[0].isalpha():
        base = f"p{base}"
    base = base[:56]
    if len(base) < 2:
        base += "1"
    try:
        base = check_username(base)
    except ValidationError:
        base = "petugas"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}{number}"
    return candidate


def windows_username(taken: Iterable[str] = ()) -> str:
    """The PC's user name when it would do as a person's user name (not a generic login), else ''."""
    try:
        raw = getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
    name = re.sub(r"[.\- ]+", "_", (raw or "").strip().lower())
    try:
        name = check_username(name)
    except ValidationError:
        return ""
    return "" if name in GENERIC_LOGINS or name in set(taken) else name


# --- writing -------------------------------------------------------------------------------

def apply(ws: Workspace, plan: Plan, progress: Progress | None = None,
          make_password: Callable[[], str] = new_one_time_password) -> Outcome:
    """Write ``plan`` in one transaction and sign the administrator in; :class:`FirstStartError`
    (nothing stored) when a service refuses. ``progress(done, total, text)`` is called between
    writes (and may raise to cancel: everything is rolled back)."""
    report = progress or (lambda _done, _total, _text: None)
    total = 3 + len(plan.members)
    page = ADMIN
    issued: list[Issued] = []
    try:
        with write_transaction("first_start"):
            report(0, total, "Membuat akun administrator…")
            staff_id = plan.admin_staff_id
            if staff_id is None:
                if plan.admin is None:
                    raise ValidationError("Isi data administrator pertama.", "name")
                person = plan.admin
                staff_id = ws.staff.add(person.name, person.nip, person.position, person.lane, rank=person.rank).id
            admin = ws.accounts.create_first_admin(staff_id, plan.username, plan.password)
            page = TEAM
            for done, member in enumerate(plan.members, start=1):
                report(done, total, f"Membuat akun {member.name}…")
                member_id = member.staff_id
                if member_id is None:
                    if member.person is None:
                        raise ValidationError(f"{member.name}: data petugas tidak lengkap.", "name")
                    p = member.person
                    member_id = ws.staff.add(p.name, p.nip, p.position, p.lane, rank=p.rank, actor_id=staff_id).id
                password = make_password() if plan.one_time_passwords else None
                try:
                    ws.accounts.create(staff_id, member_id, member.username, one_time_password=password)
                except ServiceError as exc:
                    raise FirstStartError(f"{member.name}: {exc}", TEAM, getattr(exc, "field", "") or "") from exc
                issued.append(Issued(member.name, member.username.strip().lower(), password))
            page = PROFILE
            report(total - 2, total, "Menyimpan profil kantor…")
            if plan.profile is not None:
                ws.profile.save(staff_id, _with_team_signatories(ws, plan.profile), version=None)
            history.record_audit(at=to_db(ws.clock()), actor=staff_id, action="first_start",
                                 detail=_summary(plan, admin.username, len(issued)), account_id=admin.id)
            report(total - 1, total, "Masuk sebagai administrator…")
        signed_in = ws.accounts.sign_in(admin.username, plan.password)
    except ServiceError as exc:
        if isinstance(exc, FirstStartError):
            raise
        raise FirstStartError(str(exc), page, getattr(exc, "field", "") or "") from exc
    report(total, total, "Selesai.")
    return Outcome(signed_in, tuple(issued))


def _with_team_signatories(ws: Workspace, profile: OfficeProfile) -> OfficeProfile:
    """``profile`` with each signatory left empty taken from the staff directory as it now
    stands (its default: the first active person of the role's lane)."""
    defaults = ws.profile.defaults()
    empty = {key: defaults.signatory(key) for key, _label, _lane in ROLES
             if not profile.signatory(key).name.strip() and not (profile.signatory(key).nip or "").strip()}
    return profile._replace(**empty)


def _summary(plan: Plan, username: str, accounts: int) -> str:
    parts = [f"administrator pertama {username}", f"{accounts} akun petugas"
             + (" dengan kata sandi sekali pakai" if plan.one_time_passwords and accounts else "")]
    parts.append("profil kantor disimpan" if plan.profile is not None else "profil kantor bawaan")
    return "asisten mulai pertama: " + ", ".join(parts)
