"""Stage 1, Pengumpulan Data: the data items of a campaign and their attachments.

Each item is a piece of trending or important information with its source (the media
monitoring of Bagian Prokomp, the coverage data of Seksi DIMC, or another, named source), a
reference or link, a date and a priority. Items are kept in the order the team sets.

Several PCs: each item carries its own version (:attr:`DataItemRecord.version`); a change or
removal names the version read, and one another PC changed or removed meanwhile is refused
(ConflictError with the stored values by the form's labels, or "telah dihapus di komputer
lain") instead of overwriting it or failing.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from wawaran_desktop.db.models import JOIN, AuditEntry, Campaign, Staff, database, fn
from wawaran_desktop.db.stage_models import Attachment, DataItem
from wawaran_desktop.services import lanes, versions
from wawaran_desktop.services.attachments import AttachmentRecord, AttachmentService, remove_files
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import ConflictError, NotFound, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.stages.common import clean_text, editable_campaign, require_date
from wawaran_desktop.services.step_state import stage_finished
from wawaran_desktop.text.formatting import long_date

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

TOPIC_MAX = 200
SUMMARY_MAX = 2000
SOURCE_NAME_MAX = 200
REFERENCE_MAX = 500

SOURCE_LABELS = {
    "prokomp": "Hasil media monitoring Bagian Prokomp",
    "dimc": "Data liputan Seksi DIMC",
    "other": "Lainnya",
}
SOURCE_SHORT = {"prokomp": "Prokomp", "dimc": "DIMC"}
PRIORITY_LABELS = {1: "Tinggi", 2: "Sedang", 3: "Rendah"}
#: The form's label of each field (the comparison of a refused save lists them).
FIELD_LABELS = {"topic": "Topik", "summary": "Ringkasan", "source_kind": "Sumber", "source_name": "Nama sumber",
                "reference": "Referensi", "item_date": "Tanggal", "priority": "Prioritas"}

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class DataItemFields(NamedTuple):
    """What the user enters for one data item."""

    topic: str = ""
    summary: str = ""
    source_kind: str = "prokomp"
    source_name: str = ""
    reference: str = ""
    item_date: date | None = None
    priority: int = 2


class DataItemRecord(NamedTuple):
    id: int
    campaign_id: int
    position: int
    fields: DataItemFields
    selected: bool  # chosen as a wawaran topic at the briefing
    created_by_name: str
    created_at: datetime  # aware UTC
    attachment_count: int
    version: int = 1  # the stored version a change names

    @property
    def topic(self) -> str:
        return self.fields.topic

    @property
    def source_label(self) -> str:
        """``Hasil media monitoring Bagian Prokomp``, or ``Lainnya: <name>``."""
        kind = self.fields.source_kind
        if kind == "other":
            return f"Lainnya: {self.fields.source_name}"
        return SOURCE_LABELS.get(kind, kind)

    @property
    def source_short(self) -> str:
        return SOURCE_SHORT.get(self.fields.source_kind, self.fields.source_name)

    @property
    def priority_label(self) -> str:
        return PRIORITY_LABELS.get(self.fields.priority, str(self.fields.priority))


def clean_fields(fields: DataItemFields, today: date) -> DataItemFields:
    """The fields checked and normalised; ``today`` is the WIB calendar day (no later dates)."""
    topic = clean_text(fields.topic, "Topik", "topic", TOPIC_MAX, required=True)
    summary = clean_text(fields.summary, "Ringkasan", "summary", SUMMARY_MAX, required=False)
    kind = fields.source_kind
    if kind not in SOURCE_LABELS:
        raise ValidationError("Pilih sumber data: media monitoring Prokomp, liputan DIMC, atau lainnya.",
                              "source_kind")
    name = ""
    if kind == "other":
        name = clean_text(fields.source_name, "Nama sumber lainnya", "source_name", SOURCE_NAME_MAX,
                          required=True)
    reference = clean_reference(fields.reference)
    item_date = require_date(fields.item_date, "Tanggal data", "item_date")
    if item_date is not None and item_date > today:
        raise ValidationError(f"Tanggal data tidak boleh setelah hari ini ({long_date(today)}).", "item_date")
    priority = fields.priority
    if isinstance(priority, bool) or priority not in PRIORITY_LABELS:
        raise ValidationError("Prioritas harus Tinggi, Sedang, atau Rendah.", "priority")
    return DataItemFields(topic, summary, kind, name, reference, item_date, priority)


def clean_reference(value: str | None) -> str:
    """A reference as typed; one that looks like a link must be a whole http(s) address.

    ``www.…`` is taken as ``https://www.…``.
    """
    text = clean_text(value, "Referensi", "reference", REFERENCE_MAX, required=False)
    if text.lower().startswith("www."):
        text = "https://" + text
        if len(text) > REFERENCE_MAX:
            raise ValidationError(f"Referensi terlalu panjang ({len(text)} karakter dengan https://, "
                                  f"maksimal {REFERENCE_MAX}).", "reference")
    if not _SCHEME.match(text):
        return text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError("Tautan harus diawali http:// atau https://.", "reference")
    if not parts.hostname or any(ch.isspace() for ch in text):
        raise ValidationError("Tautan tidak lengkap atau berisi spasi; salin alamatnya dari peramban.",
                              "reference")
    return text


class Service:
    """The data items of stage 1 (table ``data_item``) and their attachments."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.files = AttachmentService(ws)

    # -- reading --------------------------------------------------------------------------
    def list(self, campaign_id: int) -> list[DataItemRecord]:
        """The campaign's items in their order."""
        counts = (Attachment.select(Attachment.data_item, fn.COUNT(Attachment.id).alias("n"))
                  .where(Attachment.data_item.is_null(False)).group_by(Attachment.data_item))
        query = (DataItem.select(DataItem, Staff.name.alias("author"), fn.COALESCE(counts.c.n, 0).alias("files"))
                 .join(Staff, on=(DataItem.created_by == Staff.id))
                 .join(counts, JOIN.LEFT_OUTER, on=(counts.c.data_item_id == DataItem.id))
                 .where(DataItem.campaign == campaign_id).order_by(DataItem.position, DataItem.id)
                 .objects())
        return [_record(row, row.author, row.files) for row in query]

    def get(self, campaign_id: int, item_id: int) -> DataItemRecord:
        for record in self.list(campaign_id):
            if record.id == item_id:
                return record
        raise NotFound("Item data tidak ditemukan pada kampanye ini.")

    def today(self) -> date:
        """Today's date in WIB, the latest date an item may carry."""
        return self.ws.today()

    # -- editing --------------------------------------------------------------------------
    def add(self, actor_id: int | None, campaign_id: int, fields: DataItemFields) -> DataItemRecord:
        """Append an item at the end of the list."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "data_collection")
        values = clean_fields(fields, self.today())
        now = to_db(self.ws.clock())
        with database.atomic():
            last = DataItem.select(fn.MAX(DataItem.position)).where(DataItem.campaign == campaign_id).scalar()
            row = DataItem.create(campaign=campaign_id, position=(last or 0) + 1, created_by=actor,
                                  created_at=now, **values._asdict())
            _log(now, actor, campaign_id, "data_item_add", values.topic)
        return self.get(campaign_id, row.id)

    def update(self, actor_id: int | None, campaign_id: int, item_id: int,
               fields: DataItemFields, version: int | None = None) -> DataItemRecord:
        """Store new values of an item; nothing is written when they are unchanged.
        ``version``: the item's as read (None: whatever is stored)."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "data_collection")
        row = self._row(campaign_id, item_id, gone_is_conflict=version is not None)
        values = clean_fields(fields, self.today())
        if values == _fields(row):
            return self.get(campaign_id, item_id)
        now = to_db(self.ws.clock())
        with database.atomic():
            where = DataItem.id == item_id
            changed = DataItem.update({**{getattr(DataItem, k): v for k, v in values._asdict().items()},
                                       DataItem.version: DataItem.version + 1}).where(
                where if version is None else where & (DataItem.version == version)).execute()
            if not changed:
                raise item_conflict(DataItem.get_or_none(where))
            _log(now, actor, campaign_id, "data_item_update", values.topic)
        return self.get(campaign_id, item_id)

    def remove(self, actor_id: int | None, campaign_id: int, item_id: int, version: int | None = None) -> None:
        """Delete an item with its attachments (their files too); the rest close up. ``version``:
        the item's as read (one another PC changed meanwhile is not removed unseen)."""
        actor = self.ws.staff.require_active(actor_id)
        campaign = editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "data_collection")
        row = self._row(campaign_id, item_id, gone_is_conflict=version is not None)
        if version is not None and row.version != version:
            raise item_conflict(row)
        finished = stage_finished(campaign, "data_collection")
        if finished and DataItem.select().where(DataItem.campaign == campaign_id).count() == 1:
            raise RuleError(f"Item data terakhir tidak dapat dihapus karena tahap {finished} sudah selesai; "
                            f"buka kembali tahap {finished} bila datanya memang salah.")
        stored = [a.stored_name for a in Attachment.select(Attachment.stored_name)
                  .where(Attachment.data_item == item_id)]
        now = to_db(self.ws.clock())
        with database.atomic():
            where = DataItem.id == item_id
            if not DataItem.delete().where(where if version is None else where & (DataItem.version == version)).execute():
                raise item_conflict(DataItem.get_or_none(where))  # before any file is touched
            Attachment.delete().where(Attachment.data_item == item_id).execute()
            # In the transaction, after the version check: a file held open refuses (and rolls
            # back) the whole removal; on a server their stored_file rows go with the rows.
            remove_files(self.files.folder, stored)
            rest = DataItem.select(DataItem.id).where(DataItem.campaign == campaign_id).order_by(
                DataItem.position, DataItem.id)
            for position, other in enumerate(list(rest), 1):
                DataItem.update(position=position).where(DataItem.id == other.id).execute()
            _log(now, actor, campaign_id, "data_item_remove", row.topic)

    def move(self, actor_id: int | None, campaign_id: int, item_id: int, offset: int) -> list[DataItemRecord]:
        """Move an item ``offset`` places (-1 up, +1 down); returns the list in its new order."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "data_collection")
        self._row(campaign_id, item_id, gone_is_conflict=True)
        if isinstance(offset, bool) or offset not in (-1, 1):
            raise ValidationError("Item hanya dapat dipindah satu tempat ke atas atau ke bawah.", "offset")
        ids = [r.id for r in DataItem.select(DataItem.id).where(DataItem.campaign == campaign_id)
               .order_by(DataItem.position, DataItem.id)]
        index = ids.index(item_id)
        target = index + offset
        if not 0 <= target < len(ids):
            where = "paling atas" if offset < 0 else "paling bawah"
            raise RuleError(f"Item ini sudah berada di urutan {where}.")
        ids[index], ids[target] = ids[target], ids[index]
        now = to_db(self.ws.clock())
        with database.atomic():
            for position, ident in enumerate(ids, 1):
                DataItem.update(position=position).where(DataItem.id == ident).execute()
            _log(now, actor, campaign_id, "data_item_move", f"{item_id}: {index + 1} -> {target + 1}")
        return self.list(campaign_id)

    def move_up(self, actor_id: int | None, campaign_id: int, item_id: int) -> list[DataItemRecord]:
        return self.move(actor_id, campaign_id, item_id, -1)

    def move_down(self, actor_id: int | None, campaign_id: int, item_id: int) -> list[DataItemRecord]:
        return self.move(actor_id, campaign_id, item_id, 1)

    # -- attachments ----------------------------------------------------------------------
    def attachments(self, campaign_id: int, item_id: int) -> list[AttachmentRecord]:
        self._row(campaign_id, item_id)
        return self.files.list(campaign_id, data_item_id=item_id)

    def attach(self, actor_id: int | None, campaign_id: int, item_id: int, source: str | Path) -> AttachmentRecord:
        """Copy a file into the data folder as an attachment of the item."""
        lanes.require_stage(self.ws.staff.require_active(actor_id), campaign_id, "data_collection")
        self._row(campaign_id, item_id)
        return self.files.add(actor_id, campaign_id, source, data_item_id=item_id)

    def detach(self, actor_id: int | None, campaign_id: int, attachment_id: int) -> None:
        """Delete an attachment of one of the campaign's items, and its file."""
        lanes.require_stage(self.ws.staff.require_active(actor_id), campaign_id, "data_collection")
        row = Attachment.get_or_none((Attachment.id == attachment_id) & (Attachment.campaign == campaign_id)
                                     & Attachment.data_item.is_null(False))
        if row is None:
            raise NotFound("Lampiran tidak ditemukan pada item data kampanye ini.")
        self.files.remove(actor_id, attachment_id)

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def _row(campaign_id: int, item_id: int, gone_is_conflict: bool = False) -> DataItem:
        """The item. With ``gone_is_conflict`` (a change naming the version it was based on,
        a move from the window), one no longer stored at all was removed on another PC
        meanwhile: ConflictError rather than NotFound."""
        row = DataItem.get_or_none((DataItem.id == item_id) & (DataItem.campaign == campaign_id))
        if row is None:
            if gone_is_conflict and isinstance(item_id, int) and not isinstance(item_id, bool) \
                    and DataItem.get_or_none(DataItem.id == item_id) is None:
                raise item_conflict(None)
            raise NotFound("Item data tidak ditemukan pada kampanye ini.")
        return row


