"""The file store on an office server: tests/unit/test_file_store.py again on PostgreSQL, and what
only a server does — two PCs (two data folders on one database) see the same attachment and the
same logo, content read back is checked against its SHA-256, the folder's own files are left alone."""

from __future__ import annotations

import hashlib
import os
import time

import pytest
from pg_server import rerun_on_postgres
from test_office_profile import png_bytes

from wawaran_desktop.db.stage_models import Attachment, StoredFile
from wawaran_desktop.services.attachments import SERVER_MAX_BYTES, AttachmentService, local_file, sweep
from wawaran_desktop.services.errors import ValidationError
from wawaran_desktop.services.file_store import FileDamaged
from wawaran_desktop.services.workspace import open_workspace

rerun_on_postgres("test_file_store", globals())

NIP = "19850312 201001 2 004"


@pytest.fixture
def two_pcs(tmp_path, clock, pg_empty_url):
    """Two PCs of the office: each its own data folder, both on the one database."""
    first = open_workspace(tmp_path / "pc-kabid", clock=clock.now, database_url=pg_empty_url)
    second = open_workspace(tmp_path / "pc-tim", clock=clock.now, database_url=pg_empty_url)
    yield first, second
    second.close()
    first.close()


def test_two_pcs_see_the_same_attachment_and_the_same_logo(two_pcs, tmp_path):
    first, second = two_pcs
    actor = first.staff.add("Rina Wulandari", NIP, "Analis Diseminasi", "subkor")
    campaign = first.campaigns.create(actor.id, "Wawaran Uji Dua PC")
    source = tmp_path / "Rilis Dinkes.pdf"
    source.write_bytes(b"%PDF-1.4 " + os.urandom(50_000))
    added = AttachmentService(first).add(actor.id, campaign.id, source)
    assert added.fetched and local_file(added).read_bytes() == source.read_bytes()

    seen = AttachmentService(second).list(campaign.id)
    assert [(a.id, a.original_name, a.size) for a in seen] == [(added.id, "Rilis Dinkes.pdf", 50_009)]
    opened = local_file(seen[0])  # what the attachment box opens on the second PC
    assert opened.parent == second.data_dir / "cache" and opened.read_bytes() == source.read_bytes()
    assert not (second.data_dir / "attachments").exists() and not (first.data_dir / "attachments").exists()

    logo = tmp_path / "logo kota.png"
    logo.write_bytes(png_bytes())
    saved = first.profile.save(actor.id, first.profile.load()._replace(logo=logo))
    logo.unlink()  # tidied away on the first PC: the office keeps its own copy
    there = second.profile.load().logo  # the path documents/ and the dialog get
    assert there is not None and there.parent == second.data_dir / "cache"
    assert there.name == saved.logo.name and there.read_bytes() == png_bytes()
    assert not (second.data_dir / "office").exists() and not (first.data_dir / "office").exists()

    # The second PC replaces the logo and removes the attachment: the first sees both.
    other = tmp_path / "baru.png"
    other.write_bytes(png_bytes(rgb=(200, 0, 0)))
    replaced = second.profile.save(actor.id, second.profile.load()._replace(logo=other))
    assert first.profile.load().logo.read_bytes() == other.read_bytes()
    assert [r.name for r in StoredFile.select()] == [added.stored_name, replaced.logo.name]
    AttachmentService(second).remove(actor.id, added.id)
    assert AttachmentService(first).list(campaign.id) == []
    assert [r.name for r in StoredFile.select()] == [replaced.logo.name]  # its row went with it
    assert not opened.exists()  # and the remover's cached copy
    second.profile.save(actor.id, second.profile.load()._replace(logo=None))
    assert first.profile.load().logo is None and StoredFile.select().count() == 0


