"""The demo office's accounts and the rules of the ``demo`` command (issue 13).

On an empty folder every example person gets an account with the one training password (the
Kepala Bidang the first administrator); on a folder with accounts only an administrator may add
demo data; data that is not the demo's is refused unless forced. Real SQLite files; argon2 with
a cheap profile (as tests/unit/test_accounts.py), except in the command run as a user runs it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from wawaran_desktop import cli, demo
from wawaran_desktop.db.models import Account, AuditEntry, Campaign, Staff, StepEvent
from wawaran_desktop.db.stage_models import Setting
from wawaran_desktop.demo.accounts import username_for
from wawaran_desktop.services.accounts import AccountService
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
#: 10.00 WIB on Wednesday 25 November 2026, a day before the test clock's start.
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
USERNAMES = {"rina", "dedi", "ahmad", "putri", "muhammad", "nurul", "bayu", "ujang", "asep"}


class CountingHasher(PasswordHasher):
    """The cheap profile, counting the hashes made (argon2 per person, never per campaign)."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.hashes = 0

    def hash(self, password, *, salt=None) -> str:  # type: ignore[override]
        self.hashes += 1
        return super().hash(password, salt=salt)


@pytest.fixture
def hasher() -> CountingHasher:
    return CountingHasher()


@pytest.fixture
def ws(ws: Workspace, hasher: CountingHasher) -> Workspace:
    ws.accounts = AccountService(ws, hasher=hasher)  # over the cached property: the whole workspace uses it
    return ws


def make_demo(ws: Workspace, campaigns: int = 4, *, acting_admin=None, force: bool = False, seed: int = 3):
    return demo.run_demo(ws, campaigns, acting_admin=acting_admin, force=force, accounts=ws.accounts, seed=seed,
                         now=NOW)


def snapshot() -> tuple:
    """What a refused run must leave exactly as it was."""
    return (Campaign.select().count(), Staff.select().count(), StepEvent.select().count(),
            AuditEntry.select().count(),
            sorted((a.username, a.password_hash, a.is_admin, a.version) for a in Account.select()),
            sorted((s.key, s.value) for s in Setting.select()))


def test_an_empty_folder_gets_an_account_for_every_example_person(ws, hasher):
    run = make_demo(ws)
    assert run.result.campaigns_added == 4 and not run.forced_over
    by_name = {a.username: a for a in ws.accounts.list()}
    assert set(by_name) == USERNAMES == {a.username for a in run.accounts if a.added}
    assert len(by_name) == len(demo.DEMO_TEAM)
    assert [u for u, a in by_name.items() if a.is_admin] == ["rina"]
    assert by_name["rina"].lane == "kabid" and by_name["rina"].name.startswith("Rina Marlina")
    for username in USERNAMES:
        signed = ws.accounts.sign_in(username, demo.TRAINING_PASSWORD)
        assert signed.username == username and not signed.must_change and signed.active
    assert hasher.hashes == len(USERNAMES)  # one per person, made with the service given
    assert all("m=8,t=1,p=1" in a.password_hash for a in Account.select())
    assert len(demo.TRAINING_PASSWORD) >= 10
    given = AuditEntry.select().where(AuditEntry.action == "account.training_password").count()
    assert given == len(USERNAMES) - 1  # everyone but the first administrator, who chose it
    assert ws.settings.get_json(demo.MARK_KEY)["campaign_id"] == Campaign.select().count()
    assert HistoryService(ws).verify().whole


def test_argon2_runs_per_person_never_per_campaign(ws, hasher):
    make_demo(ws, 60)
    assert hasher.hashes == len(USERNAMES)
    admin = ws.accounts.sign_in("rina", demo.TRAINING_PASSWORD)
    before = hasher.hashes
    run = make_demo(ws, 60, acting_admin=admin, seed=4)
    assert run.result.campaigns_added == 60 and Campaign.select().count() == 120
    assert hasher.hashes == before and not any(a.added for a in run.accounts)  # everyone had one


def test_a_folder_with_accounts_refuses_the_demo_without_an_administrator(ws):
    make_demo(ws)
    before = snapshot()
    with pytest.raises(demo.DemoRefused, match="hanya dapat ditambahkan oleh administrator"):
        make_demo(ws, acting_admin=None, seed=5)
    assert snapshot() == before
    member = ws.accounts.sign_in("dedi", demo.TRAINING_PASSWORD)  # an account, not an administrator
    before = snapshot()
    with pytest.raises(demo.DemoRefused, match="dedi bukan administrator aktif"):
        make_demo(ws, acting_admin=member, force=True, seed=5)  # force does not stand in for one
    assert snapshot() == before


def test_an_administrator_adds_to_the_demo_office_without_force(ws):
    make_demo(ws)
    admin = ws.accounts.sign_in("rina", demo.TRAINING_PASSWORD)
    run = make_demo(ws, 3, acting_admin=admin, seed=6)
    assert run.result.campaigns_added == 3 and Campaign.select().count() == 7
    assert not run.forced_over and run.result.staff_added == 0


