"""One counted pause of Python's cyclic garbage collector, shared by everything that needs it.

Start-up, a background job gathering a million rows and the spelling dictionary's load all
make many objects that live on, and a collection pass over them holds the GIL long enough
to freeze the window (bench/workbook.py measures the stalls). Each pauses collection around
its work. The pauses overlap — the dictionary starts loading on a worker while the window is
still being built — so they are counted: collection resumes when the last one ends, and only
if it was on when the first began. (Each checking ``gc.isenabled()`` for itself would let the
first to end switch collection back on under the others, or leave it off for good.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausers = 0  # pauses in progress
_was_enabled = True  # whether collection was on when the first of them began


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause cyclic garbage collection for the block; overlapping blocks, in any threads,
    resume it once, when the last ends."""
    global _pausers, _was_enabled
    with _lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0 and _was_enabled:
                gc.enable()
