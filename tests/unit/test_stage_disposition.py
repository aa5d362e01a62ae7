"""Stage 5, Disposisi: agenda numbers per year, the pattern, the sheet's fields and the finish rule."""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest

from wawaran_desktop.db.models import AuditEntry, database
from wawaran_desktop.db.stage_models import Disposition, DispositionRecipient, Setting
from wawaran_desktop.services.errors import RuleError, ValidationError
from wawaran_desktop.services.stages import disposition
from wawaran_desktop.services.stages.disposition import (
    DEFAULT_PATTERN,
    STANDARD_INSTRUCTIONS,
    DispositionDraft,
    Service,
)

TODAY = date(2026, 11, 26)  # the unit clock's WIB day


@pytest.fixture
def svc(ws) -> Service:
    return Service(ws)


@pytest.fixture
def team(ws):
    budi = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
    dewi = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")
    return budi, dewi


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran PBB", "Jatuh tempo PBB 2026").id


def complete(svc, actor, cid, team, **changes):
    draft = svc.get(cid).draft()._replace(recipient_ids=(team[0].id,), instructions=("Untuk dilaksanakan",))
    return svc.save(actor.id, cid, draft._replace(**changes))


def stored_state(cid):
    row = Disposition.get_or_none(Disposition.campaign == cid)
    values = None if row is None else {k: v for k, v in row.__data__.items() if k != "updated_at"}
    recipients = sorted(r.staff_id for r in DispositionRecipient.select().where(DispositionRecipient.campaign == cid))
    return values, recipients


def test_before_the_first_save_the_defaults_are_shown(ws, svc, actor, cid):
    ws.staff.add("Agus Sub Kor", None, "Sub Koordinator", "subkor")  # later in the alphabet than Rina? no: A < R
    record = svc.get(cid)
    assert not record.stored and record.agenda_number is None
    assert record.disposed_on == TODAY
    assert record.sifat == "Biasa"
    assert record.signer is not None and record.signer.name == "Agus Sub Kor"  # first active Sub Kor by name
    assert record.hal == "" and record.hal_shown == "Jatuh tempo PBB 2026"
    assert Disposition.select().count() == 0  # reading stores nothing


def test_default_signer_skips_inactive_and_other_lanes(ws, svc, actor, cid):
    old = ws.staff.add("Ani Pensiun", None, "", "subkor", active=False)
    ws.staff.add("Aan Tim", None, "", "tim")
    assert svc.get(cid).signer.id == actor.id
    assert old.id != actor.id


def test_first_save_gives_the_next_number_of_the_year(ws, svc, actor, cid, team):
    record = complete(svc, actor, cid, team)
    assert (record.agenda_number, record.agenda_year, record.agenda_seq) == ("001/DIKP/2026", 2026, 1)
    second = ws.campaigns.create(actor.id, "Wawaran DBD", "3M Plus").id
    assert complete(svc, actor, second, team).agenda_number == "002/DIKP/2026"
    next_year = ws.campaigns.create(actor.id, "Wawaran Tahun Baru").id
    draft = svc.get(next_year).draft()._replace(disposed_on=date(2027, 1, 4))
    assert svc.save(actor.id, next_year, draft).agenda_number == "001/DIKP/2027"
    entries = [e.detail for e in AuditEntry.select().where(AuditEntry.action == "disposition.agenda")]
    assert entries == ["001/DIKP/2026", "002/DIKP/2026", "001/DIKP/2027"]


