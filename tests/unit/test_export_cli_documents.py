"""``python main.py export narration|disposition``, run as a user would, in a separate process."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import pytest
from office import pdf_pages, pdf_text  # tests/office.py
from test_cli import ROOT, _as_unprivileged_user  # tests/unit/test_cli.py

ENV = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """No QT_QPA_PLATFORM and no display: the disposition PDF must still be drawn headless."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=180, env=env or ENV, cwd=ROOT)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, int, int]:
    """A demo data folder; a finished campaign and one not started (no disposition)."""
    folder = tmp_path_factory.mktemp("demo")
    assert run("--data-dir", str(folder), "demo", "--campaigns", "10", "--seed", "5").returncode == 0
    rows = [line.split("\t") for line in run("--data-dir", str(folder), "list").stdout.splitlines()]
    done = next(int(i) for i, status, _t in rows if status == "done")
    draft = next(int(i) for i, status, _t in rows if status == "draft")
    return folder, done, draft


def test_narration_to_word(demo, tmp_path):
    folder, done, _draft = demo
    out = tmp_path / "narasi.docx"
    result = run("--data-dir", str(folder), "export", "narration", "--campaign", str(done), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ditulis: {out}"
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "NASKAH NARASI WAWARAN KELILING" in paragraphs


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_disposition_to_pdf_or_word_headless(demo, tmp_path, suffix):
    folder, done, _draft = demo
    out = tmp_path / f"disposisi{suffix}"
    result = run("--data-dir", str(folder), "export", "disposition", "--campaign", str(done), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ditulis: {out}"
    if suffix == ".pdf":
        assert pdf_pages(out) == 1 and "LEMBAR DISPOSISI" in pdf_text(out)
    else:
        assert len(docx.Document(str(out)).tables[-1].rows) == 5


@pytest.mark.parametrize("args, message", [
    (("narration", "-o", "OUT/n.docx"), "memerlukan --campaign ID"),
    (("narration", "--campaign", "9999", "-o", "OUT/n.docx"), "Kampanye nomor 9999 tidak ditemukan"),
    (("narration", "--campaign", "1", "-o", "OUT/n.pdf"), "harus berakhiran .docx"),
    (("disposition", "--campaign", "1", "-o", "OUT/d.xlsx"), "harus berakhiran .pdf atau .docx"),
    (("disposition", "--campaign", "DRAFT", "-o", "OUT/d.pdf"), "tahap 5 (Disposisi) belum diisi"),
    (("narration", "--campaign", "DRAFT", "-o", "OUT/n.docx"), "belum punya narasi final"),
    (("disposition", "--campaign", "1", "-o", "OUT/tidak-ada/d.pdf"), "Folder tujuan tidak ada"),
    (("workbook", "--from", "2026-02-30", "-o", "OUT/w.xlsx"), "--from harus tanggal TTTT-BB-HH"),
    (("workbook", "--from", "2026-11-02", "--to", "2026-11-01", "-o", "OUT/w.xlsx"), "--from tidak boleh sesudah"),
    (("workbook", "-o", "OUT/w.docx"), "harus berakhiran .xlsx"),
    (("report", "--campaign", "1", "-o", "OUT/r.pdf"), "harus berakhiran .docx atau .xlsx"),
    (("report", "-o", "OUT/r.docx"), "Ekspor laporan memerlukan --campaign"),
    (("workbook", "--from", "2030-01-01", "-o", "OUT/w.xlsx"), "--from 2030-01-01 masih di masa depan"),
    (("workbook", "--from", "", "-o", "OUT/w.xlsx"), "--from harus tanggal TTTT-BB-HH"),
    (("workbook", "--to", "", "-o", "OUT/w.xlsx"), "--to harus tanggal TTTT-BB-HH"),
    (("workbook", "--campaign", "1", "-o", "OUT/w.xlsx"), "opsi --campaign tidak berlaku untuk export workbook"),
    (("narration", "--campaign", "1", "--from", "2026-01-01", "-o", "OUT/n.docx"),
     "opsi --from tidak berlaku untuk export narration"),
    (("disposition", "--campaign", "1", "--to", "2026-01-01", "-o", "OUT/d.pdf"),
     "opsi --to tidak berlaku untuk export disposition"),
    (("report", "--campaign", "1", "--from", "2026-01-01", "--to", "2026-02-01", "-o", "OUT/r.docx"),
     "opsi --from, --to tidak berlaku untuk export report"),
])
def test_bad_input_is_explained_with_exit_code_2(demo, tmp_path, args, message):
    folder, _done, draft = demo
    args = tuple(str(draft) if a == "DRAFT" else str(tmp_path / a[4:]) if a.startswith("OUT/") else a
                 for a in args)
    result = run("--data-dir", str(folder), "export", *args)
    assert result.returncode == 2
    assert result.stderr.startswith("galat: ") and message in result.stderr
    assert result.stdout == ""
    assert [p for p in tmp_path.iterdir()] == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits; Windows has ACLs instead")
def test_read_only_folder_keeps_the_old_file(demo):
    folder, done, _draft = demo
    base = Path(tempfile.mkdtemp(prefix="wawaran-export-ro-"))
    try:
        data = base / "data"
        shutil.copytree(folder, data)
        out = base / "keluar"
        out.mkdir()
        old = out / "disposisi.pdf"
        old.write_bytes(b"%PDF lembar lama")
        for path in (base, data, *data.rglob("*")):
            path.chmod(0o777 if path.is_dir() else 0o666)  # 'nobody' may use the data folder ...
        out.chmod(0o555)  # ... but not write where the sheet goes
        env = dict(ENV, HOME=str(base))
        result = subprocess.run([*_as_unprivileged_user(), sys.executable, str(ROOT / "main.py"), "--data-dir",
                                 str(data), "export", "disposition", "--campaign", str(done), "-o", str(old)],
                                capture_output=True, text=True, timeout=180, env=env, cwd=ROOT)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "Tidak ada izin menulis di folder" in result.stderr and "tidak diubah" in result.stderr
        assert hashlib.sha256(old.read_bytes()).digest() == hashlib.sha256(b"%PDF lembar lama").digest()
        assert sorted(p.name for p in out.iterdir()) == ["disposisi.pdf"]
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_an_unexpected_failure_is_one_indonesian_line_and_logged(tmp_path, capsys):
    from types import SimpleNamespace

    from wawaran_desktop.cli import documents as export_cli

    @export_cli.guarded
    def broken(ws, args):
        raise RuntimeError("internal detail")

    from fakes import NINE_WIB

    assert broken(SimpleNamespace(data_dir=tmp_path, clock=lambda: NINE_WIB), SimpleNamespace()) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: galat tak terduga (RuntimeError); berkas tidak ditulis.")
    assert "Traceback" not in err and err.count("\n") == 1
    log = (tmp_path / export_cli.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log and "internal detail" in log
    assert "--- 2026-11-26T09:00:00+07:00 (baris perintah)" in log  # the workspace clock, in WIB


def test_the_exporters_are_guarded():
    from wawaran_desktop.cli import documents as export_cli
    from wawaran_desktop.cli import swimlane as swimlane_cli

    for exporter in (export_cli.export_narration, export_cli.export_disposition, export_cli.export_report,
                     export_cli.export_workbook, swimlane_cli.export_swimlane, swimlane_cli.export_sop):
        assert hasattr(exporter, "__wrapped__"), exporter.__name__


def test_a_cancelled_campaign_without_a_narration_or_disposition_says_so(tmp_path):
    from wawaran_desktop.services.workspace import open_workspace

    data = tmp_path / "data"
    ws = open_workspace(data)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Batal").id
    ws.campaigns.cancel(sub.id, cid, "Acara diundur")
    ws.close()
    for kind, suffix, words in (("narration", "docx", "dibatalkan sebelum narasinya final"),
                                ("disposition", "pdf", "dibatalkan sebelum disposisinya diisi")):
        result = subprocess.run([sys.executable, "main.py", "--data-dir", str(data), "export", kind,
                                 "--campaign", str(cid), "-o", str(tmp_path / f"x.{suffix}")],
                                capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert result.returncode == 2
        assert words in result.stderr and "tandai" not in result.stderr
        assert not (tmp_path / f"x.{suffix}").exists()
