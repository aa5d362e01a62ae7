"""Accounts: who signs in, with which password, and who may administer them (issue 13).

Every person who acts has an account tied to their staff entry. Passwords are kept only as
argon2id hashes (``argon2-cffi``, RFC 9106's low-memory profile: 64 MiB, 3 passes, 4 lanes);
a hash made under other parameters is replaced at the next successful sign-in. An account
without a password (``password_hash`` NULL: made for a person who has not been given one yet,
or an existing database's staff) cannot sign in.

Sign-in refusals never tell a wrong name from a wrong password ("Nama pengguna atau kata sandi
salah.", and an unknown name costs the same hash as a known one). Failures in a row are counted
in the database, so every PC sees them: after the n-th the account takes no attempt for
:data:`SLOW_DOWN_SECONDS` [n-1] seconds, and the :data:`MAX_FAILURES`-th locks it for
:data:`LOCK_MINUTES` minutes. The service never sleeps: a refusal says how long to wait
(:attr:`SignInRefused.wait_seconds`) and the caller waits. An account's existence shows only
once it is slowed down, locked or deactivated (the last only to someone who knows its password).
Every time comes from the workspace's clock (the server's in server mode).

Administrators create accounts, set one-time passwords (changed at the next sign-in), unlock,
deactivate and reactivate accounts and give or take administrator rights; the very first
administrator is made without one (:meth:`AccountService.create_first_admin`), only while no
account exists. At least one active administrator always remains. Each change is an audit
entry saying who did what, never a password. An administrator's change names the version it
was based on (services/versions.py); sign-in bookkeeping (failures, locks, the last sign-in)
does not raise the version, so a failed attempt elsewhere does not refuse an open edit.

Tests hash with a cheaper profile through the constructor (``AccountService(ws, hasher=…)``,
assigned over ``ws.accounts``); the application always uses the default.
"""

from __future__ import annotations

import math
import re
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Account, Staff
from wawaran_desktop.services import history, versions
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import NotFound, RuleError, ServiceError, ValidationError
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.staff import staff_record
from wawaran_desktop.text import durations
from wawaran_desktop.text.formatting import clock_time

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

#: The argon2id parameters of every hash the application makes (argon2-cffi's default).
PROFILE = profiles.RFC_9106_LOW_MEMORY

#: Failures in a row that lock an account, and for how long.
MAX_FAILURES = 5
LOCK_MINUTES = 15
#: Seconds an account takes no attempt after its 1st, 2nd, … failure in a row (before the lock).
SLOW_DOWN_SECONDS = (1, 2, 4, 8)

PASSWORD_MIN = 10
PASSWORD_MAX = 256
#: A user name: what PostgreSQL takes as an unquoted role name (lower case), so that a person's
#: own login role on the office server can bear the same name.
USERNAME = re.compile(r"[a-z][a-z0-9_]{1,62}")
#: Letters of a generated one-time password: no 0/o, 1/l/i, which read alike.
_OTP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

WRONG = "Nama pengguna atau kata sandi salah."
WRONG_OLD = "Kata sandi lama salah."
#: The one lock key of every change to accounts: the last-administrator and first-administrator
#: rules and the failure counts are each checked and written with no other writer between.
LOCK_KEY = "accounts"


class SignInRefused(ServiceError):
    """A sign-in (or a change of one's own password) refused. ``reason``: ``wrong`` (name or
    password), ``wait`` (slowed down after failures), ``locked``, ``inactive``;
    ``wait_seconds``: how long the caller lets pass before the next attempt (0: at once)."""

    def __init__(self, message: str, *, reason: str, wait_seconds: int = 0) -> None:
        super().__init__(message)
        self.reason = reason
        self.wait_seconds = wait_seconds


class NotAllowed(RuleError):
    """The acting person may not do this (here: they are not an administrator)."""


