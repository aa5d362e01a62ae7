"""Issue 13's "done when", as a new user would go: a fresh data folder, the first-start assistant
sets up the office and three people of other lanes; each signs in (replacing the one-time
password) and can do only their lane's steps; a refusal says who may; Tugas Saya shows each
their work; the administrator acts outside a lane with a reason that appears in the history."""

from __future__ import annotations

from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWizard

from wawaran_desktop.db.models import AuditEntry, LaneOverride
from wawaran_desktop.services.accounts import AccountService
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.views.first_start import run_first_start
from wawaran_desktop.views.main_window import MainWindow
from wawaran_desktop.views.sign_in_dialog import CHANGE, SignInDialog

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
ADMIN_PASSWORD = "kopi pagi di balai kota"
TEAM = (("Siti Rahmawati", "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor"),
        ("Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim"),
        ("Agus Salim", "", "Pengemudi", "kernet"))


def next_page(qtbot, wizard):
    which = QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage() \
        else QWizard.WizardButton.NextButton
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def set_up_office(qtbot, modals, ws) -> tuple[object, dict[str, str]]:
    """The assistant, filled as the new Kepala Bidang would: (the signed-in administrator,
    one-time passwords by user name)."""
    passwords: dict[str, str] = {}

    def fill(wizard):
        next_page(qtbot, wizard)  # welcome
        wizard.profile_page.ui.skipCheck.setChecked(True)
        next_page(qtbot, wizard)
        ui = wizard.admin_page.ui
        ui.nameEdit.setText("Hendra Gunawan")
        ui.nipEdit.setText("19700805 199503 1 002")
        ui.positionEdit.setText("Kepala Bidang DIKP")
        ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("kabid"))
        ui.passwordEdit.setText(ADMIN_PASSWORD)
        ui.repeatEdit.setText(ADMIN_PASSWORD)
        next_page(qtbot, wizard)
        team = wizard.team_page.ui
        for name, nip, position, lane in TEAM:
            team.nameEdit.setText(name)
            team.nipEdit.setText(nip)
            team.positionEdit.setText(position)
            team.laneCombo.setCurrentIndex(team.laneCombo.findData(lane))
            qtbot.mouseClick(team.addButton, Qt.MouseButton.LeftButton)
        team.otpCheck.setChecked(True)
        next_page(qtbot, wizard)  # the team
        next_page(qtbot, wizard)  # this PC only: Simpan
        table = wizard.done_page.ui.passwordTable
        passwords.update({table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())})
        wizard.accept()

    modals.then(fill)
    admin = run_first_start(ws)
    assert not modals.errors
    return admin, passwords


def sign_in_as(qtbot, username: str, one_time: str, new_password: str):
    """Ganti Pengguna's dialog: the one-time password, then the person's own."""
    def handler(dialog):
        assert isinstance(dialog, SignInDialog)
        dialog.ui.usernameEdit.setText(username)
        dialog.ui.passwordEdit.setText(one_time)
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
        assert dialog.ui.pages.currentIndex() == CHANGE
        dialog.ui.newEdit.setText(new_password)
        dialog.ui.repeatEdit.setText(new_password)
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
    return handler


def warned(seen: list[str]):
    def handler(box):
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        box.accept()
    return handler


def answer(text: str | None, seen: list[str] | None = None):
    def handler(dialog):
        assert isinstance(dialog, QInputDialog), dialog
        if seen is not None:
            seen.append(dialog.labelText())
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()
    return handler


def tasks(window) -> list[str]:
    window.my_tasks.show_dock()
    tree = window.my_tasks.panel.ui.taskTree
    return [tree.topLevelItem(g).child(i).text(0) for g in range(tree.topLevelItemCount())
            for i in range(tree.topLevelItem(g).childCount())]


