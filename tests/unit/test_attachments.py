"""Attachments are copied whole into the data folder and recorded."""

from __future__ import annotations

import hashlib

import pytest

from wawaran_desktop.db.stage_models import Attachment
from wawaran_desktop.services.attachments import AttachmentService
from wawaran_desktop.services.errors import RuleError, ValidationError


@pytest.fixture
def service(ws):
    return AttachmentService(ws.staff, ws.data_dir, ws.clock)


def test_copy_is_whole_and_recorded(ws, actor, service, tmp_path):
    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    source = tmp_path / "Foto Lokasi.JPG"
    source.write_bytes(b"\xff\xd8" + bytes(range(256)) * 100)
    record = service.add(actor.id, campaign.id, source)
    assert record.path.read_bytes() == source.read_bytes()
    assert record.path.parent == ws.data_dir / "attachments"
    assert record.is_image and record.original_name == "Foto Lokasi.JPG"
    row = Attachment.get_by_id(record.id)
    assert row.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert [a.id for a in service.list(campaign.id)] == [record.id]
    assert not list((ws.data_dir / "attachments").glob(".part-*"))
    service.remove(actor.id, record.id)
    assert not record.path.exists() and service.list(campaign.id) == []


def test_missing_file_and_cancelled_campaign_are_refused(ws, actor, service, tmp_path):
    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Lampiran")
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        service.add(actor.id, campaign.id, tmp_path / "tidak-ada.pdf")
    ws.campaigns.cancel(actor.id, campaign.id, "Batal")
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF-1.4")
    with pytest.raises(RuleError):
        service.add(actor.id, campaign.id, source)
    assert Attachment.select().count() == 0
