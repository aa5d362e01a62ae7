"""Stage 9, Evaluasi: the report received by the Kepala Bidang, scored, with follow-ups.

The follow-up points of the last evaluated campaign are the "bahan evaluasi kegiatan wawaran
selanjutnya": :func:`latest_followups` gives them to whoever creates the next campaign.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.models import Campaign, Staff, database, fn
from wawaran_desktop.db.stage_models import Evaluation
from wawaran_desktop.services import lanes, versions
from wawaran_desktop.services.clock import from_db, to_db, to_wib
from wawaran_desktop.services.errors import RuleError, ValidationError
from wawaran_desktop.services.staff import first_active
from wawaran_desktop.services.stages.common import clean_text, editable_campaign
from wawaran_desktop.text import formatting as fmt

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

NOTES_MAX = 5_000
FOLLOWUP_LINES = 20
FOLLOWUP_CHARS = 300
RECEIVER_LANE = "kabid"
#: The scored aspects: column of Evaluation and its label.
ASPECTS = (("score_timeliness", "Ketepatan waktu"), ("score_reach", "Jangkauan"),
           ("score_narration", "Kualitas narasi"))
SCORE_LABELS = {1: "Sangat kurang", 2: "Kurang", 3: "Cukup", 4: "Baik", 5: "Sangat baik"}
BULLETS = ("- ", "• ", "* ", "– ")
UNSET = object()  # "leave this field as it is"


class EvaluationRecord(NamedTuple):
    stored: bool  # False: nothing saved yet; received_by_id is the suggested Kepala Bidang
    received_by_id: int | None
    received_by_name: str | None
    received_at: datetime | None  # aware UTC
    notes: str
    score_timeliness: int | None
    score_reach: int | None
    score_narration: int | None
    followups: tuple[str, ...]
    updated_by_name: str | None
    updated_at: datetime | None
    version: int = 0  # the stored version a save names (0: not stored yet)

    @property
    def followups_text(self) -> str:
        return "\n".join(self.followups)

    def labelled(self) -> dict[str, str]:
        """The record as the person compares it, by the form's labels (see :func:`labelled`)."""
        return labelled(self.received_by_name, self.received_at, self.score_timeliness, self.score_reach,
                        self.score_narration, self.notes, self.followups_text)


class PreviousFollowups(NamedTuple):
    """Follow-ups of the last evaluated campaign, for the next one."""

    title: str
    received_on: date  # WIB calendar day the report was received
    points: tuple[str, ...]


def parse_followups(text: str | None) -> tuple[str, ...]:
    """One point per non-empty line; a leading bullet ("- ", "• ", …) is dropped."""
    points = []
    for line in (text or "").splitlines():
        line = line.strip()
        for bullet in BULLETS:
            if line.startswith(bullet):
                line = line[len(bullet):].strip()
        if line:
            points.append(line)
    return tuple(points)


def clean_followups(text: object) -> tuple[str, ...]:
    if text is not None and not isinstance(text, str):
        raise ValidationError("Tindak lanjut harus berupa teks.", "followups")
    points = parse_followups(text)
    if len(points) > FOLLOWUP_LINES:
        raise ValidationError(f"Tindak lanjut paling banyak {FOLLOWUP_LINES} butir (terisi {len(points)}).",
                              "followups")
    for n, point in enumerate(points, 1):
        if len(point) > FOLLOWUP_CHARS:
            raise ValidationError(f"Butir tindak lanjut ke-{n} terlalu panjang ({len(point)} karakter, "
                                  f"maksimal {FOLLOWUP_CHARS}).", "followups")
    return points


def score_text(value: int | None) -> str:
    return "" if value is None else f"{value} – {SCORE_LABELS.get(value, '?')}"


def labelled(receiver: str | None, received_at: datetime | None, timeliness: int | None, reach: int | None,
             narration: int | None, notes: str, followups: str) -> dict[str, str]:
    """An evaluation by the form's labels, as the comparison of two versions shows it."""
    return {"Diterima oleh": receiver or "", "Diterima pada": fmt.date_time(received_at) if received_at else "",
            "Ketepatan waktu": score_text(timeliness), "Jangkauan": score_text(reach),
            "Kualitas narasi": score_text(narration), "Catatan evaluasi": notes,
            "Tindak lanjut": "\n".join(parse_followups(followups))}


