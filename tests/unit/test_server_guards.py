"""The office server binds what a person's own login writes to that person, even with psql
(db/server_guards.py): history in their own name, steps only in their lanes, the staff
directory and lane overrides by administrators only; the server's administrator is not bound,
and what it adds by hand is what verify-history finds."""

from __future__ import annotations

import psycopg
import pytest
from pg_scram import ADMIN_PASSWORD, ONE_TIME, add_person, prepare_office, unique
from pg_scram import scram_server as scram_password_server

from wawaran_desktop.db.connection import close_database


@pytest.fixture(scope="module")
def scram_server():
    with scram_password_server() as server:
        yield server


@pytest.fixture
def office(scram_server, tmp_path):
    """The administrator (a Sub Kor) opened a campaign and started step 1; Budi (Tim) has a login."""
    office = prepare_office(scram_server, tmp_path / "data", unique("rina"))
    office.budi = add_person(office, "Budi Santoso")
    ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        office.campaign = ws.campaigns.create(admin.staff_id, "Wawaran Pasar Murah").id
        ws.steps.start(admin.staff_id, office.campaign, 1)
    finally:
        ws.close()
    with psycopg.connect(office.url) as conn:  # (the superuser: the test's own look at the rows)
        office.ids = dict(conn.execute(
            "SELECT a.username, json_build_object('account', a.id, 'staff', a.staff_id, 'name', s.name, "
            "'lane', s.lane) FROM account a JOIN staff s ON s.id = a.staff_id").fetchall())
        office.steps = dict(conn.execute("SELECT no, id FROM step WHERE campaign_id = %s",
                                         (office.campaign,)).fetchall())
    yield office
    close_database()


def refused(conn, sql: str, params: tuple = (), code: str = "WA403") -> str:
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(sql, params)
    assert caught.value.sqlstate == code, caught.value
    return str(caught.value)


EVENT = ("INSERT INTO step_event (step_id, kind, at, actor_id, actor_name, actor_lane, account_id) "
         "VALUES (%s, 'start', now(), %s, %s, %s, %s) RETURNING id, account_id")
AUDIT = ("INSERT INTO audit_entry (at, actor_id, action, detail, actor_name, actor_lane, account_id) "
         "VALUES (now(), %s, 'tulis', '', %s, %s, %s) RETURNING account_id")


def test_a_persons_login_writes_history_only_in_their_own_name_and_lanes(office):
    budi, rina = office.ids[office.budi], office.ids[office.admin]
    with office.psql(office.budi, ONE_TIME) as conn:
        as_rina = refused(conn, EVENT, (office.steps[1], rina["staff"], rina["name"], rina["lane"], rina["account"]))
        assert "atas nama" in as_rina
        refused(conn, EVENT, (office.steps[1], budi["staff"], budi["name"], budi["lane"], rina["account"]))
        refused(conn, EVENT, (office.steps[1], rina["staff"], rina["name"], rina["lane"], None))
        refused(conn, EVENT, (office.steps[1], budi["staff"], "Hendra Gunawan", "kabid", None))  # a name not his
        outside = refused(conn, EVENT, (office.steps[3], budi["staff"], budi["name"], budi["lane"], None))
        assert "tahap 3" in outside and "bukan lajur" in outside  # the Kepala Bidang's step
        refused(conn, AUDIT, (rina["staff"], rina["name"], rina["lane"], None))
        refused(conn, AUDIT, (None, "", "", rina["account"]))
        # In his own name, in a lane of his (Tim supports step 1): stored, under his own account.
        _id, account = conn.execute(EVENT, (office.steps[1], budi["staff"], budi["name"], budi["lane"],
                                            None)).fetchone()
        assert account == budi["account"]
        assert conn.execute(AUDIT, (None, "", "", None)).fetchone() == (budi["account"],)
        refused(conn, "UPDATE step_event SET reason = 'x'", code="42501")  # and never changed afterwards
    ws, _ = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        from wawaran_desktop.services.history import HistoryService

        check = HistoryService(ws).verify()  # rows added by hand, outside the chain, are found
        assert not check.whole and "disisipkan tanpa tautan rantai" in check.message
    finally:
        ws.close()