def test_real_data_is_refused_without_force_and_taken_with_it(ws):
    make_demo(ws)
    admin = ws.accounts.sign_in("rina", demo.TRAINING_PASSWORD)
    subkor = ws.accounts.sign_in("dedi", demo.TRAINING_PASSWORD)  # campaigns are the Sub Kor's and Tim's
    ws.campaigns.create(subkor.staff_id, "Wawaran Sungguhan Kantor")  # the office's own, after the demo
    before = snapshot()
    with pytest.raises(demo.DemoRefused, match=r"bukan data contoh \(1 kampanye\).*--force"):
        make_demo(ws, acting_admin=admin, seed=7)
    assert snapshot() == before
    run = make_demo(ws, 2, acting_admin=admin, force=True, seed=7)
    assert run.result.campaigns_added == 2 and Campaign.select().count() == 4 + 1 + 2
    assert run.forced_over.campaigns == 1
    assert "Wawaran Sungguhan Kantor" in {c.title for c in Campaign.select()}  # kept


def test_an_office_of_its_own_is_refused_then_forced_by_its_administrator(ws):
    person = ws.staff.add("Rina Wulandari", None, "Analis Diseminasi", "subkor")
    own_admin = ws.accounts.create_first_admin(person.id, "rina", "sandi-kantor-123")
    before = snapshot()
    with pytest.raises(demo.DemoRefused, match=r"1 petugas, 1 akun"):
        make_demo(ws, acting_admin=own_admin)
    assert snapshot() == before
    run = make_demo(ws, 2, acting_admin=own_admin, force=True)
    made = {a.username: a for a in run.accounts}
    assert "rina_marlina" in made and "rina" not in made  # the office's rina keeps her name
    assert not any(a.is_admin for a in made.values())  # the office's administrators stay its own
    assert [a.username for a in ws.accounts.list() if a.is_admin] == ["rina"]
    assert ws.accounts.sign_in("rina_marlina", demo.TRAINING_PASSWORD).name.startswith("Rina Marlina")


def test_forced_over_data_without_accounts_makes_no_demo_administrator(ws):
    ws.staff.add("Budi Santoso", None, "Analis", "tim")  # an office from before accounts
    with pytest.raises(demo.DemoRefused, match="1 petugas"):
        make_demo(ws)
    run = make_demo(ws, 2, force=True)
    assert run.result.campaigns_added == 2 and run.accounts == [] and not Account.select().exists()


def test_user_names_come_from_the_names():
    assert username_for("Rina Marlina, S.Sos., M.Si.", set()) == "rina"
    assert username_for("Rina Marlina, S.Sos., M.Si.", {"rina"}) == "rina_marlina"
    assert username_for("Rina Marlina", {"rina", "rina_marlina"}) == "rina2"
    assert username_for("Drs. H. Ahmad Fauzi", set()) == "ahmad"
    assert username_for("Siti Aïsyah", set()) == "siti"
    assert username_for("Ségolène", set()) == "segolene"
    assert username_for("A Rahman", set()) == "a_rahman"  # one letter is too short a name
    assert username_for("123", set()) == "petugas"


def test_the_command_takes_the_signed_in_account_from_its_arguments(ws, capsys):
    args = argparse.Namespace(campaigns=2, seed=1, force=False)  # nobody signed in: no signed_in at all
    assert cli.cmd_demo(ws, args) == 0
    out = capsys.readouterr().out
    assert "latihan-wawaran" in out and "rina (Rina Marlina" in out and "administrator" in out
    assert cli.cmd_demo(ws, args) == 2
    assert "galat: Basis data ini sudah mempunyai akun" in capsys.readouterr().err
    args.signed_in = ws.accounts.sign_in("rina", demo.TRAINING_PASSWORD)
    assert cli.cmd_demo(ws, args) == 0
    assert Campaign.select().count() == 4


def run_main(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=180, env=env, cwd=ROOT, check=False)


def test_the_command_on_an_empty_folder_then_again_without_signing_in(tmp_path):
    folder = str(tmp_path / "latihan")
    made = run_main("--data-dir", folder, "demo", "--campaigns", "3", "--seed", "2")
    assert made.returncode == 0, made.stderr
    assert "kata sandi 'latihan-wawaran'" in made.stdout and "ujang (Ujang Suherman)" in made.stdout
    again = run_main("--data-dir", folder, "demo", "--campaigns", "3", "--force")
    assert again.returncode == 2  # refused (by the command's sign-in, or by the demo's own rule)
    assert again.stderr.startswith("galat: ") and "--user" in again.stderr
    listed = run_main("--data-dir", folder, "list")
    assert len(listed.stdout.strip().splitlines()) == 3  # nothing added by the refused run
    assert "--force" in run_main("demo", "--help").stdout
