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

**Office server** (a PostgreSQL database prepared by ``init-server``, :attr:`AccountService.server_mode`):
a person's PostgreSQL login role *is* their account (db/server_accounts.py). One signs in with
:func:`sign_in_to_server`, which opens the workspace connected *as the person*; the server checks
the password (SCRAM), and :meth:`AccountService.current` is the account of the connection's
``session_user``. No hash is kept (``password_hash`` stays NULL, and the app's group may not read
it); the same public methods then call the server's ``SECURITY DEFINER`` functions, which check
again on the server that the caller is an administrator, so ``psql`` gives a person's login no
more than the window does. A password is sent only as a SCRAM verifier made on this PC; the typed
password lives only in this process's memory (the connection's parameters, for reconnecting),
never in a URL, a file or the settings.

What the server cannot do: count failures. PostgreSQL 15 has no lockout, and a wrong password
never reaches the application's tables. :func:`sign_in_to_server` slows down and then locks *this
PC's* attempts as the file mode does (:data:`SLOW_DOWN_SECONDS`, :data:`MAX_FAILURES`, in this
process's memory: a restart forgets them); it is a courtesy, not a protection. What protects the
server against guessing is its own configuration: ``auth_delay`` in ``postgresql.conf``
(``shared_preload_libraries = 'auth_delay'``, ``auth_delay.milliseconds``: each failed
authentication answers late; no lock), ``pg_hba.conf`` limited to the office's network with
``scram-sha-256``, and watching the server's log (see db/server_accounts.py). An administrator's
*unlock* therefore only clears the columns a file carried over by ``migrate-to`` may hold.
"""

from __future__ import annotations

import contextlib
import math
import re
import secrets
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from peewee import fn

from wawaran_desktop.db import dialect, server_accounts
from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Account, Staff, database
from wawaran_desktop.db.server_accounts import LoginRefused, ServerRefusal
from wawaran_desktop.services import history, versions
from wawaran_desktop.services.clock import Clock, from_db, to_db, utc_now
from wawaran_desktop.services.errors import NotFound, RuleError, ServiceError, ValidationError
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.staff import StaffService, staff_record
from wawaran_desktop.text import durations
from wawaran_desktop.text.formatting import clock_time

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace
    from wawaran_desktop.sop import Sop

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
INACTIVE = "Akun Anda dinonaktifkan. Hubungi administrator."
NOT_ADMIN = "Hanya administrator yang dapat mengelola akun."
#: The one lock key of every change to accounts: the last-administrator and first-administrator
#: rules and the failure counts are each checked and written with no other writer between.
LOCK_KEY = "accounts"


class SignInRefused(ServiceError):
    """A sign-in (or a change of one's own password) refused. ``reason``: ``wrong`` (name or
    password), ``wait`` (slowed down after failures), ``locked``, ``inactive``; and for
    :meth:`AccountService.current`: ``signed_out`` (nobody signed in yet), ``no_account`` (the
    server login has no account); ``unchecked``: the server let the login in without checking
    any password (``trust``), so a sign-in proves nothing. ``wait_seconds``: how long the caller
    lets pass before the next attempt (0: at once)."""

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
        self._database_url = ws.database_url
        self._server: bool | None = None
        self._signed_in_id: int | None = None  # the file's: whom sign_in() let in

    @property
    def server_mode(self) -> bool:
        """Whether the accounts are the office server's logins (a database ``init-server``
        prepared); False for a file, and for a PostgreSQL database whose role owns every table."""
        if self._server is None:
            self._server = dialect.dialect_of().name == "postgresql" and server_accounts.installed(database)
        return self._server

    def server_administrator(self) -> bool:
        """On the office server: whether the connection is the server's administrator (who ran
        ``init-server``), not a person's login; False on a file."""
        return self.server_mode and server_accounts.server_administrator(database)

    # --- reading ---------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        """Whether any account exists (none: the first administrator is still to be made)."""
        return Account.select(Account.id).exists()

    def list(self) -> list[AccountRecord]:
        """Every account, by the person's name."""
        return self._records(self._query().order_by(Staff.name, Account.id))

    def get(self, account_id: int) -> AccountRecord:
        return self._records([self._row(account_id)])[0]

    def for_staff(self, staff_id: int) -> AccountRecord | None:
        """The account of a staff entry, None when it has none."""
        row = self._query().where(Account.staff == staff_id).first()
        return self._records([row])[0] if row is not None else None

    def missing(self, include_inactive: bool = False) -> list[StaffRecord]:
        """Staff entries without an account (a database from before accounts: all of them), by name."""
        query = (Staff.select().where(Staff.id.not_in(Account.select(Account.staff)))
                 .order_by(Staff.name, Staff.id))
        if not include_inactive:
            query = query.where(Staff.active == True)
        return [staff_record(row) for row in query]

    def current(self) -> AccountRecord:
        """The signed-in account: on the office server the account of the connection's login
        (``session_user``); on a file the one :meth:`sign_in` let in. :class:`SignInRefused`
        when there is none (``signed_out``, ``no_account``) or it is deactivated (``inactive``).
        When its ``must_change`` is set, the caller has the person choose a new password
        (:meth:`change_password`) before anything else."""
        if self.server_mode:
            login = server_accounts.session_user(database)
            row = self._query().where(Account.username == login).first()
            if row is None:
                raise SignInRefused(f"Login {login} tidak mempunyai akun Wawaran Desktop. Minta administrator "
                                    "membuatkan akun.", reason="no_account")
        else:
            row = self._query().where(Account.id == self._signed_in_id).first() \
                if self._signed_in_id is not None else None
            if row is None:
                raise SignInRefused("Belum masuk: masukkan nama pengguna dan kata sandi.", reason="signed_out")
        record = self._records([row])[0]
        if not record.active:
            raise SignInRefused(INACTIVE, reason="inactive")
        return record

    # --- signing in ------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> AccountRecord:
        """The account of ``username`` if ``password`` is its password, its failures cleared and
        the sign-in recorded; else :class:`SignInRefused` (a failure is counted first). When the
        record's ``must_change`` is set, the caller has the person choose a new password
        (:meth:`change_password`) before anything else.

        On the office server the connection already is a person's: this checks their password
        again (a lock screen); signing in as someone else is a new connection
        (:func:`sign_in_to_server`)."""
        if self.server_mode:
            self._probe(self._own_name(username), password, WRONG)
            return self._signed_in_here()
        row = self._verified(username, password, WRONG, sign_in=True)
        self._signed_in_id = row.id
        return _record(row)

    def change_password(self, username: str, old_password: str, new_password: str) -> AccountRecord:
        """Replace one's own password (also a one-time one). The old password is checked as a
        sign-in checks it (a wrong one counts as a failure); the new one must meet the policy."""
        name = (username or "").strip().lower()
        check_password(name, new_password)
        if new_password == old_password:
            raise ValidationError("Kata sandi baru harus berbeda dari kata sandi lama.", "password")
        if self.server_mode:
            return self._change_own_login_password(self._own_name(name), old_password, new_password)
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
                    raise SignInRefused(INACTIVE, reason="inactive")
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
        locked = row.locked_until is not None and from_db(row.locked_until) > now
        if count >= MAX_FAILURES and locked:
            # An attempt that passed the wait check before another PC's (or thread's) failure
            # wrote the lock: the lock stands as it is, never shortened by a new count.
            return SignInRefused(
                f"{wrong} Akun dikunci sampai pukul {clock_time(from_db(row.locked_until))} WIB karena "
                f"{MAX_FAILURES} kali gagal berturut-turut.", reason="locked",
                wait_seconds=max(1, math.ceil((from_db(row.locked_until) - now).total_seconds())))
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

    # --- signing in on the office server ---------------------------------------------------------

    def _own_name(self, username: str) -> str:
        """``username`` when it is the connection's own login; else NotAllowed."""
        login = server_accounts.session_user(database)
        if (username or "").strip().lower() != login:
            raise NotAllowed(f"Koneksi ini masuk sebagai {login}. Untuk masuk sebagai orang lain, keluar lalu masuk "
                             "kembali dengan nama pengguna itu.")
        return login

    def _probe(self, username: str, password: str, wrong: str) -> None:
        """Check ``password`` of the login ``username`` with the server (a connection of its own);
        a wrong one is counted on this PC (:data:`LOCAL_FAILURES`)."""
        assert self._database_url is not None
        key = _failure_key(self._database_url, username)
        LOCAL_FAILURES.check(key)
        try:
            server_accounts.check_login(server_accounts.person_url(self._database_url, username), username, password)
        except LoginRefused as exc:
            raise _login_refusal(key, exc.reason, wrong) from None
        LOCAL_FAILURES.clear(key)

    def _signed_in_here(self) -> AccountRecord:
        """The connection's account, its sign-in recorded on the server."""
        me = self.current()
        with self._refusals():
            server_accounts.record_sign_in(database)
        return self.get(me.id)

    def _change_own_login_password(self, name: str, old_password: str, new_password: str) -> AccountRecord:
        me = self.current()
        self._probe(name, old_password, WRONG_OLD)
        verifier = server_accounts.scram_verifier(database, name, new_password)
        with write_transaction(LOCK_KEY):
            with self._refusals():
                server_accounts.change_own_password(database, verifier)
            self._audit(me.staff_id, "account.password_change", f"{name} mengganti kata sandinya")
        server_accounts.remember_password(database.obj, new_password)
        return self.get(me.id)

    # --- administering ---------------------------------------------------------------------

    def create_first_admin(self, staff_id: int, username: str, password: str) -> AccountRecord:
        """The first administrator's account, with the password they chose: only while no
        account exists (a first start, or a database from before accounts). On the office
        server the first administrator is made by ``init-server --login`` instead."""
        if self.server_mode:
            raise NotAllowed("Di server kantor, administrator pertama dibuat oleh administrator server dengan "
                             "'python main.py --database URL init-server --login NAMA'.")
        name = check_username(username)
        check_password(name, password)
        password_hash = self.hasher.hash(password)
        with write_transaction(LOCK_KEY):
            if Account.select(Account.id).exists():
                raise NotAllowed("Administrator pertama sudah ada: akun baru dibuat oleh seorang administrator.")
            person = self._creatable(staff_id, name)
            row = Account.create(staff=staff_id, username=name, password_hash=password_hash, is_admin=True,
                                 created_at=to_db(self.clock()))
            self._audit(staff_id, "account.create", f"{name} untuk {person.name}, administrator pertama")
        return self.get(row.id)

    def create(self, actor_id: int, staff_id: int, username: str, *, is_admin: bool = False,
               one_time_password: str | None = None) -> AccountRecord:
        """An account for a staff entry, made by an administrator; without a password unless
        ``one_time_password`` is given (to be changed at the first sign-in). On the office server
        the account's login role is made with it (in the app's group)."""
        name = check_username(username)
        if one_time_password is not None:
            check_password(name, one_time_password)
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            person = self._creatable(staff_id, name)
            if self.server_mode:
                verifier = server_accounts.scram_verifier(database, name, one_time_password) \
                    if one_time_password is not None else None
                with self._refusals():
                    account_id = server_accounts.create(database, staff_id, name, verifier, is_admin)
            else:
                password_hash = self.hasher.hash(one_time_password) if one_time_password is not None else None
                account_id = Account.create(
                    staff=staff_id, username=name, password_hash=password_hash, is_admin=is_admin,
                    must_change=password_hash is not None, created_at=to_db(self.clock())).id
            self._audit(actor_id, "account.create", f"{name} untuk {person.name}"
                        + (", administrator" if is_admin else "")
                        + (", dengan kata sandi sekali pakai" if one_time_password else ", belum berkata sandi"))
        return self.get(account_id)

    def set_one_time_password(self, actor_id: int, account_id: int, password: str,
                              version: int | None) -> AccountRecord:
        """Give the account a one-time password (a first one, or a reset of a forgotten one): it
        must be changed at the next sign-in; the account's failures and lock are cleared."""
        target = self._row(account_id)
        check_password(target.username, password)
        if self.server_mode:
            verifier = server_accounts.scram_verifier(database, target.username, password)
            values: dict = {}
            call = lambda: server_accounts.set_password(database, account_id, verifier, version)
        else:
            values = {"password_hash": self.hasher.hash(password), "must_change": True, "failed_count": 0,
                      "locked_until": None}
            call = None
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            before = self._row(account_id)
            had = self._has_password(before)
            self._save(before, version, values, call)
            action = "account.password_reset" if had else "account.password_set"
            self._audit(actor_id, action, f"{before.username}: kata sandi sekali pakai diberikan")
        return self.get(account_id)

    def unlock(self, actor_id: int, account_id: int, version: int | None) -> AccountRecord:
        """Clear the account's failures and lock."""
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            row = self._row(account_id)
            self._save(row, version, {"failed_count": 0, "locked_until": None},
                       lambda: server_accounts.unlock(database, account_id, version))
            self._audit(actor_id, "account.unlock", f"{row.username}: kunci dibuka")
        return self.get(account_id)

    def set_active(self, actor_id: int, account_id: int, active: bool, version: int | None) -> AccountRecord:
        """Deactivate (no more sign-ins; on the office server its login role becomes
        ``NOLOGIN``) or reactivate an account."""
        with write_transaction(LOCK_KEY):
            self._require_admin(actor_id)
            row = self._row(account_id)
            if not active and row.is_admin:
                self._keep_an_admin(row)
            self._save(row, version, {"active": active},
                       lambda: server_accounts.set_active(database, account_id, active, version))
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
            self._save(row, version, {"is_admin": is_admin},
                       lambda: server_accounts.set_admin(database, account_id, is_admin, version))
            self._audit(actor_id, "account.admin_grant" if is_admin else "account.admin_revoke",
                        f"{row.username}: {'menjadi' if is_admin else 'bukan lagi'} administrator")
        return self.get(account_id)

    # --- helpers ---------------------------------------------------------------------------

    def _query(self):
        """Accounts with their staff entries; on the office server without ``password_hash``,
        a column the app's group may not read."""
        fields = [f for f in Account._meta.sorted_fields if not (self.server_mode and f is Account.password_hash)]
        return Account.select(*fields, Staff).join(Staff)

    def _records(self, rows) -> list[AccountRecord]:
        rows = list(rows)
        if not self.server_mode:
            return [_record(row) for row in rows]
        with_login = server_accounts.logins(database, (row.username for row in rows))
        return [_record(row, has_password=row.username in with_login) for row in rows]

    def _has_password(self, row: Account) -> bool:
        if self.server_mode:
            return row.username in server_accounts.logins(database, [row.username])
        return row.password_hash is not None

    def _row(self, account_id: int) -> Account:
        row = self._query().where(Account.id == account_id).first()
        if row is None:
            raise NotFound("Akun tidak ditemukan.")
        return row

    def _require_admin(self, actor_id: int) -> None:
        if self.server_mode:
            self._require_server_admin(actor_id)
            return
        me = self._query().where(Account.staff == actor_id).first()
        if me is None and not Account.select(Account.id).exists():
            raise NotAllowed("Belum ada administrator: buat akun administrator pertama terlebih dahulu.")
        if me is None or not (me.is_admin and me.active and me.staff.active):
            raise NotAllowed(NOT_ADMIN)

    def _require_server_admin(self, actor_id: int) -> None:
        """On the office server the acting person is the connection's login: ``actor_id`` must be
        their staff entry (the server checks the administrator again, by ``session_user``)."""
        me = self.current()
        if actor_id != me.staff_id:
            raise NotAllowed(f"Di server kantor Anda bertindak sebagai {me.name} ({me.username}), akun login Anda.")
        if not me.is_admin:
            raise NotAllowed(NOT_ADMIN)
        if me.must_change:
            raise NotAllowed("Ganti dahulu kata sandi sekali pakai Anda, lalu kelola akun.")

    def _creatable(self, staff_id: int, username: str) -> Staff:
        person = Staff.get_or_none(Staff.id == staff_id)
        if person is None:
            raise NotFound("Petugas tidak ditemukan.")
        if not person.active:
            raise ValidationError(f"{person.name} tidak aktif di daftar petugas.", "staff")
        held = Account.select(Account.username).where(Account.staff == staff_id).first()
        if held is not None:
            raise ValidationError(f"{person.name} sudah mempunyai akun ({held.username}).", "staff")
        if Account.select(Account.id).where(Account.username == username).exists():
            raise ValidationError(f"Nama pengguna {username} sudah dipakai.", "username")
        return person

    def _keep_an_admin(self, row: Account) -> None:
        others = (Account.select(Account.id).join(Staff)
                  .where((Account.id != row.id) & (Account.is_admin == True) & (Account.active == True)
                         & (Staff.active == True)).exists())
        if not others:
            raise RuleError("Harus tetap ada sedikitnya satu administrator aktif.")

    def _save(self, row: Account, version: int | None, values: dict, server_call: Callable[[], int] | None) -> int:
        """Store an administrator's change of ``row`` based on ``version``: on a file (or a plain
        PostgreSQL database) ``values``; on the office server ``server_call()``, the function that
        makes the change there (it checks the version again)."""
        theirs = self._theirs
        if not self.server_mode:
            return versions.update(Account, Account.id == row.id, version, values, f"Akun {row.username}",
                                   theirs=theirs)
        if version is not None and row.version != version:
            raise versions.conflict(f"Akun {row.username}", row, theirs)
        assert server_call is not None
        with self._refusals(row.id):
            return server_call()

    def _theirs(self, row: Account) -> dict[str, str]:
        return _fields(row, self._has_password(row))

    @contextlib.contextmanager
    def _refusals(self, account_id: int | None = None) -> Iterator[None]:
        """The server functions' refusals as the services' errors."""
        try:
            yield
        except ServerRefusal as exc:
            if exc.code == server_accounts.CHANGED and account_id is not None:
                row = self._query().where(Account.id == account_id).first()
                raise versions.conflict(f"Akun {row.username if row else ''}", row, self._theirs) from None
            if exc.code == server_accounts.INVALID:
                raise ValidationError(str(exc), exc.field) from None
            kinds: dict[str, type[ServiceError]] = {server_accounts.NOT_ADMIN: NotAllowed,
                                                    server_accounts.NOT_FOUND: NotFound}
            raise kinds.get(exc.code, RuleError)(str(exc)) from None

    def _audit(self, actor_id: int | None, action: str, detail: str) -> None:
        """An audit entry (linked into the history chain) by ``actor_id``, as the account they act as."""
        acting = Account.select(Account.id).where(Account.staff == actor_id).first() if actor_id is not None else None
        history.record_audit(at=to_db(self.clock()), actor=actor_id, action=action, detail=detail,
                             account_id=acting.id if acting is not None else None)


