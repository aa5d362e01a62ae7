"""Office-wide settings kept in the database (the ``setting`` table), as text by key.

Small typed helpers over one key/value table, so every feature (timing thresholds, the
office profile, read-aloud rate, …) stores its settings the same way, next to the data
they govern, and a backup of the database file carries them along.

Each row carries a version (services/versions.py): a setting edited in a dialog is read
with its version (:meth:`SettingsService.get_text_versioned`) and stored naming it
(``version=``), so a save based on an older value is refused with who changed it and when
(from the audit entry of that change) instead of silently replacing it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple

from wawaran_desktop.db.models import AuditEntry, database
from wawaran_desktop.db.stage_models import Setting
from wawaran_desktop.services import versions
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.history import record_audit

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace


class StoredText(NamedTuple):
    """A setting's text and the version a save names (0 and None: not stored yet)."""

    value: str | None
    version: int


class SettingsService:
    """The office's settings of one workspace (``ws.settings``); changes are audited with the
    workspace clock."""

    def __init__(self, ws: Workspace) -> None:
        self.clock = ws.clock

    def get_text(self, key: str, default: str | None = None) -> str | None:
        value = Setting.select(Setting.value).where(Setting.key == key).scalar()
        return default if value is None else value

    def get_text_versioned(self, key: str) -> StoredText:
        """The text under ``key`` and its version, read together (one row, one statement)."""
        row = Setting.select(Setting.value, Setting.version).where(Setting.key == key).first()
        return StoredText(row.value, row.version) if row is not None else StoredText(None, 0)

    def get_json(self, key: str, default: Any = None) -> Any:
        """The JSON value stored under ``key``; ``default`` when absent or unreadable."""
        return parse_json(self.get_text(key), default)

    def get_json_versioned(self, key: str, default: Any = None) -> tuple[Any, int]:
        """The JSON value under ``key`` (``default`` when absent or unreadable) and its version."""
        stored = self.get_text_versioned(key)
        return parse_json(stored.value, default), stored.version

    def put_text(self, key: str, value: str, *, actor_id: int | None = None, version: int | None = None,
                 what: str = "Pengaturan", theirs: Callable[[str], Mapping[str, str]] | None = None) -> int:
        """Store ``value`` under ``key`` (replacing), with an audit entry naming who changed it;
        returns the stored version.

        ``version``: the one read (0: it was not stored yet); when another save came first,
        nothing is stored and :class:`ConflictError` says who saved it and when, with
        ``theirs(stored text)`` as the stored values by field label. None: no check (writers
        that read and write at once)."""
        with database.atomic():
            if version is None:
                (Setting.insert(key=key, value=value, version=1)
                 .on_conflict(conflict_target=[Setting.key],
                              update={Setting.value: value, Setting.version: Setting.version + 1}).execute())
                stored = versions.stored_version(Setting, Setting.key == key)
            else:
                try:
                    stored = versions.upsert(Setting, Setting.key == key, version, {"key": key}, {"value": value},
                                             what)
                except ConflictError:
                    raise self._conflict(key, what, theirs) from None
            record_audit(at=to_db(self.clock()), actor=actor_id, action="setting",
                         detail=f"{key}={value[:200]}")
        return stored

    def put_json(self, key: str, value: Any, *, actor_id: int | None = None, version: int | None = None,
                 what: str = "Pengaturan", theirs: Callable[[Any], Mapping[str, str]] | None = None) -> int:
        """:meth:`put_text` of ``value`` as JSON; ``theirs`` gets the stored value parsed (None
        when unreadable)."""
        return self.put_text(key, json.dumps(value, ensure_ascii=False, sort_keys=True), actor_id=actor_id,
                             version=version, what=what,
                             theirs=None if theirs is None else lambda text: theirs(parse_json(text)))

    @staticmethod
    def _conflict(key: str, what: str, theirs: Callable[[str], Mapping[str, str]] | None) -> ConflictError:
        """The refusal of a save of ``key``, naming who changed it last and when (its audit entry)."""
        row = Setting.get_or_none(Setting.key == key)
        if row is None:
            return versions.conflict(what, None)
        last = (AuditEntry.select(AuditEntry.actor, AuditEntry.at)
                .where((AuditEntry.action == "setting") & AuditEntry.detail.startswith(f"{key}="))
                .order_by(AuditEntry.id.desc()).first())
        stamped = SimpleNamespace(version=row.version, value=row.value,
                                  updated_by_id=last.actor_id if last is not None else None,
                                  updated_at=last.at if last is not None else None)
        return versions.conflict(what, stamped, None if theirs is None else lambda r: theirs(r.value))


def parse_json(text: str | None, default: Any = None) -> Any:
    """``text`` parsed as JSON; ``default`` when None or unreadable."""
    if text is None:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default
