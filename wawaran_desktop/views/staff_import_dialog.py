"""Impor Petugas dari Berkas: a .xlsx/.csv staff list chosen, previewed line by line, its valid lines added.

The preview (services/staff_import.py) stores nothing: lines with problems are marked red with
the reason in the *Keterangan* column, lines already in the directory grey; *Tambahkan N
petugas* adds the ready ones (audited as done by ``actor_id``) and the preview is read again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from wawaran_desktop.forms.ui_staff_import_dialog import Ui_StaffImportDialog
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.services.staff_import import EXISTS, PROBLEM, ImportPreview, StaffImport
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.text.formatting import nip_display
from wawaran_desktop.views.screen_fit import fit_to_screen

FILE_FILTER = "Daftar petugas (*.xlsx *.csv);;Semua berkas (*)"
HEADERS = ("Baris", "Nama", "NIP", "Jabatan", "Pangkat/Gol.", "Peran", "Keterangan")
PROBLEM_BACKGROUND = QColor("#fde7e9")
PROBLEM_TEXT = QColor("#b00020")
EXISTS_TEXT = QColor("#6b6b6b")


class StaffImportDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, actor_id: int | None = None) -> None:
        """``actor_id``: who imports (the audit of each person added names them); None at first start."""
        super().__init__(parent)
        self.ui = Ui_StaffImportDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self.ws = ws
        self.actor_id = actor_id
        self.importer = StaffImport(ws)
        self.preview: ImportPreview | None = None
        self.added = 0  # people added while the dialog was open
        self._lanes = {lane.id: lane.name for lane in ws.sop.lanes}
        self._last_dir = ""
        table = self.ui.previewTable
        table.setColumnCount(len(HEADERS))
        table.setHorizontalHeaderLabels(HEADERS)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HEADERS.index("Keterangan"), QHeaderView.ResizeMode.Stretch)
        self.ui.chooseButton.clicked.connect(self.choose_file)
        self.ui.addButton.clicked.connect(self.add_ready)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        self.ui.errorLabel.hide()
        self._show(None)

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # on first use: its classes cost start-up time

        name, _chosen = QFileDialog.getOpenFileName(self, "Pilih Daftar Petugas", self._last_dir, FILE_FILTER)
        if name:
            self._last_dir = str(Path(name).parent)
            self.load(name)

    def load(self, path: str | Path) -> bool:
        """Read ``path`` into the preview; a file that cannot be read says why and clears it."""
        self.ui.fileEdit.setText(str(path))
        try:
            preview = self.importer.preview(path)
        except ServiceError as exc:
            self._show(None)
            self._error(str(exc))
            return False
        self.ui.errorLabel.hide()
        self._show(preview)
        return True

    def add_ready(self) -> None:
        if self.preview is None or not self.preview.ready:
            return
        try:
            result = self.importer.apply(self.preview, actor_id=self.actor_id)
        except ServiceError as exc:
            self._error(str(exc))
            return
        self.added += result.added
        path = self.preview.path
        self.load(path)  # as it stands now: the lines just added are "already there"
        self.ui.summaryLabel.setText(f"{result.message} Berkas kini: {self.ui.summaryLabel.text()}")

    def _error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()

    def _show(self, preview: ImportPreview | None) -> None:
        self.preview = preview
        table = self.ui.previewTable
        rows = preview.rows if preview else ()
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            reason = " ".join(row.problems) if row.problems else "Siap ditambahkan"
            if row.status == PROBLEM:
                reason = f"Tidak ditambahkan: {reason}"
            values = (str(row.line), row.name, nip_display(row.nip) if row.nip else row.nip_text, row.position,
                      row.rank, self._lanes.get(row.lane, row.lane_text), reason)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(reason if row.problems else "")
                if row.status == PROBLEM:
                    item.setBackground(QBrush(PROBLEM_BACKGROUND))
                    item.setForeground(QBrush(PROBLEM_TEXT))
                elif row.status == EXISTS:
                    item.setForeground(QBrush(EXISTS_TEXT))
                table.setItem(r, c, item)
        ready = len(preview.ready) if preview else 0
        self.ui.summaryLabel.setText(f"{preview.summary}." if preview else "")
        self.ui.addButton.setText(f"T&ambahkan {ready} petugas")
        self.ui.addButton.setEnabled(ready > 0)
        if ready:
            self.ui.addButton.setDefault(True)
