"""The campaign report as Word and Excel: read back, and converted to PDF by LibreOffice."""

from __future__ import annotations

import errno
import gc
import io
import sys
from datetime import datetime, time, timedelta, timezone

import pytest
from crew import member
from docx import Document
from office import pdf_text, to_pdf
from openpyxl import load_workbook
from report_campaign import PAUSE_REASON, STOP_NOTE, THEME, TITLE, run_timed_campaign

from wawaran_desktop.db.models import Campaign
from wawaran_desktop.db.stage_models import NarrationVersion, Report, RouteStop
from wawaran_desktop.documents import narration_docx
from wawaran_desktop.infra.atomic import ExportError
from wawaran_desktop.documents.report import write_report
from wawaran_desktop.documents.workbook import write_workbook
from wawaran_desktop.text import durations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "Laporan uji: wawaran terlaksana."  # the stage-8 text stage_content stores
#: Who works the timed campaign's steps (tests/report_campaign.py, each step by its lane):
#: the Kepala Bidang decides the theme (step 3), the Tim's Dewi Lestari writes the report (step 8).
DECIDER = "Hendra Gunawan"
REPORTER, REPORTER_NIP = "Dewi Lestari", "NIP. 19900214 201503 2 001"


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
                    "D. Uraian Laporan", "E. Evaluasi"):
        assert heading in text
    assert text.index("D. Uraian Laporan") < text.index(BODY) < text.index("E. Evaluasi")  # the team's report
    assert PAUSE_REASON in text and STOP_NOTE in text and "Tahap 3 (Tema) melewati standar" in text

    cells = {t: [[c.text for c in row.cells] for row in t.rows] for t in document.tables}
    identity = next(rows for rows in cells.values() if rows[0][0] == "Kegiatan")
    assert dict((r[0], r[2]) for r in identity)["Tema"] == THEME
    assert dict((r[0], r[2]) for r in identity)["Hari/tanggal pelaksanaan"] == "Kamis, 26 November 2026"
    steps_table, steps = next((t, rows) for t, rows in cells.items() if rows[0][:2] == ["No", "Kegiatan"])
    assert steps[0] == ["No", "Kegiatan", "Pelaksana", "Mulai", "Selesai", "Waktu kerja", "Standar", "Status"]
    assert steps[3] == ["3", "Tema", f"{DECIDER}\n(Kepala Bidang DIKP)", "08.29", "08.57", "8 mnt 00 dtk", "5 mnt",
                        "Terlambat"]
    assert steps[7][5:] == ["100 mnt 00 dtk", "120 mnt", "Tepat waktu"]
    assert steps[-1][1] == "Jumlah" and steps[-1][5:] == ["158 mnt 00 dtk", "185 mnt", "Tepat waktu"]
    assert dict((r[0], r[2]) for r in identity)["Waktu kerja seluruh tahap"] == \
        "158 mnt 00 dtk dari standar 185 mnt (Tepat waktu); 8 dari 9 tahap tepat waktu"
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
    assert REPORTER_NIP in signatures and "Tangerang, 26 November 2026" in signatures
    props = document.core_properties
    assert props.title == f"Laporan Hasil Wawaran – {TITLE}"
    assert props.author == props.last_modified_by == "Dinas Komunikasi dan Informatika Kota Tangerang"
    assert props.comments == "" and props.language == "id-ID"
    assert props.created == props.modified == datetime(2026, 11, 26, 4, 16, tzinfo=timezone.utc)  # the clock, UTC
    for table in (steps_table, next(t for t, rows in cells.items() if rows[0][:2] == ["No", "Lokasi"])):
        assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)  # rows never split

    pdf = pdf_text(to_pdf(path, tmp_path))
    for expected in ("LAPORAN HASIL KEGIATAN WAWARAN KELILING", "Pelaksanaan Tahapan SOP", "Pengumpulan Data",
                     "Terlambat", "Kel. Sukaasih, Kec. Tangerang", "Tindak lanjut", REPORTER_NIP,
                     BODY):
        assert expected in pdf, expected


def _set_rank(ws, person, rank: str) -> None:
    """Record ``rank`` for ``person`` in the staff directory, as the office would."""
    ws.staff.update(person.id, person.name, person.nip, person.position, person.lane, person.active, rank=rank)


