"""One place that opens a data folder: database, SOP definition and the services over them."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop import paths
from wawaran_desktop.db import dialect
from wawaran_desktop.db.connection import DatabaseError, close_database, open_database, open_database_url
from wawaran_desktop.services import sop_registry, timing_settings
from wawaran_desktop.services.campaigns import CampaignService
from wawaran_desktop.services.clock import Clock, utc_now, wib_date
from wawaran_desktop.services.lane_overrides import LaneService
from wawaran_desktop.services.settings import SettingsService
from wawaran_desktop.services.staff import StaffService
from wawaran_desktop.services.steps import StepService
from wawaran_desktop.services.timing import Thresholds
from wawaran_desktop.sop import Sop, SopError, load_sop

if TYPE_CHECKING:
    from wawaran_desktop.services.accounts import AccountService
    from wawaran_desktop.services.backups import BackupService
    from wawaran_desktop.services.office_profile import OfficeProfileService

DEFAULT_SOP = "sop/wawaran_keliling.json"

#: What opening a data folder may raise; each message is for the user.
OPEN_ERRORS = (DatabaseError, SopError, OSError)


class Workspace:
    """The services of one open data folder. Close it when done."""

    def __init__(self, data_dir: Path, sop: Sop, clock: Clock = utc_now, database_url: str | None = None) -> None:
        self.data_dir = data_dir
        #: The office server's database this workspace opened (``--database``); None: the
        #: folder's own SQLite file.
        self.database_url = database_url
        self.sop = sop
        self.clock = clock
        sop_registry.remember(sop)
        self.settings = SettingsService(self)
        #: The office's at-risk and late thresholds, for every status this workspace tells.
        self.thresholds: Thresholds = timing_settings.load(self.settings)
        self.staff = StaffService(self)
        self.campaigns = CampaignService(self)
        self.steps = StepService(self)
        self.lanes = LaneService(self)

    @cached_property
    def profile(self) -> OfficeProfileService:
        """The office profile (kop surat, signatories, paper), built when first used."""
        from wawaran_desktop.services.office_profile import OfficeProfileService  # not at start-up

        return OfficeProfileService(self)

    @cached_property
    def backups(self) -> BackupService:
        """Backups of this PC's file: made, rotated, listed, copied, restored (refused on a server)."""
        from wawaran_desktop.services.backups import BackupService  # not at start-up

        return BackupService(self)

    @cached_property
    def accounts(self) -> AccountService:
        """Accounts and sign-in (argon2 is loaded when first used)."""
        from wawaran_desktop.services.accounts import AccountService  # not at start-up

        return AccountService(self)

    def backdated(self, clock: Clock) -> Workspace:
        """The same open data folder on another clock (the demo records its team as hired
        months ago); services built on it stamp their records with that clock."""
        return Workspace(self.data_dir, self.sop, clock, self.database_url)

    def set_thresholds(self, actor_id: int | None, at_risk: float, late: float,
                       version: int | None = None) -> Thresholds:
        """Store new thresholds (``ValidationError`` outside their ranges) and put them in force;
        ``version``: the stored one they were based on (``ConflictError`` if another PC saved since)."""
        self.thresholds = timing_settings.save(self.settings, actor_id, at_risk, late, version=version)
        return self.thresholds

    def today(self) -> date:
        """Today's WIB date by the workspace's clock: every "today" a user sees or filters by."""
        return wib_date(self.clock())

    def __repr__(self) -> str:
        return f"Workspace({str(self.data_dir)!r})"

    @property
    def db_path(self) -> Path:
        return self.data_dir / paths.DB_FILENAME

    def close(self) -> None:
        close_database()


def open_workspace(data_dir: str | Path, sop_path: str | Path | None = None,
                   clock: Clock | None = None, database_url: str | None = None) -> Workspace:
    """Open (creating or migrating) the database in ``data_dir`` with the current SOP.

    ``database_url`` (``postgresql://host:port/dbname``) opens that database instead of the
    folder's own file; the folder still holds the PC's files.
    Raises ``SopError`` or ``DatabaseError``, whose messages are for the user.
    """
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    sop = load_sop(sop_path or paths.resource(DEFAULT_SOP))
    if database_url is None:
        open_database(folder / paths.DB_FILENAME)
    else:
        open_database_url(database_url)
    if clock is None:  # the server's clock for a shared database, so PCs' clocks cannot reorder events
        clock = dialect.server_clock() or utc_now
    return Workspace(data_dir=folder, sop=sop, clock=clock, database_url=database_url)
