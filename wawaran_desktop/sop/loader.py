"""Load and validate an SOP definition file.

A malformed file is refused with an :class:`SopError` naming the file and the field,
e.g. ``wawaran.json: activities[3].standard_minutes: harus bilangan bulat positif``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from wawaran_desktop.sop.schema import ACTIVITY_KINDS, Activity, Approver, Decision, Identity, Lane, Sop
from wawaran_desktop.sop.stages import STAGE_WORKSPACES

FORMAT = 1


class SopError(ValueError):
    """The SOP definition cannot be used; the message names the file and the field."""


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, problem: str) -> SopError:
        return SopError(f"{self.source}: {field}: {problem}")

    def text(self, obj: dict, key: str, where: str, *, optional: bool = False) -> str | None:
        field = f"{where}{key}"
        if key not in obj:
            if optional:
                return None
            raise self.fail(field, "wajib ada")
        value = obj[key]
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "harus teks yang tidak kosong")
        return value.strip()

    def texts(self, obj: dict, key: str, where: str = "", *, allow_empty: bool = True) -> tuple[str, ...]:
        field = f"{where}{key}"
        value = obj.get(key, [])
        if not isinstance(value, list):
            raise self.fail(field, "harus daftar teks")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{field}[{i}]", "harus teks yang tidak kosong")
        if not value and not allow_empty:
            raise self.fail(field, "tidak boleh kosong")
        return tuple(v.strip() for v in value)

    def obj(self, parent: dict, key: str, where: str = "") -> dict:
        value = parent.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"{where}{key}", "wajib ada dan berupa objek")
        return value


def parse_sop(raw: str | bytes, source: str = "<sop>", *, pinned: bool = False) -> Sop:
    """Parse and validate SOP JSON text. Raises :class:`SopError`.

    ``pinned``: a definition stored with campaigns, accepted when it was current. It keeps
    opening under today's rules: its activities may lack a workspace (files from before stage
    workspaces existed), and a workspace this version does not know is shown without a panel
    or finish rule instead of refusing the campaigns that ran under it.
    """
    rd = _Reader(source)
    try:
        # utf-8-sig: Notepad saves UTF-8 with a byte order mark, which is no part of the JSON
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
        data: Any = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SopError(f"{source}: bukan JSON yang sah ({exc})") from None
    if not isinstance(data, dict):
        raise rd.fail("(akar)", "harus objek JSON")
    if data.get("format") != FORMAT:
        raise rd.fail("format", f"harus {FORMAT}")

    ident = rd.obj(data, "identity")
    appr = rd.obj(ident, "approver", "identity.")
    identity = Identity(
        government=rd.text(ident, "government", "identity."),
        office=rd.text(ident, "office", "identity."),
        city=rd.text(ident, "city", "identity."),
        sop_number=rd.text(ident, "sop_number", "identity."),
        name=rd.text(ident, "name", "identity."),
        made_date=rd.text(ident, "made_date", "identity.", optional=True),
        revised_date=rd.text(ident, "revised_date", "identity.", optional=True),
        approved_date=rd.text(ident, "approved_date", "identity.", optional=True),
        approver=Approver(
            position=rd.text(appr, "position", "identity.approver."),
            name=rd.text(appr, "name", "identity.approver."),
            nip=rd.text(appr, "nip", "identity.approver."),
            rank=rd.text(appr, "rank", "identity.approver.", optional=True) or "",
        ),
    )

    lanes_raw = data.get("lanes")
    if not isinstance(lanes_raw, list) or not lanes_raw:
        raise rd.fail("lanes", "harus daftar pelaksana yang tidak kosong")
    lanes = []
    for i, item in enumerate(lanes_raw):
        if not isinstance(item, dict):
            raise rd.fail(f"lanes[{i}]", "harus objek")
        lanes.append(Lane(id=rd.text(item, "id", f"lanes[{i}]."), name=rd.text(item, "name", f"lanes[{i}].")))
    lane_ids = [lane.id for lane in lanes]
    if len(set(lane_ids)) != len(lane_ids):
        raise rd.fail("lanes", "id pelaksana ganda")

    acts_raw = data.get("activities")
    if not isinstance(acts_raw, list) or not acts_raw:
        raise rd.fail("activities", "harus daftar kegiatan yang tidak kosong")
    activities = [_activity(rd, item, i, lane_ids) for i, item in enumerate(acts_raw)]
    numbers = [a.no for a in activities]
    if numbers != list(range(1, len(numbers) + 1)):
        raise rd.fail("activities", "nomor kegiatan harus berurutan 1, 2, 3, …")
    _check_decisions(rd, activities)
    if not pinned:
        _check_workspaces(rd, activities)

    return Sop(
        id=rd.text(data, "id", ""),
        version=rd.text(data, "version", ""),
        identity=identity,
        legal_basis=rd.texts(data, "legal_basis"),
        qualifications=rd.texts(data, "qualifications"),
        related_sops=rd.texts(data, "related_sops"),
        equipment=rd.texts(data, "equipment"),
        warnings=rd.texts(data, "warnings"),
        records=rd.texts(data, "records"),
        lanes=tuple(lanes),
        activities=tuple(activities),
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        raw=text,
    )


def _activity(rd: _Reader, item: Any, i: int, lane_ids: list[str]) -> Activity:
    where = f"activities[{i}]."
    if not isinstance(item, dict):
        raise rd.fail(f"activities[{i}]", "harus objek")
    no = item.get("no")
    if not isinstance(no, int) or isinstance(no, bool) or no < 1:
        raise rd.fail(f"{where}no", "harus bilangan bulat positif")
    minutes = item.get("standard_minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 < minutes <= 24 * 60:
        raise rd.fail(f"{where}standard_minutes", "harus bilangan bulat antara 1 dan 1440")
    kind = item.get("kind", "process")
    if kind not in ACTIVITY_KINDS:
        raise rd.fail(f"{where}kind", f"harus salah satu dari {', '.join(ACTIVITY_KINDS)}")
    lane = rd.text(item, "lane", where)
    if lane not in lane_ids:
        raise rd.fail(f"{where}lane", f"pelaksana '{lane}' tidak ada di lanes")
    support = rd.texts(item, "support_lanes", where)
    for j, sid in enumerate(support):
        if sid not in lane_ids or sid == lane:
            raise rd.fail(f"{where}support_lanes[{j}]", f"pelaksana '{sid}' tidak sah")
    workspace = item.get("workspace")
    if workspace is not None and (not isinstance(workspace, str) or not re.fullmatch(r"[a-z_]{1,40}", workspace)):
        raise rd.fail(f"{where}workspace", "harus nama pendek huruf kecil (a-z dan _)")
    decision = _decision(rd, item, where, kind)
    return Activity(
        no=no,
        short=rd.text(item, "short", where),
        title=rd.text(item, "title", where),
        kind=kind,
        kelengkapan=rd.texts(item, "kelengkapan", where),
        standard_minutes=minutes,
        output=rd.text(item, "output", where),
        lane=lane,
        support_lanes=support,
        workspace=workspace,
        decision=decision,
    )


def _check_workspaces(rd: _Reader, activities: list[Activity]) -> None:
    """Every process activity names a known stage workspace, each at most once (a decision
    records nothing of its own and may omit it)."""
    used: dict[str, int] = {}
    for i, act in enumerate(activities):
        field = f"activities[{i}].workspace"
        if act.workspace is None:
            if act.kind == "process":
                raise rd.fail(field, f"wajib ada untuk kegiatan proses; salah satu dari {', '.join(STAGE_WORKSPACES)}")
            continue
        if act.workspace not in STAGE_WORKSPACES:
            raise rd.fail(field, f"'{act.workspace}' tidak dikenal; harus salah satu dari {', '.join(STAGE_WORKSPACES)}")
        if act.workspace in used:
            raise rd.fail(field, f"'{act.workspace}' sudah dipakai oleh activities[{used[act.workspace]}]")
        used[act.workspace] = i


def _decision(rd: _Reader, item: dict, where: str, kind: str) -> Decision | None:
    """The optional ``decision`` object: required for kind "decision", refused for any other."""
    raw = item.get("decision")
    if kind != "decision":
        if raw is not None:
            raise rd.fail(f"{where}decision", "hanya boleh ada pada kegiatan dengan kind \"decision\"")
        return None
    if not isinstance(raw, dict):
        raise rd.fail(f"{where}decision", "wajib ada untuk kind \"decision\" dan berupa objek "
                                          "{\"question\", \"yes\", \"no\"}")
    answers = {}
    for key in ("yes", "no"):
        value = raw.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise rd.fail(f"{where}decision.{key}", "harus nomor kegiatan (bilangan bulat positif)")
        answers[key] = value
    return Decision(question=rd.text(raw, "question", f"{where}decision."), **answers)


def _check_decisions(rd: _Reader, activities: list[Activity]) -> None:
    """Each answer of a decision leads to another existing activity, and the two differ."""
    numbers = {a.no for a in activities}
    for i, act in enumerate(activities):
        if act.decision is None:
            continue
        where = f"activities[{i}].decision"
        for key in ("yes", "no"):
            target = getattr(act.decision, key)
            if target not in numbers:
                raise rd.fail(f"{where}.{key}", f"kegiatan {target} tidak ada")
            if target == act.no:
                raise rd.fail(f"{where}.{key}", "tidak boleh menunjuk kegiatan itu sendiri")
        if act.decision.yes == act.decision.no:
            raise rd.fail(f"{where}.no", "harus berbeda dari jawaban \"yes\"")


def load_sop(path: str | Path) -> Sop:
    """Read and validate an SOP definition file. Raises :class:`SopError`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SopError(f"{path.name}: tidak dapat dibaca ({exc.strerror or exc})") from None
    return parse_sop(raw, source=path.name)
