"""Saves based on an older version, stages 1-4: theme, briefing, narration, data collection.

Two PCs read the same record; the first save is kept, the second (on the version it read)
is refused with the stored values by field label, and saving again over the version the
refusal names keeps the second person's text (services/versions.py)."""

from __future__ import annotations

import pytest

from wawaran_desktop.db.models import Campaign
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.stages import briefing, data_collection, narration, theme
from wawaran_desktop.services.stages.data_collection import DataItemFields


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran DBD").id


@pytest.fixture
def other(ws):
    return ws.staff.add("Siti Aminah", None, "Analis", "tim")


# The SOP's lanes are permissions (services/lanes.py): the theme is the Kepala Bidang's (the Sub Kor
# supports), the narration the Tim's alone; so the two PCs there are those of people of those lanes.
@pytest.fixture
def kabid(ws):
    return ws.staff.add("Ani Kabid", None, "Kepala Bidang", "kabid")


@pytest.fixture
def writer(ws):
    """A second member of the Tim, who writes the narration beside Siti."""
    return ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")


# -- stage 3: notulen, decider (the theme_decision row) and theme (the campaign row) ----------
def test_two_notulen_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, actor, kabid, cid):
    svc = theme.Service(ws)
    read = svc.get(cid)
    assert read.version == 0  # no decision row yet
    first = svc.set_notulen(kabid.id, cid, "Notulen dari PC Ani.", version=read.version)
    assert first.version == 1
    with pytest.raises(ConflictError) as caught:
        svc.set_notulen(actor.id, cid, "Notulen dari PC Rina.", version=read.version)
    assert caught.value.theirs == {"Notulen briefing": "Notulen dari PC Ani.", "Diputuskan oleh": "—"}
    assert caught.value.by == kabid.name and caught.value.version == 1
    assert svc.get(cid).notulen == "Notulen dari PC Ani."
    kept = svc.set_notulen(actor.id, cid, "Notulen dari PC Rina.", version=caught.value.version)
    assert (kept.notulen, kept.version, kept.updated_by_name) == ("Notulen dari PC Rina.", 2, actor.name)


def test_a_decider_chosen_on_an_older_version_is_refused(ws, actor, kabid, cid):
    svc = theme.Service(ws)
    deputy = ws.staff.add("Hendra Gunawan", None, "Kepala Bidang", "kabid")  # the decider must be a Kabid
    read = svc.set_notulen(actor.id, cid, "Notulen.")
    svc.set_decider(kabid.id, cid, kabid.id, version=read.version)
    with pytest.raises(ConflictError) as caught:
        svc.set_decider(actor.id, cid, deputy.id, version=read.version)
    assert caught.value.theirs["Diputuskan oleh"] == "Ani Kabid"
    assert svc.get(cid).decided_by_id == kabid.id
    assert svc.set_decider(actor.id, cid, deputy.id, version=caught.value.version).decided_by_id == deputy.id


def test_two_theme_saves_on_one_campaign_version_keep_the_first_and_refuse_the_second(ws, actor, kabid, cid):
    svc = theme.Service(ws)
    read = svc.get(cid)
    first = svc.set_theme(kabid.id, cid, "Tema dari PC Ani", version=read.theme_version)
    assert first.theme_version == read.theme_version + 1
    with pytest.raises(ConflictError) as caught:
        svc.set_theme(actor.id, cid, "Tema dari PC Rina", version=read.theme_version)
    error = caught.value
    assert error.theirs == {"Tema wawaran": "Tema dari PC Ani"}
    assert error.by == kabid.name and kabid.name in str(error)  # who: the audit of the theme
    assert Campaign.get_by_id(cid).theme == "Tema dari PC Ani"
    kept = svc.set_theme(actor.id, cid, "Tema dari PC Rina", version=error.version)
    assert kept.theme == "Tema dari PC Rina" and kept.theme_version == error.version + 1


def test_the_notulen_and_the_theme_are_versioned_apart(ws, actor, kabid, cid):
    """Typing the notulen on one PC does not refuse the theme given on another, nor back."""
    svc = theme.Service(ws)
    read = svc.get(cid)
    svc.set_notulen(kabid.id, cid, "Notulen Ani.", version=read.version)
    svc.set_theme(actor.id, cid, "Tema Rina", version=read.theme_version)
    assert svc.get(cid).version == 1  # the theme did not move the decision's version


