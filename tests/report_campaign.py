"""A campaign taken through all nine stages with known times, for the report and workbook tests.

Working minutes per step (standard in brackets): 1: 15 (20), 2: 10 (10), 3: 8 (5, late, with a
20-minute pause that does not count), 4: 4 (5), 5: 5 (5), 6: 3 (5), 7: 100 (120), 8: 9 (10),
9: 4 (5). The route has three planned stops; the third is never visited. Started at 08.00 WIB on
Thursday 26 November 2026 (the unit tests' clock). The campaign is created by ``actor_id`` (of
step 1's lanes); each step is worked by a person of its primary lane (tests/crew.py), as the
SOP's lanes are permissions: Sub Kor (1, 2, 5), Kepala Bidang (3, 9), Tim (4, 6, 8), Kernet (7).
"""

from __future__ import annotations

from crew import lane_actor, step_actor
from stage_content import READINESS_REASON, fill_stage

from wawaran_desktop.services.stages import briefing, dissemination, theme

MINUTES = {1: 15, 2: 10, 3: 8, 4: 4, 5: 5, 6: 3, 7: 100, 8: 9, 9: 4}
PAUSE_REASON = "Menunggu Kepala Bidang selesai rapat pimpinan"
STOP_NOTE = "Warga antusias, selebaran habis sebelum waktunya"
TITLE = "Wawaran Pencegahan DBD di Kecamatan Tangerang"
THEME = "Gerakan 3M Plus cegah DBD"


def run_timed_campaign(ws, clock, actor_id: int, title: str = TITLE, theme_text: str = THEME) -> int:
    cid = ws.campaigns.create(actor_id, title).id
    for no in range(1, 10):
        who = step_actor(ws, cid, no)
        ws.steps.start(who, cid, no)
        if no == 2:
            fill_stage(ws, who, cid, 2)  # Sukasari (Pasar Anyar), 09:00
            service = briefing.Service(ws)
            service.add_location(who, cid, "36.71.01.1001", "Masjid Jami Sukarasa", "10:00")
            service.add_location(who, cid, "36.71.01.1002", "Taman Sukaasih", "11:00")
            clock.advance(minutes=MINUTES[2])
        elif no == 3:
            clock.advance(minutes=3)
            ws.steps.pause(who, cid, 3, PAUSE_REASON)
            clock.advance(minutes=20)
            ws.steps.resume(who, cid, 3)
            clock.advance(minutes=5)
            decision = theme.Service(ws)
            decision.set_theme(who, cid, theme_text)
            decision.set_decider(who, cid, lane_actor(ws, "kabid"))
        elif no == 7:
            route = dissemination.Service(ws)
            stops = route.ensure_route(who, cid).stops
            for stop, (flyers, audience) in zip(stops[:2], ((120, 300), (80, 150))):
                clock.advance(minutes=10)
                route.arrive(who, cid, stop.id)
                clock.advance(minutes=30)
                route.depart(who, cid, stop.id)
                route.update_stop(who, cid, stop.id, flyers=flyers, audience=audience,
                                  notes=STOP_NOTE if flyers == 80 else "")
            clock.advance(minutes=MINUTES[7] - 80)
        else:
            clock.advance(minutes=MINUTES[no])
            fill_stage(ws, who, cid, no)
        ws.steps.finish(who, cid, no, reason=READINESS_REASON if no == 6 else None)
        clock.advance(minutes=2)
    return cid
