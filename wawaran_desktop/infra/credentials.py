"""Which office server to sign in to, and the password for it, kept out of our own files.

A password is never written into a file of the application (``settings.ini`` holds the
server's address without it, see ``db.urls.strip_password``). It comes, in this order, from:

1. the URL itself (``postgresql://user:password@host/db`` on the command line: accepted for
   that run, never remembered);
2. libpq's own ``PGPASSWORD`` variable or password file (``pgpass.conf`` under
   ``%APPDATA%\\postgresql`` on Windows, ``~/.pgpass`` elsewhere), which psycopg reads by itself:
   the server then never asks;
3. once the server does ask (:data:`wawaran_desktop.db.connection.password_hook`), a
   :class:`PasswordSource`: a password given beforehand (the *Basis Data* page), the
   ``WAWARAN_DB_PASSWORD`` variable, the system's credential store through ``keyring``
   (Windows Credential Manager, macOS Keychain, the Secret Service of a Linux desktop), and
   last the person, asked by the window's dialog or on the terminal.

A store counts only when keyring's choice is one it recommends (priority 1 or more): on a
headless Linux machine keyring has only its *fail* or *null* backend, and the plaintext file
of ``keyrings.alt`` (priority 0.5) is no safer than our own file would be; both count as "no
store", and the person is asked each time.

Qt-free: the window and the command line each give :class:`PasswordSource` their own way of
asking. ``keyring`` is imported on first use, never at start-up.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Self
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from wawaran_desktop.db.urls import strip_secret_options

#: ``settings.ini`` (per PC) key of the database the window opens when no ``--database`` is
#: given: a ``postgresql://`` URL without a password; absent or empty: the folder's own file.
SETTINGS_KEY = "database/url"
#: A password for the command line's scheduled jobs (read, never written).
PASSWORD_ENV = "WAWARAN_DB_PASSWORD"
DEFAULT_PORT = 5432
#: Prefix of the credential store's entries ("Wawaran Desktop: host:5432/wawaran").
SERVICE_PREFIX = "Wawaran Desktop"
POSTGRES_SCHEMES = ("postgresql", "postgres")


def default_user() -> str:
    """The user name libpq signs in with when the URL names none."""
    import getpass

    try:
        return os.environ.get("PGUSER") or getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return ""


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database on a server, without any password."""

    host: str
    dbname: str
    user: str
    port: int = DEFAULT_PORT
    #: libpq options after ``?`` (e.g. ``sslmode=require``), kept as they were given, except
    #: a password (``db.urls.SECRET_OPTIONS``), which is left out.
    query: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "query", strip_secret_options(self.query))

    @classmethod
    def from_url(cls, url: str | None) -> ServerAddress | None:
        """The server of a ``postgresql://`` URL; None for a file (``sqlite:``), no URL or
        another scheme."""
        if not url:
            return None
        parts = urlsplit(url)
        if parts.scheme not in POSTGRES_SCHEMES:
            return None
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError:  # a port that is not a number: the connection says so
            port = DEFAULT_PORT
        return cls(host=parts.hostname or "localhost", dbname=unquote(parts.path.lstrip("/")),
                   user=unquote(parts.username) if parts.username else default_user(),
                   port=port, query=parts.query)

    def url(self) -> str:
        """``postgresql://user@host:port/dbname``: what ``settings.ini`` may hold."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        netloc = f"{quote(self.user, safe='')}@{host}:{self.port}" if self.user else f"{host}:{self.port}"
        return urlunsplit(("postgresql", netloc, "/" + quote(self.dbname, safe=""), self.query, ""))

    def where(self) -> str:
        """``host:port/dbname``, for messages."""
        return f"{self.host}:{self.port}/{self.dbname}"

    def label(self) -> str:
        """``host/dbname`` (with the port when it is not the usual one), for the title bar."""
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        return f"{self.host}{port}/{self.dbname}"

    def service(self) -> str:
        """The credential store's entry name; its user name is :attr:`user`."""
        return f"{SERVICE_PREFIX}: {self.where()}"


def describe(url: str | None) -> str:
    """Which database is open, in words: "Server kantor: host/db" or "Berkas lokal (PC ini)"."""
    address = ServerAddress.from_url(url)
    if address is None:
        return "Berkas lokal (PC ini)"
    return f"Server kantor: {address.label()}"


# -- the system's credential store --------------------------------------------------------------

#: A backend keyring recommends: anything lower is a fallback (its plaintext file) or nothing.
RECOMMENDED_PRIORITY = 1


