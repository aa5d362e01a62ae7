"""Tugas Saya in the window: the dock after sign-in, the count in the status bar, a task opens its stage."""

from __future__ import annotations

from accounts import PASSWORD, account_for
from stage_content import fill_stage

from wawaran_desktop.views.sign_in_dialog import SignInDialog


def test_the_dock_shows_the_persons_work_and_opens_the_stage(qtbot, make_window, modals, ws, staff):
    sub, tim = staff
    cid = ws.campaigns.create(sub.id, "Wawaran PBB di Cipondoh", "Jatuh tempo PBB").id
    window = make_window(ws, sub.id)
    account_for(ws, tim.id)
    dock = window.my_tasks
    qtbot.waitUntil(lambda: dock.dock is not None and dock.dock.isVisible())
    assert dock.button.text() == "Tugas Saya: 1"  # step 1, data collection: the Sub Kor's, ready to start
    tree = dock.panel.ui.taskTree
    steps = tree.topLevelItem(0)
    assert steps.childCount() == 1 and "Tahap 1" in steps.child(0).text(0)
    assert dock.dock.windowTitle() == "Tugas Saya (1)"

    def as_budi(dialog):
        assert isinstance(dialog, SignInDialog)
        dialog.ui.usernameEdit.setText("budi_santoso")
        dialog.ui.passwordEdit.setText(PASSWORD)
        dialog.ui.okButton.click()

    ws.steps.start(sub.id, cid, 1)
    fill_stage(ws, sub.id, cid, 1)
    ws.steps.finish(sub.id, cid, 1)
    modals.then(as_budi)
    window.ui.actionSwitchUser.trigger()
    assert not modals.errors
    assert window.current_actor() == tim.id
    texts = [tree.topLevelItem(0).child(i).text(0) for i in range(tree.topLevelItem(0).childCount())]
    assert any("Tahap 2" in text for text in texts)  # the briefing: Tim supports it
    item = next(tree.topLevelItem(0).child(i) for i, text in enumerate(texts) if "Tahap 2" in text)
    tree.setCurrentItem(item)
    dock.panel.ui.openButton.click()
    assert window.record.id == cid
    assert window.ui.stageTabs.currentIndex() == 1
    assert dock.button.text() == "Tugas Saya: 1"  # Budi's: the briefing, ready to start
