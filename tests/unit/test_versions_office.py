"""The office's records carry a version (services/versions.py): a staff entry, the office profile,
the timing thresholds (settings) and a campaign's title and theme. Two saves based on the same
version keep the first and refuse the second with the stored values; keeping mine then names
the version the refusal gave. The other PC is the same service on the same database."""

from __future__ import annotations

import pytest

from wawaran_desktop.services import timing, timing_settings
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.office_profile import fields as profile_fields


@pytest.fixture
def other(ws):
    """A second member of staff: the person at the other PC."""
    return ws.staff.add("Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim")


# -- staff directory -----------------------------------------------------------------------
def test_two_edits_of_a_staff_entry_on_one_version_keep_the_first(ws, actor, clock):
    read = ws.staff.get(actor.id)
    assert read.version == 1
    first = ws.staff.update(actor.id, "Rina W.", read.nip, "Sub Koordinator", "subkor", True,
                            rank="Penata (III/c)", version=read.version)
    assert first.version == 2
    clock.advance(minutes=3)
    with pytest.raises(ConflictError) as caught:
        ws.staff.update(actor.id, "Rina Wulandari, S.Sos.", read.nip, "Analis", "subkor", True,
                        rank="", version=read.version)
    error = caught.value
    assert error.version == 2 and "Data petugas" in str(error) and "komputer lain" in str(error)
    assert error.theirs["Nama"] == "Rina W." and error.theirs["Pangkat/Gol."] == "Penata (III/c)"
    assert error.theirs["Peran"] == ws.staff.fields(first)["Peran"] and error.theirs["Aktif"] == "ya"
    assert ws.staff.get(actor.id) == first  # nothing of the second save stored

    kept = ws.staff.update(actor.id, "Rina Wulandari, S.Sos.", read.nip, "Analis", "subkor", True,
                           rank="", version=error.version)
    assert (kept.version, kept.name, kept.position, kept.rank) == (3, "Rina Wulandari, S.Sos.", "Analis", "")


def test_a_staff_edit_without_a_version_is_not_checked(ws, actor):
    ws.staff.update(actor.id, "Rina W.", None, "", "subkor", True)
    assert ws.staff.update(actor.id, "Rina", None, "", "subkor", False).version == 3


def test_the_staff_list_gives_each_entry_its_version(ws, actor, other):
    ws.staff.update(other.id, "Budi S.", other.nip, other.position, other.lane, True, version=1)
    assert {p.name: p.version for p in ws.staff.list()} == {"Budi S.": 2, "Rina Wulandari": 1}


# -- timing thresholds (a setting) -----------------------------------------------------------
def test_two_threshold_saves_on_one_version_keep_the_first_and_say_who(ws, actor, other):
    read = timing_settings.read(ws.settings)
    assert read == timing_settings.StoredThresholds(timing.DEFAULT_THRESHOLDS, 0)  # not stored yet
    ws.set_thresholds(other.id, 0.7, 1.1, version=read.version)
    with pytest.raises(ConflictError) as caught:
        ws.set_thresholds(actor.id, 0.9, 1.5, version=read.version)
    error = caught.value
    assert error.by == other.name and other.name in str(error) and "08.00 WIB" in str(error)
    assert error.theirs == {timing_settings.AT_RISK_LABEL: "70 % dari waktu baku",
                            timing_settings.LATE_LABEL: "110 % dari waktu baku"}
    assert timing_settings.read(ws.settings) == (timing.Thresholds(0.7, 1.1), 1)
    assert ws.thresholds == timing.Thresholds(0.7, 1.1)  # the refused ones were not put in force

    ws.set_thresholds(actor.id, 0.9, 1.5, version=error.version)
    assert timing_settings.read(ws.settings) == (timing.Thresholds(0.9, 1.5), 2)
    assert ws.thresholds == timing.Thresholds(0.9, 1.5)


