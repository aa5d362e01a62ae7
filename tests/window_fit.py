"""Open every window and dialog class of ``wawaran_desktop.views`` and check that it fits the screen.

Run in a process of its own (one per screen and scale factor; tests/gui/test_windows_fit.py)::

    QT_QPA_PLATFORM=offscreen:configfile=tests/offscreen_screen.json QT_SCALE_FACTOR=1.5 \\
        python tests/window_fit.py [--png DIR] [--json FILE] [--only CLASS ...]

Every module under ``wawaran_desktop.views`` is imported and every class defined there that
is a QDialog (QWizard, QPrintPreviewDialog, ...) or a QMainWindow, or a plain QWidget made a
window of its own (``Qt.WindowType.Window``), is a *window class*. Each needs a factory in
:data:`FACTORIES` that builds it as the application does (same parent, same sizing code), over
a demo office; a class found without one fails, naming the class, so a dialog added later is
covered too. :data:`EXEMPT` lists the classes that are never opened as windows, with the reason.

Each window is shown, events settle, and then, on every page of a wizard and every tab of each
tab widget (nested tabs too), it is checked that

(a) its minimum size (``minimumSizeHint()``/``minimumSize()``) and its shown size fit the screen's
    available area less :data:`FRAME_ALLOWANCE` (what Windows takes around a window), and the
    window lies inside the available area;
(b) every visible button lies inside the window and inside every widget it sits in, except
    that a button in a scroll area's content is reachable by scrolling (the scroll area itself
    must then be inside the window);
(c) no visible widget placed by a layout is squeezed below its own minimum size (the offscreen
    platform does not keep a window to the screen, so a layout too big for it shows as a
    window over the screen's edge or as squeezed widgets);
(d) no two visible widgets of the window (buttons, labels with a buddy, group boxes, the tabs
    of a tab bar) use the same Alt letter (mnemonic).

The report (stdout) names the class, the case, the scale factor and the sizes; the exit code is
1 when a check failed. ``--json`` writes the problems by kind for the test to assert on.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import pkgutil
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere (the package is installed too)
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, QRect, QSize  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QApplication, QDialog,  # noqa: E402
                               QGroupBox, QLabel, QLayout, QMainWindow, QMenuBar, QTabBar,
                               QTabWidget, QWidget, QWizard, QWizardPage)

from wawaran_desktop.views import screen_fit  # noqa: E402

#: What Windows takes around a window (its frame, title bar and the taskbar): one figure,
#: views/screen_fit.FRAME_ALLOWANCE (16x72 device-independent px), which the application's
#: own sizing uses too. The offscreen screen has neither frame nor taskbar, so a window must
#: fit the screen's free area less this.
FRAME_ALLOWANCE: QSize = screen_fit.FRAME_ALLOWANCE
#: Pixels a layout may be off by (rounding at fractional scale factors).
SLACK = 1

MNEMONIC = re.compile(r"&(?!&)(\w)")


# -- the office the windows show -------------------------------------------------------------

@dataclass
class Context:
    """The demo office, the main window as the application opens it, and helpers for factories."""

    ws: object
    account: object
    window: QMainWindow | None
    folder: Path
    settle: Callable[[], None]
    keep: list = field(default_factory=list)

    @property
    def actor(self) -> int:
        return self.window.current_actor()

    def fresh_workspace(self, name: str):
        """An empty data folder's workspace (as on the first start)."""
        from wawaran_desktop.services.workspace import open_workspace

        ws = open_workspace(self.folder / name)
        self.keep.append(ws)
        return ws


def open_office(folder: Path, settle: Callable[[], None]) -> Context:
    """The demo office (tools/screenshots.py's way): its main window shown, a running campaign."""
    from wawaran_desktop import demo
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.main_window import MainWindow

    ws = open_workspace(folder / "office")
    demo.run_demo(ws, 30, acting_admin=None, seed=7)
    account = ws.accounts.sign_in("rina", demo.TRAINING_PASSWORD)
    window = MainWindow(ws, account)  # sized by its own first-run code (window/geometry unset)
    window.show()
    running = next((c for c in ws.campaigns.list() if c.status is CampaignStatus.RUNNING), None)
    if running is not None:
        window.list.select(running.id)
    settle()
    return Context(ws, account, window, folder, settle)


