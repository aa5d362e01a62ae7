"""Accounts on the office server (PostgreSQL): each person's login role *is* their account.

On a database prepared by ``init-server`` (db/server_setup.py) a person signs in to PostgreSQL
with their own login role, named as their ``account.username`` and holding their password as a
SCRAM-SHA-256 verifier made on the PC (:func:`scram_verifier`, as ``psql``'s ``\\password``
does: the clear text never reaches the server, nor its log). ``account.password_hash`` stays
NULL there (the functions below clear one carried over by ``migrate-to``), and the app's group
role may read every column of ``account`` except it, and write none: account changes go only
through the ``SECURITY DEFINER`` functions :func:`install` creates, which belong to the owner
role, run with ``search_path`` pinned (``pg_temp`` last) and may be executed by the group only:

- ``wawaran_account_create`` — an account and its login role in the group (administrators);
- ``wawaran_account_set_password`` — a one-time password (administrators; sets ``must_change``;
  makes the login role of an account that had none, e.g. one carried over by ``migrate-to``);
- ``wawaran_account_change_own_password`` — ``ALTER ROLE session_user``, clears ``must_change``;
- ``wawaran_account_set_active`` — also ``ALTER ROLE … LOGIN``/``NOLOGIN`` (administrators);
- ``wawaran_account_set_admin`` and ``wawaran_account_unlock`` (administrators);
- ``wawaran_account_signed_in`` — the caller's successful sign-in.

"Administrator" means: ``session_user`` (not ``current_user``: a ``SET ROLE`` changes nothing)
names an active account of an active staff entry with ``is_admin``, whose one-time password has
been changed. At least one active administrator always remains. Every function locks
``account`` (``SHARE ROW EXCLUSIVE``) before it checks, so two PCs (or ``psql``) cannot both
take away the last administrator. A refusal is raised with an SQLSTATE of class ``WA`` and an
Indonesian message (:class:`ServerRefusal`); the services map it to their own errors.

To create and alter login roles the owner role has ``CREATEROLE`` (given by ``init-server``).
On PostgreSQL 14/15 that makes it an *almost-superuser*: a role with ``CREATEROLE`` may create,
alter and drop any non-superuser role and grant membership in any of them — including
``pg_read_server_files``, ``pg_write_server_files`` and ``pg_execute_server_program`` — so
whoever can act as the owner can reach the server's files and programs. Nobody signs in as the
owner (``NOLOGIN``), only superusers and the role that ran ``init-server`` are members of it,
and the functions here are the only code that runs as it for people: they take no SQL from the
caller, only values checked here (user names ``[a-z][a-z0-9_]{1,62}``, not ``pg_…``; verifiers
of SCRAM's shape) put into statements with ``format('%I', '%L')``, and they alter only roles
that are a person's login (a direct member of the group, no other attribute, not the owner, not
a member of it). From PostgreSQL 16 ``CREATEROLE`` reaches only roles it holds ``ADMIN OPTION``
on: ``init-server`` grants the owner that on the group and on the logins made before (untested
here: the test machine has PostgreSQL 15).

What protects the passwords from guessing: PostgreSQL 15 has no lockout of a role after failed
attempts, and a failed attempt never reaches the application's tables (authentication fails
first), so the server cannot count failures for the application. The application only slows its
own window down (services/accounts.py). Against someone trying passwords with ``psql`` or a
script the server's administrator sets ``shared_preload_libraries = 'auth_delay'`` with
``auth_delay.milliseconds = 2000`` in ``postgresql.conf`` (each failed authentication answers
only after the delay; it does not lock anything), limits ``pg_hba.conf`` to the office's
network with ``scram-sha-256`` (never ``trust``), and may watch the log for
``password authentication failed`` (``log_connections = on``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from urllib.parse import quote, urlsplit, urlunsplit

from peewee import Database, PeeweeException

from wawaran_desktop.db.urls import strip_password

#: The function whose presence tells that ``init-server`` installed the account functions.
MARKER = "wawaran_account_signed_in()"
#: SQLSTATEs of the functions' refusals.
NOT_ADMIN, NOT_FOUND, INVALID, LAST_ADMIN, CHANGED = "WA401", "WA404", "WA422", "WA409", "WA412"
#: What the client always makes, whatever the server's ``password_encryption`` says: a verifier
#: that ``scram-sha-256`` and ``md5`` lines of ``pg_hba.conf`` both accept.
ALGORITHM = "scram-sha-256"


class ServerRefusal(Exception):
    """A function refused: ``code`` (one of the SQLSTATEs above), ``str(exc)`` its Indonesian
    message, ``field`` the input it concerns (``username``, ``password`` or "")."""

    def __init__(self, code: str, message: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.field = field


class LoginRefused(Exception):
    """The server did not let ``username`` in with that password. ``reason``: ``wrong`` (name or
    password: the server does not tell which), ``inactive`` (the right password of a login that
    may not sign in: deactivated), ``unchecked`` (the server let it in without asking for a
    password: ``trust`` in ``pg_hba.conf``, so a password proves nothing)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- the functions, as init-server creates them ------------------------------------------------

