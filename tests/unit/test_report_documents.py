"""The campaign report as Word and Excel: read back, and converted to PDF by LibreOffice."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from docx import Document
from office import pdf_text, to_pdf
from openpyxl import load_workbook
from report_campaign import PAUSE_REASON, STOP_NOTE, THEME, TITLE, run_timed_campaign

from wawaran_desktop.documents.atomic import ExportError
from wawaran_desktop.documents.report import suggested_name, write_report


@pytest.fixture
def cid(ws, clock, actor):
    return run_timed_campaign(ws, clock, actor.id)


def test_word_report(ws, cid, actor, tmp_path):
    path = write_report(ws, cid, tmp_path / "laporan.docx")
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "LAPORAN HASIL KEGIATAN WAWARAN KELILING" in text and f"Kampanye Nomor {cid}" in text
    assert "PEMERINTAH KOTA TANGERANG" in text and "DINAS KOMUNIKASI DAN INFORMATIKA" in text  # kop surat
    for heading in ("A. Pelaksanaan Tahapan SOP", "B. Rute dan Lokasi Wawaran", "C. Kendala dan Catatan",
                    "D. Evaluasi"):
        assert heading in text
    assert PAUSE_REASON in text and STOP_NOTE in text and "Tahap 3 (Tema) melewati standar" in text

    cells = {t: [[c.text for c in row.cells] for row in t.rows] for t in document.tables}
    identity = next(rows for rows in cells.values() if rows[0][0] == "Kegiatan")
    assert dict((r[0], r[2]) for r in identity)["Tema"] == THEME
    assert dict((r[0], r[2]) for r in identity)["Hari/tanggal pelaksanaan"] == "Kamis, 26 November 2026"
    steps_table, steps = next((t, rows) for t, rows in cells.items() if rows[0][:2] == ["No", "Kegiatan"])
    assert steps[0] == ["No", "Kegiatan", "Pelaksana", "Mulai", "Selesai", "Waktu (menit)", "Standar (menit)",
                        "Status"]
    assert steps[3] == ["3", "Tema", f"{actor.name}\n(Kepala Bidang DIKP)", "08.29", "08.57", "8", "5", "Terlambat"]
    assert steps[7][5:] == ["100", "120", "Tepat waktu"]
    assert steps[-1][1] == "Jumlah" and steps[-1][5:7] == ["158", "185"]
    shaded = [row.cells[0]._tc.tcPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd")
              for row in steps_table.rows]
    assert [i for i, s in enumerate(shaded) if s is not None and s.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill") == "F8CBAD"] == [3]
    route = next(rows for rows in cells.values() if rows[0][:2] == ["No", "Lokasi"])
    assert route[1] == ["1", "Kel. Sukasari, Kec. Tangerang\nPasar Anyar", "09.00", "09.27", "09.57", "120", "300"]
    assert route[3][3:5] == ["-", "-"] and route[-1][5:] == ["200", "450"]
    scores = next(rows for rows in cells.values() if rows[0][0] == "Aspek")
    assert scores[1] == ["Ketepatan waktu", "4", "Baik"]
    signatures = "\n".join(c for rows in cells.values() for r in rows for c in r)
    assert "Pelapor," in signatures and "Mengetahui," in signatures
    assert "NIP. 19850312 201001 2 004" in signatures and "Tangerang, 26 November 2026" in signatures
    assert document.core_properties.title == f"Laporan Hasil Wawaran – {TITLE}"

    pdf = pdf_text(to_pdf(path, tmp_path))
    for expected in ("LAPORAN HASIL KEGIATAN WAWARAN KELILING", "Pelaksanaan Tahapan SOP", "Pengumpulan Data",
                     "Terlambat", "Kel. Sukaasih, Kec. Tangerang", "Tindak lanjut", "NIP. 19850312 201001 2 004"):
        assert expected in pdf, expected


def test_excel_report(ws, cid, tmp_path):
    path = write_report(ws, cid, tmp_path / "laporan.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Laporan", "Rute"]
    sheet = wb["Laporan"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "No" and r[1] == "Kegiatan")
    head_cell = sheet.cell(header + 1, 1)
    assert head_cell.font.bold and head_cell.fill.fgColor.rgb.endswith("1F3864")
    theme = rows[header + 3]
    assert theme[:3] == (3, "Tema", "Rina Wulandari (Kepala Bidang DIKP)")
    assert theme[3] == datetime(2026, 11, 26, 8, 29) and theme[4] == datetime(2026, 11, 26, 8, 57)
    assert theme[5:] == (8, 5, "Terlambat")
    assert sheet.cell(header + 4, 4).number_format == "dd/mm/yyyy hh:mm"
    assert rows[header + 10][1] == "Jumlah" and rows[header + 10][5:7] == (158, 185)
    rules = [r for cf in sheet.conditional_formatting for r in cf.rules]
    assert any('"Terlambat"' in r.formula[0] for r in rules)
    assert sheet.page_setup.orientation == "portrait" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert wb.properties.title == f"Laporan Hasil Wawaran – {TITLE}" and wb.properties.language == "id-ID"

    route = wb["Rute"]
    assert route.freeze_panes == "A2" and route.auto_filter.ref == "A1:L4"
    stops = list(route.iter_rows(min_row=2, values_only=True))
    assert stops[0][:6] == (1, "Tangerang", "Sukasari", "Pasar Anyar", "Ya", time(9, 0))
    assert stops[0][6] == datetime(2026, 11, 26, 9, 27) and stops[0][8] == 30
    assert stops[1][-1] == STOP_NOTE and stops[2][6] is None

    pdf = pdf_text(to_pdf(path, tmp_path))
    for expected in ("LAPORAN HASIL KEGIATAN WAWARAN KELILING", "Pelaksanaan Tahapan SOP", "Diseminasi",
                     "Terlambat", "26/11/2026 08:29", "Kendala dan Catatan", PAUSE_REASON):
        assert expected in pdf, expected


def test_other_extensions_are_refused_and_nothing_is_written(ws, cid, tmp_path):
    out = tmp_path / "keluar"
    out.mkdir()
    with pytest.raises(ExportError, match=r"\.docx \(Word\) atau \.xlsx \(Excel\)"):
        write_report(ws, cid, out / "laporan.pdf")
    assert list(out.iterdir()) == []
    assert suggested_name(7, ".xlsx") == "laporan-wawaran-7.xlsx"
