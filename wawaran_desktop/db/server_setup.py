"""Prepare (or upgrade) an office's PostgreSQL database: ``main.py --database URL init-server``.

The roles follow the office-server notes: the tables belong to an *owner* role that nobody signs
in with (``NOLOGIN``), the migrations run as that role (``SET ROLE``), and people sign in with
*login* roles that are members of a *group* role holding exactly the rights the application
needs — so a login cannot drop or alter a table, nor rewrite history:

- every table the services edit: ``SELECT, INSERT, UPDATE, DELETE``;
- the history tables (:data:`HISTORY_TABLES`): ``SELECT, INSERT`` only. The services never
  update or delete their rows;
- the tables whose deletion would cascade into history (:data:`KEPT_TABLES`: ``campaign``,
  whose ``step`` and ``audit_entry`` rows go with it, and ``step``, whose ``step_event`` rows
  do): ``SELECT, INSERT, UPDATE``, no ``DELETE``. PostgreSQL runs a foreign key's referential
  action as the owner of the table, so a login allowed to delete a campaign would erase its
  history although it may not delete a history row itself. The services never delete either
  (a campaign is cancelled, not deleted); nor ``account`` (schema 5): a person's account is
  deactivated, never deleted, since the history names the account that acted;
- ``narration_version`` (every saved narration, :data:`COLUMN_UPDATES`): ``SELECT, INSERT``
  and ``UPDATE`` of ``is_final`` only (marking the final version); no ``DELETE``;
- ``schema_version``: ``SELECT``;
- ``sop_version`` (:data:`REGISTERED_TABLES`): ``SELECT, INSERT``: an SOP definition, once
  registered, never changes (the lanes in it are people's rights; a guard lets only an
  administrator register one);
- the id sequences: ``USAGE, SELECT`` to number new rows, and ``UPDATE`` on those of the tables
  edited in place too, since a bulk write that numbers its own rows (``demo``) moves the
  sequence past them (``setval``); history sequences get no ``UPDATE``;
- ``CONNECT`` on the database (taken from ``PUBLIC``) and ``USAGE`` on the schema, where
  ``PUBLIC`` may no longer ``CREATE`` (PostgreSQL 14 still let it).

- ``account`` (schema 5): ``SELECT`` of every column but ``password_hash``, and no write at all:
  in server mode a person's login role *is* their account, and accounts change only through the
  ``SECURITY DEFINER`` functions of :mod:`.server_accounts`, installed here, owned by the owner
  role and executable by the group alone. So a login cannot read a hash (one carried over by
  ``migrate-to``), nor make itself administrator, nor reset someone's password with ``psql``.

And the triggers of :mod:`.server_guards` (schema 7): what a person's own login writes is bound
to that person — history in their own name, steps only in their lanes, the staff directory and
lane overrides by administrators only — even with ``psql``.

The owner role gets ``CREATEROLE``, so that those functions can create people's login roles and
alter them (their password, ``LOGIN``/``NOLOGIN``). On PostgreSQL 14/15 that makes the owner an
almost-superuser (see :mod:`.server_accounts`): nobody signs in as it, and only the functions run
as it on people's behalf. From PostgreSQL 16 the owner is also given ``ADMIN OPTION`` on the
group and on its members (``CREATEROLE`` alone reaches only roles one administers there).

``--login NAME`` (:func:`prepare_server`'s ``login``) is the first administrator: the login role
(made as the owner role, in the group) and, through the ``admin`` callback (the command line
passes services/accounts.py's ``first_server_admin``), its account as administrator tied to a
staff entry. Run again with the name of an existing login it gives that login back its
``LOGIN`` and its account back administrator rights (an office whose administrators are all
locked out), never a new password.

Run again, it is idempotent: roles are created only when missing and the grants are set anew
(revoked, then granted exactly), the functions replaced, so a schema older than the
application's is upgraded as the owner role, its new tables granted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from peewee import PeeweeException, PostgresqlDatabase

from wawaran_desktop.db import dialect, server_accounts, server_guards
from wawaran_desktop.db.migrations import LATEST_VERSION, apply_migrations
from wawaran_desktop.db.postgres import VERSION_TABLE

DEFAULT_OWNER = "wawaran_owner"
DEFAULT_GROUP = "wawaran_app"

#: History: the group may read and add rows, never change or remove them.
HISTORY_TABLES = ("step_event", "audit_entry", "history_link", "history_anchor", "lane_override")
#: Tables the group may only read.
READ_ONLY_TABLES = (VERSION_TABLE,)
#: Registered once, never changed (the SOP a campaign is pinned to: its lanes are the rights).
REGISTERED_TABLES = ("sop_version",)
#: Tables the group may not delete from: a deletion cascades into the history tables (as the
#: tables' owner, beyond the group's own rights); an account is deactivated, never deleted (the
#: history names it).
KEPT_TABLES = ("campaign", "step", "account", "staff")
#: Tables the group may add to but change only in these columns, never delete from.
COLUMN_UPDATES = {"narration_version": ("is_final",)}
#: Tables the group may only read, and not these columns of them: written only by the functions
#: of :mod:`.server_accounts`.
FUNCTION_WRITTEN = {"account": ("password_hash",)}

#: Role names we accept: PostgreSQL's unquoted identifiers, lower case (what ``psql`` users type).
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
#: Oldest server release accepted (the README's requirement).
MIN_SERVER_VERSION = 140000


class SetupError(Exception):
    """``init-server`` refuses or fails; ``str(exc)`` is a message for the administrator (Indonesian)."""


@dataclass
class SetupResult:
    """What :func:`prepare_server` did, for the administrator's summary."""

    schema_before: int
    schema_after: int
    roles_created: list[str] = field(default_factory=list)
    login: str | None = None
    login_created: bool = False
    tables: list[str] = field(default_factory=list)
    #: What the ``admin`` callback said it did (for the summary), e.g. the account it made.
    admin: object = None