# --- the office server: signing in as one's own login ---------------------------------------------

class ServerSignIn(NamedTuple):
    """A workspace connected as the person, and their account."""

    workspace: Workspace
    account: AccountRecord


class LocalFailures:
    """Failed sign-ins to a server in a row, per server and user name, in this process only:
    the window's slow-down and lock (:data:`SLOW_DOWN_SECONDS`, :data:`MAX_FAILURES`,
    :data:`LOCK_MINUTES`). Not a protection of the server (see the module's docstring)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._seen: dict[str, tuple[int, float]] = {}

    def check(self, key: str) -> None:
        """Refuse an attempt while this PC waits after failures."""
        count, until = self._seen.get(key, (0, 0.0))
        wait = math.ceil(until - self._clock())
        if wait <= 0:
            return
        if count >= MAX_FAILURES:
            raise SignInRefused(f"Terlalu banyak percobaan gagal di PC ini: tunggu {durations.words(wait)} lalu coba "
                                "lagi, atau minta administrator mengatur ulang kata sandi Anda.",
                                reason="locked", wait_seconds=wait)
        raise SignInRefused(f"Terlalu cepat: tunggu {durations.words(wait)} lalu coba lagi.", reason="wait",
                            wait_seconds=wait)

    def failed(self, key: str, wrong: str) -> SignInRefused:
        """Count a failure; the refusal to raise."""
        count = self._seen.get(key, (0, 0.0))[0]
        count = 1 if count >= MAX_FAILURES else count + 1
        if count >= MAX_FAILURES:
            wait = LOCK_MINUTES * 60
            refusal = SignInRefused(f"{wrong} Setelah {MAX_FAILURES} kali gagal berturut-turut, PC ini menunggu "
                                    f"{LOCK_MINUTES} menit sebelum mencoba lagi.", reason="locked", wait_seconds=wait)
        else:
            wait = SLOW_DOWN_SECONDS[count - 1]
            refusal = SignInRefused(wrong, reason="wrong", wait_seconds=wait)
        self._seen[key] = (count, self._clock() + wait)
        return refusal

    def clear(self, key: str) -> None:
        self._seen.pop(key, None)


#: This process's failed sign-ins to servers.
LOCAL_FAILURES = LocalFailures()


def _failure_key(database_url: str, username: str) -> str:
    return server_accounts.person_url(database_url, username)


def _login_refusal(key: str, reason: str, wrong: str) -> SignInRefused:
    if reason == "inactive":
        return SignInRefused(INACTIVE, reason="inactive")
    if reason == "unchecked":
        return SignInRefused("Server ini menerima login tanpa memeriksa kata sandi (pg_hba.conf: trust), jadi siapa "
                             "pun dapat mengaku sebagai siapa saja: masuk ditolak. Minta administrator server memakai "
                             "scram-sha-256.", reason="unchecked")
    return LOCAL_FAILURES.failed(key, wrong)


def check_server_login(database_url: str, username: str, password: str) -> tuple[str, str, str]:
    """Check ``username``'s password with the office server, with a connection of its own that
    only the typed password can open (not ``PGPASSWORD``, a password file or a stored one), and
    this PC's slow-down after failures: the :class:`SignInRefused` of :func:`sign_in_to_server`,
    or ``DatabaseError``. Returns (the user name as stored, this PC's failure key, the person's
    URL without password)."""
    name = (username or "").strip().lower()
    key = _failure_key(database_url, name)
    LOCAL_FAILURES.check(key)
    if not USERNAME.fullmatch(name):
        raise LOCAL_FAILURES.failed(key, WRONG)
    url = server_accounts.person_url(database_url, name)
    try:
        server_accounts.check_login(url, name, password)
    except LoginRefused as exc:
        raise _login_refusal(key, exc.reason, WRONG) from None
    return name, key, url


def sign_in_to_server(data_dir: str | Path, database_url: str, username: str, password: str, *,
                      sop_path: str | Path | None = None, clock: Clock | None = None) -> ServerSignIn:
    """Sign in to the office server as ``username`` with ``password``: the workspace of
    ``data_dir`` opened on ``database_url`` (``postgresql://server:port/db``; a user or password
    in it is replaced) connected as that person's own login, their sign-in recorded.

    The password is first checked with a connection of its own (so libpq's ``PGPASSWORD`` or
    password file cannot stand in for what was typed), then given to the workspace's connection
    through ``db.connection.password_hook``; it is never put into a URL, a file or the settings:
    ``workspace.database_url`` is ``postgresql://username@server:port/db``.

    Refusals: :class:`SignInRefused` — a wrong name or password alike (:data:`WRONG`), this PC
    waiting after failures (``wait``/``locked``), a deactivated account (``inactive``, only to
    whoever knows its password), a login without an account (``no_account``), a server that does
    not check passwords (``unchecked``); ``DatabaseError`` when the server cannot be reached or
    opened. When ``account.must_change`` is set, the caller has the person change the password
    (``workspace.accounts.change_password``) before anything else.
    """
    from wawaran_desktop.services.workspace import open_workspace  # the workspace builds this module's service

    name, key, url = check_server_login(database_url, username, password)
    with server_accounts.given_password(password):
        ws = open_workspace(data_dir, sop_path=sop_path, clock=clock, database_url=url)
    try:
        if not ws.accounts.server_mode:
            raise SignInRefused("Basis data server ini belum disiapkan untuk akun per orang: minta administrator "
                                "menjalankan init-server versi ini.", reason="no_account")
        account = ws.accounts._signed_in_here()
    except BaseException:
        ws.close()
        raise
    LOCAL_FAILURES.clear(key)
    return ServerSignIn(ws, account)


# --- init-server's first administrator ---------------------------------------------------------

class FirstAdmin(NamedTuple):
    """What :func:`first_server_admin` did."""

    account: AccountRecord
    created: bool  # the account was made now
    staff_added: bool  # and a staff entry for it
    restored: tuple[str, ...]  # what an existing account got back ("administrator", "aktif")


def first_server_admin(username: str, person_name: str | None, lane: str, sop: Sop) -> FirstAdmin:
    """The administrator account of ``init-server --login`` (inside its transaction, as the
    tables' owner role, the models bound to its connection), tied to a staff entry.

    A new account is tied to the active staff entry named ``person_name`` (default: the login's
    name; letter case aside) that has no account yet, or else to a new entry of that name in
    ``lane``; it has no hash (the login's password is the server's). An existing account of
    that name is given back administrator rights and activity (with its staff entry's), so that
    an office whose administrators are all locked out can recover. Each change is audited, by
    the account itself, naming the PostgreSQL role that ran init-server."""
    name = check_username(username)
    clock = dialect.server_clock() or utc_now
    by = server_accounts.session_user(database)
    row = Account.get_or_none(Account.username == name)
    if row is not None:
        restored = _restore_admin(row, clock, by)
        return FirstAdmin(AccountService(SimpleNamespace(clock=clock, database_url=None)).get(row.id),
                          False, False, restored)
    wanted = " ".join((person_name or name).split())
    candidates = list(Staff.select().where(fn.LOWER(Staff.name) == wanted.lower(), Staff.active == True,
                                           Staff.id.not_in(Account.select(Account.staff))))
    if len(candidates) > 1:
        raise ValidationError(f"Ada {len(candidates)} petugas aktif bernama {wanted} tanpa akun: bedakan namanya "
                              "di daftar petugas dulu, atau pilih nama lain dengan --admin-name.", "staff")
    added = not candidates
    staff_id = candidates[0].id if candidates else \
        StaffService(SimpleNamespace(sop=sop, clock=clock)).add(wanted, None, "", lane).id
    person = Staff.get_by_id(staff_id)
    with write_transaction(LOCK_KEY):
        account = Account.create(staff=staff_id, username=name, password_hash=None, is_admin=True,
                                 created_at=to_db(clock()))
        history.record_audit(at=to_db(clock()), actor=staff_id, action="account.create",
                             detail=f"{name} untuk {person.name}, administrator (init-server oleh {by})",
                             account_id=account.id)
    service = AccountService(SimpleNamespace(clock=clock, database_url=None))
    return FirstAdmin(service.get(account.id), True, added, ())


def _restore_admin(row: Account, clock: Clock, by: str) -> tuple[str, ...]:
    person = Staff.get_by_id(row.staff_id)
    restored = tuple(what for what, missing in (("administrator", not row.is_admin), ("aktif", not row.active),
                                                ("petugas aktif", not person.active)) if missing)
    if not restored:
        return ()
    with write_transaction(LOCK_KEY):
        versions.update(Account, Account.id == row.id, None, {"is_admin": True, "active": True}, f"Akun {row.username}")
        if not person.active:
            versions.update(Staff, Staff.id == person.id, None, {"active": True}, f"Data petugas {person.name}")
        history.record_audit(at=to_db(clock()), actor=row.staff_id, action="account.admin_restore",
                             detail=f"{row.username}: dipulihkan oleh init-server ({by}): {', '.join(restored)}",
                             account_id=row.id)
    return restored


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


def _fields(row: Account, has_password: bool) -> dict[str, str]:
    """An account by the labels an administrator compares in a conflict."""
    password = "sekali pakai" if row.must_change else ("ada" if has_password else "belum ada")
    return {"Nama pengguna": row.username, "Administrator": _yes(row.is_admin), "Aktif": _yes(row.active),
            "Kata sandi": password}


def _record(row: Account, person: Staff | None = None, has_password: bool | None = None) -> AccountRecord:
    person = person or row.staff
    return AccountRecord(
        id=row.id, staff_id=row.staff_id, username=row.username, name=person.name, lane=person.lane,
        is_admin=bool(row.is_admin), must_change=bool(row.must_change), active=bool(row.active and person.active),
        has_password=row.password_hash is not None if has_password is None else has_password,
        failed_count=row.failed_count, locked_until=from_db(row.locked_until),
        last_sign_in_at=from_db(row.last_sign_in_at), version=row.version)
