"""The office's own word list (table ``office_word``): the words the spell checker accepts
beyond the dictionary — Kota Tangerang's kecamatan and kelurahan, the office's names and
terms, and whatever staff add. A word is one word whatever its case ("dikp" is "DIKP")."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from peewee import fn

from wawaran_desktop.db.models import Staff, database
from wawaran_desktop.db.stage_models import OfficeWord, Setting
from wawaran_desktop.services import wilayah
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import NotFound, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.stages.common import clean_text

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

SEED_WORDS = ("wawaran", "Diskominfo", "Kota", "Tangerang", "DIKP", "DIMC", "Prokomp", "Kabid",
              "Sub Kor", "kernet",
              # standard words of spoken announcements that the id_ID dictionary lacks
              "diimbau", "hubungi", "waspadai", "manfaatkan", "Wassalamualaikum", "warahmatullahi")
SEEDED_KEY = "spelling.office_words_seeded"
WORD_MAX = 100

_OFFICE_WORD = re.compile(r"[^\W\d_]+(?:[-'’ ][^\W\d_]+)*")


def _same_word(word: str):
    """The condition "this row is ``word``", whatever its case, on any database engine."""
    return fn.LOWER(OfficeWord.word) == word.lower()


class OfficeWordRecord(NamedTuple):
    word: str
    added_by_name: str | None  # None: seeded by the application
    added_at: datetime  # aware UTC


def clean_word(value: str | None) -> str:
    """An office word: letters, with single spaces, hyphens or apostrophes between them."""
    text = " ".join((value or "").split())
    text = clean_text(text, "Kata", "word", WORD_MAX, required=True)
    if not _OFFICE_WORD.fullmatch(text):
        raise ValidationError("Kata hanya boleh berisi huruf, spasi, tanda hubung (-) atau apostrof (').",
                              "word")
    return text


def seed_words() -> list[str]:
    """Every kecamatan and kelurahan name of Kota Tangerang, then the office's own words."""
    areas = wilayah.load()
    names = [a.name for a in areas.kecamatan]
    names += [a.name for kel in areas.kelurahan.values() for a in kel]
    return list(dict.fromkeys([*names, *SEED_WORDS]))


class OfficeWords:
    """The words the spell checker accepts beyond the dictionary; users add to them."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def ensure_seeded(self) -> None:
        """Add the seed words once (a setting remembers it, so a word removed stays removed)."""
        if Setting.get_or_none(Setting.key == SEEDED_KEY) is not None:
            return
        now = to_db(self.ws.clock())
        with database.atomic():
            (OfficeWord.insert_many([{"word": w, "added_by": None, "added_at": now} for w in seed_words()])
             .on_conflict_ignore().execute())
            Setting.insert(key=SEEDED_KEY, value="1").on_conflict_ignore().execute()

    def words(self) -> list[str]:
        """The words, as written by whoever added them (for :class:`SpellChecker`)."""
        self.ensure_seeded()
        return [row.word for row in OfficeWord.select(OfficeWord.word).order_by(OfficeWord.word)]

    def list(self) -> list[OfficeWordRecord]:
        self.ensure_seeded()
        names = {row.id: row.name for row in Staff.select(Staff.id, Staff.name)}
        return [OfficeWordRecord(row.word, names.get(row.added_by_id), from_db(row.added_at))
                for row in OfficeWord.select().order_by(OfficeWord.word)]

    def add(self, actor_id: int | None, word: str) -> OfficeWordRecord:
        actor = self.ws.staff.require_active(actor_id)
        word = clean_word(word)
        self.ensure_seeded()
        if OfficeWord.get_or_none(_same_word(word)) is not None:
            raise ValidationError(f"Kata \"{word}\" sudah ada di daftar kata kantor.", "word")
        now = to_db(self.ws.clock())
        with database.atomic():
            OfficeWord.create(word=word, added_by=actor, added_at=now)
            record_audit(at=now, actor=actor, action="office_word_add", detail=word)
        return OfficeWordRecord(word, actor.name, from_db(now))

    def remove(self, actor_id: int | None, word: str) -> None:
        actor = self.ws.staff.require_active(actor_id)
        self.ensure_seeded()
        row = OfficeWord.get_or_none(_same_word(" ".join((word or "").split())))
        if row is None:
            raise NotFound(f"Kata \"{word}\" tidak ada di daftar kata kantor.")
        now = to_db(self.ws.clock())
        with database.atomic():
            row.delete_instance()
            record_audit(at=now, actor=actor, action="office_word_remove", detail=row.word)
