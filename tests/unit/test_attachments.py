"""Attachments are copied whole into the data folder and recorded."""

from __future__ import annotations

import hashlib

import pytest

from wawaran_desktop.db.stage_models import Attachment
from wawaran_desktop.services.attachments import AttachmentService
from wawaran_desktop.services.errors import RuleError, ValidationError


@pytest.fixture
def service(ws):
    return AttachmentService(ws)


def test_copy_is_whole_and_recorded(ws, actor, service, tmp_path):
    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    source = tmp_path / "Foto Lokasi.JPG"
    source.write_bytes(b"\xff\xd8" + bytes(range(256)) * 100)
    record = service.add(actor.id, campaign.id, source)
    assert record.path.read_bytes() == source.read_bytes()
    assert record.path.parent == ws.data_dir / "attachments"
    assert record.is_image and record.original_name == "Foto Lokasi.JPG"
    row = Attachment.get_by_id(record.id)
    assert row.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert [a.id for a in service.list(campaign.id)] == [record.id]
    assert not list((ws.data_dir / "attachments").glob(".part-*"))
    service.remove(actor.id, record.id)
    assert not record.path.exists() and service.list(campaign.id) == []


def test_missing_file_and_cancelled_campaign_are_refused(ws, actor, service, tmp_path):
    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        service.add(actor.id, campaign.id, tmp_path / "tidak-ada.pdf")
    ws.campaigns.cancel(actor.id, campaign.id, "Batal")
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF-1.4")
    with pytest.raises(RuleError):
        service.add(actor.id, campaign.id, source)
    assert Attachment.select().count() == 0


def test_a_file_that_cannot_be_removed_keeps_its_row_and_every_file(ws, actor, service, tmp_path):
    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    source = tmp_path / "surat.pdf"
    source.write_bytes(b"%PDF-1.4 surat")
    record = service.add(actor.id, campaign.id, source)
    # Stand-in for a file Windows keeps open: the rename aside fails.
    blocker = record.path.with_name(f".trash-{record.path.name}")
    blocker.mkdir()
    (blocker / "x").write_text("x")
    with pytest.raises(RuleError, match="sedang dibuka"):
        service.remove(actor.id, record.id)
    assert record.path.read_bytes() == source.read_bytes()
    assert [a.id for a in service.list(campaign.id)] == [record.id]


def test_a_source_that_cannot_be_read_is_refused_clearly(ws, actor, service, tmp_path):
    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    folder = tmp_path / "bukan-berkas.jpg"
    folder.mkdir()
    with pytest.raises(ValidationError, match="bukan berkas"):
        service.add(actor.id, campaign.id, folder)
    assert Attachment.select().count() == 0


def test_sweep_removes_only_old_leftovers_nothing_refers_to(ws, actor, service, tmp_path):
    import os
    import time

    from wawaran_desktop.services.attachments import sweep

    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    source = tmp_path / "foto.png"
    source.write_bytes(b"\x89PNG fake")
    kept = service.add(actor.id, campaign.id, source)
    folder = kept.path.parent
    old = time.time() - 3 * 24 * 3600
    orphan = folder / "0123abcd.png"          # copied, but its row was never written
    part = folder / ".part-xyz"               # a copy cut short
    fresh = folder / "fedcba98.png"           # being copied right now
    for path in (orphan, part, fresh):
        path.write_bytes(b"x")
    for path in (orphan, part, kept.path):
        os.utime(path, (old, old))
    assert sorted(sweep(folder)) == sorted([orphan.name, part.name])
    assert kept.path.exists() and fresh.exists()
    assert not orphan.exists() and not part.exists()


# -- on either engine (tests/unit/test_pg_attachments.py runs these on a server too) -------------
@pytest.fixture
def kept(ws):
    """What is kept of attachments: (stored_file rows (server mode), files of attachments/)."""
    from wawaran_desktop.db.stage_models import StoredFile

    folder = ws.data_dir / "attachments"

    def _kept() -> tuple[int, list[str]]:
        return StoredFile.select().count(), sorted(p.name for p in folder.glob("*")) if folder.is_dir() else []

    return _kept


