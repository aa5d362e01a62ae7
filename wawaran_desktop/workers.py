"""The one bridge that runs work off the GUI thread, with progress and cancel.

No other module starts threads (tests/unit/test_background_work.py): exports run here behind
a progress dialog, and the spelling dictionary's load and its suggestions as plain jobs
(views/spell_loader.py).

A job is plain, Qt-free code: a callable ``work(progress)`` that returns a result and now
and then calls ``progress(done, total, text)``. That callback is where cancelling happens:
once the user asked to cancel, it raises :class:`Cancelled`, so the job stops at its next
report and unwinds through its own ``finally``/atomic-write clean-up.

:class:`Job` wraps such a callable once into Qt signals (``progressed``, ``finished``,
``failed``) and runs it on ``QThreadPool.globalInstance()``. :func:`run_with_progress`
shows a modal :class:`QProgressDialog` with *Batal* while a job runs and returns its result
(or raises its exception) as if it had been a plain call.

The database: peewee's ``SqliteDatabase`` keeps one connection per thread (``thread_safe``),
opened on the first query. A pool thread lives on after the job, so the job's connection
is closed when the job ends; otherwise every pool thread would keep a file handle open.

Garbage collection is paused while a job runs (:func:`paused_gc`). A job that gathers a
million rows triggers full collections that walk every live object while holding the GIL:
they froze the GUI thread for far longer than a frame (bench/workbook.py measures the stalls,
README's Benchmarks section has the figures), and the export ran slower. Reference counting still
frees almost everything; collection resumes, with its usual thresholds, when the last job
ends and its rows are gone.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from wawaran_desktop.db.models import database
from wawaran_desktop.infra.gc_pause import paused_gc

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: ``progress(done, total, text)``; ``total`` 0 means "unknown" (a busy indicator).
Progress = Callable[[int, int, str], None]
Work = Callable[[Progress], Any]

#: Progress reports reach the GUI thread at most this often (a job may report per row).
REPORT_INTERVAL = 0.05


class Cancelled(Exception):
    """The user cancelled the job (raised by the progress callback inside the job)."""


def no_progress(done: int, total: int, text: str = "") -> None:
    """A progress callback for work run synchronously: reports nowhere, never cancels."""


def close_thread_connection() -> None:
    """Close this thread's database connection, if the job opened one."""
    if database.obj is not None and not database.is_closed():
        database.close()


class Job(QObject):
    """One run of ``work`` on the thread pool. Signals arrive on the GUI thread.

    Exactly one of ``finished(result)`` or ``failed(exception)`` is emitted; a cancelled
    job fails with :class:`Cancelled`.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    _running: set[Job] = set()  # keeps each job (and its signals) alive until it ends

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._last_report = 0.0
        self.done = False

    def start(self, pool: QThreadPool | None = None) -> None:
        Job._running.add(self)
        self.finished.connect(self._forget)
        self.failed.connect(self._forget)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))

    @Slot()
    def cancel(self) -> None:
        """Ask the job to stop; it does at its next progress report."""
        self._cancel.set()

    def _progress(self, done: int, total: int, text: str = "") -> None:  # on the worker thread
        if self._cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last_report >= REPORT_INTERVAL or (total and done >= total):
            self._last_report = now
            self.progressed.emit(done, total, text)

    def _run(self) -> None:  # on the worker thread: no widgets, only signals
        try:
            try:
                with paused_gc():
                    result = self._work(self._progress)
            finally:
                close_thread_connection()
        except BaseException as exc:  # noqa: BLE001 - the GUI thread decides what to tell
            if not isinstance(exc, Cancelled):
                log.debug("job failed", exc_info=True)
            _emit(self.failed, exc)
        else:
            _emit(self.finished, result)

    @Slot()
    def _forget(self) -> None:
        self.done = True
        Job._running.discard(self)


def _emit(signal, *args) -> None:
    """Emit from the worker thread; when the application has quit meanwhile (a dictionary
    still loading as the window closes), nobody listens and the result is dropped."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted": the process is shutting down
        log.debug("job result dropped at shutdown")


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()


def run_with_progress(parent: QWidget | None, title: str, work: Work, *,
                      label: str = "Sedang diproses…", minimum_duration: int = 300) -> Any:
    """Run ``work`` on the pool behind a modal progress dialog with *Batal*; return its result.

    The GUI keeps painting meanwhile (a local event loop runs until the job ends). Raises
    what the job raised, :class:`Cancelled` when the user cancelled.
    """
    # Imported here, not at start-up: a job may start then (the spelling dictionary), a
    # progress dialog never does, and PySide6 builds these classes' enums on first import.
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(label, "Batal", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(minimum_duration)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(work)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def on_progress(done: int, total: int, text: str) -> None:
        if dialog.wasCanceled():  # also when cancelled without the signal (cancel() slot)
            job.cancel()
            return
        if dialog.maximum() != max(total, 0):
            dialog.setRange(0, max(total, 0))
        if text:
            dialog.setLabelText(text)
        dialog.setValue(min(done, total) if total else 0)

    def on_finished(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def on_failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    def on_cancel() -> None:
        job.cancel()
        dialog.setLabelText("Membatalkan…")

    job.progressed.connect(on_progress)
    job.finished.connect(on_finished)
    job.failed.connect(on_failed)
    dialog.canceled.connect(on_cancel)
    job.start()
    if not job.done:
        loop.exec()
    dialog.canceled.disconnect(on_cancel)
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