def test_the_number_never_changes_once_given(ws, svc, actor, cid, team):
    first = complete(svc, actor, cid, team)
    moved = svc.save(actor.id, cid, first.draft()._replace(disposed_on=date(2026, 3, 2)))
    assert moved.agenda_number == "001/DIKP/2026" and moved.year_notice is None
    svc.set_agenda_pattern(actor.id, "{seq}/{month_roman}/DISKOMINFO/{year}")
    again = svc.save(actor.id, cid, moved.draft()._replace(catatan="Segera laksanakan"))
    assert again.agenda_number == "001/DIKP/2026"
    other_year = svc.save(actor.id, cid, again.draft()._replace(disposed_on=date(2027, 1, 2)))
    assert (other_year.agenda_number, other_year.agenda_year) == ("001/DIKP/2026", 2026)
    assert "tahun 2026" in other_year.year_notice and "tahun 2027" in other_year.year_notice
    assert "tidak diubah" in other_year.year_notice
    assert Disposition.select().where(Disposition.agenda_seq.is_null(False)).count() == 1


def test_pattern_fields_and_preview(ws, svc, actor, cid, team):
    assert svc.agenda_pattern() == DEFAULT_PATTERN
    assert svc.preview_pattern("{seq:04d}/{month_roman}/{year}") == "0001/XI/2026"
    assert svc.set_agenda_pattern(actor.id, "  {seq}/{month_roman}/DISKOMINFO/{year} ") == \
        "{seq}/{month_roman}/DISKOMINFO/{year}"
    assert complete(svc, actor, cid, team).agenda_number == "1/XI/DISKOMINFO/2026"
    entries = AuditEntry.select().where(AuditEntry.action == "setting")
    assert [(e.actor_id, e.detail) for e in entries] == [
        (actor.id, "disposition.agenda_pattern={seq}/{month_roman}/DISKOMINFO/{year}")]


@pytest.mark.parametrize("pattern, message", [
    ("{nomor}/DIKP/{year}", "Kolom {nomor} tidak dikenal"),
    ("{}/DIKP", "Kolom {} tidak dikenal"),
    ("{0}/DIKP", "Kolom {0} tidak dikenal"),
    ("{seq.real}/DIKP", "Kolom {seq.real} tidak dikenal"),
    ("DIKP/{year}", "harus memuat {seq}"),
    ("{seq:xyz}/{year}", "Format kolom pada pola tidak sah"),
    ("{seq!r}/{year}", "Penulisan kolom {seq} tidak sah"),
    ("{seq:{year}}", "Penulisan kolom {seq} tidak sah"),
    ("{seq/DIKP", "kurung kurawal"),
    ("   ", "wajib diisi"),
    ("{seq}" + "x" * 80, "terlalu panjang"),
    ("{seq:0>99}/{year}", "terlalu panjang"),
    ("{seq:0>999999999999}", "terlalu panjang"),
])
def test_bad_patterns_are_refused_and_the_stored_one_kept(ws, svc, actor, pattern, message):
    svc.set_agenda_pattern(actor.id, "{seq}/{year}")
    with pytest.raises(ValidationError) as refused:
        svc.set_agenda_pattern(actor.id, pattern)
    assert message in str(refused.value) and refused.value.field == "pattern"
    with pytest.raises(ValidationError):
        svc.preview_pattern(pattern)
    assert svc.agenda_pattern() == "{seq}/{year}"


def test_a_damaged_stored_pattern_falls_back_to_the_default(ws, svc, actor, cid, team):
    Setting.create(key=disposition.PATTERN_KEY, value="{nomor}")
    assert svc.agenda_pattern() == DEFAULT_PATTERN
    assert complete(svc, actor, cid, team).agenda_number == "001/DIKP/2026"


