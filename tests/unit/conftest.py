"""Fixtures for the Qt-free tests: a clock the test moves, a workspace on a fresh folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.workspace import Workspace, open_workspace

#: 08.00 WIB on Thursday 26 November 2026.
START = datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc)

#: A valid NIP in its usual spacing (born 12 March 1985, appointed January 2010, female).
ACTOR_NIP = "19850312 201001 2 004"


class FakeClock:
    """An aware-UTC clock that only moves when the test says so."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current

    def set(self, moment: datetime) -> datetime:
        self.current = moment
        return moment


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ws(data_dir: Path, clock: FakeClock) -> Iterator[Workspace]:
    workspace = open_workspace(data_dir, clock=clock.now)
    yield workspace
    workspace.close()  # closes whichever database is bound, also after a restart


@pytest.fixture
def restart(data_dir: Path, clock: FakeClock) -> Callable[..., Workspace]:
    """Close the open workspace and open the same folder again, as after quitting the app."""

    def _restart(current: Workspace, sop_path: Path | None = None) -> Workspace:
        current.close()
        return open_workspace(data_dir, sop_path=sop_path, clock=clock.now)

    return _restart


@pytest.fixture
def actor(ws: Workspace) -> StaffRecord:
    return ws.staff.add("Rina Wulandari", ACTOR_NIP, "Analis Diseminasi", "subkor")