def test_a_persons_login_cannot_take_a_step_nor_change_the_staff_directory(office):
    budi, rina = office.ids[office.budi], office.ids[office.admin]
    with office.psql(office.budi, ONE_TIME) as conn:
        refused(conn, "UPDATE step SET assignee_id = %s WHERE id = %s", (budi["staff"], office.steps[3]))
        refused(conn, "UPDATE step SET notes = 'diubah' WHERE id = %s", (office.steps[9],))
        conn.execute("UPDATE step SET notes = 'catatan Tim' WHERE id = %s", (office.steps[1],))  # his lane's
        refused(conn, "UPDATE step SET standard_minutes = 1 WHERE id = %s", (office.steps[1],))
        refused(conn, "UPDATE staff SET lane = 'kabid' WHERE id = %s", (budi["staff"],))
        refused(conn, "UPDATE staff SET active = false WHERE id = %s", (rina["staff"],))
        refused(conn, "INSERT INTO staff (name, position, rank, lane, active, created_at, version) "
                      "VALUES ('Kepala Palsu', '', '', 'kabid', true, now(), 1)")
        refused(conn, "INSERT INTO lane_override (campaign_id, step_no, staff_id, reason, at) "
                      "VALUES (%s, 3, %s, 'saya saja', now())", (office.campaign, budi["staff"]))
        refused(conn, "UPDATE campaign SET cancelled_by_id = %s WHERE id = %s", (rina["staff"], office.campaign))
        refused(conn, "INSERT INTO data_item (campaign_id, position, topic, summary, source_kind, source_name, "
                      "reference, priority, selected, created_by_id, created_at, version) "
                      "VALUES (%s, 9, 'x', '', 'other', '', '', 2, false, %s, now(), 1)", (office.campaign, rina["staff"]))
    with psycopg.connect(office.url) as conn:
        assert conn.execute("SELECT lane FROM staff WHERE id = %s", (budi["staff"],)).fetchone() == ("tim",)
        assert conn.execute("SELECT assignee_id FROM step WHERE id = %s", (office.steps[3],)).fetchone() == (None,)


def test_an_administrators_login_keeps_its_rights_but_only_in_its_own_name(office):
    budi, rina = office.ids[office.budi], office.ids[office.admin]
    with office.psql(office.admin, ADMIN_PASSWORD) as conn:
        conn.execute("UPDATE staff SET position = 'Pranata Humas Ahli' WHERE id = %s", (budi["staff"],))
        refused(conn, "INSERT INTO lane_override (campaign_id, step_no, staff_id, reason, at) "
                      "VALUES (%s, 4, %s, 'untuk Budi', now())", (office.campaign, budi["staff"]))
        refused(conn, EVENT, (office.steps[4], rina["staff"], rina["name"], rina["lane"], None))  # the Tim's step: no reason yet
        row = conn.execute("INSERT INTO lane_override (campaign_id, step_no, staff_id, reason, at) VALUES "
                           "(%s, 4, %s, 'Tim dinas luar', now()) RETURNING account_id",
                           (office.campaign, rina["staff"])).fetchone()
        assert row == (rina["account"],)
        conn.execute(EVENT, (office.steps[4], rina["staff"], rina["name"], rina["lane"], None))  # with a reason
        refused(conn, EVENT, (office.steps[1], budi["staff"], budi["name"], budi["lane"], None))  # not as Budi


