"""Commands act as an account: ``--user NAME`` with ``WAWARAN_PASSWORD`` or the terminal (issue 13).

On the office server (a database ``init-server`` prepared) the connection is a person's own
PostgreSQL login, so every command acts as that login's account (:func:`server_login`).

In single-PC mode the reading commands (``list``, ``export``, ``verify-history``) run without
signing in: the file is protected by the Windows account that owns it. Commands that change data
(``demo`` on a folder that holds accounts) act as a signed-in account, and so does every
command when ``--user`` is given. The password comes from the ``WAWARAN_PASSWORD`` environment
variable (jobs, the start-up probe, benchmarks, screenshot tools) or is asked on the terminal;
never from the command line, where other users of the PC could read it.

The checks are the accounts service's: failures count as in the window (slow-down, lock), and a
one-time password must first be changed in the window.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wawaran_desktop.services.accounts import AccountRecord
    from wawaran_desktop.services.workspace import Workspace

PASSWORD_VARIABLE = "WAWARAN_PASSWORD"
#: Subcommands that change data, and so act as an account once the folder has accounts.
CHANGING_COMMANDS = ("demo", "restore")


class CommandSignInError(Exception):
    """The command cannot act as the account; ``str(exc)`` is for the user (Indonesian)."""


def password_for(username: str) -> str:
    """``WAWARAN_PASSWORD``, else asked on the terminal; CommandSignInError without either."""
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if password:
        return password
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            return getpass.getpass(f"Kata sandi {username}: ")
        except (EOFError, KeyboardInterrupt):
            raise CommandSignInError("Masuk dibatalkan.") from None
    raise CommandSignInError(f"Kata sandi akun {username} tidak tersedia: setel variabel lingkungan "
                             f"{PASSWORD_VARIABLE}, atau jalankan perintah di terminal agar kata sandi ditanyakan.")


def sign_in_from_environment(ws: Workspace, username: str) -> AccountRecord:
    """The account ``username`` signed in with its password from the environment or terminal."""
    from wawaran_desktop.services.accounts import SignInRefused
    from wawaran_desktop.services.errors import ServiceError

    password = password_for(username)
    try:
        account = ws.accounts.sign_in(username, password)
    except SignInRefused as refusal:
        wait = f" Coba lagi setelah {refusal.wait_seconds} detik." if refusal.reason == "wrong" and \
            refusal.wait_seconds > 1 else ""
        raise CommandSignInError(f"{refusal}{wait}") from None
    except ServiceError as exc:
        raise CommandSignInError(str(exc)) from None
    if account.must_change:
        raise CommandSignInError(f"Akun {account.username} masih memakai kata sandi sekali pakai: masuk lewat "
                                 "jendela aplikasi untuk menggantinya dulu.")
    return account


def signed_in_for(ws: Workspace, args: argparse.Namespace) -> AccountRecord | None:
    """The account a subcommand acts as: ``--user``'s when given; required (CommandSignInError)
    for a changing command on a folder that holds accounts; otherwise None."""
    username = getattr(args, "user", None)
    if ws.accounts.server_mode:  # the office server: every command acts as the login it connected with
        if args.command == "demo" and not username and ws.accounts.server_administrator():
            return None  # (the server's administrator adds the examples: demo/training.py)
        return server_login(ws, username)
    if username:
        return sign_in_from_environment(ws, username)
    if args.command in CHANGING_COMMANDS and ws.accounts.has_accounts():
        raise CommandSignInError(f"Perintah {args.command} mengubah data: jalankan sebagai akun dengan --user NAMA "
                                 f"(kata sandi dari {PASSWORD_VARIABLE} atau ditanyakan di terminal).")
    return None


def server_login(ws: Workspace, username: str | None) -> AccountRecord:
    """On the office server a command acts as the login the connection signed in with (the server
    checked its password: ``WAWARAN_DB_PASSWORD``, the credential store or the terminal): its
    account. Refused when the login has no account, is deactivated, must first replace a one-time
    password, or is not ``--user``."""
    from wawaran_desktop.services.accounts import SignInRefused

    try:
        account = ws.accounts.current()
    except SignInRefused as exc:
        raise CommandSignInError(str(exc)) from None
    if username and username.strip().lower() != account.username:
        raise CommandSignInError(f"Basis data server dibuka sebagai {account.username}, bukan {username}: "
                                 f"sambungkan sebagai {username} (--database postgresql://{username}@server/nama).")
    if account.must_change:
        raise CommandSignInError(f"Akun {account.username} masih memakai kata sandi sekali pakai: masuk lewat "
                                 "jendela aplikasi untuk menggantinya dulu.")
    return account
