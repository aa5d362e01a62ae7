"""The longer texts of a demo campaign: narration versions, notulen, agenda and the report.

Narrations are built from the fragments in ``resources/demo/content.json`` (``stages.narration``)
and the topic's message, in the announcer's style of the car's loudspeaker. The report is
assembled exactly as :func:`services.stages.report.compose` assembles a draft from stages 1–7
(same sections, lines and formats), from the rows the generator made instead of queries.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from wawaran_desktop.services import formatting as fmt
from wawaran_desktop.services.demo.content import StageTexts
from wawaran_desktop.services.demo.randomness import pick
from wawaran_desktop.services.stages.report import SOURCES


def greeting(moment: datetime) -> str:
    """``Selamat pagi`` / ``siang`` / ``sore`` for a WIB time."""
    hour = moment.hour
    return "Selamat pagi" if hour < 11 else "Selamat siang" if hour < 15 else "Selamat sore"


def narrations(rng: random.Random, texts: StageTexts, count: int, values: dict[str, str]) -> list[str]:
    """``count`` (1–3) successive versions of a narration; each differs from the one before.

    The last is the complete script (opening, introduction, theme, message, a call, contacts,
    a reminder of the theme, closing); earlier versions are drafts without the later parts.
    """
    parts = texts.narration
    fill = {key: pick(rng, parts[key]).format_map(values) for key in
            ("openings", "introductions", "themes", "calls", "contacts", "reminders", "closings")}
    message = values["message"]

    def script(contact: bool, reminder: bool) -> str:
        middle = [message, fill["calls"]] + ([fill["contacts"]] if contact else [])
        ending = ([fill["reminders"]] if reminder else []) + [fill["closings"]]
        return "\n\n".join([fill["openings"], f"{fill['introductions']} {fill['themes']}", " ".join(middle),
                            " ".join(ending)])

    forms = [script(False, False), script(True, False), script(True, True)]
    return forms[len(forms) - count:]


def agenda(texts: StageTexts, values: dict[str, str]) -> str:
    return "\n".join(f"{n}. {line.format_map(values)}" for n, line in enumerate(texts.briefing_agenda, 1))


def notulen(rng: random.Random, texts: StageTexts, held_at: datetime | None, place: str, attendees: Sequence[str],
            topics: Sequence[str], stops: Sequence[str], theme: str, decider: str | None) -> str:
    """The briefing minutes: when and where, who attended, the data, the route, the decision."""
    lines = ["NOTULEN BRIEFING WAWARAN KELILING"]
    if held_at is not None:
        lines.append(f"Waktu: {fmt.long_date(held_at)} pukul {fmt.clock_time(held_at)} WIB")
    if place:
        lines.append(f"Tempat: {place}")
    if attendees:
        lines.append(f"Peserta: {'; '.join(attendees)}")  # names carry commas before their degrees
    lines.append("")
    lines.append("Pembahasan:")
    lines.append("1. Data yang dibahas: " + ("; ".join(topics) if topics else "(belum ada)") + ".")
    lines.append("2. Lokasi wawaran: " + ("; ".join(stops) if stops else "(belum ditentukan)") + ".")
    lines.append(f"3. Tema wawaran: {theme}.")
    lines.append(f"4. {pick(rng, texts.notulen_decisions)}")
    if decider:
        lines.append("")
        lines.append(f"Tema diputuskan oleh {decider}" + ("" if decider.endswith(".") else "."))
    return "\n".join(lines)


class ReportItem(NamedTuple):
    topic: str
    source_kind: str
    source_name: str
    selected: bool


class ReportStop(NamedTuple):
    place: str  # "Kelurahan Sukasari, Kecamatan Tangerang"
    address: str
    planned: bool
    arrived_at: datetime | None  # aware
    departed_at: datetime | None
    flyers: int
    audience: int
    notes: str


class ReportStep(NamedTuple):
    """A step before the report (all finished): its time against the standard and its note."""

    no: int
    short: str
    elapsed_seconds: float
    standard_minutes: int
    notes: str


def _time(moment: datetime) -> str:
    return f"pukul {fmt.clock_time(moment)}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _stop_line(n: int, stop: ReportStop, day: datetime | None) -> str:
    where = stop.place + (f" ({stop.address})" if stop.address else "")
    if not stop.planned:
        where += " [tidak terencana]"
    times = []
    if stop.arrived_at is not None:
        on = "" if day is None or fmt.short_date(stop.arrived_at) == fmt.short_date(day) \
            else f"{fmt.short_date(stop.arrived_at)} "
        times.append(f"tiba {on}{_time(stop.arrived_at)}")
    if stop.departed_at is not None:
        times.append(f"berangkat {_time(stop.departed_at)}")
    parts = [", ".join(times) + " WIB"] if times else []
    parts.append(f"{stop.flyers} selebaran")
    parts.append(f"perkiraan {stop.audience} warga")
    return f"{n}. {where}: " + "; ".join(parts) + "."


def report(title: str, theme: str, created_at: datetime, items: Sequence[ReportItem], held_at: datetime | None,
           place: str, stops: Sequence[ReportStop], steps: Sequence[ReportStep], now: datetime,
           city: str = "Tangerang") -> str:
    """The report draft of stages 1–7, line for line as ``report.compose`` writes it."""
    arrivals = [s.arrived_at for s in stops if s.arrived_at is not None]
    departures = [s.departed_at for s in stops if s.departed_at is not None]
    day = min(arrivals, default=None)
    last = max(departures, default=None)
    lines = ["LAPORAN KEGIATAN WAWARAN KELILING", title.upper(), ""]
    lines.append(f"Tema wawaran: {theme or '(belum ditentukan)'}")
    lines.append(f"Hari/tanggal pelaksanaan: {fmt.long_date(day or created_at)}")
    lines.append("")

    lines.append("I. Data dan topik wawaran")
    chosen = [i for i in items if i.selected] or list(items)
    for n, item in enumerate(chosen, 1):
        source = SOURCES.get(item.source_kind) or item.source_name or "sumber lain"
        if item.source_kind == "other" and item.source_name:
            source = item.source_name
        lines.append(f"{n}. {item.topic} (sumber: {source})")
    if not chosen:
        lines.append("Belum ada data yang tercatat.")
    lines.append("")

    lines.append("II. Briefing")
    if held_at is not None:
        text = f"Briefing dilaksanakan pada {fmt.long_date(held_at)} {_time(held_at)} WIB"
        lines.append(text + (f" di {place}." if place else "."))
    else:
        lines.append("Waktu briefing belum tercatat.")
    lines.append("")

    lines.append("III. Pelaksanaan diseminasi")
    visited = [s for s in stops if s.arrived_at is not None]
    skipped = [s for s in stops if s.arrived_at is None]
    if visited:
        lines.append("Lokasi yang dikunjungi:")
        lines += [_stop_line(n, s, day) for n, s in enumerate(visited, 1)]
    else:
        lines.append("Belum ada lokasi yang tercatat dikunjungi.")
    if skipped:
        lines.append("Lokasi rencana yang tidak dikunjungi: " + "; ".join(s.place for s in skipped) + ".")
    done = sum(1 for s in stops if s.arrived_at is not None and s.departed_at is not None)
    summary = (f"Jumlah: {done} lokasi dikunjungi, {sum(s.flyers for s in stops)} selebaran dibagikan, "
               f"perkiraan {sum(s.audience for s in stops)} warga menerima informasi")
    if day is not None and last is not None:
        seconds = max(0.0, (last - day).total_seconds())
        summary += f"; di rute {int(seconds // 60)} menit ({_time(day)}–{fmt.clock_time(last)} WIB)"
    lines.append(summary + ".")
    lines.append("")

    lines.append("IV. Kendala dan catatan")
    problems = []
    for step in steps:
        if step.elapsed_seconds > step.standard_minutes * 60:
            problems.append(f"Tahap {step.no} ({step.short}) memakan waktu {int(step.elapsed_seconds // 60)} "
                            f"menit, melebihi waktu baku {step.standard_minutes} menit.")
    for step in steps:
        if step.notes.strip():
            problems.append(f"Catatan tahap {step.no} ({step.short}): {_one_line(step.notes)}")
    for stop in stops:
        if stop.notes.strip():
            problems.append(f"{stop.place}: {_one_line(stop.notes)}")
    lines += [f"- {p}" for p in problems] or ["Tidak ada kendala yang tercatat."]
    lines.append("")
    lines.append(f"{city}, {fmt.short_date(now)}")
    return "\n".join(lines) + "\n"
