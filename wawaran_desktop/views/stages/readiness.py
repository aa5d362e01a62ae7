"""Stage 6 panel: the completeness checklist, flyers count and crew, through services/stages/readiness.py.

Items the checker decides carry a check box; computed items show why they are open. A note
is written in the third column (double-click, F2 or a click on the selected row).

Saves name the version they were based on (the counts and crew one, each item's row its
own). When another PC saved first: a typed note or flyers count stays on screen, marked,
under the conflict bar (compare, take theirs, keep mine); a choice stored at once (a tick, the
driver or announcer) shows what the other PC stored and says so in the red line under the form.
A choice made while the bar waits is stored at once and the typing stays; keeping mine then
stores it over the record as it is now, the choice made here included. A live refresh keeps a
note still open in its cell editor, based on the version it was typed over.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QTreeWidgetItem,
)

from wawaran_desktop.forms.ui_stage_readiness import Ui_ReadinessPanel
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.lanes import OutsideLane
from wawaran_desktop.services.records import CampaignRecord, StaffRecord
from wawaran_desktop.services.stages.readiness import (
    DRIVER_LANE,
    KELENGKAPAN_PREFIX,
    NOTE_MAX,
    CheckItem,
    ReadinessRecord,
    Service,
)
from wawaran_desktop.views import feedback
from wawaran_desktop.views.staff_choice import fill_staff_combo
from wawaran_desktop.views.responsive import on_resize
from wawaran_desktop.views.stages import StagePanel

COL_LABEL, COL_STATE, COL_NOTE = 0, 1, 2
NARROW_BELOW = 460  # below this width of the form the crew fields take one row each
KEY_ROLE = Qt.ItemDataRole.UserRole
COLOURS = {True: "#1b5e20", False: "#b71c1c"}  # done, open
CREW_LANES = {"driver": (DRIVER_LANE,), "announcer": (DRIVER_LANE, "tim")}


class _NoteDelegate(QStyledItemDelegate):
    """Only the note column is edited, as one line of at most NOTE_MAX characters."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt override)
        if index.column() != COL_NOTE:
            return None
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(NOTE_MAX)
        return editor


