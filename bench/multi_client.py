"""Many PCs, one office server: client processes doing the office's work on one PostgreSQL
database, and the window's start-up against the server next to start-up on SQLite.

1. A database (a throw-away server with PostgreSQL's durable defaults, bench/pg_throwaway.py,
   or ``--database URL``) gets the demo's campaigns (10,000), and a data folder's SQLite file
   the same ones (same seed).
2. Start-up: ``main.py --startup-probe`` (offscreen) on the SQLite folder and on the server,
   alternating, as bench/startup.py times it; medians and their ratio (the SQLite file is the
   baseline).
3. For each client count (10, then 20): fresh campaigns (a few of each client's own, one
   shared by each pair of clients), then that many processes (bench/multi_client_worker.py)
   working for ``--seconds``: the campaign list, opening campaigns, step changes, stage
   texts saved read-modify-write with the version read (a unique token appended; a refusal,
   ``ConflictError``, is counted and the text read again), the pairs colliding on purpose on
   their shared campaign. Then what was stored is checked against what every client was told:
   every token of an acknowledged save in its text, every acknowledged step change stored once,
   each text's version raised by exactly its acknowledged saves, every step's history a valid
   sequence ("lost updates: 0"). Saves' p50/p95 and throughput, and how long a committed change
   takes to reach another client's listener (the application's channel and triggers).

    python bench/multi_client.py [--clients 10 20] [--seconds 60] [--campaigns 10000] [--database URL]
    python bench/multi_client.py --quick      # smoke test: 2 clients, 3 s, 200 campaigns

Times across processes are ``time.perf_counter()``: one system-wide monotonic clock on Linux
and Windows. Exit status 1 when an update was lost or a client failed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from demo_folder import TRAINER, child_env
from multi_client_worker import FIELDS
from pg_throwaway import throwaway_database

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OWN_CAMPAIGNS = 3  # per client; one more per pair is shared


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank percentile (``nan`` for no values)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ms(values: list[float]) -> str:
    if not values:
        return "none"
    return (f"p50 {percentile(values, 50) * 1000:.1f} ms, p95 {percentile(values, 95) * 1000:.1f} ms "
            f"(max {max(values) * 1000:.1f} ms, n {len(values):,})")


def run_main(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "main.py", *args], check=True, cwd=ROOT, env=child_env(),
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


# -- start-up ------------------------------------------------------------------------------

def time_child(cmd: list[str], env: dict[str, str], timeout: float = 120) -> float:
    """bench/startup.py's timing (spawn -> the child's "ready" line), with a limit: a window
    that stops at a dialog offscreen is killed and reported instead of waited for."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    watchdog = threading.Timer(timeout, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("ready"):
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{' '.join(cmd[1:])} never reported ready (exit {proc.wait()}; see "
                               "wawaran-error.log in its data folder)")
        proc.wait(timeout=30)
        return elapsed
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def measure_startup(sqlite_dir: Path, pg_dir: Path, url: str, runs: int) -> dict:
    env = child_env()
    sqlite_cmd = [sys.executable, "main.py", "--data-dir", str(sqlite_dir), *TRAINER, "--startup-probe"]
    pg_cmd = [sys.executable, "main.py", "--data-dir", str(pg_dir), "--database", url, *TRAINER, "--startup-probe"]
    for cmd in (sqlite_cmd, pg_cmd):  # warm the OS file cache and the server's, untimed
        time_child(cmd, env)
    sqlite_times, pg_times = [], []
    for _ in range(runs):
        sqlite_times.append(time_child(sqlite_cmd, env))
        pg_times.append(time_child(pg_cmd, env))
    return {"runs": runs, "sqlite": sqlite_times, "postgresql": pg_times,
            "ratio": statistics.median(pg_times) / statistics.median(sqlite_times),
            "paired": statistics.median(p / s for p, s in zip(pg_times, sqlite_times))}


# -- one phase: N clients ------------------------------------------------------------------

