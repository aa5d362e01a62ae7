"""The one rule that turns working seconds into figures, and its agreement with the status."""

from __future__ import annotations

import pytest

from wawaran_desktop.text import durations
from wawaran_desktop.services.timing import StepState, StepStatus, Thresholds, status_of


@pytest.mark.parametrize(("seconds", "short", "long"), [
    (0, "0 mnt 00 dtk", "0 detik"), (0.999, "0 mnt 00 dtk", "0 detik"), (45, "0 mnt 45 dtk", "45 detik"),
    (60, "1 mnt 00 dtk", "1 menit"), (339, "5 mnt 39 dtk", "5 menit 39 detik"), (305.9, "5 mnt 05 dtk", "5 menit 5 detik"),
    (8060, "134 mnt 20 dtk", "134 menit 20 detik"), (-12, "0 mnt 00 dtk", "0 detik"),
])
def test_minutes_and_seconds_cut_to_the_second(seconds, short, long):
    assert durations.text(seconds) == short
    assert durations.words(seconds) == long


def test_against_and_over_the_standard():
    assert durations.against(725, 20) == "12 mnt 05 dtk / 20 mnt"
    assert durations.over(1625, 20) == "+7 mnt 05 dtk"
    assert durations.over(1200.9, 20) == ""  # exactly the standard, to the second


def test_a_spreadsheet_duration_is_the_same_whole_seconds_in_days():
    assert durations.excel(339.7) * 86_400 == pytest.approx(339)


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0 mnt"), (2700, "45 mnt"), (7500, "2 j 05 mnt"), (17 * 3600 + 59, "17 jam"), ((51 * 60 + 5) * 60, "2 hari 3 jam"),
])
def test_a_span_of_calendar_time(seconds, text):
    assert durations.span(seconds) == text


@pytest.mark.parametrize("percent", [80, 100, 113, 150])
@pytest.mark.parametrize("standard", [5, 20, 120])
def test_no_figure_contradicts_its_status(percent, standard):
    """Around every late limit, a late step's figure is past the limit and an on-time one's is not."""
    limits = Thresholds(at_risk=0.8, late=percent / 100)
    limit = standard * 60 * percent / 100
    for tenth in range(int(limit * 10) - 30, int(limit * 10) + 30):
        seconds = tenth / 10
        status = status_of(StepState.FINISHED, seconds, standard, limits)
        shown = durations.whole(seconds)  # what text() prints, to the second
        minutes, secs = divmod(shown, 60)
        assert durations.text(seconds) == f"{minutes} mnt {secs:02d} dtk"
        if status is StepStatus.LATE:
            assert shown > limit
        else:
            assert status is StepStatus.ON_TIME and shown <= limit
