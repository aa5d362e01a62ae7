"""Signing in tests the documented way: a real account, its password checked by the service.

The window starts with a sign-in (views/sign_in_dialog.py); GUI tests open it for a person with
``signed_in(ws, staff_id)``: the person's account is made when missing (the first one as the
first administrator, later ones by that administrator with a one-time password, changed at once
as the sign-in dialog has people do), then ``ws.accounts.sign_in`` checks the password.
Passwords are hashed with a cheap argon2 profile (:data:`FAST`) so tests stay quick; the
application always uses the default (services/accounts.py).
"""

from __future__ import annotations

import re

from argon2 import PasswordHasher

from wawaran_desktop.services.accounts import AccountRecord, AccountService
from wawaran_desktop.services.workspace import Workspace

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
#: Every test account's password (and the one-time one it replaces).
PASSWORD = "sandi-uji-wawaran"
ONE_TIME = "sekali-pakai-123"


def fast_accounts(ws: Workspace) -> AccountService:
    """``ws.accounts`` hashing with :data:`FAST` (over the cached property: the whole workspace uses it)."""
    service = ws.__dict__.get("accounts")
    if not isinstance(service, AccountService) or service.hasher is not FAST:
        service = ws.accounts = AccountService(ws, hasher=FAST)
    return service


def username_for(ws: Workspace, name: str) -> str:
    """A free user name from a person's name (``siti_rahmawati``)."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:40] or "petugas"
    if not base[0].isalpha():
        base = "p_" + base
    taken = {account.username for account in fast_accounts(ws).list()}
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    return name


def account_for(ws: Workspace, staff_id: int, *, admin: bool = False) -> AccountRecord:
    """The person's account with :data:`PASSWORD`, made when missing (``admin``: an administrator)."""
    accounts = fast_accounts(ws)
    existing = accounts.for_staff(staff_id)
    if existing is not None:
        return existing
    person = ws.staff.get(staff_id)
    username = username_for(ws, person.name)
    if not accounts.has_accounts():
        return accounts.create_first_admin(staff_id, username, PASSWORD)
    first_admin = next(a for a in accounts.list() if a.is_admin and a.active)
    made = accounts.create(first_admin.staff_id, staff_id, username, is_admin=admin, one_time_password=ONE_TIME)
    return accounts.change_password(made.username, ONE_TIME, PASSWORD)


def signed_in(ws: Workspace, staff_id: int, *, admin: bool = False) -> AccountRecord:
    """The person signed in with their password, as the sign-in dialog does."""
    account = account_for(ws, staff_id, admin=admin)
    return fast_accounts(ws).sign_in(account.username, PASSWORD)
