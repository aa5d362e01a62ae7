"""The swimlane panel: the live SOP chart of the shown campaign, with zoom, export and print.

The scene is built once per SOP definition (a campaign pins the SOP it ran under, so an old
campaign may bring another one); showing another campaign only changes the overlay, and
:meth:`tick` moves the running step's figures without rebuilding anything.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSettings, Signal
from PySide6.QtWidgets import QWidget

from wawaran_desktop.forms.ui_swimlane_panel import Ui_SwimlanePanel
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus
from wawaran_desktop.services.timing import StepState
from wawaran_desktop.sop.schema import Sop
from wawaran_desktop.views.swimlane.layouts import layout_for
from wawaran_desktop.views.swimlane.scene import ChartScene

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace


class SwimlanePanel(QWidget):
    #: The user clicked activity ``no``'s symbol (open that stage's tab).
    activity_clicked = Signal(int)

    def __init__(self, ws: Workspace, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SwimlanePanel()
        self.ui.setupUi(self)
        self.ws, self.settings = ws, settings
        self.record: CampaignRecord | None = None
        self.scene: ChartScene | None = None
        ui = self.ui
        ui.zoomInButton.clicked.connect(ui.view.zoom_in)
        ui.zoomOutButton.clicked.connect(ui.view.zoom_out)
        ui.fitButton.clicked.connect(ui.view.fit)
        ui.actualSizeButton.clicked.connect(ui.view.actual_size)
        ui.exportPdfButton.clicked.connect(self.export_pdf)
        ui.exportPngButton.clicked.connect(self.export_png)
        ui.printButton.clicked.connect(self.print_preview)
        ui.view.zoom_changed.connect(lambda z: ui.zoomLabel.setText(f"{round(z * 100)}%"))
        ui.view.activity_clicked.connect(self._clicked)
        ui.view.actual_size()
        self.show_record(None)

    # -- following the main window --------------------------------------------------------
    def show_record(self, record: CampaignRecord | None) -> None:
        """Show ``record``; another campaign is shown from the chart's top-left, scrolled only
        as far as its running step needs (the same campaign again keeps where the user looked)."""
        old = self.record
        self.record = record
        sop = record.sop if record is not None else self.ws.sop
        scene = self.scene
        self._scene_for(sop)
        self.scene.show_record(record, self.ws.clock())
        changed = scene is not self.scene or (old.id if old is not None else None) != (
            record.id if record is not None else None)
        if changed or self.ui.view.follows_home():
            self.ui.view.go_home(self._current_rect())
        if record is None:
            self.ui.titleLabel.setText(f"Bagan SOP {sop.identity.name} (pilih kampanye untuk melihat kemajuannya)")
        else:
            self.ui.titleLabel.setText(f"Kampanye No. {record.id}: {record.title} — {record.status.label} · "
                                       f"SOP versi {sop.version}")
        self.ui.titleLabel.setToolTip(self.ui.titleLabel.text())

    def current_step(self) -> int | None:
        """The step to keep in view: the running (or paused) one, else the next one of a running
        campaign; None for a draft, a finished or a cancelled campaign (its top is shown)."""
        record = self.record
        if record is None:
            return None
        active = (StepState.RUNNING, StepState.PAUSED)
        running = next((s.no for s in record.steps if s.state in active), None)
        if running is not None:
            return running
        if record.status is CampaignStatus.RUNNING and 1 <= record.current_no <= len(record.steps):
            return record.current_no
        return None

    def _current_rect(self) -> QRectF | None:
        no = self.current_step()
        if no is None or self.scene is None or no not in self.scene.steps:
            return None
        return self.scene.step_items(no).symbol.sceneBoundingRect()

    def tick(self, now: datetime) -> int:
        """Move the live figures to ``now``; returns how many items changed."""
        return self.scene.tick(now) if self.scene is not None else 0

    def _scene_for(self, sop: Sop) -> None:
        if self.scene is not None and self.scene.sop.checksum == sop.checksum:
            return
        old = self.scene
        self.scene = ChartScene(sop, layout_for(sop), self)
        self.ui.view.setScene(self.scene)
        if old is not None:
            old.deleteLater()

    def _clicked(self, no: int) -> None:
        if self.record is not None:
            self.activity_clicked.emit(no)

    # -- output ---------------------------------------------------------------------------
    def _suggested(self, suffix: str) -> str:
        if self.record is None:
            return f"bagan-sop{suffix}"
        return f"swimlane-kampanye-{self.record.id}{suffix}"

    def _sop(self) -> Sop:
        """The SOP to print (its identity block with the approver's rank from the office profile)."""
        return self.ws.profile.sop_for_documents(self.record.sop if self.record is not None else self.ws.sop)

    def export_pdf(self) -> Path | None:
        from wawaran_desktop.views.documents.save_flow import save_document
        from wawaran_desktop.views.swimlane import export

        record, now, stationery = self.record, self.ws.clock(), self._stationery()
        return save_document(self, title="Simpan Bagan SOP sebagai PDF", suggested_name=self._suggested(".pdf"),
                             filters="Dokumen PDF (*.pdf)", settings=self.settings,
                             write=lambda path, _progress: export.write_pdf(path, self._sop(), record, now,
                                                                            stationery=stationery))

    def _stationery(self):
        """The office's paper and logo for the chart's PDF and printout (its profile)."""
        from wawaran_desktop.views.swimlane.paper import Stationery

        return Stationery.of(self.ws.profile.load())

    def export_png(self) -> Path | None:
        from wawaran_desktop.views.documents.save_flow import save_document
        from wawaran_desktop.views.swimlane import export

        record, now = self.record, self.ws.clock()
        return save_document(self, title="Simpan Bagan SOP sebagai gambar", suggested_name=self._suggested(".png"),
                             filters="Gambar PNG (*.png)", settings=self.settings,
                             write=lambda path, _progress: export.write_png(path, self._sop(), record, now))

    def print_preview(self) -> int:
        from wawaran_desktop.views.swimlane.export import PreviewDialog

        dialog = PreviewDialog(self._sop(), self.record, self.ws.clock(), self, stationery=self._stationery())
        self.preview = dialog  # tests reach it while it is open
        try:
            return dialog.exec()
        finally:
            self.preview = None
            dialog.deleteLater()
