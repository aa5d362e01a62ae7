"""Accounts: argon2id hashes, sign-in and its refusals, failures that slow down and lock (by the
workspace's clock), one-time passwords, the policy, administrators' rights, audit entries and
versions — on a real database file (and on PostgreSQL: test_pg_accounts.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from peewee import SqliteDatabase

from wawaran_desktop import paths
from wawaran_desktop.db.migrations import LATEST_VERSION, apply_migrations, schema_version
from wawaran_desktop.db.models import Account, AuditEntry, database
from wawaran_desktop.services import accounts as acc
from wawaran_desktop.services.accounts import AccountService, NotAllowed, SignInRefused
from wawaran_desktop.services.errors import ConflictError, RuleError, ValidationError
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.workspace import open_workspace

#: The tests' lighter argon2id profile (8 KiB, one pass): the application's (64 MiB, three passes)
#: takes ~0.15 s a hash, and these tests hash hundreds of times. Never used by the application.
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

ADMIN_PASSWORD = "kunci-kantor-2026"
PASSWORD = "rahasia-petugas-1"


@pytest.fixture
def accounts(ws) -> AccountService:
    ws.accounts = AccountService(ws, hasher=FAST)  # over the cached property: the whole workspace uses it
    return ws.accounts


@pytest.fixture
def admin(accounts, actor):
    """The first administrator: ``actor`` (Rina, a Sub Kor) as ``rina``."""
    return accounts.create_first_admin(actor.id, "rina", ADMIN_PASSWORD)


@pytest.fixture
def budi(ws, accounts, admin):
    """Budi (Tim) with a password of his own (one-time, then changed)."""
    person = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim", actor_id=admin.staff_id)
    accounts.create(admin.staff_id, person.id, "budi", one_time_password="sekali-pakai-01")
    return accounts.change_password("budi", "sekali-pakai-01", PASSWORD)


def refusal(call, *args) -> SignInRefused:
    with pytest.raises(SignInRefused) as refused:
        call(*args)
    return refused.value


def audit() -> list[tuple[int | None, str, str]]:
    return [(e.actor_id, e.action, e.detail) for e in AuditEntry.select().order_by(AuditEntry.id)]


# --- hashing --------------------------------------------------------------------------------

def test_the_application_hashes_with_argon2id_of_rfc_9106s_low_memory_profile(ws, actor):
    service = ws.accounts  # the workspace's own, not the tests' lighter one
    assert service.hasher.time_cost == 3 and service.hasher.memory_cost == 65536 and service.hasher.parallelism == 4
    service.create_first_admin(actor.id, "rina", ADMIN_PASSWORD)
    stored = Account.get().password_hash
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert ADMIN_PASSWORD not in stored and "kunci" not in stored
    assert service.sign_in("rina", ADMIN_PASSWORD).username == "rina"


def test_the_stored_hash_is_argon2id_and_not_the_password(accounts, admin, budi):
    for row in Account.select():
        assert row.password_hash.startswith("$argon2id$")
        assert ADMIN_PASSWORD not in row.password_hash and PASSWORD not in row.password_hash
    assert Account.get(Account.username == "rina").password_hash != Account.get(Account.username == "budi").password_hash


def test_a_hash_of_other_parameters_is_replaced_at_the_next_sign_in(ws, accounts, admin):
    before = Account.get().password_hash
    assert "m=8,t=1,p=1" in before
    stronger = AccountService(ws, hasher=PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    stronger.sign_in("rina", ADMIN_PASSWORD)
    after = Account.get().password_hash
    assert "m=16,t=2,p=1" in after and after != before
    assert stronger.sign_in("rina", ADMIN_PASSWORD).username == "rina"
    stronger.sign_in("rina", ADMIN_PASSWORD)
    assert Account.get().password_hash == after  # not made again when the parameters are right


# --- signing in -----------------------------------------------------------------------------

def test_sign_in_gives_the_persons_record_and_records_when(accounts, admin, clock):
    clock.advance(minutes=5)
    me = accounts.sign_in("  Rina ", ADMIN_PASSWORD)  # names are taken in any case, spaces trimmed
    assert (me.username, me.name, me.lane, me.is_admin, me.must_change) == ("rina", "Rina Wulandari", "subkor",
                                                                            True, False)
    assert me.staff_id == admin.staff_id and me.last_sign_in_at == clock.now()


def test_a_wrong_password_and_an_unknown_name_are_refused_alike(accounts, admin, budi, clock):
    wrong = refusal(accounts.sign_in, "budi", "bukan-kata-sandinya")
    unknown = refusal(accounts.sign_in, "siapa_saja", PASSWORD)
    no_password = refusal(accounts.sign_in, "", "")
    assert str(wrong) == str(unknown) == str(no_password) == "Nama pengguna atau kata sandi salah."
    assert wrong.reason == unknown.reason == "wrong"
    assert wrong.wait_seconds == unknown.wait_seconds == 1
    assert accounts.get(budi.id).failed_count == 1


def test_an_account_without_a_password_cannot_sign_in(ws, accounts, admin):
    person = ws.staff.add("Dewi Lestari", None, "Pengemudi", "kernet", actor_id=admin.staff_id)
    made = accounts.create(admin.staff_id, person.id, "dewi")
    assert not made.has_password and not made.must_change
    assert str(refusal(accounts.sign_in, "dewi", "")) == acc.WRONG
    assert str(refusal(accounts.sign_in, "dewi", "apa-saja-sepuluh")) == acc.WRONG


def test_failures_slow_down_then_lock_and_the_lock_ends_with_time(accounts, admin, budi, clock):
    waits = []
    for _ in range(acc.MAX_FAILURES - 1):
        wrong = refusal(accounts.sign_in, "budi", "salah-lagi-salah")
        assert wrong.reason == "wrong"
        waits.append(wrong.wait_seconds)
        early = refusal(accounts.sign_in, "budi", PASSWORD)  # even the right password must wait
        assert early.reason == "wait" and early.wait_seconds == wrong.wait_seconds
        assert f"tunggu {wrong.wait_seconds} detik" in str(early)
        clock.advance(seconds=wrong.wait_seconds)
    assert waits == [1, 2, 4, 8]
    locked = refusal(accounts.sign_in, "budi", "salah-lagi-salah")
    assert locked.reason == "locked" and locked.wait_seconds == 15 * 60
    assert "dikunci 15 menit (sampai pukul 08.15 WIB)" in str(locked)  # 08.00.15 WIB + 15 minutes
    assert accounts.get(budi.id).locked(clock.now())
    clock.advance(minutes=14, seconds=59)
    still = refusal(accounts.sign_in, "budi", PASSWORD)
    assert still.reason == "locked" and still.wait_seconds == 1 and "pukul 08.15 WIB" in str(still)
    assert accounts.get(budi.id).failed_count == acc.MAX_FAILURES  # refusals while locked are not counted
    clock.advance(seconds=1)
    assert accounts.sign_in("budi", PASSWORD).failed_count == 0
    record = accounts.get(budi.id)
    assert record.failed_count == 0 and record.locked_until is None
    assert [a for _who, a, _d in audit()].count("account.locked") == 1


def test_after_a_lock_is_served_failures_count_from_one_again(accounts, admin, budi, clock):
    for _ in range(acc.MAX_FAILURES):
        refused = refusal(accounts.sign_in, "budi", "salah-lagi-salah")
        clock.advance(seconds=refused.wait_seconds)
    assert refused.reason == "locked"
    again = refusal(accounts.sign_in, "budi", "salah-lagi-salah")
    assert (again.reason, again.wait_seconds) == ("wrong", 1)
    assert accounts.get(budi.id).failed_count == 1


def lock(accounts, clock, username: str = "budi") -> None:
    """Fail :data:`MAX_FAILURES` times in a row, waiting as told between attempts: locked now."""
    for _ in range(acc.MAX_FAILURES - 1):
        clock.advance(seconds=refusal(accounts.sign_in, username, "salah-lagi-salah").wait_seconds)
    assert refusal(accounts.sign_in, username, "salah-lagi-salah").reason == "locked"


def test_failures_are_kept_in_the_database_for_every_pc(ws, accounts, admin, budi, clock, restart):
    lock(accounts, clock)
    elsewhere = restart(ws)  # another start (another PC reads the same rows)
    other = AccountService(elsewhere, hasher=FAST)
    assert refusal(other.sign_in, "budi", PASSWORD).reason == "locked"
    clock.advance(minutes=15)
    assert other.sign_in("budi", PASSWORD).username == "budi"


def test_a_failure_does_not_raise_the_accounts_version(accounts, admin, budi, clock):
    before = accounts.get(budi.id).version
    refusal(accounts.sign_in, "budi", "salah-lagi-salah")
    clock.advance(seconds=1)
    accounts.sign_in("budi", PASSWORD)
    assert accounts.get(budi.id).version == before


def test_an_administrator_unlocks_an_account(accounts, admin, budi, clock):
    lock(accounts, clock)
    record = accounts.get(budi.id)
    opened = accounts.unlock(admin.staff_id, budi.id, record.version)
    assert opened.failed_count == 0 and opened.locked_until is None and opened.version == record.version + 1
    assert accounts.sign_in("budi", PASSWORD).username == "budi"


# --- one-time passwords and the policy ------------------------------------------------------

def test_a_one_time_password_must_be_changed_at_the_first_sign_in(ws, accounts, admin, clock):
    person = ws.staff.add("Dewi Lestari", None, "Pengemudi", "kernet", actor_id=admin.staff_id)
    made = accounts.create(admin.staff_id, person.id, "Dewi", one_time_password="sekali-pakai-02")
    assert made.username == "dewi" and made.must_change and made.has_password
    first = accounts.sign_in("dewi", "sekali-pakai-02")
    assert first.must_change
    changed = accounts.change_password("dewi", "sekali-pakai-02", "pilihan-dewi-sendiri")
    assert not changed.must_change and changed.version == made.version + 1
    assert str(refusal(accounts.sign_in, "dewi", "sekali-pakai-02")) == acc.WRONG  # used up
    clock.advance(seconds=1)
    assert not accounts.sign_in("dewi", "pilihan-dewi-sendiri").must_change


def test_an_administrator_resets_a_forgotten_password(accounts, admin, budi, clock):
    lock(accounts, clock)
    reset = accounts.set_one_time_password(admin.staff_id, budi.id, "baru-sekali-pakai", budi.version)
    assert reset.must_change and reset.failed_count == 0 and reset.locked_until is None  # and unlocked
    assert str(refusal(accounts.sign_in, "budi", PASSWORD)) == acc.WRONG
    clock.advance(seconds=1)
    assert accounts.sign_in("budi", "baru-sekali-pakai").must_change


@pytest.mark.parametrize("new, words", [
    ("pendek", "minimal 10 karakter"),
    ("x" * 257, "terlalu panjang"),
    (" " * 12, "hanya berisi spasi"),
    ("BUDI", "minimal 10 karakter"),
    ("budi_santo", None),  # allowed: 10 characters, not the name
])
def test_the_password_policy(accounts, admin, budi, new, words):
    if words is None:
        assert not accounts.change_password("budi", PASSWORD, new).must_change
        return
    with pytest.raises(ValidationError) as refused:
        accounts.change_password("budi", PASSWORD, new)
    assert words in str(refused.value) and refused.value.field == "password"
    assert accounts.get(budi.id).failed_count == 0  # a refused new password costs no attempt


def test_a_password_may_not_be_the_user_name_nor_the_old_one(ws, accounts, admin):
    person = ws.staff.add("Yohanes Pratama", None, "Operator", "tim", actor_id=admin.staff_id)
    with pytest.raises(ValidationError, match="sama dengan nama pengguna"):
        accounts.create(admin.staff_id, person.id, "yohanes_pratama", one_time_password="Yohanes_Pratama ")
    with pytest.raises(ValidationError, match="berbeda dari kata sandi lama"):
        accounts.change_password("rina", ADMIN_PASSWORD, ADMIN_PASSWORD)
    wrong_old = refusal(accounts.change_password, "rina", "bukan-yang-lama", "kata-sandi-baru-1")
    assert str(wrong_old) == "Kata sandi lama salah." and accounts.get(admin.id).failed_count == 1


@pytest.mark.parametrize("name, words", [
    ("", "wajib diisi"), ("r", "2 sampai 63"), ("rina.w", "huruf a–z"), ("1rina", "diawali huruf"),
    ("pg_rina", "tidak boleh diawali 'pg_'"), ("a" * 64, "2 sampai 63"), ("rína", "huruf a–z"),
])
def test_user_names_are_checked(ws, accounts, admin, name, words):
    person = ws.staff.add("Yohanes Pratama", None, "Operator", "tim", actor_id=admin.staff_id)
    with pytest.raises(ValidationError) as refused:
        accounts.create(admin.staff_id, person.id, name)
    assert words in str(refused.value) and refused.value.field == "username"
    assert accounts.missing() == [ws.staff.get(person.id)]


def test_a_name_is_taken_once_whatever_its_case_and_a_person_has_one_account(ws, accounts, admin):
    person = ws.staff.add("Rina Kusuma", None, "Operator", "tim", actor_id=admin.staff_id)
    with pytest.raises(ValidationError, match="sudah dipakai"):
        accounts.create(admin.staff_id, person.id, "RINA")
    with pytest.raises(ValidationError, match="sudah mempunyai akun \\(rina\\)"):
        accounts.create(admin.staff_id, admin.staff_id, "rina_lagi")
    quitted = ws.staff.add("Agus Salim", None, "Operator", "tim", active=False, actor_id=admin.staff_id)
    with pytest.raises(ValidationError, match="tidak aktif"):
        accounts.create(admin.staff_id, quitted.id, "agus")


def test_one_time_passwords_made_for_people_meet_the_policy():
    made = {acc.new_one_time_password() for _ in range(50)}
    assert len(made) == 50
    for text in made:
        acc.check_password("budi", text)
        assert len(text) == 14 and not set(text) & set("01ilo")


# --- deactivation and administrators --------------------------------------------------------

def test_a_deactivated_account_is_refused_only_to_who_knows_its_password(ws, accounts, admin, budi, clock):
    off = accounts.set_active(admin.staff_id, budi.id, False, budi.version)
    assert not off.active
    refused = refusal(accounts.sign_in, "budi", PASSWORD)
    assert refused.reason == "inactive" and "dinonaktifkan" in str(refused)
    assert str(refusal(accounts.sign_in, "budi", "salah-lagi-salah")) == acc.WRONG  # no hint without it
    clock.advance(seconds=1)
    accounts.set_active(admin.staff_id, budi.id, True, off.version)
    assert accounts.sign_in("budi", PASSWORD).active


def test_a_person_left_out_of_the_staff_directory_cannot_sign_in(ws, accounts, admin, budi):
    person = ws.staff.get(budi.staff_id)
    ws.staff.update(person.id, person.name, person.nip, person.position, person.lane, False, version=person.version,
                    actor_id=admin.staff_id)  # (an administrator's act: it takes the person's rights away)
    assert refusal(accounts.sign_in, "budi", PASSWORD).reason == "inactive"
    assert not accounts.get(budi.id).active


def test_only_an_administrator_changes_the_staff_directory_and_a_lane_change_is_audited(ws, accounts, admin,
                                                                                           budi):
    from wawaran_desktop.db.models import AuditEntry
    from wawaran_desktop.services.errors import RuleError

    me = ws.staff.get(budi.staff_id)  # Budi would make himself Kepala Bidang: his lane is his rights
    with pytest.raises(RuleError, match="Hanya administrator yang dapat menambah atau mengubah data petugas"):
        ws.staff.update(me.id, me.name, me.nip, me.position, "kabid", True, version=me.version, actor_id=budi.staff_id)
    with pytest.raises(RuleError, match="Hanya administrator"):
        ws.staff.update(me.id, me.name, me.nip, me.position, me.lane, False, version=me.version)  # nobody named
    with pytest.raises(RuleError, match="Hanya administrator"):  # nor his name: the directory is the admins'
        ws.staff.update(me.id, "Budi S.", me.nip, me.position, me.lane, True, version=me.version,
                        actor_id=budi.staff_id)
    with pytest.raises(RuleError, match="Hanya administrator"):  # nor a Kepala Bidang of his own making
        ws.staff.add("Kepala Palsu", None, "Kepala Bidang", "kabid", actor_id=budi.staff_id)
    assert ws.staff.get(me.id).lane == me.lane and not [s for s in ws.staff.list() if s.name == "Kepala Palsu"]
    renamed = ws.staff.update(me.id, "Budi Santoso, S.I.Kom.", me.nip, me.position, me.lane, True,
                              version=me.version, actor_id=admin.staff_id)
    moved = ws.staff.update(me.id, renamed.name, me.nip, me.position, "kernet", True, version=renamed.version,
                            actor_id=admin.staff_id)
    assert moved.lane == "kernet"
    entry = AuditEntry.get(AuditEntry.action == "staff_lane")
    assert entry.actor_id == admin.staff_id and entry.detail.endswith(f"{me.lane} -> kernet")


def test_only_administrators_administer(ws, accounts, admin, budi):
    person = ws.staff.add("Dewi Lestari", None, "Pengemudi", "kernet", actor_id=admin.staff_id)
    attempts = [
        lambda: accounts.create(budi.staff_id, person.id, "dewi"),
        lambda: accounts.set_one_time_password(budi.staff_id, admin.id, "ambil-alih-akun", None),
        lambda: accounts.unlock(budi.staff_id, admin.id, None),
        lambda: accounts.set_active(budi.staff_id, admin.id, False, None),
        lambda: accounts.set_admin(budi.staff_id, budi.id, True, None),
        lambda: accounts.create(person.id, person.id, "dewi"),  # a person without an account
    ]
    for attempt in attempts:
        with pytest.raises(NotAllowed, match="Hanya administrator"):
            attempt()
    granted = accounts.set_admin(admin.staff_id, budi.id, True, budi.version)
    assert granted.is_admin
    assert accounts.create(budi.staff_id, person.id, "dewi").username == "dewi"
    accounts.set_active(admin.staff_id, budi.id, False, granted.version)  # a deactivated admin: no more
    with pytest.raises(NotAllowed):
        accounts.unlock(budi.staff_id, admin.id, None)
    assert accounts.get(admin.id).version == admin.version  # nothing refused was stored


def test_the_first_administrator_is_made_only_while_there_is_no_account(ws, accounts, actor):
    assert not accounts.has_accounts()
    person = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
    with pytest.raises(NotAllowed, match="Belum ada administrator"):
        accounts.create(actor.id, person.id, "budi")
    with pytest.raises(ValidationError, match="minimal 10"):
        accounts.create_first_admin(actor.id, "rina", "pendek")
    first = accounts.create_first_admin(actor.id, "rina", ADMIN_PASSWORD)
    assert first.is_admin and not first.must_change and accounts.has_accounts()
    with pytest.raises(NotAllowed, match="sudah ada"):
        accounts.create_first_admin(person.id, "budi", PASSWORD)
    assert [a.username for a in accounts.list()] == ["rina"]


def test_one_active_administrator_always_remains(ws, accounts, admin, budi):
    with pytest.raises(RuleError, match="sedikitnya satu administrator aktif"):
        accounts.set_admin(admin.staff_id, admin.id, False, admin.version)
    with pytest.raises(RuleError, match="sedikitnya satu administrator aktif"):
        accounts.set_active(admin.staff_id, admin.id, False, admin.version)
    second = accounts.set_admin(admin.staff_id, budi.id, True, budi.version)
    assert second.is_admin
    dropped = accounts.set_admin(budi.staff_id, admin.id, False, admin.version)
    assert not dropped.is_admin
    with pytest.raises(RuleError):
        accounts.set_active(budi.staff_id, budi.id, False, second.version)


def test_every_change_is_audited_by_who_and_never_with_a_password(ws, accounts, admin, budi, clock):
    clock.advance(seconds=30)
    accounts.set_one_time_password(admin.staff_id, budi.id, "baru-sekali-pakai", budi.version)
    budi_now = accounts.get(budi.id)
    accounts.set_active(admin.staff_id, budi.id, False, budi_now.version)
    accounts.set_active(admin.staff_id, budi.id, True, budi_now.version + 1)
    accounts.set_admin(admin.staff_id, budi.id, True, budi_now.version + 2)
    lock(accounts, clock)
    accounts.unlock(admin.staff_id, budi.id, budi_now.version + 3)
    rina, budi_id = admin.staff_id, budi.staff_id
    assert audit() == [
        (rina, "account.create", "rina untuk Rina Wulandari, administrator pertama"),
        (rina, "account.create", "budi untuk Budi Santoso, dengan kata sandi sekali pakai"),
        (budi_id, "account.password_change", "budi mengganti kata sandinya"),
        (rina, "account.password_reset", "budi: kata sandi sekali pakai diberikan"),
        (rina, "account.deactivate", "budi: dinonaktifkan"),
        (rina, "account.reactivate", "budi: diaktifkan kembali"),
        (rina, "account.admin_grant", "budi: menjadi administrator"),
        (None, "account.locked", "budi: dikunci sampai pukul 08.15 WIB setelah 5 kali gagal masuk"),
        (rina, "account.unlock", "budi: kunci dibuka"),
    ]
    secrets = (ADMIN_PASSWORD, PASSWORD, "sekali-pakai-01", "baru-sekali-pakai", "salah-lagi-salah")
    assert not any(s in detail for _w, _a, detail in audit() for s in secrets)
    entries = list(AuditEntry.select().order_by(AuditEntry.id))
    assert all(e.campaign_id is None for e in entries)
    # who acted as they were then, and the account they acted as
    assert {(e.actor_name, e.account_id) for e in entries if e.actor_id == rina} == {("Rina Wulandari", admin.id)}
    assert [(e.actor_name, e.account_id) for e in entries if e.action == "account.locked"] == [("", None)]
    assert HistoryService(ws).verify().whole  # every entry linked into the history chain


def test_two_administrators_editing_one_account_the_second_is_refused(accounts, admin, budi):
    second = accounts.set_admin(admin.staff_id, budi.id, True, budi.version)
    read_by_rina = read_by_budi = accounts.get(admin.id).version
    accounts.set_one_time_password(admin.staff_id, admin.id, "rina-lupa-sandi", read_by_rina)
    with pytest.raises(ConflictError) as refused:
        accounts.set_active(second.staff_id, admin.id, False, read_by_budi)
    assert "Akun rina diubah" in str(refused.value) and refused.value.version == read_by_budi + 1
    assert refused.value.theirs == {"Nama pengguna": "rina", "Administrator": "ya", "Aktif": "ya",
                                    "Kata sandi": "sekali pakai"}
    assert accounts.get(admin.id).active  # nothing stored
    assert accounts.set_active(second.staff_id, admin.id, False, refused.value.version).active is False


# --- staff without accounts and older databases ---------------------------------------------

def test_missing_lists_the_staff_without_an_account(ws, accounts, admin):
    dewi = ws.staff.add("Dewi Lestari", None, "Pengemudi", "kernet", actor_id=admin.staff_id)
    agus = ws.staff.add("Agus Salim", None, "Operator", "tim", active=False, actor_id=admin.staff_id)
    assert accounts.missing() == [dewi]
    assert accounts.missing(include_inactive=True) == [agus, dewi]
    accounts.create(admin.staff_id, dewi.id, "dewi")
    assert accounts.missing() == []
    assert accounts.for_staff(dewi.id).username == "dewi" and accounts.for_staff(agus.id) is None


def test_a_schema_4_file_gets_an_empty_account_table_and_keeps_its_staff(data_dir, clock):
    data_dir.mkdir(parents=True)
    db = SqliteDatabase(str(data_dir / paths.DB_FILENAME))
    db.connect()
    apply_migrations(db, up_to=4)
    for name, lane in (("Rina Wulandari", "subkor"), ("Budi Santoso", "tim")):
        db.execute_sql("INSERT INTO staff (name, lane, position, created_at) VALUES (?, ?, 'Staf', '2026-01-05')",
                       (name, lane))
    db.close()
    ws = open_workspace(data_dir, clock=clock.now)
    try:
        assert schema_version(database.obj) == LATEST_VERSION
        service = AccountService(ws, hasher=FAST)
        assert not service.has_accounts() and service.list() == []
        staff = ws.staff.list()
        assert [(s.name, s.lane, s.version) for s in staff] == [("Budi Santoso", "tim", 1),
                                                               ("Rina Wulandari", "subkor", 1)]
        assert service.missing() == staff
        rina = next(s for s in staff if s.lane == "subkor")
        service.create_first_admin(rina.id, "rina", ADMIN_PASSWORD)
        assert [s.name for s in service.missing()] == ["Budi Santoso"]
    finally:
        ws.close()


def test_attempts_while_slowed_down_are_refused_uncounted_and_unslept(accounts, admin, clock):
    """The service never sleeps (the caller waits): refusals come back at once, and attempts made
    while the account is slowed down are not counted."""
    before = clock.now()
    for _ in range(3):
        refusal(accounts.sign_in, "rina", "salah-lagi-salah")
    assert clock.now() == before
    record = accounts.get(admin.id)
    assert record.locked_until == before + timedelta(seconds=1) and record.failed_count == 1


def test_a_failure_arriving_while_the_account_is_locked_does_not_shorten_the_lock(ws, accounts, admin, budi, clock):
    """Two attempts that both passed the wait check (two PCs, argon2's ~0.1 s) before the 5th
    failure wrote the lock: the later one must not restart the count under the lock."""
    from wawaran_desktop.db.models import Account
    from wawaran_desktop.services.accounts import LOCK_MINUTES, MAX_FAILURES, WRONG

    for _ in range(MAX_FAILURES):
        refusal(accounts.sign_in, "budi", "salah-sekali-123")
        clock.advance(seconds=9)  # past each slow-down
    locked = accounts.get(budi.id)
    assert locked.failed_count == MAX_FAILURES and locked.locked(clock.now())
    row = Account.get_by_id(budi.id)
    late = accounts._failure(row, clock.now(), WRONG)  # (the late attempt's bookkeeping, as the service runs it)
    assert late.reason == "locked" and late.wait_seconds > (LOCK_MINUTES - 1) * 60
    after = accounts.get(budi.id)
    assert (after.failed_count, after.locked_until) == (locked.failed_count, locked.locked_until)
