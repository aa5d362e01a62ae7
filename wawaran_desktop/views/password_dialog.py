"""The small dialog that asks for the office server's password when the server wants one.

It is the window's way of asking in a :class:`~wawaran_desktop.infra.credentials.PasswordSource`
(:func:`password_source`): the password typed goes to the server, and into the system's
credential store only when *Simpan di …* is ticked and the server accepted it. Without a store
the box is hidden and a line says the password will be asked again next time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from wawaran_desktop.forms.ui_password_dialog import Ui_PasswordDialog
from wawaran_desktop.infra.credentials import Answer, Ask, CredentialStore, PasswordRequest, PasswordSource


class PasswordDialog(QDialog):
    """Asks one password for ``request``; :meth:`answer` after it was accepted."""

    def __init__(self, request: PasswordRequest, store: CredentialStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        address = request.address
        if request.stored_refused:
            text = (f"Kata sandi yang tersimpan di {store.name()} ditolak oleh server kantor "
                    f"<b>{address.where()}</b>. Masukkan kata sandi yang berlaku sekarang.")
        elif request.refused:
            text = f"Kata sandi ditolak oleh server kantor <b>{address.where()}</b>. Periksa lalu coba lagi."
        else:
            text = f"Server kantor <b>{address.where()}</b> meminta kata sandi untuk membuka basis data."
        self.ui.messageLabel.setText(text)
        self.ui.userLabel.setText(address.user)
        self._has_store = has_store = store.available()
        self.ui.saveCheck.setVisible(has_store)
        self.ui.saveCheck.setText(f"&Simpan di {store.name()}")
        self.ui.noStoreLabel.setVisible(not has_store)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Sambungkan")
        ok.setEnabled(False)
        self.ui.passwordEdit.textChanged.connect(lambda text: ok.setEnabled(bool(text)))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.passwordEdit.setFocus()

    def answer(self) -> Answer:
        return Answer(self.ui.passwordEdit.text(), save=self._has_store and self.ui.saveCheck.isChecked())


def dialog_ask(parent: QWidget | None, store: CredentialStore) -> Ask:
    """Ask with :class:`PasswordDialog` (None when the person cancels)."""

    def ask(request: PasswordRequest) -> Answer | None:
        dialog = PasswordDialog(request, store, parent)
        try:
            return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    return ask


def password_source(parent: QWidget | None = None, given: Answer | None = None,
                    store: CredentialStore | None = None) -> PasswordSource:
    """The window's answers to a server's password question: ``given`` (typed on the *Basis
    Data* page) first, then ``WAWARAN_DB_PASSWORD``, the store, and this dialog."""
    store = store or CredentialStore()
    return PasswordSource(store, dialog_ask(parent, store), given=given)
