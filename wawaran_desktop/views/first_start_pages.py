"""The first-start assistant's pages but the team's (views/first_start_team.py): welcome, office
profile, first administrator, where the data lives, and the closing page.

Each page is a ``QWizardPage`` built from its ui/first_start_*.ui form; a page that checks what
was typed does so in ``validatePage`` through services/first_start.py and says what is wrong in
Indonesian on the page, so *Lanjut* does not move on. Nothing is written until the assistant
saves (views/first_start.py).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidgetItem, QWidget, QWizardPage

from wawaran_desktop.forms.ui_first_start_admin import Ui_FirstStartAdminPage
from wawaran_desktop.forms.ui_first_start_done import Ui_FirstStartDonePage
from wawaran_desktop.forms.ui_first_start_profile import Ui_FirstStartProfilePage
from wawaran_desktop.forms.ui_first_start_welcome import Ui_FirstStartWelcomePage
from wawaran_desktop.forms.ui_first_start_where import Ui_FirstStartWherePage
from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.services.first_start import (
    ADMIN_LANE,
    Outcome,
    Person,
    check_login,
    check_person,
    check_profile,
    suggest_username,
    windows_username,
)
from wawaran_desktop.services.office_profile import OfficeProfile
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.text.formatting import nip_display
from wawaran_desktop.views.documents.profile_dialog import ProfileDialog
from wawaran_desktop.views.rank_completer import suggest_ranks


def fill_lanes(ws: Workspace, combo, preselect: str | None = None) -> None:
    """The SOP's lanes by name in ``combo`` (data: the lane id), after a "choose" entry."""
    combo.addItem("— pilih peran —", None)
    for lane in ws.sop.lanes:
        combo.addItem(lane.name, lane.id)
    if preselect is not None:
        combo.setCurrentIndex(max(0, combo.findData(preselect)))


class WelcomePage(QWizardPage):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstStartWelcomePage()
        self.ui.setupUi(self)
        self.ui.folderLabel.setText(f"Folder data: {ws.data_dir}")


