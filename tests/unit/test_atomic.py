"""infra/atomic.py: a file is replaced whole or not at all, with an Indonesian reason."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from wawaran_desktop.infra import atomic
from wawaran_desktop.infra.atomic import ExportError, write_atomically, write_bytes_atomically


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` really unwritable: permissions, or (as root, whom they do not stop) the
    file system's immutable flag."""
    folder.chmod(0o555)
    flagged = False
    probe = folder / ".probe"
    try:
        try:
            probe.write_bytes(b"")
            probe.unlink()
            writable = True
        except OSError:
            writable = False
        if writable:  # root: permissions do not apply
            assert shutil.which("chattr"), "neither permissions nor chattr can make a folder read-only here"
            subprocess.run(["chattr", "+i", str(folder)], check=True)
            flagged = True
        yield
    finally:
        if flagged:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_replaces_the_target_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "laporan.docx"
    target.write_bytes(b"lama")
    assert write_bytes_atomically(target, b"baru") == target
    assert target.read_bytes() == b"baru"
    assert leftovers(tmp_path) == []


def test_a_failing_builder_keeps_the_old_file_and_its_error(tmp_path):
    target = tmp_path / "laporan.docx"
    target.write_bytes(b"lama")

    def build(tmp: Path) -> None:
        tmp.write_bytes(b"setengah jadi")
        raise ValueError("builder rusak")

    with pytest.raises(ValueError, match="builder rusak"):
        write_atomically(target, build)
    assert target.read_bytes() == b"lama"
    assert leftovers(tmp_path) == []


def test_full_disk(tmp_path):
    target = tmp_path / "buku.xlsx"
    target.write_bytes(b"lama")

    def build(tmp: Path) -> None:  # what a write on a full disk raises
        tmp.write_bytes(b"sebagian")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ExportError) as caught:
        write_atomically(target, build)
    assert str(caught.value).startswith("Disk penuh: buku.xlsx tidak dapat disimpan.")
    assert "Berkas lama (jika ada) tidak diubah." in str(caught.value)
    assert target.read_bytes() == b"lama" and leftovers(tmp_path) == []


def test_file_open_in_excel(tmp_path, monkeypatch):
    """On Windows, replacing a file Excel holds open fails with PermissionError (WinError 5/32)
    at the os.replace step; here that step fails the same way."""
    target = tmp_path / "buku.xlsx"
    target.write_bytes(b"lama")

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file because it is being used")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ExportError) as caught:
        write_bytes_atomically(target, b"baru")
    message = str(caught.value)
    assert "buku.xlsx sedang dibuka di program lain (Word/Excel)" in message and "Tutup berkas itu" in message
    assert target.read_bytes() == b"lama" and leftovers(tmp_path) == []


def test_read_only_folder(tmp_path):
    folder = tmp_path / "arsip"
    folder.mkdir()
    target = folder / "laporan.docx"
    target.write_bytes(b"lama")
    with read_only(folder):
        with pytest.raises(ExportError) as caught:
            write_bytes_atomically(target, b"baru")
        assert f"Tidak ada izin menulis di folder {folder}" in str(caught.value)
        assert "Pilih folder lain" in str(caught.value)
        assert target.read_bytes() == b"lama"
    assert sorted(p.name for p in folder.iterdir()) == ["laporan.docx"]


def test_missing_folder(tmp_path):
    with pytest.raises(ExportError, match="Folder tujuan tidak ada"):
        write_bytes_atomically(tmp_path / "tidak-ada" / "a.docx", b"x")


def test_other_failures_name_the_file_in_indonesian(tmp_path):
    target = tmp_path / "a.docx"

    def build(tmp: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(ExportError) as caught:
        write_atomically(target, build)
    assert str(caught.value).startswith("a.docx tidak dapat disimpan: terjadi kesalahan baca/tulis pada disk.")
    assert "Input/output" not in str(caught.value)
    assert not target.exists() and leftovers(tmp_path) == []


def test_a_folder_as_target_is_refused_before_trying(tmp_path):
    folder = tmp_path / "laporan.docx"
    folder.mkdir()
    with pytest.raises(ExportError) as caught:
        write_bytes_atomically(folder, b"x")
    assert "adalah sebuah folder, bukan berkas" in str(caught.value)
    assert "Is a directory" not in str(caught.value)
    assert folder.is_dir() and leftovers(tmp_path) == []


@pytest.mark.parametrize(("exc", "expected"), [
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "adalah sebuah folder, bukan berkas"),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "bukan folder"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "terlalu panjang"),
    (OSError(errno.EINVAL, "Invalid argument"), "tidak valid"),
    (OSError(errno.ENOENT, "No such file or directory"), "tidak valid"),
    (OSError(errno.EROFS, "Read-only file system"), "hanya dapat dibaca"),
    (OSError(errno.ENXIO, "No such device or address"), "kesalahan sistem berkas"),
])
def test_every_reason_is_in_indonesian(tmp_path, exc, expected):
    target = tmp_path / "a.docx"
    target.write_bytes(b"lama")

    def build(tmp: Path) -> None:
        raise exc

    with pytest.raises(ExportError) as caught:
        write_atomically(target, build)
    assert expected in str(caught.value)
    assert exc.strerror not in str(caught.value)
    assert target.read_bytes() == b"lama" and leftovers(tmp_path) == []


def test_full_disk_while_writing_bytes(tmp_path, monkeypatch):
    """The real failure point on a full disk: the flush to disk (fsync) raises ENOSPC."""
    target = tmp_path / "d.pdf"
    target.write_bytes(b"%PDF lama")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(ExportError, match="^Disk penuh: d.pdf"):
        write_bytes_atomically(target, b"%PDF baru")
    assert target.read_bytes() == b"%PDF lama" and leftovers(tmp_path) == []


def test_permission_is_judged_by_where_it_failed(tmp_path, monkeypatch):
    """Creating the temporary file failed: the folder (e.g. a Windows ACL), even when the
    target exists and os.access says the folder is writable."""
    target = tmp_path / "buku.xlsx"
    target.write_bytes(b"lama")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    monkeypatch.setattr(atomic.os, "access", lambda *a, **k: True)
    with pytest.raises(ExportError) as caught:
        write_bytes_atomically(target, b"baru")
    assert f"Tidak ada izin menulis di folder {tmp_path}" in str(caught.value)
    assert "sedang dibuka" not in str(caught.value)
    assert target.read_bytes() == b"lama"


def test_the_umask_is_read_once_not_changed_while_writing(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(atomic.os, "umask", lambda mask: calls.append(mask) or 0o022)
    write_bytes_atomically(tmp_path / "baru.docx", b"isi")
    assert calls == []


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_file_keeps_its_own(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "UMASK", 0o022)
    old_umask = os.umask(0o022)
    try:
        new = write_atomically(tmp_path / "baru.xlsx", lambda p: p.write_bytes(b"isi"))
        assert new.stat().st_mode & 0o777 == 0o644  # not the temporary file's owner-only 0600
        kept = tmp_path / "lama.docx"
        kept.write_bytes(b"lama")
        kept.chmod(0o640)
        write_atomically(kept, lambda p: p.write_bytes(b"baru"))
        assert kept.read_bytes() == b"baru"
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old_umask)
