"""The narration of a campaign as a Word document, to read from in the car.

Kop surat, the title, the campaign's number, title, theme, date and route (times in WIB), the
read-aloud estimate, then the narration in large reading type, and the signatures of who wrote it
and the Kepala Bidang who approves it. Every page is numbered ("Halaman 1 dari 2").

The final version is exported; before one is marked final, the latest version is exported as a
draft, and a cancelled campaign's narration says so: a mark at the top of every page
(``DRAF — …``, ``DIBATALKAN — …``), so a paper that is not the one to read out cannot be taken for
it. A script that fits on one page is set in the largest reading type that keeps it there
(``documents/narration_fit.py``); only the signatures are kept together, with the last paragraph
when that is short, so a page is never left half empty for them.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docx.shared import Mm

from wawaran_desktop.documents import docx_base, narration_fit, page
from wawaran_desktop.documents.docx_base import (
    add_run,
    author_of,
    fixed_table,
    heading,
    new_document,
    page_mark,
    page_numbers,
    paragraph,
)
from wawaran_desktop.documents.letterhead import add_letterhead
from wawaran_desktop.documents.signature import BLANK_NAME, Signer, add_signature_block, place_date
from wawaran_desktop.documents.text import paragraphs_of
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.services.office_profile import OfficeProfile, Signatory
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages import briefing, narration
from wawaran_desktop.services.stages.locations import LocationRecord
from wawaran_desktop.text import readaloud
from wawaran_desktop.text.formatting import date_time, long_date, nip_display, short_date

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from wawaran_desktop.services.workspace import Workspace

TITLE = "NASKAH NARASI WAWARAN KELILING"
TITLE_PT = 14
SUBTITLE_AFTER_PT = 8
HEADING_BEFORE_PT = 10
LABEL_MM, COLON_MM = 30, 4  # the details' columns: caption, colon (the value takes the rest)
STOP_TIME_MM, STOP_PLACE_MM = 7, 28  # where a stop's time and place start in the value column, after its number
BLANK = "." * 40
DISSEMINATION_STEP = 7
SIGN_SPACE_PT = 8  # between the script and the signatures
SIGN_ROOM_LINES = 4  # room to sign and stamp


class Layout(NamedTuple):
    """How large the details are set and how much room is left to sign."""

    details_pt: float
    sign_room_lines: int


#: The details at the body size, four lines to sign; a page that is full even in the smallest
#: reading type (a cancelled narration's note, a tall kop, a long route) sets the details a point
#: smaller and leaves three lines to sign, so that a usual script still fits on one page.
LAYOUTS = (Layout(12, SIGN_ROOM_LINES), Layout(11, SIGN_ROOM_LINES - 1))
#: A last paragraph of at most this many lines goes to the next page with the signatures, so
#: they never stand alone there; a longer one stays where it falls (its last lines may go along).
KEEP_LAST_LINES = 4


class NarrationSheet(NamedTuple):
    """Everything the narration document shows (Qt-free, gathered from the services)."""

    profile: OfficeProfile
    campaign_id: int
    title: str
    theme: str
    day: date | None  # the day the car went out (stage 7 started), None before
    locations: tuple[LocationRecord, ...]
    version: int
    text: str
    estimate: readaloud.ReadAloud
    author: Signatory
    signed_on: date | None  # the date beside the signatures: the day the version was marked final (None: a draft)
    generated_at: datetime | None = None  # aware; the document's creation time (default: now)
    final: bool = True  # False: the latest version, exported before one was marked final
    saved_at: datetime | None = None  # aware; when this version was saved
    cancelled: bool = False
    cancelled_at: datetime | None = None  # aware
    cancel_reason: str = ""

    @property
    def marks(self) -> list[str]:
        """What the top of every page says: the campaign was cancelled, the script is a draft."""
        marks = []
        if self.cancelled:
            marks.append("DIBATALKAN — " + (f"kampanye dibatalkan {date_time(self.cancelled_at)}"
                                            if self.cancelled_at else "kampanye dibatalkan"))
        if not self.final:
            marks.append(f"DRAF — naskah versi {self.version} belum final"
                         + (f", disimpan {date_time(self.saved_at)}" if self.saved_at else ""))
        return marks


def gather(ws: Workspace, campaign_id: int) -> NarrationSheet:
    """The campaign's final narration (else its latest version, as a draft) and what goes around
    it; RuleError before any version was saved."""
    record = ws.campaigns.get(campaign_id)  # NotFound for an unknown campaign
    cancelled = record.status is CampaignStatus.CANCELLED
    service = narration.Service(ws)
    chosen = service.final(campaign_id)
    if chosen is None:
        saved = service.versions(campaign_id)
        if not saved and cancelled:
            raise RuleError(f"Kampanye {campaign_id} dibatalkan sebelum narasinya final: tidak ada naskah narasi "
                            "untuk diekspor.")
        if not saved:
            raise RuleError(f"Kampanye {campaign_id} belum punya narasi final: belum ada naskah yang disimpan. "
                            "Tulis dan simpan narasinya di tahap 4 (Narasi), lalu ekspor lagi.")
        chosen = saved[0]  # the latest, printed as a draft
    text = service.text(campaign_id, chosen.number)
    author = ws.staff.get(chosen.author_id)
    return NarrationSheet(
        profile=ws.profile.load(), campaign_id=record.id, title=record.title, theme=record.theme,
        day=_wawaran_day(record), locations=tuple(briefing.Service(ws).locations(campaign_id)),
        version=chosen.number, text=text, estimate=readaloud.estimate(text, service.rate()),
        author=Signatory(author.name, author.nip, author.position, author.id, rank=author.rank),
        signed_on=to_wib(service.finalised_at(campaign_id, chosen.number)).date() if chosen.is_final else None,
        generated_at=ws.clock(), final=chosen.is_final, saved_at=chosen.saved_at, cancelled=cancelled,
        cancelled_at=record.cancelled_at, cancel_reason=(record.cancel_reason or "").strip())


def _wawaran_day(record) -> date | None:
    """The day the car went out: stage 7's start (WIB). Before it, no day is recorded: the route
    holds planned times of day only, and neither the disposition's date nor the briefing's is the
    wawaran's day, so none is printed (never the export's date)."""
    started = record.step(DISSEMINATION_STEP).started_at if len(record.steps) >= DISSEMINATION_STEP else None
    return to_wib(started).date() if started is not None else None


def day_text(sheet: NarrationSheet) -> str:
    """``Kamis, 26 November 2026``; before the car went out, plainly said."""
    if sheet.day is not None:
        return long_date(sheet.day)
    return "Tidak dilaksanakan (kampanye dibatalkan)" if sheet.cancelled else "Belum ditentukan"


def reading_time(estimate: readaloud.ReadAloud) -> str:
    """``± 1 menit 20 detik (52 kata, 240 suku kata, 3,0 suku kata/detik)``."""
    return (f"± {readaloud.duration_words(estimate.seconds)} ({readaloud.thousands(estimate.words)} kata, "
            f"{readaloud.thousands(estimate.syllables)} suku kata, {readaloud.decimal(estimate.rate)} "
            "suku kata/detik)")


def _shared(locations: tuple[LocationRecord, ...]) -> str:
    """What every stop has in common: ``kelurahan``, ``kecamatan`` or ``""``."""
    if len({stop.kelurahan_code for stop in locations}) == 1:
        return "kelurahan"
    return "kecamatan" if len({stop.kecamatan_code for stop in locations}) == 1 else ""


def route_summary(locations: tuple[LocationRecord, ...]) -> str:
    """``2 titik di Kec. Tangerang, pukul 09.00–10.30 WIB``: the area the stops share is said
    here once (the planned times are the office's, WIB)."""
    if not locations:
        return BLANK
    first, shared = locations[0], _shared(locations)
    where = {"kelurahan": f" di {first.area}", "kecamatan": f" di Kec. {first.kecamatan}"}.get(shared, "")
    times = sorted(stop.time_text for stop in locations if stop.time_text)
    span = "" if not times else f", pukul {times[0]} WIB" if times[0] == times[-1] else \
        f", pukul {times[0]}–{times[-1]} WIB"
    return f"{len(locations)} titik{where}{span}"


def location_lines(locations: tuple[LocationRecord, ...]) -> list[tuple[str, str, str]]:
    """(number, time, place) of each stop, e.g. ``("1.", "09.00 WIB", "Kel. Sukasari – Pasar
    Anyar")``, printed under the route's summary in the value column, the times in a column of
    their own; the area all stops share is left to :func:`route_summary`."""
    shared = _shared(locations)
    lines = []
    for stop in locations:
        area = {"kelurahan": "", "kecamatan": f"Kel. {stop.kelurahan}"}.get(shared, stop.area)
        place = " – ".join(part for part in (area, stop.address) if part) or stop.area
        lines.append((f"{stop.number}.", f"{stop.time_text} WIB" if stop.time_text else "—", place))
    return lines


def subtitle(sheet: NarrationSheet) -> str:
    """``Kampanye Nomor 27 · Naskah versi 2``, a draft said so."""
    return f"Kampanye Nomor {sheet.campaign_id} · Naskah versi {sheet.version}" + (
        "" if sheet.final else " (draf, belum final)")


def cancel_note(sheet: NarrationSheet) -> str:
    """Under the title of a cancelled campaign's narration: when, and why."""
    if not sheet.cancelled:
        return ""
    when = f" pada {date_time(sheet.cancelled_at)}" if sheet.cancelled_at else ""
    return f"Kampanye ini dibatalkan{when}." + (f" Alasan: {sheet.cancel_reason}" if sheet.cancel_reason else "")


def info_rows(sheet: NarrationSheet) -> list[tuple[str, str]]:
    """The campaign's details, caption and value (the stops follow the row of ``Lokasi``)."""
    return [("Kegiatan", sheet.title), ("Tema", sheet.theme or BLANK),
            ("Hari/Tanggal", day_text(sheet)),
            ("Lokasi", route_summary(sheet.locations)), ("Waktu baca", reading_time(sheet.estimate))]


def signers(sheet: NarrationSheet) -> list[Signer]:
    return [Signer.of("Menyetujui,", sheet.profile.kepala_bidang), Signer.of("Pembuat Naskah,", sheet.author)]


def signing_date(sheet: NarrationSheet) -> str:
    """``Tangerang, 26 November 2026``: the day the version was marked final (a draft: to fill in)."""
    return place_date(sheet.profile, short_date(sheet.signed_on) if sheet.signed_on else "." * 24)


def _signature_rows(sheet: NarrationSheet) -> list[tuple[str, str]]:
    """The signature block's rows that have text, as ``documents/signature.py`` sets them."""
    left, right = signers(sheet)
    rows = [("", signing_date(sheet)), (left.heading, right.heading), (left.position, right.position),
            (left.name or BLANK_NAME, right.name or BLANK_NAME), (left.rank, right.rank),
            (f"NIP. {nip_display(left.nip)}" if left.nip else "", f"NIP. {nip_display(right.nip)}" if right.nip else "")]
    return [row for row in rows if any(row)]


def fixed_height_mm(sheet: NarrationSheet, layout: Layout = LAYOUTS[0]) -> float:
    """How tall everything but the script is (estimated, ``documents/narration_fit.py``): every
    line printed in the text area, the marks of a draft or cancelled campaign's narration where
    they push the text down, and the cancellation note."""
    fit = narration_fit
    paper = page.paper(sheet.profile.paper)
    width = paper.text_width_mm
    value = width - LABEL_MM - COLON_MM
    note = cancel_note(sheet)
    stops = location_lines(sheet.locations)
    return (fit.kop_mm(sheet.profile, paper, len(sheet.marks)) + fit.line_mm(TITLE_PT)
            + fit.wrapped_lines(subtitle(sheet), width, 12) * fit.line_mm(12) + SUBTITLE_AFTER_PT * fit.MM_PER_PT
            + (fit.wrapped_lines(note, width, 12) * fit.line_mm(12) + 8 * fit.MM_PER_PT if note else 0.0)
            + fit.table_mm(([label, value_text] for label, value_text in info_rows(sheet)), value,
                           layout.details_pt, label=LABEL_MM)
            + fit.hanging_mm([place for _no, _time, place in stops], value, STOP_PLACE_MM, layout.details_pt)
            + (HEADING_BEFORE_PT + 6) * fit.MM_PER_PT + fit.line_mm(12)  # the heading NARASI
            + fit.signature_mm(_signature_rows(sheet), width, space_before=SIGN_SPACE_PT,
                               room_lines=layout.sign_room_lines))


#: A document estimated at most this much (mm) taller than one page in the most compact layout
#: and type is set so rather than spread over two pages in the largest type.
NEAR_MM = 25.0


def layout_and_type(sheet: NarrationSheet, blocks: list[str]) -> tuple[Layout, narration_fit.ReadingType]:
    """The first layout in which the script fits on one page, with its largest reading type that
    does; a script too long for one page in any: the usual layout and the largest type (pages)."""
    paper = page.paper(sheet.profile.paper)
    for layout in LAYOUTS:
        fixed = fixed_height_mm(sheet, layout)
        for reading in narration_fit.READING_TYPES:
            if narration_fit.fits(fixed, blocks, paper.text_width_mm, paper.text_height_mm, reading):
                return layout, reading
    smallest = narration_fit.READING_TYPES[-1]  # (the estimate errs on the tall side: a near miss is tried)
    if narration_fit.overflow_mm(fixed, blocks, paper.text_width_mm, paper.text_height_mm, smallest) <= NEAR_MM:
        return LAYOUTS[-1], smallest
    return LAYOUTS[0], narration_fit.LARGEST


def _details(document: DocumentObject, sheet: NarrationSheet, width: float, size: float) -> None:
    """``Caption : value`` rows; under ``Lokasi`` the stops in the value column, aligned with its
    text, each with its number and time in columns of their own and its place wrapped under itself."""
    rows = info_rows(sheet)
    stops = location_lines(sheet.locations)
    table = fixed_table(document, (LABEL_MM, COLON_MM, width - LABEL_MM - COLON_MM), rows=len(rows) + bool(stops))
    cells = iter(table.rows)
    for label, value in rows:
        row = next(cells)
        paragraph(row.cells[0], label, size=size, reuse=True)
        paragraph(row.cells[1], ":", size=size, reuse=True)
        paragraph(row.cells[2], value, size=size, reuse=True, space_after=2 if label != "Lokasi" or not stops else 0)
        if label == "Lokasi" and stops:
            cell = next(cells).cells[2]
            for i, (number, time, place) in enumerate(stops):
                para = paragraph(cell, size=size, reuse=i == 0, space_after=2 if i == len(stops) - 1 else 0)
                fmt = para.paragraph_format
                fmt.tab_stops.add_tab_stop(Mm(STOP_TIME_MM))
                fmt.tab_stops.add_tab_stop(Mm(STOP_PLACE_MM))
                fmt.left_indent, fmt.first_line_indent = Mm(STOP_PLACE_MM), Mm(-STOP_PLACE_MM)
                add_run(para, f"{number}\t{time}\t{place}", size=size)


def build(sheet: NarrationSheet) -> DocumentObject:
    profile = sheet.profile
    paper = page.paper(profile.paper)
    document = new_document(paper, title=f"Naskah Narasi – {sheet.title}", subject=sheet.theme,
                            author=author_of(profile), keywords="wawaran keliling; narasi",
                            created=sheet.generated_at)
    for mark in sheet.marks:
        page_mark(document, mark)
    page_numbers(document)
    add_letterhead(document, profile)
    heading(document, TITLE, 0, align="center", size=TITLE_PT, underline=True)
    paragraph(document, subtitle(sheet), align="center", space_after=SUBTITLE_AFTER_PT)
    if sheet.cancelled:
        paragraph(document, cancel_note(sheet), italic=True, align="center", space_after=8)
    width = paper.text_width_mm
    blocks = paragraphs_of(sheet.text)
    layout, reading = layout_and_type(sheet, blocks)
    _details(document, sheet, width, layout.details_pt)
    heading(document, "NARASI", 1, space_before=HEADING_BEFORE_PT, space_after=6)
    script = []
    for block in blocks:
        para = paragraph(document, size=reading.size, line_spacing=reading.spacing, space_after=reading.after)
        lines = block.split("\n")
        for i, line in enumerate(lines):
            run = add_run(para, line.strip(), size=reading.size)
            if i < len(lines) - 1:
                run.add_break()
        script.append(para)
    add_signature_block(document, signers(sheet), place_date=signing_date(sheet), space_before=SIGN_SPACE_PT,
                        signature_lines=SIGN_ROOM_LINES)
    # Only the signatures are kept together (signature.py keeps the last two paragraphs with them:
    # a whole script would move to the next page): the last paragraph comes along when short.
    for para in script:
        para.paragraph_format.keep_with_next = False
    if script and narration_fit.wrapped_lines(blocks[-1], width, reading.size) <= KEEP_LAST_LINES:
        script[-1].paragraph_format.keep_with_next = True
    return document


def write(sheet: NarrationSheet, path: str | Path) -> Path:
    """Write the document atomically (ExportError, in Indonesian, when it cannot be written)."""
    return docx_base.save(build(sheet), path)


def write_narration(ws: Workspace, campaign_id: int, path: str | Path) -> Path:
    return write(gather(ws, campaign_id), path)
