"""A real office client in the loop: LibreOffice converts a document to PDF, poppler reads it.

Tests import ``from office import pdf_text, to_pdf``. CI installs both (``.ci/run``); on a
machine without them the tests that need them fail with a message saying what to install.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")
MISSING = ("LibreOffice/poppler tidak terpasang: apt-get install libreoffice-writer-nogui "
           "libreoffice-calc-nogui poppler-utils (bash .ci/run memasangnya)")


def to_pdf(document: Path, out_dir: Path) -> Path:
    """Convert ``document`` (.docx/.xlsx) with headless LibreOffice; return the PDF path."""
    assert SOFFICE, MISSING
    profile = out_dir / "lo-profile"
    result = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(document)],
        capture_output=True, text=True, timeout=180)
    pdf = out_dir / (document.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice did not convert {document.name}: {result.stdout}{result.stderr}"
    return pdf


def pdf_text(pdf: Path, layout: bool = False) -> str:
    """The text of every page of ``pdf`` (``pdftotext``)."""
    assert PDFTOTEXT, MISSING
    args = [PDFTOTEXT, *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def pdf_pages(pdf: Path) -> int:
    """Number of pages of ``pdf`` (counted from pdftotext's form feeds)."""
    return pdf_text(pdf).count("\f")


def to_png(pdf: Path, out_stem: Path, dpi: int = 80) -> list[Path]:
    """Render each page of ``pdf`` to ``out_stem-N.png``; returns the files in page order."""
    assert PDFTOPPM, MISSING
    subprocess.run([PDFTOPPM, "-r", str(dpi), "-png", str(pdf), str(out_stem)], check=True, timeout=120)
    return sorted(out_stem.parent.glob(out_stem.name + "-*.png"))
