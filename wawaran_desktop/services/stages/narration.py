"""Stage 4, "Membuat narasi wawaran": every save is a version; one version is final.

A version is never changed: saving different text adds version N+1 (by its author, at its
time), restoring an old version saves its text again as a new version, and exactly one
version may be marked final (the one the disposition and the Word export use). Finishing
the step needs a final version.

Several PCs: a save names the number of the latest version its text was based on
(``version=``, 0 before the first). When another PC saved a newer version meanwhile the
save is refused (:class:`~wawaran_desktop.services.errors.ConflictError` with the latest
stored text); saving again based on that number stores the person's text as the next one.
"""

from __future__ import annotations

import difflib
import re
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import AuditEntry, Staff, database, fn
from wawaran_desktop.db.stage_models import NarrationVersion
from wawaran_desktop.services import lanes, versions
from wawaran_desktop.services.campaigns import strip_controls
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import ConflictError, NotFound, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.stages.common import editable_campaign
from wawaran_desktop.text import readaloud

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

TEXT_MAX = 20_000
TEXT_LABEL = "Narasi"  # the field as the comparison of a refused save names it
_DIFF_TOKEN = re.compile(r"\s+|\w+(?:[-'’]\w+)*|[^\w\s]")  # spaces, words, single punctuation marks


class VersionRecord(NamedTuple):
    number: int
    author_name: str
    saved_at: datetime  # aware UTC
    is_final: bool
    words: int
    author_id: int | None = None


class Saved(NamedTuple):
    version: VersionRecord  # the latest version (the new one when ``created``)
    created: bool  # False: the text was the same as the latest version's


class DiffPart(NamedTuple):
    kind: str  # "equal", "insert" or "delete"
    text: str  # words with the spaces and line breaks between them


class NarrationDiff(NamedTuple):
    old: int  # version numbers
    new: int
    parts: tuple[DiffPart, ...]
    inserted_words: int
    deleted_words: int


