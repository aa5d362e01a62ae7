"""services/file_store.py: files kept by name, in the data folder (SQLite) or in the database
(an office server: tests/unit/test_pg_file_store.py runs these again there)."""

from __future__ import annotations

import hashlib
import os
import time

import pytest

from wawaran_desktop.db.models import database
from wawaran_desktop.db.stage_models import StoredFile
from wawaran_desktop.services import file_store
from wawaran_desktop.services.errors import NotFound, ValidationError
from wawaran_desktop.services.file_store import FileStore, size_text, sweep_cache, too_large_message


@pytest.fixture
def store(ws, clock):
    return FileStore(ws.data_dir, "attachments", clock=clock.now, limit=4000, server_limit=2000)


def stored_rows() -> list[tuple[str, int, str]]:
    return [(r.name, r.size, r.sha256) for r in StoredFile.select().order_by(StoredFile.name)]


def test_a_file_is_kept_read_back_and_deleted_by_name(ws, store, tmp_path):
    source = tmp_path / "Surat Undangan.pdf"
    source.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 4)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    with database.atomic():
        assert store.put("a1.pdf", source) == (source.stat().st_size, digest)
    assert store.put_bytes("b2.txt", b"catatan") == hashlib.sha256(b"catatan").hexdigest()
    assert store.exists("a1.pdf") and not store.exists("c3.pdf")
    assert store.get("a1.pdf") == source.read_bytes() and store.get("b2.txt") == b"catatan"
    assert store.names() == ["a1.pdf", "b2.txt"] and store.names("b") == ["b2.txt"]
    copy = store.local_copy("a1.pdf")
    assert copy.read_bytes() == source.read_bytes() and copy == store.path_of("a1.pdf")
    if file_store.in_database():  # every PC sees it: a row; this PC's copy in cache/
        assert stored_rows() == [("a1.pdf", source.stat().st_size, digest),
                                 ("b2.txt", 7, hashlib.sha256(b"catatan").hexdigest())]
        assert copy.parent == ws.data_dir / "cache" and not (ws.data_dir / "attachments").exists()
    else:  # the data folder's own files, as before; nothing in the table
        assert stored_rows() == [] and copy.parent == ws.data_dir / "attachments"
    with database.atomic():
        store.delete(["a1.pdf"])
    assert not store.exists("a1.pdf") and not copy.exists() and store.names() == ["b2.txt"]
    with pytest.raises(NotFound, match="a1.pdf"):
        store.get("a1.pdf")


def test_a_file_above_the_limit_is_refused_naming_it_its_size_and_the_limit(ws, store, tmp_path):
    source = tmp_path / "Pindaian Surat.pdf"
    with source.open("wb") as out:
        out.truncate(store.limit + 1)
    with pytest.raises(ValidationError) as caught, database.atomic():
        store.put("x.pdf", source)
    message = str(caught.value)
    assert "Pindaian Surat.pdf" in message and "terlalu besar" in message
    assert f"({size_text(store.limit + 1)})" in message and f"batasnya {size_text(store.limit)}" in message
    assert caught.value.field == "file"
    with pytest.raises(ValidationError, match="logo.png"):
        store.put_bytes("y.png", b"x" * (store.limit + 1), "logo.png")
    assert store.names() == [] and stored_rows() == []
    assert not any((ws.data_dir / "attachments").glob("*")) if (ws.data_dir / "attachments").exists() else True


def test_a_failed_transaction_keeps_nothing(ws, store, tmp_path):
    source = tmp_path / "foto.jpg"
    source.write_bytes(b"\xff\xd8" + b"1" * 100)
    with pytest.raises(RuntimeError), database.atomic():
        store.put("f.jpg", source)
        raise RuntimeError("the row that refers to it failed")
    store.discard("f.jpg")  # what the caller does after a failure (SQLite: the copy)
    assert store.names() == [] and stored_rows() == []


def test_names_that_are_paths_or_hidden_are_refused(store):
    for name in ("../x.png", "sub/x.png", ".part-1", "", "a\\b.png"):
        with pytest.raises(ValidationError, match="tidak sah"):
            store.path_of(name)


def test_sizes_are_told_the_indonesian_way():
    assert size_text(1) == "1 KB" and size_text(850 * 1024) == "850 KB"
    assert size_text(10 * 1024 * 1024) == "10 MB" and size_text(13_002_342) == "12,4 MB"
    assert size_text(1500 * 1024 * 1024) == "1.500 MB"
    assert too_large_message("a.pdf", 13_002_342, 10 * 1024 * 1024, on_server=True).startswith(
        "Berkas a.pdf terlalu besar (12,4 MB); batasnya 10 MB per berkas yang disimpan di server kantor.")


def test_the_cache_sweep_removes_only_copies_unused_for_a_day(ws, tmp_path):
    cache = ws.data_dir / "cache"
    cache.mkdir()
    old, fresh = cache / "0ld.pdf", cache / "fr3sh.pdf"
    for path in (old, fresh):
        path.write_bytes(b"x")
    then = time.time() - 2 * 24 * 3600
    os.utime(old, (then, then))
    assert sweep_cache(ws.data_dir) == ["0ld.pdf"]
    assert fresh.exists() and not old.exists()
    assert sweep_cache(tmp_path / "no-such-folder") == []
