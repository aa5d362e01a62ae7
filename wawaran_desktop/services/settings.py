"""Office-wide settings kept in the database (the ``setting`` table), as text by key.

Small typed helpers over one key/value table, so every feature (timing thresholds, the
office profile, read-aloud rate, …) stores its settings the same way, next to the data
they govern, and a backup of the database file carries them along.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from wawaran_desktop.db.models import AuditEntry, database
from wawaran_desktop.db.stage_models import Setting
from wawaran_desktop.services.clock import to_db

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace


class SettingsService:
    """The office's settings of one workspace (``ws.settings``); changes are audited with the
    workspace clock."""

    def __init__(self, ws: Workspace) -> None:
        self.clock = ws.clock

    def get_text(self, key: str, default: str | None = None) -> str | None:
        value = Setting.select(Setting.value).where(Setting.key == key).scalar()
        return default if value is None else value

    def get_json(self, key: str, default: Any = None) -> Any:
        """The JSON value stored under ``key``; ``default`` when absent or unreadable."""
        text = self.get_text(key)
        if text is None:
            return default
        try:
            return json.loads(text)
        except ValueError:
            return default

    def put_text(self, key: str, value: str, *, actor_id: int | None = None) -> None:
        """Store ``value`` under ``key`` (replacing), with an audit entry naming who changed it."""
        with database.atomic():
            (Setting.insert(key=key, value=value)
             .on_conflict(conflict_target=[Setting.key], update={Setting.value: value}).execute())
            AuditEntry.create(at=to_db(self.clock()), actor=actor_id, action="setting",
                              detail=f"{key}={value[:200]}")

    def put_json(self, key: str, value: Any, *, actor_id: int | None = None) -> None:
        self.put_text(key, json.dumps(value, ensure_ascii=False, sort_keys=True), actor_id=actor_id)
