"""Stage workspaces: one panel per SOP workspace, shown inside that stage's tab.

Each module defines ``Panel``, a :class:`StagePanel` subclass; ``registry.py`` says which
module is the panel of each stage workspace id the SOP names. A panel is written one way:

- ``form`` and ``service_class`` name its Designer form and its stage service; the base
  makes ``self.ui`` and ``self.service`` and then calls :meth:`StagePanel.setup`, where the
  panel connects its widgets;
- text typed in a field is stored a moment after the typing stops: :meth:`StagePanel.autosave`
  (one delay, :data:`SAVE_DELAY_MS`, for every panel);
- every change goes through :meth:`StagePanel.act`, which runs it as the acting member of
  staff and shows a refusal inline (:meth:`StagePanel.show_error`);
- a save names the version of the record it was based on; when another PC saved first the
  panel keeps the text and shows :attr:`StagePanel.conflict_bar` (views/conflict_bar.py),
  and its ``flush`` says the edit is not stored until the person has chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QWidget

from wawaran_desktop.services.errors import ConflictError, ServiceError
from wawaran_desktop.services.lanes import OutsideLane
from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.views import inline_message
from wawaran_desktop.views.date_typing import install_typing_later

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from wawaran_desktop.views.conflict_bar import ConflictBar

PREFERRED_SIZE = QSize(560, 330)  # what a stage tab's content area has on a 1366x768 laptop
SAVE_DELAY_MS = 800  # typed text is stored once the typing has paused this long
#: Under the form when a save met a lost connection to the office's server: the text stays
#: pending, and is stored when the window has reconnected (views/live_updates.py flushes).
CONNECTION_LOST = ("Koneksi ke server terputus: isian ini belum tersimpan dan tetap di layar. Isian disimpan "
                   "otomatis setelah tersambung kembali.")

T = TypeVar("T")


class StagePanel(QWidget):
    """What one stage records. Subclasses load from and store through the services.

    Every edit is stored when the user leaves a field, a choice at once, typed text also a
    moment after the typing stops (:meth:`autosave`), and :meth:`flush` stores whatever is
    still pending: switching tab or campaign, finishing the step and closing the window all
    call it, so nothing typed is lost.
    """

    changed = Signal()  # stored something other views show (the window reloads the campaign)

    form: type | None = None  # the generated form class (forms/ui_stage_*.py), set up as ``self.ui``
    service_class: type | None = None  # the stage's service over the workspace, made as ``self.service``

    def __init__(self, ws: Workspace, actor: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor  # the acting member of staff, or None after telling the user why
        self.campaign: CampaignRecord | None = None
        self._loading = False  # widgets are being filled from what is stored: their signals are no edits
        self._conflict_bar: ConflictBar | None = None
        if self.form is not None:
            self.ui = self.form()
            self.ui.setupUi(self)
            install_typing_later(self)  # every date/time field takes typing as the office types
            inline_message.reserve(self)  # a message appearing or going moves no field (issue 15)
        if self.service_class is not None:
            self.service = self.service_class(ws)
        self.setup()

    def setup(self) -> None:
        """Prepare and connect the form's widgets; called once, at the end of the constructor."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """The same for every stage, so the stage tab's header keeps its height whatever the
        content; panels scroll inside this room."""
        return PREFERRED_SIZE

    def load(self, campaign: CampaignRecord) -> None:
        """Show this stage's stored content of ``campaign``."""
        self.campaign = campaign

    def tick(self, now: datetime) -> None:
        """The window's one-second tick (its clock's ``now``): a panel that shows a running time
        refreshes it here, so it never disagrees with the stage tab's timer above it."""

    def flush(self) -> bool:
        """Store pending edits; False when they were refused (the user has been told)."""
        return True

    def before_finish(self) -> bool:
        """Called when the user finishes the step, after :meth:`flush`: store what finishing
        needs but a mere tab switch should not (e.g. an untouched generated draft)."""
        return True

    def set_editable(self, editable: bool) -> None:
        self.setEnabled(editable)

    # -- storing ----------------------------------------------------------------------------
    def autosave(self, store: Callable[[], object], *edits: QWidget,
                 edited: Callable[[QWidget], object] | None = None, when_left: bool = False) -> QTimer:
        """Call ``store`` once the typing in ``edits`` has paused for :data:`SAVE_DELAY_MS`.

        Each change of an edit's text while a campaign is shown (and the panel is not
        filling its widgets) calls ``edited(edit)`` (e.g. to note what is pending) and starts
        the pause again. With ``when_left``, ``store`` is also called as soon as the focus
        leaves one of the edits (a multi-line field has no ``editingFinished``). ``store``
        should stop the returned timer, so that a store done otherwise (by :meth:`flush`, a
        reload) is not repeated when the pause ends.
        """
        timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        timer.timeout.connect(store)

        def typed(edit: QWidget) -> None:
            if not self._loading and self.campaign is not None:
                if edited is not None:
                    edited(edit)
                timer.start()

        for edit in edits:
            edit.textChanged.connect(lambda *_text, e=edit: typed(e))
        if when_left:
            from wawaran_desktop.views.focus_watch import when_focus_leaves  # with the first panel, not at start-up

            for edit in edits:
                when_focus_leaves(edit, store)
        return timer

    def retry_while_refused(self, store: Callable[[], object], *edits: QWidget,
                            label: QLabel | None = None) -> QTimer:
        """While a refusal is shown in ``label`` (by default ``errorLabel``), every change of one
        of ``edits`` calls ``store`` again once the changes pause (:data:`SAVE_DELAY_MS`): the
        service checks the value anew, and a corrected one is stored and its message goes
        without the person leaving the field (issue 15). A field stored only when left (or a
        date changed with the arrow keys) would keep the message up until then."""
        timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        timer.timeout.connect(store)

        def edited(*_value: object) -> None:
            shown = label if label is not None else self.ui.errorLabel
            if not self._loading and self.campaign is not None and not shown.isHidden() and shown.text():
                timer.start()

        for edit in edits:
            for signal in inline_message.edit_signals(edit):
                signal.connect(edited)
        return timer

    def act(self, action: Callable[[int], T],
            refused: Callable[[ServiceError], object] | None = None,
            conflicted: Callable[[ConflictError], object] | None = None) -> tuple[bool | None, T | None]:
        """Run ``action(actor)`` as the acting member of staff.

        Returns ``(True, what action returned)``; ``(False, None)`` when the service refused,
        after ``refused(exc)`` has said why (by default :meth:`show_error`, under the form) —
        or, when another PC saved first, ``conflicted(exc)`` (by default ``refused``);
        ``(None, None)`` when nobody is acting (:attr:`actor` has told the user what to do).
        """
        actor = self.actor()
        if actor is None:
            return None, None
        try:
            return True, action(actor)
        except OutsideLane as exc:
            from wawaran_desktop.views import feedback

            if exc.overridable and feedback.offer_override(self, exc):
                return self.act(action, refused, conflicted)  # the reason is recorded: once more
            if not exc.overridable:
                (refused or self.show_error)(exc)
            return False, None
        except ConflictError as exc:
            (conflicted or refused or self.show_error)(exc)
            return False, None
        except ServiceError as exc:
            (refused or self.show_error)(exc)
            return False, None
        except Exception as exc:
            from wawaran_desktop.views import feedback

            if not feedback.connection_lost(exc):  # the banner says so and reconnects (live_updates)
                raise
            self.show_error(CONNECTION_LOST)
            return False, None

    @property
    def conflict_bar(self) -> ConflictBar:
        """The bar above the form telling that another PC saved first (made on first use)."""
        if self._conflict_bar is None:
            from wawaran_desktop.views.conflict_bar import ConflictBar  # with the first conflict, not at start-up

            self._conflict_bar = ConflictBar(self)
            self.layout().insertWidget(0, self._conflict_bar)
        return self._conflict_bar

    @property
    def in_conflict(self) -> bool:
        """A save was refused because another PC saved first, and the person has not chosen yet."""
        return self._conflict_bar is not None and self._conflict_bar.pending

    def clear_conflict(self) -> None:
        if self._conflict_bar is not None:
            self._conflict_bar.clear()

    def show_error(self, message: ServiceError | str | None, label: QLabel | None = None,
                   until: Callable[[], bool] | None = None) -> None:
        """Show ``message`` in ``label`` (by default the form's ``errorLabel``); None hides it.

        The label keeps its room either way (views/inline_message.py), so no field moves;
        ``until`` (True once the input is corrected) clears it at an edit of a widget the
        label's message watches."""
        label = label if label is not None else self.ui.errorLabel
        inline_message.message_of(label).show("" if message is None else str(message), until)
