"""What a campaign's stages will hold, drawn before its steps: route, flyers, audience, sifat.

The step notes (:mod:`.notes`) quote these figures ("Flyer 300 lembar", "4 titik", "Sifat:
Segera"), so they are drawn first, from the campaign's own stage generator, and the stage
content (:mod:`.stage_content`, :mod:`.route`) uses the same ones: a note never contradicts
the tab it sits beside.

Stops lie in the campaign's area: in its kelurahan when the title names one (different
landmarks), otherwise in different kelurahan of its kecamatan. Some routes also have an
unplanned stop in the same kecamatan.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from wawaran_desktop.services import wilayah
from wawaran_desktop.demo.content import StageTexts
from wawaran_desktop.demo.randomness import pick

#: Chance that the car made a stop not planned at the briefing.
UNPLANNED_CHANCE = 0.12
#: Sifat of the disposition and how often each is chosen (never Rahasia: a wawaran is public).
SIFAT_WEIGHTS = (("Biasa", 0.58), ("Segera", 0.35), ("Sangat Segera", 0.07))


class Stop(NamedTuple):
    """A place the car stops at: a kelurahan (Kemendagri code) and an address or landmark."""

    code: str
    address: str
    landmark: str  # the landmark template, e.g. "Pasar {kelurahan}" (a market draws more people)


class Figures(NamedTuple):
    """The figures the step notes quote, equal to what the stages record for a whole route."""

    locations: int  # planned at the briefing
    stops: int  # places visited on a whole route (planned and unplanned)
    flyers: int  # prepared (stage 6)
    given: int  # handed out over the whole route (stage 7)
    audience: int  # estimated over the whole route
    sifat: str  # of the disposition (stage 5)
    weather: str  # on the road (stage 7)
    evaluation: str  # the Kepala Bidang's note (stage 9)


@dataclass(frozen=True)
class StageDraw:
    """The route and counts of one campaign, drawn before its steps."""

    locations: tuple[Stop, ...]  # in route order
    unplanned: Stop | None
    unplanned_after: int  # index of the location the unplanned stop follows
    flyers: int
    stop_flyers: tuple[int, ...]  # per visited place, in visiting order (unplanned one included)
    stop_audience: tuple[int, ...]
    figures: Figures

    @property
    def rain(self) -> bool:
        return "hujan" in self.figures.weather

    def visits(self) -> list[tuple[Stop, bool]]:
        """The places of a whole route in visiting order, each with ``planned``."""
        order = [(stop, True) for stop in self.locations]
        if self.unplanned is not None:
            order.insert(self.unplanned_after + 1, (self.unplanned, False))
        return order


@lru_cache(maxsize=1)
def _codes() -> dict[tuple[str, str], str]:
    """(kecamatan name, kelurahan name) -> kelurahan code."""
    areas = wilayah.load()
    return {(kec.name, kel.name): kel.code for kec in areas.kecamatan for kel in areas.kelurahan.get(kec.code, ())}


def _kelurahan_of(kecamatan: str) -> list[tuple[str, str]]:
    """(name, code) of every kelurahan of ``kecamatan``."""
    return [(kel, code) for (kec, kel), code in _codes().items() if kec == kecamatan]


def address(rng: random.Random, texts: StageTexts, kelurahan: str, landmark: str) -> str:
    values = {"kelurahan": kelurahan, "rw": f"{rng.randint(1, 12):02d}", "rt": f"{rng.randint(1, 9):03d}",
              "n": str(rng.randint(1, 6))}
    text = landmark.format_map(values)
    street = pick(rng, texts.streets).format_map(values)
    return f"{text}, {street}" if rng.random() < 0.7 and street not in text else text


def draw_stages(rng: random.Random, texts: StageTexts, weather: tuple[str, ...], evaluations: tuple[str, ...],
                kecamatan: str, kelurahan: str | None) -> StageDraw:
    """The route (2–5 locations, sometimes an unplanned stop), flyers, audience and the rest."""
    places = _kelurahan_of(kecamatan)
    count = rng.randint(2, 5)
    landmarks = rng.sample(range(len(texts.landmarks)), min(count, len(texts.landmarks)))
    if kelurahan is not None:
        code = _codes()[(kecamatan, kelurahan)]
        chosen = [(kelurahan, code)] * len(landmarks)
    else:
        chosen = [places[i] for i in rng.sample(range(len(places)), min(len(landmarks), len(places)))]
    locations = []
    for (name, code), index in zip(chosen, landmarks):
        template = texts.landmarks[index]
        locations.append(Stop(code, address(rng, texts, name, template), template))
    unplanned = None
    after = 0
    if rng.random() < UNPLANNED_CHANCE:
        name, code = pick(rng, places)
        values = {"kelurahan": name, "rw": f"{rng.randint(1, 12):02d}", "rt": "001", "n": "1"}
        street = pick(rng, texts.streets).format_map(values)
        unplanned = Stop(code, f"{pick(rng, texts.unplanned_places)}, {street}", "")
        after = rng.randrange(len(locations))

    flyers = 50 * rng.randint(2, 10)
    visits = len(locations) + (unplanned is not None)
    weights = [rng.uniform(0.6, 1.4) for _ in range(visits)]
    if unplanned is not None:
        weights[after + 1] *= 0.5
    given = round(flyers * rng.uniform(0.7, 1.0))
    total = sum(weights)
    stop_flyers = tuple(int(given * w / total) for w in weights)
    stop_audience = tuple(max(f, 5 * round(f * rng.uniform(1.1, 2.4) / 5)) for f in stop_flyers)
    roll, sifat = rng.random(), SIFAT_WEIGHTS[-1][0]
    for name, weight in SIFAT_WEIGHTS:
        if roll < weight:
            sifat = name
            break
        roll -= weight
    figures = Figures(locations=len(locations), stops=visits, flyers=flyers, given=sum(stop_flyers),
                      audience=sum(stop_audience), sifat=sifat, weather=pick(rng, weather),
                      evaluation=pick(rng, evaluations))
    return StageDraw(tuple(locations), unplanned, after, flyers, stop_flyers, stop_audience, figures)