def test_content_not_matching_its_sha256_is_never_handed_out(two_pcs, tmp_path):
    first, second = two_pcs
    actor = first.staff.add("Rina Wulandari", NIP, "Analis Diseminasi", "subkor")
    campaign = first.campaigns.create(actor.id, "Wawaran Uji Rusak")
    source = tmp_path / "foto.jpg"
    source.write_bytes(b"\xff\xd8" + os.urandom(2000))
    record = AttachmentService(first).add(actor.id, campaign.id, source)
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes())
    name = first.profile.save(actor.id, first.profile.load()._replace(logo=logo)).logo.name
    StoredFile.update(content=b"tampered").where(StoredFile.name.in_([record.stored_name, name])).execute()

    on_second = AttachmentService(second).list(campaign.id)[0]
    with pytest.raises(FileDamaged, match="SHA-256"):
        local_file(on_second)
    assert not on_second.path.exists()  # nothing damaged written to the cache
    assert second.profile.load().logo is None  # documents print without a damaged logo
    # The first PC's own copy is intact and is still what it shows.
    assert local_file(record).read_bytes() == source.read_bytes()
    # A row whose recorded hash was changed with it still differs from the attachment's record.
    StoredFile.update(content=b"other", size=5, sha256=hashlib.sha256(b"other").hexdigest()).where(
        StoredFile.name == record.stored_name).execute()
    with pytest.raises(FileDamaged, match="berbeda"):
        local_file(on_second)


def test_an_attachment_over_the_server_limit_is_refused_and_nothing_is_stored(two_pcs, tmp_path):
    first, _second = two_pcs
    actor = first.staff.add("Rina Wulandari", NIP, "Analis Diseminasi", "subkor")
    campaign = first.campaigns.create(actor.id, "Wawaran Uji Besar")
    source = tmp_path / "Video Kegiatan.mp4"
    with source.open("wb") as out:
        out.truncate(SERVER_MAX_BYTES + 1)  # 20 MB would pass in SQLite mode (50 MB there)
    with pytest.raises(ValidationError) as caught:
        AttachmentService(first).add(actor.id, campaign.id, source)
    assert str(caught.value).startswith("Berkas Video Kegiatan.mp4 terlalu besar (10 MB); batasnya 10 MB "
                                        "per berkas yang disimpan di server kantor.")
    assert Attachment.select().count() == StoredFile.select().count() == 0
    assert not (first.data_dir / "cache").exists()


def test_on_a_server_the_sweep_leaves_the_folders_own_files_alone(two_pcs):
    first, _second = two_pcs
    folder = first.data_dir / "attachments"
    folder.mkdir()
    own = folder / "0123abcd.png"  # an attachment of the folder's SQLite file, not of this database
    own.write_bytes(b"x")
    cached = first.data_dir / "cache"
    cached.mkdir()
    (cached / "old.png").write_bytes(b"x")
    then = time.time() - 3 * 24 * 3600
    for path in (own, cached / "old.png"):
        os.utime(path, (then, then))
    assert sweep(folder) == ["old.png"]
    assert own.exists()


def test_removing_an_items_files_deletes_their_rows_only_with_the_transaction_that_removes_the_item(two_pcs,
                                                                                                     tmp_path):
    """data_collection's item removal: its files go in the transaction that deletes the rows;
    called before that transaction, only this PC's copies go (else the rows would be gone even if
    that transaction were refused)."""
    from wawaran_desktop.db.models import database
    from wawaran_desktop.services.attachments import FOLDER, remove_files

    first, _second = two_pcs
    actor = first.staff.add("Rina Wulandari", NIP, "Analis Diseminasi", "subkor")
    campaign = first.campaigns.create(actor.id, "Wawaran Uji Hapus")
    source = tmp_path / "foto.jpg"
    source.write_bytes(b"\xff\xd8" + os.urandom(500))
    record = AttachmentService(first).add(actor.id, campaign.id, source)
    folder = first.data_dir / FOLDER
    remove_files(folder, [record.stored_name])
    assert not record.path.exists() and StoredFile.select().count() == 1
    with pytest.raises(RuntimeError), database.atomic():
        remove_files(folder, [record.stored_name])
        raise RuntimeError("another PC changed the item first")
    assert StoredFile.select().count() == 1 and local_file(record).read_bytes() == source.read_bytes()
    with database.atomic():
        remove_files(folder, [record.stored_name])
        Attachment.delete().where(Attachment.id == record.id).execute()
    assert StoredFile.select().count() == 0 and not record.path.exists()
