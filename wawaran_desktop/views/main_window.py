"""The main window: campaign list on the left, one tab per SOP stage on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:  # the event types' enum is costly to build at start-up
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QMenu

    from wawaran_desktop.views.backup_dialog import BackupMenu
    from wawaran_desktop.views.backup_watch import BackupWatch
    from wawaran_desktop.views.documents.menu import DocumentsMenu
    from wawaran_desktop.views.live_updates import LiveUpdates
    from wawaran_desktop.views.swimlane.install import SwimlaneDock
    from wawaran_desktop.views.swimlane.timeline_install import TimelineMenu

from wawaran_desktop import APP_NAME, __version__, paths
from wawaran_desktop.forms.ui_main_window import Ui_MainWindow
from wawaran_desktop.services.accounts import AccountRecord
from wawaran_desktop.services.clock import wib_date
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus
from wawaran_desktop.services.timing import StepState
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.text import durations
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.views import feedback, responsive
from wawaran_desktop.views.campaign_list import CampaignListController
from wawaran_desktop.views.date_typing import install_typing_later
from wawaran_desktop.views.feature_host import FeatureHost
from wawaran_desktop.views.screen_fit import fitted_size, room
from wawaran_desktop.views.stage_tabs import StageTabsController
from wawaran_desktop.views.status_style import chip_style

TICK_MS = 1000
LIST_MIN, LIST_MAX = 270, 400  # the campaign list's first width (logical pixels)


class MainWindow(FeatureHost):
    """The window; what its features may use of it is :class:`FeatureHost` (``record_shown``
    and ``ticked`` are declared there)."""

    #: The larger features' controllers, installed by :meth:`_install_features`.
    swimlane: SwimlaneDock
    timeline: TimelineMenu
    documents_menu: DocumentsMenu
    live: LiveUpdates
    backups: BackupMenu
    backup_watch: BackupWatch

    def __init__(self, ws: Workspace, account: AccountRecord) -> None:
        """``account``: the person signed in (views/sign_in_dialog.py); every action is theirs."""
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        install_typing_later(self)  # date fields take typing as the office types (views/date_typing.py)
        self.ws = ws
        self.settings = QSettings(str(ws.data_dir / paths.SETTINGS_FILENAME), QSettings.Format.IniFormat)
        self.record: CampaignRecord | None = None
        self.setWindowTitle(f"{APP_NAME} — {ws.sop.identity.name}")
        self._fit_small_screens()
        self.list = CampaignListController(self.ui, ws, self)
        self.list.selected.connect(self.show_campaign)
        self.stages = StageTabsController(self.ui.stageTabs, ws, self.current_actor, self)
        self.stages.changed.connect(self._stage_changed)
        ui = self.ui
        ui.actionNewCampaign.triggered.connect(self.new_campaign)
        ui.actionRenameCampaign.triggered.connect(self.rename_campaign)
        ui.actionCancelCampaign.triggered.connect(self.cancel_campaign)
        ui.actionRefresh.triggered.connect(self.refresh)
        ui.actionStaffDirectory.triggered.connect(self.open_staff_directory)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionAbout.triggered.connect(self._about)
        ui.actionThresholds.triggered.connect(self.edit_thresholds)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=ui.searchEdit.setFocus)
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()
        from wawaran_desktop.views.account_session import AccountSession

        self.session = AccountSession(self, account)
        self.session.changed.connect(self._person_changed)
        self._install_features()
        self._restore()

    def _fit_small_screens(self) -> None:
        """The window fits 1366x768 at 150% scaling (911x512): the campaign's title and details
        on one line each, cut with "…" (whole in their tooltips), the campaign list collapsible
        (drag the splitter to the left edge) while the stages never are."""
        responsive.keep_elided(self.ui.titleLabel)
        responsive.keep_elided(self.ui.metaLabel)
        self.ui.splitter.setCollapsible(0, True)
        self.ui.splitter.setCollapsible(1, False)
        self.ui.splitter.setStretchFactor(1, 1)  # a wider window widens the stages, not the list

    def _install_features(self) -> None:
        """Menus of the larger features; each builds its windows on first use (start-up counts).

        Each module's ``install`` gets this window as a :class:`FeatureHost` and returns its
        controller, which the window keeps (the controllers are QObjects parented to it, or
        hold actions that are).
        """
        from wawaran_desktop.views import (
            accounts_dialog,
            backup_dialog,
            backup_watch,
            guide_help,
            history_check,
            live_updates,
            my_tasks_dock,
        )
        from wawaran_desktop.views.database_dialog import install as database_menu
        from wawaran_desktop.views.documents import menu as documents_menu
        from wawaran_desktop.views.swimlane import install as swimlane
        from wawaran_desktop.views.swimlane import timeline_install

        self.swimlane = swimlane.install(self)
        self.timeline = timeline_install.install(self)
        self.documents_menu = documents_menu.install(self)
        self.database = database_menu(self, self.ui.menuSettings)  # Pengaturan → Basis Data
        self.live = live_updates.install(self, self.reload_changed)
        self.history_check = history_check.install(self, self.ui.menuHelp)  # Bantuan → Periksa Riwayat…
        self.guide = guide_help.install(self, self.ui.menuHelp, self.ui.stageTabs)  # Panduan Pengguna, F1
        self.my_tasks = my_tasks_dock.install(self)  # Tugas Saya: the dock and the count
        self.accounts_menu = accounts_dialog.install(self)  # Petugas → Akun Pengguna… (administrators)
        self.backups = backup_dialog.install(self, self.ui.actionBackups)  # Berkas → Cadangan & Pemulihan…
        self.backup_watch = backup_watch.install(self, self.backups.open_dialog)  # check and backup after start

    def add_menu(self, menu: QMenu) -> None:
        """A feature's menu: after *Petugas* and the features' menus added before it."""
        self.ui.menubar.insertMenu(self.ui.menuView.menuAction(), menu)

    def add_view_actions(self, *actions: QAction) -> None:
        self.ui.menuView.addActions(list(actions))

    # -- state kept between runs ----------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(fitted_size(self, 1280, 800))  # first run: fit a small laptop screen too
        elif not self.isMaximized():  # remembered on a larger screen or at a smaller scaling
            self.resize(self.size().boundedTo(room(self)))
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.ui.splitter.restoreState(splitter)
        else:  # the list gets a quarter of the window, between readable and its largest
            width = self.width()
            self.ui.splitter.setSizes([max(LIST_MIN, min(LIST_MAX, width // 4)), width])
        self.list.reload(select_id=_int_or_none(self.settings.value("campaign/last", None)))
        if self.list.current_id() is None and self.list.model.rowCount():
            self.list.select(self.list.model.id_at(0))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush() and not feedback.go_on_unsaved(self, "tutup aplikasi"):
            event.ignore()
            return
        self._ticker.stop()
        self.session.stop()
        self._sweep_attachments()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.ui.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

    def _sweep_attachments(self) -> None:
        """On the way out, not at start-up: delete attachment copies a crash left behind."""
        from wawaran_desktop.services.attachments import FOLDER, sweep

        try:
            sweep(self.ws.data_dir / FOLDER)
        except Exception:  # noqa: BLE001 - tidying must never stop the window from closing
            pass

    # -- acting member of staff -----------------------------------------------------------
    def current_actor(self) -> int | None:
        """The acting member of staff: the signed-in person's staff entry."""
        return self.session.staff_id

    def _person_changed(self) -> None:
        """Another person signed in (*Ganti Pengguna*): the tabs show the campaign anew for them,
        without what the previous person typed and could not store (never stored as the next's)."""
        self.stages.forget_typing()
        if self.record is not None:
            self.show_campaign(self.record.id)
        self.my_tasks.refresh()

    def show_campaign_stage(self, campaign_id: int, no: int) -> None:
        self.list.select(campaign_id)
        if self.record is None or self.record.id != campaign_id:
            self.show_campaign(campaign_id)  # (not listed under the current search or filter)
        if self.record is not None and self.record.id == campaign_id:
            self.open_stage(no)

    def open_staff_directory(self) -> None:
        from wawaran_desktop.views.staff_dialog import StaffDialog  # first use only: faster start

        dialog = StaffDialog(self.ws, self, actor_id=self.current_actor())  # who renames, audited
        dialog.exec()
        if dialog.changed:
            if self.record is not None:
                self.show_campaign(self.record.id)

    # -- campaigns ------------------------------------------------------------------------
    def new_campaign(self) -> None:
        actor = self.current_actor()
        if actor is None or not feedback.attempt(self, lambda: self.ws.campaigns.check_may_create(actor)):
            return  # (told who may, before anything is typed)
        from wawaran_desktop.services.stages.evaluation import latest_followups
        from wawaran_desktop.views.campaign_dialog import CampaignDialog

        dialog = CampaignDialog(lambda title, theme: self.ws.campaigns.create(actor, title, theme),
                                heading="Kampanye Baru", parent=self, followups=latest_followups())
        if dialog.exec():
            created: CampaignRecord = dialog.result_value
            self.ui.searchEdit.clear()
            self.ui.statusCombo.setCurrentIndex(0)
            self.ui.periodCheck.setChecked(False)
            self.list.reload(select_id=created.id)
            self.statusBar().showMessage(f"Kampanye \"{created.title}\" dibuat.", 5000)

    def rename_campaign(self) -> None:
        record = self.record
        if record is None:
            return
        actor = self.current_actor()
        if actor is None:
            return
        from wawaran_desktop.views.dialog_conflicts import rename_campaign  # over the version shown

        if rename_campaign(self.ws, actor, record, self):
            self.list.reload(select_id=record.id)

    def cancel_campaign(self) -> None:
        record = self.record
        if record is None or record.status is CampaignStatus.CANCELLED:
            return
        actor = self.current_actor()
        if actor is None:
            return
        if not self.flush():  # a cancelled campaign takes no edits: store what was typed first
            return
        reason = feedback.ask_reason(self, "Batalkan kampanye",
                                     f"Batalkan \"{record.title}\"? Data tetap tersimpan.\n\nAlasan pembatalan:")
        if reason is None:
            return
        if feedback.attempt(self, lambda: self.ws.campaigns.cancel(actor, record.id, reason)):
            self.list.reload(select_id=record.id)

    def refresh(self) -> None:
        self.flush()
        self.session.refresh()
        self.list.reload()

    def reload_changed(self, campaign_ids: frozenset[int] | None) -> None:
        """Read again what another PC changed (views/live_updates.py): campaigns ``campaign_ids``,
        or anything (None: staff, settings, a file's commit). The list keeps its selection; each
        stage panel keeps what is typed but not yet stored."""
        self.my_tasks.refresh()
        if campaign_ids is None:
            self.session.refresh()
        shown = self.record.id if self.record is not None else None
        if campaign_ids is None or campaign_ids - {shown}:
            self.list.reload()  # shows the selected campaign again too
        elif shown in campaign_ids:
            self._stage_changed()

    def show_campaign(self, campaign_id: int | None) -> None:
        """Show the selected campaign (None: the empty page)."""
        if self.record is not None and campaign_id != self.record.id and not self.flush():
            # Something typed could not be stored: stay with the campaign it belongs to.
            QTimer.singleShot(0, lambda keep=self.record.id: self.list.select(keep))
            self.statusBar().showMessage(
                "Isian belum tersimpan (lihat pesan pada tab yang terbuka): perbaiki atau kosongkan "
                "dulu, lalu pilih kampanye lain.", 10_000)
            return
        if campaign_id is None:
            self.record = None
            self.ui.detailStack.setCurrentWidget(self.ui.emptyPage)
            self._enable_actions()
            self.record_shown.emit(None)
            return
        try:
            record = self.ws.campaigns.get(campaign_id)
        except ServiceError as exc:
            feedback.warn(self, str(exc))
            return
        moved = self.record is None or self.record.id != record.id
        self.record = record
        self.settings.setValue("campaign/last", record.id)
        self.stages.show_record(record, self.ws.staff.list(), self.ws.clock(), select_current=moved)
        self.ui.titleLabel.setText(record.title)
        meta = [f"No. {record.id}", f"dibuat {fmt.long_date_time(record.created_at)} oleh {record.created_by_name}",
                f"Tema: {record.theme or '— belum ditentukan —'}", f"SOP versi {record.sop.version}"]
        self.ui.metaLabel.setText(" · ".join(meta))
        cancelled = record.status is CampaignStatus.CANCELLED
        self.ui.cancelBanner.setVisible(cancelled)
        if cancelled:
            self.ui.cancelBanner.setText(f"Dibatalkan {fmt.date_time(record.cancelled_at)}: {record.cancel_reason}")
        self.ui.detailStack.setCurrentWidget(self.ui.campaignPage)
        self._enable_actions()
        self.record_shown.emit(record)
        self.tick()

    def open_stage(self, no: int) -> None:
        """Bring stage ``no``'s tab of the shown campaign to the front (e.g. from the swimlane)."""
        if self.record is None or not 1 <= no <= len(self.record.steps):
            return
        self.ui.detailStack.setCurrentWidget(self.ui.campaignPage)
        self.ui.stageTabs.setCurrentIndex(no - 1)
        self.raise_()
        self.activateWindow()

    def edit_thresholds(self) -> None:
        actor = self.current_actor()
        if actor is None:
            return
        from wawaran_desktop.views.thresholds_dialog import ThresholdsDialog

        if ThresholdsDialog(self.ws, actor, self).exec():
            if self.record is not None:
                self.show_campaign(self.record.id)  # read again: its statuses follow the new limits
            self.thresholds_changed.emit()

    def _stage_changed(self) -> None:
        if self.record is None:
            return
        self.show_campaign(self.record.id)
        self.list.update_row(self.record.summary())

    def flush(self) -> bool:
        """Store what is still being typed in the stage tabs; False when something was refused."""
        return self.stages.flush()

    def _enable_actions(self) -> None:
        has = self.record is not None
        self.ui.actionRenameCampaign.setEnabled(has)
        self.ui.actionCancelCampaign.setEnabled(  # a finished campaign cannot be cancelled (services/campaigns.py)
            has and self.record.status not in (CampaignStatus.CANCELLED, CampaignStatus.DONE))

    # -- the one-second tick --------------------------------------------------------------
    def tick(self) -> None:
        """Refresh timers and colours from stored times (no database access)."""
        now = self.ws.clock()
        self.list.follow_today(wib_date(now))
        record = self.record
        if record is None:
            return
        self.stages.tick(now)
        self.ticked.emit(now)
        elapsed = record.elapsed(now)
        status = record.status_against_standard(now)
        running = [str(s.no) for s in record.steps if s.state is StepState.RUNNING]
        paused = [str(s.no) for s in record.steps if s.state is StepState.PAUSED]
        where = "; ".join(([f"tahap {', '.join(running)} berjalan"] if running else [])
                          + ([f"tahap {', '.join(paused)} dijeda"] if paused else [])) \
            if record.status is not CampaignStatus.CANCELLED else ""
        where = where or record.status.label
        parts = [f"Waktu kerja {durations.text(elapsed)} dari baku {durations.standard(record.standard_total)}",
                 status.label]
        if where != status.label:  # a draft: "Belum dimulai" once, not twice
            parts.append(where)
        self.ui.totalLabel.setText(" · ".join(parts))
        self.ui.totalLabel.setStyleSheet(chip_style(status))

    def _about(self) -> None:
        sop = self.ws.sop
        QMessageBox.about(self, f"Tentang {APP_NAME}", (
            f"<b>{APP_NAME} {__version__}</b><br>{sop.identity.government}<br>{sop.identity.office}<br><br>"
            f"SOP: {sop.identity.name}<br>Nomor: {sop.identity.sop_number}<br>"
            f"{len(sop.activities)} kegiatan, waktu baku {sop.standard_total} menit.<br><br>"
            f"Data: {self.ws.db_path}"))


def _int_or_none(value) -> int | None:
    """A stored id from the settings file, which a person may have edited."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
