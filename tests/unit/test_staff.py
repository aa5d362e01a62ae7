"""The staff directory: add, update, list, NIP checks; a refusal changes nothing."""

from __future__ import annotations

import pytest

from wawaran_desktop.db.models import Staff
from wawaran_desktop.services.errors import NotFound, ValidationError
from wawaran_desktop.services.staff import normalise_nip


def snapshot() -> list[tuple]:
    """Every staff row as stored, to compare before and after a refused request."""
    return [tuple(r) for r in Staff.select(Staff.id, Staff.name, Staff.nip, Staff.position, Staff.lane,
                                           Staff.active, Staff.created_at).order_by(Staff.id).tuples()]


def test_add_stores_the_nip_as_eighteen_digits(ws, clock):
    rec = ws.staff.add("  Budi Santoso ", "19730104 199703 1 002", "Sopir", "kernet")
    assert (rec.name, rec.nip, rec.position, rec.lane, rec.active) == (
        "Budi Santoso", "197301041997031002", "Sopir", "kernet", True)
    row = Staff.get_by_id(rec.id)
    assert row.nip == "197301041997031002"
    assert row.created_at == clock.now().replace(tzinfo=None)
    assert ws.staff.get(rec.id) == rec


def test_nip_is_optional_and_several_staff_may_have_none(ws):
    a = ws.staff.add("Agus", None, "", "tim")
    b = ws.staff.add("Citra", "   ", "", "tim")
    assert (a.nip, b.nip) == (None, None)
    assert Staff.select().count() == 2


def test_list_is_sorted_by_name_and_can_hide_inactive(ws):
    ws.staff.add("Wati", None, "", "tim")
    ws.staff.add("Andi", None, "", "kernet", active=False)
    ws.staff.add("Lina", None, "", "kabid")
    assert [s.name for s in ws.staff.list()] == ["Andi", "Lina", "Wati"]
    assert [s.name for s in ws.staff.list(include_inactive=False)] == ["Lina", "Wati"]


def test_update_changes_every_field_and_may_keep_its_own_nip(ws, actor):
    rec = ws.staff.update(actor.id, "Rina W.", actor.nip, "Sub Koordinator", "kabid", active=False)
    assert (rec.name, rec.nip, rec.position, rec.lane, rec.active) == (
        "Rina W.", actor.nip, "Sub Koordinator", "kabid", False)
    assert ws.staff.get(actor.id) == rec


def test_update_of_unknown_staff_is_not_found(ws):
    with pytest.raises(NotFound):
        ws.staff.update(999, "X", None, "", "tim", True)
    with pytest.raises(NotFound):
        ws.staff.get(999)


@pytest.mark.parametrize(
    "raw",
    ["197301041997032001", "19730104 199703 2 001", " 19730104  199703 2 001 "],
)
def test_nip_accepted_with_or_without_spaces(raw):
    assert normalise_nip(raw) == "197301041997032001"


BAD_NIPS = [
    ("letters", "19730104 199703 2 OO1"),
    ("dashes", "19730104-199703-2-001"),
    ("17 digits", "19730104 199703 2 01"),
    ("19 digits", "19730104 199703 2 0011"),
    ("birth month 13", "19731304 199703 2 001"),
    ("birth 30 February", "19730230 199703 2 001"),
    ("appointment month 00", "19730104 199700 2 001"),
    ("sex digit 3", "19730104 199703 3 001"),
    ("sex digit 0", "19730104 199703 0 001"),
]


@pytest.mark.parametrize("nip", [b[1] for b in BAD_NIPS], ids=[b[0] for b in BAD_NIPS])
def test_bad_nip_is_refused_and_nothing_changes(ws, actor, nip):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        ws.staff.add("Dewi", nip, "", "tim")
    assert info.value.field == "nip"
    with pytest.raises(ValidationError):
        ws.staff.update(actor.id, "Dewi", nip, "", "tim", True)
    assert snapshot() == before


def test_duplicate_nip_is_refused_whatever_its_spacing(ws, actor):
    other = ws.staff.add("Eko", None, "", "tim")
    before = snapshot()
    with pytest.raises(ValidationError, match="sudah dipakai") as info:
        ws.staff.add("Fajar", "198503122010012004", "", "tim")
    assert info.value.field == "nip"
    with pytest.raises(ValidationError, match="sudah dipakai"):
        ws.staff.update(other.id, "Eko", "19850312 201001 2 004", "", "tim", True)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "field"),
    [("", "name"), ("   ", "name"), ("x" * 10_000, "name"), ("y" * 121, "name")],
    ids=["empty", "blank", "10000 chars", "121 chars"],
)
def test_bad_name_is_refused_and_nothing_changes(ws, actor, name, field):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        ws.staff.add(name, None, "", "tim")
    assert info.value.field == field
    with pytest.raises(ValidationError):
        ws.staff.update(actor.id, name, actor.nip, "", "tim", True)
    assert snapshot() == before


def test_name_of_exactly_the_maximum_length_is_accepted(ws):
    assert len(ws.staff.add("n" * 120, None, "", "tim").name) == 120


def test_unknown_lane_and_overlong_position_are_refused(ws, actor):
    before = snapshot()
    with pytest.raises(ValidationError) as info:
        ws.staff.add("Gita", None, "", "camat")
    assert info.value.field == "lane"
    with pytest.raises(ValidationError) as info:
        ws.staff.add("Gita", None, "p" * 10_000, "tim")
    assert info.value.field == "position"
    assert snapshot() == before


def test_require_active_refuses_missing_and_inactive_staff(ws, actor):
    assert ws.staff.require_active(actor.id).id == actor.id
    ws.staff.update(actor.id, actor.name, actor.nip, actor.position, actor.lane, active=False)
    for staff_id in (None, actor.id, 999):
        with pytest.raises(ValidationError) as info:
            ws.staff.require_active(staff_id)
        assert info.value.field == "actor"


def test_rank_is_stored_on_one_line_and_kept_by_an_update_that_leaves_it_out(ws):
    rec = ws.staff.add("Drs. Heru Prasetyo", "19700210 199503 1 003", "Kepala Bidang DIKP", "kabid",
                       rank="  Pembina Tingkat I\n(IV/b) ")
    assert rec.rank == "Pembina Tingkat I (IV/b)"
    assert ws.staff.get(rec.id).rank == "Pembina Tingkat I (IV/b)"
    kept = ws.staff.update(rec.id, rec.name, rec.nip, "Kepala Bidang", rec.lane, active=True)
    assert (kept.position, kept.rank) == ("Kepala Bidang", "Pembina Tingkat I (IV/b)")
    cleared = ws.staff.update(rec.id, rec.name, rec.nip, rec.position, rec.lane, active=True, rank="")
    assert cleared.rank == ""
    assert ws.staff.add("Ujang", None, "Supir", "kernet").rank == ""  # not every driver is a civil servant


def test_overlong_rank_is_refused_and_nothing_changes(ws, actor):
    with pytest.raises(ValidationError) as err:
        ws.staff.update(actor.id, actor.name, actor.nip, actor.position, actor.lane, True, rank="IV/b " * 13)
    assert err.value.field == "rank" and "Pangkat/golongan terlalu panjang" in str(err.value)
    assert ws.staff.get(actor.id) == actor
    with pytest.raises(ValidationError):
        ws.staff.add("Baru", None, "", "tim", rank="x" * 61)
    assert "Baru" not in [s.name for s in ws.staff.list()]
