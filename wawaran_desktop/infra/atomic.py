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

from wawaran_desktop.infra import private_files
from wawaran_desktop.services.errors import ServiceError


class ExportError(ServiceError):
    """A file could not be written; ``str(exc)`` says why, for the user. The old file is intact."""


def _read_umask() -> int:
    # Read once, at import, while only one thread runs: os.umask can only be read by setting
    # it, and a worker thread creating a file meanwhile would get the temporary value.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = _read_umask()

KEPT = " Berkas lama (jika ada) tidak diubah."

# Where a failure happened decides what it means (Windows ACLs make os.access unreliable).
CREATE, WRITE, REPLACE = "create", "write", "replace"


def write_atomically(target: str | Path, build: Callable[[Path], None]) -> Path:
    """Call ``build(tmp_path)`` to write the content, then replace ``target`` with it.

    ``build`` writes a complete file at the path it is given (e.g. ``document.save(path)``).
    Returns the target path. Raises :class:`ExportError` on any file-system failure.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if target.is_dir():
            raise ExportError(_folder_message(target))
        if not folder.is_dir():
            raise ExportError(f"Folder tujuan tidak ada: {folder}")
    except OSError as exc:  # a name too long to even look up, a folder that cannot be read
        raise ExportError(_message(exc, target, CREATE)) from exc
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=f".{target.stem[:40]}.", suffix=".tmp" + target.suffix,
                                            dir=folder)
    except OSError as exc:
        raise ExportError(_message(exc, target, CREATE)) from exc
    os.close(handle)
    tmp = Path(tmp_name)
    stage = WRITE
    try:
        build(tmp)
        with open(tmp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.chmod(tmp, _mode_for(target))  # mkstemp made it owner-only
        stage = REPLACE
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise ExportError(_message(exc, target, stage)) from exc
    except BaseException:
        _discard(tmp)
        raise
    return target


def write_bytes_atomically(target: str | Path, data: bytes) -> Path:
    def build(path: Path) -> None:
        with open(path, "wb") as stream:
            stream.write(data)
            stream.flush()

    return write_atomically(target, build)


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or those a new file gets (0666 less the umask); without
    group and other bits inside the data folder, which is its owner's only (infra/private_files.py).
    A document exported elsewhere keeps the ordinary permissions of the place the user chose."""
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~UMASK
    if private_files.ENFORCED and private_files.in_private_folder(target):
        mode &= ~0o077
    return mode


def _discard(tmp: Path) -> None:
    try:
        tmp.unlink()
    except OSError:
        pass


def _folder_message(target: Path) -> str:
    return (f"{target.name} tidak dapat disimpan: {target} adalah sebuah folder, bukan berkas. "
            "Tuliskan nama berkas lain (misalnya di dalam folder itu).")


def _message(exc: OSError, target: Path, stage: str = WRITE) -> str:
    """The user's explanation of ``exc`` (in Indonesian); the old file has been kept in every case."""
    name = target.name
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"Disk penuh: {name} tidak dapat disimpan. Kosongkan ruang disk lalu coba lagi.{KEPT}"
    if code == errno.EROFS:
        return (f"Folder {target.parent} hanya dapat dibaca (read-only), misalnya CD atau flashdisk yang dikunci. "
                f"Pilih folder lain (misalnya Dokumen).{KEPT}")
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        if stage == REPLACE and target.exists():
            # The folder let us create the temporary file, so it is the target itself that is
            # held: on Windows, open in Word or Excel (or marked read-only).
            return (f"{name} sedang dibuka di program lain (Word/Excel) atau dikunci. "
                    f"Tutup berkas itu lalu coba lagi.{KEPT}")
        return (f"Tidak ada izin menulis di folder {target.parent}. "
                f"Pilih folder lain (misalnya Dokumen).{KEPT}")
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return _folder_message(target) + KEPT
    if isinstance(exc, NotADirectoryError) or code == errno.ENOTDIR:
        return (f"Jalur {target.parent} tidak valid: salah satu bagiannya adalah berkas, bukan folder. "
                f"Pilih folder lain.{KEPT}")
    if code == errno.ENAMETOOLONG:
        return f"Nama berkas atau jalur folder terlalu panjang: {name}. Pakai nama yang lebih pendek.{KEPT}"
    if code in (errno.EINVAL, errno.ENOENT):
        return (f"Nama berkas {name} tidak valid di folder {target.parent} (mungkin memuat karakter yang "
                f"tidak diizinkan seperti : * ? \" < > |, atau folder itu hilang). Pakai nama lain.{KEPT}")
    if code == errno.EIO:
        return f"{name} tidak dapat disimpan: terjadi kesalahan baca/tulis pada disk. Coba disk atau folder lain.{KEPT}"
    detail = errno.errorcode.get(code, "") if code is not None else ""
    return (f"{name} tidak dapat disimpan karena kesalahan sistem berkas"
            f"{' (' + detail + ')' if detail else ''}. Coba folder lain.{KEPT}")
