"""The first-start assistant: a new data folder's pages filled and saved, a database from before
accounts, the entry point, cancelling; every stored result read back through the services."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWizard

from wawaran_desktop.db.models import Account, AuditEntry, Staff
from wawaran_desktop.services.accounts import AccountService, SignInRefused
from wawaran_desktop.views import first_start_pages
from wawaran_desktop.views.first_start import (
    ADMIN_ID,
    DONE_ID,
    PROFILE_ID,
    TEAM_ID,
    WELCOME_ID,
    WHERE_ID,
    FirstStartWizard,
    run_first_start,
)
from wawaran_desktop.views.first_start_team import USERNAME, TeamImportDialog

#: A cheap argon2 profile for tests (the application's takes ~0.1 s a hash).
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "kopi pagi di balai kota"


@pytest.fixture
def fast(ws):
    ws.accounts = AccountService(ws, hasher=FAST)  # over the cached property: the wizard's services use it
    return ws.accounts


@pytest.fixture(autouse=True)
def no_windows_name(monkeypatch):
    """The PC's user name does not pre-fill the user name (one test sets its own)."""
    monkeypatch.setattr("getpass.getuser", lambda: "administrator")


def _wizard(qtbot, ws) -> FirstStartWizard:
    wizard = FirstStartWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _next(qtbot, wizard: FirstStartWizard) -> None:
    """Click Lanjut (or Simpan on the commit page)."""
    which = QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage() \
        else QWizard.WizardButton.NextButton
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def _fill_admin(wizard, name="Siti Rahmawati, S.Kom", nip="19850312 201001 2 004", position="Sub Koordinator DIMC",
                password=PASSWORD, repeat=None, lane="subkor") -> None:
    ui = wizard.admin_page.ui
    ui.nameEdit.setText(name)
    ui.nipEdit.setText(nip)
    ui.positionEdit.setText(position)
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData(lane))
    ui.passwordEdit.setText(password)
    ui.repeatEdit.setText(password if repeat is None else repeat)


def _type_member(qtbot, wizard, name, nip, position, lane) -> None:
    ui = wizard.team_page.ui
    ui.nameEdit.setText(name)
    ui.nipEdit.setText(nip)
    ui.positionEdit.setText(position)
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData(lane))
    qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)


def _to_admin_page(qtbot, wizard, skip_profile=True) -> None:
    _next(qtbot, wizard)
    wizard.profile_page.ui.skipCheck.setChecked(skip_profile)
    _next(qtbot, wizard)
    assert wizard.currentId() == ADMIN_ID


