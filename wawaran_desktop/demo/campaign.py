"""One campaign's rows: its title, steps, events, ticked kelengkapan, audit entries and stage content.

Every row is what the services would have written for the same history: the cached
``Campaign.status``/``current_no`` follow :func:`steps.refresh_campaign` (see
:func:`cached_status`), steps copy the pinned SOP's standard, each event's actor works in
the step's lane, times are naive UTC and never after ``now``. What each started stage
records comes from :mod:`.stage_content`, drawn from a generator of its own (so the steps'
draws do not depend on it); its route and counts are drawn first (:mod:`.stage_draws`), as
the step notes quote them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from wawaran_desktop.services import timing
from wawaran_desktop.services.clock import WIB, to_db
from wawaran_desktop.demo.bulk import Ids, Rows
from wawaran_desktop.demo.content import demo_content, wilayah
from wawaran_desktop.demo.office_hours import office
from wawaran_desktop.demo.planner import (StepPlan, draw_steps, fitting_step, plan, plan_before,
                                                   with_pauses)
from wawaran_desktop.demo.randomness import minutes, pick
from wawaran_desktop.demo.spans import StepSpan
from wawaran_desktop.demo.stage_content import StageFiller
from wawaran_desktop.demo.story import Story
from wawaran_desktop.demo.stage_draws import draw_stages
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.sop.schema import Sop


def cached_status(kinds_by_step: Sequence[Sequence[str]]) -> tuple[CampaignStatus, int]:
    """``(status, current_no)`` exactly as :func:`steps.refresh_campaign` computes them."""
    status, current = timing.campaign_progress([timing.state_of(kinds) for kinds in kinds_by_step])
    return CampaignStatus(status), current


class CampaignBuilder:
    """Builds the rows of campaign after campaign for one run of the generator."""

    def __init__(self, sop: Sop, now: datetime, seed: int, team: dict[str, list[int]],
                 creators: list[int], cancellers: list[int], sop_id: int, names: dict[int, str],
                 limits: timing.Thresholds) -> None:
        self.sop = sop
        self.names = names
        self.now = now.astimezone(WIB)
        self.seed = seed
        self.team = team
        self.creators = creators
        self.cancellers = cancellers
        self.sop_id = sop_id
        self.areas = wilayah()
        self.texts = demo_content()
        self.stages = StageFiller(sop, self.now, team, names, self.texts, limits)

    def campaign(self, index: int, created: datetime, fate: str, mode: str, rows: Rows, ids: Ids) -> None:
        """Append campaign ``index``'s rows; ``fate``/``mode`` as :func:`timeline.fates` gives them."""
        rng = random.Random(f"{self.seed}/{index}")
        stage_rng = random.Random(f"{self.seed}/{index}/stages")
        now = self.now
        topic = pick(rng, self.texts.topics)
        theme = pick(rng, topic.themes)
        kecamatan, kelurahan = pick(rng, self.areas)
        if kelurahan and rng.random() < 0.6:
            kel = pick(rng, kelurahan)
            title = f"Wawaran {topic.subject} di Kelurahan {kel}, Kecamatan {kecamatan}"
            area = f"Kelurahan {kel}, Kecamatan {kecamatan}"
        else:
            kel = None
            title = f"Wawaran {topic.subject} di Kecamatan {kecamatan}"
            area = f"Kecamatan {kecamatan}"
        stage_draw = draw_stages(stage_rng, self.texts.stages, self.texts.weather, self.texts.evaluations,
                                 kecamatan, kel)
        creator = pick(rng, self.creators)
        draws = draw_steps(rng, self.sop, self.team, self.texts, topic, theme, area, stage_draw.figures)
        pause_rng = random.Random(f"{self.seed}/{index}/pauses")
        draws = with_pauses(pause_rng, self.sop, draws, self.texts.pause_reasons)
        count = len(draws)
        # How far the campaign got (drawn for every fate, so seeds stay stable).
        stop_running = min(count, 1 + int(rng.random() * count))
        stop_cancel = min(count - 1, int(rng.random() ** 1.6 * 7))
        wait = minutes(rng, 10, 300)
        fraction = {"run": rng.uniform(0.15, 0.75), "risk": rng.uniform(0.82, 0.97),
                    "late": rng.uniform(1.1, 2.5)}.get(mode, 0.0)
        if mode == "paused":
            fraction = pause_rng.uniform(0.15, 0.7)
        cancel_gap = minutes(rng, 10, 1680)
        cancel_reason = pick(rng, self.texts.cancel_reasons)
        canceller = pick(rng, self.cancellers)
        compact = rng.random() < 0.8  # the rest stalled after their last step
        preassigned = rng.random() < 0.5  # every step assigned at creation

        cancelled_at = None
        plans: list[StepPlan]
        if fate == "done":
            plans, _end = plan(created, draws)
        elif fate == "draft":
            plans = []
        elif fate == "cancelled":
            created, plans, end = plan_before(created, draws[:stop_cancel], now - timedelta(minutes=30))
            cancelled_at = min(office(end + cancel_gap, timedelta(0), draws[0].jitter),
                               now - timedelta(minutes=1))
        elif mode == "wait":
            k = max(2, stop_running)
            created, plans, _end = plan_before(created, draws[:k - 1], now - wait, compact)
        else:  # running: step k started ``fraction`` of its standard before now
            k = fitting_step(self.sop, now, stop_running, fraction)
            d = draws[k - 1]
            begun = now - timedelta(seconds=round(self.sop.activities[k - 1].standard_minutes * 60 * fraction))
            created, plans, _end = plan_before(created, draws[:k - 1], begun - timedelta(minutes=1), compact)
            marks = [(item, begun + (now - begun) * frac, d.assignee) for item, frac in d.marks
                     if frac < 0.5]
            events = [("start", begun, d.actor_start, None)]
            if mode == "paused":  # worked ``fraction`` of the standard, then stopped a while ago
                held = minutes(pause_rng, 5, 45)
                begun, paused = begun - held, now - held
                events = [("start", begun, d.actor_start, None),
                          ("pause", paused, d.actor_start, pick(pause_rng, self.texts.pause_reasons))]
                marks = [(item, min(at - held, paused), by) for item, at, by in marks]
            plans.append(StepPlan(events, marks))

        campaign_id = ids.campaign
        ids.campaign += 1
        created_db = to_db(created)
        rows.audit.append((created_db, creator, campaign_id, "create", title))
        kinds_by_step = []
        spans: list[StepSpan] = []
        last_event = created
        assign_at = created
        for no, draw in enumerate(draws, 1):
            step_id = ids.step
            ids.step += 1
            step_plan = plans[no - 1] if no <= len(plans) else None
            events = [e for e in step_plan.events if e[1] <= now] if step_plan else []
            assignee = draw.assignee if events or preassigned else None
            if assignee is not None:
                assign_at += timedelta(seconds=rng.randint(4, 12))
                name = self.names[assignee]
                rows.audit.append((to_db(assign_at), creator, campaign_id, "assign", f"tahap {no}: {name}"))
            rows.steps.append((step_id, campaign_id, no, self.sop.activities[no - 1].standard_minutes,
                               assignee, draw.note if events else ""))
            for kind, at, actor, reason in events:
                rows.events.append((step_id, kind, to_db(at), actor, reason))
            if events and step_plan is not None:
                last_event = max(last_event, events[-1][1])
                for item, at, by in step_plan.marks:
                    if at <= now:
                        rows.marks.append((step_id, item, by, to_db(at)))
            kinds_by_step.append([e[0] for e in events])
            spans.append(StepSpan(events, now))

        status, current = cached_status(kinds_by_step)
        cancelled_by = None
        if cancelled_at is not None:
            status = CampaignStatus.CANCELLED
            cancelled_by = canceller
            updated = cancelled_at
        else:
            updated = last_event
        rows.campaigns.append((campaign_id, title, theme, self.sop_id, status.value, current, created_db,
                               creator, to_db(updated), to_db(cancelled_at) if cancelled_at else None,
                               cancelled_by, cancel_reason if cancelled_at else None))
        if cancelled_at is not None:
            rows.audit.append((to_db(cancelled_at), canceller, campaign_id, "cancel", cancel_reason))
        planned = [p.events for p in plans] + [[]] * (count - len(plans))
        self.stages.fill(stage_rng, Story(campaign_id, title, theme, created, topic, area, kecamatan, stage_draw,
                                          spans, planned, draws), rows, ids)
