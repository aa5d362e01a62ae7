"""The evaluators' workbook keeps its text whole on paper, and says who acted in which role.

Long titles, themes, addresses and notes wrap inside their columns, each row as tall as its
longest text needs (xlsx_style.fitted_height), so LibreOffice prints every word inside its cell
and above the next row; the summary's notes wrap within the page. The Tahap sheet has the SOP's
lane for the step ("Pelaksana menurut SOP") and, beside the person, the lane recorded when they
acted ("Peran petugas saat mencatat"): a Kepala Bidang who records stage 7 under an
administrator's override is a Kepala Bidang there, not the Kernet/Supir.

Read back with openpyxl, and in the word boxes of LibreOffice's PDF (``pdftotext -bbox``)."""

from __future__ import annotations

import html
import re
import subprocess
from datetime import date

import pytest
from argon2 import PasswordHasher
from crew import crew
from office import PDFTOTEXT, to_pdf
from openpyxl import load_workbook
from stage_content import fill_stage

from wawaran_desktop.documents import xlsx_style as xs
from wawaran_desktop.documents.workbook import ACTOR_LANE, STEP_LANE, write_workbook
from wawaran_desktop.documents.workbook_summary import status_note
from wawaran_desktop.services.accounts import AccountService
from wawaran_desktop.services.stages import briefing, dissemination, theme

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # the tests' light argon2id profile
TITLE = ("Wawaran Sosialisasi Pembuatan Akta Kelahiran dan Kartu Identitas Anak Gratis di Kelurahan "
         "Karang Tengah, Kecamatan Karang Tengah")
THEME = "Segera urus Akta Kelahiran dan Kartu Identitas Anak: gratis, cukup membawa Kartu Keluarga asli"
ADDRESS = "Posyandu Melati RW 004 samping Musala Al-Hidayah, Gg. Haji Usman, Jl. Raya Karang Tengah"
NOTE = ("Pengeras suara sempat mati sebentar, mobil berhenti di tepi jalan lalu melanjutkan pengumuman "
        "setelah diperbaiki; warga meminta pengumuman diulang di ujung gang")
OVERRIDE = "Kernet sakit; Kepala Bidang mencatat rute sendiri"


@pytest.fixture
def campaign(ws, clock):
    """One campaign: a long title and theme, three planned stops (the second with a long address
    and, on the road, a long note), stage 7 recorded by the Kepala Bidang, who is the administrator."""
    people = crew(ws)
    subkor, kabid = people["subkor"].id, people["kabid"].id
    ws.accounts = AccountService(ws, hasher=FAST)
    ws.accounts.create_first_admin(kabid, "hendra", "kunci-kantor-2026")
    cid = ws.campaigns.create(subkor, TITLE).id
    for no in (1, 2):
        ws.steps.start(subkor, cid, no)
        fill_stage(ws, subkor, cid, no)
        if no == 2:
            briefing.Service(ws).add_location(subkor, cid, "36.71.01.1001", ADDRESS, "10:00")
            briefing.Service(ws).add_location(subkor, cid, "36.71.01.1002", "Taman Sukaasih", "11:00")
        clock.advance(minutes=5)
        ws.steps.finish(subkor, cid, no)
    ws.steps.start(kabid, cid, 3)
    theme.Service(ws).set_theme(kabid, cid, THEME)
    ws.lanes.override(kabid, cid, 7, OVERRIDE)
    ws.steps.start(kabid, cid, 7, reason=OVERRIDE)
    route = dissemination.Service(ws)
    stops = route.ensure_route(kabid, cid).stops
    for stop in stops:
        clock.advance(minutes=10)
        route.arrive(kabid, cid, stop.id)
        clock.advance(minutes=20)
        route.depart(kabid, cid, stop.id)
    route.update_stop(kabid, cid, stops[1].id, flyers=40, audience=90, notes=NOTE)
    return cid, people


def header_index(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}


def test_the_tahap_sheet_tells_the_sops_lane_from_the_role_the_person_acted_in(ws, campaign, tmp_path):
    cid, people = campaign
    sheet = load_workbook(write_workbook(ws, tmp_path / "evaluasi.xlsx"))["Tahap"]
    at = header_index(sheet)
    assert list(at)[3:7] == ["Tahap", STEP_LANE, "Petugas", ACTOR_LANE]
    rows = {r[at["No"] - 1]: r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == cid}
    lanes = {lane.id: lane.name for lane in ws.sop.lanes}

    def who(no: int) -> tuple:
        row = rows[no]
        return row[at[STEP_LANE] - 1], row[at["Petugas"] - 1], row[at[ACTOR_LANE] - 1]

    # stage 7 is the Kernet's by the SOP, recorded by the Kepala Bidang: both said, apart
    assert who(7) == (lanes["kernet"], people["kabid"].name, lanes["kabid"])
    assert who(1) == (lanes["subkor"], people["subkor"].name, lanes["subkor"])
    assert who(3) == (lanes["kabid"], people["kabid"].name, lanes["kabid"])
    assert who(9) == (lanes["kabid"], None, None)  # nobody acted or was assigned yet: no role


