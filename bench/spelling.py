"""Spell-checker benchmark: dictionary load, first and repeated check of a 300-word narration.

Target (issue 3): the first check of a 300-word narration takes under 100 ms once the
dictionary is loaded, and loading does not delay start-up. Each run loads a fresh spylls
Dictionary the way the application does (nothing cached from an earlier run), builds a SpellChecker with the office word
list, checks the narration once (cold: every distinct word is looked up) and again (every
word answered from the cache), then asks for suggestions for a few misspellings. A last
part loads the dictionary on the Qt thread pool, as the narration tab does, and measures the
longest pause of the GUI thread's event loop meanwhile; and it checks that the modules the
application imports at start-up do not import spylls at all.

    python bench/spelling.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from wawaran_desktop.services import office_words
from wawaran_desktop.text import readaloud, spelling

ROOT = Path(__file__).resolve().parent.parent

# A realistic wawaran narration (about 300 words), as the Tim writes it for the loudspeaker.
NARRATION = """\
Selamat pagi Bapak, Ibu, dan seluruh warga Kelurahan Sukasari yang kami hormati. Kami dari \
Dinas Komunikasi dan Informatika Kota Tangerang menyampaikan pengumuman penting dari Dinas \
Kesehatan. Saat ini musim hujan telah tiba, dan jumlah kasus demam berdarah dengue atau DBD \
di Kota Tangerang meningkat dalam beberapa minggu terakhir. Oleh karena itu, mari kita \
bersama-sama menjaga kebersihan lingkungan rumah masing-masing.

Pemerintah Kota Tangerang mengajak seluruh warga untuk melaksanakan gerakan 3M Plus setiap \
minggu. Pertama, menguras tempat penampungan air seperti bak mandi, ember, dan tempayan. \
Kedua, menutup rapat semua tempat penampungan air agar nyamuk tidak dapat bertelur di \
dalamnya. Ketiga, mendaur ulang barang bekas yang dapat menampung air hujan, misalnya botol \
plastik, kaleng, dan ban bekas. Selain itu, taburkan bubuk abate, peliharalah ikan pemakan \
jentik, pakailah obat nyamuk, dan tidurlah menggunakan kelambu.

Bapak dan Ibu sekalian, nyamuk penular demam berdarah biasanya menggigit pada pagi dan sore \
hari. Lindungi anak-anak kita, terutama ketika mereka bermain di luar rumah atau berangkat \
ke sekolah. Periksalah jentik nyamuk di rumah masing-masing setiap hari Jumat bersama kader \
jumantik di lingkungan RT dan RW.

Apabila ada anggota keluarga yang mengalami demam tinggi mendadak selama dua sampai tujuh \
hari, disertai sakit kepala, nyeri otot, mual, atau muncul bintik merah pada kulit, segera \
bawa ke puskesmas atau rumah sakit terdekat. Pemeriksaan di puskesmas tidak dipungut biaya \
bagi peserta jaminan kesehatan. Jangan menunggu sampai kondisi memburuk, karena penanganan \
yang cepat dapat menyelamatkan nyawa.

Informasi lebih lanjut dapat ditanyakan kepada petugas kesehatan di puskesmas terdekat, \
kepada ketua RT dan RW setempat, atau melalui layanan pengaduan warga di nomor 112. Mari \
kita jaga kesehatan keluarga dan lingkungan kita bersama. Rumah bersih, keluarga sehat, Kota \
Tangerang bebas demam berdarah.

Demikian pengumuman dari Diskominfo ini kami sampaikan. Atas perhatian dan kerja sama Bapak, \
Ibu, dan seluruh warga, kami ucapkan terima kasih. Semoga Bapak, Ibu, dan keluarga selalu sehat.
"""
MISSPELT = ("pengumumam", "masyarakt", "kesehatn", "Tangerrang", "menyampaikna")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def checker_runs(runs: int) -> dict[str, list[float]]:
    office = office_words.seed_words()
    base = spelling.dictionary_path()
    times: dict[str, list[float]] = {"load": [], "first": [], "repeat": [], "suggest": []}
    for _ in range(runs):
        start = time.perf_counter()
        dictionary = spelling.read_dictionary(base)  # as the application loads it, but fresh
        times["load"].append(time.perf_counter() - start)
        checker = spelling.SpellChecker(dictionary, office)
        start = time.perf_counter()
        first = checker.misspelt(NARRATION)
        times["first"].append(time.perf_counter() - start)
        start = time.perf_counter()
        again = checker.misspelt(NARRATION)
        times["repeat"].append(time.perf_counter() - start)
        assert first == again
        start = time.perf_counter()
        for word in MISSPELT:
            checker.suggest(word)
        times["suggest"].append((time.perf_counter() - start) / len(MISSPELT))
    print(f"  flagged in the narration: {', '.join(s.word for s in first) or '-'}")
    return times


def gui_pause_while_loading() -> tuple[float, float]:
    """(seconds until the dictionary is ready, longest event-loop pause meanwhile)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from wawaran_desktop.views import spell_loader

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loader = spell_loader.worker()
    ticks: list[float] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loader.ready.connect(lambda _d: app.quit())
    loader.failed.connect(lambda message: (print(message), app.quit()))
    start = time.perf_counter()
    timer.start()
    loader.start()
    app.exec()
    ready = time.perf_counter() - start
    marks = [start, *ticks]
    return ready, max(b - a for a, b in zip(marks, marks[1:])) if len(marks) > 1 else ready


def startup_imports_spylls() -> bool:
    code = ("import sys; import wawaran_desktop.app, wawaran_desktop.views.main_window; "
            "print('spylls' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    estimate = readaloud.estimate(NARRATION)
    print(f"Narration: {readaloud.describe(estimate)}")
    print(f"{args.runs} runs, each with a freshly loaded dictionary:")
    times = checker_runs(args.runs)
    labels = {"load": "load id_ID (spylls)", "first": "first check, 300 words",
              "repeat": "repeated check (cache)", "suggest": "suggestions, per word"}
    print(f"  {'':26} {'median':>10} {'min':>10} {'max':>10}")
    for key, label in labels.items():
        values = times[key]
        print(f"  {label:26} {ms(statistics.median(values))} {ms(min(values))} {ms(max(values))}")
    first = statistics.median(times["first"])
    print(f"First check: {first * 1000:.1f} ms median (target < 100 ms): {'OK' if first < 0.1 else 'TOO SLOW'}")
    ready, pause = gui_pause_while_loading()
    print(f"Loading on the thread pool: ready after {ms(ready).strip()}; "
          f"longest GUI event-loop pause meanwhile {ms(pause).strip()}")
    imported = startup_imports_spylls()
    print(f"Start-up imports spylls: {'YES (loading would delay start-up)' if imported else 'no'}")
    return 0 if first < 0.1 and not imported else 1


if __name__ == "__main__":
    raise SystemExit(main())
