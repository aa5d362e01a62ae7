"""Stage 5, Disposisi: everything the lembar disposisi needs, with its agenda number.

The agenda number is given on the first save of a campaign's disposition: the next
sequence number of the disposition date's year (max + 1, taken inside a write transaction;
a clash on the unique (agenda_year, agenda_seq) index is retried), formatted with the
office's pattern (Setting ``disposition.agenda_pattern``). Once given, the number never
changes: not when the date moves within the year, not when the pattern changes later, and
not when the date moves to another year. A number that may already stand in the agenda
book or on paper must not move; in the last case the record says so (``year_notice``) and
the office decides what to do (e.g. a new disposition in a new campaign).
"""

from __future__ import annotations

import json
import re
import string
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Campaign, IntegrityError, Staff, database, fn
from wawaran_desktop.db.stage_models import Disposition, DispositionRecipient
from wawaran_desktop.services import lanes, versions
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.staff import first_active, staff_record
from wawaran_desktop.services.stages.common import clean_text, editable_campaign, require_date

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

#: As the office reads them, the most urgent first (the form, the sheet and the Word file list them so).
SIFAT = ("Sangat Segera", "Segera", "Rahasia", "Biasa")
DEFAULT_SIFAT = "Biasa"
STANDARD_INSTRUCTIONS = (
    "Untuk dilaksanakan",
    "Koordinasikan",
    "Laporkan hasilnya",
    "Tanggapan dan saran",
    "Proses lebih lanjut",
    "Untuk diketahui",
    "Siapkan bahan",
    "Hadiri/wakili",
)
PATTERN_KEY = "disposition.agenda_pattern"
DEFAULT_PATTERN = "{seq:03d}/DIKP/{year}"
PATTERN_FIELDS = ("seq", "year", "month_roman")
PATTERN_MAX = 80
AGENDA_MAX = 100  # the column's size
SURAT_DARI_MAX = 200
NOMOR_SURAT_MAX = 100
HAL_MAX = 300
FREE_TEXT_MAX = 1_000
CATATAN_MAX = 2_000
RECIPIENTS_MAX = 50
SIGNER_LANE = "subkor"
ASSIGN_ATTEMPTS = 5
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
WHAT = "Disposisi"
#: The draft's fields by the form's labels, as the comparison of two versions shows them.
LABELS = {"disposed_on": "Tanggal disposisi", "surat_dari": "Surat dari", "nomor_surat": "Nomor surat",
          "tanggal_surat": "Tanggal surat", "diterima_tanggal": "Diterima tanggal",
          "due_on": "Tanggal penyelesaian", "sifat": "Sifat", "hal": "Hal",
          "recipient_ids": "Diteruskan kepada", "instructions": "Instruksi", "free_text": "Instruksi lain",
          "catatan": "Catatan", "signer_id": "Penanda tangan"}


class DispositionDraft(NamedTuple):
    """What the user edits. An empty ``hal`` means "the campaign's theme"."""

    disposed_on: date | None
    surat_dari: str = ""
    nomor_surat: str = ""
    tanggal_surat: date | None = None
    diterima_tanggal: date | None = None
    due_on: date | None = None  # Tgl. Penyelesaian: to be done by (not before the disposition date)
    sifat: str = DEFAULT_SIFAT
    hal: str = ""
    recipient_ids: tuple[int, ...] = ()
    instructions: tuple[str, ...] = ()
    free_text: str = ""
    catatan: str = ""
    signer_id: int | None = None


