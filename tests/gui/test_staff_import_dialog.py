"""Impor dari Berkas…: a staff list chosen, previewed with its problem lines marked, the valid ones added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from wawaran_desktop.db.models import AuditEntry, Staff
from wawaran_desktop.views.staff_dialog import StaffDialog
from wawaran_desktop.views.staff_import_dialog import HEADERS, PROBLEM_BACKGROUND, StaffImportDialog

LIST = ("\ufeffNama;NIP;Jabatan;Pangkat;Golongan;Peran\n"
        "Drs. Heru Prasetyo;19700210 199503 1 003;Kepala Bidang DIKP;Pembina Tingkat I;IV/b;Kepala Bidang\n"
        "Siti Rahmawati;19850312 201001 2 004;Sub Koordinator DIMC;;;Sub Kor DIMC\n"  # in the directory
        "Dewi Lestari;19920715 201903 2 01;Pranata Humas;;;Tim\n"  # 17 digits
        "Agus Salim;-;Pengemudi;;;Kernet\n"
        "Wahyu Nugroho;;Operator;;;Humas\n")  # no such lane


def _list(tmp_path, text=LIST, name="Daftar Pegawai.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _dialog(qtbot, ws, **kwargs):
    dialog = StaffImportDialog(ws, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _cells(dialog, column):
    table = dialog.ui.previewTable
    return [table.item(r, HEADERS.index(column)).text() for r in range(table.rowCount())]


def test_the_preview_marks_each_problem_line_with_its_reason_and_adds_only_valid_ones(
        qtbot, ws, staff, tmp_path):
    sub = staff[0]
    dialog = _dialog(qtbot, ws, actor_id=sub.id)
    ui = dialog.ui
    assert not ui.addButton.isEnabled()
    assert dialog.load(_list(tmp_path))
    assert _cells(dialog, "Nama") == ["Drs. Heru Prasetyo", "Siti Rahmawati", "Dewi Lestari", "Agus Salim",
                                      "Wahyu Nugroho"]
    assert _cells(dialog, "NIP") == ["19700210 199503 1 003", "19850312 201001 2 004", "19920715 201903 2 01",
                                     "", ""]
    assert _cells(dialog, "Pangkat/Gol.")[0] == "Pembina Tingkat I (IV/b)"
    assert _cells(dialog, "Peran") == ["Kepala Bidang DIKP", "Sub Kor DIMC", "Tim", "Kernet/Supir", "Humas"]
    reasons = _cells(dialog, "Keterangan")
    assert reasons[0] == reasons[3] == "Siap ditambahkan"
    assert reasons[1] == "Sudah terdaftar di direktori (NIP milik Siti Rahmawati)."
    assert reasons[2] == "Tidak ditambahkan: NIP harus 18 digit (terisi 17 digit)."
    assert reasons[4].startswith('Tidak ditambahkan: Peran "Humas" tidak dikenal')
    table = ui.previewTable
    marked = [table.item(r, 1).background().color() == PROBLEM_BACKGROUND for r in range(table.rowCount())]
    assert marked == [False, False, True, False, True]
    assert table.item(4, 1).toolTip() == reasons[4]  # the whole reason, also where the column cuts it
    assert ui.summaryLabel.text() == "5 baris: 2 siap ditambahkan, 1 sudah terdaftar, 2 bermasalah."
    assert ui.addButton.isEnabled() and ui.addButton.text().replace("&", "") == "Tambahkan 2 petugas"
    assert Staff.select().count() == 2  # a preview stores nothing

    qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)
    assert sorted(s.name for s in ws.staff.list()) == ["Agus Salim", "Budi Santoso", "Drs. Heru Prasetyo",
                                                       "Siti Rahmawati"]
    audits = AuditEntry.select().where(AuditEntry.action == "staff_import")
    assert [(a.actor_name, a.detail.split(": ")[1]) for a in audits.order_by(AuditEntry.id)] == [
        ("Siti Rahmawati", "Drs. Heru Prasetyo (dari Daftar Pegawai.csv, baris 2)"),
        ("Siti Rahmawati", "Agus Salim (dari Daftar Pegawai.csv, baris 5)")]
    assert dialog.added == 2
    assert ui.summaryLabel.text().startswith("2 petugas ditambahkan, 1 sudah terdaftar, 2 baris bermasalah")
    assert _cells(dialog, "Keterangan")[0].startswith("Sudah terdaftar di direktori")
    assert not ui.addButton.isEnabled() and ui.addButton.text().replace("&", "") == "Tambahkan 0 petugas"


def test_a_bad_file_says_why_and_nothing_can_be_added(qtbot, ws, tmp_path):
    dialog = _dialog(qtbot, ws)
    ui = dialog.ui
    assert dialog.load(_list(tmp_path))
    assert ui.previewTable.rowCount() == 5
    old = tmp_path / "lama.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert not dialog.load(old)
    assert ui.errorLabel.isVisible()
    assert ui.errorLabel.text().startswith("Format .xls (Excel 97–2003) tidak didukung")
    assert ui.previewTable.rowCount() == 0 and not ui.addButton.isEnabled()
    assert dialog.load(_list(tmp_path))  # a good file again clears the message
    assert not ui.errorLabel.isVisible()
    assert Staff.select().count() == 0


def test_pilih_berkas_opens_the_file_dialog_for_xlsx_and_csv(qtbot, ws, tmp_path, modals):
    path = _list(tmp_path, "Name,Role\nAgus,tim\n", name="staff.csv")
    dialog = _dialog(qtbot, ws)

    def pick(file_dialog):
        assert isinstance(file_dialog, QFileDialog)
        assert file_dialog.windowTitle() == "Pilih Daftar Petugas"
        assert "Daftar petugas (*.xlsx *.csv)" in file_dialog.nameFilters()
        file_dialog.setDirectory(str(tmp_path))
        file_dialog.selectFile(path.name)
        file_dialog.accept()

    modals.then(pick)
    qtbot.mouseClick(dialog.ui.chooseButton, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not modals.errors
    assert dialog.ui.fileEdit.text() == str(path)
    assert _cells(dialog, "Nama") == ["Agus"]
    assert dialog.ui.addButton.isEnabled()


def test_the_staff_directory_opens_the_import_and_shows_who_was_added(qtbot, ws, staff, tmp_path, modals):
    directory = StaffDialog(ws, actor_id=staff[1].id)
    qtbot.addWidget(directory)
    directory.show()
    assert directory.ui.importButton.text().replace("&", "") == "Impor dari Berkas…"
    assert directory.model.rowCount() == 2
    seen = []

    def import_list(dialog):
        seen.append((type(dialog), dialog.actor_id))
        dialog.load(_list(tmp_path))
        dialog.ui.addButton.click()
        dialog.reject()

    modals.then(import_list)
    qtbot.mouseClick(directory.ui.importButton, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not modals.errors
    assert seen == [(StaffImportDialog, staff[1].id)]
    assert directory.changed
    assert directory.model.rowCount() == 4  # the two added, in the list at once
    audit = AuditEntry.get(AuditEntry.action == "staff_import")
    assert audit.actor_name == "Budi Santoso"


def test_closing_the_import_without_adding_leaves_the_directory_as_it_was(qtbot, ws, staff, tmp_path, modals):
    directory = StaffDialog(ws)
    qtbot.addWidget(directory)
    directory.show()

    def look_and_close(dialog):
        dialog.load(_list(tmp_path))
        dialog.reject()

    modals.then(look_and_close)
    qtbot.mouseClick(directory.ui.importButton, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not modals.errors
    assert not directory.changed and directory.model.rowCount() == 2
    assert Staff.select().count() == 2