def check_finish(campaign_id: int, reason: str | None) -> None:
    """Finishing stage 1 needs at least one data item: the stage's output is the data.

    Shaped as a ``check_finish`` rule (services/steps.py calls a module's ``check_finish``);
    it takes effect once it is bound to that name, after the shared tests that finish
    stage 1 without content record a data item first.
    """
    if not DataItem.select().where(DataItem.campaign == campaign_id).exists():
        raise RuleError("Tahap Pengumpulan Data belum dapat diselesaikan: catat minimal satu item data "
                        "(topik dan sumbernya) di bagian Isi tahap.")


def item_values(fields: DataItemFields) -> dict[str, str]:
    """An item's fields as the form's labels show them."""
    source = SOURCE_LABELS.get(fields.source_kind, fields.source_kind)
    return {FIELD_LABELS["topic"]: fields.topic, FIELD_LABELS["summary"]: fields.summary,
            FIELD_LABELS["source_kind"]: source, FIELD_LABELS["source_name"]: fields.source_name,
            FIELD_LABELS["reference"]: fields.reference,
            FIELD_LABELS["item_date"]: long_date(fields.item_date) if fields.item_date else "tidak bertanggal",
            FIELD_LABELS["priority"]: PRIORITY_LABELS.get(fields.priority, str(fields.priority))}


