"""Write a file so that a failure never leaves it half-written.

The content is built in a temporary file in the target's own folder (same volume), flushed
to disk, then moved over the target with ``os.replace``. If anything fails, the temporary
file is removed and the old target is left exactly as it was. Errors come out as
:class:`ExportError`, whose message tells the user (in Indonesian) what to do.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from wawaran_desktop.services.errors import ServiceError


class ExportError(ServiceError):
    """A file could not be written; ``str(exc)`` says why, for the user. The old file is intact."""


def write_atomically(target: str | Path, build: Callable[[Path], None]) -> Path:
    """Call ``build(tmp_path)`` to write the content, then replace ``target`` with it.

    ``build`` writes a complete file at the path it is given (e.g. ``document.save(path)``).
    Returns the target path. Raises :class:`ExportError` on any file-system failure.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Folder tujuan tidak ada: {folder}")
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp" + target.suffix,
                                            dir=folder)
    except OSError as exc:
        raise ExportError(_message(exc, target)) from exc
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        build(tmp)
        with open(tmp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.chmod(tmp, _mode_for(target))  # mkstemp made it owner-only
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise ExportError(_message(exc, target)) from exc
    except BaseException:
        _discard(tmp)
        raise
    return target


def write_bytes_atomically(target: str | Path, data: bytes) -> Path:
    return write_atomically(target, lambda path: path.write_bytes(data))


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or those a new file gets (0666 less the umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _discard(tmp: Path) -> None:
    try:
        tmp.unlink()
    except OSError:
        pass


def _message(exc: OSError, target: Path) -> str:
    """The user's explanation of ``exc``; the old file has been kept in every case."""
    kept = " Berkas lama (jika ada) tidak diubah."
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Disk penuh: {target.name} tidak dapat disimpan. Kosongkan ruang disk lalu coba lagi.{kept}"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if target.exists() and os.access(target.parent, os.W_OK):
            # On Windows this is the file being open in Word or Excel.
            return (f"{target.name} sedang dibuka di program lain (Word/Excel) atau dikunci. "
                    f"Tutup berkas itu lalu coba lagi.{kept}")
        return (f"Tidak ada izin menulis di folder {target.parent}. "
                f"Pilih folder lain (misalnya Dokumen).{kept}")
    return f"{target.name} tidak dapat disimpan: {exc.strerror or exc}.{kept}"
