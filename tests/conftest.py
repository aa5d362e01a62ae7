"""Shared test setup: Qt runs offscreen unless ``--onscreen`` is given."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

# The offscreen platform's default 800x800 screen is smaller than any office PC; give it
# the common 1366x768 laptop screen, so window sizes behave as on the office's machines.
SCREEN_CONFIG = Path(__file__).with_name("offscreen_screen.json")


def pytest_addoption(parser):
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on a real display")


def pytest_configure(config):
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"


@pytest.fixture
def machine_zone():
    """Set the machine's time zone for this test (``machine_zone("Pacific/Kiritimati")``), as
    CI in another country would have it; restored afterwards."""
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
