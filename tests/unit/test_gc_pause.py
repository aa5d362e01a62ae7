"""The shared, counted pause of the cyclic garbage collector (infra/gc_pause.py)."""

from __future__ import annotations

import gc
import threading

import pytest

from wawaran_desktop.infra import gc_pause
from wawaran_desktop.text import spelling
from wawaran_desktop.infra.gc_pause import paused_gc


@pytest.fixture(autouse=True)
def _collection_on():
    gc.enable()
    yield
    gc_pause._pausers = 0  # a test that failed inside a pause must not leave it counted
    gc.unfreeze()  # the dictionary's load froze the test process's objects
    gc.enable()


def test_overlapping_pauses_resume_collection_once_the_last_ends():
    first, second = paused_gc(), paused_gc()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first to end is not the last: still paused
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_pause_never_switches_on_what_someone_else_switched_off():
    gc.disable()
    with paused_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_inside_still_ends_the_pause():
    with pytest.raises(RuntimeError):
        with paused_gc():
            raise RuntimeError("gagal")
    assert gc.isenabled()


def test_the_dictionary_loaded_during_start_up_keeps_collection_paused_to_its_end():
    """The window's start-up pause ends while the dictionary still loads on a worker (a
    campaign opening at its narration stage): collection stays off until the load is done."""
    start_up = paused_gc()
    start_up.__enter__()
    loading, release = threading.Event(), threading.Event()
    seen: list[bool] = []
    real_read = spelling._read

    def slow_read(path):
        loading.set()
        release.wait(10)
        seen.append(gc.isenabled())
        return real_read(path)

    spelling._read, worker = slow_read, None
    try:
        worker = threading.Thread(target=spelling.read_dictionary, args=(spelling.dictionary_path(),))
        worker.start()
        assert loading.wait(10)
        start_up.__exit__(None, None, None)  # the window is shown
        assert not gc.isenabled()  # the load goes on: still paused
        release.set()
        worker.join(60)
    finally:
        spelling._read = real_read
        release.set()
    assert seen == [False]
    assert gc.isenabled()  # back on once the load has ended
