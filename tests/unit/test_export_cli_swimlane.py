"""``python main.py export swimlane|sop`` in a real process: files that open, real text, and
Indonesian messages with exit code 2 for bad input (the old file kept)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(data_dir), "export", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def pdf_text(pdf: Path) -> str:
    assert PDFTOTEXT, "poppler-utils (pdftotext) tidak terpasang"
    return subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def campaign(ws, actor, clock) -> int:
    cid = ws.campaigns.create(actor.id, "Wawaran Vaksinasi di Karawaci").id
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=25)
    return cid


def test_swimlane_pdf_is_a4_landscape_with_real_text(data_dir, campaign, tmp_path):
    out = tmp_path / "bagan.pdf"
    result = run(data_dir, "swimlane", "--campaign", str(campaign), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ditulis: {out}"
    text = pdf_text(out)
    for words in ("Kepala Bidang", "Sub Kor DIMC", "Kernet/Supir", "Pengumpulan Data yang menjadi",
                  "Melakukan Diseminasi Informasi", "Wawaran Vaksinasi di Karawaci", "Mutu Baku", "Aktual",
                  "PENYEBARAN INFORMASI MELALUI MOBIL WAWARAN KELILING", "Terlambat"):
        assert words in text, words
    assert PDFINFO, "poppler-utils (pdfinfo) tidak terpasang"
    info = subprocess.run([PDFINFO, str(out)], capture_output=True, text=True, check=True).stdout
    assert "842 x 595 pts (A4)" in info


def test_swimlane_png(data_dir, campaign, tmp_path):
    out = tmp_path / "bagan.PNG"
    result = run(data_dir, "swimlane", "--campaign", str(campaign), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 1500 and 0.5 < height / width < 0.9


def test_sop_document_pdf(data_dir, ws, tmp_path):
    out = tmp_path / "sop.pdf"
    result = run(data_dir, "sop", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    for words in ("Nomor SOP", "Tanggal Pengesahan", "Disahkan oleh", "NIP. 19730104 199703 2 001",
                  "Dasar Hukum", "UU No. 25 Tahun 2009", "Kualifikasi Pelaksana", "Keterkaitan",
                  "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan", "Keterangan",
                  "Menerima laporan sebagai bahan", "185 menit"):
        assert words in text, words
    assert text.count("\f") >= 2


def test_the_sop_document_prints_the_heads_rank_from_the_office_profile(data_dir, ws, actor, tmp_path):
    """The approver of the SOP file is the profile's Kepala Dinas (same NIP): her rank, which
    the SOP file does not give, stands between her name and NIP; another head's never does."""
    profile = ws.profile.load()
    ws.profile.save(actor.id, profile._replace(
        kepala_dinas=profile.kepala_dinas._replace(rank="Pembina Utama Muda (IV/c)")))
    out = tmp_path / "sop.pdf"
    assert run(data_dir, "sop", "-o", str(out)).returncode == 0
    assert "INDRI ASTUTI, SH, M.Si Pembina Utama Muda (IV/c) NIP. 19730104 199703 2 001" in " ".join(
        pdf_text(out).split())
    ws.profile.save(actor.id, profile._replace(kepala_dinas=profile.kepala_dinas._replace(
        name="Pelaksana Tugas", nip="19700101 199503 1 002", rank="Pembina (IV/a)")))
    assert run(data_dir, "sop", "-o", str(out)).returncode == 0
    assert "Pembina (IV/a)" not in pdf_text(out)


@pytest.mark.parametrize("args, message", [
    (["swimlane", "-o", "x.pdf"], "memerlukan --campaign"),
    (["swimlane", "--campaign", "999", "-o", "x.pdf"], "Kampanye nomor 999 tidak ditemukan"),
    (["swimlane", "--campaign", "1", "-o", "x.docx"], "harus berakhiran .pdf atau .png"),
    (["sop", "-o", "x.png"], "harus berakhiran .pdf"),
    (["sop", "--campaign", "1", "-o", "x.pdf"], "opsi --campaign tidak berlaku untuk export sop"),
    (["swimlane", "--campaign", "1", "--from", "2026-01-01", "-o", "x.pdf"],
     "opsi --from tidak berlaku untuk export swimlane"),
])
def test_bad_input_exits_2_with_an_indonesian_message(data_dir, campaign, tmp_path, args, message):
    args = [a if a != "x.pdf" and not a.startswith("x.") else str(tmp_path / a) for a in args]
    result = run(data_dir, *args)
    assert result.returncode == 2
    assert result.stderr.startswith("galat: ") and message in result.stderr
    assert list(tmp_path.glob("x.*")) == []


def test_unwritable_target_keeps_the_old_file_and_leaves_no_temporary(data_dir, campaign, tmp_path):
    folder = tmp_path / "keluar"
    folder.mkdir()
    (folder / "bagan.pdf").mkdir()  # a folder where the file should go: replacing it fails
    old = folder / "lama.pdf"
    old.write_bytes(b"%PDF lama")
    result = run(data_dir, "swimlane", "--campaign", str(campaign), "-o", str(folder / "bagan.pdf"))
    assert result.returncode == 2
    assert "bagan.pdf tidak dapat disimpan" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["bagan.pdf", "lama.pdf"]
    assert old.read_bytes() == b"%PDF lama"
    missing = run(data_dir, "sop", "-o", str(tmp_path / "tidak-ada" / "sop.pdf"))
    assert missing.returncode == 2 and "Folder tujuan tidak ada" in missing.stderr


def test_the_office_profiles_paper_and_logo_reach_both_pdfs(data_dir, ws, actor, campaign, tmp_path):
    """Issue 14: F4 in the profile gives F4 landscape pages (330 x 215 mm), its logo stands on
    page 1 (the identity block) of the SOP document and of the chart; a logo file gone from
    the data folder prints none, without failing."""
    from test_office_profile import write_png  # tests/unit/test_office_profile.py

    saved = ws.profile.save(actor.id, ws.profile.load()._replace(paper="F4", logo=write_png(tmp_path / "logo.png")))
    pdfimages = shutil.which("pdfimages")
    assert PDFINFO and pdfimages, "poppler-utils (pdfinfo, pdfimages) tidak terpasang"
    for args in (["sop"], ["swimlane", "--campaign", str(campaign)]):
        out = tmp_path / f"{args[0]}.pdf"
        result = run(data_dir, *args, "-o", str(out))
        assert result.returncode == 0, result.stderr
        info = subprocess.run([PDFINFO, str(out)], capture_output=True, text=True, check=True).stdout
        assert "935 x 609 pts" in info, info
        listing = subprocess.run([pdfimages, "-list", str(out)], capture_output=True, text=True,
                                 check=True).stdout.splitlines()[2:]
        assert [line.split()[0] for line in listing if line.split()[2] == "image"] == ["1"], listing
    saved.logo.unlink()
    out = tmp_path / "tanpa-logo.pdf"
    result = run(data_dir, "sop", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert subprocess.run([pdfimages, "-list", str(out)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:] == []
    assert "Halaman 2 dari 2" in pdf_text(out)
