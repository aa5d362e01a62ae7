"""Optimistic locking of records edited in place (services/versions.py), on a real database."""

from __future__ import annotations

from datetime import datetime

import pytest

from wawaran_desktop.db.stage_models import Report, Setting
from wawaran_desktop.services import versions
from wawaran_desktop.services.errors import ConflictError


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