class ProfileForm(ProfileDialog):
    """The office profile dialog's form and controller, embedded in a page: it never saves
    itself (the assistant saves its :meth:`profile` with everything else)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, actor_id=0, parent=parent)  # (actor_id: only its own save uses it)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.ui.buttonBox.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        QWidget.keyPressEvent(self, event)  # Esc and Enter go to the assistant, not to this "dialog"

    def show_error(self, exc: ServiceError) -> None:
        """The message under the form, its tab shown and the field focused."""
        self._show_error(exc)


class ProfilePage(QWizardPage):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ui = Ui_FirstStartProfilePage()
        self.ui.setupUi(self)
        self.form = ProfileForm(ws)  # its tabs scroll (ui/office_profile.ui)
        self.ui.formLayout.addWidget(self.form)
        self.ui.skipCheck.toggled.connect(lambda skipped: self.form.setEnabled(not skipped))

    def profile(self) -> OfficeProfile | None:
        """The profile to save; None when skipped (the defaults stay in force)."""
        return None if self.ui.skipCheck.isChecked() else self.form.profile()

    def validatePage(self) -> bool:
        profile = self.profile()
        if profile is None:
            return True
        try:
            check_profile(self.ws, profile)
        except ValidationError as exc:
            self.show_error(exc)
            return False
        self.form.ui.errorLabel.hide()
        return True

    def show_error(self, exc: ServiceError) -> None:
        self.ui.skipCheck.setChecked(False)
        self.form.show_error(exc)


class AdminPage(QWizardPage):
    """The first administrator: a new person, or (a database from before accounts) one of the
    staff; a user name (the PC's, or suggested from the name) and a password typed twice."""

    def __init__(self, ws: Workspace, existing: list[StaffRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ui = ui = Ui_FirstStartAdminPage()
        ui.setupUi(self)
        #: The people the rest of the assistant holds (the team), not to be typed twice.
        self.others: Callable[[], list[Person]] = list
        self.person: Person | None = None
        self.staff_id: int | None = None
        self.username = ""
        self.password = ""
        self._suggested = ""
        fill_lanes(ws, ui.laneCombo, ADMIN_LANE)
        suggest_ranks(ui.rankEdit)
        self._existing = {person.id: person for person in existing}
        for person in existing:
            ui.existingCombo.addItem(f"{person.name} — {person.position}" if person.position else person.name,
                                     person.id)
        ui.choiceBox.setVisible(bool(existing))
        (ui.existingRadio if existing else ui.newRadio).setChecked(True)
        guess = windows_username()
        if guess:
            ui.usernameEdit.setText(guess)
        ui.nameEdit.textChanged.connect(self._suggest)
        ui.newRadio.toggled.connect(self._mode_changed)
        ui.existingCombo.currentIndexChanged.connect(self._mode_changed)
        for edit in (ui.nameEdit, ui.nipEdit, ui.usernameEdit, ui.passwordEdit, ui.repeatEdit):
            edit.textEdited.connect(lambda _text: ui.errorLabel.clear())
        self._mode_changed()

    def _fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {"name": ui.nameEdit, "nip": ui.nipEdit, "position": ui.positionEdit, "rank": ui.rankEdit,
                "lane": ui.laneCombo, "username": ui.usernameEdit, "password": ui.passwordEdit,
                "repeat": ui.repeatEdit, "staff": ui.existingCombo}

    def _suggest(self, name: str) -> None:
        """The user name follows the name while the person has not typed one of their own."""
        current = self.ui.usernameEdit.text().strip()
        if current and current != self._suggested:
            return
        self._suggested = suggest_username(name) if name.strip() else ""
        self.ui.usernameEdit.setText(self._suggested)

    def _mode_changed(self, *_args) -> None:
        ui = self.ui
        chosen = self._existing.get(ui.existingCombo.currentData()) if ui.existingRadio.isChecked() else None
        ui.existingCombo.setEnabled(ui.existingRadio.isChecked())
        for edit in (ui.nameEdit, ui.nipEdit, ui.positionEdit, ui.rankEdit):
            edit.setReadOnly(chosen is not None)
        ui.laneCombo.setEnabled(chosen is None)
        if chosen is not None:
            ui.nameEdit.setText(chosen.name)
            ui.nipEdit.setText(nip_display(chosen.nip))
            ui.positionEdit.setText(chosen.position)
            ui.rankEdit.setText(chosen.rank)
            ui.laneCombo.setCurrentIndex(max(0, ui.laneCombo.findData(chosen.lane)))
        elif self._existing:
            for edit in (ui.nameEdit, ui.nipEdit, ui.positionEdit, ui.rankEdit):
                edit.clear()
        ui.errorLabel.clear()

    def chosen_staff_id(self) -> int | None:
        return self.ui.existingCombo.currentData() if self.ui.existingRadio.isChecked() and self._existing else None

    def validatePage(self) -> bool:
        ui = self.ui
        try:
            staff_id = self.chosen_staff_id()
            person = None
            if staff_id is None:
                person = check_person(self.ws, ui.nameEdit.text(), ui.nipEdit.text(), ui.positionEdit.text(),
                                      ui.laneCombo.currentData(), ui.rankEdit.text(), others=self.others())
            username = check_login(ui.usernameEdit.text(), ui.passwordEdit.text(), ui.repeatEdit.text())
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return False
        self.person, self.staff_id, self.username, self.password = person, staff_id, username, ui.passwordEdit.text()
        ui.usernameEdit.setText(username)
        ui.errorLabel.clear()
        return True

    def show_error(self, message: str, field: str = "") -> None:
        """``message`` on the page, and the field concerned focused."""
        self.ui.errorLabel.setText(message)
        if field == "repeat":
            self.ui.repeatEdit.clear()
        widget = self._fields().get(field)
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()


class WherePage(QWizardPage):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstStartWherePage()
        self.ui.setupUi(self)
        self.ui.localLabel.setText(f"Basis data SQLite di folder data PC ini ({ws.db_path}). Tidak perlu "
                                   "server; cadangkan folder itu secara berkala.")

    def server(self) -> bool:
        """Whether the office's server was chosen (it is set up after the assistant)."""
        return self.ui.serverRadio.isChecked()


def _ask_with_dialog(parent: QWidget | None):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


#: ``(parent) -> QPrinter | None``: where the one-time passwords are printed (tests replace it).
ask_printer: Callable[[QWidget | None], object] = _ask_with_dialog


class DonePage(QWizardPage):
    """What was written, and the one-time passwords (shown this once) to copy or print."""

    HEADERS = ("Nama", "Nama pengguna", "Kata sandi sekali pakai")

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ui = ui = Ui_FirstStartDonePage()
        ui.setupUi(self)
        ui.passwordTable.setColumnCount(len(self.HEADERS))
        ui.passwordTable.setHorizontalHeaderLabels(self.HEADERS)
        ui.passwordTable.horizontalHeader().setStretchLastSection(True)
        ui.passwordTable.verticalHeader().hide()
        ui.copyButton.clicked.connect(self.copy)
        ui.printButton.clicked.connect(self.print_passwords)
        self._rows: list[tuple[str, str, str]] = []

    def show_outcome(self, outcome: Outcome, server: bool) -> None:
        ui = self.ui
        admin = outcome.admin
        without = [item for item in outcome.issued if item.password is None]
        self._rows = [(item.name, item.username, item.password) for item in outcome.issued if item.password]
        signed_in = f"<b>{escape(admin.name)}</b> (nama pengguna <b>{admin.username}</b>)"
        lines = [f"<p>Administrator: {signed_in} sudah masuk.</p>"]
        if without:
            lines.append(f"<p>{len(without)} petugas mendapat akun tanpa kata sandi: mereka belum dapat masuk "
                         "sampai administrator memberikan kata sandi sekali pakai.</p>")
        if self._rows:
            lines.append(f"<p>{len(self._rows)} petugas mendapat kata sandi sekali pakai.</p>")
        ui.summaryLabel.setText("".join(lines))
        ui.passwordsBox.setVisible(bool(self._rows))
        table = ui.passwordTable
        table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        ui.serverLabel.setVisible(server)
        ui.serverLabel.setText("<p><b>Server kantor:</b> setelah server disiapkan dengan <code>init-server</code>, "
                               "buka <b>Pengaturan → Basis Data…</b> dan pilih <b>Server kantor</b>.</p>")

    def passwords_text(self) -> str:
        return "\n".join("\t".join(row) for row in [self.HEADERS, *self._rows])

    def copy(self) -> None:
        QApplication.clipboard().setText(self.passwords_text())

    def print_passwords(self) -> None:
        printer = ask_printer(self)
        if printer is None:
            return
        cells = "".join(f"<tr><td>{escape(n)}</td><td>{u}</td><td><tt>{p}</tt></td></tr>" for n, u, p in self._rows)
        head = "".join(f"<th align='left'>{h}</th>" for h in self.HEADERS)
        document = QTextDocument()
        document.setHtml(f"<h3>Akun Wawaran Desktop — {escape(self.ws.sop.identity.office)}</h3>"
                         f"<p>Kata sandi sekali pakai; ganti saat pertama kali masuk.</p>"
                         f"<table border='1' cellpadding='6' cellspacing='0'><tr>{head}</tr>{cells}</table>")
        document.print_(printer)
