"""Peewee models of what each SOP stage records (schema version 2). Timestamps are naive UTC."""

from __future__ import annotations

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from wawaran_desktop.db.models import BaseModel, Campaign, Staff


class DataItem(BaseModel):
    """Stage 1: one piece of trending or important information, with its source."""

    campaign = ForeignKeyField(Campaign, backref="data_items", on_delete="CASCADE")
    position = IntegerField()
    topic = CharField(max_length=200)
    summary = TextField(default="")
    source_kind = CharField(max_length=16)  # prokomp, dimc, other
    source_name = CharField(max_length=200, default="")
    reference = CharField(max_length=500, default="")
    item_date = DateField(null=True)
    priority = IntegerField(default=2)  # 1 tinggi, 2 sedang, 3 rendah
    selected = BooleanField(default=False)  # chosen as a wawaran topic at the briefing
    created_by = ForeignKeyField(Staff)
    created_at = DateTimeField()
    version = IntegerField(default=1)


class Location(BaseModel):
    """Stage 2: a planned wawaran location, in route order."""

    campaign = ForeignKeyField(Campaign, backref="locations", on_delete="CASCADE")
    position = IntegerField()
    kelurahan_code = CharField(max_length=13)  # Kemendagri code; the kecamatan is its prefix
    address = CharField(max_length=300, default="")
    planned_time = CharField(max_length=5, null=True)  # "HH:MM" WIB
    confirmed = BooleanField(default=False)
    version = IntegerField(default=1)


class RouteStop(BaseModel):
    """Stage 7: a stop of the car on its route, planned (from a location) or not."""

    campaign = ForeignKeyField(Campaign, backref="route_stops", on_delete="CASCADE")
    position = IntegerField()
    location = ForeignKeyField(Location, null=True, on_delete="SET NULL")
    kelurahan_code = CharField(max_length=13)
    address = CharField(max_length=300, default="")
    planned = BooleanField(default=True)
    arrived_at = DateTimeField(null=True)
    departed_at = DateTimeField(null=True)
    flyers = IntegerField(default=0)
    audience = IntegerField(default=0)
    notes = TextField(default="")
    version = IntegerField(default=1)


class Attachment(BaseModel):
    """A file copied into the data folder (``attachments/<stored_name>``)."""

    campaign = ForeignKeyField(Campaign, backref="attachments", on_delete="CASCADE")
    data_item = ForeignKeyField(DataItem, null=True, backref="attachments", on_delete="CASCADE")
    route_stop = ForeignKeyField(RouteStop, null=True, backref="photos", on_delete="CASCADE")
    original_name = CharField(max_length=255)
    stored_name = CharField(max_length=255, unique=True)
    media_type = CharField(max_length=100, default="")
    size = IntegerField()
    sha256 = CharField(max_length=64)
    added_by = ForeignKeyField(Staff)
    added_at = DateTimeField()


class Briefing(BaseModel):
    """Stage 2: the briefing itself (one per campaign)."""

    campaign = ForeignKeyField(Campaign, primary_key=True, on_delete="CASCADE")
    held_at = DateTimeField(null=True)
    place = CharField(max_length=200, default="")
    agenda = TextField(default="")
    technical_notes = TextField(default="")
    updated_by = ForeignKeyField(Staff, null=True)
    updated_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class BriefingAttendee(BaseModel):
    campaign = ForeignKeyField(Campaign, on_delete="CASCADE")
    staff = ForeignKeyField(Staff)

    class Meta:
        primary_key = CompositeKey("campaign", "staff")


class ThemeDecision(BaseModel):
    """Stage 3: the briefing minutes and who decided the theme (the theme is Campaign.theme)."""

    campaign = ForeignKeyField(Campaign, primary_key=True, on_delete="CASCADE")
    notulen = TextField(default="")
    decided_by = ForeignKeyField(Staff, null=True)
    decided_at = DateTimeField(null=True)
    updated_by = ForeignKeyField(Staff, null=True)
    updated_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class NarrationVersion(BaseModel):
    """Stage 4: every saved narration is a version; at most one is final."""

    campaign = ForeignKeyField(Campaign, backref="narrations", on_delete="CASCADE")
    number = IntegerField()
    text = TextField()
    author = ForeignKeyField(Staff)
    saved_at = DateTimeField()
    is_final = BooleanField(default=False)


class OfficeWord(BaseModel):
    """A word the spell checker accepts (kelurahan names, "wawaran", "Diskominfo", …)."""

    word = CharField(max_length=100, unique=True)
    added_by = ForeignKeyField(Staff, null=True)
    added_at = DateTimeField()


