"""Swimlane chart benchmark: building the chart for a campaign, and the one-second tick.

Target (issue 4): building the chart for a campaign takes under 50 ms, and the tick repaints
only what changed. On a demo data folder (``main.py demo --campaigns 30 --seed 1``) this
measures, each as a median of many runs:

* layout: the chart's geometry computed from the SOP definition (texts measured with the
  real fonts, arrows routed) — done once per SOP definition and kept;
* build: a new scene for a campaign (static items from the layout, then the overlay);
* switch: showing another campaign on an existing scene (what selecting a campaign does);
* tick: one second passing on a campaign with a running step, in a shown view — the time of
  the tick, the items it touched, and the regions the scene reported changed
  (``QGraphicsScene.changed``) once the event loop ran.

    python bench/swimlane.py [--runs 200] [--ticks 120]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import timedelta

from demo_folder import demo_folder


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--ticks", type=int, default=120)
    args = parser.parse_args()
    with demo_folder(30, seed=1) as data:
        return measure(data, args.runs, args.ticks)


def measure(data: str, runs: int, ticks: int) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from wawaran_desktop.services.timing import StepState
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.swimlane import layouts
    from wawaran_desktop.views.swimlane.scene import ChartScene
    from wawaran_desktop.views.swimlane.view import SwimlaneView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ws = open_workspace(data)
    now = ws.clock()
    records = [ws.campaigns.get(c.id) for c in ws.campaigns.list()]
    sop = records[0].sop
    print(f"demo folder: {len(records)} campaigns, SOP {sop.identity.name!r}, {len(sop.activities)} activities")

    layout_times = []
    for _ in range(max(5, runs // 10)):
        layouts.forget()
        t0 = time.perf_counter()
        layouts.layout_for(sop)
        layout_times.append(time.perf_counter() - t0)
    layout = layouts.layout_for(sop)
    print(f"layout (once per SOP definition): median {ms(statistics.median(layout_times))}, "
          f"{len(layout.routes)} arrows, {len(layout.texts)} text blocks")

    build_times = []
    scene = None
    for i in range(runs):
        record = records[i % len(records)]
        t0 = time.perf_counter()
        scene = ChartScene(record.sop, layouts.layout_for(record.sop))
        scene.show_record(record, now)
        build_times.append(time.perf_counter() - t0)
        scene.deleteLater()
        if i % 20 == 0:
            app.processEvents()
    items = len(scene.items())
    print(f"build (new scene for a campaign): median {ms(statistics.median(build_times))}, "
          f"max {ms(max(build_times))} over {runs} runs; {items} items; target < 50 ms: "
          f"{'met' if statistics.median(build_times) < 0.050 else 'NOT met'}")
    first = statistics.median(layout_times) + statistics.median(build_times)
    print(f"  first chart of a SOP definition (layout + build): {ms(first)}")

    scene = ChartScene(sop, layout)
    switch_times = []
    for i in range(runs):
        t0 = time.perf_counter()
        scene.show_record(records[i % len(records)], now)
        switch_times.append(time.perf_counter() - t0)
    print(f"switch (another campaign, same scene): median {ms(statistics.median(switch_times))}")

    running = next((r for r in records if any(s.state is StepState.RUNNING for s in r.steps)), None)
    if running is None:
        print("tick: no campaign with a running step in the demo folder")
        return 0
    view = SwimlaneView()
    view.setScene(scene)
    view.resize(1300, 700)
    view.show()
    view.fit()
    scene.show_record(running, now)
    app.processEvents()
    regions: list[int] = []
    scene.changed.connect(lambda rects: regions.append(len(rects)))
    tick_times, touched, rects = [], [], []
    moment = now
    for _ in range(ticks):
        moment += timedelta(seconds=1)
        regions.clear()
        t0 = time.perf_counter()
        touched.append(scene.tick(moment))
        tick_times.append(time.perf_counter() - t0)
        app.processEvents()
        rects.append(sum(regions))
    print(f"tick (campaign {running.id}, {ticks} one-second ticks): median {ms(statistics.median(tick_times))}, "
          f"max {ms(max(tick_times))}")
    print(f"  items changed per tick: median {statistics.median(touched):.0f}, max {max(touched)} "
          "(the running step's symbol label, working and wall-clock lines and the totals move every second)")
    print(f"  regions repainted per tick (scene.changed rects): median {statistics.median(rects):.0f}, "
          f"max {max(rects)}; of {len(scene.items())} items")
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
