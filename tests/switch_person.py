"""*Berkas → Ganti Pengguna* in GUI tests: another person signs in to the same window.

A test that walks several SOP steps by hand in one window does what the office does at a shared
PC: the person of the next step's lane signs in through Ganti Pengguna (a real
:class:`~wawaran_desktop.views.sign_in_dialog.SignInDialog`, their password checked by the
service), and every click after that acts as them. Their account is made when missing
(tests/accounts.py).
"""

from __future__ import annotations

from accounts import PASSWORD, account_for
from crew import step_actor

from wawaran_desktop.views.sign_in_dialog import SignInDialog


def switch_person(window, modals, staff_id: int) -> None:
    """Sign ``staff_id`` in to ``window`` through Ganti Pengguna (``modals``: the test's recorder)."""
    account = account_for(window.ws, staff_id)

    def sign_in(dialog):
        assert isinstance(dialog, SignInDialog), type(dialog).__name__
        assert dialog.ui.headingLabel.text() == "Ganti Pengguna"
        dialog.ui.usernameEdit.setText(account.username)
        dialog.ui.passwordEdit.setText(PASSWORD)
        dialog.ui.okButton.click()

    modals.then(sign_in)
    window.ui.actionSwitchUser.trigger()
    assert not modals.errors and modals.pending == 0
    assert window.current_actor() == staff_id


def switch_to_step(window, modals, no: int, campaign_id: int | None = None) -> int:
    """Make a person of step ``no``'s primary lane the signed-in one (Ganti Pengguna when another
    person is signed in); their staff id."""
    campaign_id = campaign_id if campaign_id is not None else window.record.id
    who = step_actor(window.ws, campaign_id, no)
    if window.current_actor() != who:
        switch_person(window, modals, who)
    return who
