"""On the office server, the database itself binds what a person's own login writes to that person.

``init-server`` installs these triggers (owned by the owner role, like the tables). They apply to
every session of a *person*: a login that is neither a superuser nor a member of the owner role
(the application's logins are members of the group only). The server's administrators — the
role that runs ``init-server``, ``migrate-to`` or the server's ``demo`` — are not bound: they can
alter the tables anyway, and what they change by hand is what the history chain and its anchors
find (``verify-history``).

For a person's login, even with ``psql``:

- **history** (``step_event``, ``audit_entry``): a new row names the login's own account (filled
  in when the row names none) and, as who acted, its own member of staff — with the name and lane
  that person has now — or nobody (an audit entry); a step event also needs the right to act in
  that step (below). History rows are never updated nor deleted (the group has no such right);
- **a lane override** (``lane_override``): only an active administrator, for themself;
- **the staff directory** (``staff``): added to and changed by an administrator only (a lane is a
  person's rights);
- **steps** (``step``): a step is changed (its assignee, its notes) only by someone who may act in
  it, as :mod:`wawaran_desktop.services.lanes` says — their lane is the step's primary or a
  supporting lane in the campaign's pinned SOP (read from ``sop_version``, data, not code), they
  are its assignee, or they are an administrator who recorded a reason for that step; a new step
  names no assignee, and a step never moves to another campaign or number;
- **who recorded** a stage's content (``updated_by``, ``created_by``, ``added_by``, ``checked_by``,
  ``cancelled_by`` in :data:`RECORDER_COLUMNS`): when set or changed, the login's own member of
  staff.

What the database does not check is a stage form's content against the lanes: the services do
(services/lanes.py), and every save is versioned; the stage tables name who saved last.

A refusal is an SQLSTATE ``WA403`` (``WA401`` for a login without an active account) with an
Indonesian message; the application's own checks refuse first, so it sees them only if a service
forgot one.
"""

from __future__ import annotations

from peewee import Database

from wawaran_desktop.db.server_accounts import function_statements, sql_literal, sql_name

#: SQLSTATE of a guard's refusal.
REFUSED = "WA403"

#: Stage tables whose listed columns say who recorded the row: bound to the acting login.
RECORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "campaign": ("created_by_id", "cancelled_by_id"),
    "checklist_mark": ("checked_by_id",),
    "data_item": ("created_by_id",),
    "attachment": ("added_by_id",),
    "briefing": ("updated_by_id",),
    "theme_decision": ("updated_by_id",),
    "office_word": ("added_by_id",),
    "disposition": ("updated_by_id",),
    "readiness": ("updated_by_id",),
    "readiness_item": ("checked_by_id",),
    "report": ("updated_by_id",),
    "evaluation": ("updated_by_id",),
}

