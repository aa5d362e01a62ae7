"""The office's stages of a demo campaign: disposition (5), completeness check (6), evaluation (9).

Called by :class:`.stage_content.StageFiller` with the step's :class:`.spans.StepSpan` (None
when the step has not started); each adds exactly what the stage service would have stored.
The disposition is stored without its agenda number, which :mod:`.agenda` gives once the run
is written, in the order of the save times.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from wawaran_desktop.services.clock import to_db
from wawaran_desktop.demo.content import StageTexts
from wawaran_desktop.demo.randomness import pick
from wawaran_desktop.demo.spans import StepSpan, floor_minute
from wawaran_desktop.services.stages.disposition import SIGNER_LANE, STANDARD_INSTRUCTIONS
from wawaran_desktop.services.stages.evaluation import RECEIVER_LANE
from wawaran_desktop.services.stages.readiness import DRIVER_LANE, MANUAL_LABELS
from wawaran_desktop.sop.schema import Sop

if TYPE_CHECKING:
    from wawaran_desktop.demo.bulk import Rows
    from wawaran_desktop.demo.story import Story
    from wawaran_desktop.demo.texts import ReportStop

TEAM_LANE = "tim"  # the wawaran team: disposition recipients, announcers
#: Standard instructions besides "Untuk dilaksanakan", with the chance each is ticked.
INSTRUCTION_CHANCE = {"Koordinasikan": 0.6, "Laporkan hasilnya": 0.7, "Siapkan bahan": 0.2,
                      "Proses lebih lanjut": 0.15}
LETTER_CLASSES = ("000.1", "400.7", "500.1", "800.1")  # classification codes of incoming letters


def _clamp(score: int) -> int:
    return max(1, min(5, score))


class OfficeStages:
    def __init__(self, sop: Sop, team: dict[str, list[int]], texts: StageTexts) -> None:
        self.sop = sop
        self.team = team
        self.texts = texts
        self.no = {act.workspace: act.no for act in sop.activities if act.workspace}

    def assignee(self, s: Story, workspace: str) -> int:
        return s.steps[self.no[workspace] - 1].assignee

    # -- stage 5 --------------------------------------------------------------------------
    def disposition(self, rng: random.Random, s: Story, values: dict[str, str], span: StepSpan | None,
                    rows: Rows) -> None:
        if span is None:
            return
        by = self.assignee(s, "disposition")
        saved = span.at(rng.uniform(0.3, 0.95))
        day = saved.date()
        surat_dari = nomor = ""
        written = received = None
        code = self.texts.letter_codes.get(s.topic.source)
        if code and rng.random() < 0.5:  # the wawaran answers the office's letter
            written = s.created.date() - timedelta(days=rng.randint(2, 10))
            received = min(written + timedelta(days=rng.randint(1, 3)), s.created.date())
            surat_dari = s.topic.source
            nomor = f"{pick(rng, LETTER_CLASSES)}/{rng.randint(100, 2999)}-{code}/{written.year}"
        ticked = {STANDARD_INSTRUCTIONS[0]} | {p for p, chance in INSTRUCTION_CHANCE.items() if rng.random() < chance}
        instructions = [p for p in STANDARD_INSTRUCTIONS if p in ticked]
        free_text = pick(rng, self.texts.disposition_free_text).format_map(values) if rng.random() < 0.3 else ""
        catatan = pick(rng, self.texts.disposition_notes) if rng.random() < 0.4 else ""
        signer = pick(rng, self.team.get(SIGNER_LANE) or [by])
        rows.dispositions.append((s.campaign_id, None, None, None, day, surat_dari, nomor, written, received,
                                  s.draw.figures.sifat, s.theme, json.dumps(instructions, ensure_ascii=False),
                                  free_text, catatan, signer, by, to_db(saved)))
        if span.finished or rng.random() < 0.6:
            team = self.team.get(TEAM_LANE) or [by]
            chosen = {s.steps[self.no[w] - 1].assignee for w in ("narration", "report") if w in self.no}
            chosen = {i for i in chosen if i in team} or {pick(rng, team)}
            if rng.random() < 0.5:
                chosen.add(pick(rng, team))
            rows.recipients.extend((s.campaign_id, staff) for staff in sorted(chosen))

    # -- stage 6 --------------------------------------------------------------------------
    def readiness(self, rng: random.Random, s: Story, span: StepSpan | None, confirm_at: datetime | None,
                  locations: int, rows: Rows) -> None:
        if span is None:
            return
        cid = s.campaign_id
        by = self.assignee(s, "readiness")
        crew = self.team.get(DRIVER_LANE, [])
        edits = [span.at(rng.uniform(0.05, 0.4))]  # the flyers are counted first
        driver = announcer = None
        if crew and (span.finished or rng.random() < 0.7):
            driver = crew[0] if rng.random() < 0.8 else pick(rng, crew)
            edits.append(span.at(rng.uniform(0.2, 0.8)))
        if span.finished or rng.random() < 0.5:
            operators = [i for i in crew if i != driver]
            team = [i for i in self.team.get(TEAM_LANE, []) if i != driver]
            pool = operators if operators and (rng.random() < 0.5 or not team) else team
            if pool:
                announcer = pick(rng, pool)
                edits.append(span.at(rng.uniform(0.2, 0.9)))
        rows.readiness.append((cid, s.draw.flyers, driver, announcer, by, to_db(max(edits))))
        helpers = [by] + crew
        for key in MANUAL_LABELS:
            checked = span.finished or rng.random() < 0.5
            note = pick(rng, self.texts.readiness_notes[key]) if rng.random() < 0.3 else ""
            if checked or note:
                at = span.at(rng.uniform(0.1, 0.95))
                who = pick(rng, helpers)
                rows.readiness_items.append((cid, key, checked, note, who if checked else None,
                                             to_db(at) if checked else None))
        if confirm_at is not None and locations:
            rows.audit.append((to_db(confirm_at), by, cid, "locations.confirm", f"{locations} lokasi dikonfirmasi"))

    # -- stage 9 --------------------------------------------------------------------------
    def evaluation(self, rng: random.Random, s: Story, span: StepSpan | None, stops: list[ReportStop],
                   rows: Rows) -> None:
        if span is None:
            return
        by = self.assignee(s, "evaluation")
        receiver = pick(rng, self.team.get(RECEIVER_LANE) or [by])
        received = floor_minute(span.at(rng.uniform(0.0, 0.3)))
        updated = max(received, span.at(rng.uniform(0.6, 1.0)))
        late = [act for act in self.sop.activities[:self.no["evaluation"] - 1]
                if s.spans[act.no - 1].worked.total_seconds() > act.standard_minutes * 60]
        route_late = any(act.workspace == "dissemination" for act in late)
        timeliness = _clamp(5 - min(3, len(late)) - route_late + pick(rng, (0, 0, 0, 1, -1)))
        visited = [stop for stop in stops if stop.departed_at is not None]
        per_stop = sum(stop.audience for stop in visited) / len(visited) if visited else 0
        reach = _clamp((5 if per_stop >= 80 else 4 if per_stop >= 55 else 3 if per_stop >= 35 else 2)
                       + pick(rng, (0, 0, 0, 1, -1)))
        reopened = "narration" in self.no and s.spans[self.no["narration"] - 1].reopened
        narration = _clamp(pick(rng, (3, 4, 4, 5, 5)) - reopened)
        scores = [v if span.finished or rng.random() < 0.6 else None for v in (timeliness, reach, narration)]
        lines = []
        if len(late) >= 2 or route_late:
            lines.append(pick(rng, self.texts.late_followups))
        if s.draw.rain:
            lines.append(pick(rng, self.texts.rain_followups))
        general = rng.sample(self.texts.followups, min(len(self.texts.followups), 3))
        lines = (lines + [line for line in general if line not in lines])[:rng.randint(1, 3)]
        if not span.finished and rng.random() < 0.5:
            lines = []
        notes = s.draw.figures.evaluation if span.finished or rng.random() < 0.5 else ""
        rows.evaluations.append((s.campaign_id, receiver, to_db(received), notes, *scores, "\n".join(lines), by,
                                 to_db(updated)))