def test_the_reporters_rank_stands_between_the_name_and_the_nip(ws, cid, tmp_path):
    rank = "Penata Muda Tingkat I (III/b)"
    reporter = member(ws, "tim")  # who wrote the report at step 8
    _set_rank(ws, reporter, rank)
    path = write_report(ws, cid, tmp_path / "laporan.docx")
    sign = Document(str(path)).tables[-1]
    rows = [[cell.text for cell in row.cells] for row in sign.rows]
    assert [right for _left, right in rows[-3:]] == [REPORTER, rank, REPORTER_NIP]
    assert rows[-2][0] == ""  # the Kepala Bidang of the profile has no rank
    assert not sign.rows[-2].cells[1].paragraphs[0].runs[0].bold
    assert f"{REPORTER} {rank} {REPORTER_NIP}" in " ".join(pdf_text(to_pdf(path, tmp_path)).split())

    _set_rank(ws, reporter, "")  # no rank: no empty line between the name and the NIP
    rows = [[cell.text for cell in row.cells] for row in Document(str(write_report(
        ws, cid, tmp_path / "tanpa.docx"))).tables[-1].rows]
    assert [right for _left, right in rows[-2:]] == [REPORTER, REPORTER_NIP]


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
    assert theme[:3] == (3, "Tema", f"{DECIDER} (Kepala Bidang DIKP)")
    assert theme[3] == datetime(2026, 11, 26, 8, 29) and theme[4] == datetime(2026, 11, 26, 8, 57)
    assert theme[5:] == (timedelta(minutes=8), 5, "Terlambat")  # a real duration (openpyxl reads it back so)
    assert sheet.cell(header + 4, 4).number_format == "dd/mm/yyyy hh:mm"
    assert sheet.cell(header + 4, 6).number_format == durations.EXCEL_FORMAT  # "8 mnt 00 dtk"
    assert any(r[0] == "D. Uraian Laporan" for r in rows) and any(r[0] == BODY for r in rows)
    stop_header = next(i for i, r in enumerate(rows) if r[0] == "No" and r[1] == "Lokasi")
    assert sheet.cell(stop_header + 2, 6).number_format == sheet.cell(stop_header + 2, 7).number_format == "#,##0"
    assert rows[header + 10][1] == "Jumlah" and rows[header + 10][5:] == (timedelta(minutes=158), 185, "Tepat waktu")
    rules = [r for cf in sheet.conditional_formatting for r in cf.rules]
    assert any('"Terlambat"' in r.formula[0] for r in rules)
    assert sheet.page_setup.orientation == "portrait" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert wb.properties.title == f"Laporan Hasil Wawaran – {TITLE}" and wb.properties.language == "id-ID"

    route = wb["Rute"]
    assert route.freeze_panes == "A2" and route.tables["tblRute"].ref == "A1:L4"  # an Excel table, filterable
    stops = list(route.iter_rows(min_row=2, values_only=True))
    assert stops[0][:6] == (1, "Tangerang", "Sukasari", "Pasar Anyar", "Ya", time(9, 0))
    assert stops[0][6] == datetime(2026, 11, 26, 9, 27) and stops[0][8] == timedelta(minutes=30)
    assert route["I2"].number_format == durations.EXCEL_FORMAT
    assert stops[1][-1] == STOP_NOTE and stops[2][6] is None
    assert route["J2"].number_format == route["K2"].number_format == "#,##0"

    pdf = pdf_text(to_pdf(path, tmp_path))
    for expected in ("LAPORAN HASIL KEGIATAN WAWARAN KELILING", "Pelaksanaan Tahapan SOP", "Diseminasi",
                     "Terlambat", "26/11/2026 08:29", "Kendala dan Catatan", PAUSE_REASON, "8 mnt 00 dtk",
                     "158 mnt 00 dtk", "30 mnt 00 dtk"):
        assert expected in pdf, expected


def test_other_extensions_are_refused_and_nothing_is_written(ws, cid, tmp_path):
    out = tmp_path / "keluar"
    out.mkdir()
    with pytest.raises(ExportError, match=r"\.docx \(Word\) atau \.xlsx \(Excel\)"):
        write_report(ws, cid, out / "laporan.pdf")
    assert list(out.iterdir()) == []


