"""The route editor of the briefing panel (stage 2): the table of stops and the editor below it.

The editor adds a new stop, or — while a row is selected — changes that stop directly. Rows
move by drag and drop or with Naik/Turun; every move is stored through the service, which
keeps planned times in order. :class:`RouteEditor` is mixed into ``briefing.Panel``, which
owns the form (``ui``), the service, ``record``, ``_loading`` and ``_failures``; changes go through
its :meth:`~wawaran_desktop.views.stages.StagePanel.act`.

A change (or removal) of a stop names the stop's version the editor showed; when another PC
changed or removed it first, the editor keeps the person's values, marked, under the panel's
conflict bar: take theirs shows the stored stop, keep mine stores the person's over it (or,
when it was removed, adds it again at the end of the route). A move of a stop removed
meanwhile is refused with that message and the route as stored is shown.

A refresh of the route (a live refresh, another change stored) never overwrites a stop whose
values are being typed in the editor: they stay, based on the version the editor showed, and
are stored when the field is left — refused with the conflict bar when another PC changed or
removed that stop meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHeaderView, QMessageBox

from wawaran_desktop.qtmodels.locations import COL_ADDRESS, COL_AREA, COL_NO, COL_TIME, LocationTableModel
from wawaran_desktop.services import wilayah
from wawaran_desktop.services.errors import ConflictError, ServiceError, ValidationError
from wawaran_desktop.services.stages.briefing import LocationRecord
from wawaran_desktop.services.stages.locations import ADDRESS_LABEL, AREA_LABEL, TIME_LABEL
from wawaran_desktop.views.responsive import on_resize
from wawaran_desktop.views.stages.split_row import SplitRow

NEXT_STOP_MINUTES = 30
STACK_PICKER_BELOW = 480  # below this width the route page takes its narrow arrangement


class RouteEditor:
    """The locations sub-tab of the briefing panel: a mixin of that :class:`StagePanel`."""

    def _setup_route(self) -> None:
        """Set up the table and the editor and connect them; called once by the panel."""
        ui = self.ui
        self._editing: LocationRecord | None = None  # the stop in the route editor (None: a new one)
        self._stop_pending = False  # the editor holds a change to that stop the service refused
        self.model = LocationTableModel(self)
        table = ui.locationsTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        for column, mode in ((COL_NO, QHeaderView.ResizeMode.ResizeToContents),
                             (COL_AREA, QHeaderView.ResizeMode.Interactive),
                             (COL_ADDRESS, QHeaderView.ResizeMode.Stretch),
                             (COL_TIME, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        table.setColumnWidth(COL_AREA, 190)
        table.verticalHeader().setDefaultSectionSize(22)
        table.selectionModel().selectionChanged.connect(lambda *_a: self._row_selected())
        self.model.move_requested.connect(self._move)
        ui.areaPicker.chosen.connect(lambda _code: self._stop_edited())
        ui.addressEdit.editingFinished.connect(self._stop_edited)
        ui.addressEdit.returnPressed.connect(lambda: self._add_stop() if self._editing is None else None)
        ui.timeEdit.timeChanged.connect(lambda _t: self._stop_edited())
        ui.addButton.clicked.connect(self._add_stop)
        ui.newButton.clicked.connect(lambda: table.clearSelection())
        ui.removeButton.clicked.connect(self._remove_stop)
        ui.upButton.clicked.connect(lambda: self._step(-1))
        ui.downButton.clicked.connect(lambda: self._step(+1))
        self._show_editor(None)
        # Narrow room (150% scaling): the kelurahan under the kecamatan, Naik/Turun on a row of their own.
        self._route_row = SplitRow(ui.locationsLayout, ui.routeButtons, [ui.upButton, ui.downButton])
        on_resize(ui.locationsScroll, self._fit_route_editor)

    def _fit_route_editor(self, size) -> None:
        narrow = size.width() < STACK_PICKER_BELOW
        self.ui.areaPicker.set_stacked(narrow)
        self._route_row.set_split(narrow)

    def _show_route(self, stops: list[LocationRecord], select_id: int | None) -> None:
        if self.record is not None:
            self.record = self.record._replace(locations=tuple(stops))
        self.model.set_rows(stops)
        row = self.model.row_of(select_id) if select_id is not None else -1
        if row >= 0:
            self.ui.locationsTable.selectRow(row)
        elif self._editing is not None and select_id == self._editing.id and self._stop_typed():
            pass  # removed meanwhile while its values were being typed: they stay (leaving the field asks)
        else:
            self._row_selected()

    def _stop_typed(self) -> bool:
        """The editor holds values for the stop it shows that are not stored: a refused change,
        or one still being typed (stored when the field is left)."""
        stop = self._editing
        if stop is None:
            return False
        if self._stop_pending:
            return True
        code, address, when = self._editor_values()
        return (code, address, when) != (stop.kelurahan_code, stop.address, stop.planned_time or "00:00")

    def _row_selected(self) -> None:
        rows = self.ui.locationsTable.selectionModel().selectedRows()
        stop = self.model.record(rows[0].row()) if rows else None
        if stop is not None and self._editing is not None and stop.id == self._editing.id and self._stop_typed():
            # The same stop after a reload: what is typed (or was refused) stays, based on the
            # version the editor showed; only its place in the route follows.
            self._editing = self._editing._replace(position=stop.position)
            self._show_buttons(stop)
            return
        if self._stop_pending and self.in_conflict:
            return  # another PC changed or removed the stop: the person's values stay until they choose
        self._stop_pending = False
        self._show_editor(stop)

    def _show_editor(self, stop: LocationRecord | None) -> None:
        ui = self.ui
        self._loading = True
        try:
            if stop is not None:
                ui.areaPicker.set_code(stop.kelurahan_code)
                ui.addressEdit.setText(stop.address)
                ui.timeEdit.setTime(QTime.fromString(stop.planned_time or "00:00", "HH:mm"))
            elif self._editing is not None:  # leaving an existing stop: start a new one afresh
                self._reset_editor()
        finally:
            self._loading = False
        self._editing = stop
        self._show_buttons(stop)

    def _show_buttons(self, stop: LocationRecord | None) -> None:
        """The editor's title and buttons for ``stop`` (None: a new one)."""
        ui = self.ui
        new = stop is None
        count, row = self.model.rowCount(), (stop.position if stop else -1)
        ui.editorLabel.setText("Lokasi baru — isi lalu klik Tambah" if new else
                               f"Lokasi {stop.number} — perubahan langsung tersimpan")
        ui.addButton.setEnabled(new)
        ui.newButton.setEnabled(not new)
        ui.removeButton.setEnabled(not new)
        ui.upButton.setEnabled(not new and row > 0)
        ui.downButton.setEnabled(not new and row < count - 1)

    def _reset_editor(self) -> None:
        loading, self._loading = self._loading, True
        self.ui.areaPicker.set_code(None)
        self.ui.addressEdit.clear()
        self.ui.timeEdit.setTime(self._next_time())
        self._loading = loading

    def _next_time(self) -> QTime:
        """A proposal for a new stop: half an hour after the last planned one (09.00 for the first)."""
        times = [s.planned_time for s in (self.record.locations if self.record else ()) if s.planned_time]
        if not times:
            return QTime(9, 0)
        last = QTime.fromString(times[-1], "HH:mm")
        later = last.addSecs(NEXT_STOP_MINUTES * 60)
        return later if later > last else QTime(23, 59)

    def _editor_values(self) -> tuple[str | None, str, str]:
        return (self.ui.areaPicker.code(), self.ui.addressEdit.text(), self.ui.timeEdit.time().toString("HH:mm"))

    def _route_action(self, action: Callable[[int, int], object],
                      select: Callable[[object], int | None],
                      conflicted: Callable[[ConflictError], object] | None = None) -> bool | None:
        """Run a route change; show what is stored afterwards, or the refusal.

        True when stored, False when refused (the reason is shown), None when nobody is acting.
        A change another PC overtook is refused by default with its reason and the route as
        stored now (``conflicted`` otherwise).
        """
        if self.campaign is None:
            return False
        cid = self.campaign.id
        ok, result = self.act(lambda actor: action(actor, cid), self._route_refused,
                              conflicted or self._route_overtaken)
        if not ok:
            return ok
        self.show_error(None, self.ui.locationsError)
        self._show_route(self.service.locations(self.campaign.id), select(result))
        return True

    def _route_refused(self, exc: ServiceError) -> None:
        self.show_error(exc, self.ui.locationsError)
        if isinstance(exc, ValidationError):
            {"kelurahan": self.ui.areaPicker, "address": self.ui.addressEdit}.get(
                exc.field, self.ui.locationsTable).setFocus()

    def _route_overtaken(self, exc: ConflictError) -> None:
        self.show_error(exc, self.ui.locationsError)
        if self.campaign is not None:
            self._show_route(self.service.locations(self.campaign.id), self._editing.id if self._editing else None)

    def _stop_conflicted(self, exc: ConflictError) -> None:
        """Another PC changed (or removed) the stop in the editor first: keep the person's values."""
        ui = self.ui

        def mine() -> dict[str, str]:
            code, address, when = self._editor_values()
            areas = wilayah.load()
            area = (f"Kel. {areas.names.get(code, code)}, Kec. {areas.names.get(areas.kecamatan_of(code), '?')}"
                    if code else "")
            return {AREA_LABEL: area, ADDRESS_LABEL: address.strip(), TIME_LABEL: when.replace(":", ".")}

        self.show_error(None, ui.locationsError)
        self.conflict_bar.show_conflict(exc, mine, self._stop_take_theirs, self._stop_keep_mine,
                                        ui.areaPicker, ui.addressEdit, ui.timeEdit)

    def _stop_take_theirs(self) -> None:
        self._stop_pending = False
        if self.campaign is not None:
            stop = self._editing
            self._show_editor(None)  # the person's values go; the stored stop (if any) is shown below
            self._show_route(self.service.locations(self.campaign.id), stop.id if stop else None)
            if stop is not None and self.model.row_of(stop.id) >= 0:
                self._show_editor(self.model.record(self.model.row_of(stop.id)))

    def _stop_keep_mine(self, version: int) -> None:
        """Store the editor's values over the stored ``version`` (0: the stop was removed:
        it is added again, at the end of the route)."""
        stop = self._editing
        if stop is None:
            return
        if version == 0:
            self._stop_pending = False
            self._editing = None
            code, address, when = self._editor_values()
            self._route_action(lambda actor, cid: self.service.add_location(actor, cid, code or "", address, when),
                               lambda added: added.id)
            return
        self._editing = stop._replace(version=version)
        self._stop_edited()

    def _add_stop(self) -> None:
        if self._store_new_stop():
            self.ui.areaPicker.setFocus()

    def _store_new_stop(self) -> bool | None:
        """Add the stop in the new-stop editor; True when added, as :meth:`_route_action` otherwise."""
        code, address, when = self._editor_values()
        stored = self._route_action(
            lambda actor, cid: self.service.add_location(actor, cid, code or "", address, when), lambda _stop: None)
        if stored:
            self._loading = True  # ready for the next stop, likely in the same kecamatan
            self.ui.areaPicker.set_kecamatan(self.ui.areaPicker.kecamatan())
            self.ui.addressEdit.clear()
            self.ui.timeEdit.setTime(self._next_time())
            self._loading = False
        return stored

    def _flush_new_stop(self) -> bool | None:
        """A new stop left in the editor: added when its kelurahan is chosen; with only an
        address typed, the user is asked to finish or clear it. An empty editor (a kecamatan
        alone is kept for the next stop, the time is only a proposal) has nothing to store."""
        if self._editing is not None or self.campaign is None or not self._editable:
            return True
        code, address, _when = self._editor_values()
        if code is None and not address.strip():
            return True
        if code is None:
            message = (f"Lokasi baru \"{address.strip()}\" belum ditambahkan ke rute: pilih kecamatan dan "
                       "kelurahannya lalu klik Tambah, atau kosongkan alamatnya.")
            self.show_error(message, self.ui.locationsError)
            self._failures.append(message)
            return False
        stored = self._store_new_stop()
        if stored is False:
            self._failures.append(f"Lokasi baru belum ditambahkan ke rute: {self.ui.locationsError.text()}")
        return stored

    def _stop_edited(self) -> bool | None:
        stop = self._editing
        if self._loading or stop is None:
            return True
        code, address, when = self._editor_values()
        if (code, address.strip(), when) == (stop.kelurahan_code, stop.address, stop.planned_time):
            self._stop_pending = False  # back to what the editor showed: nothing of the person's to store
            self.show_error(None, self.ui.locationsError)
            row = self.model.row_of(stop.id)
            if row < 0 or self.model.record(row).version != stop.version:  # a refresh kept the typing over
                self._show_editor(self.model.record(row) if row >= 0 else None)  # what is stored now
            return True
        if code is None:  # a kecamatan without its kelurahan yet: nothing to store
            return True
        self._stop_pending = True
        stored = self._route_action(
            lambda actor, cid: self.service.update_location(actor, cid, stop.id, code, address, when,
                                                            version=stop.version),
            lambda changed: changed.id, self._stop_conflicted)
        if stored:
            self._stop_pending = False
            self._show_editor(self.model.record(self.model.row_of(stop.id)))
        elif stored is False:
            self._failures.append(self.ui.locationsError.text())
        return stored

    def _remove_stop(self) -> None:
        stop = self._editing
        if stop is None or QMessageBox.question(
                self, "Hapus lokasi", f"Hapus lokasi {stop.number} ({stop.area}) dari rute?") \
                != QMessageBox.StandardButton.Yes:
            return
        self._stop_pending = False
        self._route_action(lambda actor, cid: self.service.remove_location(actor, cid, stop.id, version=stop.version),
                           lambda _r: None)

    def _step(self, offset: int) -> None:
        if self._editing is not None:
            self._move(self._editing.id, self._editing.position + offset)

    def _move(self, location_id: int, position: int) -> None:
        self._route_action(lambda actor, cid: self.service.move_location(actor, cid, location_id, position),
                           lambda _r: location_id)
