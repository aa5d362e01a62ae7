"""The demo as a command runs it: an example office people can sign in to, added only where
that is safe.

:func:`wawaran_desktop.demo.run_demo` is the entry point of ``main.py demo`` (and of anything
else that makes a demo office on a user's behalf): :func:`check_may_run` first, then the
generator, then :func:`give_accounts`. :func:`wawaran_desktop.demo.generate` alone only writes
the team and campaigns (tests and benchmarks call it on folders of their own).

The rules:

* **An empty database**: anyone may make the demo office; every example person gets an account
  with the training password (:mod:`.accounts`), the Kepala Bidang's the first administrator.
* **A database that holds accounts**: only an administrator may (``acting_admin``, the account
  signed in for the command); without one the demo is refused and nothing is written.
* **The office server** (a database ``init-server`` prepared): only the server's administrator
  (the PostgreSQL role that ran ``init-server``, connected as itself) may: the examples record
  other people's work, and a person's own login may record only their own (db/server_guards.py).
  No training logins are made there.
* **A database that holds data other than the demo's**: refused unless ``force``. What the demo
  wrote is told by a setting it writes after every run (:data:`MARK_KEY`: the highest campaign,
  staff and account ids it left); campaigns, staff or accounts added after that, or any at all
  in a database without the mark, are the office's own. An example office added to real work
  (``force``) gets demo accounts only when an administrator runs it, none of them an
  administrator, with the public training password: the command warns that they must be
  deactivated if the database is used for real. Forced over an office's data that has no
  account yet, the demo makes no account at all (its Kepala Bidang would become the office's
  first administrator, with a password anyone can read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from peewee import fn

from wawaran_desktop.db.models import Account, Campaign, Staff
from wawaran_desktop.demo.accounts import DemoAccount, admin_now, ensure_accounts
from wawaran_desktop.demo.team import DEMO_TEAM, find_member
from wawaran_desktop.services.accounts import AccountRecord, AccountService
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.text.formatting import thousands

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

#: The setting the demo writes after each run: ``{"campaign_id": …, "staff_id": …, "account_id": …}``,
#: the highest ids that are the demo's.
MARK_KEY = "demo.office"


class DemoRefused(RuleError):
    """The demo may not run on this database now; ``str(exc)`` says why (Indonesian). Nothing written."""


class OutsideData(NamedTuple):
    """How many rows are not the demo's (see the module's docstring)."""

    campaigns: int
    staff: int
    accounts: int

    def __bool__(self) -> bool:
        return bool(self.campaigns or self.staff or self.accounts)

    def text(self) -> str:
        parts = [f"{thousands(n)} {what}" for n, what in ((self.campaigns, "kampanye"), (self.staff, "petugas"),
                                                           (self.accounts, "akun")) if n]
        return ", ".join(parts)


def outside_data(ws: Workspace) -> OutsideData:
    """The campaigns, staff and accounts the demo did not write (all of them without its mark)."""
    mark = ws.settings.get_json(MARK_KEY, None)
    mark = mark if isinstance(mark, dict) else {}

    def above(model, key: str) -> int:
        limit = mark.get(key)
        query = model.select(model.id)
        if isinstance(limit, int):
            query = query.where(model.id > limit)
        return query.count()

    return OutsideData(above(Campaign, "campaign_id"), above(Staff, "staff_id"), above(Account, "account_id"))


def check_may_run(ws: Workspace, acting_admin: AccountRecord | None, force: bool) -> OutsideData:
    """Refuse (:class:`DemoRefused`, Indonesian) a run that the rules above do not allow;
    returns what is not the demo's (empty unless ``force`` let it through)."""
    if ws.accounts.server_mode:
        if not ws.accounts.server_administrator():
            raise DemoRefused(
                "Di server kantor data contoh hanya dapat ditambahkan oleh administrator server (peran PostgreSQL "
                "yang menjalankan init-server, misalnya postgres): contoh itu mencatat pekerjaan orang lain, "
                "sedangkan login setiap petugas hanya mencatat atas namanya sendiri. Untuk latihan, pakai folder "
                "data sendiri tanpa --database. Tidak ada yang diubah.")
    elif ws.accounts.has_accounts() and not admin_now(acting_admin):
        who = (f"Akun {acting_admin.username} bukan administrator aktif. " if acting_admin is not None
               else "Tidak ada yang masuk. ")
        raise DemoRefused(
            "Basis data ini sudah mempunyai akun: data contoh hanya dapat ditambahkan oleh administrator. "
            f"{who}Masuk sebagai administrator (--user NAMA, kata sandi lewat WAWARAN_PASSWORD), lalu ulangi. "
            "Tidak ada yang diubah.")
    outside = outside_data(ws)
    if outside and not force:
        raise DemoRefused(
            f"Basis data ini berisi data yang bukan data contoh ({outside.text()}). Data contoh tidak "
            "ditambahkan agar tidak bercampur dengan pekerjaan kantor yang sebenarnya; pakai folder data "
            "kosong (--data-dir FOLDER), atau ulangi dengan --force bila memang dikehendaki. "
            "Tidak ada yang diubah.")
    return outside


def give_accounts(ws: Workspace, accounts: AccountService, acting_admin: AccountRecord | None,
                  outside: OutsideData) -> list[DemoAccount]:
    """After the demo's campaigns: the example people's accounts (see the module's docstring),
    and the mark of what is the demo's now. Returns the demo people's accounts."""
    made: list[DemoAccount] = []
    # Never a demo administrator over an office's own data; and no training logins with a public
    # password on an office server (there an account is a PostgreSQL login): campaigns and staff only.
    if (acting_admin is not None or not outside) and not ws.accounts.server_mode:
        members = [(member, row.id) for member in DEMO_TEAM
                   if (row := find_member(member)) is not None and row.active]
        made = ensure_accounts(accounts, members, acting_admin)
    _mark(ws, made, acting_admin)
    return made


def _mark(ws: Workspace, made: list[DemoAccount], acting_admin: AccountRecord | None) -> None:
    """Record what is the demo's now (the highest ids), as the acting administrator or, on a new
    demo office, its first administrator."""
    actor = acting_admin.staff_id if acting_admin is not None else None
    if actor is None:
        first = next((a for a in made if a.is_admin), None)
        row = Account.select(Account.staff).where(Account.username == first.username).first() \
            if first is not None else None
        actor = row.staff_id if row is not None else None
    mark = {"campaign_id": Campaign.select(fn.MAX(Campaign.id)).scalar() or 0,
            "staff_id": Staff.select(fn.MAX(Staff.id)).scalar() or 0,
            "account_id": Account.select(fn.MAX(Account.id)).scalar() or 0}
    ws.settings.put_json(MARK_KEY, mark, actor_id=actor)


__all__ = ["MARK_KEY", "DemoRefused", "OutsideData", "check_may_run", "give_accounts", "outside_data"]