class Setting(BaseModel):
    """Office-wide settings (read-aloud rate, agenda number pattern, …) as text."""

    key = CharField(max_length=100, primary_key=True)
    value = TextField()
    version = IntegerField(default=1)


class Disposition(BaseModel):
    """Stage 5: everything the lembar disposisi needs."""

    campaign = ForeignKeyField(Campaign, primary_key=True, on_delete="CASCADE")
    agenda_year = IntegerField(null=True)
    agenda_seq = IntegerField(null=True)
    agenda_number = CharField(max_length=100, null=True)
    disposed_on = DateField(null=True)
    surat_dari = CharField(max_length=200, default="")
    nomor_surat = CharField(max_length=100, default="")
    tanggal_surat = DateField(null=True)
    diterima_tanggal = DateField(null=True)
    due_on = DateField(null=True)  # Tgl. Penyelesaian (schema 8): the day it is to be done by
    sifat = CharField(max_length=20, default="Biasa")
    hal = CharField(max_length=300, default="")
    instructions = TextField(default="[]")  # JSON list of the ticked standard phrases
    free_text = TextField(default="")
    catatan = TextField(default="")
    signer = ForeignKeyField(Staff, null=True)
    updated_by = ForeignKeyField(Staff, null=True)
    updated_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class DispositionRecipient(BaseModel):
    """A person the disposition is routed to, with their SRIKANDI status (schema 7): *Belum
    dibaca* while ``read_at`` is None, *Dibaca* once they opened it, *Ditindaklanjuti* once they
    recorded the follow-up (``followed_up_at``, ``follow_up``)."""

    campaign = ForeignKeyField(Campaign, on_delete="CASCADE")
    staff = ForeignKeyField(Staff)
    read_at = DateTimeField(null=True)
    followed_up_at = DateTimeField(null=True)
    follow_up = TextField(default="")

    class Meta:
        primary_key = CompositeKey("campaign", "staff")


class Readiness(BaseModel):
    """Stage 6: counts and crew of the completeness check."""

    campaign = ForeignKeyField(Campaign, primary_key=True, on_delete="CASCADE")
    flyers_count = IntegerField(null=True)
    driver = ForeignKeyField(Staff, null=True)
    announcer = ForeignKeyField(Staff, null=True)
    updated_by = ForeignKeyField(Staff, null=True)
    updated_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class ReadinessItem(BaseModel):
    """Stage 6: one checklist item (a kelengkapan or a vehicle-readiness point)."""

    campaign = ForeignKeyField(Campaign, on_delete="CASCADE")
    item_key = CharField(max_length=40)
    checked = BooleanField(default=False)
    note = TextField(default="")
    checked_by = ForeignKeyField(Staff, null=True)
    checked_at = DateTimeField(null=True)
    version = IntegerField(default=1)

    class Meta:
        primary_key = CompositeKey("campaign", "item_key")


class Report(BaseModel):
    """Stage 8: the report text; it is locked while step 8 is finished."""

    campaign = ForeignKeyField(Campaign, primary_key=True, on_delete="CASCADE")
    body = TextField(default="")
    updated_by = ForeignKeyField(Staff, null=True)
    updated_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class Evaluation(BaseModel):
    """Stage 9: receipt of the report, scores and follow-ups for the next wawaran."""

    campaign = ForeignKeyField(Campaign, primary_key=True, on_delete="CASCADE")
    received_by = ForeignKeyField(Staff, null=True)
    received_at = DateTimeField(null=True)
    notes = TextField(default="")
    score_timeliness = IntegerField(null=True)
    score_reach = IntegerField(null=True)
    score_narration = IntegerField(null=True)
    followups = TextField(default="")  # one follow-up point per line
    updated_by = ForeignKeyField(Staff, null=True)
    updated_at = DateTimeField(null=True)
    version = IntegerField(default=1)


class StoredFile(BaseModel):
    """A file every PC must see (an attachment's copy, the office logo), in server mode (schema 4)."""

    name = CharField(max_length=255, primary_key=True)  # the attachment's stored_name, the logo's file name
    content = BlobField()
    size = IntegerField()
    sha256 = CharField(max_length=64)
    saved_at = DateTimeField()


STAGE_MODELS = (DataItem, Location, RouteStop, Attachment, Briefing, BriefingAttendee, ThemeDecision,
                NarrationVersion, OfficeWord, Setting, Disposition, DispositionRecipient, Readiness,
                ReadinessItem, Report, Evaluation, StoredFile)
