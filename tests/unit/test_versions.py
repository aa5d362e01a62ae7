"""Optimistic locking of records edited in place (services/versions.py), on a real database."""

from __future__ import annotations

from datetime import datetime

import pytest
from crew import member

from wawaran_desktop.db.stage_models import Report, Setting
from wawaran_desktop.services import versions
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.stages.report import Service


@pytest.fixture
def actor(ws):
    """The records here are the report, step 8's, the Tim's (services/lanes.py); a Tim member may
    also create the campaign."""
    return member(ws, "tim")


@pytest.fixture
def campaign(ws, actor):
    return ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")


@pytest.fixture
def report(campaign, actor):
    Report.create(campaign=campaign.id, body="pertama", updated_by=actor.id,
                  updated_at=datetime(2026, 11, 26, 1, 30))
    return actor


def test_a_save_on_the_stored_version_raises_it(ws, campaign, report):
    where = Report.campaign == campaign.id
    assert versions.stored_version(Report, where) == 1
    assert versions.update(Report, where, 1, {Report.body: "kedua"}, "Laporan") == 2
    assert Report.get(where).body == "kedua"


def test_a_save_on_an_older_version_is_refused_and_says_who_and_when(ws, campaign, report):
    where = Report.campaign == campaign.id
    versions.update(Report, where, 1, {Report.body: "kedua"}, "Laporan")
    with pytest.raises(ConflictError) as caught:
        versions.update(Report, where, 1, {Report.body: "ketiga"}, "Laporan",
                        theirs=lambda row: {"Isi laporan": row.body})
    assert Report.get(where).body == "kedua"  # nothing stored
    error = caught.value
    assert error.version == 2 and error.by == report.name
    assert error.theirs == {"Isi laporan": "kedua"}
    assert report.name in str(error) and "08.30 WIB" in str(error)


def test_no_version_means_whatever_is_stored(ws, campaign, report):
    where = Report.campaign == campaign.id
    assert versions.update(Report, where, None, {Report.body: "x"}, "Laporan") == 2


def test_a_record_not_stored_yet_is_version_zero(ws):
    assert versions.stored_version(Setting, Setting.key == "tidak-ada") == 0
    versions.require_version(Setting, Setting.key == "tidak-ada", 0, "Pengaturan")
    with pytest.raises(ConflictError):
        versions.require_version(Setting, Setting.key == "tidak-ada", 3, "Pengaturan")


def test_two_report_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, campaign, actor):
    service = Service(ws)
    read = service.get(campaign.id)
    assert read.version == 0 and not read.stored
    first = service.save(actor.id, campaign.id, "Paragraf dari PC pertama.", version=read.version)
    assert first.version == 1
    with pytest.raises(ConflictError) as caught:
        service.save(actor.id, campaign.id, "Paragraf dari PC kedua.", version=read.version)
    assert caught.value.theirs == {"Laporan": "Paragraf dari PC pertama."}
    assert service.get(campaign.id).body == "Paragraf dari PC pertama."
    kept = service.save(actor.id, campaign.id, "Paragraf dari PC kedua.", version=caught.value.version)
    assert kept.version == 2 and kept.body == "Paragraf dari PC kedua."
