"""The demo's example office profile: a full kop surat (address and contacts) for demo documents.

Stored only when the office has no profile yet: the office's own is never overwritten.
The address is the Puspemkot Tangerang's; the telephone number is an example.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

ADDRESS = "Gedung Pusat Pemerintahan Kota Tangerang, Jl. Satria Sudirman No. 1, Kota Tangerang, Banten 15111"
PHONE = "(021) 5555555"  # an example number
EMAIL = "diskominfo@tangerangkota.go.id"
WEBSITE = "tangerangkota.go.id"


def ensure_office_profile(ws: Workspace, actor_id: int, at: datetime) -> bool:
    """Store the example profile unless one is stored; ``at`` dates its audit entry. True if stored."""
    if ws.profile.is_stored():
        return False
    example = ws.profile.load()._replace(address=ADDRESS, phone=PHONE, email=EMAIL, website=WEBSITE)
    ws.backdated(lambda: at).profile.save(actor_id, example)
    return True