# -- factories: each window class built as the application builds it ----------------------------

def _main_window(ctx: Context) -> QWidget:
    return ctx.window


def _profile_dialog(ctx: Context) -> QWidget:
    from wawaran_desktop.views.documents.profile_dialog import ProfileDialog

    return ProfileDialog(ctx.ws, ctx.actor, ctx.window)  # views/documents/menu.py edit_profile


def _first_start(ctx: Context) -> QWidget:
    from wawaran_desktop.views.first_start import FirstStartWizard

    return FirstStartWizard(ctx.fresh_workspace("first-start"), None)  # run_first_start: no window yet


def _first_start_pre_accounts(ctx: Context) -> QWidget:
    """The other shape: a database from before accounts (staff, no account)."""
    from wawaran_desktop.views.first_start import FirstStartWizard

    ws = ctx.fresh_workspace("pre-accounts")
    ws.staff.add("Siti Rahmawati", "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor")
    ws.staff.add("Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim")
    return FirstStartWizard(ws, None)


def _team_import(ctx: Context) -> QWidget:
    from wawaran_desktop.views.first_start import TEAM_ID, FirstStartWizard
    from wawaran_desktop.views.first_start_team import TeamImportDialog

    wizard = FirstStartWizard(ctx.fresh_workspace("team-import"), None)
    ctx.keep.append(wizard)
    page = wizard.page(TEAM_ID)
    dialog = TeamImportDialog(page.ws, page)  # first_start_team.py TeamPage's import
    dialog.load(_staff_list(ctx.folder))
    return dialog


def _staff_list(folder: Path) -> Path:
    """A staff list with a line of each kind (tools/screenshots.py), long enough to scroll."""
    lines = ["DAFTAR PEGAWAI BIDANG DIKP", "", "Nama;NIP;Jabatan;Pangkat;Golongan;Peran",
             "Drs. Heru Prasetyo, M.Si;19700210 199503 1 003;Kepala Bidang DIKP;Pembina Tingkat I;IV/b;Kepala Bidang",
             "Dewi Lestari;19920715 201903 2 01;Pranata Humas;Penata Muda;III/a;Tim",
             ";19880101 201101 1 005;Pengadministrasi;;II/b;Tim",
             "Agus Salim;-;Pengemudi;;;Kernet",
             "Wahyu Nugroho;;Operator Sound System;;;Humas"]
    lines += [f"Petugas {n};;Pranata Humas;;;Tim" for n in range(30)]
    path = folder / "Daftar Pegawai DIKP.csv"
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _staff_dialog(ctx: Context) -> QWidget:
    from wawaran_desktop.views.staff_dialog import StaffDialog

    return StaffDialog(ctx.ws, ctx.window, actor_id=ctx.actor)  # main_window.open_staff_directory


def _staff_import(ctx: Context) -> QWidget:
    from wawaran_desktop.views.staff_dialog import StaffDialog
    from wawaran_desktop.views.staff_import_dialog import StaffImportDialog

    directory = StaffDialog(ctx.ws, ctx.window, actor_id=ctx.actor)
    ctx.keep.append(directory)
    dialog = StaffImportDialog(ctx.ws, directory, actor_id=ctx.actor)  # staff_dialog.py's import
    dialog.load(_staff_list(ctx.folder))
    return dialog


def _campaign_dialog(ctx: Context) -> QWidget:
    from wawaran_desktop.services.stages.evaluation import latest_followups
    from wawaran_desktop.views.campaign_dialog import CampaignDialog

    return CampaignDialog(lambda title, theme: None, heading="Kampanye Baru", parent=ctx.window,
                          followups=latest_followups())  # main_window.new_campaign


