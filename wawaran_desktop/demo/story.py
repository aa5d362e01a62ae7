"""One generated campaign as the stage fillers see it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from wawaran_desktop.demo.content import Topic
from wawaran_desktop.demo.planner import Draw, Event
from wawaran_desktop.demo.spans import StepSpan
from wawaran_desktop.demo.stage_draws import StageDraw


class Story(NamedTuple):
    """One campaign as its stages see it (times aware, WIB)."""

    campaign_id: int
    title: str
    theme: str
    created: datetime
    topic: Topic
    area: str  # "Kelurahan Sukasari, Kecamatan Tangerang" or "Kecamatan Tangerang"
    kecamatan: str
    draw: StageDraw
    spans: Sequence[StepSpan]  # every step, in SOP order
    planned: Sequence[Sequence[Event]]  # every step's planned events (also after now), [] when unplanned
    steps: Sequence[Draw]