def check_role_name(name: str, what: str) -> str:
    if not ROLE_NAME.fullmatch(name or ""):
        raise SetupError(f"Nama peran {what} {name!r} tidak sah: gunakan huruf kecil a–z, angka dan garis bawah, "
                         "diawali huruf atau garis bawah, paling panjang 63 karakter.")
    if name.startswith("pg_"):
        raise SetupError(f"Nama peran {what} {name!r} tidak boleh diawali 'pg_' (dicadangkan PostgreSQL).")
    return name


def _q(name: str) -> str:
    """An identifier already checked by :func:`check_role_name` or read from the catalog, quoted."""
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


#: The first administrator's account, made inside init-server's transaction as the owner role:
#: ``admin(db, login)`` returns what it did (kept in :attr:`SetupResult.admin`).
AdminHook = Callable[[PostgresqlDatabase, str], object]


def prepare_server(db: PostgresqlDatabase, where: str, *, owner: str = DEFAULT_OWNER, group: str = DEFAULT_GROUP,
                   login: str | None = None, password: Callable[[], str] | None = None,
                   up_to: int = LATEST_VERSION, admin: AdminHook | None = None) -> SetupResult:
    """Prepare the empty database ``db`` (connected as an administrator: a superuser, or a role
    with ``CREATEROLE`` that owns the schema), or upgrade one this function prepared before.

    ``password()`` is asked only when the login ``login`` is created; its text never reaches the
    server (libpq makes the SCRAM verifier here). ``admin(db, login)`` then makes (or restores)
    the login's administrator account, as the owner role; the command line always passes one
    (without it the login has no account and cannot use the application). ``up_to`` stops the
    schema at an older version (tests of the upgrade). Everything happens in one transaction:
    on a refusal nothing changes.
    """
    for name, what in ((owner, "pemilik"), (group, "kelompok"), (login, "login")):
        if name is not None:
            check_role_name(name, what)
    if len({owner, group, login} - {None}) != len([n for n in (owner, group, login) if n is not None]):
        raise SetupError("Peran pemilik, kelompok dan login harus bernama berbeda.")
    try:
        return _prepare(db, where, owner, group, login, password, up_to, admin)
    except PeeweeException as exc:
        raise SetupError(f"Persiapan basis data {where} gagal, tidak ada yang diubah: {str(exc).strip()}") from None


