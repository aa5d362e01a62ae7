"""When another PC saved first: the bar above a stage's form, and the comparison of both texts.

A save based on an older version is refused by the service
(:class:`~wawaran_desktop.services.errors.ConflictError`); the panel keeps the person's text
in its fields, marks them, and shows this bar: who changed the record and when, and three
ways out — *Bandingkan* (both versions side by side), *Pakai versi tersimpan* (theirs is
shown, the person's text stays readable in the comparison until then) and *Tetap pakai
milik saya* (stored over theirs, now knowingly). Until one is chosen the panel's ``flush``
says the edit is not stored, so closing the window asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.views.screen_fit import fit_to_screen

BAR_STYLE = ("QFrame#conflictBar { background: #fff4e5; border: 1px solid #e65100; border-radius: 4px; }"
             " QFrame#conflictBar QLabel { color: #5d2a00; }")
#: A field whose text was not stored because of a conflict (a dynamic property, so the
#: field's own style sheet stays as it is).
MARK_PROPERTY = "conflict"
MARK_STYLE = "*[conflict=\"true\"] { border: 2px solid #e65100; }"


class ConflictBar(QFrame):
    """The bar of one panel; hidden until :meth:`show_conflict`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBar")
        self.setStyleSheet(BAR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        buttons = QHBoxLayout()
        self.compare_button = QPushButton("Bandingkan…", self)
        self.theirs_button = QPushButton("Pakai versi tersimpan", self)
        self.mine_button = QPushButton("Tetap pakai milik saya", self)
        for button in (self.compare_button, self.theirs_button, self.mine_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.compare_button.clicked.connect(self._compare)
        self.theirs_button.clicked.connect(self._take_theirs)
        self.mine_button.clicked.connect(self._keep_mine)
        self.error: ConflictError | None = None
        self._mine: Callable[[], Mapping[str, str]] = dict
        self._on_theirs: Callable[[], object] = lambda: None
        self._on_mine: Callable[[int], object] = lambda _version: None
        self._fields: tuple[QWidget, ...] = ()
        self.hide()

    @property
    def pending(self) -> bool:
        """A conflict waits for the person's choice."""
        return self.error is not None

    def show_conflict(self, error: ConflictError, mine: Callable[[], Mapping[str, str]],
                      take_theirs: Callable[[], object], keep_mine: Callable[[int], object],
                      *fields: QWidget) -> None:
        """Show ``error``; ``mine()`` gives the person's current text by field label, as
        ``error.theirs`` gives the stored one; ``take_theirs()`` shows the stored record,
        ``keep_mine(version)`` stores the person's text over the stored ``version``."""
        self.clear()
        self.error = error
        self._mine, self._on_theirs, self._on_mine = mine, take_theirs, keep_mine
        self._fields = fields
        for field in fields:
            _mark(field, True)
        self.label.setText(str(error))
        self.compare_button.setEnabled(bool(error.theirs))
        self.show()

    def clear(self) -> None:
        """Hide the bar and unmark the fields (the conflict was resolved, or another record is shown)."""
        for field in self._fields:
            _mark(field, False)
        self._fields = ()
        self.error = None
        self.hide()

    def _compare(self) -> None:
        if self.error is None:
            return
        dialog = CompareDialog(self._mine(), self.error.theirs, self.error.by, self.window())
        choice = dialog.exec()
        if choice == CompareDialog.THEIRS:
            self._take_theirs()
        elif choice == CompareDialog.MINE:
            self._keep_mine()

    def _take_theirs(self) -> None:
        self.clear()
        self._on_theirs()

    def _keep_mine(self) -> None:
        if self.error is None:
            return
        version = self.error.version
        self.clear()
        self._on_mine(version)


def _mark(field: QWidget, marked: bool) -> None:
    field.setProperty(MARK_PROPERTY, marked)
    if marked and MARK_STYLE not in field.styleSheet():
        field.setStyleSheet(field.styleSheet() + MARK_STYLE)
    field.style().unpolish(field)
    field.style().polish(field)


class CompareDialog(QDialog):
    """Both versions side by side, field by field; differing fields first and marked."""

    THEIRS, MINE = 2, 3  # exec() results beside Rejected (0)

    def __init__(self, mine: Mapping[str, str], theirs: Mapping[str, str], by: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bandingkan isian")
        fit_to_screen(self, 900, 560)  # the fields scroll below
        layout = QVBoxLayout(self)
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.addWidget(_heading("Isian Anda (belum tersimpan)"), 0, 1)
        grid.addWidget(_heading(f"Versi tersimpan{f' (oleh {by})' if by else ''}"), 0, 2)
        labels = list(dict.fromkeys([*theirs, *mine]))
        labels.sort(key=lambda label: mine.get(label, "") == theirs.get(label, ""))  # differences first
        self.panes: dict[str, tuple[QPlainTextEdit, QPlainTextEdit]] = {}
        for row, label in enumerate(labels, start=1):
            differs = mine.get(label, "") != theirs.get(label, "")
            name = QLabel(f"<b>{label}</b>" + ("<br><span style='color:#e65100'>berbeda</span>" if differs else ""))
            name.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, row, 0)
            panes = (_pane(mine.get(label, "")), _pane(theirs.get(label, "")))
            grid.addWidget(panes[0], row, 1)
            grid.addWidget(panes[1], row, 2)
            self.panes[label] = panes
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(self)
        theirs_button = buttons.addButton("Pakai versi tersimpan", QDialogButtonBox.ButtonRole.AcceptRole)
        mine_button = buttons.addButton("Tetap pakai milik saya", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        theirs_button.clicked.connect(lambda: self.done(self.THEIRS))
        mine_button.clicked.connect(lambda: self.done(self.MINE))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    return label


def _pane(text: str) -> QPlainTextEdit:
    pane = QPlainTextEdit(text)
    pane.setReadOnly(True)
    pane.setMinimumHeight(min(240, 40 + 18 * max(1, text.count("\n") + 1)))
    return pane