def test_long_text_wraps_and_its_row_is_tall_enough(ws, campaign, tmp_path):
    book = load_workbook(write_workbook(ws, tmp_path / "evaluasi.xlsx"))
    checks = {"Kampanye": ("Judul kampanye", "Tema"), "Tahap": ("Judul kampanye",),
              "Lokasi": ("Judul kampanye", "Alamat/patokan", "Catatan")}
    for name, headers in checks.items():
        sheet = book[name]
        at = header_index(sheet)
        for row in sheet.iter_rows(min_row=2):
            needed = 1
            for header in headers:
                cell = row[at[header] - 1]
                if cell.value is None:
                    continue  # an empty cell (no note)
                width = sheet.column_dimensions[cell.column_letter].width
                assert cell.alignment.wrap_text and cell.alignment.vertical == "top", (name, header)
                needed = max(needed, xs.wrapped_lines(cell.value, width))
                # an independent floor: the text at a plain 1.3 characters per unit of width
                assert needed >= -(-len(cell.value or "") // int(width * 1.3)), (name, header)
            height = sheet.row_dimensions[row[0].row].height
            if needed > 1:
                assert height >= needed * xs.line_height() and row[0].alignment.vertical == "top", (name, row[0].row)
            else:
                assert height is None, (name, row[0].row)
    summary = book["Ringkasan"]
    [note] = [c for c in summary["A"] if c.value == status_note(ws.thresholds)]
    assert note.alignment.wrap_text and summary.row_dimensions[note.row].height >= 2 * xs.line_height(9)
    assert any(str(r).startswith(f"A{note.row}:") for r in summary.merged_cells.ranges)


Word = tuple[float, float, float, float, str]  # xMin, yMin, xMax, yMax, text


def pdf_words(pdf) -> list[list[Word]]:
    """Every page's words with their boxes (points from the top left), in drawing order."""
    assert PDFTOTEXT
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def find(words: list[Word], text: str) -> list[Word]:
    """The boxes of ``text``'s words in drawing order (LibreOffice draws a row line by line across
    its cells, so other cells' words come between): the first run holding them all, else []."""
    wanted = text.split()
    for start, word in enumerate(words):
        if word[4] != wanted[0]:
            continue
        found, at = [], start
        for token in wanted:
            at = next((i for i in range(at, len(words)) if words[i][4] == token), None)
            if at is None:
                return []
            found.append(words[at])
            at += 1
        return found
    return []


def header_left(words: list[Word], first_word: str) -> float:
    """Where the column headed by ``first_word`` begins: the left of the header cell's text box
    is right of the column's left edge, so the previous column's right edge is taken from it."""
    return min(w[0] for w in words if w[4] == first_word)


def test_libreoffice_prints_every_word_inside_its_cell_and_above_the_next_row(ws, campaign, tmp_path):
    cid, _ = campaign
    path = write_workbook(ws, tmp_path / "evaluasi.xlsx", date(2026, 11, 1))
    pages = pdf_words(to_pdf(path, tmp_path))
    summary = pages[0]
    note = find(summary, status_note(ws.thresholds))
    assert note, "the status note, whole, on the summary page"
    right = max(w[2] for w in summary if w[4] == "Kampanye")  # the table's right column ("Kampanye terburuk")
    assert max(w[2] for w in note) <= right + 2  # wrapped within the table, on the page

    placed = 0
    for words in pages[1:]:
        ids = sorted((w for w in words if w[4] == str(cid)), key=lambda w: w[1])
        for text, next_header in ((TITLE, None), (THEME, "Status"), (ADDRESS, "Terencana"), (NOTE, None)):
            boxes = find(words, text)
            if not boxes:
                continue
            placed += 1
            if next_header is not None and any(w[4] == next_header for w in words):
                assert max(w[2] for w in boxes) <= header_left(words, next_header), text  # nothing cut at the border
            assert len({round(w[1]) for w in boxes}) > 1, text  # wrapped onto lines of its own
            row_top = min(w[1] for w in boxes) - 2
            below = [w for w in ids if w[1] > row_top + 4]
            if below:  # the next row starts under the last line of this one
                assert max(w[3] for w in boxes) <= below[0][1], text
    # the title on the Kampanye (3 pages), Tahap (2) and Lokasi (2 x 3 stops) pages; theme, address, note once each
    assert placed >= 3 + 2 + 2 + 3
