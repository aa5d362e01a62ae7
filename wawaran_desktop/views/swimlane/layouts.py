"""Chart layouts of SOP definitions, computed once per definition and kept.

A layout depends only on the SOP's exact text (its checksum) and the last column's title,
never on a campaign: switching campaigns under the same SOP reuses it.
"""

from __future__ import annotations

from wawaran_desktop.charts.swimlane_geometry import ChartLayout
from wawaran_desktop.charts.swimlane_layout import chart_layout
from wawaran_desktop.sop.schema import Sop
from wawaran_desktop.views.swimlane.fonts import measure

_cache: dict[tuple[str, str], ChartLayout] = {}


def layout_for(sop: Sop, last_title: str = "Aktual") -> ChartLayout:
    key = (sop.checksum, last_title)
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = chart_layout(sop, measure(), last_title=last_title)
    return found


def forget() -> None:
    """Drop every kept layout (benchmarks measure the first computation)."""
    _cache.clear()
