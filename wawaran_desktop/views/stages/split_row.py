"""A row of buttons that, when the room is narrow, puts its last buttons on a row of their own
under it (issue 15: at 150% display scaling a stage has ~350 pixels of width)."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget


class SplitRow:
    """``row`` (in ``parent``) keeps its first buttons; ``moving`` go to a second row when split."""

    def __init__(self, parent: QBoxLayout, row: QBoxLayout, moving: list[QWidget]) -> None:
        self.parent, self.row, self.moving = parent, row, moving
        self.second = QHBoxLayout()
        self.second.setSpacing(row.spacing())
        self.second.addStretch(1)
        self.split: bool = False

    def set_split(self, split: bool) -> None:
        if split == self.split:
            return
        self.split = split
        for widget in self.moving:
            self.row.removeWidget(widget)
            self.second.removeWidget(widget)
        if split:
            self.parent.insertLayout(self.parent.indexOf(self.row) + 1, self.second)
            for index, widget in enumerate(self.moving):
                self.second.insertWidget(index, widget)
        else:
            self.parent.removeItem(self.second)
            for widget in self.moving:
                self.row.addWidget(widget)
