"""Try an office server before switching to it (*Pengaturan → Basis Data → Uji koneksi*).

:func:`probe_server` connects on a connection of its own (nothing bound, nothing migrated,
nothing written), reads the server's version, the schema version and the number of campaigns,
and says in Indonesian why it cannot be used when it cannot: host not found, connection
refused, no answer, wrong or missing password, no such database or user, not a Wawaran
database, an empty one (run ``init-server``), or a newer schema. Safe to run on a worker
thread: it touches neither the bound database nor the password hook.
"""

from __future__ import annotations

from dataclasses import dataclass

from wawaran_desktop.db.connection import password_wanted
from wawaran_desktop.db.migrations import LATEST_VERSION
from wawaran_desktop.db.models import Campaign
from wawaran_desktop.db.postgres import VERSION_TABLE, load_driver

#: The oldest PostgreSQL the application supports.
MINIMUM_MAJOR = 14


@dataclass(frozen=True)
class Probe:
    """What a test of the connection found."""

    #: The database can be opened (as it is, or after its schema is brought up to date).
    usable: bool
    #: Why not (Indonesian), or a remark on a usable one; "" when there is nothing to add.
    reason: str = ""
    #: "15.4": the server's version, once connected.
    server_version: str = ""
    schema_version: int | None = None
    campaigns: int | None = None
    #: The server wants a password (none given, or the one given is wrong).
    password_wanted: bool = False


def probe_server(url: str, password: str | None = None, timeout: int = 5) -> Probe:
    """Connect to the PostgreSQL database at ``url`` (``password`` overrides one in the URL),
    within ``timeout`` seconds, and tell what is there."""
    try:
        load_driver()
    except ImportError:
        return Probe(False, 'Modul psycopg (pengakses PostgreSQL) tidak terpasang: pasang dengan '
                            'pip install "psycopg[binary]".')
    import psycopg

    extra: dict[str, object] = {"connect_timeout": timeout}
    if password:
        extra["password"] = password
    try:
        conn = psycopg.connect(url, autocommit=True, **extra)
    except psycopg.Error as exc:
        return _refusal(exc, url)
    except Exception as exc:  # noqa: BLE001 - a malformed URL (libpq's ProgrammingError is one too)
        return Probe(False, f"Alamat server tidak sah: {exc}")
    try:
        return _inspect(conn)
    except psycopg.Error as exc:
        return Probe(False, f"Tersambung, tetapi basis data tidak dapat dibaca: {str(exc).strip()}")
    finally:
        conn.close()


def _inspect(conn) -> Probe:
    number = conn.info.server_version  # 150004 for 15.4
    major, minor = number // 10000, number % 10000
    version = f"{major}.{minor}"
    if major < MINIMUM_MAJOR:
        return Probe(False, f"PostgreSQL {version} terlalu lama: Wawaran Desktop memerlukan versi "
                            f"{MINIMUM_MAJOR} atau lebih baru.", server_version=version)
    has_version = conn.execute("SELECT to_regclass(%s)", (VERSION_TABLE,)).fetchone()[0] is not None
    if not has_version:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[0]
        if tables:
            return Probe(False, "Basis data ini berisi tabel lain, bukan milik Wawaran Desktop. "
                                "Pilih basis data Wawaran kantor.", server_version=version, schema_version=0)
        return Probe(False, "Basis data ini masih kosong (belum disiapkan untuk Wawaran Desktop). "
                            "Minta administrator menyiapkannya dengan: "
                            f"python main.py --database {_address(conn)} init-server",
                     server_version=version, schema_version=0)
    row = conn.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    schema = int(row[0]) if row else 0
    if schema > LATEST_VERSION:
        return Probe(False, f"Basis data ini dibuat oleh versi Wawaran Desktop yang lebih baru (skema {schema}, "
                            f"versi ini hanya mengenal sampai skema {LATEST_VERSION}). Perbarui aplikasi.",
                     server_version=version, schema_version=schema)
    campaigns = conn.execute(f'SELECT count(*) FROM "{Campaign._meta.table_name}"').fetchone()[0]
    remark = "" if schema == LATEST_VERSION else (
        f"Skemanya akan diperbarui dari versi {schema} ke versi {LATEST_VERSION} saat dibuka.")
    return Probe(True, remark, server_version=version, schema_version=schema, campaigns=int(campaigns))


def _address(conn) -> str:
    """The URL of the connection, without its password."""
    info = conn.info
    return f"postgresql://{info.user}@{info.host}:{info.port}/{info.dbname}"


#: What libpq says (any platform) and what it means, in the order tried.
_REASONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("could not translate host name", "failed to resolve host", "Name or service not known",
      "nodename nor servname", "No such host is known", "Temporary failure in name resolution"),
     "Server {host} tidak ditemukan: namanya tidak dikenal di jaringan. Periksa nama atau alamat IP server."),
    (("Connection refused", "actively refused", "10061"),
     "Server {host} menolak sambungan di port {port}: PostgreSQL tidak berjalan di sana, atau portnya lain."),
    (("timeout expired", "timed out", "Network is unreachable", "No route to host"),
     "Server {host} tidak menjawab: periksa jaringan, alamat server dan firewall (port {port})."),
    (("does not exist",), "{detail}"),
    (("no pg_hba.conf entry",),
     ("Server {host} tidak mengizinkan sambungan dari PC ini untuk pengguna ini (pg_hba.conf). "
     "Minta administrator server menambahkannya.")),
)


def _refusal(exc: BaseException, url: str) -> Probe:
    text = str(exc).strip()
    if password_wanted(exc):
        if "no password supplied" in text:
            return Probe(False, "Server meminta kata sandi: isi kata sandi lalu uji lagi.", password_wanted=True)
        return Probe(False, "Kata sandi salah (atau nama pengguna tidak dikenal server).", password_wanted=True)
    return Probe(False, explain_failure(text, url) or f"Tidak dapat terhubung: {text}")


def explain_failure(text: str, url: str) -> str | None:
    """libpq's reason ``text`` for not connecting to ``url``, said in Indonesian; None for one
    it does not know (show the text itself)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        host, port = parts.hostname or "localhost", str(parts.port or 5432)
    except ValueError:
        host, port = parts.hostname or "localhost", "?"
    detail = text.rsplit("FATAL:", 1)[-1].strip()
    if 'database "' in detail and "does not exist" in detail:
        detail = f"Basis data {detail.split(chr(34))[1]} tidak ada di server ini. Periksa nama basis data."
    elif 'role "' in detail and "does not exist" in detail:
        detail = f"Pengguna {detail.split(chr(34))[1]} tidak dikenal server ini. Periksa nama pengguna."
    for needles, sentence in _REASONS:
        if any(needle in text for needle in needles):
            return sentence.format(host=host, port=port, detail=detail)
    return None
