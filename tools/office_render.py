"""Shared by the screenshot tools: documents rendered as a user sees them (LibreOffice, poppler).

Run the tools as ``python tools/NAME.py`` (this folder is then on ``sys.path``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def to_pdf(document: Path, out: Path) -> Path:
    """``document`` (.docx/.xlsx) converted to PDF in ``out`` by headless LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed to render the pictures")
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(out / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(out), str(document)], check=True, capture_output=True,
                   timeout=180)
    return out / (document.stem + ".pdf")


def first_page_png(pdf: Path, target: Path, dpi: int = 80) -> None:
    """The first page of ``pdf`` as ``target`` (PNG, ``dpi``), announced on stdout."""
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True, timeout=120)
    shutil.move(str(stem) + ".png", target)
    print(target.relative_to(ROOT))
