"""Files every PC of the office must see (attachments, the office logo), kept by name.

Where they live depends on the database the workspace opened:

* the folder's own SQLite file: in a folder of the data folder (``attachments/``,
  ``office/``), as they always were; each copy written to a temporary file and moved into place;
* an office server (PostgreSQL, ``--database``): in the database, one row of ``stored_file``
  per file (name, content, size, SHA-256), written and deleted in the caller's transaction, so
  every PC sees the same files. Content read back is checked against its SHA-256. A PC that
  needs a real file (to show a picture, open a document, put the logo on a letter) gets a copy
  in the data folder's ``cache/`` folder, written atomically under the file's stored name
  (unique in the table, so two copies never clash).

A file above the store's size limit is refused before anything is stored, with a message that
names the file, its size and the limit. :func:`sweep_cache` removes old copies from ``cache/``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from wawaran_desktop.db.dialect import dialect_of
from wawaran_desktop.db.stage_models import StoredFile
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.text.formatting import thousands

#: The data folder's folder of copies fetched from the database (server mode).
CACHE_FOLDER = "cache"
MB = 1024 * 1024
CHUNK = 1024 * 1024


class FileDamaged(RuleError):
    """A stored file's content no longer matches its SHA-256: it is not handed out."""


def in_database() -> bool:
    """Whether files are kept in the database: it is a server every PC shares, not the data
    folder's own file (False while no database is open). The one place that decides where files live."""
    try:
        return dialect_of().name != "sqlite"
    except TypeError:  # no database open
        return False


def size_text(size: int) -> str:
    """A file size as the messages tell it: ``850 KB``, ``12,4 MB`` (Indonesian decimal comma)."""
    if size >= MB:
        whole, tenth = divmod(round(size * 10 / MB), 10)
        return f"{thousands(whole)},{tenth} MB" if tenth else f"{thousands(whole)} MB"
    return f"{thousands(max(1, round(size / 1024)))} KB"


def too_large_message(file_name: str, size: int, limit: int, *, on_server: bool) -> str:
    """The refusal of a file above ``limit`` bytes, naming the file, its size and the limit."""
    where = " yang disimpan di server kantor" if on_server else ""
    return (f"Berkas {file_name} terlalu besar ({size_text(size)}); batasnya {size_text(limit)} per berkas"
            f"{where}. Perkecil berkasnya dulu (kompres foto atau pindai ulang dengan resolusi lebih "
            "rendah), lalu coba lagi.")


