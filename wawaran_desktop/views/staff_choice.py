"""Choosing a member of staff in a combo box: the stage tabs' assignee, decider, crew, signer
and receiver lists, which all offer the same people the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox

from wawaran_desktop.services.records import StaffRecord


def staff_label(person: StaffRecord) -> str:
    """``Name — Position`` (the name alone when there is none); ``(tidak aktif)`` when inactive."""
    text = f"{person.name} — {person.position}" if person.position else person.name
    return text if person.active else f"{text} (tidak aktif)"


def fill_staff_combo(combo: QComboBox, staff: Iterable[StaffRecord], current_id: int | None, empty_text: str,
                     order: Callable[[StaffRecord], Any],
                     label: Callable[[StaffRecord], str] = staff_label, lane: str | None = None) -> None:
    """``empty_text`` (no one), then the active staff in ``order`` — only those of ``lane`` when
    given (who decides, signs or receives: services/lanes.py ``holder_lane``) — and whoever is
    chosen now, even if no longer active or of another lane, with ``current_id`` selected."""
    combo.clear()
    combo.addItem(empty_text, None)
    offered = (s for s in staff if s.id == current_id or (s.active and (lane is None or s.lane == lane)))
    for person in sorted(offered, key=order):
        combo.addItem(label(person), person.id)
    combo.setCurrentIndex(max(0, combo.findData(current_id)) if current_id is not None else 0)