def _table(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a_new_folder_every_page_filled_then_saved_and_the_administrator_signed_in(
        qtbot, ws, fast, modals, tmp_path):
    wizard = _wizard(qtbot, ws)
    assert wizard.pageIds() == [WELCOME_ID, PROFILE_ID, ADMIN_ID, TEAM_ID, WHERE_ID, DONE_ID]
    assert str(ws.data_dir) in wizard.currentPage().ui.folderLabel.text()
    _next(qtbot, wizard)

    form = wizard.profile_page.form.ui  # the office profile dialog's own form
    assert form.officeEdit.text() == "DINAS KOMUNIKASI DAN INFORMATIKA"
    form.addressEdit.setText("Jl. Satria Sudirman No. 1, Kota Tangerang")
    form.phoneEdit.setText("(021) 5584444")
    form.emailEdit.setText("diskominfo@tangerangkota.go.id")
    _next(qtbot, wizard)

    _fill_admin(wizard)
    assert wizard.admin_page.ui.usernameEdit.text() == "siti_rahmawati"  # suggested from the name
    _next(qtbot, wizard)
    assert wizard.currentId() == TEAM_ID
    _type_member(qtbot, wizard, "Drs. Heru Prasetyo, M.Si", "19700210 199503 1 003", "Kepala Bidang DIKP", "kabid")
    _type_member(qtbot, wizard, "Budi Santoso", "", "Pranata Humas", "tim")
    path = tmp_path / "Daftar Pegawai.csv"
    path.write_text("Nama;NIP;Jabatan;Peran\nAgus Salim;-;Pengemudi;Kernet\n"
                    "Budi Santoso;;Pranata Humas;Tim\n"  # typed already: left out
                    "Dewi Lestari;19920715 201903 2 01;Pranata Humas;Tim\n", encoding="utf-8")  # 17 digits

    def import_list(dialog):
        assert isinstance(dialog, TeamImportDialog)
        assert dialog.load(path)
        assert dialog.ui.addButton.text().replace("&", "") == "Tambahkan 2 petugas"
        qtbot.mouseClick(dialog.ui.addButton, Qt.MouseButton.LeftButton)

    modals.then(import_list)
    qtbot.mouseClick(wizard.team_page.ui.importButton, Qt.MouseButton.LeftButton)
    assert not modals.pending and not modals.errors
    team = wizard.team_page.ui.teamTable
    assert [row[0] for row in _table(team)] == ["Drs. Heru Prasetyo, M.Si", "Budi Santoso", "Agus Salim"]
    assert "baris 3 (Budi Santoso): Budi Santoso sudah ada di daftar" in wizard.team_page.ui.errorLabel.text()
    assert [row[USERNAME] for row in _table(team)] == ["heru_prasetyo", "budi_santoso", "agus_salim"]
    team.item(1, USERNAME).setText("budi")  # the administrator prefers a shorter one
    assert Staff.select().count() == 0  # nothing stored before Simpan
    _next(qtbot, wizard)
    assert wizard.currentId() == WHERE_ID and wizard.currentPage().isCommitPage()
    _next(qtbot, wizard)
    assert wizard.currentId() == DONE_ID
    assert not wizard.done_page.ui.passwordsBox.isVisible()
    assert "3 petugas mendapat akun tanpa kata sandi" in wizard.done_page.ui.summaryLabel.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    admin = wizard.outcome.admin
    assert (admin.username, admin.name, admin.lane, admin.is_admin, admin.has_password) == (
        "siti_rahmawati", "Siti Rahmawati, S.Kom", "subkor", True, True)
    assert admin.last_sign_in_at is not None and ws.accounts.current().id == admin.id
    people = {p.name: p for p in ws.staff.list()}
    assert sorted(people) == ["Agus Salim", "Budi Santoso", "Drs. Heru Prasetyo, M.Si", "Siti Rahmawati, S.Kom"]
    assert people["Siti Rahmawati, S.Kom"].nip == "198503122010012004"
    assert (people["Agus Salim"].lane, people["Agus Salim"].nip) == ("kernet", None)
    accounts = {a.username: a for a in ws.accounts.list()}
    assert sorted(accounts) == ["agus_salim", "budi", "heru_prasetyo", "siti_rahmawati"]
    assert [a.username for a in accounts.values() if a.has_password] == ["siti_rahmawati"]
    assert not any(a.is_admin for name, a in accounts.items() if name != "siti_rahmawati")
    with pytest.raises(SignInRefused):
        ws.accounts.sign_in("budi", PASSWORD)  # no password yet: nobody gets in as budi
    assert ws.accounts.sign_in("siti_rahmawati", PASSWORD).id == admin.id
    profile = ws.profile.load()
    assert ws.profile.is_stored() and profile.address == "Jl. Satria Sudirman No. 1, Kota Tangerang"
    assert profile.email == "diskominfo@tangerangkota.go.id"
    # the signatories left empty are the team's, as the directory's defaults would have them
    assert (profile.kepala_bidang.name, profile.kepala_bidang.staff_id) == (
        "Drs. Heru Prasetyo, M.Si", people["Drs. Heru Prasetyo, M.Si"].id)
    assert profile.sub_kor.name == "Siti Rahmawati, S.Kom"
    first = AuditEntry.get(AuditEntry.action == "first_start")
    assert first.actor_name == "Siti Rahmawati, S.Kom" and "3 akun petugas" in first.detail


def test_run_first_start_returns_the_signed_in_administrator(qtbot, ws, fast, modals):
    def fill(wizard):
        _to_admin_page(qtbot, wizard)
        _fill_admin(wizard, name="Heru Prasetyo", nip="", position="Kepala Bidang", lane="kabid")
        _next(qtbot, wizard)
        _next(qtbot, wizard)  # no team
        wizard.where_page.ui.serverRadio.setChecked(True)
        _next(qtbot, wizard)
        assert wizard.done_page.ui.serverLabel.isVisibleTo(wizard.done_page)
        assert "Pengaturan → Basis Data" in wizard.done_page.ui.serverLabel.text()
        wizard.accept()

    modals.then(fill)
    account = run_first_start(ws)
    assert not modals.errors
    assert account is not None and (account.username, account.is_admin, account.lane) == ("heru_prasetyo", True, "kabid")
    assert ws.accounts.current() == account
    assert [a.username for a in ws.accounts.list()] == ["heru_prasetyo"]
    assert not ws.profile.is_stored()  # skipped: the defaults stay in force, following the directory
    assert ws.profile.load().kepala_bidang.name == "Heru Prasetyo"


def test_one_time_passwords_are_shown_once_to_copy_and_print_and_must_be_changed(
        qtbot, ws, fast, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    wizard = _wizard(qtbot, ws)
    _to_admin_page(qtbot, wizard)
    _fill_admin(wizard)
    _next(qtbot, wizard)
    _type_member(qtbot, wizard, "Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim")
    _type_member(qtbot, wizard, "Agus Salim", "", "Pengemudi", "kernet")
    wizard.team_page.ui.otpCheck.setChecked(True)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    done = wizard.done_page.ui
    assert done.passwordsBox.isVisible()
    rows = _table(done.passwordTable)
    assert [row[:2] for row in rows] == [["Budi Santoso", "budi_santoso"], ["Agus Salim", "agus_salim"]]
    passwords = {row[1]: row[2] for row in rows}
    qtbot.mouseClick(done.copyButton, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == "Nama\tNama pengguna\tKata sandi sekali pakai"
    assert copied[1] == f"Budi Santoso\tbudi_santoso\t{passwords['budi_santoso']}"
    pdf = tmp_path / "akun.pdf"

    def pdf_printer(_parent):
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        return printer

    monkeypatch.setattr(first_start_pages, "ask_printer", pdf_printer)
    qtbot.mouseClick(done.printButton, Qt.MouseButton.LeftButton)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    budi = ws.accounts.sign_in("budi_santoso", passwords["budi_santoso"])
    assert budi.must_change and budi.has_password and not budi.is_admin


@pytest.fixture
def pre_accounts(ws, staff):
    """A database from before accounts: staff, no account (one of them no longer active)."""
    gone = ws.staff.add("Rudi Hartono", None, "Pengemudi", "kernet")
    ws.staff.update(gone.id, gone.name, None, gone.position, gone.lane, active=False)
    agus = ws.staff.add("Agus Salim", None, "Pengemudi", "kernet")
    return (*staff, agus)


def test_a_database_from_before_accounts_opens_at_the_administrator_and_gives_everyone_an_account(
        qtbot, ws, fast, pre_accounts):
    sub, tim, agus = pre_accounts
    wizard = _wizard(qtbot, ws)
    assert wizard.pageIds() == [ADMIN_ID, TEAM_ID, DONE_ID] and wizard.currentId() == ADMIN_ID
    ui = wizard.admin_page.ui
    assert ui.existingRadio.isChecked()
    assert [ui.existingCombo.itemData(i) for i in range(ui.existingCombo.count())] == [agus.id, tim.id, sub.id]
    ui.existingCombo.setCurrentIndex(ui.existingCombo.findData(sub.id))
    assert ui.nameEdit.text() == "Siti Rahmawati" and ui.nameEdit.isReadOnly() and not ui.laneCombo.isEnabled()
    assert ui.usernameEdit.text() == "siti_rahmawati"
    ui.passwordEdit.setText(PASSWORD)
    ui.repeatEdit.setText(PASSWORD)
    _next(qtbot, wizard)
    page = wizard.team_page
    assert wizard.currentId() == TEAM_ID and page.isCommitPage() and page.title() == "Akun petugas lain"
    assert not page.ui.entryBox.isVisible() and not page.ui.importButton.isVisible()
    assert [(row[0], row[USERNAME]) for row in _table(page.ui.teamTable)] == [
        ("Agus Salim", "agus_salim"), ("Budi Santoso", "budi_santoso")]  # not the administrator, not Rudi
    _next(qtbot, wizard)
    assert wizard.currentId() == DONE_ID
    assert wizard.outcome.admin.staff_id == sub.id and wizard.outcome.admin.is_admin
    assert Staff.select().count() == 4  # nobody added
    assert ws.accounts.missing() == []
    assert {(a.username, a.staff_id, a.has_password) for a in ws.accounts.list()} == {
        ("siti_rahmawati", sub.id, True), ("budi_santoso", tim.id, False), ("agus_salim", agus.id, False)}
    assert "2 petugas mendapat akun tanpa kata sandi" in wizard.done_page.ui.summaryLabel.text()


def test_before_accounts_a_new_person_may_be_the_administrator(qtbot, ws, fast, pre_accounts):
    wizard = _wizard(qtbot, ws)
    wizard.admin_page.ui.newRadio.setChecked(True)
    assert wizard.admin_page.ui.nameEdit.text() == "" and not wizard.admin_page.ui.nameEdit.isReadOnly()
    _fill_admin(wizard, name="Dewi Lestari", nip="19850312 201001 2 004")  # Siti's NIP
    _next(qtbot, wizard)
    assert wizard.currentId() == ADMIN_ID
    assert wizard.admin_page.ui.errorLabel.text() == "NIP ini sudah dipakai Siti Rahmawati di daftar petugas."
    wizard.admin_page.ui.nipEdit.setText("19920715 201903 2 011")
    _next(qtbot, wizard)
    assert len(_table(wizard.team_page.ui.teamTable)) == 3
    _next(qtbot, wizard)
    assert wizard.outcome.admin.name == "Dewi Lestari"
    assert ws.accounts.missing() == [] and len(ws.accounts.list()) == 4


@pytest.mark.parametrize("change, message, field", [
    ({"name": "  "}, "Nama petugas wajib diisi.", "nameEdit"),
    ({"nip": "19850312 201001 2 04"}, "NIP harus 18 digit (terisi 17 digit).", "nipEdit"),
    ({"nip": "19851312 201001 2 004"}, "8 digit pertama NIP harus tanggal lahir yang sah (TTTTBBHH).", "nipEdit"),
    ({"lane": None}, "Pilih peran (pelaksana) petugas.", "laneCombo"),
    ({"password": "pendek"}, "Kata sandi minimal 10 karakter.", "passwordEdit"),
    ({"repeat": "kopi pagi di balai kot"}, "Kedua kata sandi tidak sama. Ketik ulang.", "repeatEdit"),
    ({"username": "Siti R"}, "Nama pengguna hanya boleh berisi huruf a–z", "usernameEdit"),
    ({"username": ""}, "Nama pengguna wajib diisi.", "usernameEdit"),
])
def test_bad_administrator_input_says_why_and_does_not_move_on(qtbot, ws, fast, change, message, field):
    wizard = _wizard(qtbot, ws)
    _to_admin_page(qtbot, wizard)
    values = {"name": "Siti Rahmawati", "nip": "19850312 201001 2 004", "position": "Sub Kor", "lane": "subkor",
              "password": PASSWORD, "repeat": PASSWORD} | change
    _fill_admin(wizard, **{k: v for k, v in values.items() if k != "username"})
    if "username" in change:
        wizard.admin_page.ui.usernameEdit.setText(change["username"])
    _next(qtbot, wizard)
    ui = wizard.admin_page.ui
    assert wizard.currentId() == ADMIN_ID
    assert ui.errorLabel.text().startswith(message)
    assert wizard.focusWidget() is getattr(ui, field)
    assert Staff.select().count() == 0


def test_bad_team_input_and_a_user_name_used_twice_block_the_team_page(qtbot, ws, fast):
    wizard = _wizard(qtbot, ws)
    _to_admin_page(qtbot, wizard)
    _fill_admin(wizard)
    _next(qtbot, wizard)
    page = wizard.team_page
    _type_member(qtbot, wizard, "Budi Santoso", "19850312 201001 2 004", "Pranata Humas", "tim")
    assert page.ui.errorLabel.text() == "NIP ini sudah dipakai Siti Rahmawati, S.Kom."
    assert page.ui.teamTable.rowCount() == 0
    _type_member(qtbot, wizard, "Budi Santoso", "", "Pranata Humas", None)
    assert page.ui.errorLabel.text() == "Pilih peran (pelaksana) petugas."
    page.ui.laneCombo.setCurrentIndex(page.ui.laneCombo.findData("tim"))
    _next(qtbot, wizard)  # typed but not added: Lanjut adds it
    assert wizard.currentId() == WHERE_ID and page.ui.teamTable.rowCount() == 1
    wizard.back()
    page.ui.teamTable.item(0, USERNAME).setText("siti_rahmawati")
    _next(qtbot, wizard)
    assert wizard.currentId() == TEAM_ID
    assert page.ui.errorLabel.text() == ("Nama pengguna siti_rahmawati dipakai dua kali (administrator dan "
                                         "Budi Santoso).")
    page.ui.teamTable.item(0, USERNAME).setText("Budi S")
    _next(qtbot, wizard)
    assert wizard.currentId() == TEAM_ID and page.ui.errorLabel.text().startswith(
        "Budi Santoso: Nama pengguna hanya boleh berisi huruf a–z")


def test_a_bad_office_profile_stays_on_its_page(qtbot, ws, fast):
    wizard = _wizard(qtbot, ws)
    _next(qtbot, wizard)
    form = wizard.profile_page.form.ui
    form.emailEdit.setText("bukan alamat")
    _next(qtbot, wizard)
    assert wizard.currentId() == PROFILE_ID
    assert form.errorLabel.text().startswith("Alamat pos-el (e-mail) tidak sah") and wizard.focusWidget() is form.emailEdit
    wizard.profile_page.ui.skipCheck.setChecked(True)  # skipped: the defaults, nothing to check
    assert not wizard.profile_page.form.isEnabled()
    _next(qtbot, wizard)
    assert wizard.currentId() == ADMIN_ID


def test_a_refusal_while_saving_returns_to_its_page_and_stores_nothing(qtbot, ws, fast):
    wizard = _wizard(qtbot, ws)
    _to_admin_page(qtbot, wizard)
    _fill_admin(wizard)
    _next(qtbot, wizard)
    _type_member(qtbot, wizard, "Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim")
    _next(qtbot, wizard)
    # meanwhile (another program on the same folder) someone with Budi's NIP is entered
    ws.staff.add("Bambang", "19900101 201501 1 002", "Operator", "tim")
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == TEAM_ID)
    assert wizard.team_page.ui.errorLabel.text() == "Tidak disimpan: NIP ini sudah dipakai petugas lain."
    assert [s.name for s in ws.staff.list()] == ["Bambang"]  # the administrator's entry rolled back too
    assert Account.select().count() == 0 and not ws.accounts.has_accounts()
    assert wizard.outcome is None
    wizard.team_page.rows.clear()
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentId() == DONE_ID and [a.username for a in ws.accounts.list()] == ["siti_rahmawati"]


def test_cancelling_asks_first_and_returns_none(qtbot, ws, fast, modals):
    def cancel(wizard):
        _to_admin_page(qtbot, wizard)
        _fill_admin(wizard)
        QTimer.singleShot(0, wizard.reject)

    def confirm(box):
        assert "Belum ada yang disimpan" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    modals.then(cancel).then(confirm)
    assert run_first_start(ws) is None
    assert not modals.errors and not modals.pending
    assert Staff.select().count() == 0 and not ws.accounts.has_accounts()


def test_the_pcs_user_name_pre_fills_the_user_name_unless_it_is_a_generic_login(qtbot, ws, fast, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "Siti.R")
    wizard = _wizard(qtbot, ws)
    _to_admin_page(qtbot, wizard)
    _fill_admin(wizard)
    assert wizard.admin_page.ui.usernameEdit.text() == "siti_r"  # kept while the name is typed
    wizard.admin_page.ui.usernameEdit.clear()
    wizard.admin_page.ui.nameEdit.setText("Siti Rahmawati")
    assert wizard.admin_page.ui.usernameEdit.text() == "siti_rahmawati"  # cleared: the name's again
    monkeypatch.setattr("getpass.getuser", lambda: "Administrator")
    other = _wizard(qtbot, ws)
    assert other.admin_page.ui.usernameEdit.text() == ""


def test_every_page_renders(qtbot, ws, fast, tmp_path):
    wizard = _wizard(qtbot, ws)
    shots = []
    for _page in range(5):
        image = wizard.grab().toImage()
        assert not image.isNull() and image.width() > 600
        shots.append(tmp_path / f"page-{wizard.currentId()}.png")
        assert image.save(str(shots[-1]))
        if wizard.currentId() == ADMIN_ID:
            _fill_admin(wizard)
        _next(qtbot, wizard)
    assert wizard.currentId() == DONE_ID
    assert [p.name for p in shots] == [f"page-{i}.png" for i in (WELCOME_ID, PROFILE_ID, ADMIN_ID, TEAM_ID,
                                                                  WHERE_ID)]


def test_escape_in_the_embedded_profile_form_asks_the_assistant_and_keeps_the_form(qtbot, ws, fast, modals):
    wizard = _wizard(qtbot, ws)
    _next(qtbot, wizard)
    form = wizard.profile_page.form
    modals.then(lambda box: box.button(QMessageBox.StandardButton.No).click())
    qtbot.keyClick(form.ui.addressEdit, Qt.Key.Key_Escape)  # not the profile dialog's own reject()
    assert not modals.pending and not modals.errors
    assert "Tutup asisten tanpa menyimpan?" in modals.texts[0]
    assert form.isVisible() and wizard.isVisible() and wizard.currentId() == PROFILE_ID