def test_control_characters_in_stored_text_do_not_stop_any_export(ws, cid, tmp_path):
    """An older database may hold control characters (pasted from Word): they are left out."""
    Campaign.update(theme="Gerakan 3M\x0c Plus").where(Campaign.id == cid).execute()
    RouteStop.update(notes="Warga\x0b antusias\x01").where(RouteStop.notes == STOP_NOTE).execute()
    Report.update(body="Laporan\x02 uji.").where(Report.campaign == cid).execute()
    NarrationVersion.update(text="Selamat\x0b pagi, warga.").where(NarrationVersion.campaign == cid).execute()

    document = Document(str(write_report(ws, cid, tmp_path / "laporan.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kec. Tangerang: Warga antusias\n" in text + "\n" and "Laporan uji." in text
    assert document.core_properties.subject == "Gerakan 3M Plus"
    wb = load_workbook(write_report(ws, cid, tmp_path / "laporan.xlsx"))
    assert "Gerakan 3M Plus" in [r[2] for r in wb["Laporan"].iter_rows(values_only=True)]
    assert [r[-1] for r in wb["Rute"].iter_rows(min_row=2, values_only=True)][1] == "Warga antusias"
    book = load_workbook(write_workbook(ws, tmp_path / "evaluasi.xlsx"))
    assert [r[2] for r in book["Kampanye"].iter_rows(min_row=2, values_only=True)] == ["Gerakan 3M Plus"]
    narration = Document(str(narration_docx.write_narration(ws, cid, tmp_path / "narasi.docx")))
    assert "Selamat pagi, warga." in [p.text for p in narration.paragraphs]


def test_steps_never_reached_in_a_cancelled_campaign_say_so(ws, actor, tmp_path):
    cid = ws.campaigns.create(actor.id, "Wawaran yang dibatalkan").id
    ws.steps.start(actor.id, cid, 1)
    ws.campaigns.cancel(actor.id, cid, "Cuaca buruk")
    label = "Tidak dilaksanakan (dibatalkan)"

    document = Document(str(write_report(ws, cid, tmp_path / "laporan.docx")))
    steps = next([[c.text for c in row.cells] for row in t.rows] for t in document.tables
                 if t.rows[0].cells[0].text == "No" and t.rows[0].cells[1].text == "Kegiatan")
    assert [row[7] for row in steps[2:10]] == [label] * 8 and steps[1][7] != label
    rows = list(load_workbook(write_report(ws, cid, tmp_path / "laporan.xlsx"))["Laporan"].iter_rows(values_only=True))
    assert sum(1 for r in rows if r[7] == label) == 8
    book = load_workbook(write_workbook(ws, tmp_path / "evaluasi.xlsx"))
    assert [r[12] for r in book["Tahap"].iter_rows(min_row=2, values_only=True)][1:] == [label] * 8


class _FullDisk(io.FileIO):
    """A file on a disk that is full: every write fails as Windows or Linux fails it."""

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("name", ["laporan.docx", "laporan.xlsx", "evaluasi.xlsx", "narasi.docx"])
def test_a_full_disk_fails_cleanly_without_leaving_zip_files_open(ws, cid, tmp_path, monkeypatch, name):
    real_open = io.open

    def open_on_full_disk(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).endswith(".tmp" + name[name.index("."):]):
            return _FullDisk(file, mode.replace("b", ""))
        return real_open(file, mode, *args, **kwargs)

    ignored = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    monkeypatch.setattr(io, "open", open_on_full_disk)
    monkeypatch.setattr("builtins.open", open_on_full_disk)
    target = tmp_path / name
    write = {"narasi.docx": lambda: narration_docx.write_narration(ws, cid, target),
             "evaluasi.xlsx": lambda: write_workbook(ws, target)}.get(name, lambda: write_report(ws, cid, target))
    with pytest.raises(ExportError, match="Disk penuh"):
        write()
    gc.collect()
    assert [u.exc_value for u in ignored] == []  # no "Exception ignored in ZipFile.__del__"
    assert not target.exists() and [p.name for p in tmp_path.iterdir() if p.name != "data"] == []
