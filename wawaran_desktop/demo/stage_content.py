"""What each stage of a demo campaign records, consistent with its step's state and times.

A stage has content exactly when its step has started, and that content is timed inside
the step's work (:class:`.spans.StepSpan`), so nothing lies after ``now``. A finished step
holds what its finish rule (``check_finish`` of ``services/stages``) asks for; a running
step holds part of it (no final narration yet, scores still open, stops after ``now`` not
visited). Each row is what the stage service would have stored for the same edits, with the
audit entries that service writes (``data_item_add``, ``location_add``, ``topics``,
``theme_decider``, ``narration_save``/``narration_final``, ``locations.confirm``,
``route_add``; ``disposition.agenda`` comes with the numbers, :mod:`.agenda`).

Stages are found by the workspace their SOP activity names, as the stage tabs are; the
actors work in the step's lane (or a support lane), the roles the services expect come from
their lanes (theme decider and report receiver: Kepala Bidang; signer: Sub Kor; driver:
Kernet/Supir).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import NamedTuple

from wawaran_desktop.services import timing, wilayah
from wawaran_desktop.services.clock import WIB, to_db
from wawaran_desktop.demo import route, texts
from wawaran_desktop.demo.bulk import Ids, Rows
from wawaran_desktop.demo.content import DemoContent
from wawaran_desktop.demo.randomness import pick
from wawaran_desktop.demo.spans import StepSpan, floor_minute
from wawaran_desktop.demo.stage_office import OfficeStages
from wawaran_desktop.demo.story import Story
from wawaran_desktop.text.formatting import short_date
from wawaran_desktop.services.stages.disposition import ROMAN_MONTHS
from wawaran_desktop.services.stages.theme import DECIDER_LANE
from wawaran_desktop.sop.schema import Sop


class Briefed(NamedTuple):
    """What the briefing settled, for the minutes (stage 3), the route and the report."""

    held: datetime | None
    place: str
    attendees: list[str]  # names, as the service lists them
    stops: list[str]  # "Kelurahan …, Kecamatan … (address), pukul 09.30"
    location_ids: list[int]  # in route order


def slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


class StageFiller:
    """Appends the stage rows of campaign after campaign (one per generator run)."""

    def __init__(self, sop: Sop, now: datetime, team: dict[str, list[int]], names: dict[int, str],
                 content: DemoContent, limits: timing.Thresholds) -> None:
        self.sop = sop
        self.limits = limits  # the office's thresholds, which the report drafts judge by
        self.now = now
        self.team = team
        self.names = names
        self.texts = content.stages
        self.no = {act.workspace: act.no for act in sop.activities if act.workspace}
        self.office = OfficeStages(sop, team, content.stages)
        self.areas = wilayah.load()

    # -- helpers --------------------------------------------------------------------------
    def span(self, story: Story, workspace: str) -> StepSpan | None:
        """The step of ``workspace`` when it has started (None when not, or not in the SOP)."""
        no = self.no.get(workspace)
        if no is None or not story.spans[no - 1].started:
            return None
        return story.spans[no - 1]

    def actor(self, rng: random.Random, story: Story, workspace: str, support: float = 0.0) -> int:
        """The step's assignee, or (with chance ``support``) someone of a support lane."""
        act = self.sop.activity(self.no[workspace])
        others = [i for lane in act.support_lanes for i in self.team.get(lane, [])]
        if others and rng.random() < support:
            return pick(rng, others)
        return story.steps[act.no - 1].assignee

    def people(self, lane: str, fallback: int) -> list[int]:
        return self.team.get(lane) or [fallback]

    # -- the campaign ---------------------------------------------------------------------
    def fill(self, rng: random.Random, story: Story, rows: Rows, ids: Ids) -> None:
        """Append the rows of every started stage of ``story``."""
        s = story
        if not any(span.started for span in s.spans):
            return  # a draft, or cancelled before its first step
        values = {"subject": s.topic.subject, "theme": s.theme.rstrip(".!?"), "source": s.topic.source,
                  "message": s.topic.message, "area": s.area, "kecamatan": s.kecamatan, "slug": slug(s.topic.subject)}
        briefing = self.span(s, "briefing")
        readiness = self.span(s, "readiness")
        selecting = briefing is not None and (briefing.finished or rng.random() < 0.6)
        confirm_at = None
        if readiness is not None and (readiness.finished or rng.random() < 0.5):
            confirm_at = readiness.at(rng.uniform(0.2, 0.9))
        shares = route.proportions(rng, len(s.draw.visits()))
        route_no = self.no.get("dissemination")
        planned = list(s.planned[route_no - 1]) if route_no else []
        standard = self.sop.activity(route_no).standard_minutes if route_no else 120
        day = briefing.start if briefing is not None else s.created
        route_start, route_end = route.planned_span(rng, planned, standard, day)
        values["greeting"] = texts.greeting(route_start.astimezone(WIB))

        items = self.data_items(rng, s, values, selecting, rows)
        met = Briefed(None, "", [], [], [])
        if briefing is not None:
            met = self.briefing(rng, s, briefing, values, items, confirm_at, shares, route_start, route_end,
                                rows, ids)
        self.theme(rng, s, met, items, rows)
        self.narration(rng, s, values, rows)
        self.office.disposition(rng, s, values, self.span(s, "disposition"), rows)
        self.office.readiness(rng, s, readiness, confirm_at, len(met.location_ids), rows)
        visited = self.route(rng, s, met.location_ids, shares, route_end, rows)
        self.report(rng, s, items, met, visited, rows)
        self.office.evaluation(rng, s, self.span(s, "evaluation"), visited, rows)

    # -- stage 1 --------------------------------------------------------------------------
    def data_items(self, rng: random.Random, s: Story, values: dict[str, str], selecting: bool,
                   rows: Rows) -> list[texts.ReportItem]:
        span = self.span(s, "data_collection")
        if span is None:
            return []
        pool = self.texts.data_items
        order = rng.sample(range(len(pool)), min(rng.randint(2, 5), len(pool)))
        result = []
        for position, (index, at) in enumerate(zip(order, span.times([rng.uniform(0.05, 0.95) for _ in order])), 1):
            template = pool[index]
            day = at.date() - timedelta(days=rng.randint(0, 6))
            local = dict(values, n=str(rng.randint(100, 9999)), date=short_date(day),
                         month=ROMAN_MONTHS[day.month - 1], year=str(day.year))
            topic = template.topic.format_map(local).strip()
            name = template.source_name.format_map(local).strip()
            reference = template.reference.format_map(local).strip() if rng.random() < 0.85 else ""
            priority = 1 if position == 1 and rng.random() < 0.8 else pick(rng, (1, 2, 2, 3))
            selected = selecting and (position == 1 or rng.random() < 0.35)
            by = self.actor(rng, s, "data_collection", support=0.3)
            rows.data_items.append((s.campaign_id, position, topic, template.summary.format_map(local).strip(),
                                    template.source_kind, name, reference, day, priority, selected, by, to_db(at)))
            rows.audit.append((to_db(at), by, s.campaign_id, "data_item_add", topic))
            result.append(texts.ReportItem(topic, template.source_kind, name, selected))
        return result

    # -- stage 2 --------------------------------------------------------------------------
    def briefing(self, rng: random.Random, s: Story, span: StepSpan, values: dict[str, str],
                 items: list[texts.ReportItem], confirm_at: datetime | None, shares: route.Proportions,
                 route_start: datetime, route_end: datetime, rows: Rows, ids: Ids) -> Briefed:
        cid = s.campaign_id
        by = self.actor(rng, s, "briefing")
        held = floor_minute(span.at(rng.uniform(0.0, 0.15)))
        place = pick(rng, self.texts.briefing_places)
        notes = rng.sample(self.texts.technical_notes, min(len(self.texts.technical_notes), rng.randint(1, 2)))
        edits = [span.at(rng.uniform(0.1, 0.3))]  # the meeting's fields
        everyone = [i for lane in self.team.values() for i in lane]
        attendees = {by}
        for lane, chance in ((DECIDER_LANE, 0.8), ("tim", 1.0), ("tim", 0.6), ("tim", 0.3), ("kernet", 0.3)):
            if len(attendees) < 5 and rng.random() < chance:
                attendees.add(pick(rng, self.people(lane, pick(rng, everyone))))
        if len(attendees) < 2:
            attendees.add(pick(rng, [i for i in everyone if i != by] or everyone))
        rows.attendees.extend((cid, staff) for staff in sorted(attendees))
        edits.append(span.at(rng.uniform(0.1, 0.4)))

        visits = s.draw.visits()
        arrivals = [a for a, _d in route.layout(shares, route_start, route_end)]
        planned = [(stop, at) for (stop, is_planned), at in zip(visits, arrivals) if is_planned]
        times = route.planned_times(rng, [at for _stop, at in planned])
        count = len(planned) if span.finished or rng.random() < 0.5 else (len(planned) + 1) // 2
        location_ids, stops = [], []
        for position, ((stop, _at), at, planned_time) in enumerate(
                zip(planned[:count], span.times([rng.uniform(0.3, 0.8) for _ in range(count)]), times)):
            location_ids.append(ids.location)
            rows.locations.append((ids.location, cid, position, stop.code, stop.address, planned_time,
                                   confirm_at is not None))
            ids.location += 1
            kel = self.areas.names[stop.code]
            kec = self.areas.names[self.areas.kecamatan_of(stop.code)]
            rows.audit.append((to_db(at), by, cid, "location_add", f"{position + 1}: Kel. {kel}, Kec. {kec}"))
            stops.append(f"{self.areas.describe(stop.code)} ({stop.address}), pukul {planned_time.replace(':', '.')}")
            edits.append(at)
        chosen = sum(1 for item in items if item.selected)
        if chosen:
            at = span.at(rng.uniform(0.85, 1.0))
            rows.audit.append((to_db(at), by, cid, "topics", f"{chosen} topik dipilih"))
            edits.append(at)
        agenda = texts.agenda(self.texts, values)
        rows.briefings.append((cid, to_db(held), place, agenda, "\n".join(notes), by, to_db(max(edits))))
        names = [self.names[i] for i in sorted(attendees, key=self.names.__getitem__)]
        return Briefed(held, place, names, stops, location_ids)

    # -- stage 3 --------------------------------------------------------------------------
    def theme(self, rng: random.Random, s: Story, met: Briefed, items: list[texts.ReportItem], rows: Rows) -> None:
        span = self.span(s, "theme")
        if span is None:
            return
        by = self.actor(rng, s, "theme", support=0.2)
        decider = decided_at = None
        if span.finished or rng.random() < 0.5:
            decider = pick(rng, self.people(DECIDER_LANE, by))
            decided_at = span.at(rng.uniform(0.3, 0.8))
            rows.audit.append((to_db(decided_at), by, s.campaign_id, "theme_decider", self.names[decider]))
        topics = [i.topic for i in items if i.selected] or [i.topic for i in items]
        text = texts.notulen(rng, self.texts, met.held, met.place, met.attendees, topics, met.stops, s.theme,
                             self.names[decider] if decider else None)
        updated = span.at(rng.uniform(0.8, 1.0))
        if decided_at is not None:
            updated = max(updated, decided_at)
        rows.themes.append((s.campaign_id, text, decider, to_db(decided_at) if decided_at else None, by,
                            to_db(updated)))

    # -- stage 4 --------------------------------------------------------------------------
    def narration(self, rng: random.Random, s: Story, values: dict[str, str], rows: Rows) -> None:
        span = self.span(s, "narration")
        if span is None:
            return
        count = max(rng.randint(1, 3), 2 if span.reopened else 1)
        if span.reopened:  # the drafts before the first finish, the correction after the reopen
            times = span.times([rng.uniform(0.1, 0.9) for _ in range(count - 1)], 0)
            times.append(span.at(rng.uniform(0.2, 0.9), len(span.intervals) - 1))
        else:
            times = span.times([rng.uniform(0.1, 0.95) for _ in range(count)])
        final = count - 1 if span.finished else count - 2 if span.reopened else None
        author = self.actor(rng, s, "narration")
        versions = texts.narrations(rng, self.texts, count, values)
        for number, (text, at) in enumerate(zip(versions, times), 1):
            who = author if rng.random() < 0.8 else pick(rng, self.people("tim", author))
            rows.narrations.append((s.campaign_id, number, text, who, to_db(at), number - 1 == final))
            rows.audit.append((to_db(at), who, s.campaign_id, "narration_save", f"versi {number}"))
        if final is not None:
            at = times[final]
            until = next(b for a, b in span.intervals if a <= at <= b)  # marked final in the same sitting
            marked = at + (until - at) * rng.uniform(0.1, 0.9)
            rows.audit.append((to_db(marked), author, s.campaign_id, "narration_final", f"versi {final + 1}"))

    # -- stage 7 --------------------------------------------------------------------------
    def route(self, rng: random.Random, s: Story, location_ids: list[int], shares: route.Proportions,
              intended_end: datetime, rows: Rows) -> list[texts.ReportStop]:
        span = self.span(s, "dissemination")
        if span is None:
            return []
        cid = s.campaign_id
        visits = route.visits(span, shares, intended_end, self.now)
        notes_at = None
        done = [i for i, v in enumerate(visits) if v.departed is not None]
        if span.reopened and done:
            notes_at = pick(rng, done)
        result: list[texts.ReportStop] = []
        locations = iter(location_ids)
        for index, ((stop, planned), visit) in enumerate(zip(s.draw.visits(), visits)):
            location = next(locations) if planned else None
            if not planned and visit.arrived is None:
                continue  # an unplanned stop is added only when the car makes it
            note = ""
            flyers = audience = 0
            if visit.departed is not None:
                flyers, audience = s.draw.stop_flyers[index], s.draw.stop_audience[index]
                if s.draw.rain and rng.random() < 0.5:
                    note = pick(rng, self.texts.rain_notes)
                elif rng.random() < 0.2:
                    note = pick(rng, self.texts.stop_notes)
                if index == notes_at:
                    note = f"{note} {pick(rng, self.texts.repeat_notes)}".strip()
            if not planned:
                added = max(span.start, visit.arrived - timedelta(minutes=rng.randint(1, 3)))
                rows.audit.append((to_db(added), self.actor(rng, s, "dissemination"), cid, "route_add",
                                   self.areas.describe(stop.code)))
            rows.route_stops.append((cid, len(result) + 1, location, stop.code, stop.address, planned,
                                     to_db(visit.arrived) if visit.arrived else None,
                                     to_db(visit.departed) if visit.departed else None, flyers, audience, note))
            result.append(texts.ReportStop(self.areas.describe(stop.code), stop.address, planned, visit.arrived,
                                           visit.departed, flyers, audience, note))
        # a visited stop comes before every stop not visited yet, as the route lists them
        return result

    # -- stage 8 --------------------------------------------------------------------------
    def report(self, rng: random.Random, s: Story, items: list[texts.ReportItem], met: Briefed,
               stops: list[texts.ReportStop], rows: Rows) -> None:
        span = self.span(s, "report")
        if span is None:
            return
        saved = span.at(rng.uniform(0.3, 0.95))
        before = []
        for act in self.sop.activities[:self.no["report"] - 1]:
            step = s.spans[act.no - 1]
            seconds = step.worked.total_seconds()
            status = timing.status_of(timing.StepState.FINISHED, seconds, act.standard_minutes, self.limits)
            before.append(texts.ReportStep(act.no, act.short, seconds, act.standard_minutes,
                                           s.steps[act.no - 1].note if step.started else "", status))
        body = texts.report(s.title, s.theme, s.created, items, met.held, met.place, stops, before, saved)
        rows.reports.append((s.campaign_id, body, self.actor(rng, s, "report"), to_db(saved)))
