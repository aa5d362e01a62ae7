"""Demo data: realistic example campaigns in every stage of progress, written in bulk.

``python main.py demo --campaigns N`` fills a database for demonstrations, screenshots and
benchmarks (1,000 or 10,000 campaigns). Campaigns are spread over the last 180 days; old
ones are mostly finished, recent ones are in progress (a step running, at risk or late at
``now``, or waiting for the next step), a few were cancelled and some are not started.

Every row is exactly what the services would have written for the same history (see
:mod:`.campaign`), and each campaign has its ``create`` (and ``assign``, ``cancel``) audit
entries. Every stage whose step has started holds its content (data items, briefing and
route, theme decision, narration versions, disposition, completeness check, stops, report,
evaluation), timed inside the step's work and passing the stage's finish rule once the step
is finished (:mod:`.stage_content`). Rows are written in bulk (:mod:`.bulk`), one
transaction per batch of whole campaigns, never through the per-event services; the
dispositions' agenda numbers are given last, in date order (:mod:`.agenda`).

The demo team (:data:`DEMO_TEAM`) is added once and reused by NIP (or, without NIP, by
name), so running the generator again only adds campaigns. An example office profile (kop
surat with address and contacts, :mod:`.office`) is stored when the office has none yet.

:func:`generate` writes the team and the campaigns only. The command's entry point is
:func:`run_demo` (:mod:`.training`): it refuses a database with accounts unless an
administrator runs it, and one holding data that is not the demo's unless forced, and gives
every example person an account with :data:`TRAINING_PASSWORD` (:mod:`.accounts`).

Modules: :mod:`.content` (the texts in ``resources/demo/content.json`` and the areas),
:mod:`.timeline` (when campaigns were created, what became of them), :mod:`.planner` (one
campaign's steps in office hours, :mod:`.office_hours`), :mod:`.notes` (what each step's
note says), :mod:`.campaign` (one campaign's rows), :mod:`.stage_draws`, :mod:`.spans`,
:mod:`.stage_content`, :mod:`.stage_office`, :mod:`.route` and :mod:`.texts` (the stages'
content), :mod:`.agenda`, :mod:`.team`, :mod:`.office` and :mod:`.bulk`; :mod:`.accounts` and
:mod:`.training` for the demo office's accounts and the rules of the command.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Staff, database
from wawaran_desktop.demo.accounts import TRAINING_PASSWORD, DemoAccount
from wawaran_desktop.demo.agenda import number_dispositions
from wawaran_desktop.demo.bulk import BulkWriter, Rows, next_ids
from wawaran_desktop.demo.campaign import CampaignBuilder, cached_status
from wawaran_desktop.demo.content import DemoContentError, DemoMember, Topic, demo_content, wilayah
from wawaran_desktop.demo.office import ensure_office_profile
from wawaran_desktop.demo.team import DEMO_TEAM, ensure_team
from wawaran_desktop.demo.timeline import WINDOW
from wawaran_desktop.demo.timeline import creation_times as _creation_times
from wawaran_desktop.demo.timeline import fates as _fates
from wawaran_desktop.demo.training import MARK_KEY, DemoRefused, OutsideData, check_may_run, give_accounts
from wawaran_desktop.services import history, sop_registry
from wawaran_desktop.services.clock import WIB
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.services.stages import disposition

if TYPE_CHECKING:
    from wawaran_desktop.services.accounts import AccountRecord, AccountService
    from wawaran_desktop.services.workspace import Workspace

__all__ = ["BATCH", "DEMO_TEAM", "MARK_KEY", "TRAINING_PASSWORD", "WINDOW", "DemoContentError", "DemoMember",
           "DemoRefused", "DemoResult", "DemoRun", "Topic", "cached_status", "demo_content", "ensure_team", "generate",
           "run_demo", "wilayah"]

BATCH = 500  # campaigns per transaction (and per progress report)


@dataclass(frozen=True)
class DemoResult:
    campaigns_added: int
    staff_added: int
    events_added: int
    seed: int  # the seed used (drawn at random when none was given)


class DemoRun(NamedTuple):
    """What :func:`run_demo` did: the generator's result, the demo people's accounts (``added``:
    made by this run), and what was there that is not the demo's (empty unless forced)."""

    result: DemoResult
    accounts: list[DemoAccount]
    forced_over: OutsideData


