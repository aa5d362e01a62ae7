"""The office profile dialog, driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from wawaran_desktop.services import office_profile
from wawaran_desktop.views.documents import profile_dialog
from wawaran_desktop.views.documents.profile_dialog import ProfileDialog


@pytest.fixture
def dialog(qtbot, ws, staff):
    ws.staff.add("Rina Marlina, S.Sos., M.Si.", "19780315 200501 2 007", "Kepala Bidang DIKP", "kabid")
    widget = ProfileDialog(ws, staff[0].id)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def logo_file(tmp_path, colour=QColor(0, 120, 60)):
    image = QImage(100, 100, QImage.Format.Format_RGB32)
    image.fill(colour)
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def test_opens_with_the_defaults(dialog):
    ui = dialog.ui
    assert ui.governmentEdit.text() == "PEMERINTAH KOTA TANGERANG"
    assert ui.cityEdit.text() == "Tangerang"
    assert ui.kepalaDinasNameEdit.text() == "Hj. INDRI ASTUTI, SH, M.Si"
    assert ui.kepalaDinasNipEdit.text() == "19730104 199703 2 001"
    assert ui.kepalaBidangNameEdit.text() == "Rina Marlina, S.Sos., M.Si."
    assert ui.kepalaBidangStaffCombo.currentText().startswith("Rina Marlina")
    assert ui.subKorNameEdit.text() == "Siti Rahmawati"
    assert ui.dispositionPaperCombo.count() == 3 and ui.paperCombo.count() == 2
    assert ui.logoPreview.text() == "tanpa logo" and not ui.removeLogoButton.isEnabled()


def test_signatory_taken_from_the_directory_then_saved(qtbot, ws, staff, dialog):
    ui = dialog.ui
    combo = ui.subKorStaffCombo
    combo.setCurrentIndex(combo.findData(staff[1].id))
    combo.activated.emit(combo.currentIndex())
    assert ui.subKorNameEdit.text() == "Budi Santoso"
    assert ui.subKorNipEdit.text() == "19900101 201501 1 002"
    assert ui.subKorPositionEdit.text() == "Pranata Humas"
    ui.dispositionPaperCombo.setCurrentIndex(ui.dispositionPaperCombo.findData("half_folio"))
    ui.addressEdit.setText("Jl. Satria Sudirman No. 1, Kota Tangerang")
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == ProfileDialog.DialogCode.Accepted
    stored = ws.profile.load()
    assert stored.sub_kor == office_profile.Signatory("Budi Santoso", "199001012015011002", "Pranata Humas",
                                                      staff[1].id)
    assert stored.disposition_paper == "half_folio"
    assert stored.address == "Jl. Satria Sudirman No. 1, Kota Tangerang"


def test_a_name_typed_by_hand_is_no_longer_the_directory_entry(qtbot, ws, dialog):
    ui = dialog.ui
    ui.kepalaBidangNameEdit.clear()
    qtbot.keyClicks(ui.kepalaBidangNameEdit, "Drs. Ahmad Yani")
    assert ui.kepalaBidangStaffCombo.currentIndex() == 0
    dialog.save()
    assert ws.profile.load().kepala_bidang.staff_id is None
    assert ws.profile.load().kepala_bidang.name == "Drs. Ahmad Yani"


def test_a_wrong_nip_is_shown_on_its_tab_and_nothing_is_stored(ws, dialog):
    ui = dialog.ui
    ui.kepalaBidangNipEdit.setText("1978 0315")
    dialog.save()
    assert dialog.isVisible()
    assert ui.errorLabel.isVisible() and ui.errorLabel.text().startswith("Kepala Bidang: NIP harus 18 digit")
    assert ui.tabs.currentWidget() is ui.signersTab
    assert ui.kepalaBidangNipEdit.hasFocus()
    assert ws.profile.load() == ws.profile.defaults()


def test_logo_chosen_previewed_and_stored(monkeypatch, ws, dialog, tmp_path):
    monkeypatch.setattr(profile_dialog, "ask_logo_path", lambda parent: str(logo_file(tmp_path)))
    dialog.ui.chooseLogoButton.click()
    assert not dialog.ui.logoPreview.pixmap().isNull() and dialog.ui.removeLogoButton.isEnabled()
    dialog.save()
    stored = ws.profile.load().logo
    assert stored is not None and stored.parent == ws.data_dir / "office"
    assert QImage(str(stored)).pixelColor(50, 50) == QColor(0, 120, 60)


def test_a_file_that_is_no_picture_is_refused(monkeypatch, ws, dialog, tmp_path):
    bad = tmp_path / "logo.png"
    bad.write_text("bukan gambar")
    monkeypatch.setattr(profile_dialog, "ask_logo_path", lambda parent: str(bad))
    dialog.ui.chooseLogoButton.click()
    assert "PNG atau JPEG" in dialog.ui.errorLabel.text() and dialog.ui.errorLabel.isVisible()
    assert dialog.ui.logoPreview.text() == "tanpa logo"


def test_rank_comes_from_the_directory_or_is_typed_and_is_stored(qtbot, ws, dialog):
    heru = ws.staff.add("Drs. Heru Prasetyo", "19700210 199503 1 003", "Kepala Bidang DIKP", "kabid",
                        rank="Pembina Tingkat I (IV/b)")
    again = ProfileDialog(ws, heru.id)  # the directory as it is now
    qtbot.addWidget(again)
    ui = again.ui
    combo = ui.kepalaBidangStaffCombo
    combo.setCurrentIndex(combo.findData(heru.id))
    combo.activated.emit(combo.currentIndex())
    assert ui.kepalaBidangRankEdit.text() == "Pembina Tingkat I (IV/b)"
    ui.kepalaDinasRankEdit.setText("Pembina Utama Muda (IV/c)")  # the head of office, typed
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    stored = ws.profile.load()
    assert (stored.kepala_bidang.rank, stored.kepala_dinas.rank, stored.sub_kor.rank) == (
        "Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)", "")
    reopened = ProfileDialog(ws, heru.id)
    qtbot.addWidget(reopened)
    assert reopened.ui.kepalaDinasRankEdit.text() == "Pembina Utama Muda (IV/c)"


def test_an_overlong_rank_is_refused_and_nothing_stored(ws, dialog):
    dialog.ui.subKorRankEdit.setText("Penata " * 12)
    dialog.save()
    assert dialog.ui.errorLabel.isVisible()
    assert "Pangkat/golongan Sub Koordinator terlalu panjang" in dialog.ui.errorLabel.text()
    assert dialog.ui.tabs.currentWidget() is dialog.ui.signersTab
    assert dialog.focusWidget() is dialog.ui.subKorRankEdit
    assert not ws.profile.is_stored()


def test_rank_fields_suggest_the_civil_service_ranks(dialog):
    from PySide6.QtWidgets import QCompleter

    for edit in (dialog.ui.kepalaDinasRankEdit, dialog.ui.kepalaBidangRankEdit, dialog.ui.subKorRankEdit):
        completer = edit.completer()
        assert completer.completionMode() == QCompleter.CompletionMode.PopupCompletion
        completer.setCompletionPrefix("utama muda")
        found = completer.completionModel()
        assert [found.index(i, 0).data() for i in range(found.rowCount())] == ["Pembina Utama Muda (IV/c)"]


def test_a_signatory_no_longer_active_still_shows_where_it_came_from(qtbot, ws, staff, dialog):
    sub = staff[0]  # the profile's Sub Koordinator, from the directory
    ws.profile.save(staff[1].id, ws.profile.load())
    ws.staff.update(sub.id, sub.name, sub.nip, sub.position, sub.lane, active=False)
    again = ProfileDialog(ws, staff[1].id)
    qtbot.addWidget(again)
    assert again.ui.subKorStaffCombo.currentText() == f"{sub.name} (nonaktif)"
    assert again.ui.subKorStaffCombo.currentData() == sub.id
