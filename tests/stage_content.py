"""Fill a stage with just enough real content, through its service, for the step to finish.

Tests that take a campaign through all nine SOP stages use this: each stage refuses to
finish without its content (a theme, a final narration, a visited stop, …). The SOP's lanes are
permissions (services/lanes.py): ``actor_id`` must be of the stage's lanes (tests/crew.py has a
person per lane); the theme's decider and the report's receiver are of the step's primary lane
(the actor when they are, else one from tests/crew.py).
"""

from __future__ import annotations

from crew import holder, step_actor

from wawaran_desktop.db.stage_models import DataItem, Location
from wawaran_desktop.services.stages import (
    briefing,
    data_collection,
    disposition,
    dissemination,
    evaluation,
    narration,
    report,
    theme,
)

#: Stage 6 may finish with open items only with a reason; tests give this one.
READINESS_REASON = "Uji: kendaraan diperiksa lisan oleh sopir"


def fill_stage(ws, actor_id: int, campaign_id: int, no: int) -> None:
    """Store what stage ``no`` needs before its step can finish (stage 6: see READINESS_REASON)."""
    if no == 1:
        data_collection.Service(ws).add(actor_id, campaign_id, data_collection.DataItemFields(
            topic="Jatuh tempo PBB-P2", summary="Hasil monitoring media pagi ini", source_kind="prokomp"))
    elif no == 2:
        items = [row.id for row in DataItem.select().where(DataItem.campaign == campaign_id)]
        if not items:
            fill_stage(ws, step_actor(ws, campaign_id, 1), campaign_id, 1)
            items = [row.id for row in DataItem.select().where(DataItem.campaign == campaign_id)]
        service = briefing.Service(ws)
        service.add_location(actor_id, campaign_id, "36.71.01.1007", "Pasar Anyar", "09:00")
        service.set_topics(actor_id, campaign_id, items)
    elif no == 3:
        service = theme.Service(ws)
        service.set_theme(actor_id, campaign_id, "Bayar PBB sebelum jatuh tempo")
        service.set_decider(actor_id, campaign_id, holder(ws, campaign_id, 3, actor_id))
    elif no == 4:
        service = narration.Service(ws)
        saved = service.save(actor_id, campaign_id, "Warga Kota Tangerang, bayarlah PBB tepat waktu.")
        service.mark_final(actor_id, campaign_id, saved.version.number)
    elif no == 5:
        disposition.Service(ws).save(actor_id, campaign_id, disposition.DispositionDraft(
            disposed_on=ws.clock().date(), hal="Pelaksanaan wawaran", recipient_ids=(actor_id,),
            instructions=("Untuk dilaksanakan",), signer_id=_sub_kor(ws)))
    elif no == 7:
        if not Location.select().where(Location.campaign == campaign_id).exists():
            fill_stage(ws, step_actor(ws, campaign_id, 2), campaign_id, 2)
        route = dissemination.Service(ws)
        stop = route.ensure_route(actor_id, campaign_id).stops[0]
        route.arrive(actor_id, campaign_id, stop.id)
        route.depart(actor_id, campaign_id, stop.id)
    elif no == 8:
        report.Service(ws).save(actor_id, campaign_id, "Laporan uji: wawaran terlaksana.")
    elif no == 9:
        evaluation.Service(ws).update(actor_id, campaign_id, received_by_id=holder(ws, campaign_id, 9, actor_id),
                                      received_at=ws.clock(),
                                      score_timeliness=4, score_reach=4, score_narration=4)


def finish_briefing(ws, campaign_id: int) -> None:
    """Steps 1 and 2 started, given what they need and finished, each by a person of its lane; the
    briefing keeps the locations the test gave it (one is added only when it has none). Stage 7's
    route is taken from a finished briefing only."""
    for no in (1, 2):
        who = step_actor(ws, campaign_id, no)
        ws.steps.start(who, campaign_id, no)
        if no == 1 or not Location.select().where(Location.campaign == campaign_id).exists():
            fill_stage(ws, who, campaign_id, no)
        else:
            items = [row.id for row in DataItem.select().where(DataItem.campaign == campaign_id)]
            briefing.Service(ws).set_topics(who, campaign_id, items)
        ws.steps.finish(who, campaign_id, no)


def run_all_stages(ws, campaign_id: int) -> None:
    """Start, fill and finish every stage in order, as the office would: each by a person of its
    primary lane (tests/crew.py)."""
    for no in range(1, 10):
        who = step_actor(ws, campaign_id, no)
        ws.steps.start(who, campaign_id, no)
        fill_stage(ws, who, campaign_id, no)
        ws.steps.finish(who, campaign_id, no, reason=READINESS_REASON if no == 6 else None)


def _sub_kor(ws) -> int:
    """An active Sub Kor DIMC, who signs the disposition (one is added if the office has none)."""
    for person in ws.staff.list(include_inactive=False):
        if person.lane == disposition.SIGNER_LANE:
            return person.id
    return ws.staff.add("Sub Kor Uji", None, "Sub Koordinator DIMC", disposition.SIGNER_LANE).id