def test_the_same_theme_on_an_older_version_is_no_conflict(ws, actor, kabid, cid):
    svc = theme.Service(ws)
    read = svc.get(cid)
    svc.set_theme(kabid.id, cid, "Tema sama", version=read.theme_version)
    assert svc.set_theme(actor.id, cid, "Tema sama", version=read.theme_version).theme == "Tema sama"


# -- stage 4: narration versions (numbered rows; the conflict is a save on an older latest) ----
def test_two_narration_saves_on_one_latest_number_keep_the_first_and_refuse_the_second(ws, writer, other, cid):
    svc = narration.Service(ws)
    svc.save(writer.id, cid, "Versi pertama.")
    read = svc.latest_number(cid)
    assert read == 1
    first = svc.save(other.id, cid, "Versi dari PC Siti.", version=read)
    assert first.created and first.version.number == 2
    with pytest.raises(ConflictError) as caught:
        svc.save(writer.id, cid, "Versi dari PC Dewi.", version=read)
    error = caught.value
    assert error.theirs == {"Narasi": "Versi dari PC Siti."} and error.version == 2
    assert error.by == other.name and "versi 2" in str(error)
    assert svc.latest_text(cid) == "Versi dari PC Siti." and len(svc.versions(cid)) == 2
    kept = svc.save(writer.id, cid, "Versi dari PC Dewi.", version=error.version)
    assert kept.version.number == 3 and svc.latest_text(cid) == "Versi dari PC Dewi."
    assert svc.text(cid, 2) == "Versi dari PC Siti."  # nothing either person typed is lost


def test_the_first_narration_on_two_pcs(ws, writer, other, cid):
    svc = narration.Service(ws)
    svc.save(other.id, cid, "Narasi Siti.", version=0)
    with pytest.raises(ConflictError) as caught:
        svc.save(writer.id, cid, "Narasi Dewi.", version=0)
    assert caught.value.version == 1
    assert svc.save(writer.id, cid, "Narasi Siti.", version=0).created is False  # the same text: no conflict


# -- stage 2: the meeting (one row), each stop (its own version), ticks one at a time ----------
SUKASARI, CIKOKOL = "36.71.01.1007", "36.71.01.1005"


def test_two_meeting_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, actor, other, cid):
    svc = briefing.Service(ws)
    read = svc.get(cid)
    assert read.version == 0
    first = svc.update(other.id, cid, place="Aula Siti", agenda="Agenda Siti", version=read.version)
    assert first.version == 1
    with pytest.raises(ConflictError) as caught:
        svc.update(actor.id, cid, agenda="Agenda Rina", version=read.version)
    error = caught.value
    assert error.theirs == {"Waktu": "belum diisi", "Tempat": "Aula Siti", "Agenda": "Agenda Siti",
                            "Catatan teknis": ""}
    assert error.by == other.name and error.version == 1
    assert svc.get(cid).agenda == "Agenda Siti"
    kept = svc.update(actor.id, cid, agenda="Agenda Rina", version=error.version)
    assert (kept.agenda, kept.place, kept.version) == ("Agenda Rina", "Aula Siti", 2)  # only my field


def test_route_attendee_and_topic_changes_do_not_refuse_the_meeting(ws, actor, other, cid):
    svc = briefing.Service(ws)
    read = svc.get(cid)
    svc.add_location(other.id, cid, SUKASARI, "", "09:00")
    svc.set_attendee(other.id, cid, other.id, True)
    assert svc.update(actor.id, cid, place="Aula", version=read.version).version == 1


def test_ticks_on_two_pcs_both_stay(ws, actor, other, cid):
    svc = briefing.Service(ws)
    svc.set_attendee(other.id, cid, other.id, True)
    svc.set_attendee(actor.id, cid, actor.id, True)  # this PC had not seen Siti's tick
    assert {p.id for p in svc.attendees(cid)} == {actor.id, other.id}
    svc.set_attendee(actor.id, cid, actor.id, False)
    assert [p.id for p in svc.attendees(cid)] == [other.id]