def test_everything_the_sheet_needs_is_stored_and_survives_a_restart(ws, svc, actor, cid, team, restart):
    budi, dewi = team
    draft = DispositionDraft(
        disposed_on=date(2026, 11, 26), surat_dari="Bagian Prokomp Setda", nomor_surat="045/123-Prokomp/2026",
        tanggal_surat=date(2026, 11, 24), diterima_tanggal=date(2026, 11, 25), sifat="Sangat Segera",
        hal="  Sosialisasi jatuh tempo PBB  ", recipient_ids=(dewi.id, budi.id, dewi.id),
        instructions=("Laporkan hasilnya", "Untuk dilaksanakan"), free_text="Mulai dari Kelurahan Cipondoh",
        catatan="Koordinasi dengan camat", signer_id=actor.id)
    svc.save(actor.id, cid, draft)
    ws2 = restart(ws)
    record = Service(ws2).get(cid)
    assert record.stored and record.agenda_number == "001/DIKP/2026"
    assert (record.surat_dari, record.nomor_surat) == ("Bagian Prokomp Setda", "045/123-Prokomp/2026")
    assert (record.tanggal_surat, record.diterima_tanggal) == (date(2026, 11, 24), date(2026, 11, 25))
    assert record.sifat == "Sangat Segera" and record.hal == "Sosialisasi jatuh tempo PBB"
    assert [r.name for r in record.recipients] == ["Budi Santoso", "Dewi Lestari"]
    assert record.instructions == ("Untuk dilaksanakan", "Laporkan hasilnya")  # the standard order
    assert record.free_text == "Mulai dari Kelurahan Cipondoh" and record.catatan == "Koordinasi dengan camat"
    assert record.signer.id == actor.id and record.updated_by_name == "Rina Wulandari"
    assert record.updated_at == ws2.clock()


def test_recipients_are_replaced(ws, svc, actor, cid, team):
    budi, dewi = team
    complete(svc, actor, cid, team)
    record = svc.save(actor.id, cid, svc.get(cid).draft()._replace(recipient_ids=(dewi.id,)))
    assert [r.id for r in record.recipients] == [dewi.id]
    assert stored_state(cid)[1] == [dewi.id]


@pytest.mark.parametrize("changes, field, message", [
    ({"disposed_on": None}, "disposed_on", "Tanggal disposisi wajib diisi."),
    ({"disposed_on": date(1999, 12, 31)}, "disposed_on", "di luar rentang"),
    ({"disposed_on": datetime(2026, 11, 26, 8, 0)}, "disposed_on", "harus tanggal"),
    ({"tanggal_surat": date(2026, 11, 25), "diterima_tanggal": date(2026, 11, 24)}, "tanggal_surat",
     "Tanggal surat tidak boleh sesudah tanggal surat diterima."),
    ({"diterima_tanggal": date(2026, 11, 27)}, "diterima_tanggal", "tidak boleh sebelum tanggal surat diterima"),
    ({"sifat": "Penting"}, "sifat", "Sifat harus salah satu dari: Sangat Segera, Segera, Rahasia, Biasa."),
    ({"due_on": date(2026, 11, 25)}, "due_on",
     "Tanggal penyelesaian (25/11/2026) tidak boleh sebelum tanggal disposisi (26/11/2026)."),
    ({"due_on": date(1999, 1, 1)}, "due_on", "Tanggal penyelesaian di luar rentang yang wajar."),
    ({"due_on": datetime(2026, 11, 30, 8, 0)}, "due_on", "Tanggal penyelesaian harus tanggal."),
    ({"hal": "x" * 301}, "hal", "Hal terlalu panjang (301 karakter, maksimal 300)."),
    ({"surat_dari": "x" * 201}, "surat_dari", "maksimal 200"),
    ({"nomor_surat": "x" * 101}, "nomor_surat", "maksimal 100"),
    ({"free_text": "x" * 1001}, "free_text", "Instruksi lain terlalu panjang (1001 karakter, maksimal 1000)."),
    ({"catatan": "x" * 2001}, "catatan", "Catatan terlalu panjang (2001 karakter, maksimal 2000)."),
    ({"instructions": ("Untuk dilaksanakan", "Segera berangkat")}, "instructions", "bukan frasa baku"),
    ({"recipient_ids": (9999,)}, "recipients", "Penerima disposisi tidak ditemukan."),
    ({"signer_id": 9999}, "signer", "Penanda tangan tidak ditemukan."),
])
def test_bad_values_are_refused_and_nothing_changes(ws, svc, actor, cid, team, changes, field, message):
    complete(svc, actor, cid, team, catatan="tetap")
    before = stored_state(cid)
    with pytest.raises(ValidationError) as refused:
        svc.save(actor.id, cid, svc.get(cid).draft()._replace(**changes))
    assert message in str(refused.value) and refused.value.field == field
    assert stored_state(cid) == before


