"""The staff directory: add and edit staff (name, NIP, position, rank, lane, active).

*Impor dari Berkas…* adds staff from a .xlsx/.csv list (views/staff_import_dialog.py).
An edit names the version of the entry the dialog showed; when another PC saved the entry
meanwhile, the typed values stay, marked, under the conflict bar (views/dialog_conflicts.py).
A rename is audited with who did it: the window's acting person (``actor_id``).

A new person starts with no *Peran* chosen: it is required, and carrying the previous
person's over made a second Kepala Bidang all too easy (issue 15). A refusal under the form
keeps its room (views/inline_message.py) and goes as soon as the form would be accepted; a
click on a button while the rank suggestions are open is that button's click, not only the
list's closing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QObject, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QDialog, QHeaderView, QWidget

from wawaran_desktop.forms.ui_staff_dialog import Ui_StaffDialog
from wawaran_desktop.qtmodels.staff_table import StaffTableModel
from wawaran_desktop.services.errors import ConflictError, ServiceError, ValidationError
from wawaran_desktop.services.staff import PNS_RANKS, normalise_nip
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.text.formatting import nip_display
from wawaran_desktop.views.dialog_conflicts import DialogConflict
from wawaran_desktop.views.inline_message import message_of
from wawaran_desktop.views.rank_completer import rank_suggestions
from wawaran_desktop.views.screen_fit import fit_to_screen


def _form_of(person) -> dict:
    """A staff record as the form shows it."""
    return {"name": person.name, "nip": nip_display(person.nip), "position": person.position, "rank": person.rank,
            "lane": person.lane, "active": person.active}


def _same(key: str, typed, shown) -> bool:
    """Whether the person left the value ``key`` as it was shown (spacing aside)."""
    if isinstance(typed, str) and isinstance(shown, str):
        if key == "nip":
            return typed.replace(" ", "") == shown.replace(" ", "")
        return " ".join(typed.split()) == " ".join(shown.split())
    return typed == shown


class StaffDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, actor_id: int | None = None) -> None:
        """``actor_id``: the acting member of staff (the window's *Petugas yang bertugas*), whom
        the audit of a rename names; None when nobody is chosen yet (the first entries)."""
        super().__init__(parent)
        self.ui = Ui_StaffDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)  # six columns want the form's width; a small laptop gets what it has
        self.ws = ws
        self.actor_id = actor_id
        self.changed = False
        self._editing: int | None = None
        self._version: int | None = None  # of the entry being edited, as shown
        self._shown: dict = {}  # the entry's values as shown (the form's, by StaffRecord field)
        self._theirs: dict = {}  # as stored when a save was refused
        self._theirs_version = 0
        self.conflict = DialogConflict(self)
        for lane in ws.sop.lanes:
            self.ui.laneCombo.addItem(lane.name, lane.id)
        self.ui.rankCombo.addItems(["", *PNS_RANKS])  # or typed: a PPPK grade, say
        rank_suggestions(self.ui.rankCombo.completer())
        self._popup = self.ui.rankCombo.completer().popup()
        self._popup.installEventFilter(self)  # after the completer's own filter: this one runs first
        self.model = StaffTableModel(ws.sop, self)
        self.ui.staffTable.setModel(self.model)
        header = self.ui.staffTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StaffTableModel.HEADERS.index("Jabatan"), QHeaderView.ResizeMode.Stretch)
        self.ui.staffTable.selectionModel().selectionChanged.connect(self._selected)
        self.ui.newButton.clicked.connect(self.new_staff)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.importButton.clicked.connect(self.import_file)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.message = message_of(self.ui.errorLabel)
        self.message.watch(self.ui.nameEdit, self.ui.nipEdit, self.ui.positionEdit, self.ui.rankCombo,
                           self.ui.laneCombo)
        self._reload()
        self.new_staff()
        self._read_only_unless_admin()

    def _read_only_unless_admin(self) -> None:
        """Once the office has accounts the directory is the administrators' (a lane is a
        person's rights): anyone else reads it, and is told why the form is closed."""
        from wawaran_desktop.services.staff import may_edit_directory

        if may_edit_directory(self.actor_id):
            return
        why = "Hanya administrator yang dapat menambah atau mengubah data petugas."
        for widget in (self.ui.editBox, self.ui.newButton, self.ui.saveButton, self.ui.importButton):
            widget.setEnabled(False)
            widget.setToolTip(why)
        self.ui.editBox.setTitle(f"{self.ui.editBox.title()} (hanya baca: {why[0].lower()}{why[1:-1]})")

    def _reload(self, select_id: int | None = None) -> None:
        self.model.set_rows(self.ws.staff.list())
        if select_id is not None:
            row = self.model.row_of(select_id)
            if row >= 0:
                self.ui.staffTable.selectRow(row)

    def new_staff(self) -> None:
        self.ui.staffTable.clearSelection()
        self.conflict.clear()
        self._editing = None
        self._version = None
        self.ui.editBox.setTitle("Petugas baru")
        for edit in (self.ui.nameEdit, self.ui.nipEdit, self.ui.positionEdit):
            edit.clear()
        self.ui.rankCombo.setCurrentText("")
        self.ui.laneCombo.setCurrentIndex(-1)  # none: chosen for each person (the placeholder asks)
        self.ui.activeCheck.setChecked(True)
        self.message.clear()
        self.ui.nameEdit.setFocus()

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not selected.indexes():
            return
        person = self.model.record(selected.indexes()[0].row())
        self.conflict.clear()
        self._editing = person.id
        self._version = person.version
        self._shown = self._theirs = _form_of(person)
        self.ui.editBox.setTitle(f"Ubah: {person.name}")
        self._put_form(self._shown)
        self.message.clear()

    # -- the form's values, by StaffRecord field ----------------------------------------------
    def _form(self) -> dict:
        ui = self.ui
        return {"name": ui.nameEdit.text(), "nip": ui.nipEdit.text(), "position": ui.positionEdit.text(),
                "rank": ui.rankCombo.currentText(), "lane": ui.laneCombo.currentData(),
                "active": ui.activeCheck.isChecked()}

    def _put_form(self, values: dict) -> None:
        ui = self.ui
        ui.nameEdit.setText(values["name"])
        ui.nipEdit.setText(values["nip"])
        ui.positionEdit.setText(values["position"])
        ui.rankCombo.setCurrentText(values["rank"])
        ui.laneCombo.setCurrentIndex(ui.laneCombo.findData(values["lane"]))  # -1: none chosen
        ui.activeCheck.setChecked(values["active"])

    def save(self) -> bool:
        values = (self.ui.nameEdit.text(), self.ui.nipEdit.text(), self.ui.positionEdit.text(),
                  self.ui.laneCombo.currentData())
        active, rank = self.ui.activeCheck.isChecked(), self.ui.rankCombo.currentText()
        try:
            if self._editing is None:
                person = self.ws.staff.add(*values, active=active, rank=rank, actor_id=self.actor_id)
            else:
                person = self.ws.staff.update(self._editing, *values, active=active, rank=rank,
                                              version=self._version, actor_id=self.actor_id)
        except ConflictError as exc:  # another PC saved this entry since it was shown
            self.message.clear()
            ui = self.ui
            try:
                stored = self.ws.staff.get(self._editing)
                self._theirs, self._theirs_version = _form_of(stored), stored.version
            except ServiceError:
                self._theirs, self._theirs_version = self._shown, exc.version
            self.conflict.show(exc, self._mine, self._take_theirs, self._keep_mine,
                               {"Nama": ui.nameEdit, "NIP": ui.nipEdit, "Jabatan": ui.positionEdit,
                                "Pangkat/Gol.": ui.rankCombo, "Peran": ui.laneCombo, "Aktif": ui.activeCheck})
            return False
        except ServiceError as exc:
            self.message.show(str(exc), self._acceptable if isinstance(exc, ValidationError) else None)
            if isinstance(exc, ValidationError):
                target = {"nip": self.ui.nipEdit, "position": self.ui.positionEdit, "rank": self.ui.rankCombo,
                          "lane": self.ui.laneCombo}.get(exc.field, self.ui.nameEdit)
                target.setFocus()
            return False
        self.changed = True
        self.conflict.clear()
        self._reload(select_id=person.id)
        self._editing, self._version = person.id, person.version
        self._shown = self._theirs = _form_of(person)
        self.message.clear()
        return True

    def _acceptable(self) -> bool:
        """Whether the form as it stands passes the checks that refused it (nothing is stored)."""
        ui = self.ui
        try:
            # the service's own checks, run without storing
            self.ws.staff.check(ui.nameEdit.text(), ui.nipEdit.text(), ui.positionEdit.text(),
                                ui.laneCombo.currentData(), ui.rankCombo.currentText(), exclude_id=self._editing)
        except ValidationError:
            return False
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """A press outside the open rank suggestions closes them and is eaten by the completer;
        on a button of this dialog it is that button's click as well (the first click on
        *Simpan* saves)."""
        if watched is self._popup and event.type() == QEvent.Type.MouseButtonPress \
                and isinstance(event, QMouseEvent) and not self._popup.rect().contains(event.position().toPoint()):
            where = event.globalPosition().toPoint()
            for button in self.findChildren(QAbstractButton):
                if button.isVisible() and button.isEnabled() and button.rect().contains(button.mapFromGlobal(where)) \
                        and button.window() is self:
                    self._popup.hide()
                    QTimer.singleShot(0, button, button.click)
                    return True
        return super().eventFilter(watched, event)

    def _merged(self) -> dict:
        """What keeping mine stores: each value the person changed since the entry was shown,
        and the stored one (the other PC's) of every value they left as it was."""
        typed = self._form()
        return {key: typed[key] if not _same(key, typed[key], self._shown.get(key)) else self._theirs[key]
                for key in typed}

    def _mine(self) -> dict[str, str]:
        """:meth:`_merged` by the labels a conflict compares (as ``StaffService.fields``)."""
        values = self._merged()
        try:
            nip = nip_display(normalise_nip(values["nip"]))
        except ValidationError:
            nip = values["nip"]  # shown as typed
        lanes = {lane.id: lane.name for lane in self.ws.sop.lanes}
        return {"Nama": values["name"].strip(), "NIP": nip, "Jabatan": values["position"].strip(),
                "Pangkat/Gol.": " ".join(values["rank"].split()), "Peran": lanes.get(values["lane"], ""),
                "Aktif": "ya" if values["active"] else "tidak"}

    def _take_theirs(self) -> None:
        """The stored entry in the form again (and the list as stored)."""
        editing = self._editing
        self.ui.staffTable.clearSelection()
        self._reload(select_id=editing)

    def _keep_mine(self, _version: int) -> None:
        """Store the values the person changed over the stored entry (its other values kept)."""
        self._put_form(self._merged())
        self._shown, self._version = self._theirs, self._theirs_version
        self.save()

    def import_file(self) -> None:
        """Impor dari Berkas…: a .xlsx/.csv staff list previewed and its valid lines added."""
        from wawaran_desktop.views.staff_import_dialog import StaffImportDialog  # first use only

        dialog = StaffImportDialog(self.ws, self, actor_id=self.actor_id)  # who imports, audited
        dialog.exec()
        if dialog.added:
            self.changed = True
            self._reload(select_id=self._editing)

    def reject(self) -> None:
        if self.conflict.may_close():
            self.conflict.clear()
            super().reject()
