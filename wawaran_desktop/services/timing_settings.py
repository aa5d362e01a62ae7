"""The office's colour thresholds for "at risk" and "late", stored as a setting.

The workspace loads them when it opens (``Workspace.thresholds``) and hands them to every
record it reads, so every status in the application (list, tabs, swimlane, documents) uses
the same limits; ``Workspace.set_thresholds`` stores new ones. The dialog reads them with
their version (:func:`read`) and saves naming it: thresholds another PC saved meanwhile are
not replaced unknowingly.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from wawaran_desktop.services import timing
from wawaran_desktop.services.errors import ValidationError
from wawaran_desktop.services.settings import SettingsService

KEY = "timing.thresholds"
AT_RISK_RANGE = (0.5, 1.0)  # fraction of the standard
LATE_RANGE = (1.0, 2.0)
WHAT = "Batas waktu status"
#: The dialog's labels of both thresholds (what a conflict compares).
AT_RISK_LABEL, LATE_LABEL = "Berisiko terlambat mulai", "Terlambat bila lebih dari"


class StoredThresholds(NamedTuple):
    value: timing.Thresholds  # the defaults when none (or an unreadable value) is stored
    version: int  # the stored version a save names (0: not stored yet)


def read(settings: SettingsService) -> StoredThresholds:
    """The stored thresholds and their version, read together."""
    stored, version = settings.get_json_versioned(KEY, {})
    return StoredThresholds(_parse(stored), version)


def load(settings: SettingsService) -> timing.Thresholds:
    """The stored thresholds; the defaults when none (or an unreadable value) is stored."""
    return read(settings).value


def _parse(stored: Any) -> timing.Thresholds:
    try:
        return validate(float(stored["at_risk"]), float(stored["late"]))
    except (KeyError, TypeError, ValueError):
        return timing.DEFAULT_THRESHOLDS


def fields(value: timing.Thresholds) -> dict[str, str]:
    """``value`` by the dialog's labels, as a conflict shows it."""
    return {AT_RISK_LABEL: f"{round(value.at_risk * 100)} % dari waktu baku",
            LATE_LABEL: f"{round(value.late * 100)} % dari waktu baku"}


def validate(at_risk: float, late: float) -> timing.Thresholds:
    if not AT_RISK_RANGE[0] <= at_risk <= AT_RISK_RANGE[1]:
        raise ValidationError(
            f"Batas 'berisiko' harus antara {AT_RISK_RANGE[0]:.0%} dan {AT_RISK_RANGE[1]:.0%} dari standar.",
            "at_risk")
    if not LATE_RANGE[0] <= late <= LATE_RANGE[1]:
        raise ValidationError(
            f"Batas 'terlambat' harus antara {LATE_RANGE[0]:.0%} dan {LATE_RANGE[1]:.0%} dari standar.", "late")
    return timing.Thresholds(at_risk=round(at_risk, 4), late=round(late, 4))


def save(settings: SettingsService, actor_id: int | None, at_risk: float, late: float,
         version: int | None = None) -> timing.Thresholds:
    """Validate and store new thresholds (``Workspace.set_thresholds`` puts them in force), if
    still at ``version`` (the one read; None: any); else ConflictError."""
    value = validate(at_risk, late)
    settings.put_json(KEY, value._asdict(), actor_id=actor_id, version=version, what=WHAT,
                      theirs=lambda stored: fields(_parse(stored)))
    return value
