"""Shared stand-ins for the tests: a clock the test moves, a full disk, the save dialog's answer.

Import as ``from fakes import Clock, full_disk, answer_save_dialog`` (tests/ is on the path).
"""

from __future__ import annotations

import builtins
import errno
import os
import time
from datetime import datetime, timedelta, timezone

#: 09.00 WIB on Thursday 26 November 2026.
NINE_WIB = datetime(2026, 11, 26, 2, 0, tzinfo=timezone.utc)


class Clock:
    """An aware-UTC clock for a workspace (``open_workspace(..., clock=clock)``)."""

    def __init__(self, start: datetime = NINE_WIB) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class TickingClock(Clock):
    """A clock that starts at a moment the test knows and then runs on with real time, so a live
    window's one-second ticks see it move; the test can still move it on (``advance``).

    The GUI tests' default: their dates never come from the machine's clock or zone.
    """

    def __init__(self, start: datetime = NINE_WIB) -> None:
        super().__init__(start)
        self._origin = time.monotonic()

    def __call__(self) -> datetime:
        return self.now + timedelta(seconds=time.monotonic() - self._origin)


class _FullDiskFile:
    """A file on a full disk: the first 4096 bytes are written, then ENOSPC."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, data):
        self.stream.write(data[:4096])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.stream.close()


def full_disk(monkeypatch, module) -> None:
    """Make files that ``module`` opens for writing behave as on a full disk."""

    def full_open(file, mode="r", *args, **kwargs):
        stream = builtins.open(file, mode, *args, **kwargs)
        return _FullDiskFile(stream) if "w" in mode else stream

    monkeypatch.setattr(module, "open", full_open, raising=False)


def answer_save_dialog(monkeypatch, path, chosen_filter: str | None = None) -> list[tuple]:
    """The save dialog answers ``path`` (and ``chosen_filter``, default the first offered);
    returns the list of ``(title, start folder, filters)`` it was asked with."""
    from wawaran_desktop.views.documents import save_flow

    asked: list[tuple] = []

    def ask(parent, title, start, filters):
        asked.append((title, start, filters))
        return str(path), chosen_filter if chosen_filter is not None else filters

    monkeypatch.setattr(save_flow, "ask_save_path", ask)
    return asked