def _accounts_dialog(ctx: Context) -> QWidget:
    from wawaran_desktop.views.accounts_dialog import AccountsDialog

    return AccountsDialog(ctx.ws, ctx.actor, ctx.window)  # accounts_dialog.AccountsMenu.open


def _database_dialog(ctx: Context) -> QWidget:
    from wawaran_desktop.views.database_dialog import DatabaseDialog

    return DatabaseDialog(ctx.ws.data_dir, ctx.ws.database_url, parent=ctx.window)  # DatabaseMenu


def _backup_dialog(ctx: Context) -> QWidget:
    from wawaran_desktop.views.backup_dialog import BackupDialog

    if not ctx.ws.backups.list():
        ctx.ws.backups.create()  # a row in the list, as an office has after its first day
    return BackupDialog(ctx.ws, ctx.actor, ctx.window, ctx.window.settings)  # backup_dialog.BackupMenu


def _thresholds_dialog(ctx: Context) -> QWidget:
    from wawaran_desktop.views.thresholds_dialog import ThresholdsDialog

    return ThresholdsDialog(ctx.ws, ctx.actor, ctx.window)  # main_window.edit_thresholds


def _workbook_export(ctx: Context) -> QWidget:
    from wawaran_desktop.views.documents.workbook_export import WorkbookExportDialog

    return WorkbookExportDialog(ctx.ws, ctx.window)


def _timeline_stats(ctx: Context) -> QWidget:
    from wawaran_desktop.views.swimlane.timeline_stats_view import TimelineStatsDialog

    return TimelineStatsDialog(ctx.ws, ctx.window)  # timeline_install.TimelineMenu.open_stats


def _sign_in(ctx: Context) -> QWidget:
    from wawaran_desktop.views.sign_in_dialog import SignInDialog

    return SignInDialog(ctx.ws, ctx.window, heading="Ganti Pengguna")  # account_session


def _unlock(ctx: Context) -> QWidget:
    from wawaran_desktop.views.sign_in_dialog import SignInDialog

    return SignInDialog(ctx.ws, ctx.window, locked_for=ctx.account, can_cancel=False,
                        allow_switch=True)  # sign_in_dialog.unlock (the idle lock)


def _password_dialog(ctx: Context) -> QWidget:
    from wawaran_desktop.infra.credentials import CredentialStore, PasswordRequest, ServerAddress
    from wawaran_desktop.views.password_dialog import PasswordDialog

    request = PasswordRequest(ServerAddress("server-kantor.diskominfo.local", "wawaran", "rina"), refused=True)
    return PasswordDialog(request, CredentialStore(), ctx.window)  # password_dialog.dialog_ask


def _compare_dialog(ctx: Context) -> QWidget:
    """The longest comparison there is: the office profile's every field, all differing."""
    from wawaran_desktop.services.office_profile import fields
    from wawaran_desktop.views.conflict_bar import CompareDialog

    theirs = fields(ctx.ws.profile.read().profile)
    mine = {label: f"{value} (diubah)" for label, value in theirs.items()}
    return CompareDialog(mine, theirs, "Siti Rahmawati", ctx.window)  # dialog_conflicts / conflict_bar


def _guide_window(ctx: Context) -> QWidget:
    from wawaran_desktop.views.guide_help import guide_dir
    from wawaran_desktop.views.guide_window import GuideWindow

    window = GuideWindow(guide_dir(), ctx.window)  # guide_help.GuideHelp.open
    window.show_page()
    return window


def _disposition_preview(ctx: Context) -> QWidget:
    from wawaran_desktop.reports import disposition_data
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.views.documents.disposition_print import PreviewDialog

    done = next(c for c in ctx.ws.campaigns.list() if c.status is CampaignStatus.DONE)
    return PreviewDialog(disposition_data.gather(ctx.ws, done.id), ctx.window)  # menu.preview_disposition


def _chart_preview(ctx: Context) -> QWidget:
    from wawaran_desktop.views.swimlane.export import PreviewDialog

    ctx.window.swimlane.action.setChecked(True)  # the SOP chart's dock, whose panel prints
    ctx.settle()
    panel = ctx.window.swimlane.panel
    dialog = PreviewDialog(panel._sop(), panel.record, ctx.ws.clock(), panel,
                           stationery=panel._stationery())  # panel.print_preview
    ctx.window.swimlane.action.setChecked(False)
    return dialog


