"""What the lembar disposisi shows, gathered from the services (Qt-free).

The Word builder (``disposition_docx.py``) and the Qt print/PDF layout
(``views/documents/disposition_print.py``) both draw this one :class:`DispositionSheet`,
with the same captions, so the paper and the file say the same thing. A field the office
left blank stays blank on the sheet, as a dotted line to fill in by hand.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.text.formatting import nip_display, short_date
from wawaran_desktop.services.office_profile import OfficeProfile
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages.disposition import SIFAT, STANDARD_INSTRUCTIONS, DispositionRecord, Service

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

TITLE = "LEMBAR DISPOSISI"
BLANK = "." * 30
CAPTIONS = {
    "surat_dari": "Surat dari", "nomor_surat": "No. Surat", "tanggal_surat": "Tgl. Surat",
    "diterima": "Diterima Tgl.", "agenda": "No. Agenda", "due_on": "Tgl. Penyelesaian", "sifat": "Sifat",
    "hal": "Hal",
    "recipients": "Diteruskan Kepada Sdr.:", "instructions": "Dengan hormat harap:",
    "catatan": "Catatan:", "paraf": "Paraf",
}


class Signer(NamedTuple):
    position: str
    name: str
    nip: str  # spaced for reading, or ""
    rank: str = ""  # pangkat/golongan, "Penata Tingkat I (III/d)", or ""


class DispositionSheet(NamedTuple):
    profile: OfficeProfile
    paper: str  # documents.page key: A4, F4 or half_folio
    campaign_id: int
    surat_dari: str
    nomor_surat: str
    tanggal_surat: str  # "3 Juni 2026" or ""
    diterima_tanggal: str
    agenda_number: str
    sifat: tuple[tuple[str, bool], ...]  # every option in the office's order (most urgent first), the chosen one ticked
    hal: str
    recipients: tuple[str, ...]  # "1. Name (position)"
    recipient_names: tuple[str, ...]  # "Name"
    instructions: tuple[tuple[str, bool], ...]  # every standard phrase (and any kept one), ticked or not
    free_text: str
    catatan: str
    place_date: str  # "Tangerang, 5 Juni 2026"
    signer: Signer
    generated_at: datetime  # by the workspace clock: the file's creation date
    due_on: str = ""  # Tgl. Penyelesaian, "30 November 2026" or "" (to fill in by hand)

    def recipient_lines(self, compact: bool = False) -> list[str]:
        """One line per recipient with the position; ``compact``: names only, in one paragraph
        (for a long list that would not fit the page otherwise)."""
        if not self.recipients:
            return [BLANK, BLANK]
        if compact:
            return ["; ".join(f"{i}. {name}" for i, name in enumerate(self.recipient_names, start=1))]
        return list(self.recipients)

    def value(self, text: str) -> str:
        """``text``, or a dotted line to fill in by hand."""
        return text if text.strip() else BLANK

    @property
    def head_left(self) -> tuple[tuple[str, str], ...]:
        """(caption, value) of the left box of the head: where the letter came from."""
        c = CAPTIONS
        return ((c["surat_dari"], self.value(self.surat_dari)), (c["nomor_surat"], self.value(self.nomor_surat)),
                (c["tanggal_surat"], self.value(self.tanggal_surat)))

    @property
    def head_right(self) -> tuple[tuple[str, str], ...]:
        """(caption, value) of the right box of the head: when it came in, its agenda number, and
        by when it is to be done."""
        c = CAPTIONS
        return ((c["diterima"], self.value(self.diterima_tanggal)), (c["agenda"], self.value(self.agenda_number)),
                (c["due_on"], self.value(self.due_on)))

    @property
    def signer_lines(self) -> tuple[str, ...]:
        """Date, position, paraf line, name, rank, NIP (the name is printed bold and underlined;
        an empty rank or NIP is "" and is left out, not printed as an empty line)."""
        return (self.place_date, f"{self.signer.position}," if self.signer.position else "",
                f"{CAPTIONS['paraf']} " + "." * 24, self.signer.name or "(" + "." * 30 + ")",
                self.signer.rank, f"NIP. {self.signer.nip}" if self.signer.nip else "")


def from_record(record: DispositionRecord, profile: OfficeProfile, generated_at: datetime) -> DispositionSheet:
    if not record.stored:
        raise RuleError(f"Lembar disposisi kampanye {record.campaign_id} belum dapat dibuat: tahap 5 "
                        "(Disposisi) belum diisi dan disimpan.")
    ticked = set(record.instructions)
    phrases = list(STANDARD_INSTRUCTIONS) + [p for p in record.instructions if p not in STANDARD_INSTRUCTIONS]
    options = list(SIFAT) + ([record.sifat] if record.sifat not in SIFAT else [])  # an old value still shows
    person = record.signer or profile.sub_kor  # not chosen yet: the profile's Sub Kor, to sign by hand
    signer = Signer(person.position, person.name, nip_display(person.nip), person.rank)
    day = record.disposed_on
    return DispositionSheet(
        profile=profile, paper=profile.disposition_paper, campaign_id=record.campaign_id,
        surat_dari=record.surat_dari, nomor_surat=record.nomor_surat,
        tanggal_surat=short_date(record.tanggal_surat) if record.tanggal_surat else "",
        diterima_tanggal=short_date(record.diterima_tanggal) if record.diterima_tanggal else "",
        agenda_number=record.agenda_number or "", due_on=short_date(record.due_on) if record.due_on else "",
        sifat=tuple((s, s == record.sifat) for s in options), hal=record.hal_shown,
        recipients=tuple(f"{i}. {p.name}" + (f" ({p.position})" if p.position else "")
                         for i, p in enumerate(record.recipients, start=1)),
        recipient_names=tuple(p.name for p in record.recipients),
        instructions=tuple((p, p in ticked) for p in phrases),
        free_text=record.free_text, catatan=record.catatan,
        place_date=f"{profile.city}, {short_date(day)}" if day else f"{profile.city}, {BLANK}",
        signer=signer, generated_at=generated_at)


def gather(ws: Workspace, campaign_id: int) -> DispositionSheet:
    """The sheet of a campaign (NotFound, or RuleError before stage 5 was saved)."""
    record = Service(ws).get(campaign_id)
    if not record.stored and ws.campaigns.get(campaign_id).status is CampaignStatus.CANCELLED:
        raise RuleError(f"Kampanye {campaign_id} dibatalkan sebelum disposisinya diisi: tidak ada lembar "
                        "disposisi untuk dibuat.")
    return from_record(record, ws.profile.load(), ws.clock())