def test_two_changes_of_one_stop_keep_the_first_and_refuse_the_second(ws, actor, other, cid):
    svc = briefing.Service(ws)
    stop = svc.add_location(actor.id, cid, SUKASARI, "Alun-alun", "09:00")
    assert stop.version == 1
    first = svc.update_location(other.id, cid, stop.id, SUKASARI, "Pos RW 01", "09:00", version=stop.version)
    assert first.version == 2
    with pytest.raises(ConflictError) as caught:
        svc.update_location(actor.id, cid, stop.id, CIKOKOL, "Alun-alun", "09:30", version=stop.version)
    error = caught.value
    assert error.theirs == {"Kecamatan/kelurahan": "Kel. Sukasari, Kec. Tangerang", "Alamat/patokan": "Pos RW 01",
                            "Jam": "09.00"}
    assert error.by == other.name and error.version == 2
    kept = svc.update_location(actor.id, cid, stop.id, CIKOKOL, "Alun-alun", "09:30", version=error.version)
    assert (kept.kelurahan_code, kept.address, kept.version) == (CIKOKOL, "Alun-alun", 3)
    with pytest.raises(ConflictError):  # a removal based on an older version is refused too
        svc.remove_location(other.id, cid, stop.id, version=first.version)
    assert svc.remove_location(other.id, cid, stop.id, version=kept.version) == []


def test_a_stop_removed_on_another_pc_is_a_conflict_not_a_crash(ws, actor, other, cid):
    svc = briefing.Service(ws)
    stop = svc.add_location(actor.id, cid, SUKASARI, "Alun-alun", "09:00")
    svc.add_location(actor.id, cid, CIKOKOL, "", "10:00")
    svc.remove_location(other.id, cid, stop.id, version=stop.version)
    for attempt in (lambda: svc.update_location(actor.id, cid, stop.id, SUKASARI, "Pasar", "09:00", version=1),
                    lambda: svc.remove_location(actor.id, cid, stop.id, version=1),
                    lambda: svc.move_location(actor.id, cid, stop.id, 0)):
        with pytest.raises(ConflictError, match="telah dihapus di komputer lain") as caught:
            attempt()
        assert caught.value.version == 0


# -- stage 1: data items (each its own version) --------------------------------------------------
def test_two_saves_of_one_data_item_keep_the_first_and_refuse_the_second(ws, actor, other, cid):
    svc = data_collection.Service(ws)
    read = svc.add(actor.id, cid, DataItemFields(topic="Kasus DBD naik", source_kind="dimc"))
    assert read.version == 1
    first = svc.update(other.id, cid, read.id, read.fields._replace(summary="Ringkasan Siti"), version=read.version)
    assert first.version == 2
    with pytest.raises(ConflictError) as caught:
        svc.update(actor.id, cid, read.id, read.fields._replace(priority=1), version=read.version)
    error = caught.value
    assert error.theirs["Ringkasan"] == "Ringkasan Siti" and error.theirs["Prioritas"] == "Sedang"
    assert error.theirs["Sumber"] == "Data liputan Seksi DIMC"
    assert error.by == other.name and error.version == 2 and "Kasus DBD naik" in str(error)
    assert svc.get(cid, read.id).fields.priority == 2
    kept = svc.update(actor.id, cid, read.id, first.fields._replace(priority=1), version=error.version)
    assert (kept.fields.priority, kept.fields.summary, kept.version) == (1, "Ringkasan Siti", 3)


def test_a_data_item_removed_or_changed_on_another_pc(ws, actor, other, cid):
    svc = data_collection.Service(ws)
    item = svc.add(actor.id, cid, DataItemFields(topic="Banjir"))
    changed = svc.update(other.id, cid, item.id, item.fields._replace(topic="Banjir Cipondoh"), version=item.version)
    with pytest.raises(ConflictError):  # a removal based on an older version: not removed unseen
        svc.remove(actor.id, cid, item.id, version=item.version)
    svc.remove(other.id, cid, item.id, version=changed.version)
    for attempt in (lambda: svc.update(actor.id, cid, item.id, item.fields, version=changed.version),
                    lambda: svc.remove(actor.id, cid, item.id, version=changed.version),
                    lambda: svc.move(actor.id, cid, item.id, 1)):
        with pytest.raises(ConflictError, match="telah dihapus di komputer lain") as caught:
            attempt()
        assert caught.value.version == 0
