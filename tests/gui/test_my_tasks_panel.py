"""*Tugas Saya*: the panel shows what waits for the person, grouped, and opens it on request."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from stage_content import READINESS_REASON, fill_stage  # tests/stage_content.py

from wawaran_desktop.services.stages.disposition import DispositionDraft
from wawaran_desktop.services.stages.disposition import Service as DispositionService
from wawaran_desktop.services.stages.disposition_status import DispositionStatusService
from wawaran_desktop.views.my_tasks import NOBODY, NOTHING, TARGET_ROLE, MyTasksPanel


class Person:
    """Who the panel shows the tasks of; the test changes it as a sign-in would."""

    def __init__(self, staff_id: int | None = None) -> None:
        self.staff_id = staff_id

    def __call__(self) -> int | None:
        return self.staff_id


@pytest.fixture
def office(ws, staff):
    sub, budi = staff
    kabid = ws.staff.add("Hendra Gunawan", None, "Kepala Bidang DIKP", "kabid")
    agus = ws.staff.add("Agus Supriatna", None, "Pengemudi", "kernet")
    return {"subkor": sub, "tim": budi, "kabid": kabid, "kernet": agus}


@pytest.fixture
def make_panel(qtbot, ws):
    def make(staff_id: int | None) -> tuple[MyTasksPanel, Person, list[int]]:
        person = Person(staff_id)
        panel = MyTasksPanel(ws, person)
        counts: list[int] = []
        panel.countChanged.connect(counts.append)
        qtbot.addWidget(panel)
        panel.resize(900, 480)
        panel.show()
        qtbot.waitExposed(panel)
        panel.refresh()
        return panel, person, counts

    return make


def shown(panel) -> dict[str, list[list[str]]]:
    """Each group's heading -> its rows' texts (the children of a row follow it, indented)."""
    tree = panel.ui.taskTree
    result = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        rows = []
        for j in range(group.childCount()):
            item = group.child(j)
            rows.append([item.text(c) for c in range(4)])
            rows.extend(["  " + item.child(k).text(0), *(item.child(k).text(c) for c in (2, 3))]
                        for k in range(item.childCount()))
        result[group.text(0)] = rows
    return result


def dispose(ws, sub, cid, *people):
    service = DispositionService(ws)
    return service.save(sub.id, cid, DispositionDraft(
        disposed_on=ws.today(), hal="Pelaksanaan wawaran", recipient_ids=tuple(p.id for p in people),
        instructions=("Untuk dilaksanakan",), signer_id=sub.id))


def test_nobody_chosen_says_what_to_do(make_panel):
    panel, _person, counts = make_panel(None)
    assert panel.ui.emptyLabel.isVisible() and panel.ui.emptyLabel.text() == NOBODY
    assert not panel.ui.taskTree.isVisible()
    assert counts == [0] and panel.count == 0


def test_nothing_waiting_says_so(make_panel, office):
    panel, _person, counts = make_panel(office["kernet"].id)
    assert panel.ui.emptyLabel.text() == NOTHING and not panel.ui.taskTree.isVisible()
    assert counts == [0]


def test_steps_and_dispositions_are_grouped_with_their_status_and_time(ws, clock, make_panel, office):
    sub, budi = office["subkor"], office["tim"]
    running = ws.campaigns.create(sub.id, "Wawaran PBB").id
    waiting = ws.campaigns.create(sub.id, "Wawaran DBD").id
    ws.steps.start(sub.id, running, 1)
    clock.advance(minutes=12, seconds=5)
    record = dispose(ws, sub, running, budi)
    panel, _person, counts = make_panel(sub.id)
    rows = shown(panel)
    assert list(rows) == ["Tahap (2 menunggu)", "Disposisi (0 menunggu)"]
    steps = rows["Tahap (2 menunggu)"]
    assert steps[0][:3] == ["Tahap 1 — Pengumpulan Data", "Wawaran PBB", "Berjalan"]
    assert steps[0][3].startswith("12 mnt 0") and steps[0][3].endswith(" dtk / 20 mnt")
    assert steps[1] == ["Tahap 1 — Pengumpulan Data", "Wawaran DBD", "Siap dimulai", "baku 20 mnt"]
    assert rows["Disposisi (0 menunggu)"] == [
        [f"Ditandatangani {record.agenda_number}", "Wawaran PBB", "0 dari 1 ditindaklanjuti", ""],
        ["  Budi Santoso", "Belum dibaca", ""]]
    assert counts == [2] and panel.ui.summaryLabel.text() == "2 menunggu Anda"
    assert waiting != running


def test_a_recipient_sees_the_status_move_on_and_the_count_follow(ws, make_panel, office):
    sub, budi = office["subkor"], office["tim"]
    cid = ws.campaigns.create(sub.id, "Wawaran PBB").id
    record = dispose(ws, sub, cid, budi)
    panel, _person, counts = make_panel(budi.id)
    rows = shown(panel)
    assert rows["Disposisi (1 menunggu)"] == [[f"Disposisi {record.agenda_number}", "Wawaran PBB", "Belum dibaca", ""]]
    assert counts == [2]  # step 1 (the team supports it) and the disposition
    DispositionStatusService(ws).mark_read(budi.id, cid)  # 06.30 WIB by the test's clock
    panel.refresh()
    row = shown(panel)["Disposisi (1 menunggu)"][0]
    assert row[2:] == ["Dibaca", "27 November 2026 pukul 06.30 WIB"]
    assert counts == [2]  # read is not done: nothing changed to tell
    DispositionStatusService(ws).record_follow_up(budi.id, cid, "Siap berangkat")
    panel.ui.refreshButton.click()
    assert shown(panel)["Disposisi (0 menunggu)"][0][2] == "Ditindaklanjuti"
    assert counts == [2, 1] and panel.count == 1


def test_an_evaluation_to_receive_waits_for_the_kabid(ws, make_panel, office):
    cid = ws.campaigns.create(office["subkor"].id, "Wawaran PBB").id
    for no in range(1, 9):
        person = office[ws.sop.activity(no).lane].id
        ws.steps.start(person, cid, no)
        fill_stage(ws, person, cid, no)
        ws.steps.finish(person, cid, no, reason=READINESS_REASON if no == 6 else None)
    panel, _person, counts = make_panel(office["kabid"].id)
    rows = shown(panel)
    assert rows["Evaluasi (1 menunggu)"] == [["Tahap 9 — Terima laporan", "Wawaran PBB", "Laporan selesai", ""]]
    assert rows["Tahap (1 menunggu)"][0][:3] == ["Tahap 9 — Evaluasi", "Wawaran PBB", "Siap dimulai"]
    assert counts == [2]


def test_double_click_enter_and_open_emit_the_campaign_and_step(qtbot, ws, make_panel, office):
    sub, budi = office["subkor"], office["tim"]
    cid = ws.campaigns.create(sub.id, "Wawaran PBB").id
    dispose(ws, sub, cid, budi)
    panel, _person, _counts = make_panel(budi.id)
    tree = panel.ui.taskTree
    disposition = tree.topLevelItem(1).child(0)
    assert tree.topLevelItem(1).text(0) == "Disposisi (1 menunggu)"
    tree.scrollToItem(disposition)
    point = tree.visualItemRect(disposition).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)  # a double click's first press
    with qtbot.waitSignal(panel.openStep) as opened:
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.args == [cid, 5]
    step = tree.topLevelItem(0).child(0)
    tree.setCurrentItem(step)
    tree.setFocus()
    with qtbot.waitSignal(panel.openStep) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == [cid, 1]
    assert panel.ui.openButton.isEnabled()
    with qtbot.waitSignal(panel.openStep) as opened:
        qtbot.mouseClick(panel.ui.openButton, Qt.MouseButton.LeftButton)
    assert opened.args == [cid, 1]
    tree.setCurrentItem(tree.topLevelItem(0))  # a group heading leads nowhere
    assert tree.topLevelItem(0).data(0, TARGET_ROLE) is None and not panel.ui.openButton.isEnabled()


def test_a_refresh_keeps_the_selected_row_and_follows_the_person(ws, make_panel, office):
    sub, budi = office["subkor"], office["tim"]
    first = ws.campaigns.create(sub.id, "Wawaran PBB").id
    second = ws.campaigns.create(sub.id, "Wawaran DBD").id
    panel, person, counts = make_panel(budi.id)
    tree = panel.ui.taskTree
    tree.setCurrentItem(tree.topLevelItem(0).child(1))
    assert tree.currentItem().text(1) == "Wawaran DBD"
    ws.steps.start(sub.id, second, 1)  # it moves to the top: running before ready
    panel.refresh()
    assert tree.currentItem().text(1) == "Wawaran DBD" and tree.currentItem().text(2) == "Berjalan"
    person.staff_id = office["kernet"].id
    panel.refresh()
    assert panel.ui.emptyLabel.text() == NOTHING
    assert counts == [2, 0] and first != second