class FileStore:
    """The files of one kind (``folder``: ``attachments``, ``office``) of a workspace's data folder.

    ``limit``: the largest file kept in the data folder (SQLite); ``server_limit``: the largest
    kept in the database (server mode). ``field`` names the input a refusal points at.
    """

    def __init__(self, data_dir: str | Path, folder: str, *, clock: Callable[[], datetime], limit: int,
                 server_limit: int, field: str = "file") -> None:
        self.data_dir = Path(data_dir)
        self.folder = self.data_dir / folder
        self.cache = self.data_dir / CACHE_FOLDER
        self.clock = clock
        self.local_limit = limit
        self.server_limit = server_limit
        self.field = field

    # -- where ------------------------------------------------------------------------------
    @property
    def in_database(self) -> bool:
        return in_database()

    @property
    def limit(self) -> int:
        """The size limit in force (bytes)."""
        return self.server_limit if self.in_database else self.local_limit

    @property
    def local_dir(self) -> Path:
        """The folder of this PC's files of the store: the kind's own folder, or the cache."""
        return self.cache if self.in_database else self.folder

    def path_of(self, name: str) -> Path:
        """Where the file ``name`` is on this PC (SQLite) or is copied to by :meth:`local_copy`."""
        return self.local_dir / _checked_name(name)

    # -- size -------------------------------------------------------------------------------
    def check_size(self, file_name: str, size: int) -> None:
        """Raise ValidationError (naming ``file_name``, ``size`` and the limit) above the limit."""
        if size > self.limit:
            raise ValidationError(too_large_message(file_name, size, self.limit, on_server=self.in_database),
                                  self.field)

    # -- writing ----------------------------------------------------------------------------
    def put(self, name: str, source: Path) -> tuple[int, str]:
        """Keep a copy of the file ``source`` as ``name``; returns its (size, SHA-256).

        Server mode: one row in the caller's transaction (call inside ``database.atomic()``).
        SQLite: the file copied into the folder atomically (remove it with :meth:`discard` when
        the caller's transaction fails). Refused above the limit, before anything is written.
        OSError when ``source`` cannot be read or the folder cannot be written.
        """
        name = _checked_name(name)
        source = Path(source)
        self.check_size(source.name, source.stat().st_size)
        if self.in_database:
            with source.open("rb") as stream:
                blob = stream.read(self.limit + 1)  # a file growing meanwhile is still caught
            self.check_size(source.name, len(blob))
            return len(blob), self._insert(name, blob)
        self.folder.mkdir(parents=True, exist_ok=True)
        size, digest = _copy_atomically(source, self.folder / name)
        return size, digest

    def put_bytes(self, name: str, blob: bytes, file_name: str | None = None, *, if_absent: bool = False) -> str:
        """Keep ``blob`` as ``name`` (see :meth:`put`); returns its SHA-256. ``file_name``: the
        name the user knows it by, for a refusal. ``if_absent``: a file already kept under
        ``name`` stays (for names made from the content). OSError when the folder cannot be written."""
        name = _checked_name(name)
        self.check_size(file_name or name, len(blob))
        if self.in_database:
            return self._insert(name, blob, if_absent=if_absent)
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.folder / name, lambda out: out.write(blob))
        return hashlib.sha256(blob).hexdigest()

    def _insert(self, name: str, blob: bytes, *, if_absent: bool = False) -> str:
        digest = hashlib.sha256(blob).hexdigest()
        query = StoredFile.insert(name=name, content=blob, size=len(blob), sha256=digest, saved_at=to_db(self.clock()))
        (query.on_conflict_ignore() if if_absent else query).execute()
        return digest

    def keep_local_copy(self, name: str, source: Path) -> None:
        """After a :meth:`put` in server mode has been committed: a copy of ``source`` in this PC's
        cache as ``name``, so the PC that added a file shows it without fetching it back (a
        copy that differs from the stored content is fetched again by :meth:`local_copy`).
        Best effort: a copy that cannot be written is fetched when needed."""
        if not self.in_database:
            return
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            _copy_atomically(Path(source), self.cache / _checked_name(name))
        except OSError:
            pass

    def discard(self, name: str) -> None:
        """Undo a :meth:`put` whose transaction failed (SQLite: the copy; server: rolled back)."""
        if not self.in_database:
            (self.folder / _checked_name(name)).unlink(missing_ok=True)

    def delete(self, names: Iterable[str]) -> None:
        """Delete the files ``names``; call inside the transaction that deletes what refers to them.

        SQLite: the files first, each renamed aside, so that one held open by another program
        (Windows) refuses the whole deletion with RuleError before anything is gone. Server mode:
        their rows, in the caller's transaction; this PC's cached copies go when they can.
        """
        names = [_checked_name(n) for n in names]
        if not names:
            return
        if not self.in_database:
            remove_files(self.folder, names)
            return
        StoredFile.delete().where(StoredFile.name.in_(names)).execute()
        self.forget_local_copies(names)

    def forget_local_copies(self, names: Iterable[str]) -> None:
        """Delete this PC's cached copies of ``names`` (server mode), where they can be."""
        for name in names:
            try:
                (self.cache / _checked_name(name)).unlink(missing_ok=True)
            except OSError:
                pass  # open in a program: sweep_cache takes it later

    # -- reading ----------------------------------------------------------------------------
    def names(self, prefix: str = "") -> list[str]:
        """The names of the files kept, those starting with ``prefix`` (sorted)."""
        if self.in_database:
            query = StoredFile.select(StoredFile.name).order_by(StoredFile.name)
            return [row.name for row in query if row.name.startswith(prefix)]
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.iterdir()
                      if p.is_file() and p.name.startswith(prefix) and not p.name.startswith("."))

    def exists(self, name: str) -> bool:
        name = _checked_name(name)
        if self.in_database:
            return StoredFile.select(StoredFile.name).where(StoredFile.name == name).exists()
        return (self.folder / name).is_file()

    def get(self, name: str) -> bytes:
        """The content of ``name``. Server mode: checked against its SHA-256 (FileDamaged when it
        differs). NotFound when there is no such file."""
        name = _checked_name(name)
        if not self.in_database:
            try:
                return (self.folder / name).read_bytes()
            except FileNotFoundError:
                raise NotFound(f"Berkas {name} tidak ada di folder data.") from None
        return _read_row(name)

    def local_copy(self, name: str, sha256: str | None = None) -> Path:
        """A real file of ``name`` on this PC, to show or open.

        SQLite: the file in the folder (which may be missing). Server mode: the copy in
        ``cache/``, fetched from the database unless a copy with the stored content is already
        there (``sha256``: the content expected, else the stored row's). NotFound, FileDamaged,
        or RuleError when the cache cannot be written.
        """
        target = self.path_of(name)
        return copy_from_database(target, sha256) if self.in_database else target


