"""Kota Tangerang's kecamatan and kelurahan (Kemendagri codes), from resources/wilayah/."""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

from wawaran_desktop import paths

CSV = "wilayah/wilayah_kota_tangerang.csv"


class Area(NamedTuple):
    code: str  # 36.71.NN (kecamatan) or 36.71.NN.1NNN (kelurahan)
    name: str


class Wilayah(NamedTuple):
    kecamatan: tuple[Area, ...]
    kelurahan: dict[str, tuple[Area, ...]]  # kecamatan code -> its kelurahan
    names: dict[str, str]  # any code -> name

    def kecamatan_of(self, kelurahan_code: str) -> str:
        """The kecamatan code a kelurahan code belongs to."""
        return kelurahan_code.rsplit(".", 1)[0]

    def describe(self, kelurahan_code: str) -> str:
        """``Kelurahan Sukasari, Kecamatan Tangerang``."""
        kel = self.names.get(kelurahan_code, kelurahan_code)
        kec = self.names.get(self.kecamatan_of(kelurahan_code), "?")
        return f"Kelurahan {kel}, Kecamatan {kec}"

    def is_kelurahan(self, code: str) -> bool:
        return code.count(".") == 3 and code in self.names


@lru_cache(maxsize=1)
def load() -> Wilayah:
    """The reference data, read once."""
    kecamatan: list[Area] = []
    kelurahan: dict[str, list[Area]] = {}
    names: dict[str, str] = {}
    with paths.resource(CSV).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code, name, level = row["kode"], row["nama"], row["tingkat"]
            names[code] = name
            if level == "kecamatan":
                kecamatan.append(Area(code, name))
            elif level == "kelurahan":
                kelurahan.setdefault(code.rsplit(".", 1)[0], []).append(Area(code, name))
    return Wilayah(tuple(kecamatan), {k: tuple(v) for k, v in kelurahan.items()}, names)