class Service:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- versions -------------------------------------------------------------------------
    def save(self, actor_id: int | None, campaign_id: int, text: str, version: int | None = None) -> Saved:
        """Store ``text`` as version N+1, unless it is the same as the latest version.

        ``version``: the number of the latest version the text was based on (0: none yet;
        None: whatever is latest). When a newer one was saved meanwhile, nothing is stored
        and ConflictError carries the latest number and text."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "narration")
        text = clean_narration(text)
        with write_transaction(f"narration.{campaign_id}"):  # the latest number checked and the next written together
            latest = _latest(campaign_id)
            if latest is not None and latest.text == text:
                return Saved(_record(latest), created=False)  # the same text: nothing to lose
            if version is not None and (latest.number if latest is not None else 0) != version:
                raise _conflict(latest)
            return Saved(self._add(actor, campaign_id, text, "narration_save"), created=True)

    def restore(self, actor_id: int | None, campaign_id: int, number: int) -> VersionRecord:
        """Save version ``number``'s text again, as the newest version."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "narration")
        old = _version(campaign_id, number)
        latest = _latest(campaign_id)
        if latest is not None and latest.text == old.text:
            raise RuleError(f"Teks versi {number} sama dengan versi terbaru ({latest.number}); "
                            "tidak ada yang perlu dipulihkan.")
        return self._add(actor, campaign_id, old.text, "narration_restore", f"dari versi {number}")

    def mark_final(self, actor_id: int | None, campaign_id: int, number: int) -> VersionRecord:
        """Make version ``number`` the campaign's one final narration."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "narration")
        row = _version(campaign_id, number)
        if not row.is_final:
            now = to_db(self.ws.clock())
            with database.atomic():  # clear first: a unique index allows one final per campaign
                (NarrationVersion.update(is_final=False)
                 .where((NarrationVersion.campaign == campaign_id) & (NarrationVersion.is_final == True))  # noqa: E712
                 .execute())
                NarrationVersion.update(is_final=True).where(NarrationVersion.id == row.id).execute()
                record_audit(at=now, actor=actor, campaign=campaign_id, action="narration_final",
                             detail=f"versi {number}")
        return _record(NarrationVersion.get_by_id(row.id))

    def versions(self, campaign_id: int) -> list[VersionRecord]:
        """Every version of the campaign's narration, newest first."""
        query = (NarrationVersion.select().where(NarrationVersion.campaign == campaign_id)
                 .order_by(NarrationVersion.number.desc()))
        names = {row.id: row.name for row in Staff.select(Staff.id, Staff.name)}
        return [_record(row, names) for row in query]

    def latest_number(self, campaign_id: int) -> int:
        """The newest version's number (what a save names as ``version``), 0 before the first."""
        latest = _latest(campaign_id)
        return latest.number if latest is not None else 0

    def text(self, campaign_id: int, number: int) -> str:
        return _version(campaign_id, number).text

    def latest_text(self, campaign_id: int) -> str:
        """The newest version's text, or "" before the first save."""
        latest = _latest(campaign_id)
        return latest.text if latest is not None else ""

    def final(self, campaign_id: int) -> VersionRecord | None:
        row = NarrationVersion.get_or_none((NarrationVersion.campaign == campaign_id)
                                           & (NarrationVersion.is_final == True))  # noqa: E712
        return _record(row) if row is not None else None

    def finalised_at(self, campaign_id: int, number: int) -> datetime:
        """When version ``number`` was last marked final, else when it was saved (aware UTC):
        a printed date that stays the same however often the narration is exported."""
        marked = (AuditEntry.select(AuditEntry.at)
                  .where((AuditEntry.campaign == campaign_id) & (AuditEntry.action == "narration_final")
                         & (AuditEntry.detail == f"versi {number}"))
                  .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).first())
        return from_db(marked.at if marked is not None else _version(campaign_id, number).saved_at)

    def diff(self, campaign_id: int, old: int, new: int) -> NarrationDiff:
        """What changed from version ``old`` to version ``new``, word by word."""
        return compare(self.text(campaign_id, old), self.text(campaign_id, new), old, new)

    # -- the read-aloud rate (an office setting) ------------------------------------------
    def rate(self) -> float:
        stored = self.ws.settings.get_text(readaloud.RATE_KEY)
        try:
            return readaloud.check_rate(float(stored)) if stored is not None else readaloud.DEFAULT_RATE
        except (ValueError, ValidationError):
            return readaloud.DEFAULT_RATE  # a damaged value must not stop the editor

    def set_rate(self, actor_id: int | None, rate: float) -> float:
        actor = self.ws.staff.require_active(actor_id)
        rate = readaloud.check_rate(rate)
        self.ws.settings.put_text(readaloud.RATE_KEY, repr(rate), actor_id=actor.id)
        return rate

    def _add(self, actor: Staff, campaign_id: int, text: str, action: str, detail: str = "") -> VersionRecord:
        now = to_db(self.ws.clock())
        with database.atomic():
            number = (NarrationVersion.select(fn.MAX(NarrationVersion.number))
                      .where(NarrationVersion.campaign == campaign_id).scalar() or 0) + 1
            row = NarrationVersion.create(campaign=campaign_id, number=number, text=text, author=actor,
                                          saved_at=now, is_final=False)
            record_audit(at=now, actor=actor, campaign=campaign_id, action=action,
                         detail=f"versi {number}" + (f" {detail}" if detail else ""))
        return _record(row, {actor.id: actor.name})


def check_finish(campaign_id: int, reason: str | None) -> None:
    """The step finishes only with a final narration (no reason overrides it)."""
    final = NarrationVersion.get_or_none((NarrationVersion.campaign == campaign_id)
                                         & (NarrationVersion.is_final == True))  # noqa: E712
    if final is None:
        raise RuleError("Tandai satu versi narasi sebagai final (tombol \"Tandai Final\") "
                        "sebelum tahap ini diselesaikan.")