class AccountRecord(NamedTuple):
    id: int
    staff_id: int
    username: str
    name: str  # the staff entry's name now
    lane: str
    is_admin: bool
    must_change: bool  # a one-time password: to be changed before anything else
    active: bool  # the account's and the staff entry's
    has_password: bool
    failed_count: int
    locked_until: datetime | None  # aware UTC; no attempt before it (a slow-down or a lock)
    last_sign_in_at: datetime | None
    version: int  # the stored version an administrator's change names

    def locked(self, now: datetime) -> bool:
        """Locked after :data:`MAX_FAILURES` failures, at ``now``."""
        return self.failed_count >= MAX_FAILURES and self.locked_until is not None and self.locked_until > now


# --- pure rules ----------------------------------------------------------------------------

def check_username(raw: str | None) -> str:
    """The user name as stored (lower case), or ValidationError."""
    name = (raw or "").strip().lower()
    if not name:
        raise ValidationError("Nama pengguna wajib diisi.", "username")
    if not USERNAME.fullmatch(name):
        raise ValidationError("Nama pengguna hanya boleh berisi huruf a–z, angka dan garis bawah (_), diawali "
                              "huruf, 2 sampai 63 karakter.", "username")
    if name.startswith("pg_"):
        raise ValidationError("Nama pengguna tidak boleh diawali 'pg_'.", "username")
    return name


def check_password(username: str, password: str) -> None:
    """The password policy: at least :data:`PASSWORD_MIN` characters, not the user name."""
    if len(password) < PASSWORD_MIN:
        raise ValidationError(f"Kata sandi minimal {PASSWORD_MIN} karakter.", "password")
    if len(password) > PASSWORD_MAX:
        raise ValidationError(f"Kata sandi terlalu panjang (maksimal {PASSWORD_MAX} karakter).", "password")
    if not password.strip():
        raise ValidationError("Kata sandi tidak boleh hanya berisi spasi.", "password")
    if password.strip().lower() == username.lower():
        raise ValidationError("Kata sandi tidak boleh sama dengan nama pengguna.", "password")


def new_one_time_password() -> str:
    """A random one-time password to hand to a person, e.g. ``k7pm-x3qa-9rtw`` (about 70 bits)."""
    return "-".join("".join(secrets.choice(_OTP_ALPHABET) for _ in range(4)) for _ in range(3))


def _yes(flag: bool) -> str:
    return "ya" if flag else "tidak"


