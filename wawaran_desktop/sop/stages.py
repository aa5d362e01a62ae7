"""The stage workspaces the application knows: the ids an SOP activity may name as its
``workspace``.

Each id is one kind of recorded work. Its rules and services register against the id in
``services/stages/registry.py``, its panel in ``views/stages/registry.py``; a test checks that
both registries cover exactly these ids. The SOP loader refuses any other id, and a
duplicate, so a typo in an SOP file can no longer drop a stage's panel and finish rule.
"""

from __future__ import annotations

#: In the order of the shipped SOP's activities.
STAGE_WORKSPACES: tuple[str, ...] = (
    "data_collection",  # 1 Pengumpulan Data: data items and attachments
    "briefing",  # 2 Briefing: meeting, route of kelurahan, topics
    "theme",  # 3 Tema: notulen, theme, decider
    "narration",  # 4 Narasi: versioned narration script
    "disposition",  # 5 Disposisi: the disposition sheet
    "readiness",  # 6 Pengecekan: completeness checklist
    "dissemination",  # 7 Diseminasi: the route driven, stop by stop
    "report",  # 8 Laporan: the report text
    "evaluation",  # 9 Evaluasi: scores and follow-ups
)
