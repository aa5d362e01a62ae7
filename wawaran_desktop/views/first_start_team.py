"""The first-start assistant's team page: the people who get an account besides the administrator.

On a new data folder the administrator types each person (name, NIP, position, lane: checked
as the staff directory checks them, *Tambah*) or imports a .xlsx/.csv staff list through the
staff import dialog's preview (views/staff_import_dialog.py), whose *Tambahkan N petugas* here
hands the ready lines to the page instead of storing them. On a database from before accounts
the page lists the staff who have no account yet instead (no typing). Either way each row shows
the user name it will get (suggested from the name, editable in the table), and one check box
gives everyone a one-time password. Nothing is stored here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget, QWizardPage

from wawaran_desktop.forms.ui_first_start_team import Ui_FirstStartTeamPage
from wawaran_desktop.services.errors import ValidationError
from wawaran_desktop.services.first_start import Member, Person, check_person, check_usernames, suggest_username
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.staff_import import ImportRow
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.text.formatting import nip_display
from wawaran_desktop.views.first_start_pages import AdminPage, fill_lanes
from wawaran_desktop.views.staff_import_dialog import StaffImportDialog

COLUMNS = ("Nama", "NIP", "Jabatan", "Peran", "Nama pengguna")
USERNAME = COLUMNS.index("Nama pengguna")


@dataclass
class Row:
    """A row of the table: a new ``person`` or an existing staff entry (``staff``)."""

    username: str
    person: Person | None = None
    staff: StaffRecord | None = None
    typed: bool = False  # the user name was typed by hand (it is kept as typed)

    @property
    def name(self) -> str:
        return self.person.name if self.person else self.staff.name if self.staff else ""


class TeamImportDialog(StaffImportDialog):
    """The staff import preview; *Tambahkan N petugas* hands its ready lines to the assistant
    (:attr:`chosen`) and closes, storing nothing."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.chosen: tuple[ImportRow, ...] = ()

    def add_ready(self) -> None:
        if self.preview is not None and self.preview.ready:
            self.chosen = self.preview.ready
            self.accept()


