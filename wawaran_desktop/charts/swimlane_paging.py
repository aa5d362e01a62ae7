"""The SOP chart cut into pages, joined by off-page connectors (no Qt).

Each page repeats the table's header and holds whole activity rows. An arrow whose ends fall
on different pages becomes two: from its source to a pentagon connector with a letter, and
from a connector with the same letter to its target. Connectors to earlier pages sit in a
band under the header, connectors to later pages in a band under the last row; the total
row closes the last page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from string import ascii_uppercase

from wawaran_desktop.charts.swimlane_geometry import ChartLayout, Measure
from wawaran_desktop.charts.swimlane_layout import Link, Metrics, build_chart, flow_edges, row_heights
from wawaran_desktop.sop.schema import Sop


def letter(index: int) -> str:
    """A, B, … Z, then A2, B2, …"""
    rounds, i = divmod(index, len(ascii_uppercase))
    return ascii_uppercase[i] + (str(rounds + 1) if rounds else "")


def split_rows(sop: Sop, measure: Measure, metrics: Metrics, available: Callable[[int], float],
               last_title: str = "Aktual") -> list[list[int]]:
    """Activity numbers per page, filling each page (``available(i)``: points for page i's table)."""
    sizes = row_heights(sop, measure, metrics, last_title)
    numbers = [a.no for a in sop.activities]
    pages: list[list[int]] = []
    i = 0
    while i < len(numbers):
        room = available(len(pages)) - sizes.header - (sizes.band if pages else 0.0)
        chosen: list[int] = []
        used = 0.0
        while i < len(numbers):
            after = sizes.total if i == len(numbers) - 1 else sizes.band
            height = sizes.activities[numbers[i]]
            if chosen and used + height + after > room:
                break
            chosen.append(numbers[i])
            used += height
            i += 1
        pages.append(chosen)
    return pages


def page_links(sop: Sop, pages: Sequence[Sequence[int]]) -> list[list[Link]]:
    """The off-page connectors of each page, one lettered pair per arrow that changes page."""
    page_of = {no: p for p, numbers in enumerate(pages) for no in numbers}
    links: list[list[Link]] = [[] for _ in pages]
    count = 0
    for edge in flow_edges(sop):
        source_page, target_page = page_of[edge.source], page_of[edge.target]
        if source_page == target_page:
            continue
        mark = letter(count)
        count += 1
        forward = target_page > source_page
        links[source_page].append(Link(mark, sop.activity(edge.source).lane, "bottom" if forward else "top",
                                       edge.source, True, edge.label))
        links[target_page].append(Link(mark, sop.activity(edge.target).lane, "top" if forward else "bottom",
                                       edge.target, False))
    return links


def paginate(sop: Sop, measure: Measure, available: Callable[[int], float] | float,
             metrics: Metrics = Metrics(), last_title: str = "Aktual") -> list[ChartLayout]:
    """The chart as pages whose tables are at most ``available`` points tall (where possible:
    a single activity taller than a page gets a page of its own)."""
    room = available if callable(available) else (lambda _i, h=float(available): h)
    pages = split_rows(sop, measure, metrics, room, last_title)
    links = page_links(sop, pages)
    return [build_chart(sop, measure, metrics, numbers=numbers, links=links[i], with_total=i == len(pages) - 1,
                        last_title=last_title, page=i + 1, pages=len(pages))
            for i, numbers in enumerate(pages)]