class DispositionRecord(NamedTuple):
    """A campaign's disposition; before its first save: the defaults (``stored`` False)."""

    campaign_id: int
    stored: bool
    agenda_number: str | None
    agenda_year: int | None
    agenda_seq: int | None
    disposed_on: date | None
    surat_dari: str
    nomor_surat: str
    tanggal_surat: date | None
    diterima_tanggal: date | None
    due_on: date | None
    sifat: str
    hal: str
    theme: str
    recipients: tuple[StaffRecord, ...]
    instructions: tuple[str, ...]
    free_text: str
    catatan: str
    signer: StaffRecord | None
    updated_by_name: str | None
    updated_at: datetime | None
    version: int = 0  # the stored version a save names (0: not stored yet)

    @property
    def hal_shown(self) -> str:
        """The subject as the sheet prints it: the stored hal, else the theme."""
        return self.hal or self.theme

    @property
    def year_notice(self) -> str | None:
        """Set when the date moved to another year than the agenda number's."""
        if self.agenda_year is None or self.disposed_on is None or self.disposed_on.year == self.agenda_year:
            return None
        return (f"Nomor agenda {self.agenda_number} diberikan untuk tahun {self.agenda_year}, sedangkan "
                f"tanggal disposisi kini tahun {self.disposed_on.year}. Nomor agenda tidak diubah "
                "(nomor yang sudah diberikan tetap).")

    def draft(self) -> DispositionDraft:
        return DispositionDraft(
            disposed_on=self.disposed_on, surat_dari=self.surat_dari, nomor_surat=self.nomor_surat,
            tanggal_surat=self.tanggal_surat, diterima_tanggal=self.diterima_tanggal, due_on=self.due_on,
            sifat=self.sifat,
            hal=self.hal, recipient_ids=tuple(r.id for r in self.recipients), instructions=self.instructions,
            free_text=self.free_text, catatan=self.catatan,
            signer_id=self.signer.id if self.signer else None)


def field_text(field: str, value: object) -> str:
    """One field of a draft as the comparison of two versions shows it (``value`` may be the
    text of a date that could not be read)."""
    if isinstance(value, date):
        return day_text(value)
    if field == "recipient_ids":
        ids = [i for i in value or () if isinstance(i, int)]
        names = Staff.select(Staff.name).where(Staff.id.in_(ids)) if ids else ()
        return "\n".join(sorted(person.name for person in names))
    if field == "signer_id":
        person = Staff.get_or_none(Staff.id == value) if isinstance(value, int) else None
        return person.name if person is not None else ""
    if field == "instructions":
        return "\n".join(value or ())
    return "" if value is None else str(value).strip()


def labelled(draft: DispositionDraft) -> dict[str, str]:
    """A draft by the form's labels."""
    return {label: field_text(field, getattr(draft, field)) for field, label in LABELS.items()}


# -- agenda number pattern ----------------------------------------------------------------
def format_agenda(pattern: str, seq: int, day: date) -> str:
    return pattern.format(seq=seq, year=day.year, month_roman=ROMAN_MONTHS[day.month - 1])


def validate_pattern(pattern: str | None) -> str:
    """The cleaned pattern; refuses unknown fields and formats that cannot be applied."""
    text = clean_text(pattern, "Pola nomor agenda", "pattern", PATTERN_MAX, required=True)
    allowed = ", ".join("{" + name + "}" for name in PATTERN_FIELDS)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        raise ValidationError("Pola nomor agenda tidak sah: periksa pasangan kurung kurawal { }.",
                              "pattern") from None
    names = []
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PATTERN_FIELDS:
            raise ValidationError(f"Kolom {{{name}}} tidak dikenal dalam pola nomor agenda. "
                                  f"Kolom yang boleh dipakai: {allowed}.", "pattern")
        if conversion or "{" in (spec or ""):
            raise ValidationError(f"Penulisan kolom {{{name}}} tidak sah. Contoh yang benar: {{seq:03d}}.",
                                  "pattern")
        if any(int(width) > AGENDA_MAX for width in re.findall(r"\d+", spec or "")):
            raise ValidationError(f"Nomor agenda dari pola ini terlalu panjang (maksimal {AGENDA_MAX} karakter).",
                                  "pattern")
        names.append(name)
    if "seq" not in names:
        raise ValidationError("Pola nomor agenda harus memuat {seq} (nomor urut).", "pattern")
    try:
        longest = format_agenda(text, 99_999, date(2026, 12, 31))
        format_agenda(text, 1, date(2026, 1, 1))
    except (ValueError, TypeError, KeyError, IndexError):
        raise ValidationError("Format kolom pada pola tidak sah. Contoh yang benar: {seq:03d} untuk 001.",
                              "pattern") from None
    if len(longest) > AGENDA_MAX:
        raise ValidationError(f"Nomor agenda dari pola ini terlalu panjang (maksimal {AGENDA_MAX} karakter).",
                              "pattern")
    return text


def pattern_in_force(stored: str | None) -> str:
    """The stored pattern; none, or one that is no longer valid, falls back to the default."""
    if stored is None:
        return DEFAULT_PATTERN
    try:
        return validate_pattern(stored)
    except ValidationError:
        return DEFAULT_PATTERN