class TeamPage(QWizardPage):
    """``existing``: a database from before accounts, whose staff without an account are listed
    (the administrator among them left out); None: a new folder, whose team is typed or imported."""

    def __init__(self, ws: Workspace, admin_page: AdminPage, existing: list[StaffRecord] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.admin_page = admin_page
        self.existing = existing
        self.rows: list[Row] = []
        self._lanes = {lane.id: lane.name for lane in ws.sop.lanes}
        self.ui = ui = Ui_FirstStartTeamPage()
        ui.setupUi(self)
        fill_lanes(ws, ui.laneCombo)
        table = ui.teamTable
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemChanged.connect(self._item_changed)
        ui.addButton.clicked.connect(self.add_typed)
        ui.nameEdit.returnPressed.connect(self.add_typed)
        ui.removeButton.clicked.connect(self.remove_selected)
        ui.importButton.clicked.connect(self.import_file)
        if existing is not None:
            self.setTitle("Akun petugas lain")
            self.setSubTitle("Basis data ini sudah berisi petugas dari sebelum ada akun. Setiap petugas di bawah "
                             "mendapat akun; nama pengguna dapat diubah di tabel.")
            ui.entryBox.hide()
            ui.removeButton.hide()
            ui.importButton.hide()
        ui.noteLabel.setText("Petugas tanpa kata sandi belum dapat masuk sampai administrator memberikan kata "
                             "sandi sekali pakai. Dengan pilihan di atas, kata sandinya dibuat sekarang dan "
                             "ditampilkan sekali setelah disimpan.")
        self._refresh()

    # -- the rows ---------------------------------------------------------------------------
    def people(self) -> list[Person]:
        """The new people in the table (for the administrator's page: not typed twice)."""
        return [row.person for row in self.rows if row.person is not None]

    def members(self) -> list[Member]:
        return [Member(row.name, row.username, row.person, row.staff.id if row.staff else None) for row in self.rows]

    def _taken(self) -> set[str]:
        return {self.admin_page.username or self.admin_page.ui.usernameEdit.text().strip().lower()} | {
            row.username for row in self.rows}

    def _others(self) -> list[Person]:
        admin = self.admin_page.person
        return self.people() + ([admin] if admin is not None and self.admin_page.staff_id is None else [])

    def initializePage(self) -> None:
        """Rows as they stand now the administrator is chosen: a pre-accounts database's staff
        without the administrator; a suggested user name taken by the administrator suggested anew."""
        admin_name = self.admin_page.username
        if self.existing is not None:
            typed = {row.staff.id: row for row in self.rows if row.typed and row.staff}
            self.rows = []
            for person in self.existing:
                if person.id == self.admin_page.staff_id:
                    continue
                kept = typed.get(person.id)
                self.rows.append(kept or Row(suggest_username(person.name, self._taken()), staff=person))
        for row in self.rows:
            if row.username == admin_name and not row.typed:
                row.username = suggest_username(row.name, self._taken())
        self._refresh()

    def add_typed(self) -> bool:
        """Add the person typed in the entry row; False (and why, on the page) when refused."""
        ui = self.ui
        try:
            person = check_person(self.ws, ui.nameEdit.text(), ui.nipEdit.text(), ui.positionEdit.text(),
                                  ui.laneCombo.currentData(), others=self._others())
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return False
        self.rows.append(Row(suggest_username(person.name, self._taken()), person=person))
        for edit in (ui.nameEdit, ui.nipEdit, ui.positionEdit):
            edit.clear()
        ui.laneCombo.setCurrentIndex(0)
        ui.errorLabel.clear()
        ui.nameEdit.setFocus()
        self._refresh()
        return True

    def add_imported(self, lines: Iterable[ImportRow]) -> str:
        """Add the import preview's ready lines; the ones already in the table are left out.
        Returns (and shows) what was done."""
        added, skipped = 0, []
        for line in lines:
            try:
                person = check_person(self.ws, line.name, line.nip, line.position, line.lane, line.rank,
                                      others=self._others())
            except ValidationError as exc:
                skipped.append(f"baris {line.line} ({line.name}): {exc}")
                continue
            self.rows.append(Row(suggest_username(person.name, self._taken()), person=person))
            added += 1
        self._refresh()
        text = f"{added} petugas ditambahkan dari berkas."
        if skipped:
            text += f" {len(skipped)} dilewati: " + "; ".join(skipped)
        self.ui.errorLabel.setText(text if skipped else "")
        return text

    def import_file(self) -> None:
        dialog = TeamImportDialog(self.ws, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.add_imported(dialog.chosen)
        finally:
            dialog.deleteLater()

    def remove_selected(self) -> None:
        chosen = sorted({index.row() for index in self.ui.teamTable.selectedIndexes()}, reverse=True)
        for r in chosen:
            del self.rows[r]
        self._refresh()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == USERNAME and 0 <= item.row() < len(self.rows):
            row = self.rows[item.row()]
            row.username, row.typed = item.text().strip().lower(), True
            self.ui.errorLabel.clear()

    def _refresh(self) -> None:
        table = self.ui.teamTable
        table.blockSignals(True)
        table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            source = row.person or row.staff
            values = (row.name, nip_display(source.nip), source.position, self._lanes.get(source.lane, source.lane),
                      row.username)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if c == USERNAME else flags)
                table.setItem(r, c, item)
        table.blockSignals(False)
        self.ui.countLabel.setText(f"{len(self.rows)} petugas")
        self.ui.removeButton.setEnabled(bool(self.rows))

    # -- moving on --------------------------------------------------------------------------
    def one_time_passwords(self) -> bool:
        return self.ui.otpCheck.isChecked()

    def validatePage(self) -> bool:
        if self.ui.nameEdit.text().strip() and not self.add_typed():
            return False  # a person typed but not added yet: added now, or why not
        try:
            check_usernames(self.admin_page.username, self.members())
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return False
        self.ui.errorLabel.clear()
        return True

    def show_error(self, message: str, field: str = "") -> None:
        ui = self.ui
        ui.errorLabel.setText(message)
        widget = {"name": ui.nameEdit, "nip": ui.nipEdit, "position": ui.positionEdit, "lane": ui.laneCombo,
                  "username": ui.teamTable}.get(field)
        if widget is not None and (field == "username" or ui.entryBox.isVisible()):
            widget.setFocus()
