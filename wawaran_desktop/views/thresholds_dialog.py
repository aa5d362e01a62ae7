"""The office's at-risk and late thresholds, in percent of a step's standard."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from wawaran_desktop.forms.ui_thresholds_dialog import Ui_ThresholdsDialog
from wawaran_desktop.services import timing
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.services.workspace import Workspace


class ThresholdsDialog(QDialog):
    """Shows the thresholds in force; OK stores them (audited) and puts them into force."""

    def __init__(self, ws: Workspace, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ThresholdsDialog()
        self.ui.setupUi(self)
        self.ws = ws
        self._actor_id = actor_id
        self._show(ws.thresholds)
        self.ui.errorLabel.hide()
        self.ui.defaultsButton.clicked.connect(lambda: self._show(timing.DEFAULT_THRESHOLDS))
        self.ui.buttonBox.accepted.connect(self._accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _show(self, value: timing.Thresholds) -> None:
        self.ui.atRiskSpin.setValue(round(value.at_risk * 100))
        self.ui.lateSpin.setValue(round(value.late * 100))

    def _accept(self) -> None:
        try:
            self.ws.set_thresholds(self._actor_id, self.ui.atRiskSpin.value() / 100, self.ui.lateSpin.value() / 100)
        except ServiceError as exc:  # the service's rules, in case the spin ranges ever differ
            self.ui.errorLabel.setText(str(exc))
            self.ui.errorLabel.show()
            return
        self.accept()
