"""A finished campaign whose every step has known working seconds, for the "one rule" tests.

Each step is chosen to sit where figures and statuses used to disagree (standards in brackets):

1. exactly the standard: 1200 s (20 mnt) — on time, "20 mnt 00 dtk";
2. a few seconds over: 607 s (10 mnt) — late, "10 mnt 07 dtk";
3. paused: 3 min, a 20-minute pause that does not count, 1 min 39 s — 279 s (5 mnt), on time;
4. reopened: 4 min, finished, reopened, 90 s more — 330 s (5 mnt), late;
5. a fraction under a minute's edge: 299.9 s — "4 mnt 59 dtk" (5 mnt), on time;
6. half a second past the standard: 300.5 s — "5 mnt 00 dtk" (5 mnt), on time (judged to the second);
7. long: 7245 s (120 mnt) — "120 mnt 45 dtk", late;
8. 599 s (10 mnt) — "9 mnt 59 dtk", on time;
9. 241 s (5 mnt) — "4 mnt 01 dtk", on time.

Whole seconds in all: 11,100 s, exactly the 185 minutes of the standard, so the finished
campaign's total is on time although three of its steps were late (a total of floored
minutes would have read 181 / 185, the exact minutes 185,0).

The campaign is created by ``actor_id`` (of step 1's lanes); each step is worked by a person of
its primary lane (tests/crew.py), as the SOP's lanes are permissions.
"""

from __future__ import annotations

from datetime import timedelta

from crew import step_actor
from stage_content import READINESS_REASON, fill_stage

SECONDS = {1: 1200, 2: 607, 3: 279, 4: 330, 5: 299, 6: 300, 7: 7245, 8: 599, 9: 241}
TEXT = {1: "20 mnt 00 dtk", 2: "10 mnt 07 dtk", 3: "4 mnt 39 dtk", 4: "5 mnt 30 dtk", 5: "4 mnt 59 dtk",
        6: "5 mnt 00 dtk", 7: "120 mnt 45 dtk", 8: "9 mnt 59 dtk", 9: "4 mnt 01 dtk"}
LATE = {2, 4, 7}
TOTAL_SECONDS = sum(SECONDS.values())  # 11_100
TOTAL_TEXT = "185 mnt 00 dtk"
TITLE = "Wawaran Detik demi Detik"
PAUSE_REASON = "Menunggu kendaraan"
REOPEN_REASON = "Narasi perlu diperbaiki"

#: How long each step works, as the clock is advanced (a fraction where the rule cuts it).
_WORK = {1: timedelta(seconds=1200), 2: timedelta(seconds=607), 5: timedelta(seconds=299, milliseconds=900),
         6: timedelta(seconds=300, milliseconds=500), 7: timedelta(seconds=7245), 8: timedelta(seconds=599),
         9: timedelta(seconds=241)}


def run_seconds_campaign(ws, advance, actor_id: int, title: str = TITLE) -> int:
    """Take a new campaign through all nine steps; ``advance(timedelta)`` moves the test's clock."""
    assert TOTAL_SECONDS == 11_100
    cid = ws.campaigns.create(actor_id, title).id
    for no in range(1, 10):
        who = step_actor(ws, cid, no)
        fill_stage(ws, who, cid, no)
        ws.steps.start(who, cid, no)
        if no == 3:
            advance(timedelta(minutes=3))
            ws.steps.pause(who, cid, 3, PAUSE_REASON)
            advance(timedelta(minutes=20))
            ws.steps.resume(who, cid, 3)
            advance(timedelta(seconds=99))
        elif no == 4:
            advance(timedelta(minutes=4))
            ws.steps.finish(who, cid, 4)
            advance(timedelta(minutes=10))
            ws.steps.reopen(who, cid, 4, REOPEN_REASON)
            advance(timedelta(seconds=90))
        else:
            advance(_WORK[no])
        ws.steps.finish(who, cid, no, reason=READINESS_REASON if no == 6 else None)
        advance(timedelta(minutes=2))
    return cid
