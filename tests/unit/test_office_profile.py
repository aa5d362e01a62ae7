"""The office profile: defaults from the SOP and the directory, validation, the logo's copy."""

from __future__ import annotations

import pytest
from images import png_bytes, write_png  # noqa: F401 (other tests import them from here too)

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.infra.atomic import ExportError
from wawaran_desktop.services import office_profile
from wawaran_desktop.services.errors import ValidationError
from wawaran_desktop.services.office_profile import Signatory


def test_defaults_come_from_the_sop_and_the_staff_directory(ws, actor):
    kabid = ws.staff.add("Rina Marlina, S.Sos., M.Si.", "19780315 200501 2 007",
                         "Kepala Bidang Diseminasi Informasi dan Komunikasi Publik", "kabid")
    profile = ws.profile.load()
    assert profile.government == "PEMERINTAH KOTA TANGERANG"
    assert profile.office == "DINAS KOMUNIKASI DAN INFORMATIKA"
    assert profile.city == "Tangerang"
    assert profile.kepala_dinas == Signatory("Hj. INDRI ASTUTI, SH, M.Si", "197301041997032001",
                                             "Kepala Dinas Komunikasi dan Informatika Kota Tangerang")
    assert profile.kepala_bidang == Signatory(kabid.name, kabid.nip, kabid.position, kabid.id)
    assert profile.sub_kor == Signatory(actor.name, actor.nip, actor.position, actor.id)
    assert (profile.paper, profile.disposition_paper, profile.logo) == ("A4", "A4", None)


def test_saved_profile_is_read_back_with_an_audit_entry(ws, actor):
    profile = ws.profile.load()._replace(
        address="  Jl. Satria Sudirman No. 1, Kota Tangerang  ", phone="(021) 5555555",
        email="diskominfo@tangerangkota.go.id", website="diskominfo.tangerangkota.go.id", paper="F4",
        disposition_paper="half_folio",
        kepala_bidang=Signatory("Drs. Ahmad Yani", "19700101 199503 1 002", "Kepala Bidang DIKP"))
    saved = ws.profile.save(actor.id, profile)
    again = ws.profile.load()
    assert saved == again
    assert again.address == "Jl. Satria Sudirman No. 1, Kota Tangerang"  # trimmed
    assert again.kepala_bidang == Signatory("Drs. Ahmad Yani", "197001011995031002", "Kepala Bidang DIKP", None)
    assert (again.paper, again.disposition_paper) == ("F4", "half_folio")
    assert again.contact_line == ("Telepon (021) 5555555 – Pos-el: diskominfo@tangerangkota.go.id – "
                                  "Laman: diskominfo.tangerangkota.go.id")
    entry = AuditEntry.select().where(AuditEntry.action == "setting").order_by(AuditEntry.id.desc()).first()
    assert entry.actor_id == actor.id and entry.detail.startswith("office.profile=")


@pytest.mark.parametrize("change, field, words", [
    ({"kepala_bidang": Signatory("Drs. Ahmad", "1970 0101", "Kabid")}, "kepala_bidang.nip", "Kepala Bidang: NIP harus 18"),
    ({"sub_kor": Signatory("", "19700101 199503 1 002", "Sub Kor")}, "sub_kor.name", "Nama Sub Koordinator wajib"),
    ({"kepala_dinas": Signatory("x" * 121, None, "")}, "kepala_dinas.name", "terlalu panjang"),
    ({"email": "diskominfo.tangerangkota.go.id"}, "email", "pos-el (e-mail) tidak sah"),
    ({"government": "  "}, "government", "wajib diisi"),
    ({"city": ""}, "city", "Kota tempat penandatanganan wajib"),
    ({"address": "J" * 201}, "address", "maksimal 200"),
    ({"paper": "half_folio"}, "paper", "A4 atau F4"),
    ({"disposition_paper": "A3"}, "disposition_paper", "setengah folio"),
])
def test_refusals_name_the_field_and_store_nothing(ws, actor, change, field, words):
    before = ws.settings.get_text(office_profile.KEY)
    with pytest.raises(ValidationError) as caught:
        ws.profile.save(actor.id, ws.profile.load()._replace(**change))
    assert caught.value.field == field
    assert words.lower() in str(caught.value).lower()
    assert ws.settings.get_text(office_profile.KEY) == before is None


def test_saving_needs_an_active_member_of_staff(ws, actor):
    with pytest.raises(ValidationError, match="Pilih petugas"):
        ws.profile.save(None, ws.profile.load())


def test_logo_is_copied_into_the_data_folder_and_replaced_cleanly(ws, actor, tmp_path):
    source = write_png(tmp_path / "logo kota.png")
    saved = ws.profile.save(actor.id, ws.profile.load()._replace(logo=source))
    assert saved.logo.parent == ws.data_dir / "office" and saved.logo.suffix == ".png"
    assert saved.logo.read_bytes() == source.read_bytes()
    source.unlink()  # the user tidies their Downloads folder: the profile keeps its own copy
    assert ws.profile.load().logo == saved.logo
    # Saving again with the current copy keeps it; another picture replaces it.
    assert ws.profile.save(actor.id, ws.profile.load()).logo == saved.logo
    other = write_png(tmp_path / "baru.png", rgb=(200, 0, 0))
    replaced = ws.profile.save(actor.id, ws.profile.load()._replace(logo=other))
    assert replaced.logo != saved.logo and not saved.logo.exists()
    assert sorted(p.name for p in (ws.data_dir / "office").iterdir()) == [replaced.logo.name]
    removed = ws.profile.save(actor.id, ws.profile.load()._replace(logo=None))
    assert removed.logo is None and not any((ws.data_dir / "office").iterdir())


