"""One explicit list of stage workspaces: the SOP loader refuses any other id and a duplicate,
every id has its rules registered, and a SOP pinned by stored campaigns keeps opening."""

from __future__ import annotations

import hashlib
import json

import pytest

from wawaran_desktop import paths
from wawaran_desktop.db.models import Campaign, SopVersion
from wawaran_desktop.services import sop_registry
from wawaran_desktop.services.stages import registry
from wawaran_desktop.sop import SopError, load_sop, parse_sop
from wawaran_desktop.sop.stages import STAGE_WORKSPACES

SHIPPED = paths.resource("sop/wawaran_keliling.json")


def shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_the_shipped_sop_names_every_workspace_once_in_order():
    assert tuple(a.workspace for a in load_sop(SHIPPED).activities) == STAGE_WORKSPACES


def test_every_workspace_has_its_service_and_finish_rule():
    assert tuple(registry.MODULES) == STAGE_WORKSPACES
    for workspace in STAGE_WORKSPACES:
        module = registry.stage_module(workspace)
        assert module.__name__.rsplit(".", 1)[1] == workspace and callable(module.Service)
        assert registry.finish_check(workspace) is module.check_finish
    assert registry.finish_check(None) is None and registry.finish_check("tidak_ada") is None


def write(tmp_path, data: dict):
    path = tmp_path / "sop.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_typo_in_a_workspace_is_refused_naming_the_file_and_field(tmp_path):
    data = shipped()
    data["activities"][3]["workspace"] = "narasi"
    with pytest.raises(SopError) as info:
        load_sop(write(tmp_path, data))
    assert str(info.value).startswith("sop.json: activities[3].workspace: 'narasi' tidak dikenal; harus salah satu dari "
                                      "data_collection, briefing, theme, narration")


def test_a_duplicated_workspace_is_refused(tmp_path):
    data = shipped()
    data["activities"][4]["workspace"] = "narration"
    with pytest.raises(SopError, match=r"sop\.json: activities\[4\]\.workspace: 'narration' sudah dipakai oleh "
                                       r"activities\[3\]"):
        load_sop(write(tmp_path, data))


def test_a_process_activity_must_name_one_a_decision_may_not(tmp_path):
    data = shipped()
    del data["activities"][1]["workspace"]
    with pytest.raises(SopError, match=r"activities\[1\]\.workspace: wajib ada untuk kegiatan proses"):
        load_sop(write(tmp_path, data))
    decision = {"no": 10, "short": "Periksa", "title": "Laporan lengkap?", "kind": "decision", "kelengkapan": [],
                "standard_minutes": 5, "output": "Keputusan", "lane": "kabid", "support_lanes": [],
                "decision": {"question": "Lengkap?", "yes": 9, "no": 8}}
    data = shipped()
    data["activities"].append(decision)
    assert load_sop(write(tmp_path, data)).activities[-1].workspace is None


def test_a_sop_pinned_before_workspaces_existed_keeps_opening(ws, actor, clock, restart):
    """Campaigns of schema version 1 pinned a definition without any workspace."""
    old = shipped()
    old["version"] = "0.9"
    for act in old["activities"]:
        del act["workspace"]
    text = json.dumps(old)
    with pytest.raises(SopError):  # as a file it would be refused today ...
        parse_sop(text, source="lama.json")
    cid = ws.campaigns.create(actor.id, "Kampanye lama").id
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()  # (as registered then: the text's own)
    row = SopVersion.create(sop_id=old["id"], version="0.9", checksum=checksum, definition=text,
                            registered_at=clock.now().replace(tzinfo=None))
    Campaign.update(sop=row.id).where(Campaign.id == cid).execute()
    sop_registry._parsed.clear()  # as after a restart
    ws = restart(ws)
    record = ws.campaigns.get(cid)  # ... pinned, it opens, with no panel or finish rule
    assert record.sop.version == "0.9" and all(s.activity.workspace is None for s in record.steps)
    ws.steps.start(actor.id, cid, 1)
    ws.steps.finish(actor.id, cid, 1)  # no data item: without a workspace there is no rule, as then
    assert ws.campaigns.get(cid).step(1).finished_at is not None
