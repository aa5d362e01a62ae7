"""Issue 15's trial at 125% and 150% display scaling on the office's 1366x768 laptop screen.

The by-hand walk (test_full_campaign_by_hand.py: the staff directory, a new campaign, all nine
stages by mouse and keyboard, every document exported, a restart) runs again in a process of its
own with Qt's scale factor set, as Windows' display scaling sets it: the screen is then 1093x614
(125%) or 911x512 (150%) device-independent pixels. Every widget the walk clicks or types in must
be on screen and reachable (tests/reach.py), every menu must fit the screen, and the window and
each dialog must fit in it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
WALK = TESTS / "gui" / "test_full_campaign_by_hand.py"


@pytest.mark.parametrize("factor, logical", [("1.25", "1093x614"), ("1.5", "911x512")])
def test_the_whole_campaign_by_hand_at_display_scaling(factor, logical):
    env = dict(os.environ, QT_SCALE_FACTOR=factor, WAWARAN_EXPECT_SCREEN=logical)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(WALK)],
                            cwd=TESTS.parent, env=env, capture_output=True, text=True, timeout=1200)
    tail = result.stdout[-8000:] + result.stderr[-2000:]
    assert result.returncode == 0, f"at {factor}:\n{tail}"
    assert "1 passed" in result.stdout, tail
