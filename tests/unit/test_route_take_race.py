"""Stage 7's route taken from the briefing by two PCs at the same moment is taken once, on the
office server too (PostgreSQL reads "no route yet" in both transactions unless they are serialised:
services/stages/dissemination.ROUTE_LOCK), and following the briefing twice adds each stop once."""

from __future__ import annotations

import threading

from crew import member  # tests/crew.py
from stage_content import finish_briefing  # tests/stage_content.py

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.db.stage_models import Location, RouteStop
from wawaran_desktop.services.stages import dissemination
from wawaran_desktop.services.workspace import open_workspace

TRIALS = 8


def at_once(*calls) -> list[BaseException]:
    """Run ``calls`` in threads released together (each thread its own connection); their errors."""
    start, errors = threading.Barrier(len(calls)), []

    def run(call) -> None:
        start.wait()
        try:
            call()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_pcs_taking_the_route_at_once_take_it_once_on_the_server(pg_url, tmp_path):
    ws = open_workspace(tmp_path, database_url=pg_url)
    try:
        kernet, subkor = member(ws, "kernet"), member(ws, "subkor")
        service = dissemination.Service(ws)
        for trial in range(TRIALS):
            cid = ws.campaigns.create(subkor.id, f"Wawaran {trial}", "3M Plus").id
            for position in (1, 2, 3):
                Location.create(campaign=cid, position=position, kelurahan_code="36.71.01.1007",
                                address=f"Titik {position}")
            finish_briefing(ws, cid)
            take = (lambda c=cid: service.take_briefing(kernet.id, c))
            assert at_once(take, take) == []
            assert RouteStop.select().where(RouteStop.campaign == cid).count() == 3, f"trial {trial}"
            assert AuditEntry.select().where((AuditEntry.campaign == cid)
                                             & (AuditEntry.action == "route_take")).count() == 1
            follow = (lambda c=cid: service.ensure_route(kernet.id, c))
            assert at_once(follow, follow) == []
            assert RouteStop.select().where(RouteStop.campaign == cid).count() == 3, f"trial {trial}"
    finally:
        ws.close()
