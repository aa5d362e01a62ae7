"""Indonesian spell checking: the Hunspell ``id_ID`` dictionary (via spylls) plus the office's words.

The SOP's one warning for the narration is "Penggunaan Tata Bahasa". :class:`SpellChecker`
finds the misspelt words of a text (with their positions, for underlining) and suggests
corrections; :class:`OfficeWords` keeps the words the office accepts although the dictionary
does not know them (kelurahan names, "wawaran", "Diskominfo", …).

Loading the dictionary takes a fraction of a second of pure Python, so the GUI does it on a
worker thread (:func:`load_dictionary` is thread-safe and loads once per process); checking
is cached per word, so a word seen once costs nothing afterwards.
"""

from __future__ import annotations

import difflib
import gc
import re
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop import paths
from wawaran_desktop.infra.gc_pause import paused_gc

if TYPE_CHECKING:
    from spylls.hunspell import Dictionary


DICTIONARY = "dictionaries/id_ID"  # resources/dictionaries/id_ID.aff and .dic
MAX_SUGGESTIONS = 8
ACRONYM_MAX = 6  # ALL-CAPS words up to this length (DBD, PBB, RT, DIKP) are not checked
CACHE_MAX = 50_000
YIELD_EVERY = 1000  # lines of the .dic file read between two yields of the GIL
PARTICLES = ("lah", "kah", "tah", "pun")  # written joined to the word: "periksalah", "apakah"
# The hyphen joins these to a capitalised word or an acronym (PUEBI): "se-Kota", "KTP-nya".
HYPHEN_PREFIXES = frozenset({"se", "ke", "non", "anti", "pro", "pra", "pasca", "antar"})
HYPHEN_SUFFIXES = frozenset({"nya", "ku", "mu", "an", "lah", "kah", "pun"})

# A URL, e-mail address or domain (skipped), or a run of letters/digits joined by hyphens or
# apostrophes ("masing-masing", "Jum'at", "PBB-P2"; words with a digit are skipped).
_TOKEN = re.compile(
    r"(?P<skip>(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\w+(?:\.\w+)+(?:/\S*)?)"
    r"|(?P<word>[^\W_]+(?:[-'’][^\W_]+)*)")
_HAS_DIGIT = re.compile(r"\d")

_dictionary_lock = threading.Lock()
_dictionaries: dict[Path, Dictionary] = {}


class Span(NamedTuple):
    start: int  # index into the text (a Python str index, i.e. code points)
    end: int
    word: str


def dictionary_path() -> Path:
    """The shipped dictionary, without its extension (as spylls wants it)."""
    return paths.resource(DICTIONARY)


def load_dictionary(path: Path | None = None) -> Dictionary:
    """The spylls dictionary at ``path`` (default: the shipped ``id_ID``), read once per process.

    Thread-safe: a second caller waits for the first load instead of loading again. Raises
    OSError when the files are missing.
    """
    path = Path(path or dictionary_path())
    with _dictionary_lock:
        found = _dictionaries.get(path)
        if found is None:
            found = _dictionaries[path] = read_dictionary(path)
        return found


def read_dictionary(path: Path) -> Dictionary:
    """Read the dictionary at ``path`` (without extension) now, without the process cache.

    Loading makes hundreds of thousands of small objects. Left on, the cyclic garbage
    collector would walk them in long passes that hold the GIL (freezing the GUI thread while
    a worker loads; bench/spelling.py measures the GUI's pauses), and walk them again in every
    later full collection. So it is paused during the load, and the objects alive then are
    moved out of its reach (``gc.freeze``).
    """
    for suffix in (".aff", ".dic"):
        if not path.with_suffix(suffix).is_file():
            raise FileNotFoundError(f"Kamus ejaan {path.with_suffix(suffix).name} tidak ditemukan.")
    with paused_gc():  # counted: the window's start-up may be pausing it too
        try:
            return _read(path)
        finally:
            # No gc.collect() first: a full collection here would pause the GUI thread (the
            # GIL); the price is that cyclic garbage alive at this one moment is never freed.
            gc.freeze()


def _read(path: Path) -> Dictionary:
    """``Dictionary.from_files``, but letting other threads run while the word list is read.

    Reading the word list is one long stretch of Python in which, with PySide6 on CPython
    3.11, the GUI thread hardly ever got the GIL back. Yielding it every :data:`YIELD_EVERY`
    lines keeps those pauses short (bench/spelling.py measures the longest).
    """
    from spylls.hunspell import Dictionary  # imported here: only the spell checker needs it

    try:
        from spylls.hunspell import readers
        from spylls.hunspell.readers.file_reader import FileReader
    except ImportError:  # another spylls layout: load the plain way
        return Dictionary.from_files(str(path))

    class YieldingReader(FileReader):
        def readlines(self):
            for number, item in enumerate(super().readlines()):
                if number % YIELD_EVERY == 0:
                    time.sleep(0)  # releases the GIL: a waiting thread runs now
                yield item

    aff, context = readers.read_aff(FileReader(str(path.with_suffix(".aff"))))
    dic = readers.read_dic(YieldingReader(str(path.with_suffix(".dic")), encoding=context.encoding),
                           aff=aff, context=context)
    return Dictionary(aff, dic)


