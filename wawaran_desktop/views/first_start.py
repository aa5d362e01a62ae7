"""The first-start assistant: a data folder's first administrator, before anyone can sign in (issue 13).

:func:`run_first_start` is the one entry point; start-up calls it when the database has no
account. Two shapes:

- **A new data folder**: *Selamat datang* → *Profil kantor* (the office profile dialog's own
  form, may be skipped) → *Administrator pertama* → *Tim* (typed or imported, each with an
  account) → *Tempat data* (this PC, or the office server: explained, set up afterwards in
  *Pengaturan → Basis Data*) → *Selesai*.
- **A database from before accounts** (active staff, no account): *Administrator pertama*
  (one of the staff, or a new person) → *Akun petugas lain* (every other active person gets
  an account) → *Selesai*.

Each page checks what was typed before *Lanjut* moves on. *Simpan* (the commit page) writes
everything in one transaction through services/first_start.py on the thread pool (argon2 takes
a while), behind a progress dialog; a refusal rolls all of it back and the assistant returns to
the page concerned with the message there. Then the administrator is signed in; the last page
shows the one-time passwords, if any were made, this once.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard, QWizardPage

from wawaran_desktop.services.accounts import AccountRecord
from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.services.first_start import ADMIN, PROFILE, TEAM, FirstStartError, Outcome, Plan, apply
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.views.first_start_pages import AdminPage, DonePage, ProfilePage, WelcomePage, WherePage
from wawaran_desktop.views.first_start_team import TeamPage
from wawaran_desktop.views.screen_fit import fit_to_screen

#: The pages' ids (a database from before accounts has ADMIN_ID, TEAM_ID and DONE_ID only).
WELCOME_ID, PROFILE_ID, ADMIN_ID, TEAM_ID, WHERE_ID, DONE_ID = range(6)
TITLE = "Mulai Pertama — Wawaran Desktop"
CANCEL_QUESTION = ("Tutup asisten tanpa menyimpan? Belum ada yang disimpan, dan tanpa administrator "
                   "Wawaran Desktop belum dapat dipakai. Asisten muncul lagi saat aplikasi dibuka.")


class FirstStartWizard(QWizard):
    """The assistant; :attr:`outcome` once saved (the administrator, signed in)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.outcome: Outcome | None = None
        existing = ws.accounts.missing()
        self.pre_accounts = bool(existing)
        self.setWindowTitle(TITLE)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        for button, text in ((QWizard.WizardButton.BackButton, "< &Kembali"),
                             (QWizard.WizardButton.NextButton, "&Lanjut >"),
                             (QWizard.WizardButton.CommitButton, "&Simpan"),
                             (QWizard.WizardButton.FinishButton, "&Mulai Bekerja"),
                             (QWizard.WizardButton.CancelButton, "&Batal")):
            self.setButtonText(button, text)
        self.admin_page = AdminPage(ws, existing, self)
        self.team_page = TeamPage(ws, self.admin_page, existing if self.pre_accounts else None, self)
        self.admin_page.others = self.team_page.people
        self.done_page = DonePage(ws, self)
        self.profile_page: ProfilePage | None = None
        self.where_page: WherePage | None = None
        if self.pre_accounts:
            self.commit_page: QWizardPage = self.team_page
        else:
            self.profile_page = ProfilePage(ws, self)
            self.where_page = WherePage(ws, self)
            self.setPage(WELCOME_ID, WelcomePage(ws, self))
            self.setPage(PROFILE_ID, self.profile_page)
            self.commit_page = self.where_page
        self.setPage(ADMIN_ID, self.admin_page)
        self.setPage(TEAM_ID, self.team_page)
        if self.where_page is not None:
            self.setPage(WHERE_ID, self.where_page)
        self.setPage(DONE_ID, self.done_page)
        self.setStartId(ADMIN_ID if self.pre_accounts else WELCOME_ID)
        self.commit_page.setCommitPage(True)
        self.resize(900, 720)
        fit_to_screen(self)

    # -- saving -----------------------------------------------------------------------------
    def plan(self) -> Plan:
        """What the pages hold, as the service writes it."""
        admin = self.admin_page
        return Plan(username=admin.username, password=admin.password, admin=admin.person,
                    admin_staff_id=admin.staff_id, members=tuple(self.team_page.members()),
                    one_time_passwords=self.team_page.one_time_passwords(),
                    profile=self.profile_page.profile() if self.profile_page is not None else None)

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        return self.save() if self.currentPage() is self.commit_page else True

    def save(self) -> bool:
        """Write the plan (on the thread pool, behind a progress dialog); False when refused."""
        from wawaran_desktop import workers  # (the progress dialog's classes: on first use)

        plan = self.plan()
        try:
            self.outcome = workers.run_with_progress(
                self, "Menyimpan", lambda progress: apply(self.ws, plan, progress), label="Menyimpan…")
        except workers.Cancelled:
            self._say_on_commit_page("Dibatalkan: tidak ada yang disimpan.")
            return False
        except FirstStartError as exc:
            self._send_back(exc)
            return False
        except ServiceError as exc:
            self._say_on_commit_page(str(exc))
            return False
        self.admin_page.password = ""
        self.admin_page.ui.passwordEdit.clear()
        self.admin_page.ui.repeatEdit.clear()
        self.done_page.show_outcome(self.outcome, self.where_page is not None and self.where_page.server())
        return True

    def _say_on_commit_page(self, message: str) -> None:
        self.commit_page.ui.errorLabel.setText(message)

    def _send_back(self, exc: FirstStartError) -> None:
        """Return to the page ``exc`` concerns (after this click has been handled) and say why there."""
        target = {PROFILE: PROFILE_ID, ADMIN: ADMIN_ID, TEAM: TEAM_ID}.get(exc.page)
        if target not in self.pageIds():
            self._say_on_commit_page(str(exc))
            return
        message = f"Tidak disimpan: {exc}"
        self._say_on_commit_page(message)

        def go_back() -> None:
            while self.currentId() != target and self.currentId() != self.startId():
                self.back()
            if target == PROFILE_ID:
                self.profile_page.show_error(ValidationError(message, exc.field))
            elif target == ADMIN_ID:
                self.admin_page.show_error(message, exc.field)
            else:
                self.team_page.show_error(message, exc.field)

        QTimer.singleShot(0, go_back)

    # -- leaving ----------------------------------------------------------------------------
    def reject(self) -> None:
        if self.outcome is not None:  # saved and signed in: closing the last page is finishing
            super().reject()
            return
        answer = QMessageBox.question(self, TITLE, CANCEL_QUESTION,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            super().reject()


def run_first_start(ws: Workspace, parent: QWidget | None = None) -> AccountRecord | None:
    """Shown when ws.accounts.has_accounts() is False. Returns the signed-in first administrator (None: cancelled)."""
    wizard = FirstStartWizard(ws, parent)
    try:
        wizard.exec()
        return wizard.outcome.admin if wizard.outcome is not None else None
    finally:
        wizard.deleteLater()
