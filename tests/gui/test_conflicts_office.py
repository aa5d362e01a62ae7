"""Two people, one office record, edited in dialogs: the staff directory, the office profile, the
thresholds and a campaign's rename. A save based on an older version is refused, the dialog stays
open with what the person typed, marked, under the conflict bar (views/dialog_conflicts.py); the
person compares, takes theirs or keeps mine, and closing before choosing asks first. The other PC
is the real service writing to the same database with the version it read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from wawaran_desktop.services import timing, timing_settings
from wawaran_desktop.services.campaigns import CampaignService
from wawaran_desktop.views.campaign_dialog import CampaignDialog
from wawaran_desktop.views.conflict_bar import CompareDialog, ConflictBar
from wawaran_desktop.views.documents.profile_dialog import ProfileDialog
from wawaran_desktop.views.staff_dialog import StaffDialog
from wawaran_desktop.views.thresholds_dialog import ThresholdsDialog


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def marked(widget) -> bool:
    return widget.property("conflict") is True


# -- staff directory -----------------------------------------------------------------------
def staff_dialog_editing(qtbot, ws, person):
    dialog = shown(qtbot, StaffDialog(ws))
    dialog.ui.staffTable.selectRow(dialog.model.row_of(person.id))
    assert dialog.ui.nameEdit.text() == person.name
    return dialog


def test_a_staff_edit_after_another_pcs_is_refused_and_mine_can_be_kept_after_comparing(
        qtbot, ws, staff, modals):
    _siti, budi = staff
    dialog = staff_dialog_editing(qtbot, ws, budi)
    ui = dialog.ui
    ui.positionEdit.setText("Pranata Humas Ahli Muda")
    read = ws.staff.get(budi.id)
    ws.staff.update(budi.id, "Budi Santoso, S.I.Kom.", budi.nip, budi.position, budi.lane, True,
                    version=read.version)  # the other PC, first
    click(qtbot, ui.saveButton)

    assert dialog.conflict.pending and dialog.conflict.bar.isVisible()
    assert "Data petugas Budi Santoso" in dialog.conflict.bar.label.text()
    assert ui.positionEdit.text() == "Pranata Humas Ahli Muda" and ui.nameEdit.text() == "Budi Santoso"
    assert marked(ui.positionEdit) and not marked(ui.nameEdit)  # the name: theirs, I left it as it was
    assert not ui.errorLabel.isVisible()
    assert ws.staff.get(budi.id).name == "Budi Santoso, S.I.Kom."  # theirs stays
    dialog.grab().save("/tmp/shots/conflict-staff.png")

    def look_then_keep_mine(compare):
        assert isinstance(compare, CompareDialog)
        mine, theirs = compare.panes["Nama"]  # what keeping mine stores: their name, my position
        assert (mine.toPlainText(), theirs.toPlainText()) == ("Budi Santoso, S.I.Kom.", "Budi Santoso, S.I.Kom.")
        mine, theirs = compare.panes["Jabatan"]
        assert (mine.toPlainText(), theirs.toPlainText()) == ("Pranata Humas Ahli Muda", "Pranata Humas")
        compare.done(CompareDialog.MINE)

    modals.then(look_then_keep_mine)
    click(qtbot, dialog.conflict.bar.compare_button)
    assert modals.pending == 0
    stored = ws.staff.get(budi.id)
    assert (stored.name, stored.position, stored.version) == ("Budi Santoso, S.I.Kom.", "Pranata Humas Ahli Muda", 3)
    assert ui.nameEdit.text() == "Budi Santoso, S.I.Kom." and ui.positionEdit.text() == "Pranata Humas Ahli Muda"
    assert not dialog.conflict.pending and not marked(ui.positionEdit)
    assert dialog.changed


def test_taking_theirs_shows_the_stored_staff_entry(qtbot, ws, staff):
    siti, _budi = staff
    dialog = staff_dialog_editing(qtbot, ws, siti)
    dialog.ui.rankCombo.setCurrentText("Penata (III/c)")
    ws.staff.update(siti.id, siti.name, siti.nip, "Sub Koordinator Diseminasi", siti.lane, True,
                    rank="Penata Tingkat I (III/d)", version=ws.staff.get(siti.id).version)
    assert not dialog.save()
    click(qtbot, dialog.conflict.bar.theirs_button)
    assert dialog.ui.positionEdit.text() == "Sub Koordinator Diseminasi"
    assert dialog.ui.rankCombo.currentText() == "Penata Tingkat I (III/d)"
    assert not dialog.conflict.pending
    dialog.ui.nameEdit.setText("Siti Rahmawati, S.Sos.")
    assert dialog.save()  # over the version taken
    assert ws.staff.get(siti.id).name == "Siti Rahmawati, S.Sos."
    assert ws.staff.get(siti.id).rank == "Penata Tingkat I (III/d)"


def test_closing_the_staff_directory_with_a_refused_edit_asks_first(qtbot, ws, staff, modals):
    _siti, budi = staff
    dialog = staff_dialog_editing(qtbot, ws, budi)
    dialog.ui.positionEdit.setText("Sopir")
    ws.staff.update(budi.id, budi.name, budi.nip, "Pengemudi", budi.lane, True, version=1)
    assert not dialog.save()

    def stay(box):
        assert isinstance(box, QMessageBox) and "diubah di komputer lain" in box.text()
        box.done(QMessageBox.StandardButton.No)

    modals.then(stay)
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close))
    assert modals.pending == 0 and dialog.isVisible() and dialog.ui.positionEdit.text() == "Sopir"

    modals.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    dialog.reject()
    assert modals.pending == 0 and not dialog.isVisible()
    assert ws.staff.get(budi.id).position == "Pengemudi"


# -- thresholds ------------------------------------------------------------------------------
def test_thresholds_saved_meanwhile_refuse_mine_until_i_choose(qtbot, ws, staff):
    siti, budi = staff
    dialog = shown(qtbot, ThresholdsDialog(ws, siti.id))
    dialog.ui.atRiskSpin.setValue(70)
    timing_settings.save(ws.settings, budi.id, 0.9, 1.2, version=timing_settings.read(ws.settings).version)
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    assert dialog.isVisible() and dialog.conflict.pending
    assert budi.name in dialog.conflict.bar.label.text()
    assert dialog.ui.atRiskSpin.value() == 70 and marked(dialog.ui.atRiskSpin) and not marked(dialog.ui.lateSpin)
    assert timing_settings.load(ws.settings) == timing.Thresholds(0.9, 1.2)
    dialog.grab().save("/tmp/shots/conflict-thresholds.png")

    click(qtbot, dialog.conflict.bar.mine_button)  # keep mine (and their late one): stored, in force, closed
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert timing_settings.read(ws.settings) == (timing.Thresholds(0.7, 1.2), 2)
    assert ws.thresholds == timing.Thresholds(0.7, 1.2)


def test_taking_the_stored_thresholds_shows_them(qtbot, ws, staff):
    siti, budi = staff
    dialog = shown(qtbot, ThresholdsDialog(ws, siti.id))
    dialog.ui.lateSpin.setValue(150)
    ws.set_thresholds(budi.id, 0.6, 1.3, version=0)
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))
    click(qtbot, dialog.conflict.bar.theirs_button)
    assert (dialog.ui.atRiskSpin.value(), dialog.ui.lateSpin.value()) == (60, 130)
    assert dialog.isVisible() and not dialog.conflict.pending
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert timing_settings.read(ws.settings).version == 2


# -- office profile --------------------------------------------------------------------------
def test_a_profile_saved_meanwhile_refuses_mine_and_comparing_shows_both(qtbot, ws, staff, modals):
    siti, budi = staff
    dialog = shown(qtbot, ProfileDialog(ws, siti.id))
    dialog.ui.addressEdit.setText("Jl. Satria Sudirman No. 1, Tangerang")
    read = ws.profile.read()
    ws.profile.save(budi.id, read.profile._replace(phone="(021) 5512345"), version=read.version)
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save))

    assert dialog.isVisible() and dialog.conflict.pending and dialog.saved is None
    assert budi.name in dialog.conflict.bar.label.text() and "Profil kantor" in dialog.conflict.bar.label.text()
    assert dialog.ui.addressEdit.text() == "Jl. Satria Sudirman No. 1, Tangerang"
    assert marked(dialog.ui.addressEdit) and not marked(dialog.ui.phoneEdit) and not marked(dialog.ui.cityEdit)
    assert ws.profile.load().address == ""
    dialog.grab().save("/tmp/shots/conflict-profile.png")

    def look_then_keep_mine(compare):
        assert [pane.toPlainText() for pane in compare.panes["Alamat"]] == [
            "Jl. Satria Sudirman No. 1, Tangerang", ""]
        assert [pane.toPlainText() for pane in compare.panes["Telepon"]] == ["(021) 5512345", "(021) 5512345"]
        compare.done(CompareDialog.MINE)

    modals.then(look_then_keep_mine)
    click(qtbot, dialog.conflict.bar.compare_button)
    assert modals.pending == 0 and dialog.result() == QDialog.DialogCode.Accepted
    stored = ws.profile.read()
    assert (stored.profile.address, stored.profile.phone, stored.version) == (
        "Jl. Satria Sudirman No. 1, Tangerang", "(021) 5512345", 2)


def test_closing_with_a_refused_profile_asks_first_and_theirs_can_be_taken(qtbot, ws, staff, modals):
    siti, budi = staff
    dialog = shown(qtbot, ProfileDialog(ws, siti.id))
    dialog.ui.cityEdit.setText("Tangerang Selatan")
    ws.profile.save(budi.id, ws.profile.load()._replace(city="Kota Tangerang"), version=0)
    dialog.save()
    assert dialog.conflict.pending

    modals.then(lambda box: box.done(QMessageBox.StandardButton.No))
    click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))
    assert modals.pending == 0 and dialog.isVisible() and dialog.ui.cityEdit.text() == "Tangerang Selatan"

    assert marked(dialog.ui.cityEdit)

    click(qtbot, dialog.conflict.bar.theirs_button)
    assert dialog.ui.cityEdit.text() == "Kota Tangerang" and not marked(dialog.ui.cityEdit)
    dialog.ui.websiteEdit.setText("diskominfo.tangerangkota.go.id")
    dialog.save()  # over the version taken
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = ws.profile.read()
    assert (stored.profile.city, stored.profile.website, stored.version) == (
        "Kota Tangerang", "diskominfo.tangerangkota.go.id", 2)


# -- campaign rename -------------------------------------------------------------------------
def test_a_rename_after_another_pcs_is_refused_with_my_title_kept_and_can_be_kept(
        qtbot, ws, staff, make_window, modals):
    from crew import directory_admin

    siti, _budi = staff
    campaign = ws.campaigns.create(siti.id, "Sosialisasi PBB", "Bayar tepat waktu")
    window = make_window(ws)
    window.list.reload(select_id=campaign.id)
    assert window.record is not None and window.record.version == 1
    # The other PC: another Sub Kor (the title is step 1's lanes', the theme step 3's: a Sub Kor's in both).
    budi = ws.staff.add("Sari Puspita", None, "Analis Diseminasi", "subkor", actor_id=directory_admin())

    def type_then_refused_then_keep_mine(dialog):
        assert isinstance(dialog, CampaignDialog)
        dialog.ui.titleEdit.setText("Sosialisasi Pajak Bumi")
        CampaignService(ws).rename(budi.id, campaign.id, "Sosialisasi PBB 2027", "Bayar sebelum jatuh tempo",
                                   version=1)  # the other PC, first
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        bar = dialog.findChild(ConflictBar, "conflictBar")
        assert dialog.isVisible() and bar is not None and bar.isVisible()
        assert budi.name in bar.label.text()
        assert dialog.ui.titleEdit.text() == "Sosialisasi Pajak Bumi" and marked(dialog.ui.titleEdit)
        assert not marked(dialog.ui.themeEdit)
        assert ws.campaigns.get(campaign.id).title == "Sosialisasi PBB 2027"
        dialog.grab().save("/tmp/shots/conflict-rename.png")
        bar.mine_button.click()

    modals.then(type_then_refused_then_keep_mine)
    window.ui.actionRenameCampaign.trigger()
    assert modals.pending == 0 and not modals.errors
    stored = ws.campaigns.get(campaign.id)  # my title, their theme (I left the theme as it was)
    assert (stored.title, stored.theme, stored.version) == ("Sosialisasi Pajak Bumi", "Bayar sebelum jatuh tempo", 3)
