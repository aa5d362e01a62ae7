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

from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.demo.content import StageTexts
from wawaran_desktop.demo.randomness import pick
from wawaran_desktop.services.stages.report import ReportItem, ReportStep, ReportStop, compose_text  # noqa: F401

report = compose_text  # the demo writes exactly the service's draft


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
