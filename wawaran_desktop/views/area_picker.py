"""A kecamatan → kelurahan picker over Kota Tangerang's 13 kecamatan and 104 kelurahan.

Two combo boxes, each in alphabetical order: choosing a kecamatan refills the kelurahan list (with nothing chosen yet);
choosing a kelurahan emits :attr:`AreaPicker.chosen` with its Kemendagri code. Used by the
briefing's route and usable wherever a place in the city is picked (e.g. unplanned stops).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QSizePolicy, QWidget

from wawaran_desktop.services import wilayah

KECAMATAN_PROMPT = "— pilih kecamatan —"
KELURAHAN_PROMPT = "— pilih kelurahan —"


class AreaPicker(QWidget):
    chosen = Signal(str)  # a kelurahan code, chosen by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._areas = wilayah.load()
        self._layout = layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.kecamatan_combo = QComboBox(self)
        self.kecamatan_combo.setObjectName("kecamatanCombo")
        self.kecamatan_combo.setToolTip("Kecamatan di Kota Tangerang")
        self.kelurahan_combo = QComboBox(self)
        self.kelurahan_combo.setObjectName("kelurahanCombo")
        self.kelurahan_combo.setToolTip("Kelurahan di kecamatan yang dipilih")
        for combo in (self.kecamatan_combo, self.kelurahan_combo):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            layout.addWidget(combo, 1)
        self.kecamatan_combo.addItem(KECAMATAN_PROMPT, None)
        for area in _by_name(self._areas.kecamatan):  # alphabetical, as people look them up
            self.kecamatan_combo.addItem(area.name, area.code)
        self._fill_kelurahan(None)
        self.kecamatan_combo.currentIndexChanged.connect(self._kecamatan_changed)
        self.kelurahan_combo.activated.connect(self._kelurahan_activated)
        self.setFocusProxy(self.kecamatan_combo)

    def set_stacked(self, stacked: bool) -> None:
        """The kelurahan under the kecamatan (a narrow form) or beside it."""
        self._layout.setDirection(QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight)

    def code(self) -> str | None:
        """The chosen kelurahan code, or None while none is chosen."""
        return self.kelurahan_combo.currentData()

    def kecamatan(self) -> str | None:
        return self.kecamatan_combo.currentData()

    def set_code(self, code: str | None) -> None:
        """Show ``code`` (a kelurahan), or nothing chosen; emits nothing."""
        self.set_kecamatan(self._areas.kecamatan_of(code) if code else None)
        self.kelurahan_combo.setCurrentIndex(max(0, self.kelurahan_combo.findData(code)))

    def set_kecamatan(self, kecamatan: str | None) -> None:
        """Show ``kecamatan`` with no kelurahan chosen yet; emits nothing."""
        self.kecamatan_combo.blockSignals(True)
        self.kecamatan_combo.setCurrentIndex(max(0, self.kecamatan_combo.findData(kecamatan)))
        self.kecamatan_combo.blockSignals(False)
        self._fill_kelurahan(self.kecamatan_combo.currentData())

    def choose(self, code: str) -> None:
        """Pick ``code`` as the user would (both combos), emitting :attr:`chosen`."""
        self.kecamatan_combo.setCurrentIndex(self.kecamatan_combo.findData(self._areas.kecamatan_of(code)))
        index = self.kelurahan_combo.findData(code)
        if index < 0:
            raise ValueError(f"unknown kelurahan {code}")
        self.kelurahan_combo.setCurrentIndex(index)
        self.kelurahan_combo.activated.emit(index)

    def _kecamatan_changed(self, _index: int) -> None:
        self._fill_kelurahan(self.kecamatan_combo.currentData())

    def _fill_kelurahan(self, kecamatan: str | None) -> None:
        combo = self.kelurahan_combo
        combo.clear()
        combo.addItem(KELURAHAN_PROMPT, None)
        for area in _by_name(self._areas.kelurahan.get(kecamatan, ()) if kecamatan else ()):
            combo.addItem(area.name, area.code)
        combo.setEnabled(kecamatan is not None)

    def _kelurahan_activated(self, _index: int) -> None:
        code = self.code()
        if code is not None:
            self.chosen.emit(code)


def _by_name(areas) -> list[wilayah.Area]:
    """``areas`` in alphabetical order of their names (the reference data is in code order)."""
    return sorted(areas, key=lambda area: area.name.casefold())
