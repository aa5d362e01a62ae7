"""Spelling work on the Qt thread pool: loading the dictionary, and working out suggestions.

Reading the Hunspell files takes ~0.1-0.3 s of pure Python and suggestions for one word
0.1-0.3 s: done on the GUI thread either would freeze the window (as the narration tab opens,
or as a context menu opens). The one :class:`SpellWorker` lives as long as the process, so a
worker never signals a deleted object; panels and menus connect to its signals.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from wawaran_desktop.text import spelling

log = logging.getLogger(__name__)


class SpellWorker(QObject):
    ready = Signal(object)  # the spylls Dictionary, on the GUI thread
    failed = Signal(str)  # a message for the user
    suggested = Signal(str, object)  # a word and its suggestions (list of str)

    # Emitted on worker threads; Qt delivers them queued, on the GUI thread this object lives in.
    _loaded = Signal(object)
    _broken = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.dictionary = None  # set once loaded
        self.error: str | None = None
        self._loading = False
        self._asked: set[tuple[int, str]] = set()  # (checker id, word) being worked out
        self._loaded.connect(self._on_loaded)
        self._broken.connect(self._on_broken)

    # -- the dictionary -------------------------------------------------------------------
    def start(self) -> None:
        """Load unless loaded or loading; ``ready`` or ``failed`` follows (not re-emitted)."""
        if self.dictionary is not None or self._loading:
            return
        self._loading = True
        self.error = None
        QThreadPool.globalInstance().start(self._load)

    def _load(self) -> None:  # on a worker thread: no widgets, only signals
        try:
            dictionary = spelling.load_dictionary()
        except Exception as exc:  # noqa: BLE001 - any failure leaves the editor usable
            log.exception("spelling dictionary not loaded")
            _emit(self._broken, f"Kamus ejaan tidak dapat dimuat: {exc}")
        else:
            _emit(self._loaded, dictionary)

    @Slot(object)
    def _on_loaded(self, dictionary) -> None:
        self._loading = False
        self.dictionary = dictionary
        self.ready.emit(dictionary)

    @Slot(str)
    def _on_broken(self, message: str) -> None:
        self._loading = False
        self.error = message
        self.failed.emit(message)

    # -- suggestions ----------------------------------------------------------------------
    def suggest(self, checker: spelling.SpellChecker, word: str) -> None:
        """Work out ``checker.suggest(word)``; ``suggested(word, suggestions)`` follows."""
        key = (id(checker), word)
        if key in self._asked:
            return
        self._asked.add(key)

        def work() -> None:
            try:
                found = checker.suggest(word)
            except Exception:  # noqa: BLE001 - no suggestions is better than a broken menu
                log.exception("no suggestions for %r", word)
                found = []
            self._asked.discard(key)
            _emit(self.suggested, word, found)

        QThreadPool.globalInstance().start(work)


def _emit(signal, *args) -> None:
    """Emit from a worker thread; when the application has quit meanwhile, nobody listens."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted": the process is shutting down
        log.debug("spelling result dropped at shutdown")


_instance: SpellWorker | None = None


def worker() -> SpellWorker:
    """The process's one spelling worker (created on the GUI thread on first use)."""
    global _instance
    if _instance is None:
        _instance = SpellWorker()
    return _instance
