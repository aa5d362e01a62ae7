"""Render the timeline's pictures for the documentation: docs/timeline.png, docs/timeline-stats.png.

    python tools/timeline_screenshots.py            # offscreen

A fresh demo database is made in a temporary folder exactly as a user would make one
(``python main.py --data-dir D demo --campaigns 200 --seed 1``); the Gantt shows a running
campaign with a paused or reopened step (so every kind of bar appears), the statistics
dialog its default period (the last three months).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

import qt_session
from qt_session import DOCS, ROOT


def pick_campaign(ws) -> int:
    """A running campaign with as much to show as possible: steps done, a pause, a reopening."""
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.services.timing import StepState

    def score(record) -> tuple:
        started = sum(s.state is not StepState.NOT_STARTED for s in record.steps)
        paused = any(s.pauses for s in record.steps)
        reopened = any(e.kind == "reopen" for s in record.steps for e in s.events)
        running = any(s.state in (StepState.RUNNING, StepState.PAUSED) for s in record.steps)
        return (running, paused, reopened, 4 <= started <= 7, started, -record.id)

    records = [ws.campaigns.get(c.id) for c in ws.campaigns.list() if c.status is CampaignStatus.RUNNING]
    return max(records, key=score).id


def main() -> int:
    app, settle = qt_session.start()
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.swimlane.timeline_stats_view import TimelineStatsDialog
    from wawaran_desktop.views.swimlane.timeline_view import TimelineView

    with tempfile.TemporaryDirectory() as data:
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", data, "demo", "--campaigns", "200",
                        "--seed", "1"], check=True, cwd=ROOT)
        ws = open_workspace(data)
        view = TimelineView()
        view.resize(1340, 560)
        view.show()
        settle()
        chosen = pick_campaign(ws)
        view.show_record(ws.campaigns.get(chosen), ws.clock())
        settle()
        view.grab().save(str(DOCS / "timeline.png"))
        print(f"docs/timeline.png (campaign {chosen})")
        view.close()

        dialog = TimelineStatsDialog(ws)
        dialog.resize(1280, 800)
        dialog.show()
        while dialog.busy:
            app.processEvents()
        settle()
        dialog.grab().save(str(DOCS / "timeline-stats.png"))
        print("docs/timeline-stats.png")
        dialog.close()
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