def clean_score(value: object, label: str, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError(f"Nilai {label.lower()} harus 1 sampai 5 (atau dikosongkan).", field)
    return value


class Service:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def default_receiver(self) -> int | None:
        """The first active Kepala Bidang, by name."""
        person = first_active(RECEIVER_LANE)
        return person.id if person else None

    def get(self, campaign_id: int) -> EvaluationRecord:
        row = Evaluation.get_or_none(Evaluation.campaign == campaign_id)
        names = dict(Staff.select(Staff.id, Staff.name).tuples())
        if row is None:
            receiver = self.default_receiver()
            return EvaluationRecord(False, receiver, names.get(receiver), None, "", None, None, None, (), None, None)
        return EvaluationRecord(
            True, row.received_by_id, names.get(row.received_by_id), from_db(row.received_at), row.notes,
            row.score_timeliness, row.score_reach, row.score_narration, parse_followups(row.followups),
            names.get(row.updated_by_id), from_db(row.updated_at), row.version)

    def update(self, actor_id: int | None, campaign_id: int, *, received_by_id: object = UNSET,
               received_at: object = UNSET, notes: object = UNSET, score_timeliness: object = UNSET,
               score_reach: object = UNSET, score_narration: object = UNSET,
               followups: object = UNSET, version: int | None = None) -> EvaluationRecord:
        """Store the given fields, if the evaluation is still at ``version`` (the one read, 0:
        not stored yet; None: any). The first save also records the suggested receiver (the
        Kepala Bidang) and now as the time of receipt, unless they are given."""
        actor = self.ws.staff.require_active(actor_id)
        campaign = editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "evaluation")
        changes: dict[str, object] = {}
        if received_by_id is not UNSET:
            changes["received_by"] = self._receiver(received_by_id, campaign)
        if received_at is not UNSET:
            changes["received_at"] = to_db(self._received_at(received_at, from_db(campaign.created_at)))
        if notes is not UNSET:
            if notes is not None and not isinstance(notes, str):
                raise ValidationError("Catatan evaluasi harus berupa teks.", "notes")
            changes["notes"] = clean_text(notes, "Catatan evaluasi", "notes", NOTES_MAX, required=False)
        for field, label in ASPECTS:
            value = {"score_timeliness": score_timeliness, "score_reach": score_reach,
                     "score_narration": score_narration}[field]
            if value is not UNSET:
                changes[field] = clean_score(value, label, field)
        if followups is not UNSET:
            changes["followups"] = "\n".join(clean_followups(followups))
        now = self.ws.clock()
        first = {"campaign": campaign_id, "received_by": self.default_receiver(),
                 "received_at": to_db(now.replace(second=0, microsecond=0))}
        with database.atomic():
            versions.upsert(Evaluation, Evaluation.campaign == campaign_id, version, first,
                            {**changes, "updated_by": actor, "updated_at": to_db(now)}, "Evaluasi",
                            theirs=lambda _row: self.get(campaign_id).labelled())
            return self.get(campaign_id)  # before the commit: the version written here

    def _receiver(self, staff_id: object, campaign: Campaign) -> int | None:
        if staff_id is None:
            return None
        row = Staff.get_or_none(Staff.id == staff_id) if isinstance(staff_id, int) else None
        if row is None or not row.active:
            raise ValidationError("Penerima laporan harus petugas yang aktif.", "received_by")
        lanes.require_holder(row, campaign, "evaluation", "menerima laporan")
        return row.id

    def _received_at(self, value: object, created: datetime) -> datetime:
        if value is None:
            raise ValidationError("Waktu laporan diterima wajib diisi.", "received_at")
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValidationError("Waktu laporan diterima harus tanggal dan jam.", "received_at")
        moment = value.replace(second=0, microsecond=0)
        now = self.ws.clock()
        if moment > now:
            raise ValidationError(f"Waktu laporan diterima tidak boleh di masa depan (sekarang "
                                  f"{fmt.date_time(now)}).", "received_at")
        if moment < created.replace(second=0, microsecond=0):
            raise ValidationError(f"Waktu laporan diterima tidak boleh sebelum kampanye dibuat "
                                  f"({fmt.date_time(created)}).", "received_at")
        return moment


def check_finish(campaign_id: int, reason: str | None) -> None:
    """Who received the report, when, and the three scores are required."""
    row = Evaluation.get_or_none(Evaluation.campaign == campaign_id)
    missing = []
    if row is None or row.received_by_id is None:
        missing.append("penerima laporan")
    if row is None or row.received_at is None:
        missing.append("waktu laporan diterima")
    for field, label in ASPECTS:
        if row is None or getattr(row, field) is None:
            missing.append(f"nilai {label.lower()}")
    if missing:
        raise RuleError("Lengkapi evaluasi sebelum menyelesaikan tahap ini: " + ", ".join(missing) + ".")


def latest_followups(exclude_campaign_id: int | None = None) -> PreviousFollowups | None:
    """The follow-up points of the most recently received (evaluated) report, if any."""
    query = (Evaluation.select(Evaluation, Campaign.title).join(Campaign)
             .where(Evaluation.received_at.is_null(False) & (fn.TRIM(Evaluation.followups) != "")
                    & (Campaign.status != "cancelled"))
             .order_by(Evaluation.received_at.desc(), Evaluation.campaign.desc()))
    if exclude_campaign_id is not None:
        query = query.where(Evaluation.campaign != exclude_campaign_id)
    for row in query:
        points = parse_followups(row.followups)
        if points:
            return PreviousFollowups(row.campaign.title, to_wib(from_db(row.received_at)).date(), points)
    return None
