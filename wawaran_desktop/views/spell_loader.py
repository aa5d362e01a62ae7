"""Loads the spelling dictionary on a worker thread, once per process, and tells the GUI.

Reading the Hunspell files is a fraction of a second of pure Python: done on the GUI thread
it would freeze the window as the narration tab opens. The one :class:`DictionaryLoader`
lives as long as the process (so a worker never signals a deleted object); panels connect
to its signals and ask it to :meth:`~DictionaryLoader.start`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from wawaran_desktop.services import spelling

log = logging.getLogger(__name__)


class DictionaryLoader(QObject):
    ready = Signal(object)  # the spylls Dictionary, on the GUI thread
    failed = Signal(str)  # a message for the user

    _loaded = Signal(object)  # emitted by the worker; delivered queued on the GUI thread
    _broken = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.dictionary = None  # set once loaded
        self.error: str | None = None
        self._running = False
        self._loaded.connect(self._on_loaded)
        self._broken.connect(self._on_broken)

    def start(self) -> None:
        """Load unless loaded or loading; ``ready`` or ``failed`` follows (not re-emitted)."""
        if self.dictionary is not None or self._running:
            return
        self._running = True
        self.error = None
        QThreadPool.globalInstance().start(self._work)

    def _work(self) -> None:  # on a worker thread: no widgets, only the signals above
        try:
            dictionary = spelling.load_dictionary()
        except Exception as exc:  # noqa: BLE001 - any failure leaves the editor usable
            log.exception("spelling dictionary not loaded")
            self._broken.emit(f"Kamus ejaan tidak dapat dimuat: {exc}")
        else:
            self._loaded.emit(dictionary)

    @Slot(object)
    def _on_loaded(self, dictionary) -> None:
        self._running = False
        self.dictionary = dictionary
        self.ready.emit(dictionary)

    @Slot(str)
    def _on_broken(self, message: str) -> None:
        self._running = False
        self.error = message
        self.failed.emit(message)


_instance: DictionaryLoader | None = None


def loader() -> DictionaryLoader:
    """The process's one loader (created on the GUI thread on first use)."""
    global _instance
    if _instance is None:
        _instance = DictionaryLoader()
    return _instance