def test_the_file_a_view_opens_is_the_attachment_and_goes_with_it(ws, actor, service, tmp_path, kept):
    from wawaran_desktop.services.attachments import local_file

    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    source = tmp_path / "Rilis Dinkes.pdf"
    source.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 40)
    added = service.add(actor.id, campaign.id, source)
    listed = service.list(campaign.id)[0]
    assert listed.stored_name == added.stored_name and listed.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    opened = local_file(listed)  # what the attachment box hands to the system's viewer
    assert opened.is_file() and opened.read_bytes() == source.read_bytes()
    assert opened.parent == ws.data_dir / ("cache" if listed.fetched else "attachments")
    assert kept() == ((1, []) if listed.fetched else (0, [added.stored_name]))
    service.remove(actor.id, added.id)
    assert kept() == (0, []) and not opened.exists()


def test_a_row_that_cannot_be_written_keeps_no_copy(ws, actor, service, tmp_path, kept):
    import peewee

    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    source = tmp_path / "foto.jpg"
    source.write_bytes(b"\xff\xd8" + b"1" * 500)
    with pytest.raises(peewee.IntegrityError):
        service.add(actor.id, campaign.id, source, data_item_id=999)  # no such item: the row is refused
    assert Attachment.select().count() == 0 and kept() == (0, [])


def test_an_attachment_above_the_limit_is_refused_with_its_name_size_and_the_limit(ws, actor, service, tmp_path,
                                                                                     kept):
    from wawaran_desktop.services.attachments import MAX_BYTES, SERVER_MAX_BYTES
    from wawaran_desktop.services.file_store import size_text

    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    limit = service.store.limit
    assert limit == (SERVER_MAX_BYTES if service.store.in_database else MAX_BYTES)
    source = tmp_path / "Pindaian Surat Edaran.pdf"
    with source.open("wb") as out:
        out.truncate(limit + 3 * 1024 * 1024)  # sparse: no time spent writing it
    with pytest.raises(ValidationError) as caught:
        service.add(actor.id, campaign.id, source)
    assert str(caught.value).startswith(f"Berkas Pindaian Surat Edaran.pdf terlalu besar "
                                        f"({size_text(limit + 3 * 1024 * 1024)}); batasnya {size_text(limit)} "
                                        "per berkas")
    assert caught.value.field == "file"
    assert Attachment.select().count() == 0 and kept() == (0, [])


def test_the_sweep_also_clears_old_copies_from_the_cache(ws, actor, service, tmp_path):
    import os
    import time

    from wawaran_desktop.services.attachments import sweep

    cache = ws.data_dir / "cache"
    cache.mkdir(parents=True)
    old, fresh = cache / "aaaa.pdf", cache / "bbbb.pdf"
    for path in (old, fresh):
        path.write_bytes(b"x")
    then = time.time() - 3 * 24 * 3600
    os.utime(old, (then, then))
    assert sweep(ws.data_dir / "attachments") == ["aaaa.pdf"]
    assert fresh.exists() and not old.exists()


def test_a_data_item_removal_refused_by_its_version_keeps_its_attachment_whole(ws, actor, service, tmp_path):
    """The version is checked before any file goes: a refused removal leaves the attachment
    (its file, or on a server its stored content) as it was; an accepted one takes both."""
    from wawaran_desktop.db.stage_models import StoredFile
    from wawaran_desktop.services.errors import ConflictError
    from wawaran_desktop.services.stages.data_collection import DataItemFields, Service

    items = Service(ws)
    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    item = items.add(actor.id, campaign.id, DataItemFields(topic="Jadwal Posyandu", source_name="Dinkes"))
    source = tmp_path / "jadwal.pdf"
    source.write_bytes(b"%PDF-1.4 jadwal")
    record = service.add(actor.id, campaign.id, source, data_item_id=item.id)
    items.update(actor.id, campaign.id, item.id, DataItemFields(topic="Jadwal Posyandu Desember",
                                                                  source_name="Dinkes"), version=item.version)
    with pytest.raises(ConflictError):
        items.remove(actor.id, campaign.id, item.id, version=item.version)  # based on the older version
    assert [a.id for a in service.list(campaign.id)] == [record.id]
    assert service.local_file(record).read_bytes() == source.read_bytes()
    items.remove(actor.id, campaign.id, item.id, version=item.version + 1)
    assert service.list(campaign.id) == [] and StoredFile.get_or_none(StoredFile.name == record.stored_name) is None