def prepare(url: str, scratch: Path, clients: int, tag: str) -> dict:
    """Campaigns for the phase (theme and decider, evaluation scores: the finish rules of the
    steps the clients change pass), the texts the clients will edit and their versions now."""
    from wawaran_desktop.db.models import Staff
    from wawaran_desktop.services.stages import evaluation, theme
    from wawaran_desktop.services.workspace import open_workspace

    ws = open_workspace(scratch / "parent", database_url=url)
    try:
        staff = list(Staff.select().where(Staff.active == True).order_by(Staff.id))  # noqa: E712
        kabid = next(s.id for s in staff if s.lane == "kabid")
        lanes = {lane.id: [s.id for s in staff if s.lane == lane.id] for lane in ws.sop.lanes}
        opener = lanes[ws.sop.activities[0].lane][0]  # campaigns are step 1's lanes' (services/lanes.py)
        fields = [f for f in FIELDS if f.versioned(ws)]
        themes, evaluations = theme.Service(ws), evaluation.Service(ws)

        def campaign(title: str) -> int:
            cid = ws.campaigns.create(opener, title, theme="Uji beban kantor").id
            themes.set_decider(kabid, cid, kabid)
            evaluations.update(kabid, cid, score_timeliness=4, score_reach=4, score_narration=4)
            return cid

        pairs = clients // 2
        shared = [campaign(f"{tag}: kampanye bersama {p + 1}") for p in range(pairs)]
        plan_clients = []
        for i in range(clients):
            own = [campaign(f"{tag}: klien {i + 1} kampanye {k + 1}") for k in range(OWN_CAMPAIGNS)]
            # each client is an office PC where a person of each lane works that lane's steps and texts
            plan_clients.append({"actors": {lane: ids[i % len(ids)] for lane, ids in lanes.items() if ids}, "own": own,
                                 "shared": shared[min(i // 2, pairs - 1)] if pairs else None})
        ids = shared + [c for p in plan_clients for c in p["own"]]
        services = {f.name: f.service(ws) for f in fields}
        initial = {f"{f.name}|{c}": f.read(services[f.name], c)[1] for f in fields for c in ids}
    finally:
        ws.close()
    return {"clients": plan_clients, "campaigns": ids, "fields": [f.name for f in fields],
            "skipped": [f.name for f in FIELDS if f not in fields], "initial": initial}


def run_clients(plan: dict, scratch: Path, tag: str) -> list[dict]:
    plan_path = scratch / f"{tag}-plan.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    outs = [scratch / f"{tag}-client-{i}.json" for i in range(len(plan["clients"]))]
    procs = [subprocess.Popen([sys.executable, str(BENCH / "multi_client_worker.py"), str(plan_path), str(i),
                               str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
                              env=child_env())
             for i, out in enumerate(outs)]
    try:
        for proc in procs:
            assert proc.stdout is not None
            if proc.stdout.readline().strip() != "ready":
                raise RuntimeError(f"a client did not start (exit {proc.wait()})")
        t0 = time.perf_counter() + 0.5
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write(f"go {t0!r}\n")
            proc.stdin.flush()
        codes = [proc.wait(timeout=plan["seconds"] + 300) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    if any(codes):
        raise RuntimeError(f"client exit codes {codes}")
    return [json.loads(out.read_text(encoding="utf-8")) for out in outs]


def verify(url: str, scratch: Path, plan: dict, results: list[dict]) -> dict:
    """What the server stored against what the clients were told."""
    from wawaran_desktop.db.models import Step, StepEvent
    from wawaran_desktop.services.workspace import open_workspace

    ws = open_workspace(scratch / "parent", database_url=url)
    try:
        by_name = {f.name: f for f in FIELDS}
        services = {name: by_name[name].service(ws) for name in plan["fields"]}
        stored = {(name, c): by_name[name].read(services[name], c) for name in plan["fields"]
                  for c in plan["campaigns"]}
        events = list(StepEvent.select(Step.campaign, Step.no, StepEvent.kind, StepEvent.reason)
                      .join(Step).where(Step.campaign.in_(plan["campaigns"])).order_by(StepEvent.id).tuples())
    finally:
        ws.close()
    saves = [s for r in results for s in r["saves"]]
    lost_texts = sum(1 for name, c, token, *_ in saves if token not in stored[(name, c)][0])
    acked_per_record = Counter((name, c) for name, c, *_ in saves)
    version_mismatch = sum(1 for (name, c), (_, version) in stored.items()
                           if version - plan["initial"][f"{name}|{c}"] != acked_per_record[(name, c)])
    stored_reasons = Counter(reason for *_, reason in events)
    acked_steps = {s[3] for r in results for s in r["steps"]}
    lost_steps = sum(1 for token in acked_steps if stored_reasons[token] != 1)
    unacknowledged = sum(1 for reason, count in stored_reasons.items() if reason not in acked_steps)
    histories = defaultdict(list)
    for campaign, no, kind, _ in events:
        histories[(campaign, no)].append(kind)
    invalid = sum(1 for kinds in histories.values() if not valid_history(kinds))
    return {"lost_texts": lost_texts, "lost_steps": lost_steps, "lost_updates": lost_texts + lost_steps,
            "saves_acknowledged": len(saves), "steps_acknowledged": len(acked_steps),
            "records": len(stored), "version_mismatch": version_mismatch,
            "steps_unacknowledged_stored": unacknowledged,
            "histories": len(histories), "invalid_histories": invalid}


#: A step's events as the step service allows them: state -> kind -> next state.
TRANSITIONS = {"not started": {"start": "running"},
               "running": {"pause": "paused", "finish": "finished"},
               "paused": {"resume": "running", "finish": "finished"},
               "finished": {"reopen": "running"}}


def valid_history(kinds: list[str]) -> bool:
    state = "not started"
    for kind in kinds:
        state = TRANSITIONS[state].get(kind)
        if state is None:
            return False
    return True


def propagation(results: list[dict]) -> dict:
    """For each listener and each campaign, the notices it heard (payload: the campaign's id)
    matched in order to the committed writes of that campaign by every client: the delay of
    each write committed by another client."""
    writes = defaultdict(list)  # campaign -> (commit sent, writer, kind)
    for r in results:
        for name, c, token, started, done, committed, attempts in r["saves"]:
            writes[c].append((committed, r["client"], "save"))
        for c, no, kind, token, started, done, committed in r["steps"]:
            writes[c].append((committed, r["client"], "step"))
    for c in writes:
        writes[c].sort()
    delays = {"save": [], "step": []}
    missing = extra = listeners = 0
    for r in results:
        if not r["listener"]:  # it could not listen: told below
            continue
        listeners += 1
        heard = defaultdict(list)
        for t, payload in r["notices"]:
            if payload.isdigit():
                heard[int(payload)].append(t)
        for c, written in writes.items():
            notices, j = sorted(heard.get(c, ())), 0
            for committed, writer, kind in written:
                while j < len(notices) and notices[j] < committed:  # heard before this write was committed
                    j += 1
                    extra += 1
                if j == len(notices):
                    missing += 1
                    continue
                if writer != r["client"]:
                    delays[kind].append(notices[j] - committed)
                j += 1
            extra += len(notices) - j
    told = {r["listener"] or r["listener_error"] for r in results}
    return {"listeners": listeners, "channel": ", ".join(sorted(str(x) for x in told)),
            "save": delays["save"], "step": delays["step"], "missing": missing, "extra": extra}


def window_gather() -> float:
    """How long the window gathers news before it reads again (views/live_updates.py), in s."""
    try:
        from wawaran_desktop.views.live_updates import GATHER_MS
    except ImportError:  # an older window without live updates: read at once
        return 0.0
    return GATHER_MS / 1000


def appearance(plan: dict, results: list[dict]) -> dict:
    """For each save on a shared campaign, when its token first showed in the partner's
    reading of its open campaign (the shared one) after the news: commit -> there on screen."""
    shared = {i: c["shared"] for i, c in enumerate(plan["clients"])}
    first_seen = {}  # (client, token) -> when that client's reading first had it
    for r in results:
        for read, tokens in r["appeared"]:
            for token in tokens:
                first_seen.setdefault((r["client"], token), read)
    delays, unseen = [], 0
    for r in results:
        for name, c, token, started, done, committed, attempts in r["saves"]:
            for other in results:
                if other["client"] != r["client"] and shared[other["client"]] == c:
                    seen = first_seen.get((other["client"], token))
                    if seen is None:
                        unseen += 1
                    else:
                        delays.append(seen - committed)
    return {"delays": delays, "unseen": unseen,
            "reload_errors": sum(sum(r["reload_errors"].values()) for r in results)}


def phase(url: str, scratch: Path, clients: int, args: argparse.Namespace) -> dict:
    tag = f"n{clients}-{os.getpid()}-{time.time_ns() % 10**6}"
    plan = prepare(url, scratch, clients, f"Uji {clients} klien")
    plan.update(url=url, scratch=str(scratch), seconds=args.seconds, think=args.think,
                collide_every=args.collide_every, hold=args.hold, seed=args.seed, linger=1.5,
                blind=args.blind, gather=window_gather())
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else math.nan
    results = run_clients(plan, scratch, tag)
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else math.nan
    checked = verify(url, scratch, plan, results)
    save_times = [done - started for r in results for _, _, _, started, done, _, _ in r["saves"]]
    refused_times = [done - started for r in results for _, _, started, done in r["refused"]]
    step_times = [done - started for r in results for *_, started, done, _ in r["steps"]]
    errors = Counter()
    step_refused = Counter()
    for r in results:
        errors.update(r["errors"])
        step_refused.update(r["step_refused"])
    retried = sum(1 for r in results for *_, attempts in r["saves"] if attempts > 1)
    return {
        "clients": clients, "seconds": args.seconds, "fields": plan["fields"], "skipped": plan["skipped"],
        "shared_campaigns": len({c["shared"] for c in plan["clients"] if c["shared"] is not None}),
        "campaigns": len(plan["campaigns"]), "load": (load_before, load_after),
        **checked,
        "save_times": save_times, "refused_times": refused_times, "step_times": step_times,
        "conflicts": len(refused_times), "saved_after_retry": retried,
        "gave_up": sum(r["gave_up"] for r in results), "full": sum(r["full"] for r in results),
        "step_refused": sum(step_refused.values()), "step_refused_reasons": dict(step_refused.most_common(5)),
        "errors": dict(errors), "error_count": sum(errors.values()),
        "list_reads": [t for r in results for t in r["reads"]["list"]],
        "opens": [t for r in results for t in r["reads"]["open"]],
        "commits_unseen": sum(r["commits_unseen"] for r in results),
        "propagation": propagation(results),
        "appearance": appearance(plan, results), "gather": plan["gather"],
    }


def report_phase(p: dict, args: argparse.Namespace) -> None:
    seconds = p["seconds"]
    ops = len(p["save_times"]) + len(p["refused_times"]) + len(p["step_times"]) + p["step_refused"] \
        + len(p["list_reads"]) + len(p["opens"])
    blind = "BLIND: saves naming no version, last writer wins; " if args.blind else ""
    print(f"\n{p['clients']} clients, {seconds:g} s ({blind}think time {args.think:g} s mean; {p['shared_campaigns']} "
          f"shared campaigns, pairs colliding every {args.collide_every:g} s; load average "
          f"{p['load'][0]:.1f} before, {p['load'][1]:.1f} after):")
    print(f"  operations: {ops:,} ({ops / seconds:.1f}/s): {len(p['save_times']):,} saves, "
          f"{len(p['refused_times']):,} refused saves, {len(p['step_times']) + p['step_refused']:,} step changes "
          f"asked, {len(p['list_reads']):,} list reads, {len(p['opens']):,} campaign opens")
    print(f"  texts edited: {', '.join(p['fields'])}" +
          (f"; not edited (their save takes no version yet): {', '.join(p['skipped'])}" if p["skipped"] else ""))
    print(f"  save: {ms(p['save_times'])}; {len(p['save_times']) / seconds:.1f} saves/s")
    print(f"  refused saves (ConflictError, each read again and retried): {p['conflicts']:,}; saved after a "
          f"retry: {p['saved_after_retry']:,}; gave up: {p['gave_up']}; refused save {ms(p['refused_times'])}")
    reasons = "; ".join(f"{text!r} x{count}" for text, count in list(p["step_refused_reasons"].items())[:3])
    print(f"  step change: {ms(p['step_times'])}; refused because another client changed the step "
          f"first: {p['step_refused']:,}" + (f" ({reasons})" if reasons else ""))
    print(f"  list read (first 100): {ms(p['list_reads'])}; campaign open: {ms(p['opens'])}")
    print(f"  lost updates: {p['lost_updates']}  (tokens of {p['saves_acknowledged']:,} acknowledged saves "
          f"missing: {p['lost_texts']}; of {p['steps_acknowledged']:,} acknowledged step changes not stored "
          f"exactly once: {p['lost_steps']})")
    print(f"  versions raised by exactly the acknowledged saves: {p['records'] - p['version_mismatch']} of "
          f"{p['records']} texts; step histories valid: {p['histories'] - p['invalid_histories']} of "
          f"{p['histories']}; step changes stored but never acknowledged: {p['steps_unacknowledged_stored']}")
    if p["error_count"]:
        print(f"  UNEXPECTED ERRORS: {p['error_count']}: {p['errors']}")
    prop = p["propagation"]
    if prop["listeners"]:
        print(f"  change reaching another client (commit -> notice on channel {prop['channel']!r}): saves "
              f"{ms(prop['save'])}; step changes {ms(prop['step'])}; writes not heard: {prop['missing']}, "
              f"notices not matched: {prop['extra']}")
    else:
        print(f"  change reaching another client: not measured, no listener ({prop['channel']})")
    shown = p["appearance"]
    print(f"  change appearing in the partner's open campaign (commit -> notice -> {p['gather'] * 1000:.0f} ms "
          f"gathering as the window does -> texts read again): {ms(shown['delays'])}; saves never seen: "
          f"{shown['unseen']}, failed readings: {shown['reload_errors']}")


def report_startup(s: dict, campaigns: int) -> None:
    print(f"\nwindow start-up, {campaigns:,} campaigns (offscreen, {s['runs']} alternating runs):")
    for name, key in (("SQLite file", "sqlite"), ("PostgreSQL server", "postgresql")):
        times = s[key]
        print(f"  {name:<18}: median {statistics.median(times) * 1000:7.1f} ms  (min {min(times) * 1000:.1f}, "
              f"max {max(times) * 1000:.1f})")
    print(f"  ratio (server / SQLite): {s['ratio']:.2f}x; median of paired ratios {s['paired']:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 20])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--campaigns", type=int, default=10_000)
    parser.add_argument("--startup-runs", type=int, help="alternating start-up runs (default 11; 0: none)")
    parser.add_argument("--think", type=float, default=0.1, help="mean pause between a client's operations (s)")
    parser.add_argument("--collide-every", type=float, default=2.0, help="seconds between the pairs' collisions")
    parser.add_argument("--hold", type=float, default=0.3, help="seconds between a collision's read and its save")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", help="postgresql://… an empty database to use instead of a throw-away server")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: 2 clients, 3 s, 200 campaigns, 1 start-up run")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--blind", action="store_true",
                        help="saves name no version (last writer wins): shows the updates the check catches lost")
    args = parser.parse_args()
    if args.quick:
        args.clients, args.seconds, args.campaigns, args.collide_every = [2], 3.0, 200, 0.6
    if args.startup_runs is None:
        args.startup_runs = 1 if args.quick else 11
    sys.path.insert(0, str(ROOT))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "wawaran_desktop")], check=True)
    summary: dict = {"campaigns": args.campaigns, "phases": []}
    with throwaway_database(args.database) as url, tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        sqlite_dir, pg_dir = scratch / "sqlite", scratch / "server-pc"
        demo = ["demo", "--campaigns", str(args.campaigns), "--seed", str(args.seed)]
        pg_demo = run_main("--data-dir", str(pg_dir), "--database", url, *demo)
        took = f"demo, {args.campaigns:,} campaigns: {pg_demo:.1f} s"
        if args.startup_runs > 0:
            took += f" on the server, {run_main('--data-dir', str(sqlite_dir), *demo):.1f} s in a SQLite file"
        print(f"{took}; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        if args.startup_runs > 0:
            try:
                summary["startup"] = measure_startup(sqlite_dir, pg_dir, url, args.startup_runs)
                report_startup(summary["startup"], args.campaigns)
            except RuntimeError as exc:
                summary["startup_error"] = str(exc)
                print(f"\nwindow start-up NOT MEASURED: {exc}")
                for log in (sqlite_dir / "wawaran-error.log", pg_dir / "wawaran-error.log"):
                    if log.exists():
                        print(log.read_text(encoding="utf-8", errors="replace")[-1500:])
        for clients in args.clients:
            result = phase(url, scratch, clients, args)
            report_phase(result, args)
            summary["phases"].append(result)
    if args.json:
        Path(args.json).write_text(json.dumps(summary), encoding="utf-8")
    failed = "startup_error" in summary or any(
        (p["lost_updates"] and not args.blind) or p["error_count"] or p["version_mismatch"] or p["invalid_histories"]
        for p in summary["phases"])
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
