"""The one bridge that runs work off the GUI thread, with progress and cancel.

No other module starts threads (tests/unit/test_background_work.py): exports run here behind
a progress dialog, and the spelling dictionary's load and its suggestions as plain jobs
(views/spell_loader.py). One thread is not a job: :class:`ChangeFeed`'s listener, which waits
for the office server's change notices as long as the window is open (a job would hold one
of the pool's few threads for ever).

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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from wawaran_desktop.db import notify, reconnect
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


def _emit(signal, *args) -> bool:
    """Emit from the worker thread; when the application has quit meanwhile (a dictionary
    still loading as the window closes), nobody listens and the result is dropped (False)."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted": the process is shutting down
        log.debug("job result dropped at shutdown")
        return False
    return True


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


class ChangeFeed(QObject):
    """What other PCs and processes changed in the open database, as signals on the GUI thread.

    On the office server (PostgreSQL) a thread of its own listens for the tables' change
    notices (:class:`wawaran_desktop.db.notify.Listener`) and reconnects by itself when the
    server goes away; on a file (SQLite) a timer asks every :attr:`POLL_MS` whether another
    connection committed (:func:`wawaran_desktop.db.notify.data_version`, on the GUI thread's
    own connection, so the window's own saves do not count).

    ``changed(ids)``: the campaigns ``ids`` (a frozenset) changed, or None when anything may
    have (staff, settings, a file's commit, the first notice after connecting). ``lost(text)``:
    the listener lost the server; ``restored()``: it is listening again — notices sent
    meanwhile are lost, so refresh everything (after :meth:`reconnect`).
    """

    changed = Signal(object)
    lost = Signal(str)
    restored = Signal()

    POLL_MS = 500
    #: How long the listener waits for notices at a time (also how soon it notices stop()).
    WAIT_SECONDS = 0.25
    #: Pause between attempts to reach a server that is down.
    RETRY_SECONDS = 0.5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = notify.bound()
        self._stop = threading.Event()
        #: True while the listener is connected and listening (written by its thread).
        self.listening = False
        self._thread: threading.Thread | None = None
        self._timer: QTimer | None = None
        self._version: int | None = None

    @property
    def server(self) -> bool:
        """True on the office server (notices, a connection that can be lost)."""
        return notify.is_server(self._db)

    def start(self) -> None:
        if self.server:
            listener = notify.Listener(self._db)
            self._thread = threading.Thread(target=self._listen, args=(listener,), daemon=True,
                                            name="wawaran-listen")
            self._thread.start()
        elif self._db is not None:
            self._version = notify.data_version(self._db)
            self._timer = QTimer(self, interval=self.POLL_MS)
            self._timer.timeout.connect(self._poll)
            self._timer.start()

    def stop(self) -> None:
        """Stop listening or polling (the window is closing); waits briefly for the thread."""
        self._stop.set()
        if self._timer is not None:
            self._timer.stop()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2 * self.WAIT_SECONDS + 5)

    def connection_lost(self, exc: BaseException) -> bool:
        """True when ``exc`` means that the window's own connection to the server was lost."""
        return reconnect.connection_lost(exc, self._db)

    def reconnect(self) -> bool:
        """Replace the GUI thread's dead connection by a new one; True when the server answered."""
        return reconnect.reconnect(self._db)

    @Slot()
    def _poll(self) -> None:
        db = self._db
        if db is None or db.is_closed():  # the workspace was closed: do not open it again
            return
        try:
            version = notify.data_version(db)
        except Exception:  # a busy or vanished file: ask again next time
            log.debug("data_version failed", exc_info=True)
            return
        if version != self._version:
            self._version = version
            self.changed.emit(None)

    def _listen(self, listener: notify.Listener) -> None:  # on its own thread: only signals
        down = False
        try:
            while not self._stop.is_set():
                try:
                    listener.connect()
                except Exception as exc:  # noqa: BLE001 - down or unreachable: try again shortly
                    if not down:
                        down = True
                        if not _emit(self.lost, str(exc).strip()):
                            return
                    self._stop.wait(self.RETRY_SECONDS)
                    continue
                self.listening = True
                # What was committed before LISTEN (or while down) was not heard: read it all.
                if not _emit(self.restored if down else self.changed, *(() if down else (None,))):
                    return
                down = False
                try:
                    while not self._stop.is_set():
                        payloads = listener.wait(self.WAIT_SECONDS)
                        if payloads and not _emit(self.changed, notify.merge(payloads)):
                            return
                except Exception as exc:  # noqa: BLE001 - the server went away
                    self.listening = False
                    listener.close()
                    down = True
                    if not _emit(self.lost, str(exc).strip()):
                        return
                    self._stop.wait(self.RETRY_SECONDS)
        finally:
            self.listening = False
            listener.close()
