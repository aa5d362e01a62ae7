"""The office's at-risk and late thresholds, in percent of a step's standard."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from wawaran_desktop.forms.ui_thresholds_dialog import Ui_ThresholdsDialog
from wawaran_desktop.services import timing, timing_settings
from wawaran_desktop.services.errors import ConflictError, ServiceError
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.views.dialog_conflicts import DialogConflict


class ThresholdsDialog(QDialog):
    """Shows the stored thresholds; OK stores them (audited) over the version shown and puts them
    into force. When another PC saved thresholds meanwhile the dialog stays open with the
    person's values under the conflict bar (views/dialog_conflicts.py)."""

    def __init__(self, ws: Workspace, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ThresholdsDialog()
        self.ui.setupUi(self)
        self.ws = ws
        self._actor_id = actor_id
        self.conflict = DialogConflict(self)
        self._version = 0
        self._shown = self._theirs = timing_settings.StoredThresholds(timing.DEFAULT_THRESHOLDS, 0)
        self._show_stored()
        self.ui.errorLabel.hide()
        self.ui.defaultsButton.clicked.connect(lambda: self._show(timing.DEFAULT_THRESHOLDS))
        self.ui.buttonBox.accepted.connect(self._accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _show_stored(self) -> None:
        stored = timing_settings.read(self.ws.settings)
        self._version = stored.version
        self._shown = self._theirs = stored
        self._show(stored.value)

    def _show(self, value: timing.Thresholds) -> None:
        self.ui.atRiskSpin.setValue(round(value.at_risk * 100))
        self.ui.lateSpin.setValue(round(value.late * 100))

    def _typed(self) -> timing.Thresholds:
        return timing.Thresholds(self.ui.atRiskSpin.value() / 100, self.ui.lateSpin.value() / 100)

    def _accept(self) -> None:
        typed = self._typed()
        try:
            self.ws.set_thresholds(self._actor_id, typed.at_risk, typed.late, version=self._version)
        except ConflictError as exc:  # another PC saved thresholds since this dialog read them
            self.ui.errorLabel.hide()
            self._theirs = timing_settings.read(self.ws.settings)
            self.conflict.show(exc, lambda: timing_settings.fields(self._merged()), self._take_theirs,
                               self._keep_mine, {timing_settings.AT_RISK_LABEL: self.ui.atRiskSpin,
                                                 timing_settings.LATE_LABEL: self.ui.lateSpin})
            return
        except ServiceError as exc:  # the service's rules, in case the spin ranges ever differ
            self.ui.errorLabel.setText(str(exc))
            self.ui.errorLabel.show()
            return
        self.conflict.clear()
        self.accept()

    def _take_theirs(self) -> None:
        self._show_stored()

    def _merged(self) -> timing.Thresholds:
        """What keeping mine stores: a threshold the person changed since it was shown, the
        stored one (the other PC's) where they left it as it was."""
        typed, shown, theirs = self._typed(), self._shown.value, self._theirs.value
        return timing.Thresholds(
            typed.at_risk if round(typed.at_risk * 100) != round(shown.at_risk * 100) else theirs.at_risk,
            typed.late if round(typed.late * 100) != round(shown.late * 100) else theirs.late)

    def _keep_mine(self, _version: int) -> None:
        self._show(self._merged())
        self._shown, self._version = self._theirs, self._theirs.version
        self._accept()

    def reject(self) -> None:
        if self.conflict.may_close():
            self.conflict.clear()
            super().reject()