def copy_from_database(target: Path, sha256: str | None = None) -> Path:
    """``target`` (in a cache folder) holding the stored file of its name, fetched from the
    database unless it already holds that content (``sha256``: the content expected, else the
    stored row's). NotFound, FileDamaged, or RuleError when the file cannot be written."""
    name = _checked_name(target.name)
    expected = sha256 or StoredFile.select(StoredFile.sha256).where(StoredFile.name == name).scalar()
    if expected is None:
        raise NotFound(f"Berkas {name} tidak ada di basis data server.")
    if _same_content(target, expected):
        try:
            os.utime(target)  # in use: the cache sweep leaves it
        except OSError:
            pass
        return target
    blob = _read_row(name)
    if hashlib.sha256(blob).hexdigest() != expected:
        raise FileDamaged(f"Isi berkas {name} di server berbeda dari yang tercatat; berkas itu tidak "
                          "dibuka. Laporkan kepada pengelola server kantor.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, lambda out: out.write(blob))
    except OSError as exc:
        raise RuleError(f"Salinan berkas {name} tidak dapat ditulis ke folder {target.parent} "
                        f"({exc.strerror or exc}). Tutup berkas itu bila sedang dibuka, periksa ruang "
                        "disk dan izin folder, lalu coba lagi.") from None
    return target


def _read_row(name: str) -> bytes:
    """The content of the stored file ``name``, checked against its SHA-256."""
    row = StoredFile.get_or_none(StoredFile.name == name)
    if row is None:
        raise NotFound(f"Berkas {name} tidak ada di basis data server.")
    blob = bytes(row.content)
    if hashlib.sha256(blob).hexdigest() != row.sha256 or len(blob) != row.size:
        raise FileDamaged(f"Isi berkas {name} di server rusak (tidak cocok dengan sidik SHA-256-nya); "
                          "berkas itu tidak dibuka. Laporkan kepada pengelola server kantor.")
    return blob


# -- files on disk ----------------------------------------------------------------------------
def sweep_cache(data_dir: str | Path, older_than_seconds: float = 24 * 3600) -> list[str]:
    """Delete copies in the data folder's ``cache/`` not used for ``older_than_seconds`` (a copy
    is fetched again when needed); returns the names removed. One held open stays."""
    folder = Path(data_dir) / CACHE_FOLDER
    if not folder.is_dir():
        return []
    limit = time.time() - older_than_seconds
    removed = []
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path.name)
        except OSError:
            continue  # in use or vanished: next time
    return removed


def remove_files(folder: Path, names: list[str]) -> None:
    """Delete files of ``folder``, or refuse (nothing deleted) when one cannot be removed.

    Each is first renamed aside, so a file held open (Windows) stops the whole removal
    before any database row goes; the renamed ones are then deleted.
    """
    aside: list[tuple[Path, Path]] = []
    try:
        for name in names:
            path = folder / name
            if path.exists():
                trash = path.with_name(f".trash-{path.name}")
                os.replace(path, trash)
                aside.append((path, trash))
    except OSError as exc:
        for path, trash in aside:  # put back what was moved
            os.replace(trash, path)
        raise RuleError(f"Lampiran tidak dapat dihapus karena berkasnya sedang dibuka program lain "
                        f"({exc.strerror or exc}). Tutup berkas itu, lalu coba lagi.") from None
    for _path, trash in aside:
        trash.unlink(missing_ok=True)


def _copy_atomically(source: Path, target: Path) -> tuple[int, str]:
    """Copy through a temporary file in the target folder; returns the (size, SHA-256) copied."""
    digest = hashlib.sha256()
    size = 0

    def copy(out) -> None:
        nonlocal size
        with source.open("rb") as src:
            for chunk in iter(lambda: src.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)

    _write_atomically(target, copy)
    return size, digest.hexdigest()


def _write_atomically(target: Path, write: Callable) -> None:
    """``write(stream)`` into a ``.part-*`` file beside ``target``, flushed to disk, then moved
    over ``target``; on failure the partial file is removed and ``target`` left as it was."""
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _same_content(path: Path, sha256: str) -> bool:
    """Whether ``path`` is a file whose SHA-256 is ``sha256`` (a cached copy still intact)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == sha256


def _checked_name(name: str) -> str:
    """``name`` when it is a plain file name (never a path out of its folder, never hidden)."""
    if not name or name != Path(name).name or name.startswith(".") or "\\" in name or "/" in name:
        raise ValidationError(f"Nama berkas tersimpan tidak sah: {name!r}.", "file")
    return name
