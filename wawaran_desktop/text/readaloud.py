"""How long a narration takes to read aloud over the car's loudspeaker, from its syllables.

An Indonesian syllable has one vowel nucleus (a, i, u, e, o); the diphthongs ai, au, oi and
ei count as one. Acronyms of up to four capitals (RT, DBD, BPJS) are spelt out, and every
Indonesian letter name has one syllable (a, be, ce, … zet). Numbers are read as words
("15.000" -> "lima belas ribu"); long digit strings such as telephone numbers digit by digit.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from wawaran_desktop.text import durations
from wawaran_desktop.services.errors import ValidationError
from wawaran_desktop.text.formatting import thousands  # noqa: F401 (re-exported)

RATE_KEY = "narration.syllables_per_second"
DEFAULT_RATE = 3.0
MIN_RATE = 1.5
MAX_RATE = 6.0
SPELT_ACRONYM_MAX = 4

VOWELS = frozenset("aiueo")
DIPHTHONGS = frozenset({"ai", "au", "oi", "ei"})
DIGITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu"))

# A number ("15.000", "2,5", "081234567890") or a word, with hyphens and apostrophes inside.
_PIECE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SPLIT = re.compile(r"[-'’]")


class ReadAloud(NamedTuple):
    words: int
    syllables: int
    seconds: float
    rate: float  # syllables per second


def check_rate(value: float | int | None) -> float:
    """A read-aloud rate in syllables per second, from :data:`MIN_RATE` to :data:`MAX_RATE`."""
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise ValidationError("Kecepatan baca harus berupa angka.", "rate")
    if not MIN_RATE <= value <= MAX_RATE:
        raise ValidationError(
            f"Kecepatan baca harus antara {decimal(MIN_RATE)} dan {decimal(MAX_RATE)} suku kata per detik.",
            "rate")
    return round(float(value), 2)


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters with a letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


@lru_cache(maxsize=20_000)
def word_syllables(word: str) -> int:
    """Syllables of one word (at least 1): ``masyarakat`` 4, ``pantai`` 2, ``DBD`` 3."""
    letters = _plain(word)
    if letters.isupper() and (len(letters) <= SPELT_ACRONYM_MAX or not VOWELS & set(letters.lower())):
        return len(letters)  # spelt out: "de-be-de"
    count, previous, joined = 0, "", False
    for ch in letters.lower():
        if ch not in VOWELS:
            previous, joined = "", False
        elif previous and not joined and previous + ch in DIPHTHONGS:
            previous, joined = ch, True
        else:
            count += 1
            previous, joined = ch, False
    return max(count, 1)


def number_words(number: int) -> str:
    """``1250`` -> ``seribu dua ratus lima puluh`` (0 up to below 10^15)."""
    if number < 10:
        return DIGITS[number]
    if number < 20:
        return {10: "sepuluh", 11: "sebelas"}.get(number) or f"{DIGITS[number - 10]} belas"
    if number < 100:
        tens, rest = divmod(number, 10)
        return f"{DIGITS[tens]} puluh" + (f" {DIGITS[rest]}" if rest else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        head = "seratus" if hundreds == 1 else f"{DIGITS[hundreds]} ratus"
        return head + (f" {number_words(rest)}" if rest else "")
    for scale, name in SCALES:
        if number >= scale:
            head, rest = divmod(number, scale)
            words = "seribu" if scale == 1000 and head == 1 else f"{number_words(head)} {name}"
            return words + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")


def number_syllables(token: str) -> int:
    """Syllables of a number as it is read: thousands separated by dots, a decimal comma.

    A part with a leading zero or more than nine digits (a telephone number) is read digit by
    digit; the dot of a time ("15.30") is not read.
    """
    groups = token.split(".")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        token = "".join(groups)  # 15.000 is fifteen thousand
    total = token.count(",") * 2  # "koma"
    for part in re.split(r"[.,]", token):
        if len(part) > 9 or (len(part) > 1 and part[0] == "0"):
            total += sum(_words_syllables(DIGITS[int(d)]) for d in part)
        else:
            total += _words_syllables(number_words(int(part)))
    return total


def estimate(text: str, rate: float = DEFAULT_RATE) -> ReadAloud:
    """Words, syllables and seconds to read ``text`` aloud at ``rate`` syllables per second."""
    syllables = 0
    for piece in _PIECE.findall(text):
        if piece[0].isdigit():
            syllables += number_syllables(piece)
        else:
            syllables += sum(word_syllables(part) for part in _SPLIT.split(piece) if part)
    return ReadAloud(count_words(text), syllables, syllables / rate if rate else 0.0, rate)


def describe(result: ReadAloud) -> str:
    """``312 kata · 1.020 suku kata · ± 5 menit 40 detik pada 3,0 suku kata/detik``."""
    return (f"{thousands(result.words)} kata · {thousands(result.syllables)} suku kata · "
            f"± {duration_words(result.seconds)} pada {decimal(result.rate)} suku kata/detik")


def duration_words(seconds: float) -> str:
    """An estimate to the nearest second, in the words every length of time is told in
    (:func:`durations.words`): ``5 menit 40 detik``, ``62 menit 5 detik``, ``0 detik``."""
    return durations.words(round(max(0.0, seconds)))


def decimal(value: float) -> str:
    """``3.0`` -> ``3,0`` (Indonesian decimal comma, one decimal unless more are needed)."""
    text = f"{value:.1f}" if round(value, 1) == value else f"{value:.2f}"
    return text.replace(".", ",")


def _words_syllables(words: str) -> int:
    return sum(word_syllables(w) for w in words.split())


def _plain(word: str) -> str:
    """``Bébas`` -> ``Bebas``: accents dropped, so é counts as the vowel e."""
    if word.isascii():
        return word
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