#: Helpers (no ``SECURITY DEFINER``, not executable by the group): called only from the functions.
_HELPERS = r"""
CREATE OR REPLACE FUNCTION wawaran_account_refuse(p_code text, p_message text, p_field text DEFAULT '')
RETURNS void LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
BEGIN
  IF COALESCE(p_field, '') = '' THEN
    RAISE EXCEPTION USING ERRCODE = p_code, MESSAGE = p_message;
  END IF;
  RAISE EXCEPTION USING ERRCODE = p_code, MESSAGE = p_message, DETAIL = p_field;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_admin() RETURNS integer
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
DECLARE me record;
BEGIN
  SELECT a.id, a.is_admin, a.active AND s.active AS active, a.must_change INTO me
    FROM account a JOIN staff s ON s.id = a.staff_id WHERE a.username = session_user::text;
  IF me.id IS NULL OR NOT (me.is_admin AND me.active) THEN
    PERFORM wawaran_account_refuse('WA401', 'Hanya administrator yang dapat mengelola akun.');
  END IF;
  IF me.must_change THEN
    PERFORM wawaran_account_refuse('WA401', 'Ganti dahulu kata sandi sekali pakai Anda, lalu kelola akun.');
  END IF;
  RETURN me.id;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_check_name(p_username text) RETURNS void
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
BEGIN
  IF p_username IS NULL OR p_username !~ '^[a-z][a-z0-9_]{{1,62}}$' OR p_username LIKE 'pg\_%' THEN
    PERFORM wawaran_account_refuse('WA422', 'Nama pengguna hanya boleh berisi huruf a–z, angka dan garis bawah '
      '(_), diawali huruf, 2 sampai 63 karakter, tidak diawali pg_.', 'username');
  END IF;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_check_verifier(p_verifier text) RETURNS void
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
BEGIN
  IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
    PERFORM wawaran_account_refuse('WA422', 'Kata sandi harus dikirim sebagai verifier SCRAM-SHA-256 yang dibuat '
      'di PC, bukan teks aslinya.', 'password');
  END IF;
END $f$;

-- true: the login role exists and is a person's login; false: there is none; else a refusal
CREATE OR REPLACE FUNCTION wawaran_account_check_role(p_username text) RETURNS boolean
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
DECLARE r record;
BEGIN
  SELECT oid, rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls AS mighty
    INTO r FROM pg_roles WHERE rolname = p_username;
  IF r.oid IS NULL THEN
    RETURN false;
  END IF;
  IF r.mighty OR p_username IN ({owner_literal}, {group_literal})
     OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                    WHERE m.member = r.oid AND g.rolname = {group_literal})
     OR pg_has_role(r.oid, {owner_literal}, 'MEMBER') THEN
    PERFORM wawaran_account_refuse('WA422', format('Peran PostgreSQL %s sudah ada dan bukan login petugas '
      '(anggota %s): tidak diubah. Pilih nama pengguna lain.', p_username, {group_literal}), 'username');
  END IF;
  RETURN true;
END $f$;

-- the person's login role: created in the group, or given the new password
CREATE OR REPLACE FUNCTION wawaran_account_login(p_username text, p_verifier text, p_can_login boolean)
RETURNS void LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
DECLARE how text := CASE WHEN p_can_login THEN 'LOGIN' ELSE 'NOLOGIN' END;
BEGIN
  PERFORM wawaran_account_check_name(p_username);
  PERFORM wawaran_account_check_verifier(p_verifier);
  IF wawaran_account_check_role(p_username) THEN
    EXECUTE format('ALTER ROLE %I %s PASSWORD %L', p_username, how, p_verifier);
  ELSE
    EXECUTE format('CREATE ROLE %I %s INHERIT PASSWORD %L IN ROLE %I', p_username, how, p_verifier,
                   {group_literal});
  END IF;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_keep_admin(p_account_id integer) RETURNS void
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM account a JOIN staff s ON s.id = a.staff_id
                 WHERE a.id <> p_account_id AND a.is_admin AND a.active AND s.active) THEN
    PERFORM wawaran_account_refuse('WA409', 'Harus tetap ada sedikitnya satu administrator aktif.');
  END IF;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_target(p_account_id integer, p_version integer) RETURNS text
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
DECLARE found_name text; found_version integer;
BEGIN
  SELECT username, version INTO found_name, found_version FROM account WHERE id = p_account_id;
  IF found_name IS NULL THEN
    PERFORM wawaran_account_refuse('WA404', 'Akun tidak ditemukan.');
  END IF;
  IF p_version IS NOT NULL AND found_version <> p_version THEN
    PERFORM wawaran_account_refuse('WA412', format('Akun %s diubah di komputer lain sejak Anda membukanya.',
                                                   found_name));
  END IF;
  RETURN found_name;
END $f$;
"""