def test_a_new_office_three_lanes_each_only_their_steps_and_the_admin_with_a_reason(qtbot, modals, ws):
    ws.accounts = AccountService(ws, hasher=FAST)
    admin, passwords = set_up_office(qtbot, modals, ws)
    assert (admin.name, admin.lane, admin.is_admin) == ("Hendra Gunawan", "kabid", True)
    assert sorted(passwords) == ["agus_salim", "budi_santoso", "siti_rahmawati"]
    window = MainWindow(ws, admin)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.ui.accountLabel.text() == "Hendra Gunawan (Kepala Bidang DIKP, administrator)"

    # The Kepala Bidang does not open campaigns: the SOP starts with the Sub Kor's data collection.
    refusals: list[str] = []
    modals.then(warned(refusals))
    window.ui.actionNewCampaign.trigger()
    assert not modals.errors
    assert "Kampanye dibuat dan diatur oleh Sub Kor DIMC atau Tim" in refusals[0]

    # Siti (Sub Kor) signs in with her one-time password, makes the campaign and starts step 1.
    modals.then(sign_in_as(qtbot, "siti_rahmawati", passwords["siti_rahmawati"], "siti-punya-sandi"))
    window.ui.actionSwitchUser.trigger()
    assert not modals.errors and window.ui.accountLabel.text() == "Siti Rahmawati (Sub Kor DIMC)"
    siti = window.current_actor()
    cid = ws.campaigns.create(siti, "Wawaran Pencegahan DBD", "3M Plus").id
    window.list.reload(select_id=cid)
    window.show_campaign_stage(cid, 1)
    qtbot.mouseClick(window.stages.stage(1).ui.startButton, Qt.MouseButton.LeftButton)
    assert ws.campaigns.get(cid).steps[0].state.value == "running"
    assert any("Tahap 1" in text for text in tasks(window))  # her running step waits for her

    # Step 4 is the Tim's: Siti is refused, and told who may.
    window.show_campaign_stage(cid, 4)
    modals.then(warned(refusals))  # (who may comes first: no reason is asked of someone who may not)
    qtbot.mouseClick(window.stages.stage(4).ui.startButton, Qt.MouseButton.LeftButton)
    assert not modals.errors
    assert refusals[-1] == ("Tahap 4 (Narasi) dikerjakan oleh Tim. Siti Rahmawati (Sub Kor DIMC) tidak termasuk "
                            "pelaksananya.")
    assert ws.campaigns.get(cid).steps[3].state.name == "NOT_STARTED"

    # Budi (Tim) signs in: Tugas Saya shows the data collection he supports; he may start step 4.
    modals.then(sign_in_as(qtbot, "budi_santoso", passwords["budi_santoso"], "budi-punya-sandi"))
    window.ui.actionSwitchUser.trigger()
    assert not modals.errors and window.current_actor() != siti
    assert any("Tahap 1" in text for text in tasks(window))
    window.show_campaign_stage(cid, 4)
    modals.then(answer("Narasi disiapkan sambil menunggu data"))
    qtbot.mouseClick(window.stages.stage(4).ui.startButton, Qt.MouseButton.LeftButton)
    assert not modals.errors
    assert ws.campaigns.get(cid).steps[3].state.name == "RUNNING"

    # Agus (Kernet/Supir) may not touch the theme (the Kepala Bidang's, the Sub Kor's support).
    modals.then(sign_in_as(qtbot, "agus_salim", passwords["agus_salim"], "agus-punya-sandi"))
    window.ui.actionSwitchUser.trigger()
    window.show_campaign_stage(cid, 3)
    modals.then(warned(refusals))
    qtbot.mouseClick(window.stages.stage(3).ui.startButton, Qt.MouseButton.LeftButton)
    assert not modals.errors
    assert refusals[-1].startswith("Tahap 3 (Tema) dikerjakan oleh Kepala Bidang DIKP atau Sub Kor DIMC.")

    # The administrator acts in step 7 (the Kernet's and the Tim's) with a reason, kept in the history.
    def as_hendra(dialog):
        dialog.ui.usernameEdit.setText(admin.username)
        dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)

    modals.then(as_hendra)
    window.ui.actionSwitchUser.trigger()
    window.show_campaign_stage(cid, 7)
    questions: list[str] = []
    modals.then(answer("Kernet sakit; Kabid memandu siaran hari ini", questions)) \
        .then(answer("Langsung menyiarkan pengumuman darurat", questions))
    qtbot.mouseClick(window.stages.stage(7).ui.startButton, Qt.MouseButton.LeftButton)
    assert not modals.errors
    assert questions[0].startswith("Tahap 7 (Diseminasi) dikerjakan oleh Kernet/Supir atau Tim. Hendra Gunawan "
                                   "(Kepala Bidang DIKP) tidak termasuk pelaksananya. Sebagai administrator Anda "
                                   "dapat bertindak di luar lajur")
    assert questions[1].startswith("Tahap 6 belum selesai.")  # then the SOP's own rule, as for anyone
    assert ws.campaigns.get(cid).steps[6].state.name == "RUNNING"
    override = LaneOverride.get()
    assert (override.step_no, override.reason) == (7, "Kernet sakit; Kabid memandu siaran hari ini")
    audit = AuditEntry.get(AuditEntry.action == "lane_override")
    assert audit.actor_name == "Hendra Gunawan" and "Kernet sakit" in audit.detail
    assert audit.account_id == admin.id
    assert HistoryService(ws).verify().whole
    window.flush = lambda: True
    window.close()
