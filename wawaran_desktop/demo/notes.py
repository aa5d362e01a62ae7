"""What each step's note says: the text a pelaksana would have typed at that SOP stage.

Stage 1 records the collected data (monitoring findings), 2 the briefing on location
and route, 3 the theme, 4 the narration, 5 the disposition, 6 the check of the materials,
7 the dissemination in the field, 8 the report and 9 the Kepala Bidang's evaluation. Some
notes are left empty, as in real use. Counts, sifat, weather and the evaluation are the
campaign's :class:`~.stage_draws.Figures`, so a note agrees with its stage's content.
"""

from __future__ import annotations

import random

from wawaran_desktop.demo.content import DemoContent, Topic
from wawaran_desktop.demo.stage_draws import Figures

#: Chance that a step's note is filled (by step number; others 0.35).
NOTE_CHANCE = {3: 0.7, 4: 0.85}


def note(rng: random.Random, no: int, topic: Topic, theme: str, area: str, figures: Figures,
         texts: DemoContent) -> str:
    """The note of step ``no`` of a campaign on ``topic``/``theme`` in ``area``."""
    chance = NOTE_CHANCE.get(no, 0.35)
    if rng.random() >= chance:
        return ""
    if no == 1:
        return (f'Hasil media monitoring Bagian Prokomp: topik "{theme}" ramai dibicarakan warga '
                f"pekan ini. Data liputan Seksi DIMC: kegiatan {topic.source}.")
    if no == 2:
        return (f"Lokasi wawaran: {area}. Titik henti di kantor kelurahan, pasar, dan permukiman "
                "padat; rute dibahas bersama Kernet/Supir.")
    if no == 3:
        return f"Tema wawaran: {theme}."
    if no == 4:
        return (f"Perhatian, perhatian. Bapak, Ibu, dan seluruh warga {area} yang kami hormati. "
                f"{topic.message} Informasi lebih lanjut dapat diperoleh melalui aplikasi "
                "Tangerang LIVE. Sekian dan terima kasih.")
    if no == 5:
        return (f"Diteruskan kepada Tim Wawaran untuk proses lebih lanjut; koordinasikan dengan "
                f"{topic.source}. Sifat: {figures.sifat}.")
    if no == 6:
        return f"Flyer {figures.flyers} lembar, script wawaran, dan daftar {figures.locations} titik lokasi lengkap."
    if no == 7:
        return (f"Wawaran keliling di {figures.stops} titik, flyer dibagikan {figures.given} lembar. "
                f"Cuaca {figures.weather}.")
    if no == 8:
        return (f"Laporan disusun: {figures.stops} titik, perkiraan {figures.audience} warga "
                "terjangkau, dokumentasi foto terlampir.")
    if no == 9:
        return figures.evaluation
    return ""
