"""Agenda numbers of the demo dispositions: per year, in the order they were saved.

The disposition service gives a number on the first save: the year's highest sequence + 1,
formatted with the office's pattern. The generator writes campaigns batch by batch, but a
campaign created earlier may reach its disposition later than the next one, so numbers are
given once every batch is written, to every disposition still without one, in the order of
their save times, after the highest number of each year already given. A second run thus
continues the sequence, and a run that was interrupted is numbered by the next one.
"""

from __future__ import annotations

from peewee import fn

from wawaran_desktop.db import dialect
from wawaran_desktop.db.stage_models import Disposition
from wawaran_desktop.demo.bulk import TABLES, named, staff_names
from wawaran_desktop.services.stages.disposition import format_agenda

AUDIT_ACTION = "disposition.agenda"  # what the disposition service records with the number


def number_dispositions(pattern: str) -> int:
    """Give agenda numbers (and their audit entries) to every disposition without one; returns how many.

    Call inside :func:`~wawaran_desktop.db.dialect.write_transaction` (the numbers are the highest + 1).
    """
    pending = list(Disposition.select(Disposition.campaign, Disposition.disposed_on, Disposition.updated_at,
                                      Disposition.updated_by)
                   .where(Disposition.agenda_seq.is_null() & Disposition.disposed_on.is_null(False))
                   .order_by(Disposition.updated_at, Disposition.campaign).tuples())
    if not pending:
        return 0
    last = dict(Disposition.select(Disposition.agenda_year, fn.MAX(Disposition.agenda_seq))
                .where(Disposition.agenda_seq.is_null(False)).group_by(Disposition.agenda_year).tuples())
    updates, audit = [], []
    for campaign_id, day, saved_at, saved_by in pending:
        seq = last.get(day.year, 0) + 1
        last[day.year] = seq
        number = format_agenda(pattern, seq, day)
        updates.append((day.year, seq, number, campaign_id))
        audit.append((saved_at, saved_by, campaign_id, AUDIT_ACTION, number))
    dialect.bulk_update(Disposition, (Disposition.agenda_year, Disposition.agenda_seq, Disposition.agenda_number),
                        Disposition.campaign, updates)
    _, audit_model, audit_fields = next(t for t in TABLES if t[0] == "audit")
    dialect.bulk_insert(audit_model, audit_fields, named("audit", audit, staff_names()))
    return len(updates)
