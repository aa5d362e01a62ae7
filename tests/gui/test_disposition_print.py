"""The lembar disposisi drawn by Qt: PDF with real text on one page, print preview, picture."""

from __future__ import annotations

import re
from datetime import date

import pytest
from office import pdf_pages, pdf_text  # tests/office.py
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from wawaran_desktop.reports import disposition_data
from wawaran_desktop.infra.atomic import ExportError
from wawaran_desktop.documents.docx_base import TICKED, UNTICKED
from wawaran_desktop.services.stages import disposition
from wawaran_desktop.services.stages.disposition import DispositionDraft
from wawaran_desktop.views.documents import disposition_print
from wawaran_desktop.views.documents.sheet_painter import SheetPainter

PAPERS = ("A4", "F4", "half_folio")
#: The page's size in PDF points (1/72 inch), from the paper's millimetres.
MEDIA_PT = {"A4": (595.3, 841.9), "F4": (609.4, 935.4), "half_folio": (609.4, 467.7)}
RANK = "Penata Tingkat I (III/d)"
LONG_RANK = "Pengatur Muda Tingkat I (II/b)"  # the longest pangkat/golongan


def draft(recipients, signer, **changes) -> DispositionDraft:
    values = dict(disposed_on=date(2026, 11, 26), surat_dari="Dinas Kesehatan Kota Tangerang",
                  nomor_surat="500.1/1820-Dinkes/2026", tanggal_surat=date(2026, 11, 20),
                  diterima_tanggal=date(2026, 11, 24), due_on=date(2026, 12, 1), sifat="Sangat Segera",
                  hal="Sosialisasi pencegahan DBD",
                  recipient_ids=recipients, instructions=("Koordinasikan", "Siapkan bahan"),
                  free_text="Bawa selebaran 500 lembar.", catatan="Koordinasi dengan lurah setempat.",
                  signer_id=signer)
    values.update(changes)
    return DispositionDraft(**values)


@pytest.fixture
def sheet_of(ws, staff):
    sub, tim = staff

    def make(paper: str = "A4", **changes) -> disposition_data.DispositionSheet:
        record = ws.campaigns.create(sub.id, "Wawaran DBD", "Satu rumah satu jumantik")
        disposition.Service(ws).save(sub.id, record.id, draft((tim.id,), sub.id, **changes))
        ws.profile.save(sub.id, ws.profile.load()._replace(disposition_paper=paper))
        return disposition_data.gather(ws, record.id)

    return make


def media_box(pdf) -> tuple[float, float]:
    match = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf.read_bytes())
    return round(float(match[1]), 1), round(float(match[2]), 1)


@pytest.mark.parametrize("paper", PAPERS)
def test_pdf_is_one_page_of_real_text_on_the_chosen_paper(qapp, sheet_of, tmp_path, paper):
    pdf = disposition_print.write_pdf(sheet_of(paper), tmp_path / f"disposisi-{paper}.pdf")
    assert pdf_pages(pdf) == 1
    assert media_box(pdf) == pytest.approx(MEDIA_PT[paper], abs=0.6)
    flat = " ".join(pdf_text(pdf, layout=True).split())
    for expected in ("PEMERINTAH KOTA TANGERANG", "LEMBAR DISPOSISI", "Surat dari : Dinas Kesehatan Kota",
                     "No. Agenda : 001/DIKP/2026", "Tgl. Surat : 20 November 2026", f"{TICKED} Sangat Segera",
                     "Tgl. Penyelesaian : 1 Desember 2026",
                     f"{UNTICKED} Biasa", f"{TICKED} Koordinasikan", f"{UNTICKED} Untuk dilaksanakan",
                     "1. Budi Santoso (Pranata Humas)", "Lain-lain: Bawa selebaran 500 lembar.",
                     "Catatan: Koordinasi dengan lurah setempat.", "Tangerang, 26 November 2026",
                     "Siti Rahmawati", "NIP. 19850312 201001 2 004"):
        assert expected in flat, expected
    assert flat.count(TICKED) == 3  # one sifat, two instructions


@pytest.mark.parametrize("paper", PAPERS)
def test_the_longest_sheet_still_fits_one_page(qapp, ws, sheet_of, tmp_path, paper):
    people = tuple(ws.staff.add(f"Petugas Nomor {i:02d} dengan Nama Lengkap", None,
                                "Pranata Hubungan Masyarakat Ahli Pertama", "tim").id for i in range(50))
    words = "kata " * 1000
    sheet = sheet_of(paper, recipient_ids=people, hal=words[:disposition.HAL_MAX].strip(),
                     surat_dari=words[:disposition.SURAT_DARI_MAX].strip(),
                     free_text=words[:disposition.FREE_TEXT_MAX].strip(),
                     catatan=words[:disposition.CATATAN_MAX].strip(), instructions=disposition.STANDARD_INSTRUCTIONS)
    sheet = sheet._replace(signer=sheet.signer._replace(rank=LONG_RANK))  # one line more to sign
    pdf = disposition_print.write_pdf(sheet, tmp_path / "panjang.pdf")
    assert pdf_pages(pdf) == 1
    flat = " ".join(pdf_text(pdf).split())
    assert "50. Petugas Nomor 49 dengan Nama Lengkap" in flat and "NIP. 19850312 201001 2 004" in flat
    assert f"Siti Rahmawati {LONG_RANK} NIP. 19850312 201001 2 004" in flat


