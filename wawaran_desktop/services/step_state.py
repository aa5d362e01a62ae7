"""A step's state now, from its stored events: the one rule the step service and the stages'
finish checks both read."""

from __future__ import annotations

from wawaran_desktop.db.models import Step, StepEvent
from wawaran_desktop.services import timing


def step_state(step: Step) -> timing.StepState:
    kinds = [e.kind for e in StepEvent.select(StepEvent.kind).where(StepEvent.step == step.id)
             .order_by(StepEvent.id)]  # the order they were recorded in (a sequence), not their times
    return timing.state_of(kinds)