#: class (module.Name) -> [(case, factory)]; a class may be opened in several ways.
FACTORIES: dict[str, list[tuple[str, Callable[[Context], QWidget]]]] = {
    "main_window.MainWindow": [("", _main_window)],
    "documents.profile_dialog.ProfileDialog": [("", _profile_dialog)],
    "first_start.FirstStartWizard": [("kantor baru", _first_start), ("sebelum akun", _first_start_pre_accounts)],
    "first_start_team.TeamImportDialog": [("", _team_import)],
    "staff_dialog.StaffDialog": [("", _staff_dialog)],
    "staff_import_dialog.StaffImportDialog": [("", _staff_import)],
    "campaign_dialog.CampaignDialog": [("", _campaign_dialog)],
    "accounts_dialog.AccountsDialog": [("", _accounts_dialog)],
    "database_dialog.DatabaseDialog": [("", _database_dialog)],
    "thresholds_dialog.ThresholdsDialog": [("", _thresholds_dialog)],
    "backup_dialog.BackupDialog": [("", _backup_dialog)],
    "documents.workbook_export.WorkbookExportDialog": [("", _workbook_export)],
    "swimlane.timeline_stats_view.TimelineStatsDialog": [("", _timeline_stats)],
    "sign_in_dialog.SignInDialog": [("ganti pengguna", _sign_in), ("kunci layar", _unlock)],
    "password_dialog.PasswordDialog": [("", _password_dialog)],
    "conflict_bar.CompareDialog": [("", _compare_dialog)],
    "guide_window.GuideWindow": [("", _guide_window)],
    "documents.disposition_print.PreviewDialog": [("", _disposition_preview)],
    "swimlane.export.PreviewDialog": [("", _chart_preview)],
}

#: The factories that open a new data folder's workspace (``Context.fresh_workspace``) and no
#: main window: run first, each closed before the next (one database per process).
FRESH = {_first_start, _first_start_pre_accounts, _team_import}

#: Window classes never opened as windows of their own.
EXEMPT: dict[str, str] = {
    "feature_host.FeatureHost": "the main window's base class (abstract; MainWindow is checked)",
    "first_start_pages.ProfileForm": "the office profile's form inside the first-start assistant's "
                                     "*Profil kantor* page (checked there)",
}


# -- finding the window classes -------------------------------------------------------------------

def window_classes() -> dict[str, type]:
    """Every window class defined under wawaran_desktop.views, by its name in :data:`FACTORIES`."""
    import wawaran_desktop.views as views

    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(views.__path__, views.__name__ + "."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, QWidget):
                continue
            if issubclass(cls, (QDialog, QMainWindow)) or _made_a_window(cls):
                found[cls.__module__.removeprefix(views.__name__ + ".") + "." + cls.__qualname__] = cls
    return found


def _made_a_window(cls: type) -> bool:
    """A plain QWidget that makes itself a window (``Qt.WindowType.Window``)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return False
    return re.search(r"WindowType\.Window\b|Qt\.Window\b", source) is not None


# -- the checks ---------------------------------------------------------------------------------

def settle_app(app: QApplication) -> Callable[[], None]:
    def settle() -> None:
        for _ in range(6):
            QApplication.sendPostedEvents()
            app.processEvents()
    return settle


def size_text(size: QSize) -> str:
    return f"{size.width()}x{size.height()}"


def rect_text(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"


def widget_name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text().replace("&", "")
    elif isinstance(widget, QGroupBox):
        text = widget.title().replace("&", "")
    elif isinstance(widget, QLabel):
        text = re.sub(r"<[^>]+>", "", widget.text())[:40]
    name = widget.objectName() or type(widget).__name__
    return f"{type(widget).__name__} {name!r}" + (f" \"{text}\"" if text else "")


def check_fit(window: QWidget) -> list[str]:
    """(a): the window's minimum and shown size, and its place, against the screen."""
    screen = window.screen()
    area = screen.availableGeometry()
    room = area.size() - FRAME_ALLOWANCE
    problems = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > room.width() or minimum.height() > room.height():
        problems.append(f"minimum size {size_text(minimum)} > room {size_text(room)} "
                        f"(screen's free area {size_text(area.size())} less frame {size_text(FRAME_ALLOWANCE)})")
    if window.width() > room.width() or window.height() > room.height():
        problems.append(f"shown size {size_text(window.size())} > room {size_text(room)}")
    geometry = window.frameGeometry()
    if not area.contains(geometry):
        problems.append(f"window at {rect_text(geometry)} is not inside the screen's free area {rect_text(area)}")
    return problems


