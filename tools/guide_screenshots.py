"""Render the pictures of the user guide (resources/guide/img/*.png) from the current windows.

    python tools/guide_screenshots.py                 # offscreen; or under xvfb-run for a real X window
    WAWARAN_PASSWORD=... python tools/guide_screenshots.py --user rina

As tools/screenshots.py does for docs/: demo data made fresh in a temporary folder, the window
signed in the documented way (the demo's training account, bench/demo_folder.TRAINER, with its
password, or ``--user`` with ``WAWARAN_PASSWORD``), each picture the widget as Qt paints it
(QWidget.grab). Pictures are scaled down to at most ``MAX_WIDTH`` pixels and stored with a
256-colour palette, so the committed files stay small; run again after changing a window, so
the guide keeps showing what a user sees.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import qt_session
from qt_session import ROOT

IMG = ROOT / "resources" / "guide" / "img"
#: Widest picture stored (pixels): the guide shows them about 520 px wide, so this stays
#: sharp on a screen scaled to 150%.
MAX_WIDTH = 800
#: The demo's training account (as bench/demo_folder.py's TRAINER and its password).
TRAINER = "rina"


def save(widget_or_image, name: str) -> None:
    """Scale to ``MAX_WIDTH`` at most, reduce to 256 colours and write ``IMG/name``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = widget_or_image if isinstance(widget_or_image, QImage) else widget_or_image.grab().toImage()
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    target = IMG / name
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"{target} could not be written")
    print(f"{target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")


def pick_running(ws):
    """A running campaign with a running step (the main window's and the charts' picture)."""
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.services.timing import StepState

    for summary in ws.campaigns.list():
        if summary.status is CampaignStatus.RUNNING:
            record = ws.campaigns.get(summary.id)
            if any(s.state is StepState.RUNNING for s in record.steps):
                return record
    raise SystemExit("the demo made no running campaign")


def stage_shots(window, ws, settle) -> None:
    """One picture per stage: the stage tab of a finished campaign (every stage filled in)."""
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.views.guide_help import stage_page

    done = next(c for c in ws.campaigns.list() if c.status is CampaignStatus.DONE)
    window.list.select(done.id)
    for activity in window.record.sop.activities:
        window.ui.stageTabs.setCurrentIndex(activity.no - 1)
        settle()
        save(window.ui.stageTabs, stage_page(activity.workspace).replace(".html", ".png"))


def tasks_shot(ws, settle) -> None:
    """Tugas Saya of the member of staff with the most waiting (the signed-in trainer may have none)."""
    from wawaran_desktop.views.my_tasks import MyTasksPanel

    best = None
    for person in ws.staff.list(include_inactive=False):
        panel = MyTasksPanel(ws, lambda person=person: person.id)
        panel.refresh()
        if best is None or panel.count > best.count:
            best = panel
    best.resize(760, 380)
    best.show()
    settle()
    save(best, "tugas-saya.png")
    best.close()


def floating(dock, width: int, height: int, settle) -> None:
    """A dock out of the window at a size that shows its content (docked, it shares the height)."""
    dock.setFloating(True)
    dock.resize(width, height)
    settle()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", default=TRAINER, help="the account to sign in as (default: %(default)s)")
    args = parser.parse_args(argv)
    app, settle = qt_session.start()
    from wawaran_desktop import demo
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.documents.profile_dialog import ProfileDialog
    from wawaran_desktop.views.main_window import MainWindow
    from wawaran_desktop.views.sign_in_dialog import SignInDialog

    password = os.environ.get("WAWARAN_PASSWORD", demo.TRAINING_PASSWORD)
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        ws = open_workspace(data)
        demo.run_demo(ws, 30, acting_admin=None, seed=7)  # with the training accounts
        account = ws.accounts.sign_in(args.user, password)

        dialog = SignInDialog(ws)
        dialog.ui.usernameEdit.setText(args.user)
        dialog.show()
        settle()
        save(dialog, "masuk.png")
        dialog.close()

        window = MainWindow(ws, account)
        window.resize(1280, 720)
        window.show()
        running = pick_running(ws)
        window.list.select(running.id)
        settle()
        save(window, "jendela-utama.png")

        stage_shots(window, ws, settle)

        tasks_shot(ws, settle)
        window.list.select(running.id)
        window.swimlane.action.setChecked(True)
        floating(window.swimlane.dock, 1100, 640, settle)
        save(window.swimlane.dock, "bagan-alir.png")
        window.swimlane.action.setChecked(False)

        window.timeline.gantt_action.setChecked(True)
        floating(window.timeline.dock, 1100, 420, settle)
        save(window.timeline.dock, "linimasa.png")
        window.timeline.gantt_action.setChecked(False)

        profile = ProfileDialog(ws, account.staff_id, window)
        profile.show()
        settle()
        save(profile, "profil-kantor.png")
        profile.close()

        window.flush = lambda: True  # nothing of the pictures is to be kept
        window.close()
        ws.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
