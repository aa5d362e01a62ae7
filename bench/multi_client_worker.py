"""One client of bench/multi_client.py: a PC of the office working on the shared server.

    python bench/multi_client_worker.py PLAN.json INDEX RESULT.json

Opens the workspace on the plan's database as the window does, listens for change notices
as the window does (``db.notify.Listener`` on a thread of its own), prints ``ready`` and waits
for ``go T0`` on stdin (T0 a ``time.perf_counter()`` value, the same clock in every process on
one machine), then works until T0 + the plan's seconds: reads the campaign list, opens
campaigns, changes steps' states and saves stage texts (read, append a unique token, save
with the version read; on ``ConflictError`` read again and retry). Every so often it and its
partner read the same text of their shared campaign at the same moment and save it a moment
later, as two people editing one report do, so conflicts happen on purpose. Writes what it
was told (saved, refused, recorded) and the notices it heard to RESULT.json.
"""

from __future__ import annotations

import inspect
import json
import random
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Callable, NamedTuple

ROOT = Path(__file__).resolve().parent.parent

#: The steps whose state the clients change: their stages' finish rules pass with what the
#: benchmark prepared (theme 3: a theme and its decider; readiness 6: a reason; evaluation 9:
#: the scores). The report's step (8) is left alone: finishing it locks the report.
STEP_NOS = (3, 6, 9)
#: Attempts of one save before a client gives up (each refusal re-reads first).
MAX_TRIES = 20
#: A save's unique token, appended to the text (``[c<client>s<sequence>]``).
TOKEN = re.compile(r"\[c\d+s\d+\]")


class TextField(NamedTuple):
    """A stage text the office edits in place, saved with the version it was read at."""

    name: str
    module: str  # services/stages/<module>.py
    attr: str  # the record's field holding the text
    method: str  # the service's save
    keyword: str | None  # the text's keyword argument (None: the third positional one)
    limit: str  # the module's constant for the text's maximum length

    def service(self, ws):
        import importlib

        return importlib.import_module(f"wawaran_desktop.services.stages.{self.module}").Service(ws)

    def versioned(self, ws) -> bool:
        """Whether its save takes the version read (``version=``) and its record tells it."""
        svc = self.service(ws)
        record = inspect.signature(svc.get).return_annotation
        if isinstance(record, str):  # postponed annotations: the record's name in the module
            record = getattr(sys.modules[type(svc).__module__], record, None)
        return ("version" in inspect.signature(getattr(svc, self.method)).parameters
                and "version" in getattr(record, "_fields", ()))

    def max_length(self, ws) -> int:
        return getattr(sys.modules[type(self.service(ws)).__module__], self.limit)

    def read(self, svc, campaign_id: int) -> tuple[str, int]:
        record = svc.get(campaign_id)
        return getattr(record, self.attr), record.version

    def save(self, svc, actor: int, campaign_id: int, text: str, version: int) -> None:
        save = getattr(svc, self.method)
        if self.keyword is None:
            save(actor, campaign_id, text, version=version)
        else:
            save(actor, campaign_id, **{self.keyword: text}, version=version)


class NarrationText(TextField):
    """The narration (stage 4): every save adds a numbered version; a save names the latest
    number its text was based on."""

    def versioned(self, ws) -> bool:
        svc = self.service(ws)
        return "version" in inspect.signature(svc.save).parameters and hasattr(svc, "latest_number")

    def read(self, svc, campaign_id: int) -> tuple[str, int]:
        number = svc.latest_number(campaign_id)  # then that version's text: the two belong together
        return (svc.text(campaign_id, number) if number else ""), number


#: The stage texts the clients edit (those whose save takes a version: see :meth:`TextField.versioned`).
FIELDS = (
    TextField("report", "report", "body", "save", None, "BODY_MAX"),
    NarrationText("narration", "narration", "text", "save", None, "TEXT_MAX"),
    TextField("notulen", "theme", "notulen", "set_notulen", None, "NOTULEN_MAX"),
    TextField("evaluation notes", "evaluation", "notes", "update", "notes", "NOTES_MAX"),
    TextField("briefing notes", "briefing", "technical_notes", "update", "technical_notes", "NOTES_MAX"),
)