class AccountService:
    """Accounts of one workspace (``ws.accounts``). ``hasher``: tests' cheaper argon2 profile."""

    def __init__(self, ws: Workspace, hasher: PasswordHasher | None = None) -> None:
        self.clock = ws.clock
        self.hasher = hasher or PasswordHasher.from_parameters(PROFILE)
        self._dummy: str | None = None

    # --- reading ---------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        """Whether any account exists (none: the first administrator is still to be made)."""
        return Account.select().exists()

    def list(self) -> list[AccountRecord]:
        """Every account, by the person's name."""
        query = Account.select(Account, Staff).join(Staff).order_by(Staff.name, Account.id)
        return [_record(row) for row in query]

    def get(self, account_id: int) -> AccountRecord:
        return _record(self._row(account_id))

    def for_staff(self, staff_id: int) -> AccountRecord | None:
        """The account of a staff entry, None when it has none."""
        row = Account.select(Account, Staff).join(Staff).where(Account.staff == staff_id).first()
        return _record(row) if row is not None else None

    def missing(self, include_inactive: bool = False) -> list[StaffRecord]:
        """Staff entries without an account (a database from before accounts: all of them), by name."""
        query = (Staff.select().where(Staff.id.not_in(Account.select(Account.staff)))
                 .order_by(Staff.name, Staff.id))
        if not include_inactive:
            query = query.where(Staff.active == True)  # noqa: E712 (peewee expression)
        return [staff_record(row) for row in query]

    # --- signing in ------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> AccountRecord:
        """The account of ``username`` if ``password`` is its password, its failures cleared and
        the sign-in recorded; else :class:`SignInRefused` (a failure is counted first). When the
        record's ``must_change`` is set, the caller has the person choose a new password
        (:meth:`change_password`) before anything else."""
        row = self._verified(username, password, WRONG, sign_in=True)
        return _record(row)

    def change_password(self, username: str, old_password: str, new_password: str) -> AccountRecord:
        """Replace one's own password (also a one-time one). The old password is checked as a
        sign-in checks it (a wrong one counts as a failure); the new one must meet the policy."""
        name = (username or "").strip().lower()
        check_password(name, new_password)
        if new_password == old_password:
            raise ValidationError("Kata sandi baru harus berbeda dari kata sandi lama.", "password")
        row = self._verified(name, old_password, WRONG_OLD, sign_in=False)
        new_hash = self.hasher.hash(new_password)
        with write_transaction(LOCK_KEY):
            versions.update(Account, Account.id == row.id, None, {"password_hash": new_hash, "must_change": False},
                            f"Akun {row.username}")
            self._audit(row.staff_id, "account.password_change", f"{row.username} mengganti kata sandinya")
        return self.get(row.id)

    def _verified(self, username: str, password: str, wrong: str, sign_in: bool) -> Account:
        name = (username or "").strip().lower()
        row = Account.get_or_none(Account.username == name)
        if row is None or row.password_hash is None:
            self._verify(self._dummy_hash(), password)  # the same cost as a known name's check
            raise SignInRefused(wrong, reason="wrong", wait_seconds=SLOW_DOWN_SECONDS[0])
        _refuse_while_waiting(row, self.clock())
        correct = self._verify(row.password_hash, password)
        rehashed = self.hasher.hash(password) if correct and self.hasher.check_needs_rehash(row.password_hash) \
            else None
        refusal: SignInRefused | None = None
        with write_transaction(LOCK_KEY):
            row = Account.get_by_id(row.id)  # as stored now: another PC may have failed meanwhile
            now = self.clock()
            if not correct:
                refusal = self._failure(row, now, wrong)
            else:
                person = Staff.get_by_id(row.staff_id)
                if _record(row, person).locked(now):
                    _refuse_while_waiting(row, now)
                if not (row.active and person.active):
                    raise SignInRefused("Akun Anda dinonaktifkan. Hubungi administrator.", reason="inactive")
                values: dict = {"failed_count": 0, "locked_until": None}
                if sign_in:
                    values["last_sign_in_at"] = to_db(now)
                if rehashed is not None:
                    values["password_hash"] = rehashed
                Account.update(values).where(Account.id == row.id).execute()
        if refusal is not None:
            raise refusal
        return Account.get_by_id(row.id)

    def _failure(self, row: Account, now: datetime, wrong: str) -> SignInRefused:
        """Count a failure of ``row`` (inside the write transaction); the refusal to raise after it."""
        count = row.failed_count
        if count >= MAX_FAILURES:  # a lock served: counting starts again
            count = 0
        count += 1
        if count >= MAX_FAILURES:
            until = now + timedelta(minutes=LOCK_MINUTES)
            refusal = SignInRefused(
                f"{wrong} Akun dikunci {LOCK_MINUTES} menit (sampai pukul {clock_time(until)} WIB) karena "
                f"{MAX_FAILURES} kali gagal berturut-turut.", reason="locked", wait_seconds=LOCK_MINUTES * 60)
            self._audit(None, "account.locked", f"{row.username}: dikunci sampai pukul {clock_time(until)} WIB "
                                                f"setelah {MAX_FAILURES} kali gagal masuk")
        else:
            wait = SLOW_DOWN_SECONDS[count - 1]
            until = now + timedelta(seconds=wait)
            refusal = SignInRefused(wrong, reason="wrong", wait_seconds=wait)
        Account.update({Account.failed_count: count, Account.locked_until: to_db(until)}) \
            .where(Account.id == row.id).execute()
        return refusal

    def _verify(self, stored: str, password: str) -> bool:
        try:
            return self.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self.hasher.hash(secrets.token_hex(16))
        return self._dummy

    # --- administering ---------------------------------------------------------------------

    def create_first_admin(self, staff_id: int, username: str, password: str) -> AccountRecord:
        """The first administrator's account, with the password they chose: only while no
        account exists (a first start, or a database from before accounts)."""
        name = check_username(username)
        check_password(name, password)
        password_hash = self.hasher.hash(password)
        with write_transaction(LOCK_KEY):
            if Account.select().exists():
                raise NotAllowed("Administrator pertama sudah ada: akun baru dibuat oleh seorang administrator.")
            person = self._creatable(staff_id, name)
            row = Account.create(staff=staff_id, username=name, password_hash=password_hash, is_admin=True,
                                 created_at=to_db(self.clock()))
            self._audit(staff_id, "account.create", f"{name} untuk {person.name}, administrator pertama")
        return self.get(row.id)

    def create(self, actor_id: int, staff_id: int, username: str, *, is_admin: bool = False,
               one_time_password: str | None = None) -> AccountRecord:
        """An account for a staff entry, made by an administrator; without a password unless
        ``one_time_password`` is given (to be changed at the first sign-in)."""
        name = check_username(username)
        if one_time_password is not None:
            check_password(name, one_time_password)
        password_hash = self.hasher.hash(one_time_password) if one_time_password is not None else None
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            person = self._creatable(staff_id, name)
            row = Account.create(staff=staff_id, username=name, password_hash=password_hash, is_admin=is_admin,
                                 must_change=password_hash is not None, created_at=to_db(self.clock()))
            self._audit(actor_id, "account.create", f"{name} untuk {person.name}"
                        + (", administrator" if is_admin else "")
                        + (", dengan kata sandi sekali pakai" if password_hash else ", belum berkata sandi"))
        return self.get(row.id)

    def set_one_time_password(self, actor_id: int, account_id: int, password: str,
                              version: int | None) -> AccountRecord:
        """Give the account a one-time password (a first one, or a reset of a forgotten one): it
        must be changed at the next sign-in; the account's failures and lock are cleared."""
        target = self._row(account_id)
        check_password(target.username, password)
        password_hash = self.hasher.hash(password)
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            before = self._row(account_id)
            self._save(before, version, {"password_hash": password_hash, "must_change": True, "failed_count": 0,
                                         "locked_until": None})
            action = "account.password_reset" if before.password_hash else "account.password_set"
            self._audit(actor_id, action, f"{before.username}: kata sandi sekali pakai diberikan")
        return self.get(account_id)

    def unlock(self, actor_id: int, account_id: int, version: int | None) -> AccountRecord:
        """Clear the account's failures and lock."""
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            row = self._row(account_id)
            self._save(row, version, {"failed_count": 0, "locked_until": None})
            self._audit(actor_id, "account.unlock", f"{row.username}: kunci dibuka")
        return self.get(account_id)

    def set_active(self, actor_id: int, account_id: int, active: bool, version: int | None) -> AccountRecord:
        """Deactivate (no more sign-ins) or reactivate an account."""
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            row = self._row(account_id)
            if not active and row.is_admin:
                self._keep_an_admin(row)
            self._save(row, version, {"active": active})
            self._audit(actor_id, "account.reactivate" if active else "account.deactivate",
                        f"{row.username}: {'diaktifkan kembali' if active else 'dinonaktifkan'}")
        return self.get(account_id)

    def set_admin(self, actor_id: int, account_id: int, is_admin: bool, version: int | None) -> AccountRecord:
        """Give or take an account's administrator rights."""
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            row = self._row(account_id)
            if not is_admin and row.is_admin:
                self._keep_an_admin(row)
            self._save(row, version, {"is_admin": is_admin})
            self._audit(actor_id, "account.admin_grant" if is_admin else "account.admin_revoke",
                        f"{row.username}: {'menjadi' if is_admin else 'bukan lagi'} administrator")
        return self.get(account_id)

    # --- helpers ---------------------------------------------------------------------------

    def _row(self, account_id: int) -> Account:
        row = Account.get_or_none(Account.id == account_id)
        if row is None:
            raise NotFound("Akun tidak ditemukan.")
        return row

    def _require_admin(self, actor_id: int) -> None:
        me = Account.select(Account, Staff).join(Staff).where(Account.staff == actor_id).first()
        if me is None and not Account.select().exists():
            raise NotAllowed("Belum ada administrator: buat akun administrator pertama terlebih dahulu.")
        if me is None or not (me.is_admin and me.active and me.staff.active):
            raise NotAllowed("Hanya administrator yang dapat mengelola akun.")

    def _creatable(self, staff_id: int, username: str) -> Staff:
        person = Staff.get_or_none(Staff.id == staff_id)
        if person is None:
            raise NotFound("Petugas tidak ditemukan.")
        if not person.active:
            raise ValidationError(f"{person.name} tidak aktif di daftar petugas.", "staff")
        held = Account.get_or_none(Account.staff == staff_id)
        if held is not None:
            raise ValidationError(f"{person.name} sudah mempunyai akun ({held.username}).", "staff")
        if Account.select().where(Account.username == username).exists():
            raise ValidationError(f"Nama pengguna {username} sudah dipakai.", "username")
        return person

    def _keep_an_admin(self, row: Account) -> None:
        others = (Account.select().join(Staff)
                  .where((Account.id != row.id) & (Account.is_admin == True) & (Account.active == True)  # noqa: E712
                         & (Staff.active == True)).exists())  # noqa: E712 (peewee expression)
        if not others:
            raise RuleError("Harus tetap ada sedikitnya satu administrator aktif.")

    def _save(self, row: Account, version: int | None, values: dict) -> int:
        return versions.update(Account, Account.id == row.id, version, values, f"Akun {row.username}",
                               theirs=_fields)

    def _audit(self, actor_id: int | None, action: str, detail: str) -> None:
        """An audit entry (linked into the history chain) by ``actor_id``, as the account they act as."""
        acting = Account.get_or_none(Account.staff == actor_id) if actor_id is not None else None
        history.record_audit(at=to_db(self.clock()), actor=actor_id, action=action, detail=detail,
                             account_id=acting.id if acting is not None else None)


