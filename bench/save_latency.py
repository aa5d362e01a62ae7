"""Save latency under SQLite's ``synchronous=NORMAL`` and ``FULL`` (WAL mode), in one run.

A real application save, through the services, on a real file in a temporary folder (or
``--dir``, e.g. a folder on the office PC's own disk): a step's notes stored
(``StepService.set_notes``: one versioned UPDATE and the campaign's ``updated_at``, one
transaction), and a campaign renamed (``CampaignService.rename``: an UPDATE and an audit entry
linked into the history's hash chain). Each mode gets a fresh data folder opened as the
application opens it (``open_workspace``), with ``connection.SYNCHRONOUS`` set first; the
PRAGMA actually in force is read back and printed. The modes alternate in rounds so that a
disk's good and bad moments fall on both.

    python bench/save_latency.py [--saves 200] [--rounds 3] [--dir FOLDER]

Prints, per kind of save and mode, the median and 95th percentile in milliseconds, then the
ratio FULL / NORMAL of each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = ("normal", "full")
KINDS = ("catatan tahap (set_notes)", "ganti judul + audit (rename)")
SUBKOR_NIP = "19850312 201001 2 004"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def one_round(folder: Path, mode: str, saves: int) -> dict[str, list[float]]:
    """``saves`` saves of each kind on a fresh data folder under ``synchronous=mode``; ms each."""
    from wawaran_desktop.db import connection
    from wawaran_desktop.db.models import database
    from wawaran_desktop.services.workspace import open_workspace

    connection.SYNCHRONOUS = mode
    ws = open_workspace(folder)
    try:
        in_force = database.execute_sql("PRAGMA synchronous").fetchone()[0]
        expected = {"normal": 1, "full": 2}[mode]
        if in_force != expected:
            raise SystemExit(f"PRAGMA synchronous is {in_force}, expected {expected} ({mode})")
        actor = ws.staff.add("Rina Wulandari", SUBKOR_NIP, "Analis Diseminasi", "subkor")
        campaign = ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
        times: dict[str, list[float]] = {kind: [] for kind in KINDS}
        version = ws.campaigns.get(campaign.id).step(1).notes_version
        for i in range(saves):
            started = time.perf_counter()
            version = ws.steps.set_notes(actor.id, campaign.id, 1, f"Catatan ke-{i}: kumpulkan data Prokomp.",
                                         version=version)
            times[KINDS[0]].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            ws.campaigns.rename(actor.id, campaign.id, f"Sosialisasi PBB 2027 ({i})")
            times[KINDS[1]].append((time.perf_counter() - started) * 1000)
        return times
    finally:
        ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200, help="saves of each kind per round (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each mode, alternating (default 3)")
    parser.add_argument("--dir", help="where the temporary data folders are made (default: the system's temp)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    samples = {(mode, kind): [] for mode in MODES for kind in KINDS}
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="save-latency-") as scratch:
        print(f"folder: {scratch}; {args.rounds} rounds x {args.saves} saves of each kind per mode")
        for r in range(args.rounds):
            for mode in (MODES if r % 2 == 0 else MODES[::-1]):
                for kind, values in one_round(Path(scratch) / f"{mode}-{r}", mode, args.saves).items():
                    samples[mode, kind].extend(values)
    for kind in KINDS:
        print(f"\n{kind}")
        figures = {}
        for mode in MODES:
            values = samples[mode, kind]
            figures[mode] = (statistics.median(values), p95(values))
            print(f"  synchronous={mode.upper():6}  median {figures[mode][0]:7.3f} ms   p95 {figures[mode][1]:7.3f} ms"
                  f"   (n={len(values)})")
        print(f"  FULL / NORMAL:       median x{figures['full'][0] / figures['normal'][0]:.2f}"
              f"   p95 x{figures['full'][1] / figures['normal'][1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