def test_a_jpeg_logo_is_accepted(ws, actor, tmp_path):
    from PySide6.QtGui import QImage  # only to make a real JPEG file for the test

    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(tmp_path / "logo.jpg"), "JPG")
    saved = ws.profile.save(actor.id, ws.profile.load()._replace(logo=tmp_path / "logo.jpg"))
    assert saved.logo.suffix == ".jpg"


@pytest.mark.parametrize("content, words", [
    (b"GIF89a" + b"\x00" * 100, "PNG atau JPEG"),
    (png_bytes()[:-20], "PNG atau JPEG yang utuh"),  # cut short
    (png_bytes(width=8, height=8), "tidak wajar"),
    (b"Bukan gambar sama sekali", "PNG atau JPEG"),
])
def test_unusable_logos_are_refused(ws, actor, tmp_path, content, words):
    source = tmp_path / "logo.png"
    source.write_bytes(content)
    with pytest.raises(ValidationError, match=words) as caught:
        ws.profile.save(actor.id, ws.profile.load()._replace(logo=source))
    assert caught.value.field == "logo"
    assert not (ws.data_dir / "office").exists() and ws.settings.get_text(office_profile.KEY) is None


def test_a_logo_over_two_megabytes_is_refused(ws, actor, tmp_path):
    source = tmp_path / "besar.png"
    data = png_bytes()
    source.write_bytes(data[:-12] + b"\x00" * (office_profile.LOGO_MAX_BYTES) + data[-12:])
    with pytest.raises(ValidationError, match="terlalu besar"):
        ws.profile.save(actor.id, ws.profile.load()._replace(logo=source))


def test_a_logo_that_cannot_be_stored_leaves_the_profile_unchanged(ws, actor, tmp_path):
    ws.profile.save(actor.id, ws.profile.load()._replace(phone="(021) 1"))
    before = ws.settings.get_text(office_profile.KEY)
    (ws.data_dir / "office").write_text("a file where the logo folder should be")
    with pytest.raises(ExportError, match="Profil kantor tidak diubah"):
        ws.profile.save(actor.id, ws.profile.load()._replace(logo=write_png(tmp_path / "l.png"),
                                                             phone="(021) 2"))
    assert ws.settings.get_text(office_profile.KEY) == before


def test_a_damaged_stored_profile_falls_back_field_by_field(ws, actor):
    ws.settings.put_text(office_profile.KEY, '{"city": "Kota Tangerang", "paper": "A0", "logo": "../../etc/passwd",'
                                          ' "signatories": {"sub_kor": {"name": "Dedi", "nip": "123"}}}')
    profile = ws.profile.load()
    assert profile.city == "Kota Tangerang"
    assert profile.paper == "A4" and profile.logo is None
    assert profile.sub_kor == Signatory("Dedi", None, "", None)
    ws.settings.put_text(office_profile.KEY, "not json at all")
    assert ws.profile.load() == ws.profile.defaults()


def _set_rank(ws, person, rank: str, **changes) -> None:
    values = {"name": person.name, "nip": person.nip, "position": person.position, "lane": person.lane,
              "active": True, **changes}
    ws.staff.update(person.id, rank=rank, **values)


def test_a_signatory_taken_from_the_directory_follows_its_rank_there(ws, actor):
    """Saved before ranks were kept (no "rank"), or saved showing the directory's rank: the
    rank recorded in the directory, also after a promotion and when it is cleared there."""
    ws.profile.save(actor.id, ws.profile.load())  # sub_kor: the actor, from the directory
    stored = ws.settings.get_json(office_profile.KEY)
    for key in ("rank", office_profile.RANK_FOLLOWS):
        del stored["signatories"]["sub_kor"][key]  # as the version before ranks wrote it
    ws.settings.put_json(office_profile.KEY, stored)
    _set_rank(ws, actor, "Penata (III/c)")
    assert ws.profile.load().sub_kor.rank == "Penata (III/c)"
    ws.profile.save(actor.id, ws.profile.load())  # saved again, as the dialog shows it
    for rank in ("Penata Tingkat I (III/d)", ""):  # promoted; then cleared in the directory
        _set_rank(ws, actor, rank)
        assert ws.profile.load().sub_kor.rank == rank


def test_a_rank_typed_or_cleared_in_the_profile_stays_until_it_is_the_directorys_again(ws, actor):
    _set_rank(ws, actor, "Penata (III/c)")
    profile = ws.profile.load()
    ws.profile.save(actor.id, profile._replace(sub_kor=profile.sub_kor._replace(rank="")))
    assert ws.profile.load().sub_kor.rank == ""  # cleared by hand: not filled back
    ws.profile.save(actor.id, profile._replace(sub_kor=profile.sub_kor._replace(rank="Penata (III/c) Plt")))
    _set_rank(ws, actor, "Penata Tingkat I (III/d)")
    assert ws.profile.load().sub_kor.rank == "Penata (III/c) Plt"  # typed otherwise: kept
    ws.profile.save(actor.id, profile._replace(sub_kor=profile.sub_kor._replace(
        rank="Penata Tingkat I (III/d)")))  # the directory's again: follows it from now on
    _set_rank(ws, actor, "Pembina (IV/a)")
    assert ws.profile.load().sub_kor.rank == "Pembina (IV/a)"


def test_a_directory_entry_now_of_someone_else_is_not_followed(ws, actor):
    _set_rank(ws, actor, "Penata (III/c)")
    ws.profile.save(actor.id, ws.profile.load())
    _set_rank(ws, actor, "Pengatur (II/c)", name="Siti Aminah", nip="19900101 201501 2 003")  # the row reused
    again = ws.profile.load().sub_kor
    assert (again.name, again.rank) == (actor.name, "Penata (III/c)")  # her rank as saved, not the new one's