def _refuse_while_waiting(row: Account, now: datetime) -> None:
    """Refuse an attempt while the account is slowed down or locked."""
    until = from_db(row.locked_until)
    if until is None or until <= now:
        return
    wait = math.ceil((until - now).total_seconds())
    if row.failed_count >= MAX_FAILURES:
        raise SignInRefused(f"Akun ini dikunci karena {MAX_FAILURES} kali gagal masuk berturut-turut. Coba lagi "
                            f"pukul {clock_time(until)} WIB (dalam {durations.words(wait)}) atau minta "
                            "administrator membukanya.", reason="locked", wait_seconds=wait)
    raise SignInRefused(f"Terlalu cepat: tunggu {durations.words(wait)} lalu coba lagi.", reason="wait",
                        wait_seconds=wait)


def _fields(row: Account) -> dict[str, str]:
    """An account by the labels an administrator compares in a conflict."""
    password = "sekali pakai" if row.must_change else ("ada" if row.password_hash else "belum ada")
    return {"Nama pengguna": row.username, "Administrator": _yes(row.is_admin), "Aktif": _yes(row.active),
            "Kata sandi": password}


def _record(row: Account, person: Staff | None = None) -> AccountRecord:
    person = person or row.staff
    return AccountRecord(
        id=row.id, staff_id=row.staff_id, username=row.username, name=person.name, lane=person.lane,
        is_admin=bool(row.is_admin), must_change=bool(row.must_change), active=bool(row.active and person.active),
        has_password=row.password_hash is not None, failed_count=row.failed_count,
        locked_until=from_db(row.locked_until), last_sign_in_at=from_db(row.last_sign_in_at), version=row.version)
