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
- **who recorded** a stage's content (:data:`RECORDER_COLUMNS`): ``updated_by`` is the login's own
  member of staff on every write; ``created_by``, ``added_by`` and a narration's ``author`` name
  it when the row is added and never change; ``checked_by`` names it or nobody;
- **a campaign**: its pinned SOP, creator and creation time never change; it is cancelled only in
  the login's own name;
- **the SOP** (``sop_version``, insert-only for the group): a definition is registered only by an
  administrator (the lanes are read from it), and only with the checksum of its own text;
- **a checklist mark**: added, changed or removed only by someone who may act in its step;
- **a disposition's recipient**: only that person records having read it and its follow-up.

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

#: Tables whose listed columns say who recorded the row, as ``kind:column``: ``last`` (who wrote
#: it last: set to the acting login's staff entry on every write), ``first`` (who added it: the
#: login's own, or nobody — the office words seeded from the dictionary — on insert, never changed),
#: ``mark`` (who ticked it: the login's own or nobody).
RECORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "campaign": ("first:created_by_id",),
    "checklist_mark": ("mark:checked_by_id",),
    "data_item": ("first:created_by_id",),
    "attachment": ("first:added_by_id",),
    "briefing": ("last:updated_by_id",),
    "theme_decision": ("last:updated_by_id",),
    "narration_version": ("first:author_id",),
    "office_word": ("first:added_by_id",),
    "disposition": ("last:updated_by_id",),
    "readiness": ("last:updated_by_id",),
    "readiness_item": ("mark:checked_by_id",),
    "report": ("last:updated_by_id",),
    "evaluation": ("last:updated_by_id",),
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

CREATE OR REPLACE FUNCTION wawaran_guard_require_step(p_campaign integer, p_no integer, p_staff integer,
                                                      p_what text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
BEGIN
  IF NOT wawaran_guard_may_act(p_campaign, p_no, p_staff) THEN
    PERFORM wawaran_guard_refuse(format('%s tahap %s kampanye %s bukan lajur petugas akun %s.', p_what, p_no,
                                        p_campaign, session_user));
  END IF;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record; person_name text := ''; person_lane text := ''; st record;
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
    SELECT name, lane INTO person_name, person_lane FROM staff WHERE id = NEW.actor_id;
  END IF;
  IF NEW.actor_name IS DISTINCT FROM person_name OR NEW.actor_lane IS DISTINCT FROM person_lane THEN
    PERFORM wawaran_guard_refuse('Nama dan peran pelaku di riwayat harus seperti tercatat di daftar petugas.');
  END IF;
  IF TG_TABLE_NAME = 'step_event' THEN
    SELECT campaign_id, no INTO st FROM step WHERE id = NEW.step_id;
    PERFORM wawaran_guard_require_step(st.campaign_id, st.no, me.staff_id, 'Peristiwa');
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
  PERFORM wawaran_guard_require_step(OLD.campaign_id, OLD.no, me.staff_id, 'Isi');
  RETURN NEW;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_recorder() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record; spec text; kind text; col text; new_value text; old_value text;
BEGIN
  me := wawaran_guard_me();
  IF NOT me.bound THEN
    RETURN NEW;
  END IF;
  FOREACH spec IN ARRAY TG_ARGV LOOP
    kind := split_part(spec, ':', 1);
    col := split_part(spec, ':', 2);
    IF kind = 'last' THEN
      NEW := jsonb_populate_record(NEW, jsonb_build_object(col, me.staff_id));
      CONTINUE;
    END IF;
    new_value := to_jsonb(NEW) ->> col;
    old_value := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ->> col END;
    IF kind = 'first' AND (TG_OP = 'INSERT' AND new_value IS NOT NULL AND new_value <> me.staff_id::text
                           OR TG_OP = 'UPDATE' AND new_value IS DISTINCT FROM old_value)
       OR kind = 'mark' AND new_value IS DISTINCT FROM old_value AND new_value IS DISTINCT FROM me.staff_id::text
          AND new_value IS NOT NULL THEN
      PERFORM wawaran_guard_refuse(format('Isian dicatat atas nama petugas akun %s sendiri, bukan petugas lain.',
                                          session_user));
    END IF;
  END LOOP;
  RETURN NEW;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_campaign() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record;
BEGIN
  me := wawaran_guard_me();
  IF NOT me.bound OR TG_OP = 'INSERT' THEN
    RETURN NEW;
  END IF;
  IF NEW.sop_id <> OLD.sop_id OR NEW.created_at <> OLD.created_at THEN
    PERFORM wawaran_guard_refuse('SOP dan waktu pembuatan sebuah kampanye tidak dapat diubah.');
  END IF;
  IF (NEW.cancelled_by_id, NEW.cancelled_at, NEW.cancel_reason) IS DISTINCT FROM
     (OLD.cancelled_by_id, OLD.cancelled_at, OLD.cancel_reason)
     AND (NEW.cancelled_by_id IS DISTINCT FROM me.staff_id OR OLD.status = 'cancelled') THEN
    PERFORM wawaran_guard_refuse('Kampanye dibatalkan hanya atas nama petugas akun sendiri.');
  END IF;
  IF NEW.status = 'cancelled' AND OLD.status <> 'cancelled' AND NEW.cancelled_by_id IS DISTINCT FROM me.staff_id THEN
    PERFORM wawaran_guard_refuse('Kampanye dibatalkan hanya atas nama petugas akun sendiri.');
  END IF;
  RETURN NEW;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_sop_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record;
BEGIN
  IF NEW.checksum IS DISTINCT FROM encode(sha256(convert_to(NEW.definition, 'UTF8')), 'hex') THEN
    PERFORM wawaran_guard_refuse('Checksum SOP tidak sesuai dengan isinya.');
  END IF;
  me := wawaran_guard_me();
  IF me.bound AND NOT me.is_admin THEN
    PERFORM wawaran_guard_refuse('SOP ini belum terdaftar di server kantor: hanya administrator yang mendaftarkan '
                                 'SOP baru (lajur setiap tahap dibaca dari SOP). Minta administrator membuka '
                                 'aplikasi dengan SOP ini, atau pakai SOP yang sudah terdaftar.');
  END IF;
  RETURN NEW;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_mark() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record; st record;
BEGIN
  me := wawaran_guard_me();
  IF NOT me.bound THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  FOR st IN SELECT campaign_id, no FROM step
             WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.step_id END,
                          CASE WHEN TG_OP <> 'DELETE' THEN NEW.step_id END) LOOP
    PERFORM wawaran_guard_require_step(st.campaign_id, st.no, me.staff_id, 'Kelengkapan');
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $f$;

