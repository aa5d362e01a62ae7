"""The user guide (resources/guide/) holds together and says what the application does: every
page is in the contents, every link and picture is found, each SOP activity has its page with
the SOP's own figures, and each stage page quotes the refusal its stage's finish rule gives."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from wawaran_desktop import paths
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.services.stages.registry import finish_check
from wawaran_desktop.sop.loader import load_sop
from wawaran_desktop.views.guide_help import HOME, guide_dir, stage_page
from wawaran_desktop.views.guide_window import read_contents

FOLDER = guide_dir()


class Page(HTMLParser):
    """A page's links, pictures, anchors, title and text."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.links: list[str] = []
        self.images: list[str] = []
        self.anchors: set[str] = set()
        self.title = ""
        self.h1: list[str] = []
        self._in: list[str] = []
        self.text_parts: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in.append(tag)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "img":
            self.images.append(attrs.get("src", ""))
        for key in ("id", "name"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.anchors.add(attrs[key])

    def handle_endtag(self, tag):
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data):
        if "title" in self._in:
            self.title += data
        elif "h1" in self._in:
            self.h1.append(data)
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    @property
    def heading(self) -> str:
        return " ".join("".join(self.h1).split())


def pages() -> dict[str, Page]:
    return {path.name: Page(path) for path in sorted(FOLDER.glob("*.html"))}


def listed() -> list[str]:
    return [page for group in read_contents(FOLDER) for page in group.pages]


def test_every_page_is_in_the_contents_once_and_every_listed_page_exists():
    names = listed()
    assert names[0] == HOME
    assert len(names) == len(set(names))
    assert set(names) == set(pages()), "a page missing from contents.json, or listed but absent"


def test_every_internal_link_finds_its_page_and_anchor():
    found = pages()
    checked = 0
    for name, page in found.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            target = parts.path or name
            assert target in found, f"{name}: link to {link}, no such page"
            if parts.fragment:
                assert parts.fragment in found[target].anchors, f"{name}: link to {link}, no such anchor"
            checked += 1
    assert checked > 50


def test_every_picture_exists_and_every_picture_is_used():
    used = set()
    for name, page in pages().items():
        for src in page.images:
            assert (FOLDER / src).is_file(), f"{name}: picture {src} not found (python tools/guide_screenshots.py)"
            used.add(src)
    stored = {f"img/{p.name}" for p in (FOLDER / "img").glob("*.png")}
    assert stored == used, "pictures no page shows, or shown but not made"


def test_each_sop_activity_has_its_page_with_the_sops_own_figures():
    """Found by the SOP's data: a new stage without a page fails here."""
    sop = load_sop(paths.resource("sop/wawaran_keliling.json"))
    found = pages()
    contents = listed()
    index = found[HOME]
    lanes = {lane.id: lane.name for lane in sop.lanes}
    for activity in sop.activities:
        name = stage_page(activity.workspace)
        assert name in found and name in contents, f"no guide page for stage {activity.no} ({activity.workspace})"
        page = found[name]
        assert page.heading == page.title.strip() == f"Tahap {activity.no}: {activity.short}"
        text = page.text
        assert html.unescape(activity.title) in text
        assert f"Pelaksana {lanes[activity.lane]}" in text
        for support in activity.support_lanes:
            assert lanes[support] in text
        assert f"Waktu baku {activity.standard_minutes} menit" in text
        assert all(item in text for item in activity.kelengkapan)
        assert activity.output in text
        assert name in index.links, f"the contents page does not link stage {activity.no}"
        assert f"{activity.no} {activity.short}" in index.text
    assert f"{sum(a.standard_minutes for a in sop.activities)} menit" in index.text


@pytest.mark.parametrize("no", range(1, 10))
def test_each_stage_page_quotes_its_finish_rule(ws, actor, no):
    """On a campaign whose stage holds nothing yet, finishing is refused with the very message the
    stage's page shows under *Syarat menyelesaikan tahap*."""
    campaign = ws.campaigns.create(actor.id, "Wawaran Uji Panduan")
    activity = ws.sop.activity(no)
    with pytest.raises(ServiceError) as refused:
        finish_check(activity.workspace)(campaign.id, None)
    message = " ".join(str(refused.value).split())
    page = Page(FOLDER / stage_page(activity.workspace))
    assert "syarat" in page.anchors
    assert message in page.text, f"{stage_page(activity.workspace)} does not quote: {message}"

