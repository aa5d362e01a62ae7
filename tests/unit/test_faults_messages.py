"""Faults of issue 16 told in Indonesian with what to do, exit code 2, no traceback and no Python
words (``OverflowError``, ``[Errno 17]``): an id too large, an output name too long, a data folder
that is a file or cannot be made, an absurd demo count (refused before anything is written)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wawaran_desktop.cli import folder_problem

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WAWARAN_PASSWORD="latihan-wawaran")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT, stdin=subprocess.DEVNULL)


def told(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("galat: ") and result.stderr.count("\n") == 1, result.stderr
    for word in ("Traceback", "Error", "Errno", "tak terduga"):
        assert word not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "data"
    assert run("--data-dir", str(folder), "demo", "--campaigns", "2", "--seed", "1").returncode == 0
    return folder


def test_an_id_too_large_for_the_database_is_not_found(data, tmp_path):
    told(run("--data-dir", str(data), "export", "report", "--campaign", "9" * 25, "-o", str(tmp_path / "l.docx")),
         "Kampanye nomor 9999", "tidak ditemukan")


def test_an_output_name_too_long_says_so(data, tmp_path):
    told(run("--data-dir", str(data), "export", "workbook", "-o", str(tmp_path / ("a" * 300 + ".xlsx"))),
         "terlalu panjang", "Pakai nama yang lebih pendek")


def test_a_data_folder_that_is_a_file_or_under_one(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    told(run("--data-dir", str(blocker), "list"), "adalah sebuah berkas, bukan folder", "--data-dir")
    told(run("--data-dir", str(blocker / "data"), "list"), "bagian jalur", "--data-dir")


def test_a_folder_without_permission_is_told_without_python_words():
    text = folder_problem("D:\\Data", PermissionError(13, "Permission denied", "D:\\Data"))
    assert text == ("Folder data tidak dapat dipakai: tidak ada izin membuat atau menulis D:\\Data. Pilih folder lain "
                    "dengan --data-dir.")
    assert "penuh" in folder_problem(None, OSError(28, "No space left on device"))


def test_an_absurd_demo_count_is_refused_before_anything_is_written(data):
    told(run("--data-dir", str(data), "--user", "rina", "demo", "--campaigns", "1000000000"),
         "paling banyak 100.000", "1.000.000.000", "Berkas tidak diubah")
    con = sqlite3.connect(data / "wawaran.sqlite3")
    try:
        assert con.execute("SELECT COUNT(*) FROM campaign").fetchone() == (2,)
    finally:
        con.close()


def test_an_sop_file_saved_by_notepad_with_a_byte_order_mark_is_read(tmp_path):
    from wawaran_desktop import paths
    from wawaran_desktop.sop import load_sop

    original = paths.resource("sop/wawaran_keliling.json")
    with_bom = tmp_path / "sop.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + original.read_bytes())
    assert load_sop(with_bom) == load_sop(original)


def test_control_characters_are_kept_out_of_staff_names_notulen_and_step_notes(ws, actor):
    person = ws.staff.add("Dedi\x07 Kurnia\x1b[31m", "19900101 201501 1 001", "Pranata\x00 Humas", "tim")
    assert (person.name, person.position) == ("Dedi Kurnia [31m", "Pranata Humas")
    campaign = ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    version = ws.campaigns.get(campaign.id).step(1).notes_version
    ws.steps.set_notes(actor.id, campaign.id, 1, "Baris satu\r\nbaris\x0b dua\x00\ttab", version=version)
    assert ws.campaigns.get(campaign.id).step(1).notes == "Baris satu\nbaris dua\ttab"
    kabid = ws.staff.add("Hendra Gunawan", "19700805 199503 1 002", "Kepala Bidang DIKP", "kabid")
    from wawaran_desktop.services.stages import theme

    saved = theme.Service(ws).set_notulen(kabid.id, campaign.id, "Rapat\x0c dimulai\x1f.\rSelesai.")
    assert saved.notulen == "Rapat dimulai.\nSelesai."