#: The functions the group may execute (``SECURITY DEFINER``: they run as the owner role).
_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION wawaran_account_create(p_staff_id integer, p_username text, p_verifier text,
                                                  p_is_admin boolean) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE person record; held text; new_id integer;
BEGIN
  LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE;
  PERFORM wawaran_account_admin();
  PERFORM wawaran_account_check_name(p_username);
  SELECT id, name, active INTO person FROM staff WHERE id = p_staff_id;
  IF person.id IS NULL THEN
    PERFORM wawaran_account_refuse('WA404', 'Petugas tidak ditemukan.');
  END IF;
  IF NOT person.active THEN
    PERFORM wawaran_account_refuse('WA422', format('%s tidak aktif di daftar petugas.', person.name), 'staff');
  END IF;
  SELECT username INTO held FROM account WHERE staff_id = p_staff_id;
  IF held IS NOT NULL THEN
    PERFORM wawaran_account_refuse('WA422', format('%s sudah mempunyai akun (%s).', person.name, held), 'staff');
  END IF;
  IF EXISTS (SELECT 1 FROM account WHERE username = p_username) THEN
    PERFORM wawaran_account_refuse('WA422', format('Nama pengguna %s sudah dipakai.', p_username), 'username');
  END IF;
  IF p_verifier IS NOT NULL THEN
    PERFORM wawaran_account_login(p_username, p_verifier, true);
  ELSIF wawaran_account_check_role(p_username) THEN
    EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', p_username);  -- a login without a password yet
  END IF;
  INSERT INTO account (staff_id, username, password_hash, must_change, is_admin, active, failed_count, created_at,
                       version)
  VALUES (p_staff_id, p_username, NULL, p_verifier IS NOT NULL, COALESCE(p_is_admin, false), true, 0,
          clock_timestamp() AT TIME ZONE 'UTC', 1)
  RETURNING id INTO new_id;
  RETURN new_id;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_set_password(p_account_id integer, p_verifier text, p_version integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE target text; may_sign_in boolean; new_version integer;
BEGIN
  LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE;
  PERFORM wawaran_account_admin();
  target := wawaran_account_target(p_account_id, p_version);
  SELECT a.active AND s.active INTO may_sign_in FROM account a JOIN staff s ON s.id = a.staff_id
   WHERE a.id = p_account_id;
  PERFORM wawaran_account_login(target, p_verifier, may_sign_in);
  UPDATE account SET password_hash = NULL, must_change = true, failed_count = 0, locked_until = NULL,
                     version = version + 1
   WHERE id = p_account_id RETURNING version INTO new_version;
  RETURN new_version;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_change_own_password(p_verifier text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE mine record; new_version integer;
BEGIN
  LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE;
  SELECT a.id, a.active AND s.active AS active INTO mine FROM account a JOIN staff s ON s.id = a.staff_id
   WHERE a.username = session_user::text;
  IF mine.id IS NULL THEN
    PERFORM wawaran_account_refuse('WA404', format('Login %s tidak mempunyai akun Wawaran Desktop.', session_user));
  END IF;
  IF NOT mine.active THEN
    PERFORM wawaran_account_refuse('WA401', 'Akun Anda dinonaktifkan. Hubungi administrator.');
  END IF;
  PERFORM wawaran_account_login(session_user::text, p_verifier, true);
  UPDATE account SET password_hash = NULL, must_change = false, failed_count = 0, locked_until = NULL,
                     version = version + 1
   WHERE id = mine.id RETURNING version INTO new_version;
  RETURN new_version;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_set_active(p_account_id integer, p_active boolean, p_version integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE target text; new_version integer;
BEGIN
  LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE;
  PERFORM wawaran_account_admin();
  target := wawaran_account_target(p_account_id, p_version);
  IF NOT p_active AND (SELECT is_admin FROM account WHERE id = p_account_id) THEN
    PERFORM wawaran_account_keep_admin(p_account_id);
  END IF;
  IF wawaran_account_check_role(target) THEN
    EXECUTE format('ALTER ROLE %I %s', target, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  END IF;
  UPDATE account SET active = p_active, version = version + 1 WHERE id = p_account_id
  RETURNING version INTO new_version;
  RETURN new_version;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_set_admin(p_account_id integer, p_is_admin boolean, p_version integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE new_version integer;
BEGIN
  LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE;
  PERFORM wawaran_account_admin();
  PERFORM wawaran_account_target(p_account_id, p_version);
  IF NOT p_is_admin AND (SELECT is_admin FROM account WHERE id = p_account_id) THEN
    PERFORM wawaran_account_keep_admin(p_account_id);
  END IF;
  UPDATE account SET is_admin = p_is_admin, version = version + 1 WHERE id = p_account_id
  RETURNING version INTO new_version;
  RETURN new_version;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_unlock(p_account_id integer, p_version integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE new_version integer;
BEGIN
  LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE;
  PERFORM wawaran_account_admin();
  PERFORM wawaran_account_target(p_account_id, p_version);
  UPDATE account SET failed_count = 0, locked_until = NULL, version = version + 1 WHERE id = p_account_id
  RETURNING version INTO new_version;
  RETURN new_version;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_account_signed_in() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE mine integer;
BEGIN
  UPDATE account a SET last_sign_in_at = clock_timestamp() AT TIME ZONE 'UTC', failed_count = 0, locked_until = NULL
    FROM staff s
   WHERE s.id = a.staff_id AND a.username = session_user::text AND a.active AND s.active
  RETURNING a.id INTO mine;
  IF mine IS NULL THEN
    PERFORM wawaran_account_refuse('WA404', format('Login %s tidak mempunyai akun aktif.', session_user));
  END IF;
  RETURN mine;
END $f$;
"""

#: Every function :func:`install` makes, with its arguments, and whether the group may execute it.
SIGNATURES: dict[str, bool] = {
    "wawaran_account_refuse(text, text, text)": False,
    "wawaran_account_admin()": False,
    "wawaran_account_check_name(text)": False,
    "wawaran_account_check_verifier(text)": False,
    "wawaran_account_check_role(text)": False,
    "wawaran_account_login(text, text, boolean)": False,
    "wawaran_account_keep_admin(integer)": False,
    "wawaran_account_target(integer, integer)": False,
    "wawaran_account_create(integer, text, text, boolean)": True,
    "wawaran_account_set_password(integer, text, integer)": True,
    "wawaran_account_change_own_password(text)": True,
    "wawaran_account_set_active(integer, boolean, integer)": True,
    "wawaran_account_set_admin(integer, boolean, integer)": True,
    "wawaran_account_unlock(integer, integer)": True,
    "wawaran_account_signed_in()": True,
}


def sql_name(name: str) -> str:
    """An identifier (checked, or read from the catalog), quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


def sql_literal(text: str) -> str:
    """A text quoted as an SQL literal."""
    return "'" + text.replace("'", "''") + "'"



def install(db: Database, schema: str, owner: str, group: str) -> None:
    """Create (or replace) the functions in ``schema``, as the current role (``init-server`` runs
    this as the owner role, which then owns them); only the group may execute the public ones.
    ``owner`` and ``group`` are names checked by ``server_setup.check_role_name``."""
    names = {"schema": sql_name(schema), "owner_literal": sql_literal(owner), "group_literal": sql_literal(group)}
    for source in (_HELPERS, _FUNCTIONS):
        for statement in function_statements(source.format(**names)):
            db.execute_sql(statement.replace("%", "%%"))  # psycopg reads % as a placeholder
    for signature, public in SIGNATURES.items():
        db.execute_sql(f"REVOKE ALL ON FUNCTION {sql_name(schema)}.{signature} FROM PUBLIC")
        db.execute_sql(f"ALTER FUNCTION {sql_name(schema)}.{signature} OWNER TO {sql_name(owner)}")
        if public:
            db.execute_sql(f"GRANT EXECUTE ON FUNCTION {sql_name(schema)}.{signature} TO {sql_name(group)}")


def function_statements(source: str) -> Iterator[str]:
    """The ``CREATE FUNCTION`` statements of ``source`` (each ends with ``END $f$;``)."""
    for chunk in source.split("END $f$;"):
        body = "\n".join(line for line in chunk.splitlines() if not line.startswith("--")).strip()
        if body:
            yield body + "\nEND $f$"


# --- calling them -------------------------------------------------------------------------------

def installed(db: Database) -> bool:
    """Whether ``init-server`` installed the account functions in this database: a person's
    login then is their account. A PostgreSQL database that ``init-server`` did not prepare
    (a developer's, whose role owns every table) keeps its accounts as a file does."""
    return db.execute_sql("SELECT to_regprocedure(%s) IS NOT NULL", (MARKER,)).fetchone()[0]


def session_user(db: Database) -> str:
    """The login role this connection signed in with (``SET ROLE`` does not change it)."""
    return db.execute_sql("SELECT session_user::text").fetchone()[0]


def server_administrator(db: Database) -> bool:
    """Whether this connection's login is the server's administrator rather than a person: a
    superuser, or a role that may act as the tables' owner (who ran ``init-server``). The guards
    of :mod:`.server_guards` do not bind it."""
    return db.execute_sql(
        "SELECT r.rolsuper OR pg_has_role(session_user, t.tableowner, 'MEMBER') FROM pg_roles r, pg_tables t "
        "WHERE r.rolname = session_user AND t.schemaname = current_schema() AND t.tablename = 'schema_version'"
    ).fetchone()[0]


def logins(db: Database, usernames: Iterable[str]) -> set[str]:
    """Those of ``usernames`` that have a login role holding a password (``pg_roles`` tells every
    role which roles exist, not their passwords; an account's role is made with one)."""
    names = sorted(set(usernames))
    if not names:
        return set()
    return {r[0] for r in db.execute_sql("SELECT rolname::text FROM pg_roles WHERE rolname = ANY(%s)",
                                         (names,)).fetchall()}


def scram_verifier(db: Database, username: str, password: str) -> str:
    """``password``'s SCRAM-SHA-256 verifier for ``username``, made by libpq on this PC."""
    pgconn = db.connection().pgconn
    return pgconn.encrypt_password(password.encode(), username.encode(), ALGORITHM.encode()).decode()


def _call(db: Database, function: str, *args: object) -> int:
    placeholders = ", ".join(["%s"] * len(args))
    try:
        return db.execute_sql(f"SELECT {function}({placeholders})", args).fetchone()[0]
    except PeeweeException as exc:
        cause = getattr(exc, "orig", None) or exc.__context__  # peewee keeps the driver's error there
        diag = getattr(cause, "diag", None)
        code = (diag.sqlstate if diag is not None else None) or ""  # psycopg has no class for our own codes
        if not code.startswith("WA"):
            raise
        raise ServerRefusal(code, diag.message_primary or str(cause), diag.message_detail or "") from None


def create(db: Database, staff_id: int, username: str, verifier: str | None, is_admin: bool) -> int:
    """A new account (its id) and, with ``verifier``, its login role (``must_change`` set)."""
    return _call(db, "wawaran_account_create", staff_id, username, verifier, is_admin)


def set_password(db: Database, account_id: int, verifier: str, version: int | None) -> int:
    """A one-time password for the account; its new version."""
    return _call(db, "wawaran_account_set_password", account_id, verifier, version)


def change_own_password(db: Database, verifier: str) -> int:
    """The connection's own login gets a new password; its account's new version."""
    return _call(db, "wawaran_account_change_own_password", verifier)


def set_active(db: Database, account_id: int, active: bool, version: int | None) -> int:
    return _call(db, "wawaran_account_set_active", account_id, active, version)


def set_admin(db: Database, account_id: int, is_admin: bool, version: int | None) -> int:
    return _call(db, "wawaran_account_set_admin", account_id, is_admin, version)


def unlock(db: Database, account_id: int, version: int | None) -> int:
    return _call(db, "wawaran_account_unlock", account_id, version)


def record_sign_in(db: Database) -> int:
    """The connection's account signed in now (by the server's clock); its id."""
    return _call(db, "wawaran_account_signed_in")


# --- signing in as the person -------------------------------------------------------------------

def person_url(url: str, username: str) -> str:
    """``url`` signed in as ``username``, without any password (``db.urls.strip_password``)."""
    parts = urlsplit(strip_password(url))
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{quote(username, safe='')}@{host}"))


def check_login(url: str, username: str, password: str) -> None:
    """Sign in to the server at ``url`` as ``username`` with ``password`` once, and leave; raise
    :class:`LoginRefused` when it refuses, or ``connection.DatabaseError`` when it cannot be
    reached. The password goes to libpq as a parameter (never into a URL), so neither
    ``PGPASSWORD`` nor a password file stands in for what the person typed."""
    import psycopg

    from wawaran_desktop.db.connection import DatabaseError

    try:
        conn = psycopg.connect(strip_password(url), user=username, password=password, connect_timeout=15)
    except psycopg.OperationalError as exc:
        text = str(exc)
        if getattr(exc, "sqlstate", None) == "28P01" or "password authentication failed" in text:
            raise LoginRefused("wrong") from None
        if "not permitted to log in" in text:
            raise LoginRefused("inactive") from None
        where = urlsplit(url)
        raise DatabaseError(f"Tidak dapat terhubung ke server {where.hostname or 'localhost'}:{where.port or 5432}: "
                            f"{text.strip()}") from None
    with contextlib.closing(conn):
        if not conn.pgconn.used_password:
            raise LoginRefused("unchecked")


@contextlib.contextmanager
def given_password(password: str) -> Iterator[None]:
    """While open, a server that asks for a password (``db.connection.password_hook``) gets
    ``password``, once; the hook that was set before is put back afterwards."""
    from wawaran_desktop.db import connection

    asked = []

    def hook(_url: str, _refused: bool) -> str | None:
        asked.append(True)
        return password if len(asked) == 1 else None

    before = connection.password_hook
    connection.password_hook = hook
    try:
        yield
    finally:
        connection.password_hook = before


def remember_password(db: Database, password: str) -> None:
    """After the connection's own login changed its password: a reconnection uses the new one
    (peewee keeps the connection's parameters, in memory only)."""
    db.connect_params["password"] = password