def clean_narration(text: str | None) -> str:
    """The text as stored: Unix line ends, no surrounding blank space; not empty, not too long."""
    if text is not None and not isinstance(text, str):
        raise ValidationError("Narasi harus berupa teks.", "text")
    cleaned = normalise(text or "")
    if not cleaned:
        raise ValidationError("Narasi masih kosong; tulis narasinya sebelum menyimpan.", "text")
    if len(cleaned) > TEXT_MAX:
        raise ValidationError(f"Narasi terlalu panjang ({readaloud.thousands(len(cleaned))} karakter, "
                              f"maksimal {readaloud.thousands(TEXT_MAX)}).", "text")
    return cleaned


def normalise(text: str) -> str:
    """Unix line ends, no control characters, no blank space around: two texts that differ
    only there are the same."""
    return strip_controls(text).strip()


def compare(old_text: str, new_text: str, old: int = 0, new: int = 0) -> NarrationDiff:
    """A word diff that keeps the line breaks, as plain data for the view."""
    a, b = _DIFF_TOKEN.findall(old_text), _DIFF_TOKEN.findall(new_text)
    parts: list[DiffPart] = []
    inserted = deleted = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            _append(parts, "equal", "".join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _append(parts, "delete", "".join(a[i1:i2]))
            deleted += sum(1 for t in a[i1:i2] if _is_word(t))
        if tag in ("insert", "replace"):
            _append(parts, "insert", "".join(b[j1:j2]))
            inserted += sum(1 for t in b[j1:j2] if _is_word(t))
    return NarrationDiff(old, new, tuple(parts), inserted, deleted)


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def _append(parts: list[DiffPart], kind: str, text: str) -> None:
    if not text:
        return
    if parts and parts[-1].kind == kind:
        parts[-1] = DiffPart(kind, parts[-1].text + text)
    else:
        parts.append(DiffPart(kind, text))


def _latest(campaign_id: int) -> NarrationVersion | None:
    return (NarrationVersion.select().where(NarrationVersion.campaign == campaign_id)
            .order_by(NarrationVersion.number.desc()).first())


class _Latest(NamedTuple):
    """The latest version as a refusal tells it (services/versions.py's record shape)."""

    version: int
    text: str
    updated_by_id: int | None
    updated_at: datetime | None


def _conflict(latest: NarrationVersion | None) -> ConflictError:
    if latest is None:  # every version was removed meanwhile (not done by the application)
        return ConflictError("Versi narasi yang Anda buka tidak ada lagi. Isian Anda tetap di layar.", version=0,
                             theirs={TEXT_LABEL: ""})
    told = _Latest(latest.number, latest.text, latest.author_id, latest.saved_at)
    return versions.conflict(f"Narasi (kini versi {latest.number})", told, lambda row: {TEXT_LABEL: row.text})


def _version(campaign_id: int, number: int) -> NarrationVersion:
    if isinstance(number, bool) or not isinstance(number, int):
        raise ValidationError("Nomor versi harus bilangan bulat.", "number")
    row = NarrationVersion.get_or_none((NarrationVersion.campaign == campaign_id)
                                       & (NarrationVersion.number == number))
    if row is None:
        raise NotFound(f"Versi narasi {number} tidak ditemukan.")
    return row


def _record(row: NarrationVersion, names: dict[int, str] | None = None) -> VersionRecord:
    if names is None or row.author_id not in names:
        author = Staff.get_or_none(Staff.id == row.author_id)
        name = author.name if author else "?"
    else:
        name = names[row.author_id]
    return VersionRecord(number=row.number, author_name=name, saved_at=from_db(row.saved_at),
                         is_final=bool(row.is_final), words=readaloud.count_words(row.text),
                         author_id=row.author_id)
