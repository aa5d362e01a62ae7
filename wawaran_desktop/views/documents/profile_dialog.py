"""The office profile dialog: kop surat, logo, signatories and paper (services/office_profile.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog, QLineEdit, QWidget

from wawaran_desktop.forms.ui_office_profile import Ui_OfficeProfileDialog
from wawaran_desktop.services.errors import ConflictError, ServiceError, ValidationError
from wawaran_desktop.text.formatting import nip_display
from wawaran_desktop.services.office_profile import (
    DISPOSITION_PAPERS,
    DOCUMENT_PAPERS,
    PAPER_LABELS,
    ROLES,
    OfficeProfile,
    Signatory,
    StoredProfile,
    check_logo,
    fields,
)
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.views.dialog_conflicts import DialogConflict
from wawaran_desktop.views.documents.profile_letterhead import LetterheadTab
from wawaran_desktop.views.rank_completer import suggest_ranks
from wawaran_desktop.views.screen_fit import fit_to_screen

#: Role key of the service -> prefix of its widgets in ui/office_profile.ui.
PREFIX = {"kepala_dinas": "kepalaDinas", "kepala_bidang": "kepalaBidang", "sub_kor": "subKor"}
TEXT_FIELDS = ("government", "office", "address", "phone", "email", "website", "city")


def _signatory_key(person: Signatory) -> tuple:
    """A signatory as compared for a change (NIP spacing and surrounding spaces aside)."""
    return (" ".join(person.name.split()), (person.nip or "").replace(" ", ""), " ".join(person.position.split()),
            person.staff_id, " ".join(person.rank.split()))


def _ask_with_dialog(parent: QWidget | None) -> str | None:
    name, _chosen = QFileDialog.getOpenFileName(parent, "Pilih Logo", "", "Gambar (*.png *.jpg *.jpeg)")
    return name or None


#: ``(parent) -> path | None``: the logo file the user picks (tests replace it).
ask_logo_path: Callable[[QWidget | None], str | None] = _ask_with_dialog


class ProfileDialog(QDialog):
    def __init__(self, ws: Workspace, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_OfficeProfileDialog()
        ui.setupUi(self)
        fit_to_screen(self)  # the form's size, or less: each tab scrolls (ui/office_profile.ui)
        self.ws = ws
        self.actor_id = actor_id
        self.saved: OfficeProfile | None = None
        self._staff_ids: dict[str, int | None] = {}
        for key in DOCUMENT_PAPERS:
            ui.paperCombo.addItem(PAPER_LABELS[key], key)
        for key in DISPOSITION_PAPERS:
            ui.dispositionPaperCombo.addItem(PAPER_LABELS[key], key)
        people = ws.staff.list(include_inactive=False)
        for key, _label, lane in ROLES:
            combo = self._combo(key)
            combo.addItem("— isi sendiri —", None)
            for person in sorted(people, key=lambda p: (p.lane != lane, p.name)):
                combo.addItem(f"{person.name} — {person.position}" if person.position else person.name, person.id)
            combo.activated.connect(lambda _i, k=key: self._take_from_directory(k))
            self._edit(key, "Name").textEdited.connect(lambda _t, k=key: self._typed(k))
            suggest_ranks(self._edit(key, "Rank"))
        ui.chooseLogoButton.clicked.connect(self.choose_logo)
        ui.removeLogoButton.clicked.connect(self.remove_logo)
        self.letterhead = LetterheadTab(self, ui, self._show_error, ui.errorLabel.hide)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("&Simpan")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.errorLabel.hide()
        self.conflict = DialogConflict(self)
        self._version = 0  # of the stored profile shown: a save names it
        self._shown: OfficeProfile | None = None  # as shown (what the person changed is told from it)
        self._theirs: StoredProfile | None = None  # as stored when a save was refused
        self._show_stored()

    # -- widgets of a signatory ---------------------------------------------------------
    def _combo(self, key: str) -> QComboBox:
        return getattr(self.ui, f"{PREFIX[key]}StaffCombo")

    def _edit(self, key: str, part: str) -> QLineEdit:
        return getattr(self.ui, f"{PREFIX[key]}{part}Edit")

    def _take_from_directory(self, key: str) -> None:
        staff_id = self._combo(key).currentData()
        self._staff_ids[key] = staff_id
        if staff_id is None:
            return
        person = self.ws.staff.get(staff_id)
        self._edit(key, "Name").setText(person.name)
        self._edit(key, "Nip").setText(nip_display(person.nip))
        self._edit(key, "Position").setText(person.position)
        self._edit(key, "Rank").setText(person.rank)

    def _typed(self, key: str) -> None:
        """A name typed by hand is no longer the directory's entry."""
        self._staff_ids[key] = None
        self._combo(key).setCurrentIndex(0)

    # -- showing and reading --------------------------------------------------------------
    def show_profile(self, profile: OfficeProfile) -> None:
        for name in TEXT_FIELDS:
            getattr(self.ui, f"{name}Edit").setText(getattr(profile, name))
        for key, _label, _lane in ROLES:
            person = profile.signatory(key)
            self._edit(key, "Name").setText(person.name)
            self._edit(key, "Nip").setText(nip_display(person.nip))
            self._edit(key, "Position").setText(person.position)
            self._edit(key, "Rank").setText(person.rank)
            self._staff_ids[key] = person.staff_id
            combo = self._combo(key)
            if person.staff_id is not None and combo.findData(person.staff_id) < 0:
                combo.addItem(f"{person.name} (nonaktif)", person.staff_id)  # still who it was taken from
            combo.setCurrentIndex(max(0, combo.findData(person.staff_id)) if person.staff_id is not None else 0)
        self.ui.paperCombo.setCurrentIndex(max(0, self.ui.paperCombo.findData(profile.paper)))
        self.ui.dispositionPaperCombo.setCurrentIndex(
            max(0, self.ui.dispositionPaperCombo.findData(profile.disposition_paper)))
        self._set_logo(profile.logo)
        self.letterhead.show(profile.letterhead_docx, profile.letterhead_image)

    def profile(self) -> OfficeProfile:
        """What the form holds now, as a profile to save."""
        texts = {name: getattr(self.ui, f"{name}Edit").text() for name in TEXT_FIELDS}
        people = {key: Signatory(self._edit(key, "Name").text(), self._edit(key, "Nip").text(),
                                 self._edit(key, "Position").text(), self._staff_ids.get(key),
                                 rank=self._edit(key, "Rank").text())
                  for key, _label, _lane in ROLES}
        return OfficeProfile(**texts, logo=self._logo, paper=self.ui.paperCombo.currentData(),
                             disposition_paper=self.ui.dispositionPaperCombo.currentData(), **people,
                             letterhead_docx=self.letterhead.docx, letterhead_image=self.letterhead.image)

    # -- the logo ---------------------------------------------------------------------------
    def _set_logo(self, path: Path | None) -> None:
        self._logo = path
        image = QImage(str(path)) if path is not None else QImage()
        if image.isNull():
            self.ui.logoPreview.setPixmap(QPixmap())
            self.ui.logoPreview.setText("tanpa logo")
        else:
            size = self.ui.logoPreview.size()
            self.ui.logoPreview.setPixmap(QPixmap.fromImage(image).scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.ui.removeLogoButton.setEnabled(path is not None)

    def choose_logo(self) -> None:
        name = ask_logo_path(self)
        if not name:
            return
        path = Path(name)
        try:
            check_logo(path)
            if QImage(str(path)).isNull():
                raise ValidationError("Gambar logo tidak dapat dibaca; simpan ulang sebagai PNG.", "logo")
        except ValidationError as exc:
            self._show_error(exc)
            return
        self.ui.errorLabel.hide()
        self._set_logo(path)

    def remove_logo(self) -> None:
        self._set_logo(None)

    # -- saving -----------------------------------------------------------------------------
    def _show_stored(self) -> None:
        stored = self.ws.profile.read()
        self._version, self._shown, self._theirs = stored.version, stored.profile, stored
        self.show_profile(stored.profile)

    def save(self) -> None:
        try:
            self.saved = self.ws.profile.save(self.actor_id, self.profile(), version=self._version)
        except ConflictError as exc:  # another PC saved the profile since this dialog read it
            self.ui.errorLabel.hide()
            self._theirs = self.ws.profile.read()
            self.conflict.show(exc, lambda: fields(self._merged()), self._take_theirs, self._keep_mine,
                               self._conflict_widgets())
            return
        except ServiceError as exc:
            self._show_error(exc)
            return
        self.conflict.clear()
        self.accept()

    def _conflict_widgets(self) -> dict[str, QWidget]:
        """The form's fields by the labels of :func:`~wawaran_desktop.services.office_profile.fields`."""
        ui = self.ui
        labels = {"Baris pemerintah": "government", "Nama dinas": "office", "Alamat": "address",
                  "Telepon": "phone", "Pos-el (e-mail)": "email", "Laman (website)": "website",
                  "Kota (tempat tanggal)": "city"}
        widgets: dict[str, QWidget] = {label: getattr(ui, f"{name}Edit") for label, name in labels.items()}
        widgets["Logo"] = ui.logoPreview
        widgets["Kop Word kantor"] = ui.letterheadDocxLabel
        widgets["Gambar kop kantor"] = ui.letterheadImagePreview
        for key, label, _lane in ROLES:
            for part, widget in (("nama", "Name"), ("NIP", "Nip"), ("jabatan", "Position"),
                                 ("pangkat/gol.", "Rank")):
                widgets[f"{label}: {part}"] = self._edit(key, widget)
        widgets["Kertas narasi dan laporan"] = ui.paperCombo
        widgets["Kertas lembar disposisi"] = ui.dispositionPaperCombo
        return widgets

    def _take_theirs(self) -> None:
        self._show_stored()

    def _merged(self) -> OfficeProfile:
        """What keeping mine stores: each value the person changed since the profile was shown
        (a signatory as a whole), and the stored one (the other PC's) of every value they left."""
        typed, shown, theirs = self.profile(), self._shown, self._theirs.profile
        if shown is None:
            return typed
        values = {}
        for name in OfficeProfile._fields:
            mine = getattr(typed, name)
            before = getattr(shown, name)
            if isinstance(mine, Signatory):
                changed = _signatory_key(mine) != _signatory_key(before)
            elif isinstance(mine, str):
                changed = " ".join(mine.split()) != " ".join((before or "").split())
            else:
                changed = mine != before
            values[name] = mine if changed else getattr(theirs, name)
        return OfficeProfile(**values)

    def _keep_mine(self, _version: int) -> None:
        """Store what the person changed over the stored profile (its other values kept)."""
        merged = self._merged()
        self._version, self._shown = self._theirs.version, self._theirs.profile
        self.show_profile(merged)
        self.save()

    def reject(self) -> None:
        if self.conflict.may_close():
            self.conflict.clear()
            super().reject()

    def _show_error(self, exc: ServiceError) -> None:
        self.ui.errorLabel.setText(str(exc))
        self.ui.errorLabel.show()
        field = exc.field if isinstance(exc, ValidationError) else ""
        role, _dot, part = field.partition(".")
        if role in PREFIX:
            self.ui.tabs.setCurrentWidget(self.ui.signersTab)
            self._edit(role, {"nip": "Nip", "position": "Position", "rank": "Rank"}.get(part, "Name")).setFocus()
        elif field in TEXT_FIELDS or field == "logo":
            self.ui.tabs.setCurrentWidget(self.ui.kopTab)
            target = getattr(self.ui, f"{field}Edit", None) if field != "logo" else self.ui.chooseLogoButton
            if target is not None:
                target.setFocus()
        elif field in ("letterhead_docx", "letterhead_image"):
            self.ui.tabs.setCurrentWidget(self.ui.letterheadTab)
            (self.ui.chooseLetterheadDocxButton if field == "letterhead_docx"
             else self.ui.chooseLetterheadImageButton).setFocus()
        elif field in ("paper", "disposition_paper"):
            self.ui.tabs.setCurrentWidget(self.ui.paperTab)
