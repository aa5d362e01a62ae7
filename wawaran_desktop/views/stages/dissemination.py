"""Stage 7 panel: the route, with Tiba/Berangkat stamps, counts, notes and photos per stop.

Every change of a stop names the version of the stop it was based on. When another PC
changed (or removed) the stop first, the edited times, counts and notes stay in the form,
marked, under the conflict bar; *Tetap pakai milik saya* stores the fields the person changed
over the other PC's version. A button (Tiba, Berangkat, Kosongkan waktu, Hapus) refused that
way shows the route as stored and says why under the table.

While the route is still empty it takes the briefing's locations by itself when the tab is
shown, as an edit of the person acting if they may change the route (services:
``take_briefing``); to anyone else the briefing's locations are shown, not stored. The
warning that the route no longer follows the briefing is only for a briefing changed after the
route was taken (issue 15). A refused time or count is tried again a moment after each change
of the field, so a corrected value clears its message without leaving the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QModelIndex, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDateTimeEdit, QHeaderView, QMessageBox

from wawaran_desktop.forms.ui_stage_dissemination import Ui_DisseminationPanel
from wawaran_desktop.qtmodels.route_stops import RouteStopsModel
from wawaran_desktop.text import durations
from wawaran_desktop.services.errors import ConflictError, ServiceError, ValidationError
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus
from wawaran_desktop.services.stages.dissemination import RouteRecord, Service, StopRecord, labelled, totals_of
from wawaran_desktop.views.responsive import on_resize, stretch_with_floor
from wawaran_desktop.views.stages import StagePanel
from wawaran_desktop.views.stages.dissemination_layout import StopFormArrangement
from wawaran_desktop.views.stages.route_photos import choose_photos, open_photo, selected_photo_id, show_photos
from wawaran_desktop.views.stages.unplanned_stop import UnplannedStopBox
from wawaran_desktop.views.status_style import chip_style
from wawaran_desktop.text.formatting import thousands
from wawaran_desktop.views.wib_time import WIB_ZONE, from_qdatetime, to_qdatetime

#: The stops table's place column is never narrower than this (the table scrolls sideways instead).
PLACE_FLOOR = 150
EMPTY_TIME = QDateTime.fromSecsSinceEpoch(946_684_800, WIB_ZONE)  # shown as "—": no time recorded
SYNC_TEXT = "Rute belum mengikuti daftar lokasi tahap Briefing (lokasi, alamat atau urutannya berubah)."
PREVIEW_TEXT = ("Lokasi dari tahap Briefing, belum tersimpan sebagai rute: rute diambil dari daftar ini saat "
                "pelaksana tahap Diseminasi membuka tab ini setelah tahap Briefing selesai.")
EMPTY_TEXT = "Belum ada lokasi: isi lokasi pada tahap 2 (Briefing) atau tambahkan lokasi tak terencana."


class Panel(StagePanel):
    form, service_class = Ui_DisseminationPanel, Service
    ui: Ui_DisseminationPanel

    def setup(self) -> None:
        ui = self.ui
        self.route: RouteRecord | None = None
        self.stop: StopRecord | None = None  # the selected stop, as stored
        self._editable = True
        self._preview = False  # the table shows the briefing's locations, not a stored route
        self.model = RouteStopsModel(self)
        ui.stopsTable.setModel(self.model)
        header = ui.stopsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stretch_with_floor(ui.stopsTable, 1, PLACE_FLOOR)  # the place: read first, never cut to "…"
        ui.stopsTable.selectionModel().currentRowChanged.connect(self._row_changed)
        for edit in (ui.arrivedEdit, ui.departedEdit):
            edit.setTimeZone(WIB_ZONE)
            edit.setMinimumDateTime(EMPTY_TIME)
            edit.setSpecialValueText("—")
            edit.editingFinished.connect(self._flush_stop)
        ui.flyersSpin.editingFinished.connect(self._flush_stop)
        ui.audienceSpin.editingFinished.connect(self._flush_stop)
        self._autosave = self.autosave(self._flush_stop, ui.notesEdit)
        for edit in (ui.arrivedEdit, ui.departedEdit):  # a corrected value clears its refusal
            edit.dateTimeChanged.connect(self._retry_soon)
        for spin in (ui.flyersSpin, ui.audienceSpin):
            spin.valueChanged.connect(self._retry_soon)
        ui.arriveButton.clicked.connect(lambda: self._stamp(self.service.arrive))
        ui.departButton.clicked.connect(lambda: self._stamp(self.service.depart))
        ui.clearTimesButton.clicked.connect(self._clear_times)
        ui.syncButton.clicked.connect(self._sync)
        self.add_box = UnplannedStopBox(ui, self._add_stop, self)
        ui.removeStopButton.clicked.connect(self._remove_stop)
        ui.addPhotoButton.clicked.connect(self._choose_photos)
        ui.removePhotoButton.clicked.connect(self._remove_photo)
        ui.photoList.itemDoubleClicked.connect(open_photo)
        ui.photoList.itemSelectionChanged.connect(self._update_buttons)
        ui.syncFrame.hide()
        ui.errorLabel.hide()
        self.arrangement = StopFormArrangement(ui)  # two fields a row, or one when the room is narrow
        on_resize(ui.scrollArea, self.arrangement.fit)

    # -- loading --------------------------------------------------------------------------
    def load(self, campaign: CampaignRecord) -> None:
        same = self.campaign is not None and self.campaign.id == campaign.id
        keep_form = same and not self._flush_stop()  # a refused value stays on screen to be corrected
        if not same:
            self.ui.addStopButton.setChecked(False)
            self.ui.errorLabel.hide()
            self.clear_conflict()
        first = self.campaign is None  # built just now, as its tab is brought up
        super().load(campaign)
        self.reload(self.stop.id if same and self.stop else None, keep_form=keep_form)
        if first:
            self._take_if_shown()
        elif not same:  # another campaign: taken only if this tab is still the one shown once the
            QTimer.singleShot(0, self, self._take_if_shown)  # window has gone to its current stage

    def reload(self, select_id: int | None = None, keep_form: bool = False) -> None:
        """Read the route again and select ``select_id`` (or the first stop)."""
        assert self.campaign is not None
        self.route = route = self.service.route(self.campaign.id)
        stops = route.stops
        self._preview = not stops and self.campaign.status is not CampaignStatus.CANCELLED
        if self._preview:  # shown, not stored: the route is taken by whoever may change it
            stops = self.service.planned_stops(self.campaign.id)
            self._preview = bool(stops)
        self._loading = True
        try:
            self.model.set_rows(list(stops))
            row = self.model.row_of(select_id) if select_id is not None else -1
            if row < 0 and stops:
                row = 0
            if row >= 0:
                self.ui.stopsTable.selectRow(row)
        finally:
            self._loading = False
        self._show_sync()
        if not keep_form:
            self._show_stop(stops[row] if row >= 0 else None)
        self._show_totals()

    def _take_briefing(self) -> RouteRecord | None:
        """An empty route takes the briefing's locations, stored as the acting person's edit when
        they may change the route (no override is asked for: anyone else is shown them)."""
        if self.campaign is None or not self._editable:
            return None
        actor = self.actor()
        if actor is None or not self.service.may_edit(actor, self.campaign.id):
            return None
        ok, route = self.act(lambda a: self.service.take_briefing(a, self.campaign.id), self._error)
        return route if ok else None

    def _show_sync(self) -> None:
        """Offer "sync" while the taken route no longer follows the briefing (locations, places,
        order); an empty route is no route behind the briefing but one not taken yet."""
        if self.campaign is None or self.route is None:
            return
        cancelled = self.campaign.status is CampaignStatus.CANCELLED
        taken = bool(self.route.stops)
        behind = taken and not cancelled and not self.service.in_sync(self.campaign.id)
        self.ui.syncLabel.setText(SYNC_TEXT if behind else PREVIEW_TEXT if self._preview else EMPTY_TEXT)
        self.ui.syncButton.setVisible(behind)
        self.ui.syncFrame.setVisible(behind or not taken)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """The briefing may have changed its locations meanwhile (it does not reload this tab);
        an empty route takes them now, as the person bringing the tab up."""
        super().showEvent(event)
        if self.campaign is not None and self.route is not None and not self.route.stops:
            if self._flush_stop():
                self._take_briefing()
                self.reload()  # what was taken, or what another PC took meanwhile
            return
        self._show_sync()

    def _take_if_shown(self) -> None:
        """An empty route takes the briefing's locations when the person brings this tab up (not
        on a reload for another PC's change, nor for a campaign only passed through)."""
        if self.campaign is None or self.route is None or self.route.stops or not self.isVisible():
            return
        if self._take_briefing() is not None:
            self.reload()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        if not self._flush_stop():  # the previous stop keeps its refused value: go back to it
            keep = self.model.row_of(self.stop.id) if self.stop else -1
            QTimer.singleShot(0, lambda: self._select_quietly(keep))
            return
        self._show_stop(self.model.record(current.row()) if current.isValid() else None)

    def _select_quietly(self, row: int) -> None:
        self._loading = True
        try:
            if row >= 0:
                self.ui.stopsTable.selectRow(row)
        finally:
            self._loading = False

    def _show_stop(self, stop: StopRecord | None) -> None:
        ui = self.ui
        self.stop = stop
        self._autosave.stop()
        self._loading = True
        try:
            # (short: a group box is as wide as its title at least; the whole place in the tooltip)
            ui.stopBox.setTitle(f"Lokasi {stop.position}: {stop.short_place}" if stop else "Lokasi terpilih")
            ui.stopBox.setToolTip(f"{stop.place}{f' — {stop.address}' if stop.address else ''}" if stop else "")
            for edit, value in ((ui.arrivedEdit, stop and stop.arrived_at), (ui.departedEdit, stop and stop.departed_at)):
                edit.setDateTime(to_qdatetime(value) if value else EMPTY_TIME)
            ui.flyersSpin.setValue(stop.flyers if stop else 0)
            ui.audienceSpin.setValue(stop.audience if stop else 0)
            ui.notesEdit.setPlainText(stop.notes if stop else "")
            show_photos(ui.photoList, self.service.photos(self.campaign.id, stop.id)
                        if stop is not None and stop.photos else [])
        finally:
            self._loading = False
        self._update_buttons()

    def _show_totals(self) -> None:
        totals = totals_of(tuple(self.model.record(i) for i in range(self.model.rowCount())))
        text = (f"{totals.visited} dari {totals.stops} lokasi dikunjungi · {thousands(totals.flyers)} selebaran · "
                f"perkiraan {thousands(totals.audience)} warga")
        if totals.route_seconds is not None:
            text += f" · {durations.text(totals.route_seconds)} di rute"
        self.ui.totalsLabel.setText(text)
        self.tick(self.ws.clock())

    def tick(self, now: datetime) -> None:
        """The dissemination's time against its standard, on the stage tab's own tick and clock."""
        if self.campaign is None or self.route is None:
            return
        step = self.campaign.step(self.route.step_no)  # the stored step, as the stage tab times it
        status = step.status(now)
        self.ui.elapsedLabel.setText(f"Waktu diseminasi {durations.against(step.elapsed(now), step.standard_minutes)}"
                                     f" · {status.label}")
        self.ui.elapsedLabel.setStyleSheet(chip_style(status))

    def _update_buttons(self) -> None:
        ui, stop, on = self.ui, self.stop, self._editable and not self._preview
        ui.arriveButton.setEnabled(on and stop is not None and stop.arrived_at is None)
        ui.departButton.setEnabled(on and stop is not None and stop.arrived_at is not None and stop.departed_at is None)
        ui.removeStopButton.setEnabled(on and stop is not None and not stop.planned)
        ui.stopBox.setEnabled(stop is not None)
        ui.arrivedEdit.setEnabled(on and stop is not None and stop.arrived_at is not None)
        ui.departedEdit.setEnabled(on and stop is not None and stop.departed_at is not None)
        ui.clearTimesButton.setEnabled(on and stop is not None and stop.arrived_at is not None)
        for widget in (ui.flyersSpin, ui.audienceSpin, ui.notesEdit, ui.addPhotoButton):
            widget.setEnabled(on)
        ui.removePhotoButton.setEnabled(on and bool(ui.photoList.selectedItems()))

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for widget in (self.ui.addStopButton, self.ui.syncButton):
            widget.setEnabled(editable)
        self._update_buttons()

    # -- storing --------------------------------------------------------------------------
    def flush(self) -> bool:
        """Store the selected stop's edits and an unplanned stop left in the add box."""
        return self._flush_stop() and self._flush_new_stop()

    def _edits(self) -> tuple[tuple[datetime | None, datetime | None] | None, dict[str, object]]:
        """The selected stop's edited times (None: as stored) and other fields that differ from it."""
        ui, stop = self.ui, self.stop
        times = (_read(ui.arrivedEdit), _read(ui.departedEdit))
        notes = ui.notesEdit.toPlainText()
        changes = {field: value for field, value, stored in (
            ("flyers", ui.flyersSpin.value(), stop.flyers), ("audience", ui.audienceSpin.value(), stop.audience),
            ("notes", notes, stop.notes)) if (value.strip() if field == "notes" else value) != stored}
        return (None if times == (stop.arrived_at, stop.departed_at) else times), changes

    def _flush_stop(self, version: int | None = None) -> bool:
        """Store the selected stop's edited times, counts and notes (over ``version``: the
        stored one the person chose to store theirs over; by default the one read)."""
        self._autosave.stop()
        if self._loading or self.stop is None or self.campaign is None or not self._editable or self._preview:
            return True
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        stop = self.stop
        times, changes = self._edits()
        if times is None and not changes:
            self._clear_error()  # nothing pending (a refused value may have been put back)
            return True
        if version is not None and times is not None:  # keep mine: a time the person did not change is theirs
            stored = self.service.route(self.campaign.id).stop(stop.id)
            times = (times[0] if times[0] != stop.arrived_at else stored.arrived_at,
                     times[1] if times[1] != stop.departed_at else stored.departed_at)
        based = [stop.version if version is None else version]  # the next store goes over the one before
        ok = True
        if times is not None:
            ok = self._store(lambda actor: self.service.edit_times(actor, self.campaign.id, stop.id, *times,
                                                                   version=based[0]))
            based[0] = self.stop.version
        if changes and not self.in_conflict:
            ok = self._store(lambda actor: self.service.update_stop(actor, self.campaign.id, stop.id, **changes,
                                                                    version=based[0])) and ok
        if ok:
            self._clear_error()
        return ok

    def _retry_soon(self, *_value: object) -> None:
        """A changed time or count while a refusal is shown: store it after the pause (arrow
        keys and the wheel change a field without leaving it), so a corrected value clears the
        message at once rather than when the field is left."""
        if not self._loading and self.ui.errorLabel.isVisible() and not self.add_box.refused:
            self._autosave.start()

    def _clear_error(self) -> None:
        """Hide the message, unless it still asks to finish the stop left in the add box."""
        if not self.add_box.refused:
            self.ui.errorLabel.hide()

    def _store(self, action: Callable[[int], StopRecord]) -> bool:
        """Run a change of the selected stop; show a refusal inline. True when stored."""
        ok, record = self.act(action, self._error, self._conflicted)
        if not ok:
            return False
        self.stop = record
        self.model.update_row(record)
        self._show_totals()
        self._update_buttons()
        return True

    def _change_route(self, action: Callable[[int], object],
                      select: Callable[[object], int | None] | None = None) -> bool:
        """Run a route action (after storing what is pending), then show the route again."""
        if self.campaign is None or not self._flush_stop():
            return False
        conflict: list[ConflictError] = []
        ok, result = self.act(action, self._error, conflict.append)
        if conflict:  # another PC changed the stop first: show the route as stored, and say so
            self.reload(self.stop.id if self.stop else None)
            self.show_error(f"{conflict[0]} Yang tampil kini versi tersimpan.")
        if not ok:
            return False
        self.add_box.refused = False
        self.ui.errorLabel.hide()
        keep = self.stop.id if self.stop else None
        self.reload(select(result) if select else keep)
        return True

    def _error(self, exc: ServiceError) -> None:
        self.show_error(exc)
        if isinstance(exc, ValidationError):
            widget = {"arrived_at": self.ui.arrivedEdit, "departed_at": self.ui.departedEdit,
                      "flyers": self.ui.flyersSpin, "audience": self.ui.audienceSpin, "notes": self.ui.notesEdit,
                      "kelurahan": self.ui.areaPicker, "address": self.ui.newAddressEdit}.get(exc.field)
            if widget is not None and widget.isEnabled():
                widget.setFocus()

    # -- actions --------------------------------------------------------------------------
    def _stamp(self, method) -> None:
        stop = self.stop
        if stop is not None:
            self._change_route(lambda actor: method(actor, self.campaign.id, stop.id, version=self.stop.version))

    def _clear_times(self) -> None:
        stop = self.stop
        if stop is None or QMessageBox.question(
                self, "Kosongkan waktu", f"Hapus waktu tiba dan berangkat di {stop.place}?") \
                != QMessageBox.StandardButton.Yes:
            return
        self._change_route(lambda actor: self.service.edit_times(actor, self.campaign.id, stop.id, None, None,
                                                                 version=self.stop.version))

    def _sync(self) -> None:
        self._change_route(lambda actor: self.service.ensure_route(actor, self.campaign.id))

    def _add_stop(self, code: str | None, address: str) -> bool:
        return self._change_route(
            lambda actor: self.service.add_unplanned_stop(actor, self.campaign.id, code, address),
            select=lambda stop: stop.id)

    def _flush_new_stop(self) -> bool:
        """An unplanned stop left in the open add box (see :meth:`UnplannedStopBox.flush`)."""
        return self.campaign is None or not self._editable or self.add_box.flush()

    def _remove_stop(self) -> None:
        stop = self.stop
        if stop is None or QMessageBox.question(
                self, "Hapus lokasi", f"Hapus {stop.place} dari rute?") != QMessageBox.StandardButton.Yes:
            return
        if not self._flush_stop():
            return
        version = self.stop.version if self.stop is not None else stop.version
        self.stop = None  # nothing of it is left to store
        self._change_route(lambda actor: self.service.remove_stop(actor, self.campaign.id, stop.id, version=version))

    # -- another PC changed the stop first ------------------------------------------------
    def _conflicted(self, error: ConflictError) -> None:
        """Keep the stop's edits in the form, marked; the bar lets the person choose."""
        ui = self.ui
        times, changes = self._edits()
        fields = ([ui.arrivedEdit, ui.departedEdit] if times is not None else []) + \
            [{"flyers": ui.flyersSpin, "audience": ui.audienceSpin, "notes": ui.notesEdit}[f] for f in changes]
        self.conflict_bar.show_conflict(error, self._mine, self._take_theirs, self._keep_mine, *fields)

    def _mine(self) -> dict[str, str]:
        """What *Tetap pakai milik saya* would store, by label: the stored stop with the edits."""
        ui, error = self.ui, self.conflict_bar.error
        theirs = dict(error.theirs) if error is not None else {}
        shown = labelled(_read(ui.arrivedEdit), _read(ui.departedEdit), ui.flyersSpin.value(),
                         ui.audienceSpin.value(), ui.notesEdit.toPlainText())
        times, changes = self._edits()
        edited = ({"Tiba", "Berangkat"} if times is not None else set()) | {
            {"flyers": "Selebaran", "audience": "Perkiraan warga", "notes": "Catatan"}[f] for f in changes}
        return {**theirs, **{label: shown[label] for label in edited}}

    def _take_theirs(self) -> None:
        if self.campaign is not None:
            self._clear_error()
            self.reload(self.stop.id if self.stop else None)

    def _keep_mine(self, version: int) -> None:
        """Store the fields the person changed over the stored ``version``."""
        if self._flush_stop(version):
            self.reload(self.stop.id if self.stop else None)

    def _choose_photos(self) -> None:
        files = choose_photos(self)
        if files:
            self.add_photos(files)

    def add_photos(self, files: list[Path]) -> None:
        """Attach each file to the selected stop; the ones refused are named below the table."""
        stop = self.stop
        if stop is None or not self._flush_stop():
            return
        cid = self.campaign.id

        def add_each(actor: int) -> list[str]:
            refused = []
            for file in files:
                try:
                    self.service.add_photo(actor, cid, stop.id, file)
                except ServiceError as exc:  # the others are added still
                    refused.append(str(exc))
            return refused

        ok, refused = self.act(add_each)
        if ok is None:
            return
        self.reload(stop.id)
        self.show_error("\n".join(refused))

    def _remove_photo(self) -> None:
        photo_id = selected_photo_id(self.ui.photoList)
        if photo_id is None or QMessageBox.question(self, "Hapus foto", "Hapus foto terpilih dari lokasi ini?") \
                != QMessageBox.StandardButton.Yes:
            return
        self._change_route(lambda actor: self.service.remove_photo(actor, self.campaign.id, photo_id))


def _read(edit: QDateTimeEdit) -> datetime | None:
    value = edit.dateTime()
    return None if value <= EMPTY_TIME else from_qdatetime(value)
