"""A step's state now, from its stored events: the one rule the step service and the stages'
finish checks both read, and whether a step (or the step of a stage) is finished."""

from __future__ import annotations

from wawaran_desktop.db.models import Campaign, Step, StepEvent
from wawaran_desktop.services import timing


def step_state(step: Step) -> timing.StepState:
    kinds = [e.kind for e in StepEvent.select(StepEvent.kind).where(StepEvent.step == step.id)
             .order_by(StepEvent.id)]  # the order they were recorded in (a sequence), not their times
    return timing.state_of(kinds)


def step_finished(campaign_id: int, no: int) -> bool:
    """Whether step ``no`` of the campaign is finished now (from its events)."""
    step = Step.get_or_none((Step.campaign == campaign_id) & (Step.no == no))
    return step is not None and step_state(step) is timing.StepState.FINISHED


def stage_finished(campaign: Campaign, workspace: str) -> int | None:
    """The step number of ``workspace`` in the campaign's pinned SOP when that step is
    finished now, else None. A finished stage keeps its output until it is reopened."""
    from wawaran_desktop.services import sop_registry

    no = sop_registry.pinned(campaign.sop_id).step_of(workspace)
    return no if no is not None and step_finished(campaign.id, no) else None