def test_a_group_login_without_an_account_writes_nothing_and_the_server_administrator_is_not_bound(office):
    loner = unique("tamu")
    with psycopg.connect(office.url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {loner} LOGIN PASSWORD 'tanpa-akun-1' IN ROLE wawaran_app")
    with office.psql(loner, "tanpa-akun-1") as conn:
        assert "tidak mempunyai akun" in refused(conn, AUDIT, (None, "", "", None), code="WA401")
    rina = office.ids[office.admin]
    with psycopg.connect(office.url, autocommit=True) as conn:  # the superuser may write anything
        assert conn.execute(AUDIT, (rina["staff"], rina["name"], rina["lane"], None)).fetchone() == (None,)


def test_a_deactivated_persons_open_connection_writes_no_more_history(office):
    budi = office.ids[office.budi]
    with office.psql(office.budi, ONE_TIME) as conn:  # opened while Budi is still active
        conn.execute(AUDIT, (None, "", "", None))
        ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
        try:
            account = ws.accounts.get(budi["account"])
            ws.accounts.set_active(admin.staff_id, account.id, False, account.version)
        finally:
            ws.close()
        assert "tidak mempunyai akun aktif" in refused(conn, AUDIT, (None, "", "", None), code="WA401")
        refused(conn, "UPDATE step SET notes = 'masih bisa?' WHERE id = %s", (office.steps[1],), code="WA401")


# -- what a second reader tried (each was accepted before these guards) -------------------------
def the_campaigns_sop(conn, campaign_id: int) -> tuple[int, dict, str, str]:
    import json

    sop_id, definition, name, version = conn.execute(
        "SELECT v.id, v.definition, v.sop_id, v.version FROM sop_version v JOIN campaign c ON c.sop_id = v.id "
        "WHERE c.id = %s", (campaign_id,)).fetchone()
    return sop_id, json.loads(definition), name, version


def test_the_sop_a_campaign_runs_under_cannot_be_rewritten_nor_swapped(office):
    import hashlib
    import json

    budi = office.ids[office.budi]
    with office.psql(office.budi, ONE_TIME) as conn:
        sop_id, definition, name, version = the_campaigns_sop(conn, office.campaign)
        for activity in definition["activities"]:  # the Tim in every step's lanes
            activity.setdefault("support_lanes", []).append("tim")
        forged = json.dumps(definition)
        refused(conn, "UPDATE sop_version SET definition = %s WHERE id = %s", (forged, sop_id), code="42501")
        refused(conn, "DELETE FROM sop_version WHERE id = %s", (sop_id,), code="42501")
        checksum = hashlib.sha256(forged.encode()).hexdigest()
        assert "hanya administrator" in refused(
            conn, "INSERT INTO sop_version (sop_id, version, checksum, definition, registered_at) "
                  "VALUES (%s, %s, %s, %s, now())", (name, version, checksum, forged))
        refused(conn, "INSERT INTO sop_version (sop_id, version, checksum, definition, registered_at) "
                      "VALUES (%s, %s, 'palsu', %s, now())", (name, version, forged))
        refused(conn, "UPDATE campaign SET sop_id = %s WHERE id = %s", (sop_id + 1, office.campaign))
        refused(conn, EVENT, (office.steps[3], budi["staff"], budi["name"], budi["lane"], None))  # still not his


def test_authorship_cancellation_and_recorders_name_the_login_itself(office):
    budi, rina = office.ids[office.budi], office.ids[office.admin]
    with office.psql(office.admin, ADMIN_PASSWORD) as conn:
        conn.execute("INSERT INTO briefing (campaign_id, place, agenda, technical_notes, updated_by_id, updated_at, "
                     "version) VALUES (%s, 'Aula', 'agenda Rina', '', %s, now(), 1)", (office.campaign, rina["staff"]))
    with office.psql(office.budi, ONE_TIME) as conn:
        conn.execute("UPDATE briefing SET agenda = 'agenda tulisan Budi' WHERE campaign_id = %s", (office.campaign,))
        assert conn.execute("SELECT updated_by_id FROM briefing WHERE campaign_id = %s",
                            (office.campaign,)).fetchone() == (budi["staff"],)  # who wrote it last: Budi
        refused(conn, "UPDATE campaign SET created_by_id = %s WHERE id = %s", (budi["staff"], office.campaign))
        refused(conn, "UPDATE campaign SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'x' "
                      "WHERE id = %s", (office.campaign,))
        refused(conn, "INSERT INTO narration_version (campaign_id, number, text, author_id, saved_at, is_final) "
                      "VALUES (%s, 99, 'teks Rina?', %s, now(), false)", (office.campaign, rina["staff"]))
        refused(conn, AUDIT, (None, rina["name"], rina["lane"], None))  # nobody named, in Rina's name


def test_a_disposition_recipients_status_is_recorded_by_the_recipient_alone(office):
    budi, rina = office.ids[office.budi], office.ids[office.admin]
    with office.psql(office.budi, ONE_TIME) as conn:
        refused(conn, "INSERT INTO disposition_recipient (campaign_id, staff_id, read_at, followed_up_at, follow_up) "
                      "VALUES (%s, %s, now(), now(), 'Sudah - Rina')", (office.campaign, rina["staff"]))
    with office.psql(office.admin, ADMIN_PASSWORD) as conn:  # the Sub Kor addresses it to both
        for person in (rina, budi):
            conn.execute("INSERT INTO disposition_recipient (campaign_id, staff_id) VALUES (%s, %s)",
                         (office.campaign, person["staff"]))
    with office.psql(office.budi, ONE_TIME) as conn:
        refused(conn, "UPDATE disposition_recipient SET follow_up = 'diubah Budi' WHERE staff_id = %s", (rina["staff"],))
        conn.execute("UPDATE disposition_recipient SET read_at = now() WHERE staff_id = %s", (budi["staff"],))  # his own


def test_checklist_marks_of_a_step_are_its_lanes(office):
    budi, rina = office.ids[office.budi], office.ids[office.admin]
    with office.psql(office.admin, ADMIN_PASSWORD) as conn:
        conn.execute("INSERT INTO checklist_mark (step_id, item, checked_by_id, checked_at) VALUES (%s, 0, %s, now())",
                     (office.steps[3], rina["staff"]))
    with office.psql(office.budi, ONE_TIME) as conn:
        refused(conn, "UPDATE checklist_mark SET item = 1 WHERE step_id = %s", (office.steps[3],))
        refused(conn, "INSERT INTO checklist_mark (step_id, item, checked_by_id, checked_at) VALUES (%s, 2, %s, now())",
                (office.steps[3], budi["staff"]))
        refused(conn, "DELETE FROM checklist_mark WHERE step_id = %s", (office.steps[3],))
        conn.execute("INSERT INTO checklist_mark (step_id, item, checked_by_id, checked_at) VALUES (%s, 1, %s, now())",
                     (office.steps[1], budi["staff"]))  # step 1 is his lane's


def test_an_administrator_deactivating_themself_is_audited_before_the_guard_sees_them_inactive(office):
    ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        other = ws.staff.add("Hendra Gunawan", None, "Kepala Bidang DIKP", "kabid", actor_id=admin.staff_id)
        ws.accounts.create(admin.staff_id, other.id, unique("hendra"), is_admin=True, one_time_password=ONE_TIME)
        me = ws.staff.get(admin.staff_id)
        ws.staff.update(me.id, me.name, me.nip, me.position, me.lane, False, version=me.version, actor_id=me.id)
        assert not ws.staff.get(me.id).active
    finally:
        ws.close()


def test_a_refusal_of_the_server_reads_as_one(office):
    """What the window shows when a guard refuses (views/error_report.py reads it): its words."""
    from wawaran_desktop.db.server_guards import refusal_text

    rina = office.ids[office.admin]
    with office.psql(office.budi, ONE_TIME) as conn, pytest.raises(psycopg.Error) as caught:
        conn.execute(AUDIT, (rina["staff"], rina["name"], rina["lane"], None))
    assert refusal_text(caught.value) == "Riwayat hanya dicatat atas nama petugas akun %s sendiri." % office.budi
    assert refusal_text(ValueError("lain")) is None


def test_a_persons_login_seeds_the_office_words_naming_nobody_but_never_someone_else(office):
    """The narration's spell checker seeds the office's words on first use (services/office_words.py)
    naming nobody: a Tim member opening the narration on the server does it (found by the trial)."""
    rina = office.ids[office.admin]
    with office.psql(office.budi, ONE_TIME) as conn:
        conn.execute("INSERT INTO office_word (word, added_by_id, added_at) VALUES ('cipondoh', NULL, now())")
        refused(conn, "INSERT INTO office_word (word, added_by_id, added_at) VALUES ('karawaci', %s, now())",
                (rina["staff"],))
    ws, _budi = office.sign_in(office.budi, ONE_TIME)
    try:
        from wawaran_desktop.services.office_words import OfficeWords

        assert "cipondoh" in OfficeWords(ws).words()  # seeding the rest, as the Tim member
    finally:
        ws.close()