CREATE OR REPLACE FUNCTION wawaran_guard_recipient() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $f$
DECLARE me record;
BEGIN
  me := wawaran_guard_me();
  IF NOT me.bound THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND (NEW.read_at IS NOT NULL OR NEW.followed_up_at IS NOT NULL OR NEW.follow_up <> '')
     AND NEW.staff_id IS DISTINCT FROM me.staff_id THEN
    PERFORM wawaran_guard_refuse('Status baca dan tindak lanjut disposisi dicatat oleh penerimanya sendiri.');
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.read_at, NEW.followed_up_at, NEW.follow_up, NEW.staff_id) IS DISTINCT FROM
                          (OLD.read_at, OLD.followed_up_at, OLD.follow_up, OLD.staff_id)
     AND (OLD.staff_id IS DISTINCT FROM me.staff_id OR NEW.staff_id IS DISTINCT FROM OLD.staff_id) THEN
    PERFORM wawaran_guard_refuse('Status baca dan tindak lanjut disposisi dicatat oleh penerimanya sendiri.');
  END IF;
  RETURN NEW;
END $f$;
"""

#: Every function :func:`install` makes (none is executable by the group: triggers fire anyway).
SIGNATURES = (
    "wawaran_guard_refuse(text)",
    "wawaran_guard_me()",
    "wawaran_guard_may_act(integer, integer, integer)",
    "wawaran_guard_require_step(integer, integer, integer, text)",
    "wawaran_guard_history()",
    "wawaran_guard_lane_override()",
    "wawaran_guard_staff()",
    "wawaran_guard_step()",
    "wawaran_guard_recorder()",
    "wawaran_guard_campaign()",
    "wawaran_guard_sop_version()",
    "wawaran_guard_mark()",
    "wawaran_guard_recipient()",
)


def triggers(tables: list[str] | tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """(table, trigger name, when it fires, what it runs) of every guard on those of ``tables``."""
    found = [(table, "wawaran_guard_history", "BEFORE INSERT", "wawaran_guard_history()")
             for table in ("step_event", "audit_entry")]
    found += [("lane_override", "wawaran_guard_lane_override", "BEFORE INSERT", "wawaran_guard_lane_override()"),
              ("staff", "wawaran_guard_staff", "BEFORE INSERT OR UPDATE", "wawaran_guard_staff()"),
              ("step", "wawaran_guard_step", "BEFORE INSERT OR UPDATE", "wawaran_guard_step()"),
              ("campaign", "wawaran_guard_campaign", "BEFORE UPDATE", "wawaran_guard_campaign()"),
              ("sop_version", "wawaran_guard_sop_version", "BEFORE INSERT", "wawaran_guard_sop_version()"),
              ("checklist_mark", "wawaran_guard_mark", "BEFORE INSERT OR UPDATE OR DELETE", "wawaran_guard_mark()"),
              ("disposition_recipient", "wawaran_guard_recipient", "BEFORE INSERT OR UPDATE",
               "wawaran_guard_recipient()")]
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


def refusal_text(exc: BaseException) -> str | None:
    """The Indonesian message of a guard's refusal (SQLSTATE ``WA401``/``WA403``) behind ``exc``
    (peewee keeps the driver's error as its cause), or None when ``exc`` is something else."""
    seen = 0
    while exc is not None and seen < 5:
        diag = getattr(exc, "diag", None)
        code = getattr(diag, "sqlstate", None) or ""
        if code in ("WA401", REFUSED):
            return diag.message_primary or str(exc)
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
        seen += 1
    return None
