"""views/spell_loader.py: the dictionary load and suggestions run as workers.py jobs."""

from __future__ import annotations

import gc
import threading

import pytest

from wawaran_desktop import workers
from wawaran_desktop.text import spelling
from wawaran_desktop.views.spell_loader import SpellWorker


@pytest.fixture
def jobs(monkeypatch):
    """Every workers.Job started meanwhile."""
    started: list[workers.Job] = []
    start = workers.Job.start

    def recording_start(job, pool=None):
        started.append(job)
        start(job, pool)

    monkeypatch.setattr(workers.Job, "start", recording_start)
    return started


def test_the_dictionary_loads_as_a_job_off_the_gui_thread_with_collection_paused(qtbot, monkeypatch, jobs):
    gui = threading.get_ident()
    seen: dict[str, object] = {}
    loaded = object()

    def load():
        seen["thread"], seen["collecting"] = threading.get_ident(), gc.isenabled()
        return loaded

    monkeypatch.setattr(spelling, "load_dictionary", load)
    loader = SpellWorker()
    arrived: list[int] = []
    loader.ready.connect(lambda _d: arrived.append(threading.get_ident()))
    with qtbot.waitSignal(loader.ready, timeout=5000) as blocker:
        loader.start()
        loader.start()  # while loading: no second load
    assert len(jobs) == 1
    assert blocker.args == [loaded] and loader.dictionary is loaded
    assert seen == {"thread": seen["thread"], "collecting": False} and seen["thread"] != gui
    assert arrived == [gui]  # the result reaches the GUI thread
    assert gc.isenabled()
    loader.start()  # loaded: nothing more to do, nothing re-emitted
    assert len(jobs) == 1


def test_a_dictionary_that_cannot_be_read_is_told_and_may_be_tried_again(qtbot, monkeypatch, jobs):
    def broken():
        raise FileNotFoundError("Kamus ejaan id_ID.dic tidak ditemukan.")

    monkeypatch.setattr(spelling, "load_dictionary", broken)
    loader = SpellWorker()
    with qtbot.waitSignal(loader.failed, timeout=5000) as blocker:
        loader.start()
    assert blocker.args == ["Kamus ejaan tidak dapat dimuat: Kamus ejaan id_ID.dic tidak ditemukan."]
    assert loader.error == blocker.args[0] and loader.dictionary is None
    monkeypatch.setattr(spelling, "load_dictionary", lambda: "kamus")
    with qtbot.waitSignal(loader.ready, timeout=5000):
        loader.start()
    assert loader.error is None and len(jobs) == 2


class SlowChecker:
    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.release = threading.Event()
        self.threads: list[int] = []

    def suggest(self, word: str) -> list[str]:
        self.threads.append(threading.get_ident())
        self.release.wait(5)
        if word not in self.answers:
            raise LookupError(word)
        return self.answers[word]


def test_suggestions_are_worked_out_as_jobs_once_per_word(qtbot, jobs):
    gui = threading.get_ident()
    checker = SlowChecker({"pengumumam": ["pengumuman"]})
    loader = SpellWorker()
    with qtbot.waitSignal(loader.suggested, timeout=5000) as blocker:
        loader.suggest(checker, "pengumumam")
        loader.suggest(checker, "pengumumam")  # asked again while being worked out: one job
        checker.release.set()
    assert blocker.args == ["pengumumam", ["pengumuman"]]
    assert len(jobs) == 1 and checker.threads[0] != gui
    with qtbot.waitSignal(loader.suggested, timeout=5000) as blocker:
        loader.suggest(checker, "xyz")  # the checker fails: no suggestions, the menu still opens
    assert blocker.args == ["xyz", []]
    with qtbot.waitSignal(loader.suggested, timeout=5000):
        loader.suggest(checker, "pengumumam")  # answered before: may be asked again
    assert len(jobs) == 3