def _prepare(db: PostgresqlDatabase, where: str, owner: str, group: str, login: str | None,
             password: Callable[[], str] | None, up_to: int, admin: AdminHook | None) -> SetupResult:
    server_version, superuser, createrole, me, schema = db.execute_sql(
        "SELECT current_setting('server_version_num')::int, r.rolsuper, r.rolcreaterole, current_user, "
        "current_schema() FROM pg_roles r WHERE r.rolname = current_user").fetchone()
    if server_version < MIN_SERVER_VERSION:
        raise SetupError(f"Server {where} menjalankan PostgreSQL {server_version // 10000}; "
                         "Wawaran Desktop memerlukan PostgreSQL 14 atau lebih baru.")
    if not (superuser or createrole):
        raise SetupError(f"Akun {me} tidak berhak membuat peran (CREATEROLE). Jalankan init-server dengan akun "
                         "administrator PostgreSQL (misalnya postgres).")
    if schema is None:
        raise SetupError(f"Basis data {where} tidak punya skema tujuan (search_path kosong).")
    version = dialect.schema_version(db)
    tables = _tables(db)
    if version > LATEST_VERSION:
        raise SetupError(f"Basis data {where} dibuat oleh versi Wawaran Desktop yang lebih baru (skema {version}, "
                         f"versi ini hanya mengenal sampai skema {LATEST_VERSION}). Basis data tidak diubah.")
    if version == 0 and tables:
        raise SetupError(f"Basis data {where} tidak kosong: berisi {len(tables)} tabel lain ({', '.join(tables[:5])}"
                         f"{', …' if len(tables) > 5 else ''}), bukan milik Wawaran Desktop. init-server hanya "
                         "menyiapkan basis data yang kosong: buat basis data baru (CREATE DATABASE). "
                         "Basis data tidak diubah.")
    if version:
        table_owner = db.execute_sql(
            "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = %s",
            (VERSION_TABLE,)).fetchone()[0]
        if table_owner != owner:
            raise SetupError(
                f"Basis data {where} tidak kosong: sudah berisi data Wawaran Desktop (skema {version}) yang tidak "
                f"disiapkan oleh init-server (tabelnya milik {table_owner}, bukan {owner}). init-server hanya "
                "menyiapkan basis data yang kosong: buat basis data baru yang kosong, jalankan init-server di sana, "
                "lalu pindahkan datanya dengan migrate-to. Basis data tidak diubah.")
    result = SetupResult(schema_before=version, schema_after=version, login=login)
    database_name = db.execute_sql("SELECT current_database()").fetchone()[0]
    with db.atomic():
        for role in (owner, group):
            if _role_exists(db, role):
                db.execute_sql(f"ALTER ROLE {_q(role)} NOLOGIN")
            else:
                db.execute_sql(f"CREATE ROLE {_q(role)} NOLOGIN")
                result.roles_created.append(role)
        db.execute_sql(f"ALTER ROLE {_q(owner)} CREATEROLE")  # the account functions make people's logins
        if server_version >= 160000:
            _administer_logins(db, owner, group)
        if not db.execute_sql("SELECT pg_has_role(%s, 'MEMBER')", (owner,)).fetchone()[0]:
            db.execute_sql(f"GRANT {_q(owner)} TO {_q(me)}")  # so that this session may SET ROLE to it
        db.execute_sql(f"REVOKE CONNECT, TEMPORARY ON DATABASE {_q(database_name)} FROM PUBLIC")
        db.execute_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {_q(database_name)} TO {_q(group)}")
        db.execute_sql(f"REVOKE CREATE ON SCHEMA {_q(schema)} FROM PUBLIC")
        db.execute_sql(f"GRANT USAGE, CREATE ON SCHEMA {_q(schema)} TO {_q(owner)}")
        db.execute_sql(f"GRANT USAGE ON SCHEMA {_q(schema)} TO {_q(group)}")
        db.execute_sql(f"SET LOCAL ROLE {_q(owner)}")  # tables and functions made now belong to the owner role
        apply_migrations(db, up_to=up_to)
        result.schema_after = dialect.schema_version(db)
        result.tables = _tables(db)
        for table in result.tables:
            _grant_table(db, table, group)
        if "account" in result.tables:
            server_accounts.install(db, schema, owner, group)
        if "lane_override" in result.tables:  # schema 7: who may act where
            server_guards.install(db, schema, owner, result.tables)
        if login is not None:
            result.login_created = _login(db, login, group, password)
            if admin is not None:
                result.admin = admin(db, login)
        db.execute_sql("RESET ROLE")
    return result


