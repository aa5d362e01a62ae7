"""Dialog for a new campaign, or to change a campaign's title and theme."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from wawaran_desktop.forms.ui_campaign_dialog import Ui_CampaignDialog
from wawaran_desktop.services.campaigns import THEME_MAX, TITLE_MAX
from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.text.formatting import short_date
from wawaran_desktop.services.stages.evaluation import PreviousFollowups


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
        self.ui.titleEdit.setText(title)
        self.ui.themeEdit.setText(theme)
        self.ui.errorLabel.hide()
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
        self.ui.followupsLabel.setText(
            f"Dari evaluasi «{html.escape(followups.title)}» ({short_date(followups.received_on)}):"
            f"<ul style='margin-left: -20px'>{points}</ul>")

    def _update_counter(self) -> None:
        title, theme = len(self.ui.titleEdit.text().strip()), len(self.ui.themeEdit.text().strip())
        self.ui.counterLabel.setText(f"Judul {title}/{TITLE_MAX} karakter · Tema {theme}/{THEME_MAX}")
        over = title > TITLE_MAX or theme > THEME_MAX
        self.ui.counterLabel.setStyleSheet("color: #b00020;" if over else "")

    def show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()

    def _accept(self) -> None:
        try:
            self.result_value = self._save(self.ui.titleEdit.text(), self.ui.themeEdit.text())
        except ValidationError as exc:
            self.show_error(str(exc))
            (self.ui.themeEdit if exc.field == "theme" else self.ui.titleEdit).setFocus()
            return
        except ServiceError as exc:
            self.show_error(str(exc))
            return
        self.accept()
