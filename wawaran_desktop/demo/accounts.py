"""The demo office's accounts: each example person signs in with one training password.

Every member of the demo team gets an account named after them (``rina``, ``dedi``, …: the
first name in lower case, unique) with :data:`TRAINING_PASSWORD`, so a training class can sign
in at once. On an empty database the Kepala Bidang's account is the first administrator
(``AccountService.create_first_admin``, which keeps the password chosen); everyone else's is
made by an administrator (``AccountService.create``) without a password, then given the
training password here.

Why a path of the demo's own for that password: the service gives a password to someone
else's account only as a *one-time* password, to be changed at the first sign-in
(``set_one_time_password``). That is right for an office and wrong for a training class that
has to sign in as any example person, again and again. So the demo hashes the password with
the service's own hasher (the same argon2id parameters, once per person, never per
campaign), stores it with ``must_change`` off, and records the change as an audit entry in the
history chain (``account.training_password``). Nothing outside the demo package can do it.

The training password is public (it is in the README): these accounts are for a demo office,
never for a database that holds an office's real work.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Account, Staff
from wawaran_desktop.services import history, versions
from wawaran_desktop.services.accounts import LOCK_KEY, AccountRecord, AccountService, check_password, check_username
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import ValidationError

if TYPE_CHECKING:
    from wawaran_desktop.demo.content import DemoMember

#: The one password of every demo account (at least 10 characters, not to be changed).
TRAINING_PASSWORD = "latihan-wawaran"
#: The lane whose member is the demo office's first administrator.
ADMIN_LANE = "kabid"
_FALLBACK = "petugas"


class DemoAccount(NamedTuple):
    """A demo person's account after a run: ``added`` False when it was there already."""

    username: str
    name: str
    is_admin: bool
    added: bool


def _word(text: str) -> str:
    """``text`` in plain lower-case letters and digits (accents dropped: ``Aś`` → ``as``)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "".join(ch for ch in plain if ch.isalnum())


def username_for(name: str, taken: Collection[str]) -> str:
    """A user name from a person's ``name``: the first name in lower case (``Rina Marlina,
    S.Sos., M.Si.`` → ``rina``), else first and last name (``rina_marlina``), else a number
    added (``rina2``), never one of ``taken``. Titles after the comma and before the name
    (``Drs.``, ``H.``) are left out."""
    person = name.split(",")[0].split()
    while len(person) > 1 and person[0].endswith("."):
        person = person[1:]  # a title before the name
    words = [w for w in (_word(part) for part in person) if w] or [_FALLBACK]
    if not words[0][0].isalpha():
        words = [_FALLBACK, *words]
    candidates = [words[0], "_".join(words[:2]), "_".join((words[0], words[-1]))]
    candidates += [f"{words[0]}{n}" for n in range(2, 1000)]
    for candidate in candidates:
        try:
            username = check_username(candidate[:63])
        except ValidationError:
            continue
        if username not in taken:
            return username
    raise ValidationError(f"Tidak ada nama pengguna yang bebas untuk {name}.", "username")


def ensure_accounts(accounts: AccountService, members: list[tuple[DemoMember, int]],
                    acting_admin: AccountRecord | None) -> list[DemoAccount]:
    """An account with :data:`TRAINING_PASSWORD` for each ``(member, staff id)`` that has none.

    No account yet in the database: the Kepala Bidang's (else the first member's) becomes the
    first administrator and makes the others. Otherwise ``acting_admin`` (an administrator,
    checked by the caller and again by the service) makes them, none an administrator.
    """
    check_password("", TRAINING_PASSWORD)
    taken = {row.username for row in Account.select(Account.username)}
    done: list[DemoAccount] = []
    todo: list[tuple[DemoMember, int]] = []
    for member, staff_id in members:
        existing = accounts.for_staff(staff_id)
        if existing is not None:
            done.append(DemoAccount(existing.username, existing.name, existing.is_admin, added=False))
        else:
            todo.append((member, staff_id))
    if not todo:
        return done
    if accounts.has_accounts():
        if acting_admin is None:
            raise ValueError("acting_admin is required once accounts exist")
        maker = acting_admin.staff_id
    else:
        first = next((pair for pair in todo if pair[0].lane == ADMIN_LANE), todo[0])
        todo.remove(first)
        member, staff_id = first
        username = username_for(member.name, taken)
        taken.add(username)
        record = accounts.create_first_admin(staff_id, username, TRAINING_PASSWORD)
        done.append(DemoAccount(record.username, record.name, True, added=True))
        maker = staff_id
    for member, staff_id in todo:
        username = username_for(member.name, taken)
        taken.add(username)
        record = accounts.create(maker, staff_id, username)  # no password yet: given below
        _give_training_password(accounts, record, maker)
        done.append(DemoAccount(record.username, record.name, False, added=True))
    return done


def _give_training_password(accounts: AccountService, record: AccountRecord, maker: int) -> None:
    """The demo's own path (see the module's docstring): the training password, hashed by the
    service's hasher, kept without ``must_change``, audited in the history chain."""
    password_hash = accounts.hasher.hash(TRAINING_PASSWORD)
    with write_transaction(LOCK_KEY):
        versions.update(Account, Account.id == record.id, None,
                        {"password_hash": password_hash, "must_change": False}, f"Akun {record.username}")
        acting = Account.select(Account.id).where(Account.staff == maker).first()
        history.record_audit(at=to_db(accounts.clock()), actor=maker, action="account.training_password",
                             detail=f"{record.username}: kata sandi latihan data contoh (tidak wajib diganti)",
                             account_id=acting.id if acting is not None else None)


def admin_now(acting_admin: AccountRecord | None) -> bool:
    """Whether ``acting_admin`` is, as stored now, an active administrator of an active person."""
    if acting_admin is None:
        return False
    # (named columns: on the office server a login may not read the password hash)
    row = (Account.select(Account.staff, Account.is_admin, Account.active)
           .where(Account.id == acting_admin.id).first())
    person_active = Staff.select(Staff.active).where(Staff.id == acting_admin.staff_id).scalar()
    return bool(row is not None and row.staff_id == acting_admin.staff_id and row.is_admin and row.active
                and person_active)