def is_acronym(word: str) -> bool:
    """``DBD``, ``PBB``, ``RT``: all capitals, at most :data:`ACRONYM_MAX` letters."""
    return word.isupper() and len(word) <= ACRONYM_MAX and word.isalpha()


def tokens(text: str) -> Iterator[Span]:
    """The words of ``text`` that are checked: no numbers, URLs, acronyms or words with digits."""
    for match in _TOKEN.finditer(text):
        word = match.group("word")
        if word is None or _HAS_DIGIT.search(word) or is_acronym(word):
            continue
        yield Span(match.start(), match.end(), word)


class SpellChecker:
    """Checks words against a Hunspell dictionary and the office word list.

    Build it anywhere, then use it from one thread (the GUI's); only :meth:`suggest`, which
    just reads the dictionary, may run on a worker meanwhile.
    """

    def __init__(self, dictionary: Dictionary, office_words: Iterable[str] = ()) -> None:
        self._dictionary = dictionary
        self._office: dict[str, str] = {}  # casefolded word -> as the office writes it
        self._cache: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}
        self.set_office_words(office_words)

    # -- the office's words ---------------------------------------------------------------
    def set_office_words(self, entries: Iterable[str]) -> None:
        self._office.clear()
        for entry in entries:
            self._remember(entry)
        self._cache.clear()
        self._suggestions.clear()

    def add_office_word(self, entry: str) -> None:
        """Accept ``entry`` (e.g. "Sub Kor": each of its words) from now on."""
        self._remember(entry)
        self._forget(known=False)  # only a "misspelt" answer can change

    def remove_office_word(self, entry: str) -> None:
        for part in entry.split():
            self._office.pop(part.casefold(), None)
        self._forget(known=True)  # only a "correct" answer can change

    def _remember(self, entry: str) -> None:
        for part in entry.split():
            self._office.setdefault(part.casefold(), part)

    def _forget(self, known: bool) -> None:
        for word in [w for w, answer in self._cache.items() if answer is known]:
            del self._cache[word]
        self._suggestions.clear()

    # -- checking -------------------------------------------------------------------------
    def is_correct(self, word: str) -> bool:
        known = self._cache.get(word)
        if known is None:
            if len(self._cache) >= CACHE_MAX:
                self._cache.clear()
            known = self._cache[word] = self._check(word)
        return known

    def _check(self, word: str) -> bool:
        lower = word.casefold()
        if lower in self._office or self._dictionary.lookup(word):
            return True
        if word[:1].isupper() and self._dictionary.lookup(word.lower()):
            return True  # "Selamat" at the start of a sentence, "Rumah" in a slogan
        for particle in PARTICLES:
            stem = word[: -len(particle)]
            if lower.endswith(particle) and len(stem) >= 3 and self.is_correct(stem):
                return True
        parts = re.split(r"[-'’]", word)
        if len(parts) > 1:  # "rumah-rumah", "se-Kota", "KTP-nya": every part known on its own
            return all(part and (is_acronym(part) or self.is_correct(part)
                                 or (i == 0 and part.casefold() in HYPHEN_PREFIXES and parts[1][:1].isupper())
                                 or (i > 0 and part.casefold() in HYPHEN_SUFFIXES))
                       for i, part in enumerate(parts))
        return False

    def misspelt(self, text: str) -> list[Span]:
        """Every misspelt word of ``text`` with its position, in order."""
        return [span for span in tokens(text) if not self.is_correct(span.word)]

    def suggest(self, word: str) -> list[str]:
        """Up to :data:`MAX_SUGGESTIONS` corrections, office words that look alike first.

        Slow for a word not asked about before, too slow for the GUI thread (bench/spelling.py
        times it), so the GUI asks on a worker thread: this only reads the dictionary, and
        stores the answer in a cache.
        """
        cached = self._suggestions.get(word)
        if cached is not None:
            return list(cached)
        office = dict(self._office)  # a copy: the GUI thread may add a word meanwhile
        found: list[str] = []
        for close in difflib.get_close_matches(word.casefold(), office, n=3, cutoff=0.8):
            found.append(_same_case(office[close], word))
        for suggestion in self._dictionary.suggest(word):
            if len(found) >= MAX_SUGGESTIONS:
                break
            if suggestion not in found and suggestion != word:
                found.append(suggestion)
        self._suggestions[word] = result = found[:MAX_SUGGESTIONS]
        return list(result)

    def cached_suggestions(self, word: str) -> list[str] | None:
        """The suggestions for ``word`` if they were worked out before, else None."""
        cached = self._suggestions.get(word)
        return list(cached) if cached is not None else None


def _same_case(known: str, typed: str) -> str:
    """An office word written as the office writes it, capitalised when ``typed`` is."""
    if typed[:1].isupper() and known[:1].islower():
        return known[:1].upper() + known[1:]
    return known
