"""Stage 7's form in two arrangements: wide (two fields a row, the route buttons beside the
stamp buttons) and narrow (one field a row, the route buttons on a row of their own, the
kecamatan above the kelurahan), switched with the room the panel has, so that at 150% display
scaling the stage needs no sideways scrolling (issue 15).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFormLayout, QHBoxLayout

from wawaran_desktop.forms.ui_stage_dissemination import Ui_DisseminationPanel

#: Below this width of the panel's scroll area the narrow arrangement is used.
NARROW_BELOW = 600


class StopFormArrangement:
    """Switches ``ui`` between the wide and the narrow arrangement as its room changes."""

    def __init__(self, ui: Ui_DisseminationPanel) -> None:
        self.ui = ui
        self.narrow: bool | None = None  # None: as the .ui lays it out (wide)
        self._route_row = QHBoxLayout()
        self._route_row.setObjectName("routeButtonsNarrow")
        self._route_row.addStretch(1)
        self._route_row_in = False  # in the form (narrow only)

    def fit(self, size: QSize) -> None:
        """Arrange for a scroll area of ``size`` (from views/responsive.on_resize)."""
        narrow = size.width() < NARROW_BELOW
        if narrow != self.narrow:
            self.arrange(narrow)

    def arrange(self, narrow: bool) -> None:
        ui, self.narrow = self.ui, narrow
        grid = ui.stopLayout
        pairs = ((ui.arrivedCaption, ui.arrivedEdit), (ui.departedCaption, ui.departedEdit),
                 (ui.flyersCaption, ui.flyersSpin), (ui.audienceCaption, ui.audienceSpin))
        for caption, field in pairs:
            grid.removeWidget(caption)
            grid.removeWidget(field)
        for widget in (ui.notesCaption, ui.notesEdit, ui.photosCaption, ui.photoList):
            grid.removeWidget(widget)
        grid.removeItem(ui.photoButtons)
        if narrow:  # one field a row
            for row, (caption, field) in enumerate(pairs):
                grid.addWidget(caption, row, 0)
                grid.addWidget(field, row, 1, 1, 3)
            grid.addWidget(ui.notesCaption, 4, 0)
            grid.addWidget(ui.notesEdit, 4, 1, 1, 3)
            grid.addWidget(ui.photosCaption, 5, 0)
            grid.addWidget(ui.photoList, 5, 1, 1, 3)
            grid.addLayout(ui.photoButtons, 6, 1, 1, 3)
        else:  # two fields a row, as designed
            for index, (caption, field) in enumerate(pairs):
                row, column = divmod(index, 2)
                grid.addWidget(caption, row, column * 2)
                grid.addWidget(field, row, column * 2 + 1)
            grid.addWidget(ui.notesCaption, 2, 0)
            grid.addWidget(ui.notesEdit, 2, 1, 1, 3)
            grid.addWidget(ui.photosCaption, 3, 0)
            grid.addWidget(ui.photoList, 3, 1, 1, 2)
            grid.addLayout(ui.photoButtons, 3, 3)
        self._route_buttons(narrow)
        ui.areaPicker.set_stacked(narrow)
        ui.addLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if narrow
                                      else QFormLayout.RowWrapPolicy.DontWrapRows)  # captions above the fields

    def _route_buttons(self, narrow: bool) -> None:
        """*Tambah lokasi tak terencana…* and *Hapus*: beside the stamps, or a row of their own."""
        ui = self.ui
        for button in (ui.addStopButton, ui.removeStopButton):
            ui.actionsLayout.removeWidget(button)
            self._route_row.removeWidget(button)
        if narrow:
            if not self._route_row_in:
                ui.contentLayout.insertLayout(ui.contentLayout.indexOf(ui.actionsLayout) + 1, self._route_row)
                self._route_row_in = True
            self._route_row.insertWidget(0, ui.addStopButton)
            self._route_row.insertWidget(1, ui.removeStopButton)
        else:
            if self._route_row_in:
                ui.contentLayout.removeItem(self._route_row)
                self._route_row_in = False
            ui.actionsLayout.addWidget(ui.addStopButton)
            ui.actionsLayout.addWidget(ui.removeStopButton)
