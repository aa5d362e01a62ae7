"""Dialog for a new campaign, or to change a campaign's title and theme.

*Kampanye Baru* shows every follow-up point of the last evaluation (the SOP's *bahan
evaluasi kegiatan wawaran selanjutnya*) in a read-only pane as tall as they need, up to
:data:`FOLLOWUP_LINES_SHOWN` lines, scrolling beyond (a label cut them after two lines, issue
15). A refused title or theme is told under the fields without moving them, and the message
goes as soon as what is typed would be accepted (views/inline_message.py).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from wawaran_desktop.forms.ui_campaign_dialog import Ui_CampaignDialog
from wawaran_desktop.services.campaigns import THEME_LABEL, THEME_MAX, TITLE_MAX, clean_text
from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.text.formatting import short_date
from wawaran_desktop.services.stages.evaluation import PreviousFollowups
from wawaran_desktop.views.inline_message import message_of

#: The follow-ups pane grows with its points up to this many lines, then scrolls.
FOLLOWUP_LINES_SHOWN = 10


class CampaignDialog(QDialog):
    """Asks for title and theme; ``save(title, theme)`` stores them and may refuse.

    The dialog stays open with the service's message when ``save`` refuses, so nothing
    the user typed is lost.
    """

    def __init__(self, save: Callable[[str, str], object], title: str = "", theme: str = "",
                 heading: str = "Kampanye Baru", parent: QWidget | None = None,
                 followups: PreviousFollowups | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CampaignDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(heading)
        self._save = save
        self.result_value: object = None
        self._sized = False  # the first show fits the height to the follow-ups
        self.ui.titleEdit.setText(title)
        self.ui.themeEdit.setText(theme)
        self.message = message_of(self.ui.errorLabel)
        self.message.watch(self.ui.titleEdit, self.ui.themeEdit)
        self._show_followups(followups)
        self.ui.titleEdit.textChanged.connect(self._update_counter)
        self.ui.themeEdit.textChanged.connect(self._update_counter)
        self.ui.buttonBox.accepted.connect(self._accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._update_counter()

    def _show_followups(self, followups: PreviousFollowups | None) -> None:
        """The follow-ups of the last evaluated campaign: the SOP's input to the next one."""
        if followups is None:
            self.ui.followupsBox.hide()
            return
        points = "".join(f"<li>{html.escape(point)}</li>" for point in followups.points)
        view = self.ui.followupsText
        view.setHtml(f"<p>Dari evaluasi «{html.escape(followups.title)}» ({short_date(followups.received_on)}):</p>"
                     f"<ul style='margin-left: -20px'>{points}</ul>")
        view.viewport().setAutoFillBackground(False)  # the group box's colour, as a label had
        view.viewport().installEventFilter(self)  # its height follows the width the text wraps at
        self._fit_followups()

    def _fit_followups(self) -> None:
        """The pane as tall as its text at its width, up to FOLLOWUP_LINES_SHOWN lines (then it scrolls)."""
        view = self.ui.followupsText
        document = view.document()
        document.setTextWidth(view.viewport().width())
        frame = view.frameWidth() * 2
        wanted = int(document.size().height()) + frame + 2
        most = view.fontMetrics().lineSpacing() * FOLLOWUP_LINES_SHOWN + frame
        height = min(wanted, most)
        if view.minimumHeight() != height:
            view.setMinimumHeight(height)
            view.setMaximumHeight(height)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Opened at the height the follow-ups pane has at the dialog's width (no empty band)."""
        super().showEvent(event)
        if not self._sized and not self.ui.followupsBox.isHidden():
            self._sized = True
            QTimer.singleShot(0, self, self._fit_height)  # once laid out at the dialog's width

    def _fit_height(self) -> None:
        self._fit_followups()
        self.layout().activate()
        self.resize(self.width(), self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and watched is self.ui.followupsText.viewport():
            self._fit_followups()
        return super().eventFilter(watched, event)

    def _update_counter(self) -> None:
        title, theme = len(self.ui.titleEdit.text().strip()), len(self.ui.themeEdit.text().strip())
        self.ui.counterLabel.setText(f"Judul {title}/{TITLE_MAX} karakter · Tema {theme}/{THEME_MAX}")
        over = title > TITLE_MAX or theme > THEME_MAX
        self.ui.counterLabel.setStyleSheet("color: #b00020;" if over else "")

    def show_error(self, message: str) -> None:
        """Tell why under the fields; it goes as soon as the title and theme would be accepted."""
        self.message.show(message, self._acceptable)

    def _acceptable(self) -> bool:
        try:
            clean_text(self.ui.titleEdit.text(), "Judul kampanye", "title", TITLE_MAX, required=True)
            clean_text(self.ui.themeEdit.text(), THEME_LABEL, "theme", THEME_MAX, required=False)
        except ValidationError:
            return False
        return True

    def _accept(self) -> None:
        try:
            self.result_value = self._save(self.ui.titleEdit.text(), self.ui.themeEdit.text())
        except ValidationError as exc:
            self.show_error(str(exc))  # (re-checked at each edit: a corrected title clears it)
            (self.ui.themeEdit if exc.field == "theme" else self.ui.titleEdit).setFocus()
            return
        except ServiceError as exc:
            self.message.show(str(exc))  # not about what is typed: stays until the next try
            return
        self.accept()