class Client:
    def __init__(self, plan: dict, index: int) -> None:
        from wawaran_desktop.db.models import database
        from wawaran_desktop.services.workspace import open_workspace

        self.index = index
        me = plan["clients"][index]
        self.actors = me["actors"]  # who acts, by lane: the step's lane's person (services/lanes.py)
        self.own = me["own"]
        self.shared = me["shared"]
        self.seconds = plan["seconds"]
        self.think = plan["think"]
        self.collide_every = plan["collide_every"]
        self.hold = plan["hold"]
        self.blind = plan["blind"]  # save naming no version: last writer wins (what the check catches)
        self.gather = plan["gather"]  # the window's pause between news and reading again
        self.random = random.Random(plan["seed"] * 1000 + index)
        self.ws = open_workspace(Path(plan["scratch"]) / f"client-{index}", database_url=plan["url"])
        by_name = {f.name: f for f in FIELDS}
        self.fields = [(by_name[name], by_name[name].service(self.ws)) for name in plan["fields"]]
        self.limits = {f.name: f.max_length(self.ws) for f, _ in self.fields}
        self.full: set[tuple[str, int]] = set()
        self.seq = 0
        self.out: dict = {"client": index, "saves": [], "refused": [], "steps": [], "step_refused": Counter(),
                          "errors": Counter(), "reads": {"list": [], "open": []}, "gave_up": 0,
                          "full": 0, "notices": [], "listener": None, "listener_error": None,
                          "commits_unseen": 0, "appeared": [], "reload_errors": Counter()}
        self._commits: list[float] = []
        db = database.obj
        real_commit = db.commit

        main = threading.current_thread()

        def commit():  # when each transaction's COMMIT was sent: the moment a notice may leave
            sent = time.perf_counter()
            result = real_commit()
            if threading.current_thread() is main:
                self._commits.append(sent)
            return result

        db.commit = commit
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._due_lock = threading.Lock()
        self._due: float | None = None  # when the open campaign is to be read again
        self._wake = threading.Event()
        self._listener = threading.Thread(target=self._listen, args=(db,), daemon=True)
        self._reloader = threading.Thread(target=self._reload, daemon=True)
        self._listener.start()
        self._reloader.start()
        self._listening.wait(30)

    # -- change notices, as the window hears them -------------------------------------------
    def _listen(self, db) -> None:
        try:
            from wawaran_desktop.db.notify import Listener

            listener = Listener(db)
            listener.connect()
        except Exception as exc:  # noqa: BLE001 - told in the results: propagation is then not measured
            self.out["listener_error"] = f"{type(exc).__name__}: {exc}"
            self._listening.set()
            return
        self.out["listener"] = listener.channel
        self._listening.set()
        notices = self.out["notices"]
        try:
            while not self._stop.is_set():
                payloads = listener.wait(0.2)
                if payloads:
                    heard = time.perf_counter()
                    notices.extend((heard, payload) for payload in payloads)
                    if self.shared is not None and (str(self.shared) in payloads or "*" in payloads):
                        with self._due_lock:
                            if self._due is None:
                                self._due = heard + self.gather
                                self._wake.set()
        finally:
            listener.close()

    def _reload(self) -> None:
        """The window's refresh of its open campaign (the shared one): ``gather`` after the news,
        its texts read again on a connection of this thread's own; which tokens appeared when."""
        from wawaran_desktop.db.models import database

        seen: set[str] = set()
        try:
            while not self._stop.is_set():
                if not self._wake.wait(0.2):
                    continue
                self._wake.clear()
                with self._due_lock:
                    due = self._due
                time.sleep(max(0.0, (due or 0) - time.perf_counter()))
                with self._due_lock:
                    self._due = None  # news from now on asks for another read
                try:
                    texts = [field.read(svc, self.shared)[0] for field, svc in self.fields]
                except Exception as exc:  # noqa: BLE001 - counted and shown
                    self.out["reload_errors"][f"{type(exc).__name__}: {exc}"] += 1
                    continue
                read = time.perf_counter()
                tokens = set(TOKEN.findall(" ".join(texts)))
                self.out["appeared"].append((read, sorted(tokens - seen)))
                seen |= tokens
        finally:
            database.close()  # this thread's connection

    # -- the work ---------------------------------------------------------------------------
    def actor_of(self, workspace: str) -> int:
        """The person on this PC who edits the stage ``workspace``: one of its step's primary lane."""
        return self.actors[self.ws.sop.activity(self.ws.sop.step_of(workspace)).lane]

    def token(self) -> str:
        self.seq += 1
        return f"[c{self.index}s{self.seq}]"

    def run(self, t0: float) -> None:
        end = t0 + self.seconds
        tick = t0 + self.collide_every * 0.5  # the partner's ticks are the same
        ticks = 0
        while time.perf_counter() < end:
            now = time.perf_counter()
            if self.shared is not None and self.collide_every and now >= tick:
                if now - tick < self.hold and ticks % 2 == 0:  # together with the partner: both edit
                    field, svc = self.fields[ticks // 2 % len(self.fields)]
                    self.edit(field, svc, self.shared, hold_until=tick + self.hold)
                elif now - tick < self.hold:  # both press the same button of the same step
                    self.change_step(self.shared, STEP_NOS[ticks // 2 % len(STEP_NOS)],
                                     hold_until=tick + self.hold, choice=ticks * 0.618034 % 1)
                ticks += 1
                tick = t0 + self.collide_every * (ticks + 0.5)
                continue
            roll = self.random.random()
            campaign = self.shared if self.shared is not None and self.random.random() < 0.15 \
                else self.random.choice(self.own)
            if roll < 0.10:
                self.read_list()
            elif roll < 0.30:
                self.open(campaign)
            elif roll < 0.60:
                self.change_step(campaign, self.random.choice(STEP_NOS))
            else:
                field, svc = self.random.choice(self.fields)
                self.edit(field, svc, campaign)
            if self.think:  # never past the next collision: the partner will be there on time
                pause = min(self.random.expovariate(1 / self.think), 5 * self.think)
                time.sleep(max(0.0, min(pause, tick - time.perf_counter()) if self.shared is not None else pause))

    def read_list(self) -> None:
        started = time.perf_counter()
        self.ws.campaigns.list(limit=100)  # the window's first page
        self.out["reads"]["list"].append(time.perf_counter() - started)

    def open(self, campaign: int) -> None:
        started = time.perf_counter()
        self.ws.campaigns.get(campaign)
        for field, svc in self.fields:
            field.read(svc, campaign)
        self.out["reads"]["open"].append(time.perf_counter() - started)

    def _commit_time(self, mark: int, started: float) -> float:
        if len(self._commits) > mark:
            return self._commits[-1]
        self.out["commits_unseen"] += 1
        return started

    def edit(self, field: TextField, svc, campaign: int, hold_until: float | None = None) -> None:
        """Read the text, append a token, save it with the version read; re-read on a refusal."""
        from wawaran_desktop.services.errors import ConflictError, ServiceError

        if (field.name, campaign) in self.full:
            return
        token = self.token()
        for attempt in range(1, MAX_TRIES + 1):
            try:
                text, version = field.read(svc, campaign)
            except Exception as exc:  # noqa: BLE001 - counted and shown: the benchmark goes on
                self.out["errors"][f"read {field.name}: {type(exc).__name__}: {exc}"] += 1
                return
            new = f"{text.rstrip()} {token}" if text.strip() else token
            if len(new) > self.limits[field.name]:
                self.full.add((field.name, campaign))
                self.out["full"] += 1
                return
            if hold_until is not None:  # the person types a moment before saving
                time.sleep(max(0.0, hold_until - time.perf_counter()))
                hold_until = None
            mark, started = len(self._commits), time.perf_counter()
            try:
                field.save(svc, self.actor_of(field.module), campaign, new, None if self.blind else version)
            except ConflictError:
                self.out["refused"].append((field.name, campaign, started, time.perf_counter()))
                continue
            except ServiceError as exc:
                self.out["errors"][f"save {field.name}: {type(exc).__name__}: {exc}"] += 1
                return
            except Exception as exc:  # noqa: BLE001
                self.out["errors"][f"save {field.name}: {type(exc).__name__}: {exc}"] += 1
                return
            done = time.perf_counter()
            self.out["saves"].append((field.name, campaign, token, started, done,
                                      self._commit_time(mark, started), attempt))
            return
        self.out["gave_up"] += 1

    def change_step(self, campaign: int, no: int, hold_until: float | None = None,
                    choice: float | None = None) -> None:
        """Start, pause, resume, finish or reopen the step, as its state read now allows
        (``choice`` in [0, 1) picks between two allowed actions; partners colliding give the same)."""
        from wawaran_desktop.services.errors import RuleError
        from wawaran_desktop.services.timing import StepState

        allowed = {StepState.NOT_STARTED: (("start", 1.0),), StepState.RUNNING: (("pause", 0.5), ("finish", 1.0)),
                   StepState.PAUSED: (("resume", 0.7), ("finish", 1.0)), StepState.FINISHED: (("reopen", 1.0),)}
        state = self.ws.campaigns.get(campaign).step(no).state
        roll = self.random.random() if choice is None else choice
        kind = next(kind for kind, upto in allowed[state] if roll < upto)
        action: Callable = getattr(self.ws.steps, kind)  # (actor, campaign, step, reason or note)
        token = self.token()
        if hold_until is not None:  # the person looks at the step a moment before pressing
            time.sleep(max(0.0, hold_until - time.perf_counter()))
        mark, started = len(self._commits), time.perf_counter()
        try:
            action(self.actors[self.ws.sop.activity(no).lane], campaign, no, token)
        except RuleError as exc:  # another PC changed the step first (or a rule of its stage)
            self.out["step_refused"][str(exc)] += 1
            return
        except Exception as exc:  # noqa: BLE001
            self.out["errors"][f"step {kind}: {type(exc).__name__}: {exc}"] += 1
            return
        done = time.perf_counter()
        self.out["steps"].append((campaign, no, kind, token, started, done, self._commit_time(mark, started)))

    def close(self, linger: float) -> None:
        time.sleep(linger)  # the last notices on their way
        self._stop.set()
        self._listener.join(5)
        self._reloader.join(5)
        self.ws.close()


def main() -> int:
    plan = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    client = Client(plan, int(sys.argv[2]))
    print("ready", flush=True)
    line = sys.stdin.readline().split()
    if not line or line[0] != "go":
        return 1
    client.run(float(line[1]))
    client.close(plan["linger"])
    Path(sys.argv[3]).write_text(json.dumps(client.out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
