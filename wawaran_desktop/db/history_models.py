"""The history chain's tables (schema 6, :mod:`.history_chain`): links and anchors, insert-only."""

from __future__ import annotations

from wawaran_desktop.db.models import BaseModel, CharField, DateTimeField, IntegerField


class HistoryLink(BaseModel):
    """One entry of the hash chain: the history row at ``position`` and the chain's digest there."""

    position = IntegerField(primary_key=True)  # 1, 2, … across step_event and audit_entry
    kind = CharField(max_length=16)  # the row's table: step_event or audit_entry
    row_id = IntegerField()
    campaign_id = IntegerField(null=True)  # to name the place when the row is gone
    digest = CharField(max_length=64)  # sha256(previous digest || the row's canonical content), hex

    class Meta:
        indexes = ((("kind", "row_id"), True),)


class HistoryAnchor(BaseModel):
    """The chain's head (length and last digest) kept outside the chain; only ever inserted."""

    at = DateTimeField()
    entries = IntegerField()
    digest = CharField(max_length=64)
    reason = CharField(max_length=40, default="")  # entries, report, evaluation, migration
    campaign_id = IntegerField(null=True)


HISTORY_MODELS = (HistoryLink, HistoryAnchor)
