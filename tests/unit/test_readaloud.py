"""Read-aloud estimate: Indonesian syllables, numbers read as words, the office's rate."""

from __future__ import annotations

import math

import pytest

from wawaran_desktop.text import readaloud
from wawaran_desktop.services.errors import ValidationError


@pytest.mark.parametrize("word, syllables", [
    ("masyarakat", 4),   # ma-sya-ra-kat
    ("pengumuman", 4),   # pe-ngu-mu-man
    ("pantai", 2),       # pan-tai: ai is one nucleus
    ("kerbau", 2),       # ker-bau
    ("amboi", 2),        # am-boi
    ("survei", 2),       # sur-vei
    ("saudara", 3),      # sau-da-ra
    ("dia", 2),          # di-a: ia is two
    ("maaf", 2),         # ma-af
    ("Diskominfo", 4),
    ("DBD", 3),          # spelt out: de-be-de
    ("RT", 2),
    ("BPJS", 4),
    ("PUSKESMAS", 3),    # longer acronyms with vowels are read as words
    ("Bébas", 2),        # accents are dropped
    ("km", 1),           # every word has at least one syllable
])
def test_syllables_of_a_word(word, syllables):
    assert readaloud.word_syllables(word) == syllables


@pytest.mark.parametrize("number, words", [
    (0, "nol"), (7, "tujuh"), (10, "sepuluh"), (11, "sebelas"), (15, "lima belas"),
    (21, "dua puluh satu"), (100, "seratus"), (112, "seratus dua belas"), (1000, "seribu"),
    (1250, "seribu dua ratus lima puluh"), (2026, "dua ribu dua puluh enam"),
    (15_000, "lima belas ribu"), (1_000_000, "satu juta"), (3_500_000_000, "tiga miliar lima ratus juta"),
])
def test_numbers_are_read_as_indonesian_words(number, words):
    assert readaloud.number_words(number) == words


@pytest.mark.parametrize("token, syllables", [
    ("15.000", 6),          # li-ma be-las ri-bu
    ("2,5", 6),             # du-a ko-ma li-ma
    ("15.30", 8),           # a time: li-ma be-las ti-ga pu-luh
    ("112", 7),             # se-ra-tus du-a be-las
    ("0812", 8),            # a leading zero: nol de-la-pan sa-tu du-a
    ("12345678901", 23),    # a telephone number, digit by digit
])
def test_numbers_count_the_syllables_they_are_read_with(token, syllables):
    assert readaloud.number_syllables(token) == syllables


def test_estimate_counts_words_syllables_and_seconds_at_the_rate():
    text = "Selamat pagi warga Cipondoh.\nBayar PBB-P2 sebelum 31 Agustus 2026, ya!"
    result = readaloud.estimate(text, 3.0)
    assert result.words == 11
    # se-la-mat pa-gi war-ga ci-pon-doh / ba-yar pe-be-be-pe-du-a se-be-lum ti-ga pu-luh sa-tu
    # a-gus-tus du-a ri-bu du-a pu-luh e-nam ya
    assert result.syllables == 3 + 2 + 2 + 3 + 2 + 6 + 3 + 6 + 3 + 10 + 1
    assert result.seconds == pytest.approx(result.syllables / 3.0)
    assert readaloud.estimate(text, 4.0).seconds == pytest.approx(result.syllables / 4.0)
    assert readaloud.estimate("", 3.0) == readaloud.ReadAloud(0, 0, 0.0, 3.0)
    assert readaloud.estimate(" - , . ", 3.0).words == 0


def test_description_reads_as_the_issue_asks():
    assert readaloud.describe(readaloud.ReadAloud(312, 1020, 340.0, 3.0)) == \
        "312 kata · 1.020 suku kata · ± 5 menit 40 detik pada 3,0 suku kata/detik"
    assert readaloud.describe(readaloud.ReadAloud(0, 0, 0.0, 2.5)) == \
        "0 kata · 0 suku kata · ± 0 detik pada 2,5 suku kata/detik"


@pytest.mark.parametrize("seconds, text", [
    (0, "0 detik"), (40.4, "40 detik"), (60, "1 menit"), (340, "5 menit 40 detik"),
    (3725, "62 menit 5 detik"), (339.6, "5 menit 40 detik"), (-3, "0 detik"),
])
def test_duration_in_words(seconds, text):
    assert readaloud.duration_words(seconds) == text


def test_rate_must_be_a_number_within_the_range():
    assert readaloud.check_rate(3) == 3.0
    assert readaloud.check_rate(1.5) == 1.5 and readaloud.check_rate(6.0) == 6.0
    for bad in (1.4, 6.01, 0, -3.0):
        with pytest.raises(ValidationError, match="antara 1,5 dan 6,0") as caught:
            readaloud.check_rate(bad)
        assert caught.value.field == "rate"
    for bad in (None, True, "3", math.nan):
        with pytest.raises(ValidationError, match="angka"):
            readaloud.check_rate(bad)


def test_indonesian_number_formats():
    assert readaloud.thousands(1234567) == "1.234.567"
    assert readaloud.decimal(3.0) == "3,0" and readaloud.decimal(2.25) == "2,25"
