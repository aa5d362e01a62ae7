"""Seed-stable random draws shared by the demo modules.

Each helper consumes a fixed number of draws from the generator whatever its arguments,
so adding a text to a list changes which text is picked, never the draws that follow.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One item; always consumes exactly one draw, whatever the length (keeps seeds stable)."""
    return items[int(rng.random() * len(items))]


def minutes(rng: random.Random, low: float, high: float) -> timedelta:
    """A whole number of seconds between ``low`` and ``high`` minutes (one draw)."""
    return timedelta(seconds=round(rng.uniform(low, high) * 60))
