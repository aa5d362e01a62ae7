"""The staff directory: add and edit staff (name, NIP, position, rank, lane, active)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from wawaran_desktop.forms.ui_staff_dialog import Ui_StaffDialog
from wawaran_desktop.qtmodels.staff_table import StaffTableModel
from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.text.formatting import nip_display
from wawaran_desktop.services.staff import PNS_RANKS
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.views.rank_completer import rank_suggestions
from wawaran_desktop.views.screen_fit import fit_to_screen


class StaffDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StaffDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)  # six columns want the form's width; a small laptop gets what it has
        self.ws = ws
        self.changed = False
        self._editing: int | None = None
        for lane in ws.sop.lanes:
            self.ui.laneCombo.addItem(lane.name, lane.id)
        self.ui.rankCombo.addItems(["", *PNS_RANKS])  # or typed: a PPPK grade, say
        rank_suggestions(self.ui.rankCombo.completer())
        self.model = StaffTableModel(ws.sop, self)
        self.ui.staffTable.setModel(self.model)
        header = self.ui.staffTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StaffTableModel.HEADERS.index("Jabatan"), QHeaderView.ResizeMode.Stretch)
        self.ui.staffTable.selectionModel().selectionChanged.connect(self._selected)
        self.ui.newButton.clicked.connect(self.new_staff)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.errorLabel.hide()
        self._reload()
        self.new_staff()

    def _reload(self, select_id: int | None = None) -> None:
        self.model.set_rows(self.ws.staff.list())
        if select_id is not None:
            row = self.model.row_of(select_id)
            if row >= 0:
                self.ui.staffTable.selectRow(row)

    def new_staff(self) -> None:
        self.ui.staffTable.clearSelection()
        self._editing = None
        self.ui.editBox.setTitle("Petugas baru")
        for edit in (self.ui.nameEdit, self.ui.nipEdit, self.ui.positionEdit):
            edit.clear()
        self.ui.rankCombo.setCurrentText("")
        self.ui.activeCheck.setChecked(True)
        self.ui.errorLabel.hide()
        self.ui.nameEdit.setFocus()

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not selected.indexes():
            return
        person = self.model.record(selected.indexes()[0].row())
        self._editing = person.id
        self.ui.editBox.setTitle(f"Ubah: {person.name}")
        self.ui.nameEdit.setText(person.name)
        self.ui.nipEdit.setText(nip_display(person.nip))
        self.ui.positionEdit.setText(person.position)
        self.ui.rankCombo.setCurrentText(person.rank)
        self.ui.laneCombo.setCurrentIndex(max(0, self.ui.laneCombo.findData(person.lane)))
        self.ui.activeCheck.setChecked(person.active)
        self.ui.errorLabel.hide()

    def save(self) -> bool:
        values = (self.ui.nameEdit.text(), self.ui.nipEdit.text(), self.ui.positionEdit.text(),
                  self.ui.laneCombo.currentData())
        active, rank = self.ui.activeCheck.isChecked(), self.ui.rankCombo.currentText()
        try:
            if self._editing is None:
                person = self.ws.staff.add(*values, active=active, rank=rank)
            else:
                person = self.ws.staff.update(self._editing, *values, active=active, rank=rank)
        except ServiceError as exc:
            self.ui.errorLabel.setText(str(exc))
            self.ui.errorLabel.show()
            if isinstance(exc, ValidationError):
                target = {"nip": self.ui.nipEdit, "position": self.ui.positionEdit, "rank": self.ui.rankCombo,
                          "lane": self.ui.laneCombo}.get(exc.field, self.ui.nameEdit)
                target.setFocus()
            return False
        self.changed = True
        self._reload(select_id=person.id)
        self.ui.errorLabel.hide()
        return True
