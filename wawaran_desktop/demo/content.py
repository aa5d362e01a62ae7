"""What the demo data says and where it happens: its texts and Kota Tangerang's areas.

The Indonesian texts (demo team, topics with their themes and narrations, reasons,
evaluations, weather, and under ``stages`` the fragments of every stage's content) live in
``resources/demo/content.json`` (described in the README next to it); the areas come from
the bundled wilayah CSV. Both are read once. A malformed content file is refused with a
:class:`DemoContentError` (a ``ValueError``) naming the file and the field, e.g.
``…/content.json: topics[3].themes: harus daftar teks yang tidak kosong``, as the SOP
loader does; so is a template naming a field other than :data:`TEMPLATE_FIELDS`. Texts
are kept exactly as written (never stripped).
"""

from __future__ import annotations

import csv
import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wawaran_desktop import paths
from wawaran_desktop.services.stages.readiness import MANUAL_LABELS

CONTENT_FILE = "demo/content.json"
WILAYAH_CSV = "wilayah/wilayah_kota_tangerang.csv"
FORMAT = 1
#: The fields a stage text may name, e.g. ``"Pasar {kelurahan}"`` (see :mod:`.stage_draws`).
TEMPLATE_FIELDS = frozenset({"subject", "theme", "source", "message", "area", "kecamatan", "kelurahan", "n",
                             "rw", "rt", "slug", "date", "month", "year", "greeting"})
NARRATION_PARTS = ("openings", "introductions", "themes", "calls", "contacts", "reminders", "closings")
READINESS_NOTE_KEYS = tuple(MANUAL_LABELS)  # the items of the completeness check ticked by hand
SOURCE_KINDS = ("prokomp", "dimc", "other")


class DemoContentError(ValueError):
    """The demo content file cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class DemoMember:
    name: str
    nip: str | None
    position: str
    lane: str
    rank: str = ""  # pangkat/golongan; "" for staff who have none (the day labourers)


@dataclass(frozen=True)
class Topic:
    subject: str  # as in the title: "Wawaran <subject> di Kecamatan ..."
    themes: tuple[str, ...]
    source: str  # the office whose programme the wawaran announces
    message: str  # the heart of the narration


@dataclass(frozen=True)
class DataItemText:
    """A stage-1 data item, as templates (``source_name`` is "" unless ``source_kind`` is other)."""

    source_kind: str  # prokomp, dimc, other
    source_name: str
    topic: str
    summary: str
    reference: str


@dataclass(frozen=True)
class StageTexts:
    """The fragments the stages' content is built from (``stages`` in the content file)."""

    data_items: tuple[DataItemText, ...]
    briefing_places: tuple[str, ...]
    briefing_agenda: tuple[str, ...]  # every line, in order
    technical_notes: tuple[str, ...]
    landmarks: tuple[str, ...]
    streets: tuple[str, ...]
    unplanned_places: tuple[str, ...]
    stop_notes: tuple[str, ...]
    rain_notes: tuple[str, ...]
    repeat_notes: tuple[str, ...]  # at a stop where the announcement was repeated (step 7 reopened)
    notulen_decisions: tuple[str, ...]
    narration: Mapping[str, tuple[str, ...]]  # by part: see NARRATION_PARTS
    letter_codes: Mapping[str, str]  # office (a topic's source) -> abbreviation in its letter numbers
    disposition_free_text: tuple[str, ...]
    disposition_notes: tuple[str, ...]
    readiness_notes: Mapping[str, tuple[str, ...]]  # by item key: see READINESS_NOTE_KEYS
    followups: tuple[str, ...]
    late_followups: tuple[str, ...]
    rain_followups: tuple[str, ...]


@dataclass(frozen=True)
class DemoContent:
    """Every text the generator draws from (a list repeating an entry makes it likelier)."""

    team: tuple[DemoMember, ...]
    topics: tuple[Topic, ...]
    cancel_reasons: tuple[str, ...]
    reopen_reasons: Mapping[int, tuple[str, ...]]  # by step number
    reopen_reasons_other_steps: tuple[str, ...]  # for a step not in ``reopen_reasons``
    pause_reasons: tuple[str, ...]  # why a step's clock was stopped for a while
    evaluations: tuple[str, ...]
    weather: tuple[str, ...]
    stages: StageTexts


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, problem: str) -> DemoContentError:
        return DemoContentError(f"{self.source}: {field}: {problem}")

    def text(self, obj: dict, key: str, where: str = "", *, optional: bool = False) -> str | None:
        value = obj.get(key)
        if value is None and optional and key in obj:
            return None
        if not isinstance(value, str) or not value.strip():
            expected = "teks yang tidak kosong atau null" if optional else "teks yang tidak kosong"
            raise self.fail(f"{where}{key}", f"wajib ada dan harus {expected}")
        return value

    def texts(self, obj: dict, key: str, where: str = "") -> tuple[str, ...]:
        field = f"{where}{key}"
        value = obj.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(field, "harus daftar teks yang tidak kosong")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{field}[{i}]", "harus teks yang tidak kosong")
        return tuple(value)

    def objects(self, obj: dict, key: str) -> list[tuple[str, dict]]:
        value = obj.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(key, "harus daftar objek yang tidak kosong")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{i}]", "harus objek")
        return [(f"{key}[{i}].", item) for i, item in enumerate(value)]

    def object(self, obj: dict, key: str, where: str = "") -> dict:
        value = obj.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"{where}{key}", "wajib ada dan berupa objek")
        return value

    def template(self, text: str, field: str) -> str:
        """``text``, whose ``{fields}`` must all be :data:`TEMPLATE_FIELDS`."""
        try:
            names = {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}
        except ValueError:
            raise self.fail(field, "kurung kurawal { } tidak berpasangan") from None
        unknown = sorted(names - TEMPLATE_FIELDS)
        if unknown:
            raise self.fail(field, f"kolom {{{unknown[0]}}} tidak dikenal")
        return text

    def templates(self, obj: dict, key: str, where: str = "") -> tuple[str, ...]:
        values = self.texts(obj, key, where)
        return tuple(self.template(text, f"{where}{key}[{i}]") for i, text in enumerate(values))

    def sections(self, obj: dict, key: str, names: tuple[str, ...], where: str = "") -> Mapping[str, tuple[str, ...]]:
        section = self.object(obj, key, where)
        return MappingProxyType({name: self.templates(section, name, f"{where}{key}.") for name in names})


