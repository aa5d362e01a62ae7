"""What the *Dokumen* actions share: the campaign they work on and the file names they suggest.

Kept apart from ``menu.py`` so the actions' own modules (``report_export.py``, …), which the
menu imports when chosen, need not import the menu back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wawaran_desktop.views import feedback

if TYPE_CHECKING:
    from wawaran_desktop.services.records import CampaignRecord
    from wawaran_desktop.views.feature_host import FeatureHost

NO_CAMPAIGN = "Pilih dulu kampanyenya di daftar kampanye (kiri)."


def campaign_shown(host: FeatureHost) -> CampaignRecord | None:
    """The campaign shown, after storing what is still being typed in its tabs; None (after
    telling the user why) when no campaign is chosen or something typed was refused."""
    record = host.record
    if record is None:
        feedback.warn(host, NO_CAMPAIGN)
        return None
    if not host.flush():
        return None  # the tab shows why; the document would miss what was typed
    return record


def safe_name(text: str, limit: int = 80) -> str:
    """A file name from ``text``: no characters Windows refuses, no runs of spaces."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", text)
    return re.sub(r"\s+", " ", cleaned).strip(" .-")[:limit].strip() or "dokumen"