class CredentialStore:
    """Passwords in the system's credential store through ``keyring``, when there is one.

    ``backend``: a keyring backend to use (tests); by default keyring's own choice, looked up
    on first use. Every method is safe to call without a store: :meth:`get` gives None,
    :meth:`set` False.
    """

    def __init__(self, backend: object | None = None) -> None:
        self._backend = backend
        self._resolved = backend is not None

    def backend(self) -> object | None:
        if not self._resolved:
            self._resolved = True
            try:
                import keyring

                self._backend = keyring.get_keyring()
            except Exception:  # noqa: BLE001 - keyring missing or its configuration broken: no store
                self._backend = None
        return self._backend

    def available(self) -> bool:
        """Whether passwords can be kept: a store keyring recommends (not its fail or null
        backend, nor a plaintext file)."""
        backend = self.backend()
        return backend is not None and _priority(backend) >= RECOMMENDED_PRIORITY

    def name(self) -> str:
        """What the store is called on this system, for the *Simpan di …* check box."""
        backend = self.backend()
        module = type(backend).__module__ if backend is not None else ""
        if sys.platform == "win32" or "Windows" in module:
            return "Pengelola Kredensial Windows"
        if sys.platform == "darwin" or "macOS" in module:
            return "Keychain macOS"
        return "penyimpan kredensial sistem"

    def get(self, address: ServerAddress) -> str | None:
        if not self.available():
            return None
        try:
            return self._backend.get_password(address.service(), address.user)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - a locked or broken store: ask instead
            return None

    def set(self, address: ServerAddress, password: str) -> bool:
        """Keep ``password`` for ``address``; False when there is no store or it refused."""
        if not self.available():
            return False
        try:
            self._backend.set_password(address.service(), address.user, password)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001
            return False
        return True

    def delete(self, address: ServerAddress) -> None:
        """Forget the password kept for ``address`` (nothing when none is kept)."""
        if not self.available():
            return
        # keyring's PasswordDeleteError when none was kept: nothing to forget
        with contextlib.suppress(Exception):
            self._backend.delete_password(address.service(), address.user)  # type: ignore[union-attr]


def _priority(backend: object) -> float:
    """A backend's priority; a chain of backends counts as the best one it holds."""
    chained = getattr(backend, "backends", None)
    if chained is not None and type(backend).__name__ == "ChainerBackend":
        return max((b.priority for b in chained), default=0)
    try:
        return float(backend.priority)  # type: ignore[attr-defined]
    except (AttributeError, TypeError, ValueError):
        return 0


# -- answering the server's question -------------------------------------------------------------

@dataclass(frozen=True)
class PasswordRequest:
    """The server asked for a password."""

    address: ServerAddress
    #: The password given last was refused (False: none was given yet).
    refused: bool
    #: The refused password was the one kept in the store.
    stored_refused: bool = False


@dataclass(frozen=True)
class Answer:
    """What the person typed, and whether to keep it in the store."""

    password: str
    save: bool = False


#: How the person is asked: an :class:`Answer`, or None when they would rather not.
Ask = Callable[[PasswordRequest], "Answer | None"]


class PasswordSource:
    """The answers to one opening's password questions, each tried once, in order: the
    password ``given`` beforehand, ``WAWARAN_DB_PASSWORD``, the store's, then ``ask``.

    Use it around the opening (``with source: open_workspace(...)``): it is then the
    connection's :data:`~wawaran_desktop.db.connection.password_hook`; when the opening
    succeeded, a password the person asked to keep goes into the store (never before: a wrong
    one is not kept).
    """

    def __init__(self, store: CredentialStore | None = None, ask: Ask | None = None, *,
                 given: Answer | None = None, env: Mapping[str, str] | None = None,
                 max_asks: int = 3) -> None:
        self.store = store or CredentialStore()
        self.ask = ask
        self._given = given
        self._env = os.environ if env is None else env
        self._max_asks = max_asks
        self._asks = 0
        self._tried: set[str] = set()
        self._last: tuple[str, ServerAddress, Answer | None] | None = None

    def __call__(self, url: str, refused: bool) -> str | None:
        """The hook: the next password to try for ``url``, or None to give up."""
        address = ServerAddress.from_url(url)
        if address is None:
            return None
        stored_refused = refused and self._last is not None and self._last[0] == "store"
        if "given" not in self._tried and self._given is not None and self._given.password:
            return self._try("given", address, self._given)
        if "env" not in self._tried and self._env.get(PASSWORD_ENV):
            return self._try("env", address, Answer(self._env[PASSWORD_ENV]))
        if "store" not in self._tried:
            self._tried.add("store")
            stored = self.store.get(address)
            if stored is not None:
                return self._try("store", address, Answer(stored))
        if self.ask is None or self._asks >= self._max_asks:
            return None
        self._asks += 1
        answer = self.ask(PasswordRequest(address, refused, stored_refused))
        if answer is None:
            return None
        self._last = ("ask", address, answer)
        return answer.password

    def _try(self, origin: str, address: ServerAddress, answer: Answer) -> str:
        self._tried.add(origin)
        self._last = (origin, address, answer)
        return answer.password

    def confirm(self) -> None:
        """The opening succeeded with the last password tried: keep it if the person asked to
        (and forget a kept one that the server refused on the way)."""
        if self._last is None:
            return
        origin, address, answer = self._last
        if origin in ("ask", "given") and answer is not None:
            if answer.save:
                self.store.set(address, answer.password)
            elif "store" in self._tried and self.store.get(address) is not None and origin == "ask":
                self.store.delete(address)  # the kept one was refused, and the new one is not to be kept

    def __enter__(self) -> Self:
        from wawaran_desktop.db import connection

        connection.password_hook = self
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        from wawaran_desktop.db import connection

        connection.password_hook = None
        if exc_type is None:
            self.confirm()


def terminal_ask(request: PasswordRequest) -> Answer | None:
    """The command line's way of asking: ``getpass`` on a terminal; None without one (a
    scheduled job), so the opening fails with a message instead of waiting for ever."""
    if not (sys.stdin and sys.stdin.isatty()):
        return None
    import getpass

    address = request.address
    if request.refused:
        print("Kata sandi ditolak server." if not request.stored_refused else
              "Kata sandi yang tersimpan ditolak server.", file=sys.stderr)
    try:
        password = getpass.getpass(f"Kata sandi {address.user} di {address.where()}: ")
    except (EOFError, KeyboardInterrupt):
        return None
    return Answer(password) if password else None