def test_a_setting_saved_without_a_version_still_raises_it(ws, actor):
    assert ws.settings.put_text("uji.kunci", "satu", actor_id=actor.id) == 1
    assert ws.settings.put_text("uji.kunci", "dua", actor_id=actor.id) == 2
    assert ws.settings.get_text_versioned("uji.kunci") == ("dua", 2)
    with pytest.raises(ConflictError):
        ws.settings.put_text("uji.kunci", "tiga", actor_id=actor.id, version=1)
    with pytest.raises(ConflictError):  # "not stored yet" when it is: refused too
        ws.settings.put_text("uji.kunci", "tiga", actor_id=actor.id, version=0)
    assert ws.settings.get_text("uji.kunci") == "dua"


# -- office profile --------------------------------------------------------------------------
def test_two_profile_saves_on_one_version_keep_the_first(ws, actor, other, clock):
    read = ws.profile.read()
    assert read.version == 0 and read.profile == ws.profile.load()
    first = ws.profile.save(other.id, read.profile._replace(phone="(021) 5512345"), version=read.version)
    assert ws.profile.read().version == 1
    clock.advance(minutes=2)
    mine = read.profile._replace(address="Jl. Satria Sudirman No. 1")
    with pytest.raises(ConflictError) as caught:
        ws.profile.save(actor.id, mine, version=read.version)
    error = caught.value
    assert error.version == 1 and error.by == other.name and "Profil kantor" in str(error)
    assert error.theirs == profile_fields(first)
    assert error.theirs["Telepon"] == "(021) 5512345" and error.theirs["Alamat"] == ""
    assert profile_fields(mine)["Alamat"] == "Jl. Satria Sudirman No. 1"
    assert ws.profile.load() == first

    kept = ws.profile.save(actor.id, mine, version=error.version)
    assert kept.address == "Jl. Satria Sudirman No. 1" and kept.phone == ""  # mine, as typed
    assert ws.profile.read() == (kept, 2)


def test_the_profile_is_read_with_its_version_as_one_value(ws, actor):
    ws.profile.save(actor.id, ws.profile.load()._replace(city="Tangerang Selatan"))
    stored = ws.profile.read()
    assert stored.profile.city == "Tangerang Selatan" and stored.version == 1


# -- campaign title and theme ---------------------------------------------------------------
def test_two_renames_on_one_version_keep_the_first_and_say_who(ws, actor, clock):
    # Another Sub Kor at the other PC (the theme is step 3's: Kepala Bidang or Sub Kor).
    other = ws.staff.add("Sari Puspita", "19900101 201501 2 002", "Analis Diseminasi", "subkor")
    campaign = ws.campaigns.create(actor.id, "Sosialisasi PBB", "Bayar tepat waktu")
    assert campaign.version == 1
    clock.advance(minutes=5)
    first = ws.campaigns.rename(other.id, campaign.id, "Sosialisasi PBB 2027", "Bayar sebelum jatuh tempo",
                                version=campaign.version)
    assert first.version == 2
    with pytest.raises(ConflictError) as caught:
        ws.campaigns.rename(actor.id, campaign.id, "Sosialisasi Pajak", "Bayar tepat waktu",
                            version=campaign.version)
    error = caught.value
    assert error.by == other.name and "08.05 WIB" in str(error) and "Judul dan tema kampanye" in str(error)
    assert error.theirs == {"Judul": "Sosialisasi PBB 2027", "Tema": "Bayar sebelum jatuh tempo"}
    assert ws.campaigns.get(campaign.id).title == "Sosialisasi PBB 2027"

    kept = ws.campaigns.rename(actor.id, campaign.id, "Sosialisasi Pajak", "Bayar tepat waktu",
                               version=error.version)
    assert (kept.title, kept.theme, kept.version) == ("Sosialisasi Pajak", "Bayar tepat waktu", 3)


def test_a_rename_without_a_version_is_not_checked(ws, actor):
    campaign = ws.campaigns.create(actor.id, "Awal")
    ws.campaigns.rename(actor.id, campaign.id, "Kedua")
    assert ws.campaigns.rename(actor.id, campaign.id, "Ketiga").version == 3
