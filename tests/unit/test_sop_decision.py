"""Optional decisions in the SOP definition: read when valid, refused precisely when not."""

from __future__ import annotations

import json

import pytest

from wawaran_desktop import paths
from wawaran_desktop.sop import SopError, load_sop, parse_sop
from wawaran_desktop.sop.schema import Decision

SHIPPED = paths.resource("sop/wawaran_keliling.json")


def data_with(decision: object, kind: str = "decision", index: int = 5) -> dict:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    act = data["activities"][index]
    act["kind"] = kind
    if decision is not None:
        act["decision"] = decision
    return data


def parse(data: dict):
    return parse_sop(json.dumps(data), source="sop-uji.json")


def test_the_shipped_sop_has_no_decision():
    sop = load_sop(SHIPPED)
    assert all(a.decision is None for a in sop.activities)
    assert all(a.kind != "decision" for a in sop.activities)


def test_a_decision_is_read_with_its_question_and_answers():
    sop = parse(data_with({"question": "Kelengkapan sudah lengkap?", "yes": 7, "no": 4}))
    assert sop.activity(6).decision == Decision("Kelengkapan sudah lengkap?", 7, 4)
    assert sop.activity(6).kind == "decision"
    assert sop.activity(5).decision is None


@pytest.mark.parametrize("decision, kind, field, problem", [
    (None, "decision", "activities[5].decision", "wajib ada"),
    ("ya", "decision", "activities[5].decision", "berupa objek"),
    ({"question": "?", "yes": 7, "no": 4}, "process", "activities[5].decision", "hanya boleh"),
    ({"yes": 7, "no": 4}, "decision", "activities[5].decision.question", "wajib ada"),
    ({"question": " ", "yes": 7, "no": 4}, "decision", "activities[5].decision.question", "tidak kosong"),
    ({"question": "?", "yes": "7", "no": 4}, "decision", "activities[5].decision.yes", "nomor kegiatan"),
    ({"question": "?", "yes": 7, "no": True}, "decision", "activities[5].decision.no", "nomor kegiatan"),
    ({"question": "?", "yes": 7, "no": 12}, "decision", "activities[5].decision.no", "kegiatan 12 tidak ada"),
    ({"question": "?", "yes": 6, "no": 4}, "decision", "activities[5].decision.yes", "itu sendiri"),
    ({"question": "?", "yes": 7, "no": 7}, "decision", "activities[5].decision.no", "berbeda"),
])
def test_a_malformed_decision_is_refused_naming_file_and_field(decision, kind, field, problem):
    with pytest.raises(SopError) as caught:
        parse(data_with(decision, kind))
    message = str(caught.value)
    assert message.startswith(f"sop-uji.json: {field}: "), message
    assert problem in message
