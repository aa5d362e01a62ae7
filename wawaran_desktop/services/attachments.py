"""Files attached to a campaign (documents, images, photos), copied into the data folder.

The copy is written to a temporary file in ``attachments/`` and moved into place, so a
failure never leaves half a file; the database row is written only after the copy is whole.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.models import Staff, database
from wawaran_desktop.db.stage_models import Attachment
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.stages.common import editable_campaign

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

FOLDER = "attachments"
MAX_BYTES = 50 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"}


class AttachmentRecord(NamedTuple):
    id: int
    original_name: str
    path: Path
    media_type: str
    size: int
    added_by_name: str
    added_at: object  # aware UTC datetime

    @property
    def is_image(self) -> bool:
        return self.path.suffix.lower() in IMAGE_SUFFIXES


class AttachmentService:
    def __init__(self, ws: Workspace) -> None:
        self.staff = ws.staff
        self.folder = Path(ws.data_dir) / FOLDER
        self.clock = ws.clock

    def add(self, actor_id: int | None, campaign_id: int, source: str | Path, *,
            data_item_id: int | None = None, route_stop_id: int | None = None) -> AttachmentRecord:
        """Copy ``source`` into the data folder and record it."""
        actor = self.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        source = Path(source)
        if not source.is_file():
            raise ValidationError(f"Berkas {source.name} tidak ditemukan atau bukan berkas.", "file")
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise ValidationError(f"Berkas {source.name} terlalu besar ({size // (1024 * 1024)} MB, "
                                  f"maksimal {MAX_BYTES // (1024 * 1024)} MB).", "file")
        import mimetypes  # (these on first use: the window opens without them)
        import uuid

        stored = f"{uuid.uuid4().hex}{source.suffix.lower()[:10]}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            digest = _copy_atomically(source, self.folder / stored)
        except OSError as exc:
            raise ValidationError(f"Berkas {source.name} tidak dapat disalin ke folder data: "
                                  f"{exc.strerror or exc}. Tutup berkas itu di program lain, periksa "
                                  "ruang disk dan izin folder, lalu coba lagi.", "file") from None
        media_type = mimetypes.guess_type(source.name)[0] or ""
        try:
            with database.atomic():
                row = Attachment.create(
                    campaign=campaign_id, data_item=data_item_id, route_stop=route_stop_id,
                    original_name=source.name[:255], stored_name=stored, media_type=media_type,
                    size=size, sha256=digest, added_by=actor, added_at=to_db(self.clock()))
        except Exception:
            (self.folder / stored).unlink(missing_ok=True)
            raise
        return self._record(row)

    def remove(self, actor_id: int | None, attachment_id: int) -> None:
        self.staff.require_active(actor_id)
        row = Attachment.get_or_none(Attachment.id == attachment_id)
        if row is None:
            raise NotFound("Lampiran tidak ditemukan.")
        editable_campaign(row.campaign_id)
        remove_files(self.folder, [row.stored_name])  # first: a file Windows keeps open refuses
        with database.atomic():
            row.delete_instance()

    def list(self, campaign_id: int, *, data_item_id: int | None = None,
             route_stop_id: int | None = None) -> list[AttachmentRecord]:
        query = Attachment.select().where(Attachment.campaign == campaign_id).order_by(Attachment.id)
        if data_item_id is not None:
            query = query.where(Attachment.data_item == data_item_id)
        if route_stop_id is not None:
            query = query.where(Attachment.route_stop == route_stop_id)
        return [self._record(row) for row in query]

    def _record(self, row: Attachment) -> AttachmentRecord:
        who = Staff.get_or_none(Staff.id == row.added_by_id)
        return AttachmentRecord(id=row.id, original_name=row.original_name, path=self.folder / row.stored_name,
                                media_type=row.media_type, size=row.size, added_by_name=who.name if who else "?",
                                added_at=from_db(row.added_at))


def sweep(folder: Path, older_than_seconds: float = 24 * 3600) -> list[str]:
    """Delete leftovers nothing refers to: half-copied ``.part-*`` and ``.trash-*`` files and
    copies whose database row was never written (a crash between the two). Only files older
    than ``older_than_seconds`` go, so a copy being made right now is never touched.
    Returns the names removed."""
    import time

    if not folder.is_dir():
        return []
    known = {row.stored_name for row in Attachment.select(Attachment.stored_name)}
    limit = time.time() - older_than_seconds
    removed = []
    for path in folder.iterdir():
        try:
            if path.is_file() and path.name not in known and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path.name)
        except OSError:
            continue  # in use or vanished: next time
    return removed


def remove_files(folder: Path, names: list[str]) -> None:
    """Delete stored files, or refuse (nothing deleted) when one cannot be removed.

    Each is first renamed aside, so a file held open (Windows) stops the whole removal
    before any database row goes; the renamed ones are then deleted.
    """
    aside: list[tuple[Path, Path]] = []
    try:
        for name in names:
            path = folder / name
            if path.exists():
                trash = path.with_name(f".trash-{path.name}")
                os.replace(path, trash)
                aside.append((path, trash))
    except OSError as exc:
        for path, trash in aside:  # put back what was moved
            os.replace(trash, path)
        raise RuleError(f"Lampiran tidak dapat dihapus karena berkasnya sedang dibuka program lain "
                        f"({exc.strerror or exc}). Tutup berkas itu, lalu coba lagi.") from None
    for _path, trash in aside:
        trash.unlink(missing_ok=True)


def _copy_atomically(source: Path, target: Path) -> str:
    """Copy through a temporary file in the target folder; returns the SHA-256 of the bytes."""
    import hashlib
    import tempfile

    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            for chunk in iter(lambda: src.read(1024 * 1024), b""):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return digest.hexdigest()