def test_a_refused_first_save_gives_no_number(ws, svc, actor, cid):
    with pytest.raises(ValidationError):
        svc.save(actor.id, cid, svc.get(cid).draft()._replace(sifat="Penting"))
    assert stored_state(cid) == (None, [])
    assert not AuditEntry.select().where(AuditEntry.action == "disposition.agenda").exists()


def test_inactive_staff_cannot_be_chosen_but_may_stay(ws, svc, actor, cid, team):
    budi, dewi = team
    complete(svc, actor, cid, team)  # Budi is a recipient
    other_sub = ws.staff.add("Sari Subkor", None, "", "subkor")
    svc.save(actor.id, cid, svc.get(cid).draft()._replace(signer_id=other_sub.id))
    for person in (budi, dewi, other_sub):
        ws.staff.update(person.id, person.name, None, person.position, person.lane, active=False)
    kept = svc.save(actor.id, cid, svc.get(cid).draft()._replace(catatan="tetap boleh"))
    assert [r.id for r in kept.recipients] == [budi.id] and kept.signer.id == other_sub.id
    with pytest.raises(ValidationError, match="Dewi Lestari tidak aktif"):
        svc.save(actor.id, cid, kept.draft()._replace(recipient_ids=(budi.id, dewi.id)))
    svc.save(actor.id, cid, kept.draft()._replace(signer_id=actor.id))
    with pytest.raises(ValidationError, match="penanda tangan harus petugas yang aktif"):
        svc.save(actor.id, cid, svc.get(cid).draft()._replace(signer_id=other_sub.id))


def test_a_cancelled_campaign_or_an_inactive_actor_is_refused(ws, svc, actor, cid, team):
    complete(svc, actor, cid, team)
    before = stored_state(cid)
    ghost = ws.staff.add("Tono", None, "", "tim", active=False)
    with pytest.raises(ValidationError):
        svc.save(ghost.id, cid, svc.get(cid).draft()._replace(catatan="x"))
    with pytest.raises(ValidationError):
        svc.set_agenda_pattern(ghost.id, "{seq}")
    ws.campaigns.cancel(actor.id, cid, "Cuaca buruk")
    with pytest.raises(RuleError, match="dibatalkan"):
        svc.save(actor.id, cid, svc.get(cid).draft()._replace(catatan="x"))
    assert stored_state(cid) == before
    assert svc.agenda_pattern() == DEFAULT_PATTERN


def test_finishing_needs_signer_hal_recipient_and_instruction(ws, svc, actor, cid, team):
    ws.steps.start(actor.id, cid, 5, reason="Disposisi disiapkan lebih dulu")
    with pytest.raises(RuleError) as refused:
        ws.steps.finish(actor.id, cid, 5)
    for part in ("penanda tangan", "diteruskan kepada", "instruksi"):
        assert part in str(refused.value)
    assert "hal" not in str(refused.value).split(":")[1]  # the theme stands in for the hal
    record = svc.save(actor.id, cid, svc.get(cid).draft()._replace(signer_id=None, free_text="Siapkan mobil"))
    with pytest.raises(RuleError) as refused:
        disposition.check_finish(cid, "alasan tidak menolong")
    assert str(refused.value) == "Disposisi belum lengkap: penanda tangan, diteruskan kepada (minimal satu petugas)."
    svc.save(actor.id, cid, record.draft()._replace(signer_id=actor.id, recipient_ids=(team[0].id,)))
    ws.steps.finish(actor.id, cid, 5)
    assert ws.campaigns.get(cid).step(5).finished_at is not None


