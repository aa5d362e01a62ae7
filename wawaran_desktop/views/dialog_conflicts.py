"""When another PC saved an office record first, in a dialog that saves on OK or *Simpan*.

The staff directory, the office profile, the thresholds and the rename of a campaign are
edited in dialogs: their save names the version the dialog read, and a refused save
(:class:`~wawaran_desktop.services.errors.ConflictError`) leaves the dialog open with what the
person typed, marked, under the conflict bar of the stage panels (views/conflict_bar.py):
*Bandingkan* (both side by side), *Pakai versi tersimpan* (the dialog's fields are read again)
and *Tetap pakai milik saya* (saved over the version stored now: each value the person changed
since the dialog showed the record is theirs to keep, every value they left as it was takes the
other PC's, so neither person's typing is lost). The comparison's "Isian Anda" column and the
marked fields show exactly that. Closing the dialog before choosing asks first (the rename
dialog, views/campaign_dialog.py, closes on Batal as before: its title is only re-typed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from wawaran_desktop.services.errors import ConflictError, ServiceError
from wawaran_desktop.views.conflict_bar import ConflictBar

CLOSE_TITLE = "Perubahan belum tersimpan"
CLOSE_TEXT = ("Isian Anda belum tersimpan karena data ini diubah di komputer lain (bar jingga di atas). "
              "Tutup tanpa menyimpan? Isian Anda akan hilang.")


class DialogConflict:
    """The conflict bar of one dialog, above its form (made on the first conflict)."""

    def __init__(self, dialog: QDialog) -> None:
        self.dialog = dialog
        self._bar: ConflictBar | None = None

    @property
    def bar(self) -> ConflictBar:
        if self._bar is None:
            self._bar = ConflictBar(self.dialog)
            self.dialog.layout().insertWidget(0, self._bar)
        return self._bar

    @property
    def pending(self) -> bool:
        """A save was refused and the person has not chosen yet."""
        return self._bar is not None and self._bar.pending

    def show(self, error: ConflictError, mine: Callable[[], Mapping[str, str]], take_theirs: Callable[[], object],
             keep_mine: Callable[[int], object], widgets: Mapping[str, QWidget]) -> None:
        """Show ``error``; ``widgets`` are the form's fields by the labels of ``mine()`` and
        ``error.theirs``: those that differ are marked."""
        typed = mine()
        differing = [widget for label, widget in widgets.items()
                     if typed.get(label, "") != error.theirs.get(label, "")]
        self.bar.show_conflict(error, mine, take_theirs, keep_mine, *dict.fromkeys(differing))

    def clear(self) -> None:
        if self._bar is not None:
            self._bar.clear()

    def may_close(self) -> bool:
        """Whether the dialog may close: yes unless a refused save waits and the person stays."""
        if not self.pending:
            return True
        answer = QMessageBox.question(self.dialog, CLOSE_TITLE, CLOSE_TEXT)
        return answer == QMessageBox.StandardButton.Yes


def rename_campaign(ws, actor_id: int, record, parent: QWidget | None = None) -> bool:
    """Ask for a campaign's new title and theme and store them over the version ``record`` shows;
    True when stored. When another PC renamed the campaign (or decided its theme) meanwhile, the
    dialog stays open with the typed title and theme under the conflict bar."""
    from wawaran_desktop.services.campaigns import THEME_LABEL, TITLE_LABEL
    from wawaran_desktop.views.campaign_dialog import CampaignDialog

    version = record.version
    shown = theirs = (record.title, record.theme)  # as shown, and as stored when refused
    theirs_version = version
    dialog: CampaignDialog

    def save(title: str, theme: str):
        nonlocal theirs, theirs_version
        try:
            return ws.campaigns.rename(actor_id, record.id, title, theme, version=version)
        except ConflictError as exc:
            stored = ws.campaigns.get(record.id)
            theirs, theirs_version = (stored.title, stored.theme), stored.version
            conflict.show(exc, mine, take_theirs, keep_mine,
                          {TITLE_LABEL: dialog.ui.titleEdit, THEME_LABEL: dialog.ui.themeEdit})
            raise ServiceError("Judul dan tema belum disimpan: pilih pada bar jingga di atas.") from None

    def merged() -> tuple[str, str]:
        """What keeping mine stores: the title or theme the person changed, the stored one
        (the other PC's) where they left it as it was."""
        typed = (dialog.ui.titleEdit.text(), dialog.ui.themeEdit.text())
        return tuple(t if t.strip() != s.strip() else o for t, s, o in zip(typed, shown, theirs))

    def mine() -> dict[str, str]:
        title, theme = merged()
        return {TITLE_LABEL: title.strip(), THEME_LABEL: theme.strip()}

    def take_theirs() -> None:
        nonlocal version, shown
        stored = ws.campaigns.get(record.id)
        version, shown = stored.version, (stored.title, stored.theme)
        dialog.ui.titleEdit.setText(stored.title)
        dialog.ui.themeEdit.setText(stored.theme)
        dialog.ui.errorLabel.hide()

    def keep_mine(_version: int) -> None:
        nonlocal version, shown
        title, theme = merged()
        version, shown = theirs_version, theirs
        dialog.ui.titleEdit.setText(title)
        dialog.ui.themeEdit.setText(theme)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    dialog = CampaignDialog(save, title=record.title, theme=record.theme, heading="Ubah Judul dan Tema",
                            parent=parent)
    conflict = DialogConflict(dialog)
    return bool(dialog.exec())
