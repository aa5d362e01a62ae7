"""workers.py: a Qt-free job on the thread pool, its signals, progress dialog, cancel, DB connection."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from wawaran_desktop import workers
from wawaran_desktop.db.models import Campaign, database


def test_job_runs_off_the_gui_thread_and_reports_its_result(qtbot, ws):
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress):
        seen["thread"] = threading.get_ident()
        seen["connection"] = database.connection()  # this thread's own connection
        progress(1, 2, "separuh")
        return Campaign.select().count()

    job = workers.Job(work)
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        job.start()
    assert blocker.args == [0]
    assert seen["thread"] != gui
    # The worker's connection was closed when the job ended (the pool thread lives on)...
    with pytest.raises(sqlite3.ProgrammingError):
        seen["connection"].execute("select 1")
    # ...and the GUI thread's own connection still works.
    assert Campaign.select().count() == 0


def test_job_failure_arrives_as_the_exception(qtbot, ws):
    def work(progress):
        raise ValueError("rusak")

    job = workers.Job(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert isinstance(blocker.args[0], ValueError) and str(blocker.args[0]) == "rusak"


def test_progress_is_reported_and_cancel_stops_the_job_at_its_next_report(qtbot):
    started = threading.Event()
    release = threading.Event()
    reached: list[int] = []

    def work(progress):
        progress(1, 10, "satu")
        started.set()
        release.wait(5)
        for i in range(2, 11):
            progress(i, 10, "")
            reached.append(i)
        return "selesai"

    job = workers.Job(work)
    reports: list[tuple] = []
    job.progressed.connect(lambda *args: reports.append(args))
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:  # connected before anything is emitted
        job.start()
        assert started.wait(5)
        job.cancel()
        release.set()
    assert isinstance(blocker.args[0], workers.Cancelled)
    assert reached == []  # stopped at the first report after the cancel
    qtbot.waitUntil(lambda: reports != [])
    assert reports[0] == (1, 10, "satu")


def test_run_with_progress_returns_the_result(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    result = workers.run_with_progress(parent, "Uji", lambda progress: [progress(i, 3, "") for i in range(4)] and 42)
    assert result == 42


def test_run_with_progress_raises_what_the_job_raised(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress):
        raise KeyError("x")

    with pytest.raises(KeyError):
        workers.run_with_progress(parent, "Uji", work)


def test_batal_in_the_progress_dialog_cancels_the_job(qtbot, modals):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    stop = threading.Event()
    seen: dict[str, object] = {}

    def work(progress):
        done = 0
        while not stop.wait(0.02):  # a long job that reports as it goes
            done += 1
            progress(done, 0, f"baris {done}")
        return "tidak dibatalkan"

    def press_batal(dialog):
        assert isinstance(dialog, QProgressDialog)
        seen["title"] = dialog.windowTitle()
        buttons = dialog.findChildren(QPushButton)
        seen["buttons"] = [b.text() for b in buttons]
        buttons[0].click()

    modals.then(press_batal)
    try:
        with pytest.raises(workers.Cancelled):
            workers.run_with_progress(parent, "Ekspor Buku Kerja", work, minimum_duration=0)
    finally:
        stop.set()
    assert seen["title"] == "Ekspor Buku Kerja"
    assert seen["buttons"] == ["Batal"]


def test_garbage_collection_pauses_while_a_job_runs_and_resumes_after(qtbot):
    """Full collections over a job's million rows froze the GUI thread (bench/workbook.py)."""
    import gc

    seen = []
    job = workers.Job(lambda progress: seen.append(gc.isenabled()))
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    assert seen == [False]
    assert gc.isenabled()
