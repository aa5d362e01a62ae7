"""Stage 5's SRIKANDI statuses on the disposition panel (services/stages/disposition_status.py).

Everyone sees each recipient's status in a small table (Nama, Status, Waktu in WIB; the
follow-up's text as the row's tooltip). When the acting person is a recipient, opening the
tab marks the disposition read, and the bar above the form shows their own status with
*Catat Tindak Lanjut…*.

The acting person is asked for (the panel's ``actor``) only while the tab is on screen and the
disposition has recipients, once per showing of a campaign, so a refresh never asks again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QInputDialog, QTableWidgetItem

from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.services.stages.disposition import DispositionRecord
from wawaran_desktop.services.stages.disposition_status import (
    FOLLOW_UP_MAX,
    DispositionStatusService,
    RecipientStatus,
    Status,
)
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.views import feedback
from wawaran_desktop.views.stages import StagePanel

#: A status -> its text colour in the table.
COLOURS = {Status.UNREAD: "#b71c1c", Status.READ: "#8a4b00", Status.FOLLOWED_UP: "#1b5e20"}
DIALOG_TITLE = "Catat Tindak Lanjut"
PROMPT = (f"Tuliskan tindak lanjut Anda atas disposisi ini (maksimal {fmt.thousands(FOLLOW_UP_MAX)} karakter), "
          "misalnya apa yang sudah dikerjakan dan kapan:")


def when_text(status: RecipientStatus) -> str:
    """The time of the status shown, in WIB; "—" while unread."""
    return fmt.date_time(status.when) if status.when is not None else "—"


class RecipientStatusView:
    """The status table and the recipient's bar of one disposition panel."""

    def __init__(self, panel: StagePanel, record: Callable[[], DispositionRecord | None]) -> None:
        """``panel``: the disposition panel (its form, actor and ``changed``); ``record``: the
        disposition it shows."""
        self.panel = panel
        self.record = record
        self.ui = panel.ui
        self.service = DispositionStatusService(panel.ws)
        self.statuses: tuple[RecipientStatus, ...] = ()
        self.viewer: int | None = None  # the acting person, once asked for this showing
        self._asked_for: int | None = None  # the campaign the acting person was asked for
        header = self.ui.statusTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.ui.statusTable.setWordWrap(False)  # one line a recipient
        self.ui.followUpFrame.hide()
        self.ui.followUpButton.clicked.connect(self.record_follow_up)

    # -- showing --------------------------------------------------------------------------
    def show(self) -> None:
        """Read the statuses of the panel's campaign again and show them."""
        record = self.record()
        self.statuses = self.service.statuses(record.campaign_id) if record is not None and record.stored else ()
        table = self.ui.statusTable
        table.setRowCount(len(self.statuses))
        for row, status in enumerate(self.statuses):
            cells = (status.name, status.status.label, when_text(status))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setForeground(QBrush(QColor(COLOURS[status.status])))
                item.setToolTip(f"Tindak lanjut: {status.follow_up}" if status.follow_up else text)
                table.setItem(row, column, item)
        table.setVisible(bool(self.statuses))
        self.ui.statusCaption.setVisible(bool(self.statuses))
        table.resizeRowsToContents()
        self._show_mine()

    def _mine(self) -> RecipientStatus | None:
        return next((s for s in self.statuses if s.staff_id == self.viewer), None) if self.viewer else None

    def _show_mine(self) -> None:
        mine = self._mine()
        self.ui.followUpFrame.setVisible(mine is not None)
        if mine is None:
            return
        text = f"Disposisi ini untuk Anda. Status: <b>{mine.status.label}</b>"
        if mine.when is not None:
            text += f" ({when_text(mine)})"
        if mine.follow_up:
            text += f"<br>Tindak lanjut: {_escape(mine.follow_up)}"
        self.ui.myStatusLabel.setText(text)
        self.ui.followUpButton.setText("Ubah Tindak Lanjut…" if mine.follow_up else "Catat Tindak Lanjut…")

    # -- reading --------------------------------------------------------------------------
    def opened(self) -> None:
        """The tab is on screen with a campaign: a recipient acting here has now read it."""
        record = self.record()
        if record is None or not self.panel.isVisible() or self._asked_for == record.campaign_id:
            return
        if not self.statuses:
            return  # nobody to read it yet: do not ask who acts
        self._asked_for = record.campaign_id
        self.viewer = self.panel.actor()
        if self._mine() is not None and self.service.mark_read(self.viewer, record.campaign_id):
            self.show()
            self.panel.changed.emit()
        else:
            self._show_mine()

    def hidden(self) -> None:
        """The tab left the screen: the next showing asks again (someone else may act then)."""
        self._asked_for = None

    # -- following up ---------------------------------------------------------------------
    def record_follow_up(self) -> None:
        record = self.record()
        mine = self._mine()
        if record is None or mine is None:
            return
        text = mine.follow_up
        while True:
            text, ok = QInputDialog.getMultiLineText(self.panel, DIALOG_TITLE, PROMPT, text)
            if not ok:
                return
            refused: list[ServiceError] = []
            done, _status = self.panel.act(
                lambda actor, typed=text: self.service.record_follow_up(actor, record.campaign_id, typed),
                refused.append)
            if done:
                self.panel.show_error(None)
                self.show()
                self.panel.changed.emit()
                return
            if not refused:
                return  # nobody acting: the user has been told
            feedback.warn(self.panel, str(refused[0]), "Tindak lanjut belum tercatat")
            if not isinstance(refused[0], ValidationError):
                self.show()
                return  # a rule refused it (no longer a recipient, cancelled): typing again will not help


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
