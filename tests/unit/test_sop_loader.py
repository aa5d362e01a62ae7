"""The shipped SOP loads as the seed describes it; malformed copies are refused precisely."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from wawaran_desktop import paths
from wawaran_desktop.services.staff import normalise_nip
from wawaran_desktop.sop import SopError, load_sop, parse_sop

SHIPPED = paths.resource("sop/wawaran_keliling.json")

# no -> (primary lane, supporting lanes), as in the seed README's table.
LANES_BY_ACTIVITY = {
    1: ("subkor", {"tim"}),
    2: ("subkor", {"kabid", "tim"}),
    3: ("kabid", {"subkor"}),
    4: ("tim", set()),
    5: ("subkor", set()),
    6: ("tim", {"kernet"}),
    7: ("kernet", {"tim"}),
    8: ("tim", set()),
    9: ("kabid", {"subkor"}),
}
MINUTES = [20, 10, 5, 5, 5, 5, 120, 10, 5]


def test_shipped_sop_has_nine_activities_and_185_minutes():
    sop = load_sop(SHIPPED)
    assert [a.no for a in sop.activities] == list(range(1, 10))
    assert [a.standard_minutes for a in sop.activities] == MINUTES
    assert sop.standard_total == 185
    assert sop.activity(7).short == "Diseminasi"
    assert sop.activities[0].kind == "start" and sop.activities[-1].kind == "end"
    assert sop.activity(6).kelengkapan == ("Flyers", "Lokasi", "Script wawaran")


def test_shipped_sop_lanes_follow_the_seed_reading():
    sop = load_sop(SHIPPED)
    assert [lane.id for lane in sop.lanes] == ["kabid", "subkor", "tim", "kernet"]
    assert sop.lane("kernet").name == "Kernet/Supir"
    for act in sop.activities:
        primary, support = LANES_BY_ACTIVITY[act.no]
        assert (act.no, act.lane, set(act.support_lanes)) == (act.no, primary, support)


def test_shipped_sop_identity_and_approver():
    sop = load_sop(SHIPPED)
    ident = sop.identity
    assert ident.name == "Penyebaran Informasi melalui Mobil Wawaran Keliling"
    assert ident.approver.nip == "19730104 199703 2 001"
    assert normalise_nip(ident.approver.nip) == "197301041997032001"
    assert "INDRI ASTUTI" in ident.approver.name
    assert (ident.made_date, ident.revised_date, ident.approved_date) == (None, None, None)
    assert sop.warnings == ("Penggunaan Tata Bahasa",)
    assert sop.checksum == hashlib.sha256(SHIPPED.read_bytes()).hexdigest()


def test_lookup_of_unknown_activity_or_lane_raises_key_error():
    sop = load_sop(SHIPPED)
    with pytest.raises(KeyError):
        sop.activity(10)
    with pytest.raises(KeyError):
        sop.lane("camat")


def _shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def _set(path: str, value) -> Callable[[dict], None]:
    """A mutation that sets (or, for ``...``, deletes) a dotted path such as ``activities.3.title``."""

    def mutate(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        key = int(last) if isinstance(node, list) else last
        if value is ...:
            del node[key]
        else:
            node[key] = value

    return mutate


def _duplicate_lane(data: dict) -> None:
    data["lanes"][3]["id"] = "tim"


MALFORMED = [
    ("missing title", _set("activities.3.title", ...), "activities[3].title"),
    ("missing approver nip", _set("identity.approver.nip", ...), "identity.approver.nip"),
    ("missing identity", _set("identity", ...), "identity"),
    ("minutes as text", _set("activities.2.standard_minutes", "5"), "activities[2].standard_minutes"),
    ("minutes zero", _set("activities.2.standard_minutes", 0), "activities[2].standard_minutes"),
    ("minutes fraction", _set("activities.6.standard_minutes", 7.5), "activities[6].standard_minutes"),
    ("minutes boolean", _set("activities.0.standard_minutes", True), "activities[0].standard_minutes"),
    ("minutes missing", _set("activities.8.standard_minutes", ...), "activities[8].standard_minutes"),
    ("unknown lane", _set("activities.4.lane", "camat"), "activities[4].lane"),
    ("unknown support lane", _set("activities.0.support_lanes", ["lurah"]), "activities[0].support_lanes[0]"),
    ("duplicate lane id", _duplicate_lane, "lanes"),
    ("no lanes", _set("lanes", []), "lanes"),
    ("numbers skip", _set("activities.4.no", 6), "activities"),
    ("number not int", _set("activities.1.no", "2"), "activities[1].no"),
    ("no activities", _set("activities", []), "activities"),
    ("unknown kind", _set("activities.1.kind", "loop"), "activities[1].kind"),
    ("blank output", _set("activities.5.output", "  "), "activities[5].output"),
    ("kelengkapan not list", _set("activities.5.kelengkapan", "Flyers"), "activities[5].kelengkapan"),
    ("wrong format", _set("format", 2), "format"),
    ("approver rank not text", _set("identity.approver.rank", 4), "identity.approver.rank"),
]


@pytest.mark.parametrize(("mutate", "field"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_copy_is_refused_naming_file_and_field(tmp_path: Path, mutate, field):
    data = _shipped()
    mutate(data)
    bad = tmp_path / "rusak.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SopError) as info:
        load_sop(bad)
    assert str(info.value).startswith(f"rusak.json: {field}: ")


def test_unmodified_copy_loads(tmp_path: Path):
    """The mutations above are what is refused: a faithful copy passes the same checks."""
    copy = tmp_path / "salinan.json"
    copy.write_text(json.dumps(_shipped()), encoding="utf-8")
    assert load_sop(copy).standard_total == 185


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b""], ids=["syntax", "not utf-8", "empty"])
def test_file_that_is_not_json_is_refused(tmp_path: Path, content: bytes):
    bad = tmp_path / "bukan.json"
    bad.write_bytes(content)
    with pytest.raises(SopError, match=r"^bukan\.json: bukan JSON yang sah"):
        load_sop(bad)


def test_json_that_is_not_an_object_is_refused():
    with pytest.raises(SopError, match=re.escape("daftar.json: (akar):")):
        parse_sop("[1, 2, 3]", source="daftar.json")


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_path_is_refused_naming_the_file(tmp_path: Path, kind: str):
    target = tmp_path / "hilang.json"
    if kind == "directory":
        target.mkdir()
    with pytest.raises(SopError, match=r"^hilang\.json: tidak dapat dibaca"):
        load_sop(target)


def test_the_approvers_rank_is_optional(tmp_path: Path):
    assert load_sop(SHIPPED).identity.approver.rank == ""  # the seed gives none
    data = _shipped()
    data["identity"]["approver"]["rank"] = " Pembina Utama Muda (IV/c) "
    copy = tmp_path / "dengan-pangkat.json"
    copy.write_text(json.dumps(data), encoding="utf-8")
    assert load_sop(copy).identity.approver.rank == "Pembina Utama Muda (IV/c)"


def test_step_of_a_workspace():
    sop = load_sop(SHIPPED)
    assert [sop.step_of(a.workspace) for a in sop.activities if a.workspace] == [
        a.no for a in sop.activities if a.workspace]
    assert sop.step_of("tidak_ada") is None
