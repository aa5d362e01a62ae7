"""The chart's items for a campaign in each state, and the one-second tick.

The workspace runs on a clock the test moves, so every figure is exact: the first step of
the SOP (20 minutes standard) is driven into each state and the symbol's colour and label,
the Aktual cell and the totals are read back from the scene's own items.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from crew import step_actor  # tests/crew.py
from PySide6.QtGui import QColor
from stage_content import fill_stage  # tests/stage_content.py

from wawaran_desktop import paths
from wawaran_desktop.charts.swimlane_geometry import segment_hits_box
from wawaran_desktop.services.timing import StepStatus
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.status_style import STATUS_COLOURS
from wawaran_desktop.views.swimlane.layouts import layout_for
from wawaran_desktop.views.swimlane.scene import ChartScene

START = datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc)  # 08.00 WIB


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def cws(tmp_path, clock):
    workspace = open_workspace(tmp_path / "data", clock=clock)
    yield workspace
    workspace.close()


@pytest.fixture
def actor(cws):
    return cws.staff.add("Siti Rahmawati", "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor").id


def scene_for(ws, campaign_id: int, now: datetime) -> ChartScene:
    record = ws.campaigns.get(campaign_id)
    scene = ChartScene(record.sop, layout_for(record.sop))
    scene.show_record(record, now)
    return scene


def colours(scene: ChartScene, no: int) -> tuple[str, str]:
    items = scene.step_items(no)
    return items.symbol.pen().color().name(), items.symbol.brush().color().name()


def aktual(scene: ChartScene, no: int) -> list[str]:
    return [item.text() for item in scene.step_items(no).lines]


def assert_status_colour(scene: ChartScene, no: int, status: StepStatus) -> None:
    fg, bg = STATUS_COLOURS[status]
    assert colours(scene, no) == (QColor(fg).name(), QColor(bg).name())
    assert scene.step_items(no).lines[0].brush().color().name() == QColor(fg).name()


def test_not_started_campaign_shows_white_symbols_and_no_figures(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    scene = scene_for(cws, cid, clock())
    for no in range(1, 10):
        assert colours(scene, no) == ("#000000", "#ffffff")
        assert scene.step_items(no).label_text() == ""
        assert aktual(scene, no) == ["Belum dimulai", "", ""]
    assert scene.total_texts() == ["Belum dimulai", "kerja 0 mnt 00 dtk", "dari baku 185 mnt", ""]
    assert scene.tick(clock.advance(minutes=5)) == 0  # nothing moves before anything starts


def test_running_step_counts_every_second_without_rebuilding(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    cws.steps.start(actor, cid, 1)
    scene = scene_for(cws, cid, clock.advance(minutes=5))
    items_before = len(scene.items())
    assert_status_colour(scene, 1, StepStatus.RUNNING)
    assert scene.step_items(1).label_text() == "5 mnt 00 dtk\n/ 20 mnt"
    assert aktual(scene, 1) == ["Berjalan", "kerja 5 mnt 00 dtk", "jam dinding 5 mnt 00 dtk"]
    assert aktual(scene, 2) == ["Belum dimulai", "", ""]

    changed = scene.tick(clock.advance(seconds=1))
    assert scene.step_items(1).label_text() == "5 mnt 01 dtk\n/ 20 mnt"
    assert aktual(scene, 1) == ["Berjalan", "kerja 5 mnt 01 dtk", "jam dinding 5 mnt 01 dtk"]
    assert scene.total_texts()[1] == "kerja 5 mnt 01 dtk"
    assert changed == 4  # the symbol's first line, working and wall-clock time, the total
    assert len(scene.items()) == items_before
    assert scene.tick(clock.advance(seconds=1)) == 4  # every second, the same four items
    assert scene.tick(clock.advance(seconds=58)) == 5  # a new minute: the span too
    assert scene.step_items(1).label_text() == "6 mnt 00 dtk\n/ 20 mnt"
    assert scene.total_texts()[1:3] == ["kerja 6 mnt 00 dtk", "dari baku 185 mnt"]


def test_at_risk_then_late_with_the_time_over(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    cws.steps.start(actor, cid, 1)
    scene = scene_for(cws, cid, clock.advance(minutes=17))
    assert_status_colour(scene, 1, StepStatus.AT_RISK)
    assert aktual(scene, 1)[0] == "Berisiko terlambat"
    assert scene.step_items(1).label_text() == "17 mnt 00 dtk\n/ 20 mnt"
    scene.tick(clock.advance(minutes=3))  # exactly the standard: not late
    assert_status_colour(scene, 1, StepStatus.AT_RISK)
    assert scene.step_items(1).label_text() == "20 mnt 00 dtk\n/ 20 mnt"
    scene.tick(clock.advance(seconds=1))  # one second past it: late, and the label says by how much
    assert_status_colour(scene, 1, StepStatus.LATE)
    assert scene.step_items(1).label_text() == "20 mnt 01 dtk\n+0 mnt 01 dtk"
    scene.tick(clock.advance(minutes=7, seconds=4))  # 27 mnt 05 dtk of 20 minutes
    assert_status_colour(scene, 1, StepStatus.LATE)
    assert scene.step_items(1).label_text() == "27 mnt 05 dtk\n+7 mnt 05 dtk"
    assert aktual(scene, 1) == ["Terlambat", "kerja 27 mnt 05 dtk", "jam dinding 27 mnt 05 dtk"]


def test_paused_step_shows_working_and_wall_clock_time_and_the_reason(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    cws.steps.start(actor, cid, 1)
    clock.advance(minutes=3)
    cws.steps.pause(actor, cid, 1, "Menunggu data dari Prokomp")
    scene = scene_for(cws, cid, clock.advance(minutes=10))
    assert_status_colour(scene, 1, StepStatus.PAUSED)
    assert aktual(scene, 1) == ["Dijeda", "kerja 3 mnt 00 dtk", "jam dinding 13 mnt 00 dtk"]
    assert scene.step_items(1).label_text() == "3 mnt 00 dtk\n/ 20 mnt"
    tip = scene.step_items(1).symbol.toolTip()
    assert "Menunggu data dari Prokomp" in tip and "Siti Rahmawati" in tip and "08.00 WIB" in tip
    assert "Waktu kerja 3 mnt 00 dtk dari baku 20 mnt; jam dinding 13 mnt 00 dtk" in tip
    scene.tick(clock.advance(minutes=1, seconds=30))
    assert aktual(scene, 1) == ["Dijeda", "kerja 3 mnt 00 dtk", "jam dinding 14 mnt 30 dtk"]


def test_finished_on_time_step_and_its_tooltip(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    cws.steps.start(actor, cid, 1)
    fill_stage(cws, actor, cid, 1)
    clock.advance(minutes=15)
    cws.steps.finish(actor, cid, 1)
    cws.steps.set_notes(actor, cid, 1, "Data dari Prokomp lengkap.")
    scene = scene_for(cws, cid, clock.advance(hours=2))
    assert_status_colour(scene, 1, StepStatus.ON_TIME)
    assert scene.step_items(1).label_text() == "15 mnt 00 dtk\n/ 20 mnt"
    assert aktual(scene, 1) == ["Tepat waktu", "kerja 15 mnt 00 dtk", "jam dinding 15 mnt 00 dtk"]
    tip = scene.step_items(1).symbol.toolTip()
    assert "Mulai: 26 November 2026 pukul 08.00 WIB oleh Siti Rahmawati" in tip
    assert "Selesai: 26 November 2026 pukul 08.15 WIB oleh Siti Rahmawati" in tip
    assert "Catatan: Data dari Prokomp lengkap." in tip
    assert scene.tick(clock.advance(minutes=1)) == 1  # nothing of a finished step moves: only the span
    assert scene.total_texts()[3] == "rentang 2 j 16 mnt"


def test_cancelled_campaign_is_frozen(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    cws.steps.start(actor, cid, 1)
    clock.advance(minutes=8)
    cws.campaigns.cancel(actor, cid, "Acara diundur")
    scene = scene_for(cws, cid, clock.advance(hours=3))
    assert scene.step_items(1).label_text() == "8 mnt 00 dtk\n/ 20 mnt"
    assert aktual(scene, 1) == ["Terhenti (dibatalkan)", "kerja 8 mnt 00 dtk", "jam dinding 8 mnt 00 dtk"]
    assert scene.total_texts()[0] == "Dibatalkan"
    assert "dibatalkan" in scene.step_items(1).symbol.toolTip()
    assert scene.tick(clock.advance(minutes=30)) == 0


def test_switching_campaigns_reuses_the_scene_and_clears_the_overlay(qapp, cws, actor, clock):
    running = cws.campaigns.create(actor, "Berjalan").id
    cws.steps.start(actor, running, 1)
    fresh = cws.campaigns.create(actor, "Baru").id
    scene = scene_for(cws, running, clock.advance(minutes=25))
    assert_status_colour(scene, 1, StepStatus.LATE)
    scene.show_record(cws.campaigns.get(fresh), clock())
    assert colours(scene, 1) == ("#000000", "#ffffff") and scene.step_items(1).label_text() == ""
    scene.show_record(None, clock())
    assert aktual(scene, 1) == ["", "", ""] and scene.total_texts() == ["", "", "", ""]


def test_chart_follows_an_edited_definition_with_a_decision(qapp, tmp_path, clock):
    """A copy of the SOP with a check that can send the narration back: the scene has a
    diamond, labelled arrows, and the campaigns created under it show ten steps."""
    data = json.loads(paths.resource("sop/wawaran_keliling.json").read_text(encoding="utf-8"))
    acts = data["activities"]
    for act in acts[4:]:
        act["no"] += 1
    acts.insert(4, {"no": 5, "short": "Periksa", "title": "Memeriksa tata bahasa narasi", "kind": "decision",
                    "kelengkapan": ["Narasi"], "standard_minutes": 5, "output": "Narasi diperiksa",
                    "lane": "kabid", "support_lanes": [], "workspace": None,
                    "decision": {"question": "Tata bahasa sudah benar?", "yes": 6, "no": 4}})
    acts[7]["lane"] = "subkor"  # the dissemination moved to another lane, for the sake of the test
    sop_file = tmp_path / "sop.json"
    sop_file.write_text(json.dumps(data), encoding="utf-8")
    ws = open_workspace(tmp_path / "edited", sop_path=sop_file, clock=clock)
    try:
        actor = ws.staff.add("Siti Rahmawati", "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor").id
        cid = ws.campaigns.create(actor, "Dengan pemeriksaan").id
        record = ws.campaigns.get(cid)
        layout = layout_for(record.sop)
        scene = ChartScene(record.sop, layout)
        scene.show_record(record, clock())
        assert len(scene.steps) == 10
        assert layout.symbol("act:5").shape == "decision"
        lane = layout.column("lane:subkor")
        assert lane.x < layout.symbol("act:8").box.cx < lane.x + lane.w
        texts = {item.text() for item in scene.items() if hasattr(item, "text")}
        assert {"Ya", "Tidak", "Memeriksa tata bahasa narasi"} <= texts
        assert "Tata bahasa sudah benar?" in scene.step_items(5).symbol.toolTip()
        boxes = [s.box for s in layout.symbols]
        for route in layout.routes:
            for a, b in zip(route.points, route.points[1:]):
                hits = [box for box in boxes if segment_hits_box(a, b, box, open_interior=True)]
                assert hits == []
    finally:
        ws.close()


def total_colour(scene: ChartScene) -> str:
    return scene.total_lines[0].brush().color().name()


def test_the_time_over_agrees_with_the_working_time_and_the_steps_add_up_to_the_total(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    cws.steps.start(actor, cid, 1)
    fill_stage(cws, actor, cid, 1)
    clock.advance(minutes=41, seconds=50)
    cws.steps.finish(actor, cid, 1)
    cws.steps.start(actor, cid, 2)
    scene = scene_for(cws, cid, clock.advance(minutes=3, seconds=40))
    assert aktual(scene, 1)[1] == "kerja 41 mnt 50 dtk"
    assert scene.step_items(1).label_text() == "41 mnt 50 dtk\n+21 mnt 50 dtk"
    assert_status_colour(scene, 1, StepStatus.LATE)
    assert aktual(scene, 2)[1] == "kerja 3 mnt 40 dtk"
    assert scene.total_texts()[1] == "kerja 45 mnt 30 dtk"  # 41:50 + 3:40, the cells' figures added up
    # The campaign is judged as a whole (as in the main window): within the sum of its
    # standards it is running, however late one of its steps was.
    record = cws.campaigns.get(cid)
    assert scene.total_texts()[0] == record.status_against_standard(clock()).label == "Berjalan"
    assert total_colour(scene) == QColor(STATUS_COLOURS[StepStatus.RUNNING][0]).name()
    assert scene.total_texts()[3] == "rentang 45 mnt"  # from the first start until now


def test_totals_row_paused_cancelled_and_the_span_in_days(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    cws.steps.start(actor, cid, 1)
    clock.advance(minutes=3)
    cws.steps.pause(actor, cid, 1, "Menunggu data")
    scene = scene_for(cws, cid, clock.advance(days=1, hours=2))
    # A paused step leaves the campaign running, as the main window's header says.
    assert scene.total_texts()[0] == "Berjalan"
    assert total_colour(scene) == QColor(STATUS_COLOURS[StepStatus.RUNNING][0]).name()
    assert scene.total_texts()[1:] == ["kerja 3 mnt 00 dtk", "dari baku 185 mnt", "rentang 26 jam"]  # the timeline's wording
    cws.campaigns.cancel(actor, cid, "Acara diundur")
    scene = scene_for(cws, cid, clock.advance(hours=1))
    assert scene.total_texts()[0] == "Dibatalkan"
    assert total_colour(scene) == QColor(STATUS_COLOURS[StepStatus.NOT_STARTED][0]).name()


def test_pause_tooltip_tells_until_when_and_how_long(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    cws.steps.start(actor, cid, 1)
    clock.advance(minutes=3)
    cws.steps.pause(actor, cid, 1, "Menunggu data")
    clock.advance(minutes=38)
    cws.steps.resume(actor, cid, 1)
    clock.advance(minutes=2)
    cws.steps.pause(actor, cid, 1, "Istirahat")
    scene = scene_for(cws, cid, clock.advance(days=1))
    tip = scene.step_items(1).symbol.toolTip()
    assert "Jeda 08.03 WIB s.d. 08.41 (38 mnt) oleh Siti Rahmawati: Menunggu data" in tip
    assert "Jeda 08.43 WIB masih dijeda (24 jam) oleh Siti Rahmawati: Istirahat" in tip
    cws.steps.resume(actor, cid, 1)
    scene = scene_for(cws, cid, clock.advance(minutes=1))
    assert "Jeda 08.43 WIB s.d. 27 November 2026 08.43 (24 jam)" in scene.step_items(1).symbol.toolTip()


def test_not_started_text_is_centred_in_its_cell(qapp, cws, actor, clock):
    cid = cws.campaigns.create(actor, "Wawaran PBB").id
    scene = scene_for(cws, cid, clock())
    line = scene.step_items(2).lines[0].sceneBoundingRect()
    cell = scene.layout.cells["aktual:2"]
    assert abs(line.center().y() - cell.cy) < 2


def test_a_long_label_fits_inside_a_diamond(qapp, tmp_path, clock):
    data = json.loads(paths.resource("sop/wawaran_keliling.json").read_text(encoding="utf-8"))
    acts = data["activities"]
    for act in acts[4:]:
        act["no"] += 1
    acts.insert(4, {"no": 5, "short": "Periksa", "title": "Memeriksa narasi", "kind": "decision",
                    "kelengkapan": ["Narasi"], "standard_minutes": 120, "output": "Narasi diperiksa",
                    "lane": "kabid", "support_lanes": [], "workspace": None,
                    "decision": {"question": "Sudah benar?", "yes": 6, "no": 4}})
    sop_file = tmp_path / "sop.json"
    sop_file.write_text(json.dumps(data), encoding="utf-8")
    ws = open_workspace(tmp_path / "edited", sop_path=sop_file, clock=clock)
    try:
        actor = ws.staff.add("Siti Rahmawati", "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor").id
        cid = ws.campaigns.create(actor, "Dengan pemeriksaan").id
        for no in range(1, 5):  # each step by a person of its lane in this SOP
            who = step_actor(ws, cid, no)
            ws.steps.start(who, cid, no)
            fill_stage(ws, who, cid, no)
            clock.advance(minutes=1)
            ws.steps.finish(who, cid, no)
        ws.steps.start(step_actor(ws, cid, 5), cid, 5)  # the Kepala Bidang checks the narration
        scene = scene_for(ws, cid, clock.advance(minutes=112, seconds=45))
        items = scene.step_items(5)
        assert items.label_text() == "112 mnt 45 dtk\n/ 120 mnt"
        for item in items.labels:
            label, box = item.sceneBoundingRect(), items.box
            # the diamond's width at the label's edge farther from the middle
            half = max(abs(box.cy - label.top()), abs(label.bottom() - box.cy)) / (box.h / 2)
            assert box.x <= label.left() and label.right() <= box.right
            assert label.width() <= box.w * (1 - half) + 0.5
            assert abs(label.center().x() - box.cx) < 0.5
        assert items.labels[0].sceneBoundingRect().bottom() <= items.labels[1].sceneBoundingRect().top() + 0.5
    finally:
        ws.close()