def test_without_theme_the_hal_is_required_and_an_inactive_signer_blocks(ws, svc, actor, team):
    cid = ws.campaigns.create(actor.id, "Tanpa tema").id
    complete(svc, actor, cid, team)
    with pytest.raises(RuleError, match="hal"):
        disposition.check_finish(cid, None)
    svc.save(actor.id, cid, svc.get(cid).draft()._replace(hal="Sosialisasi posyandu"))
    disposition.check_finish(cid, None)
    ws.staff.update(actor.id, actor.name, actor.nip, actor.position, actor.lane, active=False)
    with pytest.raises(RuleError, match="Rina Wulandari sudah tidak aktif"):
        disposition.check_finish(cid, None)


def test_a_clash_on_the_number_is_retried(ws, svc, actor, cid, team):
    """Another writer taking the same number between our read and our write: the next one is taken."""
    clashes = []

    def clash_once() -> int:
        clashes.append(1)
        return 1 if len(clashes) == 1 else 0

    connection = database.connection()
    connection.create_function("clash_once", 0, clash_once)
    database.execute_sql(
        "CREATE TEMP TRIGGER agenda_clash BEFORE UPDATE OF agenda_seq ON disposition "
        "WHEN NEW.agenda_seq IS NOT NULL AND clash_once() "
        "BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: disposition.agenda_year, disposition.agenda_seq'); END")
    try:
        record = complete(svc, actor, cid, team)
    finally:
        database.execute_sql("DROP TRIGGER agenda_clash")
    assert len(clashes) == 2  # refused once, then given
    assert record.agenda_number == "001/DIKP/2026"


def test_a_clash_that_persists_is_reported_and_nothing_is_stored(ws, svc, actor, cid, team):
    database.execute_sql(
        "CREATE TEMP TRIGGER agenda_clash BEFORE UPDATE OF agenda_seq ON disposition WHEN NEW.agenda_seq IS NOT NULL "
        "BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: disposition.agenda_year, disposition.agenda_seq'); END")
    try:
        with pytest.raises(RuleError, match="Nomor agenda tidak dapat diberikan"):
            complete(svc, actor, cid, team)
    finally:
        database.execute_sql("DROP TRIGGER agenda_clash")
    assert stored_state(cid) == (None, [])


def test_simultaneous_first_saves_get_distinct_numbers(ws, svc, actor, team):
    ids = [ws.campaigns.create(actor.id, f"Wawaran {i}").id for i in range(8)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(ids))

    def save(campaign_id: int) -> None:
        try:
            barrier.wait()
            complete(svc, actor, campaign_id, team)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            database.close()  # this thread's own connection

    threads = [threading.Thread(target=save, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(svc.get(i).agenda_seq for i in ids)
    assert numbers == list(range(1, 9))


def test_standard_instructions_are_the_offices_phrases():
    assert STANDARD_INSTRUCTIONS[:3] == ("Untuk dilaksanakan", "Koordinasikan", "Laporkan hasilnya")
    assert len(set(STANDARD_INSTRUCTIONS)) == 8


def test_only_a_sub_kor_signs_the_disposition(ws, actor):
    from wawaran_desktop.services.errors import ValidationError as Refused
    from wawaran_desktop.services.stages import disposition as stage

    team = ws.staff.add("Budi Tim", None, "Pranata Humas", "tim")
    campaign = ws.campaigns.create(actor.id, "Wawaran Tanda Tangan")
    svc = stage.Service(ws)
    with pytest.raises(Refused, match="Yang menandatangani disposisi harus Sub Kor DIMC; Budi Tim adalah Tim."):
        svc.save(actor.id, campaign.id, svc.get(campaign.id).draft()._replace(signer_id=team.id))
    assert not svc.get(campaign.id).stored
