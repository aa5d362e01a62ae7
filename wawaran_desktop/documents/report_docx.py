"""The campaign report (laporan hasil wawaran) as a Word document.

Kop surat, the title, the identity of the campaign, then A. the SOP's steps (who did each, with
the lane they acted in, start and finish in WIB, working time against the standard, status),
B. the route with its times, flyers and audience, C. the problems met, D. the team's own report
text (stage 8), E. the evaluation, and the signatures of the reporter and the Kepala Bidang who
acknowledges the report. Title and sections are real headings; every page is numbered.

Only a finished campaign's report is the laporan hasil: a running or cancelled campaign's is a
draft that says so on every page (its header), under another title, and carries no signatures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from wawaran_desktop.documents import page
from wawaran_desktop.documents.docx_base import (
    TRPR_ORDER,
    author_of,
    cell_margins,
    fixed_table,
    heading,
    keep_rows_together,
    new_document,
    page_mark,
    page_numbers,
    paragraph,
    put_child,
)
from wawaran_desktop.documents.letterhead import add_letterhead
from wawaran_desktop.documents.signature import Signer, add_signature_block, place_date
from wawaran_desktop.documents.text import paragraphs_of
from wawaran_desktop.text import durations
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.services.office_profile import OfficeProfile, Signatory
from wawaran_desktop.reports.report_data import CampaignReport
from wawaran_desktop.services.stages.evaluation import ASPECTS, SCORE_LABELS
from wawaran_desktop.services.timing import StepStatus

TABLE_PT = 9.5
HEADER_SHADE = "D9E2F3"
LATE_SHADE = "F8CBAD"
BLANK = "-"


def build(report: CampaignReport, profile: OfficeProfile, history_line: str = "") -> DocumentObject:
    paper = page.paper(profile.paper)
    kind = "Laporan Hasil Wawaran" if report.final else "Draf Laporan Wawaran"
    document = new_document(paper, title=f"{kind} – {report.title}", subject=report.theme,
                            keywords="wawaran keliling; laporan; SOP", author=author_of(profile),
                            created=report.generated_at)
    page_numbers(document)
    if report.draft_mark:
        page_mark(document, report.draft_mark)
    add_letterhead(document, profile)
    heading(document, report.title_text, 0, align="center", size=13, underline=True)
    paragraph(document, f"Kampanye Nomor {report.id}", align="center", space_after=10)
    width = paper.text_width_mm
    _identity(document, report, width)
    _heading(document, "A. Pelaksanaan Tahapan SOP")
    _steps(document, report, width)
    _heading(document, "B. Rute dan Lokasi Wawaran")
    _route(document, report, width)
    _heading(document, "C. Kendala dan Catatan")
    _numbered(document, report.problems, "Tidak ada kendala yang tercatat.")
    _heading(document, "D. Uraian Laporan")
    _body(document, report.report_body)
    _heading(document, "E. Evaluasi")
    _evaluation(document, report, width)
    if report.final:
        reporter = report.reporter
        maker = Signatory(reporter.name, reporter.nip, reporter.position, rank=reporter.rank) if reporter \
            else Signatory()
        signed = max((s.finished_at for s in report.steps if s.finished_at), default=report.generated_at)
        add_signature_block(document, [Signer.of("Mengetahui,", profile.kepala_bidang),
                                       Signer.of("Pelapor,", maker)],
                            place_date=place_date(profile, fmt.short_date(signed)))
    else:  # a draft is not signed: no name stands where a signature would
        paragraph(document, report.unsigned_note, italic=True, space_before=18)
    if history_line:  # the head of the history chain when printed (verify-history compares it)
        paragraph(document, history_line, size=7, space_before=12)
    return document


def _heading(document: DocumentObject, text: str, level: int = 1) -> None:
    heading(document, text, level, space_before=12 if level == 1 else 6, space_after=4)


def _identity(document: DocumentObject, report: CampaignReport, width: float) -> None:
    briefing = BLANK
    if report.briefing_at is not None:
        briefing = fmt.date_time(report.briefing_at) + (f", {report.briefing_place}" if report.briefing_place else "")
    rows = [
        ("Kegiatan", report.title), ("Tema", report.theme or BLANK),
        ("Hari/tanggal pelaksanaan", report.day_text),
        ("Briefing", briefing),
        ("Status kampanye", report.status.label + (f" ({report.cancel_reason})" if report.cancel_reason else "")),
        ("Waktu kerja seluruh tahap", report.time_summary),
        ("Jangkauan", (f"{len([s for s in report.stops if s.visited])} lokasi, {fmt.thousands(report.flyers)} "
                       f"selebaran, perkiraan {fmt.thousands(report.audience)} warga")),
    ]
    table = fixed_table(document, (52, 4, width - 56), rows=len(rows))
    for (label, value), row in zip(rows, table.rows):
        paragraph(row.cells[0], label, reuse=True)
        paragraph(row.cells[1], ":", reuse=True)
        paragraph(row.cells[2], value, reuse=True, space_after=2)


def _when(moment: datetime | None, day: datetime | None) -> str:
    """``08.05``, with the date when it is not the wawaran day (or there was none yet)."""
    if moment is None:
        return BLANK
    if day is not None and to_wib(moment).date() == to_wib(day).date():
        return fmt.clock_time(moment)
    return f"{to_wib(moment):%d/%m} {fmt.clock_time(moment)}"


def _grid(document: DocumentObject, widths: Sequence[float], header: Sequence[str], rows: list[Sequence[str]],
          *, right: set[int] = frozenset(), shade_rows: set[int] = frozenset()):
    table = fixed_table(document, widths, rows=len(rows) + 1, borders=True)
    cell_margins(table, left=1.2, right=1.2)
    keep_rows_together(table)  # a stop or a step never splits over two pages
    put_child(table.rows[0]._tr.get_or_add_trPr(), OxmlElement("w:tblHeader"), TRPR_ORDER)  # repeats on each page
    for col, text in enumerate(header):
        cell = table.cell(0, col)
        paragraph(cell, text, size=TABLE_PT, bold=True, align="center", reuse=True)
        _shade(cell, HEADER_SHADE)
    for r, values in enumerate(rows, 1):
        for col, text in enumerate(values):
            cell = table.cell(r, col)
            paragraph(cell, text, size=TABLE_PT, align="right" if col in right else "left", reuse=True)
            if r - 1 in shade_rows:
                _shade(cell, LATE_SHADE)
    return table


def _shade(cell, colour: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", colour)):
        shading.set(qn(key), value)
    tc_pr.append(shading)


def _steps(document: DocumentObject, report: CampaignReport, width: float) -> None:
    widths = [8, 28, 0, 13, 13, 23, 14, 22]  # Pelaksana gets the rest (~44 mm on A4): a name fits one line
    widths[2] = width - sum(widths)
    rows = [(str(s.no), s.short, who.text("\n"), _when(s.started_at, report.day),
             _when(s.finished_at, report.day), durations.text(s.elapsed_seconds) if s.started_at else BLANK,
             durations.standard(s.standard_minutes), report.step_status(s))
            for s, who in zip(report.steps, report.people)]
    rows.append(("", "Jumlah", "", "", "", durations.text(report.elapsed_total),
                 durations.standard(report.standard_total), report.total_status_label))
    late = {i for i, s in enumerate(report.steps) if s.status is StepStatus.LATE}
    if report.total_status is StepStatus.LATE:
        late.add(len(report.steps))
    _grid(document, widths, ("No", "Kegiatan", "Pelaksana", "Mulai", "Selesai", "Waktu kerja", "Standar",
                             "Status"), rows, right={5, 6}, shade_rows=late)
    dates = (f"tanggal ditulis bila bukan hari pelaksanaan ({fmt.long_date(report.day)})" if report.day
             else "dengan tanggal, karena belum ada hari pelaksanaan")
    paragraph(document, f"Waktu dalam WIB; {dates}. Pelaksana: yang mencatat tahap, dengan perannya saat itu. "
              "Waktu kerja tidak menghitung jeda.", size=8.5, italic=True, space_before=2)


def _route(document: DocumentObject, report: CampaignReport, width: float) -> None:
    if not report.stops:
        paragraph(document, "Belum ada lokasi yang tercatat.")
        return
    widths = [8, 0, 15, 13, 19, 18, 21]
    widths[1] = width - sum(widths)
    rows = []
    for s in report.stops:
        place = s.place + (f"\n{s.address}" if s.address else "") + ("" if s.planned else "\n(tidak terencana)")
        rows.append((str(s.position), place, (s.planned_time or BLANK).replace(":", "."),
                     _when(s.arrived_at, report.day), _when(s.departed_at, report.day),
                     fmt.thousands(s.flyers), fmt.thousands(s.audience)))
    rows.append(("", "Jumlah", "", "", "", fmt.thousands(report.flyers), fmt.thousands(report.audience)))
    _grid(document, widths, ("No", "Lokasi", "Rencana", "Tiba", "Berangkat", "Selebaran", "Warga (perkiraan)"),
          rows, right={5, 6})


#: A numbered list of at most this many items is not split across two pages.
KEEP_LIST = 8


def _numbered(document: DocumentObject, items: Sequence[str], empty: str) -> None:
    if not items:
        paragraph(document, empty)
    for n, item in enumerate(items, 1):  # a short list stays on one page (a long one may break)
        para = paragraph(document, f"{n}.\t{item}", space_after=2, keep_with_next=n < len(items) <= KEEP_LIST)
        para.paragraph_format.left_indent = Mm(7)
        para.paragraph_format.first_line_indent = Mm(-7)
        para.paragraph_format.tab_stops.add_tab_stop(Mm(7))


def _body(document: DocumentObject, text: str) -> None:
    """The report the team wrote at stage 8, paragraph by paragraph (blank lines separate them)."""
    blocks = paragraphs_of(text)
    if not blocks:
        paragraph(document, "Uraian laporan belum ditulis.")
    for block in blocks:
        lines = [line.strip() for line in block.split("\n")]
        for i, line in enumerate(lines):  # a line of its own is a paragraph: justifying never stretches it
            paragraph(document, line, align="justify", space_after=4 if i == len(lines) - 1 else 0)


def _evaluation(document: DocumentObject, report: CampaignReport, width: float) -> None:
    evaluation = report.evaluation
    if evaluation is None:
        paragraph(document, "Laporan belum dievaluasi oleh Kepala Bidang.")
        return
    received = fmt.date_time(evaluation.received_at) if evaluation.received_at else BLANK
    paragraph(document, f"Laporan diterima oleh {evaluation.received_by_name or BLANK} pada {received}.",
              space_after=4)
    rows = []
    for field, label in ASPECTS:
        score = getattr(evaluation, field)
        rows.append((label, str(score) if score else BLANK, SCORE_LABELS.get(score, BLANK)))
    _grid(document, (60, 20, 40), ("Aspek", "Skor (1–5)", "Keterangan"), rows, right={1})
    if evaluation.notes.strip():
        _heading(document, "Catatan evaluasi", 2)
        paragraph(document, evaluation.notes.strip())
    _heading(document, "Tindak lanjut untuk wawaran berikutnya", 2)
    _numbered(document, evaluation.followups, "Tidak ada tindak lanjut yang dicatat.")