_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION wawaran_guard_refuse(p_message text) RETURNS void
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $f$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'WA403', MESSAGE = p_message;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_me(OUT bound boolean, OUT account_id integer, OUT staff_id integer,
                                            OUT is_admin boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
BEGIN
  bound := NOT ((SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
                OR pg_has_role(session_user, {owner_literal}, 'MEMBER'));
  IF NOT bound THEN
    RETURN;
  END IF;
  SELECT a.id, a.staff_id, a.is_admin AND NOT a.must_change INTO account_id, staff_id, is_admin
    FROM account a JOIN staff s ON s.id = a.staff_id
   WHERE a.username = session_user::text AND a.active AND s.active;
  IF account_id IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'WA401',
      MESSAGE = format('Login %s tidak mempunyai akun aktif Wawaran Desktop: tidak ada yang dicatat.', session_user);
  END IF;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_may_act(p_campaign integer, p_no integer, p_staff integer)
RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE person_lane text; activity jsonb;
BEGIN
  SELECT lane INTO person_lane FROM staff WHERE id = p_staff;
  SELECT e.item INTO activity
    FROM campaign c JOIN sop_version v ON v.id = c.sop_id
         CROSS JOIN LATERAL jsonb_array_elements(v.definition::jsonb -> 'activities') AS e(item)
   WHERE c.id = p_campaign AND (e.item ->> 'no')::integer = p_no;
  IF activity IS NULL OR person_lane IS NULL THEN
    RETURN false;
  END IF;
  IF activity ->> 'lane' = person_lane OR COALESCE(activity -> 'support_lanes', '[]'::jsonb) ? person_lane THEN
    RETURN true;
  END IF;
  IF EXISTS (SELECT 1 FROM step WHERE campaign_id = p_campaign AND no = p_no AND assignee_id = p_staff) THEN
    RETURN true;
  END IF;
  RETURN EXISTS (SELECT 1 FROM lane_override o WHERE o.campaign_id = p_campaign AND o.step_no = p_no
                    AND o.staff_id = p_staff)
     AND EXISTS (SELECT 1 FROM account a JOIN staff s ON s.id = a.staff_id
                  WHERE a.staff_id = p_staff AND a.is_admin AND NOT a.must_change AND a.active AND s.active);
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record; person record; st record;
BEGIN
  me := wawaran_guard_me();
  IF NOT me.bound THEN
    RETURN NEW;
  END IF;
  IF NEW.account_id IS NULL THEN
    NEW.account_id := me.account_id;
  ELSIF NEW.account_id <> me.account_id THEN
    PERFORM wawaran_guard_refuse(format('Riwayat hanya dicatat atas nama akun sendiri (%s), bukan akun lain.',
                                        session_user));
  END IF;
  IF NEW.actor_id IS NULL AND TG_TABLE_NAME = 'step_event' OR NEW.actor_id <> me.staff_id THEN
    PERFORM wawaran_guard_refuse(format('Riwayat hanya dicatat atas nama petugas akun %s sendiri.', session_user));
  END IF;
  IF NEW.actor_id IS NOT NULL THEN
    SELECT name, lane INTO person FROM staff WHERE id = NEW.actor_id;
    IF NEW.actor_name IS DISTINCT FROM person.name OR NEW.actor_lane IS DISTINCT FROM person.lane THEN
      PERFORM wawaran_guard_refuse('Nama dan peran pelaku di riwayat harus seperti tercatat di daftar petugas.');
    END IF;
  END IF;
  IF TG_TABLE_NAME = 'step_event' THEN
    SELECT campaign_id, no INTO st FROM step WHERE id = NEW.step_id;
    IF NOT wawaran_guard_may_act(st.campaign_id, st.no, me.staff_id) THEN
      PERFORM wawaran_guard_refuse(format('Tahap %s kampanye %s bukan lajur petugas akun %s.', st.no,
                                          st.campaign_id, session_user));
    END IF;
  END IF;
  RETURN NEW;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_lane_override() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record;
BEGIN
  me := wawaran_guard_me();
  IF NOT me.bound THEN
    RETURN NEW;
  END IF;
  IF NOT me.is_admin OR NEW.staff_id <> me.staff_id
     OR NEW.account_id IS NOT NULL AND NEW.account_id <> me.account_id THEN
    PERFORM wawaran_guard_refuse('Hanya administrator yang mencatat alasan bertindak di luar lajur, atas nama '
                                 'dirinya sendiri.');
  END IF;
  NEW.account_id := me.account_id;
  RETURN NEW;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_staff() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record;
BEGIN
  me := wawaran_guard_me();
  IF me.bound AND NOT me.is_admin THEN
    PERFORM wawaran_guard_refuse('Hanya administrator yang dapat menambah atau mengubah data petugas: peran '
                                 'petugas menentukan siapa boleh mengerjakan setiap tahap.');
  END IF;
  RETURN NEW;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_step() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record;
BEGIN
  me := wawaran_guard_me();
  IF NOT me.bound THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.assignee_id IS NOT NULL THEN
      PERFORM wawaran_guard_refuse('Tahap baru belum ditugaskan kepada siapa pun.');
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.campaign_id <> OLD.campaign_id OR NEW.no <> OLD.no OR NEW.standard_minutes <> OLD.standard_minutes THEN
    PERFORM wawaran_guard_refuse('Kampanye, nomor dan waktu baku sebuah tahap tidak dapat diubah.');
  END IF;
  IF NOT wawaran_guard_may_act(OLD.campaign_id, OLD.no, me.staff_id) THEN
    PERFORM wawaran_guard_refuse(format('Tahap %s kampanye %s bukan lajur petugas akun %s.', OLD.no,
                                        OLD.campaign_id, session_user));
  END IF;
  RETURN NEW;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_recorder() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record; col text; new_value text; old_value text;
BEGIN
  me := wawaran_guard_me();
  IF NOT me.bound THEN
    RETURN NEW;
  END IF;
  FOREACH col IN ARRAY TG_ARGV LOOP
    new_value := to_jsonb(NEW) ->> col;
    old_value := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ->> col END;
    IF new_value IS DISTINCT FROM old_value AND new_value IS NOT NULL AND new_value::integer <> me.staff_id THEN
      PERFORM wawaran_guard_refuse(format('Isian dicatat atas nama petugas akun %s sendiri, bukan petugas lain.',
                                          session_user));
    END IF;
  END LOOP;
  RETURN NEW;
END $f$;
"""

#: Every function :func:`install` makes (none is executable by the group: triggers fire anyway).
SIGNATURES = (
    "wawaran_guard_refuse(text)",
    "wawaran_guard_me()",
    "wawaran_guard_may_act(integer, integer, integer)",
    "wawaran_guard_history()",
    "wawaran_guard_lane_override()",
    "wawaran_guard_staff()",
    "wawaran_guard_step()",
    "wawaran_guard_recorder()",
)


def triggers(tables: list[str] | tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """(table, trigger name, when it fires, what it runs) of every guard on those of ``tables``."""
    found = [(table, "wawaran_guard_history", "BEFORE INSERT", "wawaran_guard_history()")
             for table in ("step_event", "audit_entry")]
    found += [("lane_override", "wawaran_guard_lane_override", "BEFORE INSERT", "wawaran_guard_lane_override()"),
              ("staff", "wawaran_guard_staff", "BEFORE INSERT OR UPDATE", "wawaran_guard_staff()"),
              ("step", "wawaran_guard_step", "BEFORE INSERT OR UPDATE", "wawaran_guard_step()")]
    found += [(table, "wawaran_guard_recorder", "BEFORE INSERT OR UPDATE",
               f"wawaran_guard_recorder({', '.join(sql_literal(c) for c in columns)})")
              for table, columns in RECORDER_COLUMNS.items()]
    present = set(tables)
    return [row for row in found if row[0] in present]


def install(db: Database, schema: str, owner: str, tables: list[str]) -> None:
    """Create (or replace) the guard functions and triggers in ``schema`` as the current role
    (init-server: the owner role). ``tables``: those the schema has (an older schema gets the
    guards of its tables)."""
    names = {"schema": sql_name(schema), "owner_literal": sql_literal(owner)}
    for statement in function_statements(_FUNCTIONS.format(**names)):
        db.execute_sql(statement.replace("%", "%%"))  # psycopg reads % as a placeholder
    for signature in SIGNATURES:
        db.execute_sql(f"REVOKE ALL ON FUNCTION {sql_name(schema)}.{signature} FROM PUBLIC")
        db.execute_sql(f"ALTER FUNCTION {sql_name(schema)}.{signature} OWNER TO {sql_name(owner)}")
    for table, name, when, run in triggers(tables):
        db.execute_sql(f"CREATE OR REPLACE TRIGGER {name} {when} ON {sql_name(schema)}.{sql_name(table)} "
                       f"FOR EACH ROW EXECUTE FUNCTION {sql_name(schema)}.{run}".replace("%", "%%"))

