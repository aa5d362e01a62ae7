"""Versions of stages 5, 6, 7 and 9 (disposition, readiness, route stops, evaluation): two
saves based on one version keep the first and refuse the second, saying what is stored;
keeping one's own over the version the refusal names stores it (services/versions.py)."""

from __future__ import annotations

import pytest

from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.stages.evaluation import Service as EvaluationService


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD", "3M Plus").id


@pytest.fixture
def other(ws):
    return ws.staff.add("Siti Aminah", None, "Analis", "tim")


# -- evaluation ------------------------------------------------------------------------------
def test_two_evaluation_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, cid, actor, other):
    service = EvaluationService(ws)
    read = service.get(cid)
    assert read.version == 0
    first = service.update(other.id, cid, notes="Catatan Siti.", score_reach=4, version=read.version)
    assert first.version == 1
    with pytest.raises(ConflictError) as caught:
        service.update(actor.id, cid, notes="Catatan Rina.", version=read.version)
    error = caught.value
    assert error.version == 1 and error.by == other.name
    assert error.theirs["Catatan evaluasi"] == "Catatan Siti." and error.theirs["Jangkauan"] == "4 – Baik"
    assert service.get(cid).notes == "Catatan Siti."
    with pytest.raises(ConflictError):  # a later save on the first version too
        service.update(actor.id, cid, score_reach=2, version=first.version + 5)
    kept = service.update(actor.id, cid, notes="Catatan Rina.", version=error.version)
    assert kept.version == 2 and kept.notes == "Catatan Rina." and kept.score_reach == 4


def test_an_evaluation_save_without_a_version_stores_whatever_is_stored(ws, cid, actor):
    service = EvaluationService(ws)
    service.update(actor.id, cid, notes="a")
    assert service.update(actor.id, cid, notes="b").version == 2