def test_the_rank_is_one_plain_line_between_the_name_and_the_nip(qapp, sheet_of, tmp_path):
    sheet = sheet_of("A4")
    ranked = sheet._replace(signer=sheet.signer._replace(rank=RANK))
    flat = " ".join(pdf_text(disposition_print.write_pdf(ranked, tmp_path / "pangkat.pdf")).split())
    assert f"Siti Rahmawati {RANK} NIP. 19850312 201001 2 004" in flat
    flat = " ".join(pdf_text(disposition_print.write_pdf(sheet, tmp_path / "tanpa.pdf")).split())
    assert "Siti Rahmawati NIP. 19850312 201001 2 004" in flat
    image = QImage(800, 1100, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:  # the signature's natural height (draw=False measures), with and without the rank
        heights = [SheetPainter(s, painter, QRectF(0, 0, 800, 1100)).signature(0.0, 0.0, 350.0, 0.0)
                   for s in (sheet, ranked)]
        measure = SheetPainter(sheet, painter, QRectF(0, 0, 800, 1100))
        line = measure.metrics(measure.font()).height()
    finally:
        painter.end()
    assert heights[1] - heights[0] == pytest.approx(line)  # one line, and none when there is no rank


def test_logo_and_kop_in_the_picture(qapp, ws, staff, sheet_of, tmp_path):
    logo = QImage(120, 120, QImage.Format.Format_RGB32)
    logo.fill(QColor(200, 0, 0))
    assert logo.save(str(tmp_path / "logo.png"))
    ws.profile.save(staff[0].id, ws.profile.load()._replace(logo=tmp_path / "logo.png"))
    sheet = sheet_of("A4")
    image = disposition_print.render_image(sheet, dpi=60)
    assert (image.width(), image.height()) == (495, 701)  # A4 at 60 dpi (whole pixels)
    margin_x, margin_y = round(25 / 25.4 * 60), round(20 / 25.4 * 60)
    logo_pixel = QColor(image.pixel(margin_x + 10, margin_y + 20))
    assert (logo_pixel.red(), logo_pixel.green(), logo_pixel.blue()) == (200, 0, 0)
    assert QColor(image.pixel(5, 5)).lightness() == 255  # the margin stays white


def test_print_preview_shows_one_page(qtbot, sheet_of):
    dialog = disposition_print.PreviewDialog(sheet_of("half_folio"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.used_size is not None)
    preview = dialog.preview_widget()
    assert preview.pageCount() == 1
    layout = dialog.printer.pageLayout()
    size = layout.fullRect(layout.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (215, 165)
    assert 5 <= dialog.used_size <= 10
    picture = dialog.grab().toImage()
    assert not picture.isNull() and picture.width() > 400
    dialog.close()


def test_printing_to_a_pdf_printer_gives_the_same_single_page(qapp, sheet_of, tmp_path):
    sheet = sheet_of("F4")
    printer = disposition_print.make_printer(sheet)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cetak.pdf"))
    disposition_print.paint_sheet(printer, sheet)
    del printer
    assert pdf_pages(tmp_path / "cetak.pdf") == 1
    assert "LEMBAR DISPOSISI" in pdf_text(tmp_path / "cetak.pdf")


def test_a_pdf_that_cannot_be_written_keeps_the_old_file(qapp, sheet_of, tmp_path):
    target = tmp_path / "disposisi.pdf"
    target.write_bytes(b"%PDF old")
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(ExportError, match="tidak dapat disimpan"):
        disposition_print.write_pdf(sheet_of("A4"), tmp_path / "folder.pdf")  # a folder of that name
    assert target.read_bytes() == b"%PDF old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["disposisi.pdf", "folder.pdf"]


def test_a_full_disk_is_reported_and_keeps_the_old_pdf(qapp, sheet_of, tmp_path, monkeypatch):
    """QPdfWriter does not report write errors (a full disk left a truncated PDF and success):
    the PDF is now made in memory and written by our own code, which sees ENOSPC."""
    from fakes import full_disk
    from wawaran_desktop.infra import atomic

    full_disk(monkeypatch, atomic)
    target = tmp_path / "d.pdf"
    target.write_bytes(b"%PDF lama")
    with pytest.raises(ExportError, match="^Disk penuh: d.pdf tidak dapat disimpan"):
        disposition_print.write_pdf(sheet_of("A4"), target)
    assert target.read_bytes() == b"%PDF lama"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["d.pdf"]


def test_drawing_errors_are_in_indonesian():
    import inspect

    source = inspect.getsource(disposition_print)
    assert "could not be opened" not in source and "produced an empty file" not in source
