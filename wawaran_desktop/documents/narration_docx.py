"""The final narration of a campaign as a Word document, to read from in the car.

Kop surat, the title, the campaign's number, title, theme, date and route, the read-aloud
estimate, then the narration in large reading type with generous spacing, and the
signatures of who wrote it and the Kepala Bidang who approves it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docx.shared import Mm

from wawaran_desktop.documents import docx_base, page
from wawaran_desktop.documents.docx_base import add_run, author_of, fixed_table, new_document, paragraph
from wawaran_desktop.documents.letterhead import add_letterhead
from wawaran_desktop.documents.signature import Signer, add_signature_block, place_date
from wawaran_desktop.documents.text import paragraphs_of
from wawaran_desktop.text import readaloud
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.services.errors import NotFound, RuleError
from wawaran_desktop.text.formatting import long_date, short_date
from wawaran_desktop.services.office_profile import OfficeProfile, Signatory
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages import briefing, disposition, narration
from wawaran_desktop.services.stages.locations import LocationRecord

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from wawaran_desktop.services.workspace import Workspace

TITLE = "NASKAH NARASI WAWARAN KELILING"
READING_PT = 16
READING_SPACING = 1.5
BLANK = "." * 40
DISSEMINATION_STEP = 7


class NarrationSheet(NamedTuple):
    """Everything the narration document shows (Qt-free, gathered from the services)."""

    profile: OfficeProfile
    campaign_id: int
    title: str
    theme: str
    day: date | None  # the day of the wawaran, when known
    locations: tuple[LocationRecord, ...]
    version: int
    text: str
    estimate: readaloud.ReadAloud
    author: Signatory
    signed_on: date  # the date beside the signatures: the day the version was marked final
    generated_at: datetime | None = None  # aware; the document's creation time (default: now)


def gather(ws: Workspace, campaign_id: int) -> NarrationSheet:
    """The campaign's final narration and what goes around it; RuleError without one."""
    record = ws.campaigns.get(campaign_id)  # NotFound for an unknown campaign
    service = narration.Service(ws)
    final = service.final(campaign_id)
    if final is None and record.status is CampaignStatus.CANCELLED:
        raise RuleError(f"Kampanye {campaign_id} dibatalkan sebelum narasinya final: tidak ada narasi "
                        "untuk diekspor.")
    if final is None:
        raise RuleError(f"Kampanye {campaign_id} belum punya narasi final: tandai satu versi sebagai final "
                        "di tahap 4 (Narasi), lalu ekspor lagi.")
    text = service.text(campaign_id, final.number)
    author = ws.staff.get(final.author_id)
    return NarrationSheet(
        profile=ws.profile.load(), campaign_id=record.id, title=record.title, theme=record.theme,
        day=_wawaran_day(ws, record), locations=tuple(briefing.Service(ws).locations(campaign_id)),
        version=final.number, text=text, estimate=readaloud.estimate(text, service.rate()),
        author=Signatory(author.name, author.nip, author.position, author.id, rank=author.rank),
        signed_on=to_wib(service.finalised_at(campaign_id, final.number)).date(), generated_at=ws.clock())


def _wawaran_day(ws: Workspace, record) -> date | None:
    """The day the car goes out: stage 7's start, else the disposition's date."""
    started = record.step(DISSEMINATION_STEP).started_at if len(record.steps) >= DISSEMINATION_STEP else None
    if started is not None:
        return to_wib(started).date()
    try:
        sheet = disposition.Service(ws).get(record.id)
    except NotFound:
        return None
    return sheet.disposed_on if sheet.stored else None


def reading_time(estimate: readaloud.ReadAloud) -> str:
    """``± 1 menit 20 detik (52 kata, 240 suku kata, 3,0 suku kata per detik)``."""
    return (f"± {readaloud.duration_words(estimate.seconds)} ({readaloud.thousands(estimate.words)} kata, "
            f"{readaloud.thousands(estimate.syllables)} suku kata, {readaloud.decimal(estimate.rate)} "
            "suku kata per detik)")


def location_lines(locations: tuple[LocationRecord, ...]) -> list[str]:
    """``1. Kel. Sukasari, Kec. Tangerang – Pasar Anyar, pukul 09.00``."""
    lines = []
    for stop in locations:
        text = f"{stop.number}. {stop.area}"
        text += f" – {stop.address}" if stop.address else ""
        text += f", pukul {stop.time_text}" if stop.time_text else ""
        lines.append(text)
    return lines or [BLANK]


def build(sheet: NarrationSheet) -> DocumentObject:
    profile = sheet.profile
    document = new_document(page.paper(profile.paper), title=f"Naskah Narasi – {sheet.title}", subject=sheet.theme,
                            author=author_of(profile), keywords="wawaran keliling; narasi",
                            created=sheet.generated_at)
    add_letterhead(document, profile)
    paragraph(document, TITLE, size=14, bold=True, underline=True, align="center")
    paragraph(document, f"Kampanye Nomor {sheet.campaign_id} · Naskah versi {sheet.version}", align="center",
              space_after=12)
    rows = [("Kegiatan", [sheet.title]), ("Tema", [sheet.theme or BLANK]),
            ("Hari/Tanggal", [long_date(sheet.day) if sheet.day else BLANK]),
            ("Lokasi", location_lines(sheet.locations)),
            ("Perkiraan waktu baca", [reading_time(sheet.estimate)])]
    width = page.paper(profile.paper).text_width_mm
    table = fixed_table(document, (42, 4, width - 46), rows=len(rows))
    for (label, lines), row in zip(rows, table.rows):
        paragraph(row.cells[0], label, reuse=True)
        paragraph(row.cells[1], ":", reuse=True)
        for i, line in enumerate(lines):
            para = paragraph(row.cells[2], line, reuse=i == 0, space_after=2 if i == len(lines) - 1 else 0)
            if label == "Lokasi" and line[:1].isdigit():  # a wrapped stop lines up under its text
                para.paragraph_format.left_indent = Mm(5)
                para.paragraph_format.first_line_indent = Mm(-5)
    paragraph(document, "NARASI", bold=True, space_before=14, space_after=6, keep_with_next=True)
    blocks = paragraphs_of(sheet.text)
    for number, block in enumerate(blocks, start=1):
        # The last paragraph goes with the signatures: a signature never stands alone on a page.
        para = paragraph(document, size=READING_PT, line_spacing=READING_SPACING, space_after=10,
                         keep_with_next=number == len(blocks))
        lines = block.split("\n")
        for i, line in enumerate(lines):
            run = add_run(para, line.strip(), size=READING_PT)
            if i < len(lines) - 1:
                run.add_break()
    approver = profile.kepala_bidang
    add_signature_block(document, [Signer.of("Menyetujui,", approver), Signer.of("Pembuat Naskah,", sheet.author)],
                        place_date=place_date(profile, short_date(sheet.signed_on)))
    return document


def write(sheet: NarrationSheet, path: str | Path) -> Path:
    """Write the document atomically (ExportError, in Indonesian, when it cannot be written)."""
    return docx_base.save(build(sheet), path)


def write_narration(ws: Workspace, campaign_id: int, path: str | Path) -> Path:
    return write(gather(ws, campaign_id), path)