def _scroll_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def check_buttons(window: QWidget) -> list[str]:
    """(b): every visible button inside the window and each widget it sits in (scrolling aside)."""
    problems = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        rect = QRect(QPoint(0, 0), button.size())
        child: QWidget = button
        parent = button.parentWidget()
        while parent is not None:
            rect = QRect(child.mapToParent(rect.topLeft()), rect.size())  # in parent's coordinates
            if _scroll_viewport(parent):
                # Reachable by scrolling: from here on the viewport must be reachable instead.
                rect = QRect(QPoint(0, 0), parent.size())
            elif not parent.rect().contains(rect):
                where = "the window" if parent is window else widget_name(parent)
                problems.append(f"{widget_name(button)} at {rect_text(rect)} is cut by {where} "
                                f"({size_text(parent.size())})")
                break
            if parent is window:
                break
            child, parent = parent, parent.parentWidget()
        if button.width() <= 0 or button.height() <= 0:
            problems.append(f"{widget_name(button)} has no size ({size_text(button.size())})")
    return problems


def _layout_widgets(layout: QLayout) -> Iterator[tuple[QWidget, object]]:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is not None:
            yield item.widget(), item
        elif item.layout() is not None:
            yield from _layout_widgets(item.layout())


def check_squeezed(window: QWidget) -> list[str]:
    """(c): no visible widget placed by a layout smaller than its minimum size."""
    problems = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if window.width() < minimum.width() - SLACK or window.height() < minimum.height() - SLACK:
        problems.append(f"the window ({size_text(window.size())}) is squeezed below its minimum "
                        f"{size_text(minimum)}")
    for host in [window, *window.findChildren(QWidget)]:
        layout = host.layout()
        if layout is None or not host.isVisible() or host.window() is not window:
            continue
        for widget, item in _layout_widgets(layout):
            if not widget.isVisible() or item.isEmpty():
                continue
            need = item.minimumSize()
            need_height = need.height()
            if widget.hasHeightForWidth():
                wanted = widget.heightForWidth(widget.width())
                if wanted > 0:
                    need_height = max(min(need_height, wanted), widget.minimumHeight())
            if widget.width() < need.width() - SLACK or widget.height() < need_height - SLACK:
                problems.append(f"{widget_name(widget)} squeezed to {size_text(widget.size())}, "
                                f"needs {need.width()}x{need_height}")
    return problems


def mnemonics(window: QWidget) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The window's Alt letters in use -> who uses them: (the window's widgets, its menu bar)."""
    used: dict[str, list[str]] = {}
    menus: dict[str, list[str]] = {}

    def add(into: dict, text: str, who: str) -> None:
        found = MNEMONIC.search(text or "")
        if found:
            into.setdefault(found.group(1).lower(), []).append(f"{who} \"{text.replace('&&', '&')}\"")

    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) and not isinstance(widget.parentWidget(), QTabBar):
            add(used, widget.text(), type(widget).__name__)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(used, widget.text(), "QLabel")
        elif isinstance(widget, QGroupBox):
            add(used, widget.title(), "QGroupBox")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(used, widget.tabText(i), "tab")
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    add(menus, action.text(), "menu")
    return used, menus


def clashes(used: dict[str, list[str]]) -> list[str]:
    return [f"Alt+{letter.upper()}: " + ", ".join(who) for letter, who in sorted(used.items()) if len(who) > 1]


# -- walking a window's pages and tabs ---------------------------------------------------------------

def states(window: QWidget, settle: Callable[[], None]) -> Iterator[str]:
    """Show each page of a wizard and each tab of every tab widget in turn; yields the state's name."""
    if isinstance(window, QWizard):
        first = window.startId()
        for page_id in window.pageIds():
            window.setStartId(page_id)
            window.restart()
            settle()
            yield f"halaman {page_id} ({_page_title(window.page(page_id))})"
            yield from _tabs_of(window.currentPage(), settle, f"halaman {page_id}")
        window.setStartId(first)
        window.restart()
        settle()
        return
    yield "utama"
    yield from _tabs_of(window, settle, "")


