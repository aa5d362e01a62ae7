"""Spelling work off the GUI thread: loading the dictionary, and working out suggestions.

Reading the Hunspell files and working out one word's suggestions are both pure Python and
slow enough to see (bench/spelling.py): done on the GUI thread either would freeze the window
(as the narration tab opens, or as a context menu opens). Both run as :class:`wawaran_desktop.workers.Job`, the one way
work leaves the GUI thread: the cyclic garbage collector is paused while a job runs (one
counted pause, :mod:`wawaran_desktop.infra.gc_pause`, shared with start-up's own and with the
dictionary load's, which also freezes what it made), and results arrive as signals on the
GUI thread. The one :class:`SpellWorker` lives as long as the process and holds each job
until its result has arrived, so a result never reaches a deleted object; panels and menus
connect to its signals.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from wawaran_desktop import workers
from wawaran_desktop.text import spelling

log = logging.getLogger(__name__)


class SpellWorker(QObject):
    ready = Signal(object)  # the spylls Dictionary, on the GUI thread
    failed = Signal(str)  # a message for the user
    suggested = Signal(str, object)  # a word and its suggestions (list of str)

    def __init__(self) -> None:
        super().__init__()
        self.dictionary = None  # set once loaded
        self.error: str | None = None
        self._loading: workers.Job | None = None
        self._asked: dict[tuple[int, str], workers.Job] = {}  # (checker id, word) being worked out

    # -- the dictionary -------------------------------------------------------------------
    def start(self) -> None:
        """Load unless loaded or loading; ``ready`` or ``failed`` follows (not re-emitted)."""
        if self.dictionary is not None or self._loading is not None:
            return
        self.error = None
        job = self._loading = workers.Job(lambda _progress: spelling.load_dictionary())
        job.finished.connect(self._on_loaded)
        job.failed.connect(self._on_broken)
        job.start()

    def _on_loaded(self, dictionary) -> None:
        self._loading = None
        self.dictionary = dictionary
        self.ready.emit(dictionary)

    def _on_broken(self, exc: BaseException) -> None:
        # Any failure leaves the editor usable, without spell checking.
        log.error("spelling dictionary not loaded", exc_info=exc)
        self._loading = None
        self.error = f"Kamus ejaan tidak dapat dimuat: {exc}"
        self.failed.emit(self.error)

    # -- suggestions ----------------------------------------------------------------------
    def suggest(self, checker: spelling.SpellChecker, word: str) -> None:
        """Work out ``checker.suggest(word)``; ``suggested(word, suggestions)`` follows."""
        key = (id(checker), word)
        if key in self._asked:
            return
        job = self._asked[key] = workers.Job(lambda _progress: checker.suggest(word))
        job.finished.connect(lambda found: self._answer(key, found))
        job.failed.connect(lambda exc: self._no_answer(key, exc))
        job.start()

    def _answer(self, key: tuple[int, str], found: list[str]) -> None:
        self._asked.pop(key, None)
        self.suggested.emit(key[1], found)

    def _no_answer(self, key: tuple[int, str], exc: BaseException) -> None:
        # No suggestions is better than a broken menu.
        log.error("no suggestions for %r", key[1], exc_info=exc)
        self._answer(key, [])


_instance: SpellWorker | None = None


def worker() -> SpellWorker:
    """The process's one spelling worker (created on the GUI thread on first use)."""
    global _instance
    if _instance is None:
        _instance = SpellWorker()
    return _instance
