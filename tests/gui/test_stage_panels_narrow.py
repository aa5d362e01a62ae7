"""Issue 15: at 150% display scaling on a 1366x768 laptop a stage's content has ~350 pixels of
width. Each stage panel arranges itself for that room: nothing needs scrolling sideways."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea, QTabWidget

from wawaran_desktop.services.stages import data_collection
from wawaran_desktop.views import responsive
from wawaran_desktop.views.stages.registry import PANELS, panel_class

NARROW = 350  # the stage content's width at 150% (tests/window_fit.py's 911x512 logical screen)


@pytest.mark.parametrize("workspace", sorted(PANELS))
def test_the_stage_needs_no_sideways_scrolling_at_150_percent(qtbot, ws, staff, monkeypatch, workspace):
    monkeypatch.setattr(responsive, "_ready_at", 0.0)  # resize watches at once (start-up is long over)
    sub, _tim = staff
    campaign = ws.campaigns.create(sub.id, "Wawaran Pencegahan Demam Berdarah di Kecamatan Cipondoh", "3M Plus")
    # content as the office has it: an item recorded by someone with a long name and titles
    recorder = ws.staff.add("Dedi Kurniawan, S.I.Kom., M.M.", None, "Analis Kebijakan Ahli Muda", "subkor")
    data_collection.Service(ws).add(recorder.id, campaign.id, data_collection.DataItemFields(
        topic="Kanal pengaduan SP4N-LAPOR! tentang genangan air di permukiman padat", source_kind="other",
        source_name="Kanal pengaduan SP4N-LAPOR!"))
    panel = panel_class(workspace)(ws, lambda: sub.id)
    qtbot.addWidget(panel)
    panel.resize(NARROW, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.load(ws.campaigns.get(campaign.id))
    pages = [panel.findChild(QTabWidget)] if panel.findChild(QTabWidget) is not None else []
    for index in range(pages[0].count() if pages else 1):  # each sub-tab (the briefing has three)
        if pages:
            pages[0].setCurrentIndex(index)
        qtbot.wait(50)
        scrolls = [s for s in panel.findChildren(QScrollArea) if s.isVisible() and s.widget() is not None
                   and not s.objectName().startswith("qt_")]
        assert scrolls
        for scroll in scrolls:
            needed = scroll.widget().minimumSizeHint().width()
            assert needed <= scroll.viewport().width(), \
                f"{workspace} {scroll.objectName()}: needs {needed} px, has {scroll.viewport().width()}"
            assert scroll.horizontalScrollBar().maximum() == 0


def test_the_route_table_keeps_the_place_readable_when_narrow(qtbot, ws, staff, monkeypatch):
    """Stage 7's stops: the place column never shrinks below its floor to "…"; the table scrolls
    sideways for the times and counts instead. With room, the place takes what the others leave."""
    from crew import step_actor  # tests/crew.py
    from stage_content import fill_stage  # tests/stage_content.py

    from wawaran_desktop.views.stages.dissemination import PLACE_FLOOR

    monkeypatch.setattr(responsive, "_ready_at", 0.0)
    sub, _tim = staff
    campaign = ws.campaigns.create(sub.id, "Wawaran PBB di Cipondoh", "Bayar PBB")
    for no in (1, 2):
        fill_stage(ws, step_actor(ws, campaign.id, no), campaign.id, no)
    panel = panel_class("dissemination")(ws, lambda: step_actor(ws, campaign.id, 7))
    qtbot.addWidget(panel)
    panel.resize(NARROW, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.load(ws.campaigns.get(campaign.id))
    header = panel.ui.stopsTable.horizontalHeader()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    qtbot.wait(50)
    assert header.sectionSize(1) >= PLACE_FLOOR
    panel.resize(1200, 500)
    qtbot.wait(50)
    others = sum(header.sectionSize(c) for c in range(header.count()) if c != 1)
    assert header.sectionSize(1) > PLACE_FLOOR
    assert header.sectionSize(1) + others <= panel.ui.stopsTable.viewport().width() + 1  # no sideways scrolling
