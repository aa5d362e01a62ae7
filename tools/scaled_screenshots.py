"""Screenshots of a 1366x768 laptop screen at 150% (or another) display scaling, into docs/.

    python tools/scaled_screenshots.py               # 150%: docs/scale-150/
    python tools/scaled_screenshots.py --scale 1.25  # 125%: docs/scale-125/

Qt is told the scale factor (QT_SCALE_FACTOR) before it starts, on the offscreen platform with the
office laptop's 1366x768 screen (tests/offscreen_screen.json), as Windows' "Scale: 150%" does on
such a screen: 911x512 device-independent pixels. Each picture is the whole screen as the user
sees it (1366x768 real pixels): the maximized main window with a campaign at each stage, and the
larger dialogs where the application opens them, drawn over the window.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = ROOT / "tests" / "offscreen_screen.json"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.5, help="display scaling, 1.5 for 150%% (default)")
    return parser.parse_args()


def main() -> int:
    args = parse()
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
    import qt_session  # after the environment: it starts Qt

    app, settle = qt_session.start(settle_passes=8)
    from PySide6.QtCore import QPoint, QSize
    from PySide6.QtGui import QColor, QImage, QPainter

    from wawaran_desktop import demo
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.services.timing import StepState
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.main_window import MainWindow

    out = qt_session.DOCS / f"scale-{round(args.scale * 100)}"
    out.mkdir(parents=True, exist_ok=True)
    screen = app.primaryScreen()
    ratio = screen.devicePixelRatio()
    size = QSize(round(screen.geometry().width() * ratio), round(screen.geometry().height() * ratio))

    def wait(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str, *windows) -> None:
        """The screen with ``windows`` drawn where they are, the later ones over the earlier."""
        settle()
        picture = QImage(size, QImage.Format.Format_RGB32)
        picture.setDevicePixelRatio(ratio)  # painted in the windows' own (logical) coordinates
        picture.fill(QColor("#1f3b57"))  # the desktop
        painter = QPainter(picture)
        for window in windows:
            painter.drawPixmap(window.mapToGlobal(QPoint(0, 0)), window.grab())
        painter.end()
        picture.save(str(out / name))
        print(f"{out.relative_to(ROOT)}/{name}  ({screen.geometry().width()}x{screen.geometry().height()} "
              f"at {args.scale:g}: {picture.width()}x{picture.height()} px)")

    with tempfile.TemporaryDirectory() as data:
        ws = open_workspace(data)
        demo.run_demo(ws, 30, acting_admin=None, seed=7)
        window = MainWindow(ws, ws.accounts.sign_in("rina", demo.TRAINING_PASSWORD))
        window.showMaximized()
        wait(2.0)  # what the window installs after start-up (date typing, ellipses) is in place
        running = next(c for c in ws.campaigns.list() if c.status is CampaignStatus.RUNNING
                       and any(s.state is StepState.RUNNING for s in ws.campaigns.get(c.id).steps))
        window.list.select(running.id)
        shoot("main-window.png", window)
        done = next(c for c in ws.campaigns.list() if c.status is CampaignStatus.DONE)
        window.list.select(done.id)
        for no in range(1, 10):
            window.ui.stageTabs.setCurrentIndex(no - 1)
            shoot(f"stage-{no}.png", window)

        from wawaran_desktop.services.stages.evaluation import latest_followups
        from wawaran_desktop.views.campaign_dialog import CampaignDialog
        from wawaran_desktop.views.documents.profile_dialog import ProfileDialog
        from wawaran_desktop.views.staff_dialog import StaffDialog

        actor = window.current_actor()
        dialogs = (
            ("dialog-profil-kantor.png", lambda: ProfileDialog(ws, actor, window)),
            ("dialog-kampanye-baru.png", lambda: CampaignDialog(lambda title, theme: None, heading="Kampanye Baru",
                                                                 parent=window, followups=latest_followups())),
            ("dialog-direktori-petugas.png", lambda: StaffDialog(ws, window, actor_id=actor)),
        )
        for name, make in dialogs:
            dialog = make()
            dialog.show()
            shoot(name, window, dialog)
            dialog.close()
        window.close()
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