def _stage_texts(rd: _Reader, data: dict) -> StageTexts:
    stages = rd.object(data, "stages")
    at = "stages."
    items = []
    for where, item in rd.objects(stages, "data_items"):
        where = at + where
        kind = rd.text(item, "source_kind", where)
        if kind not in SOURCE_KINDS:
            raise rd.fail(f"{where}source_kind", f"harus salah satu dari: {', '.join(SOURCE_KINDS)}")
        name = item.get("source_name", "")
        if not isinstance(name, str) or (kind == "other") != bool(name.strip()):
            raise rd.fail(f"{where}source_name", "wajib diisi untuk sumber other dan kosong untuk yang lain")
        items.append(DataItemText(kind, rd.template(name, f"{where}source_name"),
                                  *(rd.template(rd.text(item, key, where), f"{where}{key}")
                                    for key in ("topic", "summary", "reference"))))
    codes = rd.object(stages, "letter_codes", at)
    for office, code in codes.items():
        if not isinstance(code, str) or not code.strip():
            raise rd.fail(f"{at}letter_codes.{office}", "harus teks yang tidak kosong")
    lists = {key: rd.templates(stages, key, at) for key in (
        "briefing_places", "briefing_agenda", "technical_notes", "landmarks", "streets", "unplanned_places",
        "stop_notes", "rain_notes", "repeat_notes", "notulen_decisions", "disposition_free_text",
        "disposition_notes", "followups", "late_followups", "rain_followups")}
    return StageTexts(data_items=tuple(items), narration=rd.sections(stages, "narration", NARRATION_PARTS, at),
                      letter_codes=MappingProxyType(dict(codes)),
                      readiness_notes=rd.sections(stages, "readiness_notes", READINESS_NOTE_KEYS, at), **lists)


def parse_content(raw: str | bytes, source: str = "<demo content>") -> DemoContent:
    """Parse and validate demo content JSON. Raises :class:`DemoContentError`."""
    rd = _Reader(source)
    try:
        data: Any = json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DemoContentError(f"{source}: bukan JSON yang sah ({exc})") from None
    if not isinstance(data, dict):
        raise rd.fail("(akar)", "harus objek JSON")
    if data.get("format") != FORMAT:
        raise rd.fail("format", f"harus {FORMAT}")

    team = tuple(DemoMember(name=rd.text(item, "name", where), nip=rd.text(item, "nip", where, optional=True),
                            position=rd.text(item, "position", where), lane=rd.text(item, "lane", where),
                            rank=rd.text(item, "rank", where, optional=True) or "")
                 for where, item in rd.objects(data, "team"))
    topics = tuple(Topic(subject=rd.text(item, "subject", where), themes=rd.texts(item, "themes", where),
                         source=rd.text(item, "source", where), message=rd.text(item, "message", where))
                   for where, item in rd.objects(data, "topics"))

    reopen_raw = data.get("reopen_reasons")
    if not isinstance(reopen_raw, dict):
        raise rd.fail("reopen_reasons", "wajib ada dan berupa objek (nomor tahap -> daftar teks)")
    reopen: dict[int, tuple[str, ...]] = {}
    for key in reopen_raw:
        if not (key.isascii() and key.isdigit()) or int(key) < 1:
            raise rd.fail(f"reopen_reasons.{key}", "kunci harus nomor tahap (bilangan bulat positif)")
        reopen[int(key)] = rd.texts(reopen_raw, key, "reopen_reasons.")

    return DemoContent(
        team=team,
        topics=topics,
        cancel_reasons=rd.texts(data, "cancel_reasons"),
        reopen_reasons=MappingProxyType(reopen),
        reopen_reasons_other_steps=rd.texts(data, "reopen_reasons_other_steps"),
        pause_reasons=rd.texts(data, "pause_reasons"),
        evaluations=rd.texts(data, "evaluations"),
        weather=rd.texts(data, "weather"),
        stages=_stage_texts(rd, data),
    )


def load_content(path: str | Path) -> DemoContent:
    """Read and validate a demo content file. Raises :class:`DemoContentError`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DemoContentError(f"{path}: tidak dapat dibaca ({exc.strerror or exc})") from None
    return parse_content(raw, source=str(path))


@lru_cache(maxsize=1)
def demo_content() -> DemoContent:
    """The bundled demo content (``resources/demo/content.json``), read once."""
    return load_content(paths.resource(CONTENT_FILE))


@lru_cache(maxsize=1)
def wilayah() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Kota Tangerang's kecamatan, each with its kelurahan, from the bundled CSV."""
    kecamatan: dict[str, str] = {}
    kelurahan: dict[str, list[str]] = {}
    with open(paths.resource(WILAYAH_CSV), encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code, name, level = row["kode"].strip(), row["nama"].strip(), row["tingkat"].strip()
            if level == "kecamatan":
                kecamatan[code] = name
            elif level == "kelurahan":
                kelurahan.setdefault(code.rsplit(".", 1)[0], []).append(name)
    return tuple((name, tuple(kelurahan.get(code, ()))) for code, name in kecamatan.items())