def _page_title(page: QWizardPage) -> str:
    return page.title() or type(page).__name__


def _tabs_of(root: QWidget, settle: Callable[[], None], prefix: str, depth: int = 0) -> Iterator[str]:
    if depth > 3:
        return
    tab_widgets = [t for t in root.findChildren(QTabWidget)
                   if t.isVisible() and _nearest_tabs(t, root) is None]
    for tabs in tab_widgets:
        before = tabs.currentIndex()
        for index in range(tabs.count()):
            if not tabs.isTabEnabled(index) or not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            settle()
            name = f"{prefix} tab \"{tabs.tabText(index).replace('&', '')}\"".strip()
            yield name
            yield from _tabs_of(tabs.widget(index), settle, name, depth + 1)
        tabs.setCurrentIndex(before)
        settle()


def _nearest_tabs(widget: QWidget, root: QWidget) -> QTabWidget | None:
    """The tab widget ``widget`` lies in, below ``root`` (None: directly under root's tabs)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QTabWidget):
            return parent
        parent = parent.parentWidget()
    return None


# -- running -------------------------------------------------------------------------------------

@dataclass
class Report:
    fit: dict[str, list[str]] = field(default_factory=dict)
    mnemonics: dict[str, list[str]] = field(default_factory=dict)
    menu_mnemonics: dict[str, list[str]] = field(default_factory=dict)
    sizes: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)


def check_window(case: str, window: QWidget, settle: Callable[[], None], report: Report,
                 png: Path | None) -> None:
    if not window.isVisible():
        window.show()
    settle()
    report.sizes[case] = (f"shown {size_text(window.size())}, minimum "
                          f"{size_text(window.minimumSizeHint().expandedTo(window.minimumSize()))}, room "
                          f"{size_text(window.screen().availableGeometry().size() - FRAME_ALLOWANCE)}")
    fit: dict[str, list[str]] = {}  # problem -> the states it was seen in
    letters: dict[str, list[str]] = {}
    menu_letters: dict[str, list[str]] = {}
    for n, state in enumerate(states(window, settle)):
        for problem in check_fit(window) + check_buttons(window) + check_squeezed(window):
            fit.setdefault(problem, []).append(state)
        used, menus = mnemonics(window)
        for problem in clashes(used):
            letters.setdefault(problem, []).append(state)
        if menus:
            for problem in clashes(_merge(used, menus)):
                if problem not in letters:
                    menu_letters.setdefault(problem, []).append(state)
        if png is not None:
            safe = re.sub(r"[^\w.-]+", "_", f"{case} {n} {state}")[:120]
            window.grab().save(str(png / f"{safe}.png"))
    report.fit[case] = [_where(states_seen) + problem for problem, states_seen in fit.items()]
    report.mnemonics[case] = [_where(states_seen) + problem for problem, states_seen in letters.items()]
    report.menu_mnemonics[case] = [_where(states_seen) + problem for problem, states_seen in menu_letters.items()]


def _where(states_seen: list[str]) -> str:
    shown = ", ".join(states_seen[:3]) + (f" and {len(states_seen) - 3} more" if len(states_seen) > 3 else "")
    return f"[{shown}] "


def _merge(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, list[str]]:
    merged = {k: list(v) for k, v in a.items()}
    for k, v in b.items():
        merged.setdefault(k, []).extend(v)
    return merged


def run(only: list[str], png: Path | None) -> Report:
    from wawaran_desktop.views.language import install_indonesian

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_indonesian(app)
    settle = settle_app(app)
    report = Report()
    classes = window_classes()
    report.found = sorted(classes)
    report.missing = [name for name in classes if name not in FACTORIES and name not in EXEMPT]
    office: Context | None = None
    todo = []
    for name, cases in FACTORIES.items():
        if only and not any(o in name for o in only):
            continue
        if name not in classes:
            report.fit[name] = [f"{name} is in FACTORIES but is no window class of the package "
                                "(renamed or removed? update tests/window_fit.py)"]
            continue
        todo += [(name, label, factory) for label, factory in cases]
    with tempfile.TemporaryDirectory() as folder:
        # A workspace binds the one database of the process: the first-start cases (each over a
        # new data folder of its own, closed after) come before the demo office is opened.
        for name, label, factory in sorted(todo, key=lambda case: case[2] not in FRESH):
            fresh = factory in FRESH
            ctx = Context(None, None, None, Path(folder), settle) if fresh else office
            if not fresh and ctx is None:
                ctx = office = open_office(Path(folder), settle)
            case = f"{name}" + (f" ({label})" if label else "")
            window = factory(ctx)
            if not isinstance(window, classes[name]):
                report.fit[case] = [f"the factory made a {type(window).__name__}, not a {name}"]
            else:
                check_window(case, window, settle, report, png)
            if window is not ctx.window:
                window.hide()
                window.deleteLater()
                settle()
            if fresh:
                _close(ctx)
        if office is not None:
            office.window.close()
            settle()
            _close(office)
    return report


def _close(ctx: Context) -> None:
    for kept in ctx.keep:
        if isinstance(kept, QWidget):
            kept.deleteLater()
    QApplication.sendPostedEvents()
    for ws in [kept for kept in ctx.keep if not isinstance(kept, QWidget)] + ([ctx.ws] if ctx.ws else []):
        ws.close()


def print_report(report: Report) -> bool:
    factor = os.environ.get("QT_SCALE_FACTOR", "1")
    screen = QApplication.primaryScreen()
    print(f"Screen {size_text(screen.size())} (free {size_text(screen.availableGeometry().size())}) "
          f"at scale factor {factor}; frame allowance {size_text(FRAME_ALLOWANCE)}")
    ok = True
    for name in report.missing:
        ok = False
        print(f"FAIL {name}: a window class without a factory: add a factory in tests/window_fit.py "
              "(or list it in EXEMPT with the reason)")
    for case, problems in report.fit.items():
        mnemonic = report.mnemonics.get(case, [])
        with_menus = report.menu_mnemonics.get(case, [])
        status = "ok  " if not problems and not mnemonic and not with_menus else "FAIL"
        ok = ok and not problems and not mnemonic and not with_menus
        print(f"{status} {case} @ {factor}: {report.sizes.get(case, '')}")
        for problem in problems:
            print(f"       - {problem}")
        for problem in mnemonic:
            print(f"       - same Alt letter: {problem}")
        for problem in with_menus:
            print(f"       - same Alt letter as a menu: {problem}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--png", type=Path, help="save each window's every state as a PNG here")
    parser.add_argument("--json", type=Path, help="write the problems found as JSON here")
    parser.add_argument("--only", nargs="*", default=[], help="only the classes whose name holds one of these")
    args = parser.parse_args(argv)
    if args.png is not None:
        args.png.mkdir(parents=True, exist_ok=True)
    report = run(args.only, args.png)
    ok = print_report(report)
    if args.json is not None:
        args.json.write_text(json.dumps({
            "factor": os.environ.get("QT_SCALE_FACTOR", "1"), "found": report.found,
            "missing": report.missing, "fit": report.fit, "mnemonics": report.mnemonics,
            "menu_mnemonics": report.menu_mnemonics, "sizes": report.sizes}, indent=1), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