def generate(ws: Workspace, campaigns: int, seed: int | None = None, now: datetime | None = None,
             progress: Callable[[int, int], None] | None = None, actor_id: int | None = None) -> DemoResult:
    """Add ``campaigns`` example campaigns (and, once, the demo team) to the open workspace.

    ``now`` (aware; default ``ws.clock()``) is the moment the data describes: nothing is
    stored after it. The same ``seed`` and ``now`` give the same campaigns.
    ``progress(done, total)`` is called after every batch.
    """
    # BATCH, _creation_times and _fates are looked up here, in the package, so a test can
    # replace them with monkeypatch.setattr(demo, ...).
    if isinstance(campaigns, bool) or not isinstance(campaigns, int) or campaigns < 0:
        raise ValueError("campaigns must be a whole number, 0 or more")
    now = ws.clock() if now is None else now
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    now_wib = now.astimezone(WIB)
    since = now_wib - WINDOW - timedelta(days=1)

    team, staff_added = ensure_team(ws, since, actor_id)  # (who adds the team: an administrator)
    needed = {act.lane for act in ws.sop.activities}
    missing = [ws.sop.lane(lane).name for lane in sorted(needed) if not team.get(lane)]
    if missing:
        raise RuleError(f"Tidak ada petugas aktif untuk pelaksana: {', '.join(missing)}.")
    creators = team.get("subkor", []) + team.get("kabid", []) or team[ws.sop.activities[0].lane]
    cancellers = team.get("kabid", []) + team.get("subkor", []) or creators
    ensure_office_profile(ws, creators[0], since)  # a full kop surat, unless the office has its own
    with database.atomic():
        sop_id = sop_registry.register(ws.sop, lambda: since)

    rng = random.Random(seed)
    created = _creation_times(rng, campaigns, now_wib)
    fates, modes = _fates(rng, created, now_wib)
    names = {r.id: r.name for r in Staff.select(Staff.id, Staff.name)}
    builder = CampaignBuilder(ws.sop, now_wib, seed, team, creators, cancellers, sop_id, names, ws.thresholds)
    writer = BulkWriter()
    events_added = 0
    if progress is not None:
        progress(0, campaigns)
    for begin in range(0, campaigns, BATCH):
        end = min(campaigns, begin + BATCH)
        rows = Rows()
        with write_transaction("demo"):  # the ids from next_ids() stay free until it commits
            ids = next_ids()
            for i in range(begin, end):
                builder.campaign(i, created[i], fates[i], modes[i], rows, ids)
            writer.write(rows)
            history.link_bulk()  # the batch's events and audit entries chained, in their order
        events_added += len(rows.events)
        if progress is not None and end < campaigns:
            progress(end, campaigns)
    with write_transaction("disposition.agenda"):
        number_dispositions(disposition.Service(ws).agenda_pattern())
        history.link_bulk()
    if progress is not None and campaigns:
        progress(campaigns, campaigns)
    return DemoResult(campaigns_added=campaigns, staff_added=staff_added, events_added=events_added, seed=seed)


def run_demo(ws: Workspace, campaigns: int, *, acting_admin: AccountRecord | None, force: bool = False,
             accounts: AccountService | None = None, seed: int | None = None, now: datetime | None = None,
             progress: Callable[[int, int], None] | None = None) -> DemoRun:
    """Make (or add to) the demo office in ``ws`` as the ``demo`` command does: the team,
    ``campaigns`` example campaigns and an account with :data:`TRAINING_PASSWORD` for each
    example person, where the rules of :mod:`.training` allow it.

    ``acting_admin``: the account signed in for the command (None: nobody), required once the
    database holds accounts; ``force``: also over data that is not the demo's. ``accounts``: the
    service that hashes (tests pass one with a cheap argon2 profile; default ``ws.accounts``).
    ``seed``, ``now``, ``progress``: as :func:`generate`. Raises :class:`DemoRefused` (Indonesian)
    before anything is written when the run is not allowed.
    """
    outside = check_may_run(ws, acting_admin, force)
    result = generate(ws, campaigns, seed=seed, now=now, progress=progress,
                      actor_id=acting_admin.staff_id if acting_admin is not None else None)
    made = give_accounts(ws, accounts or ws.accounts, acting_admin, outside)
    return DemoRun(result, made, outside)