class Panel(StagePanel):
    form, service_class = Ui_ReadinessPanel, Service
    ui: Ui_ReadinessPanel

    def setup(self) -> None:
        ui = self.ui
        self._narrow = False
        on_resize(ui.scrollArea, self._fit)  # the crew on one row, or one field a row when narrow
        self.record: ReadinessRecord | None = None
        self._staff: list[StaffRecord] = []
        self._rows: dict[str, QTreeWidgetItem] = {}
        self._based: dict[tuple[str, str | None], int] = {}  # versions typing kept over a reload was based on
        self._conflict_on: tuple[str, str | None] | None = None  # the record the bar is about
        self._moved: dict[int, int] = {}  # its versions moved on by this PC's own saves while the bar waits
        tree = ui.checklistTree
        tree.setItemDelegate(_NoteDelegate(tree))
        tree.header().resizeSection(COL_LABEL, 215)
        tree.header().resizeSection(COL_STATE, 215)
        ui.errorLabel.hide()
        tree.itemChanged.connect(self._item_changed)
        ui.flyersSpin.valueChanged.connect(self._flyers_changed)
        ui.confirmLocationsButton.clicked.connect(self._confirm_locations)
        ui.driverCombo.activated.connect(lambda _i: self._crew_changed("driver"))
        ui.announcerCombo.activated.connect(lambda _i: self._crew_changed("announcer"))

    def set_editable(self, editable: bool) -> None:
        """Read-only still scrolls: only the fields are disabled."""
        self.ui.scrollContents.setEnabled(editable)

    # -- showing ------------------------------------------------------------------------
    def _fit(self, size: QSize) -> None:
        """Flyers, the locations button, driver and announcer: two pairs a row, or below
        NARROW_BELOW pixels (150% scaling) one a row."""
        narrow = size.width() < NARROW_BELOW
        if narrow == self._narrow:
            return
        self._narrow = narrow
        ui, grid = self.ui, self.ui.controlsLayout
        widgets = (ui.flyersCaption, ui.flyersSpin, ui.confirmLocationsButton, ui.driverCaption, ui.driverCombo,
                   ui.announcerCaption, ui.announcerCombo)
        for widget in widgets:
            grid.removeWidget(widget)
        if narrow:
            places = ((0, 0, 1), (0, 1, 1), (1, 1, 1), (2, 0, 1), (2, 1, 1), (3, 0, 1), (3, 1, 1))
        else:
            places = ((0, 0, 1), (0, 1, 1), (0, 2, 2), (1, 0, 1), (1, 1, 1), (1, 2, 1), (1, 3, 1))
        for widget, (row, column, span) in zip(widgets, places):
            grid.addWidget(widget, row, column, 1, span)

    def load(self, campaign: CampaignRecord) -> None:
        same = self.campaign is not None and self.campaign.id == campaign.id
        if not same:
            self.show_error(None)
            self.clear_conflict()
        else:  # a note still in its cell editor is typing too: on the row, not stored yet
            self._commit_note_editor(close=False)
        super().load(campaign)
        self._staff = self.ws.staff.list()
        self._show(self.service.get(campaign.id), keep_typed=same)  # a reload never throws typing away

    def _show(self, record: ReadinessRecord, keep_typed: bool = False) -> None:
        """Show ``record``; with ``keep_typed``, a count or note typed but not stored stays."""
        typed = self._typed() if keep_typed else {}
        read = self.record
        if read is not None:  # typing kept over a reload is still based on the version it was typed over
            self._based = {which: self._based.get(which, self._version_of(read, which)) for which in typed}
        else:
            self._based = {}
        self.record = record
        ui = self.ui
        self._loading = True
        try:
            if list(self._rows) != [item.key for item in record.items]:
                ui.checklistTree.clear()
                self._rows = {item.key: QTreeWidgetItem(ui.checklistTree) for item in record.items}
            for item in record.items:  # a typed note is written once (an open cell editor keeps its cursor)
                self._fill_row(self._rows[item.key], item, typed.get(("note", item.key)))
            ui.flyersSpin.setValue(-1 if record.flyers_count is None else record.flyers_count)
            self._fill_crew(ui.driverCombo, "driver", record.driver)
            self._fill_crew(ui.announcerCombo, "announcer", record.announcer)
            ui.confirmLocationsButton.setEnabled(record.locations_open > 0)
            done = len(record.items) - len(record.open_items)
            ui.summaryLabel.setText(f"{done} dari {len(record.items)} butir lengkap"
                                    + (". " if record.open_items else " — siap berangkat. ")
                                    + "<span style='color:#5f6368; font-weight:normal'>Butir miring "
                                      "terisi otomatis dari tahap lain.</span>")
            ui.summaryLabel.setStyleSheet(f"color: {COLOURS[not record.open_items]}; font-weight: bold;")
            if ("count", None) in typed:
                value = typed[("count", None)]
                ui.flyersSpin.setValue(-1 if value is None else value)
        finally:
            self._loading = False

    @staticmethod
    def _version_of(record: ReadinessRecord, which: tuple[str, str | None]) -> int:
        kind, key = which
        return record.version if kind == "count" else record.item(key).version

    def _typed(self) -> dict[tuple[str, str | None], object]:
        """What is on screen but not stored: the flyers count and notes, by (kind, item key)."""
        if self.record is None:
            return {}
        typed: dict[tuple[str, str | None], object] = {}
        value = self.ui.flyersSpin.value()
        count = None if value < 0 else value
        if count != self.record.flyers_count:
            typed[("count", None)] = count
        for item in self.record.items:
            row = self._rows.get(item.key)
            if row is not None and row.text(COL_NOTE) != item.note:
                typed[("note", item.key)] = row.text(COL_NOTE)
        return typed

    def _fill_row(self, row: QTreeWidgetItem, item: CheckItem, typed_note: str | None = None) -> None:
        """Show ``item`` in ``row``; ``typed_note``: a note typed but not stored, shown instead of the stored one."""
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        if not item.computed:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        row.setFlags(flags)
        row.setData(COL_LABEL, KEY_ROLE, item.key)
        row.setText(COL_LABEL, item.label)
        font = row.font(COL_LABEL)
        font.setItalic(item.computed)
        row.setFont(COL_LABEL, font)
        if not item.computed:
            row.setCheckState(COL_LABEL, Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
        how = "dihitung otomatis dari isian tahap lain" if item.computed else "dicentang oleh pemeriksa"
        row.setToolTip(COL_LABEL, f"{item.label}\nCara: {how}")
        shown = f"oleh {item.checked_by_name}" if item.done and not item.computed else item.detail
        row.setText(COL_STATE, f"{'✔' if item.done else '✘'} {shown}")
        row.setToolTip(COL_STATE, item.detail)
        row.setForeground(COL_STATE, QBrush(QColor(COLOURS[item.done])))
        note = item.note if typed_note is None else typed_note
        if row.text(COL_NOTE) != note:
            row.setText(COL_NOTE, note)
        row.setToolTip(COL_NOTE, item.note or "Klik dua kali untuk menulis catatan")

    def _fill_crew(self, combo, role: str, current: StaffRecord | None) -> None:
        lanes = CREW_LANES[role]
        fill_staff_combo(combo, self._staff, current.id if current is not None else None, "— belum ditugaskan —",
                         order=lambda s: (s.lane not in lanes, lanes.index(s.lane) if s.lane in lanes else 0, s.name))

    # -- storing --------------------------------------------------------------------------
    def _run(self, action: Callable[[int], object], emit: bool = False, typed: bool = False) -> bool | None:
        """Run ``action(actor)``; show a refusal and what is really stored. As :meth:`act`:
        True when stored, False when refused, None when nobody is acting. When another PC
        saved first, what is typed stays: under the conflict bar when ``action`` stored
        typing, else (a choice) with the message under the form."""
        if self.campaign is None:
            return False
        conflict: list[ConflictError] = []
        outside: list[OutsideLane] = []

        def run(actor: int) -> object:
            try:
                return action(actor)
            except OutsideLane as exc:  # who acts, not what was typed: the typing stays
                outside.append(exc)
                raise

        ok, result = self.act(run, conflicted=conflict.append)
        if not ok:
            # Refused: what is stored. Nobody acting or acting outside the step's lanes (the
            # user has been told why), or a choice refused: the unstored choice goes back, the
            # typing stays.
            if outside:
                self.show_error(outside[-1])  # (an administrator who gave no reason was asked, not told)
            self._show(self.service.get(self.campaign.id),
                       keep_typed=ok is None or bool(conflict) or bool(outside) or not typed)
            if conflict and typed:
                self._conflicted(conflict[0])
            elif conflict:
                self.show_error(f"{conflict[0]} Yang tampil kini versi tersimpan; pilih lagi bila perlu.")
            return ok
        self.show_error(None)
        record = result if isinstance(result, ReadinessRecord) else self.service.get(self.campaign.id)
        if self.in_conflict and self._conflict_on is not None and self.record is not None:
            # A choice stored here while the bar waits (e.g. the driver, over the flyers count
            # the bar is about) moves that record on: keeping mine stores over it, not over
            # an older version of this PC's own making.
            before, after = (self._version_of(r, self._conflict_on) for r in (self.record, record))
            if after != before:
                self._moved[before] = after
        self._show(record, keep_typed=True)  # what is typed and not stored yet (under the bar or not) stays
        if emit:
            self.changed.emit()  # the stage tab's own list or the briefing's locations show it too
        return True

    def _item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if self._loading or self.campaign is None:
            return
        key, cid = row.data(COL_LABEL, KEY_ROLE), self.campaign.id
        version = self.record.item(key).version
        if column == COL_LABEL and row.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = row.checkState(COL_LABEL) == Qt.CheckState.Checked
            self._run(lambda actor: self.service.set_item(actor, cid, key, checked, version=version),
                      emit=key.startswith(KELENGKAPAN_PREFIX))
        elif column == COL_NOTE and not self.in_conflict:  # else: stored once the person has chosen
            note = row.text(COL_NOTE)
            if note != self.record.item(key).note:
                version = self._based.get(("note", key), version)
                self._run(lambda actor: self.service.set_note(actor, cid, key, note, version=version), typed=True)

    def _flyers_changed(self, value: int) -> None:
        if self._loading or self.campaign is None:
            return
        count = None if value < 0 else value
        if count != self.record.flyers_count and not self.in_conflict:
            cid, version = self.campaign.id, self._based.get(("count", None), self.record.version)
            self._run(lambda actor: self.service.set_flyers(actor, cid, count, version=version), typed=True)

    def _crew_changed(self, role: str) -> None:
        if self.campaign is None:
            return
        combo = self.ui.driverCombo if role == "driver" else self.ui.announcerCombo
        staff_id, cid, version = combo.currentData(), self.campaign.id, self.record.version
        setter = self.service.set_driver if role == "driver" else self.service.set_announcer
        self._run(lambda actor: setter(actor, cid, staff_id, version=version))

    def _confirm_locations(self) -> None:
        if self.campaign is not None:
            cid = self.campaign.id
            self._run(lambda actor: self.service.confirm_locations(actor, cid), emit=True)

    def flush(self) -> bool:
        """Store a note being edited, a count being typed and whatever typing is still
        unstored (e.g. from while nobody was acting). False when nothing could be stored."""
        self._commit_note_editor(close=True)
        loading, self._loading = self._loading, True  # the typing is stored below, in one go
        try:
            self.ui.flyersSpin.interpretText()
        finally:
            self._loading = loading
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        return self._store_typed()

    def _commit_note_editor(self, close: bool) -> None:
        """Put the text of a note cell editor still open on its row, without storing it (it
        is then typing :meth:`_typed` sees); with ``close``, the editor is closed too."""
        tree = self.ui.checklistTree
        editor = QApplication.focusWidget()
        if not (isinstance(editor, QLineEdit) and editor.parent() is tree.viewport()):
            editor = next((e for e in tree.viewport().findChildren(QLineEdit) if not e.isHidden()), None)
        if editor is None:
            return
        loading, self._loading = self._loading, True
        try:
            tree.commitData(editor)
            if close:
                tree.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        finally:
            self._loading = loading

    def _store_typed(self, versions: dict[tuple[str, str | None], int] | None = None, warn: bool = True) -> bool:
        """Store what is typed but not stored, each over the version it was based on (or the
        one ``versions`` names). False when refused."""
        typed = self._typed()
        if not typed or self.campaign is None:
            return True
        cid, read = self.campaign.id, self.record
        based = {which: self._based.get(which, self._version_of(read, which)) for which in typed}
        based.update(versions or {})

        def store(actor: int) -> ReadinessRecord:
            record = self.record
            for (kind, key), value in typed.items():
                version = based[(kind, key)]
                record = (self.service.set_flyers(actor, cid, value, version=version) if kind == "count"
                          else self.service.set_note(actor, cid, key, value, version=version))
            return record

        stored = self._run(store, typed=True)
        if stored is False and warn and not self.in_conflict:
            feedback.warn(self, self.ui.errorLabel.text(), "Pengecekan belum tersimpan")
        return bool(stored)  # not when refused, or nobody is acting (the user has been told; the typing stays)

    # -- another PC saved first -----------------------------------------------------------
    def _conflicted(self, error: ConflictError) -> None:
        """A typed note or count was refused: it stays (as :meth:`_run` showed), marked; the
        bar lets the person choose. ``error.theirs`` names which record it was."""
        count = "Jumlah flyers" in error.theirs
        note = next((label for label in error.theirs if label.startswith("Catatan: ")), None)
        key = next((item.key for item in self.record.items if note == f"Catatan: {item.label}"), None)
        fields = [self.ui.flyersSpin] if count else [self.ui.checklistTree]
        which = ("count", None) if count else ("note", key)
        self._conflict_on, self._moved = which, {}
        self.conflict_bar.show_conflict(error, self._mine, self._take_theirs,
                                        lambda version: self._keep_mine(which, version), *fields)

    def _mine(self) -> dict[str, str]:
        """What *Tetap pakai milik saya* would store, by label: the stored values with the typing."""
        error = self.conflict_bar.error
        mine = dict(error.theirs) if error is not None else {}
        for (kind, key), value in self._typed().items():
            if kind == "count":
                mine["Jumlah flyers"] = "" if value is None else str(value)
            else:
                item = self.record.item(key)
                label = f"Catatan: {item.label}"
                if label in mine:
                    mine[label] = value
        return mine

    def _take_theirs(self) -> None:
        self._conflict_on, self._moved = None, {}
        if self.campaign is not None:
            self.show_error(None)
            self._show(self.service.get(self.campaign.id))

    def _keep_mine(self, which: tuple[str, str | None], version: int) -> None:
        """Store the typing over the stored ``version`` of the record that refused it — or
        the version this PC's own choices made meanwhile moved it on to (another PC's
        change after those is refused again, with its own bar)."""
        while version in self._moved:
            version = self._moved.pop(version)
        self._conflict_on, self._moved = None, {}
        if self.campaign is not None:
            self._store_typed({which: version})
