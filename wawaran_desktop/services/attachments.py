"""Files attached to a campaign (documents, images, photos), kept where every PC of the office sees them.

The file's content goes into a :class:`~wawaran_desktop.services.file_store.FileStore` under a
unique ``stored_name``: with the folder's own SQLite file, a copy in the data folder's
``attachments/`` (written to a temporary file and moved into place, so a failure never leaves
half a file); on an office server, a ``stored_file`` row written in the same transaction as the
attachment's row. :func:`local_file` gives the real file a view shows or opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.models import Staff, database
from wawaran_desktop.db.stage_models import Attachment
from wawaran_desktop.services import file_store
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import NotFound, ValidationError
from wawaran_desktop.services.file_store import FileStore, copy_from_database, in_database, sweep_cache
from wawaran_desktop.services.stages.common import editable_campaign

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

FOLDER = "attachments"
#: The largest attachment kept in the data folder (SQLite).
MAX_BYTES = 50 * 1024 * 1024
#: The largest attachment kept on the office server: a phone photo (3–8 MB) or a scanned
#: letter fits, and fetching one stays under a second on the office network.
SERVER_MAX_BYTES = 10 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"}


class AttachmentRecord(NamedTuple):
    id: int
    original_name: str
    path: Path  # the file on this PC; when ``fetched``, a copy :func:`local_file` makes on demand
    media_type: str
    size: int
    added_by_name: str
    added_at: object  # aware UTC datetime
    stored_name: str = ""
    sha256: str = ""
    fetched: bool = False  # kept in the database: ``path`` is a copy in the cache folder

    @property
    def is_image(self) -> bool:
        return self.path.suffix.lower() in IMAGE_SUFFIXES


def local_file(record: AttachmentRecord) -> Path:
    """The attachment as a real file on this PC, to show or open: in server mode fetched from
    the database into the cache folder (once; again only when the copy there was changed).
    Raises NotFound, FileDamaged (content not matching its SHA-256) or RuleError."""
    return copy_from_database(record.path, record.sha256 or None) if record.fetched else record.path


class AttachmentService:
    def __init__(self, ws: Workspace) -> None:
        self.staff = ws.staff
        self.store = FileStore(ws.data_dir, FOLDER, clock=ws.clock, limit=MAX_BYTES, server_limit=SERVER_MAX_BYTES)
        self.folder = self.store.folder
        self.clock = ws.clock

    def add(self, actor_id: int | None, campaign_id: int, source: str | Path, *,
            data_item_id: int | None = None, route_stop_id: int | None = None) -> AttachmentRecord:
        """Keep a copy of ``source`` (in the data folder, or on the server) and record it.

        Refused above the size limit (:data:`MAX_BYTES`, on a server :data:`SERVER_MAX_BYTES`)
        with a message naming the file, its size and the limit; nothing is stored then."""
        actor = self.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        source = Path(source)
        if not source.is_file():
            raise ValidationError(f"Berkas {source.name} tidak ditemukan atau bukan berkas.", "file")
        self.store.check_size(source.name, source.stat().st_size)
        import mimetypes  # (these on first use: the window opens without them)
        import uuid

        stored = f"{uuid.uuid4().hex}{source.suffix.lower()[:10]}"
        media_type = mimetypes.guess_type(source.name)[0] or ""
        try:
            with database.atomic():
                size, digest = self.store.put(stored, source)
                row = Attachment.create(
                    campaign=campaign_id, data_item=data_item_id, route_stop=route_stop_id,
                    original_name=source.name[:255], stored_name=stored, media_type=media_type,
                    size=size, sha256=digest, added_by=actor, added_at=to_db(self.clock()))
        except OSError as exc:
            self.store.discard(stored)
            where = "" if self.store.in_database else " ke folder data"
            raise ValidationError(f"Berkas {source.name} tidak dapat disalin{where}: "
                                  f"{exc.strerror or exc}. Tutup berkas itu di program lain, periksa "
                                  "ruang disk dan izin folder, lalu coba lagi.", "file") from None
        except BaseException:
            self.store.discard(stored)
            raise
        self.store.keep_local_copy(stored, source)
        return self._record(row)

    def remove(self, actor_id: int | None, attachment_id: int) -> None:
        """Delete an attachment and its file (on a server, its stored row, in one transaction)."""
        self.staff.require_active(actor_id)
        row = Attachment.get_or_none(Attachment.id == attachment_id)
        if row is None:
            raise NotFound("Lampiran tidak ditemukan.")
        editable_campaign(row.campaign_id)
        with database.atomic():
            self.store.delete([row.stored_name])  # first: a file Windows keeps open refuses
            row.delete_instance()

    def delete_files(self, stored_names: list[str]) -> None:
        """Delete the files of attachments whose rows the caller deletes in the same transaction
        (call it first, inside that transaction: a file held open refuses it all)."""
        self.store.delete(stored_names)

    def list(self, campaign_id: int, *, data_item_id: int | None = None,
             route_stop_id: int | None = None) -> list[AttachmentRecord]:
        query = Attachment.select().where(Attachment.campaign == campaign_id).order_by(Attachment.id)
        if data_item_id is not None:
            query = query.where(Attachment.data_item == data_item_id)
        if route_stop_id is not None:
            query = query.where(Attachment.route_stop == route_stop_id)
        return [self._record(row) for row in query]

    def local_file(self, record: AttachmentRecord) -> Path:
        """See :func:`local_file`."""
        return local_file(record)

    def _record(self, row: Attachment) -> AttachmentRecord:
        who = Staff.get_or_none(Staff.id == row.added_by_id)
        return AttachmentRecord(id=row.id, original_name=row.original_name, path=self.store.path_of(row.stored_name),
                                media_type=row.media_type, size=row.size, added_by_name=who.name if who else "?",
                                added_at=from_db(row.added_at), stored_name=row.stored_name, sha256=row.sha256,
                                fetched=self.store.in_database)


def remove_files(folder: Path, names: list[str]) -> None:
    """Delete the files of attachments ``names`` kept in ``folder`` (``attachments/``), or refuse
    with RuleError (nothing deleted) when one held open cannot be removed; call it first in the
    transaction that deletes their rows. On a server: their ``stored_file`` rows in that
    transaction, and this PC's cached copies. Called outside a transaction on a server, only the
    cached copies go: the rows stay rather than go before a transaction that may still be refused
    (a conflict with another PC), which would leave attachments without content."""
    if not in_database():
        file_store.remove_files(folder, names)
        return
    store = FileStore(folder.parent, folder.name, clock=_no_clock, limit=MAX_BYTES, server_limit=SERVER_MAX_BYTES)
    if database.in_transaction():
        store.delete(names)
    else:
        store.forget_local_copies(names)


def _no_clock():
    raise AssertionError("deleting files stamps nothing")


def sweep(folder: Path, older_than_seconds: float = 24 * 3600) -> list[str]:
    """Delete leftovers nothing refers to: half-copied ``.part-*`` and ``.trash-*`` files and
    copies whose database row was never written (a crash between the two), and copies fetched
    from the server into the cache folder (beside ``folder``) and not used since. Only files
    older than ``older_than_seconds`` go, so a copy being made right now is never touched.
    On a server, ``folder``'s own files are left alone: they belong to the folder's SQLite file,
    not to the database open now. Returns the names removed."""
    import time

    removed = sweep_cache(folder.parent, older_than_seconds)
    if in_database() or not folder.is_dir():
        return removed
    known = {row.stored_name for row in Attachment.select(Attachment.stored_name)}
    limit = time.time() - older_than_seconds
    for path in folder.iterdir():
        try:
            if path.is_file() and path.name not in known and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path.name)
        except OSError:
            continue  # in use or vanished: next time
    return removed
