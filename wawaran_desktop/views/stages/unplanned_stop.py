"""The stage 7 panel's "add an unplanned stop" box: a kelurahan and an address added to the route.

A controller over the box's widgets in the panel's form. Adding goes through the panel (which
stores pending edits first and shows the route again); a box left open with only an address
typed is refused on flush, asking the user to finish or cancel it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from wawaran_desktop.forms.ui_stage_dissemination import Ui_DisseminationPanel


class UnplannedStopBox(QObject):
    def __init__(self, ui: Ui_DisseminationPanel, add: Callable[[str | None, str], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._add = add  # (kelurahan code, address) -> True when the stop was added
        self.refused = False  # the error label asks to finish or cancel the box
        ui.addStopButton.toggled.connect(self._show)
        ui.addCancelButton.clicked.connect(lambda: ui.addStopButton.setChecked(False))
        ui.addConfirmButton.clicked.connect(self.add)
        ui.addBox.hide()

    def _show(self, shown: bool) -> None:
        if self.refused:
            self.refused = False
            self.ui.errorLabel.hide()
        self.ui.addBox.setVisible(shown)
        if shown:
            self.ui.areaPicker.set_code(None)
            self.ui.newAddressEdit.clear()
            self.ui.areaPicker.setFocus()

    def add(self) -> bool:
        code, address = self.ui.areaPicker.code(), self.ui.newAddressEdit.text()
        if self._add(code, address):
            self.ui.addStopButton.setChecked(False)
            return True
        return False

    def flush(self) -> bool:
        """An unplanned stop left in the open box: added when its kelurahan is chosen; with
        only an address typed, the user is asked to finish or cancel it. An empty box (or a
        kecamatan alone) has nothing to store."""
        ui = self.ui
        if not ui.addStopButton.isChecked():
            return True
        code, address = ui.areaPicker.code(), ui.newAddressEdit.text().strip()
        if code is None and not address:
            if self.refused:  # cleared since: nothing is left to ask about
                self.refused = False
                ui.errorLabel.hide()
            return True
        if code is None:
            self.refused = True
            ui.errorLabel.setText(f"Lokasi tak terencana \"{address}\" belum ditambahkan ke rute: pilih kecamatan "
                                  "dan kelurahannya lalu klik Tambahkan ke rute, atau klik Batal.")
            ui.errorLabel.show()
            ui.areaPicker.setFocus()
            return False
        return self.add()