def parse_day(text: str | None, label: str, field: str) -> date | None:
    """A date typed as ``hh/bb/tttt`` (``-`` or ``.`` also accepted); blank is None."""
    raw = (text or "").strip()
    if not raw:
        return None
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw)
    if match is None:
        raise ValidationError(f"{label} harus ditulis hh/bb/tttt, mis. 24/11/2026.", field)
    try:
        day = date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        raise ValidationError(f"{label} {raw} tidak ada di kalender.", field) from None
    return require_date(day, label, field)


def day_text(day: date | None) -> str:
    """``24/11/2026`` (what :func:`parse_day` reads back); blank for None."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


def default_signer_id() -> int | None:
    """The first active Sub Kor DIMC lane member (by name)."""
    person = first_active(SIGNER_LANE)
    return person.id if person else None


# -- the rule on finishing step 5 ---------------------------------------------------------
def check_finish(campaign_id: int, reason: str | None) -> None:
    """Finishing needs a signer, a hal, at least one recipient and one instruction."""
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    if campaign is None:
        raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
    row = Disposition.get_or_none(Disposition.campaign == campaign_id)
    missing = []
    signer = Staff.get_or_none(Staff.id == row.signer_id) if row is not None and row.signer_id else None
    if signer is None:
        missing.append("penanda tangan")
    elif not signer.active:
        missing.append(f"penanda tangan yang aktif ({signer.name} sudah tidak aktif)")
    if not ((row.hal if row is not None else "") or campaign.theme):
        missing.append("hal")
    if not DispositionRecipient.select().where(DispositionRecipient.campaign == campaign_id).exists():
        missing.append("diteruskan kepada (minimal satu petugas)")
    if row is None or not (_instructions(row) or row.free_text.strip()):
        missing.append("instruksi (centang atau tulis)")
    if missing:
        raise RuleError("Disposisi belum lengkap: " + ", ".join(missing) + ".")


def _instructions(row: Disposition) -> tuple[str, ...]:
    try:
        items = json.loads(row.instructions or "[]")
    except ValueError:
        return ()
    return tuple(i for i in items if isinstance(i, str)) if isinstance(items, list) else ()


def _store_recipients(campaign_id: int, recipient_ids: tuple[int, ...]) -> None:
    """Make the campaign's recipients ``recipient_ids``: those who stay keep their row and so
    their SRIKANDI status (read, followed up); only those removed are deleted, new ones added."""
    stored = {r.staff_id for r in DispositionRecipient.select(DispositionRecipient.staff)
              .where(DispositionRecipient.campaign == campaign_id)}
    removed = stored - set(recipient_ids)
    if removed:
        DispositionRecipient.delete().where((DispositionRecipient.campaign == campaign_id)
                                            & DispositionRecipient.staff.in_(sorted(removed))).execute()
    added = [sid for sid in recipient_ids if sid not in stored]
    if added:
        DispositionRecipient.insert_many([{"campaign": campaign_id, "staff": sid} for sid in added]).execute()


class Service:
    """Read and store a campaign's disposition and the office's agenda number pattern."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- reading ------------------------------------------------------------------------
    def get(self, campaign_id: int) -> DispositionRecord:
        campaign = Campaign.get_or_none(Campaign.id == campaign_id)
        if campaign is None:
            raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
        row = Disposition.get_or_none(Disposition.campaign == campaign_id)
        if row is None:
            signer_id = default_signer_id()
            return DispositionRecord(
                campaign_id=campaign_id, stored=False, agenda_number=None, agenda_year=None, agenda_seq=None,
                disposed_on=self.ws.today(), surat_dari="", nomor_surat="", tanggal_surat=None,
                diterima_tanggal=None, due_on=None, sifat=DEFAULT_SIFAT, hal="", theme=campaign.theme, recipients=(),
                instructions=(), free_text="", catatan="",
                signer=staff_record(Staff.get_by_id(signer_id)) if signer_id else None,
                updated_by_name=None, updated_at=None)
        recipients = (Staff.select().join(DispositionRecipient, on=DispositionRecipient.staff == Staff.id)
                      .where(DispositionRecipient.campaign == campaign_id).order_by(Staff.name, Staff.id))
        signer = Staff.get_or_none(Staff.id == row.signer_id) if row.signer_id else None
        editor = Staff.get_or_none(Staff.id == row.updated_by_id) if row.updated_by_id else None
        return DispositionRecord(
            campaign_id=campaign_id, stored=True, agenda_number=row.agenda_number, agenda_year=row.agenda_year,
            agenda_seq=row.agenda_seq, disposed_on=row.disposed_on, surat_dari=row.surat_dari,
            nomor_surat=row.nomor_surat, tanggal_surat=row.tanggal_surat, diterima_tanggal=row.diterima_tanggal,
            due_on=row.due_on, sifat=row.sifat, hal=row.hal, theme=campaign.theme,
            recipients=tuple(staff_record(s) for s in recipients), instructions=_instructions(row),
            free_text=row.free_text, catatan=row.catatan, signer=staff_record(signer) if signer else None,
            updated_by_name=editor.name if editor else None, updated_at=from_db(row.updated_at),
            version=row.version)

    def agenda_pattern(self) -> str:
        """The office's pattern in force."""
        return pattern_in_force(self.ws.settings.get_text(PATTERN_KEY))

    def preview_pattern(self, pattern: str) -> str:
        """A sample number (sequence 1, today) for ``pattern``; raises ValidationError."""
        return format_agenda(validate_pattern(pattern), 1, self.ws.today())

    # -- writing ------------------------------------------------------------------------
    def set_agenda_pattern(self, actor_id: int | None, pattern: str) -> str:
        """Store the office's pattern; numbers already given keep their text."""
        actor = self.ws.staff.require_active(actor_id)
        text = validate_pattern(pattern)
        self.ws.settings.put_text(PATTERN_KEY, text, actor_id=actor.id)
        return text

    def save(self, actor_id: int | None, campaign_id: int, draft: DispositionDraft,
             version: int | None = None) -> DispositionRecord:
        """Store the whole disposition, if still at ``version`` (the one read, 0: not stored
        yet; None: any); the first save also gives the agenda number. By step 5's lanes
        (services/lanes.py)."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "disposition")
        now = to_db(self.ws.clock())

        def theirs(_row: Disposition) -> dict[str, str]:
            return labelled(self.get(campaign_id).draft())

        # Writers queue here, so the max + 1 below cannot race another app instance.
        with write_transaction("disposition.agenda"):
            row = Disposition.get_or_none(Disposition.campaign == campaign_id)
            if version is not None and (row is None) != (version == 0):  # created, or gone, meanwhile
                raise versions.conflict(WHAT, row, theirs)
            values, recipient_ids = self._clean(draft, row, campaign_id)
            values.update(updated_by=actor.id, updated_at=now)
            if row is None:
                Disposition.create(campaign=campaign_id, **values)
            else:
                versions.update(Disposition, Disposition.campaign == campaign_id, version, values, WHAT, theirs)
            _store_recipients(campaign_id, recipient_ids)
            if row is None or row.agenda_seq is None:
                self._assign_agenda(campaign_id, values["disposed_on"], actor, now)
            Campaign.update(updated_at=now).where(Campaign.id == campaign_id).execute()
            return self.get(campaign_id)  # before the commit: the version written here

    def _assign_agenda(self, campaign_id: int, day: date, actor: Staff, now: datetime) -> str:
        pattern = self.agenda_pattern()
        for _attempt in range(ASSIGN_ATTEMPTS):
            seq = (Disposition.select(fn.MAX(Disposition.agenda_seq))
                   .where(Disposition.agenda_year == day.year).scalar() or 0) + 1
            number = format_agenda(pattern, seq, day)
            try:
                with database.atomic():  # a savepoint: a clash undoes only this attempt
                    Disposition.update(agenda_year=day.year, agenda_seq=seq, agenda_number=number).where(
                        Disposition.campaign == campaign_id).execute()
            except IntegrityError:
                continue  # another writer took this number meanwhile: take the next one
            record_audit(at=now, actor=actor, campaign=campaign_id, action="disposition.agenda", detail=number)
            return number
        raise RuleError("Nomor agenda tidak dapat diberikan karena bentrok dengan penyimpanan lain. "
                        "Coba simpan sekali lagi.")

    # -- validation ---------------------------------------------------------------------
    def _clean(self, draft: DispositionDraft, row: Disposition | None,
               campaign_id: int) -> tuple[dict, tuple[int, ...]]:
        disposed_on = require_date(draft.disposed_on, "Tanggal disposisi", "disposed_on", required=True)
        tanggal_surat = require_date(draft.tanggal_surat, "Tanggal surat", "tanggal_surat")
        diterima = require_date(draft.diterima_tanggal, "Tanggal diterima", "diterima_tanggal")
        if tanggal_surat and diterima and tanggal_surat > diterima:
            raise ValidationError("Tanggal surat tidak boleh sesudah tanggal surat diterima.", "tanggal_surat")
        if diterima and diterima > disposed_on:
            raise ValidationError("Tanggal disposisi tidak boleh sebelum tanggal surat diterima.",
                                  "diterima_tanggal")
        due_on = require_date(draft.due_on, "Tanggal penyelesaian", "due_on")
        if due_on and due_on < disposed_on:
            raise ValidationError(f"Tanggal penyelesaian ({day_text(due_on)}) tidak boleh sebelum tanggal disposisi "
                                  f"({day_text(disposed_on)}).", "due_on")
        if draft.sifat not in SIFAT:
            raise ValidationError(f"Sifat harus salah satu dari: {', '.join(SIFAT)}.", "sifat")
        stored_recipients = set() if row is None else {
            r.staff_id for r in DispositionRecipient.select().where(DispositionRecipient.campaign == campaign_id)}
        values = {
            "disposed_on": disposed_on,
            "surat_dari": clean_text(draft.surat_dari, "Surat dari", "surat_dari", SURAT_DARI_MAX, False),
            "nomor_surat": clean_text(draft.nomor_surat, "Nomor surat", "nomor_surat", NOMOR_SURAT_MAX, False),
            "tanggal_surat": tanggal_surat,
            "diterima_tanggal": diterima,
            "due_on": due_on,
            "sifat": draft.sifat,
            "hal": clean_text(draft.hal, "Hal", "hal", HAL_MAX, False),
            "instructions": json.dumps(self._clean_instructions(draft.instructions, row), ensure_ascii=False),
            "free_text": clean_text(draft.free_text, "Instruksi lain", "free_text", FREE_TEXT_MAX, False),
            "catatan": clean_text(draft.catatan, "Catatan", "catatan", CATATAN_MAX, False),
            "signer": self._clean_signer(draft.signer_id, row, campaign_id),
        }
        return values, self._clean_recipients(draft.recipient_ids, stored_recipients)

    @staticmethod
    def _clean_instructions(ticked: tuple[str, ...], row: Disposition | None) -> list[str]:
        kept = _instructions(row) if row is not None else ()
        chosen = []
        for phrase in ticked:
            if not isinstance(phrase, str) or (phrase not in STANDARD_INSTRUCTIONS and phrase not in kept):
                raise ValidationError(f"Instruksi \"{phrase}\" bukan frasa baku. Tulis instruksi lain di "
                                      "kolom teks bebas.", "instructions")
            if phrase not in chosen:
                chosen.append(phrase)
        order = {p: i for i, p in enumerate(STANDARD_INSTRUCTIONS)}
        return sorted(chosen, key=lambda p: order.get(p, len(order)))

    @staticmethod
    def _clean_signer(signer_id: int | None, row: Disposition | None, campaign_id: int) -> int | None:
        if signer_id is None:
            return None
        person = Staff.get_or_none(Staff.id == signer_id)
        if person is None:
            raise ValidationError("Penanda tangan tidak ditemukan.", "signer")
        unchanged = row is not None and row.signer_id == signer_id
        if not person.active and not unchanged:
            raise ValidationError(f"{person.name} tidak aktif; penanda tangan harus petugas yang aktif.", "signer")
        if not unchanged:  # the step's primary lane in the campaign's SOP (the Sub Kor): data, not code
            lanes.require_holder(person, campaign_id, "disposition", "menandatangani disposisi")
        return signer_id

    @staticmethod
    def _clean_recipients(ids: tuple[int, ...], stored: set[int]) -> tuple[int, ...]:
        unique = tuple(dict.fromkeys(ids))
        if len(unique) > RECIPIENTS_MAX:
            raise ValidationError(f"Terlalu banyak penerima (maksimal {RECIPIENTS_MAX}).", "recipients")
        ids = [sid for sid in unique if isinstance(sid, int)]
        people = {row.id: row for row in Staff.select().where(Staff.id.in_(ids))} if ids else {}
        for sid in unique:
            person = people.get(sid) if isinstance(sid, int) else None
            if person is None:
                raise ValidationError("Penerima disposisi tidak ditemukan.", "recipients")
            if not person.active and sid not in stored:  # someone already chosen may stay
                raise ValidationError(f"{person.name} tidak aktif dan tidak dapat dipilih sebagai penerima.",
                                      "recipients")
        return unique