def _login(db: PostgresqlDatabase, login: str, group: str, password: Callable[[], str] | None) -> bool:
    """The first administrator's login role, made as the owner role (which, from PostgreSQL 16,
    then administers it); an existing one may sign in again and is in the group. Whether it was
    made."""
    if _role_exists(db, login):
        mighty = db.execute_sql("SELECT rolsuper OR rolcreaterole OR rolreplication OR rolbypassrls FROM pg_roles "
                                "WHERE rolname = %s", (login,)).fetchone()[0]
        if mighty:
            raise SetupError(f"Peran {login} adalah peran administrator PostgreSQL (SUPERUSER/CREATEROLE), bukan "
                             "login petugas: pilih nama lain untuk --login.")
        db.execute_sql(f"ALTER ROLE {_q(login)} LOGIN")
        db.execute_sql(f"GRANT {_q(group)} TO {_q(login)}")
        return False
    secret = password() if password is not None else ""
    if not secret:
        raise SetupError(f"Login {login} baru memerlukan kata sandi (WAWARAN_PASSWORD atau ditanyakan).")
    verifier = _scram_verifier(db, secret, login)
    db.execute_sql(f"CREATE ROLE {_q(login)} LOGIN INHERIT PASSWORD {_literal(verifier)} IN ROLE {_q(group)}")
    return True


def _administer_logins(db: PostgresqlDatabase, owner: str, group: str) -> None:
    """PostgreSQL 16+: ``CREATEROLE`` reaches only roles one holds ``ADMIN OPTION`` on. The owner
    gets it on the group (to put new logins in it) and on the group's members made before."""
    grant = "WITH ADMIN TRUE, INHERIT FALSE, SET FALSE"
    db.execute_sql(f"GRANT {_q(group)} TO {_q(owner)} {grant}")
    for (member,) in db.execute_sql(
            "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = %s AND m.rolname <> %s AND NOT m.rolsuper",
            (group, owner)).fetchall():
        db.execute_sql(f"GRANT {_q(member)} TO {_q(owner)} {grant}")


def _grant_table(db: PostgresqlDatabase, table: str, group: str) -> None:
    sequence_rights: str | None
    if table in FUNCTION_WRITTEN:
        hidden = FUNCTION_WRITTEN[table]
        columns = ", ".join(_q(c) for c in _columns(db, table) if c not in hidden)
        rights, sequence_rights = f"SELECT ({columns})", None
    elif table in READ_ONLY_TABLES:
        rights, sequence_rights = "SELECT", "USAGE, SELECT"
    elif table in HISTORY_TABLES or table in REGISTERED_TABLES:
        rights, sequence_rights = "SELECT, INSERT", "USAGE, SELECT"
    elif table in KEPT_TABLES:
        rights, sequence_rights = "SELECT, INSERT, UPDATE", "USAGE, SELECT, UPDATE"
    elif table in COLUMN_UPDATES:
        columns = ", ".join(_q(c) for c in COLUMN_UPDATES[table])
        rights, sequence_rights = f"SELECT, INSERT, UPDATE ({columns})", "USAGE, SELECT, UPDATE"
    else:
        rights, sequence_rights = "SELECT, INSERT, UPDATE, DELETE", "USAGE, SELECT, UPDATE"
    db.execute_sql(f"REVOKE ALL ON TABLE {_q(table)} FROM {_q(group)}")
    db.execute_sql(f"GRANT {rights} ON TABLE {_q(table)} TO {_q(group)}")
    for (sequence,) in db.execute_sql(
            "SELECT s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
            "WHERE s.relkind = 'S' AND d.refobjid = to_regclass(%s)", (_q(table),)).fetchall():
        db.execute_sql(f"REVOKE ALL ON SEQUENCE {_q(sequence)} FROM {_q(group)}")
        if sequence_rights:
            db.execute_sql(f"GRANT {sequence_rights} ON SEQUENCE {_q(sequence)} TO {_q(group)}")


def _columns(db: PostgresqlDatabase, table: str) -> list[str]:
    return [r[0] for r in db.execute_sql(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0 AND NOT attisdropped "
        "ORDER BY attnum", (_q(table),)).fetchall()]


def _tables(db: PostgresqlDatabase) -> list[str]:
    return [r[0] for r in db.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").fetchall()]


def _role_exists(db: PostgresqlDatabase, role: str) -> bool:
    return db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is not None


def _scram_verifier(db: PostgresqlDatabase, secret: str, login: str) -> str:
    """The password's SCRAM-SHA-256 verifier, made by libpq on this PC (as ``psql``'s
    ``\\password`` does), so the clear text is never sent nor logged by the server."""
    return server_accounts.scram_verifier(db, login, secret)