def item_theirs(row: DataItem) -> dict[str, str]:
    return item_values(_fields(row))


class _ItemRow(NamedTuple):
    """An item as a refusal tells it; who changed it and when: the campaign's last audited item change."""

    version: int
    row: DataItem
    updated_by_id: int | None
    updated_at: object


def item_conflict(row: DataItem | None) -> ConflictError:
    """The refusal of a change to an item another PC changed (``row``, as stored now) or removed (None)."""
    if row is None:
        return versions.conflict("Item data ini", None)
    last = (AuditEntry.select(AuditEntry.actor, AuditEntry.at)
            .where((AuditEntry.campaign == row.campaign_id) & AuditEntry.action.startswith("data_item_"))
            .order_by(AuditEntry.id.desc()).first())
    told = _ItemRow(row.version, row, last.actor_id if last else None, last.at if last else None)
    return versions.conflict(f"Item data \"{row.topic}\"", told, lambda t: item_theirs(t.row))


def _fields(row: DataItem) -> DataItemFields:
    item_date = row.item_date
    if isinstance(item_date, str):  # SQLite hands back text for a date column in raw queries
        item_date = date.fromisoformat(item_date)
    return DataItemFields(topic=row.topic, summary=row.summary, source_kind=row.source_kind,
                          source_name=row.source_name, reference=row.reference, item_date=item_date,
                          priority=row.priority)


def _record(row: DataItem, author: str, files: int) -> DataItemRecord:
    return DataItemRecord(id=row.id, campaign_id=row.campaign_id, position=row.position, fields=_fields(row),
                          selected=bool(row.selected), created_by_name=author, created_at=from_db(row.created_at),
                          attachment_count=int(files), version=row.version or 1)


def _log(now: datetime, actor: Staff, campaign_id: int, action: str, detail: str) -> None:
    record_audit(at=now, actor=actor, campaign=campaign_id, action=action, detail=detail)
    Campaign.update(updated_at=now).where(Campaign.id == campaign_id).execute()
