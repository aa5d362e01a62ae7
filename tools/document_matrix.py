"""Every document of every kind of campaign, with every kop and paper, rendered as a user sees it.

    python tools/document_matrix.py [--out DIR] [--dpi 50]

The trial of issue 14, scripted: a demo office (``main.py demo``), plus a campaign recorded
partly by a person outside a step's lane (the administrator, with a recorded reason, in the
Kernet/Supir's step 7); then four campaigns — that one, a running one, a cancelled one and a
finished one — are exported through the command line (``main.py export``) as narration
(.docx), lembar disposisi (.docx and .pdf), report (.docx and .xlsx), and, once per setting,
the evaluators' workbook (.xlsx), the official SOP document and the swimlane chart (.pdf), with:

- the built-in kop; the built-in kop with a logo; the office's own letterhead (a Word kop and an
  image of it) — each on A4 and on F4.

Each file is converted to PDF by LibreOffice where it is not one already, and every page is
rendered to PNG under DIR (default: a temporary folder, kept) — ``<setting>/<campaign>-<kind>-<format>-N.png`` —
to be looked at. The tool prints one line per file: its pages, and the PDF's first text line.
Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from office_render import ROOT, to_pdf

PASSWORD = "latihan-wawaran"
SETTINGS = tuple(f"{kop}-{paper}" for kop in ("bawaan", "logo", "kop-kantor") for paper in ("A4", "F4"))
PER_CAMPAIGN = (("narasi", "narration", ".docx"), ("disposisi", "disposition", ".docx"),
                ("disposisi", "disposition", ".pdf"), ("laporan", "report", ".docx"), ("laporan", "report", ".xlsx"))
ONCE = (("buku-kerja", "workbook", ".xlsx"), ("sop", "sop", ".pdf"))
#: The swimlane chart is a campaign's: drawn for the one recorded partly outside a lane.
CHART = ("bagan", "swimlane", ".pdf")


def main_py(*args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WAWARAN_PASSWORD": PASSWORD}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env,
                         timeout=600, check=False)
    if run.returncode != 0:
        raise SystemExit(f"main.py {' '.join(args)}: {run.stderr.strip() or run.stdout.strip()}")
    return run.stdout


def prepare(folder: Path) -> dict[str, int]:
    """The demo office (in a new folder) and the four campaigns by kind: {kind: campaign id}."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    main_py("--data-dir", str(folder), "demo", "--campaigns", "12", "--seed", "14")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from stage_content import fill_stage  # tests/stage_content.py: a stage's content as the forms store it

    from wawaran_desktop.db.models import Account
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.services.workspace import open_workspace

    ws = open_workspace(folder)
    try:
        admin = Account.get(Account.username == "rina").staff_id  # the Kepala Bidang, an administrator
        by_status = {}
        for item in ws.campaigns.list():
            by_status.setdefault(item.status, item.id)
        from crew import member, step_actor

        opener = member(ws, ws.sop.activities[0].lane).id
        outside = ws.campaigns.create(opener, "Wawaran Pajak Kendaraan di Karawaci",
                                      "Bayar pajak kendaraan tepat waktu").id

        for no in range(1, 10):
            actor = step_actor(ws, outside, no)
            if no == 7:  # the Kernet/Supir's step: the administrator records why, then acts in it
                ws.lanes.override(admin, outside, 7, "Kernet sakit; Kepala Bidang mencatat penyebaran dari laporan WA")
                actor = admin
            ws.steps.start(actor, outside, no)
            fill_stage(ws, actor, outside, no)
            ws.steps.finish(actor, outside, no, reason="Uji dokumen")
        return {"di-luar-lajur": outside, "berjalan": by_status[CampaignStatus.RUNNING],
                "dibatalkan": by_status[CampaignStatus.CANCELLED], "selesai": by_status[CampaignStatus.DONE]}
    finally:
        ws.close()


def set_profile(folder: Path, setting: str, assets: Path) -> None:
    from office_kop import office_template

    from wawaran_desktop.db.models import Account
    from wawaran_desktop.services.workspace import open_workspace

    ws = open_workspace(folder)
    try:
        admin = Account.get(Account.username == "rina").staff_id
        paper = setting.rsplit("-", 1)[1]
        base = ws.profile.load()._replace(logo=None, letterhead_docx=None, letterhead_image=None, paper=paper,
                                          disposition_paper=paper)
        if setting.startswith("logo-"):
            base = base._replace(logo=_logo(assets))
        elif setting.startswith("kop-kantor-"):
            base = base._replace(letterhead_docx=office_template(assets / "kop-kantor.docx", assets),
                                 letterhead_image=_kop_image(assets))
        ws.profile.save(admin, base)
    finally:
        ws.close()


def _logo(assets: Path) -> Path:
    from images import write_png

    return write_png(assets / "logo.png", width=180, height=220, rgb=(10, 70, 150))


def _kop_image(assets: Path) -> Path:
    from images import write_png

    return write_png(assets / "kop.png", width=1600, height=260, rgb=(235, 235, 235))


def render(document: Path, out: Path, dpi: int) -> tuple[int, str]:
    pdf = document if document.suffix == ".pdf" else to_pdf(document, out)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / document.stem)], check=True, timeout=300)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.count("\f")
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return pages, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--dpi", type=int, default=50)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="wawaran-dokumen-"))
    folder, assets = out / "kantor", out / "bahan"
    assets.mkdir(parents=True, exist_ok=True)
    campaigns = prepare(folder)
    for setting in SETTINGS:
        set_profile(folder, setting, assets)
        target = out / setting
        target.mkdir(parents=True, exist_ok=True)
        jobs = [(f"{kind}-{name}-{suffix[1:]}{suffix}", what, ["--campaign", str(cid)])  # (one PDF name each)
                for kind, cid in campaigns.items() for name, what, suffix in PER_CAMPAIGN]
        jobs += [(f"{name}{suffix}", what, []) for name, what, suffix in ONCE]
        jobs.append((f"{CHART[0]}{CHART[2]}", CHART[1], ["--campaign", str(campaigns["di-luar-lajur"])]))
        for file_name, what, extra in jobs:
            document = target / file_name
            main_py("--data-dir", str(folder), "export", what, *extra, "-o", str(document))
            pages, first = render(document, target, args.dpi)
            print(f"{setting:14} {file_name:34} {pages} hlm  {first[:60]}")
    print(f"PNG: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
