"""Colours of step statuses, shared by every view that shows them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from wawaran_desktop.services.timing import StepStatus

#: status -> (text colour, background colour)
STATUS_COLOURS: dict[StepStatus, tuple[str, str]] = {
    StepStatus.NOT_STARTED: ("#5f6368", "#eceff1"),
    StepStatus.RUNNING: ("#0d47a1", "#e3f2fd"),
    StepStatus.ON_TIME: ("#1b5e20", "#e8f5e9"),
    StepStatus.AT_RISK: ("#8a4b00", "#fff3e0"),
    StepStatus.LATE: ("#b71c1c", "#ffebee"),
    StepStatus.PAUSED: ("#4a148c", "#f3e5f5"),
    StepStatus.STOPPED: ("#5f6368", "#eceff1"),  # grey: a cancellation stopped the clock
    StepStatus.DROPPED: ("#5f6368", "#eceff1"),
}


def chip_style(status: StepStatus) -> str:
    """Style sheet of a small coloured status label."""
    fg, bg = STATUS_COLOURS[status]
    return (f"color: {fg}; background: {bg}; border: 1px solid {fg}; border-radius: 4px; "
            "padding: 3px 8px; font-weight: bold;")


def steady_chip(label: QLabel, texts: list[str]) -> None:
    """Give the status chip ``label`` the room of the largest of ``texts`` from the start, so a
    change of status (starting a step, going over its standard) moves nothing around it."""
    label.setStyleSheet(chip_style(StepStatus.LATE))  # bold, padded: measured as shown
    label.ensurePolished()
    width = height = 0
    for text in texts:
        label.setText(text)
        hint = label.sizeHint()
        width, height = max(width, hint.width()), max(height, hint.height())
    label.setText("")
    label.setMinimumSize(width, height)
