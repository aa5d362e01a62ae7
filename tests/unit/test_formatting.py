"""Indonesian official formats: dates with the month in full, WIB times, NIP spacing."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from wawaran_desktop.services.clock import from_db, to_db, wib_day_start_utc
from wawaran_desktop.text.formatting import (
    clock_time,
    date_time,
    long_date,
    nip_display,
    short_date,
)

UTC = timezone.utc


def test_long_date_of_a_calendar_day():
    assert long_date(date(2026, 11, 26)) == "Kamis, 26 November 2026"


def test_aware_utc_evening_is_already_the_next_day_in_wib():
    evening_utc = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # 03.00 WIB on the 26th
    assert long_date(evening_utc) == "Kamis, 26 November 2026"
    assert short_date(evening_utc) == "26 November 2026"
    assert clock_time(evening_utc) == "03.00"


def test_naive_datetime_is_taken_as_written():
    assert long_date(datetime(2026, 11, 25, 20, 0)) == "Rabu, 25 November 2026"


@pytest.mark.parametrize(
    ("day", "name"),
    [(23, "Senin"), (24, "Selasa"), (25, "Rabu"), (26, "Kamis"), (27, "Jumat"), (28, "Sabtu"), (29, "Minggu")],
)
def test_every_weekday_name(day: int, name: str):
    assert long_date(date(2026, 11, day)) == f"{name}, {day} November 2026"


def test_every_month_name_in_full():
    months = [short_date(date(2026, m, 1)).split()[1] for m in range(1, 13)]
    assert months == ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                      "Agustus", "September", "Oktober", "November", "Desember"]


def test_clock_time_is_wib_with_a_dot():
    assert clock_time(datetime(2026, 11, 26, 8, 0, tzinfo=UTC)) == "15.00"
    assert clock_time(datetime(2026, 11, 26, 2, 5, tzinfo=UTC)) == "09.05"


def test_date_time_as_official_letters_write_it():
    assert date_time(datetime(2026, 11, 26, 8, 0, tzinfo=UTC)) == "26 November 2026 pukul 15.00 WIB"


def test_nip_display_groups_the_eighteen_digits():
    assert nip_display("197301041997032001") == "19730104 199703 2 001"
    assert nip_display(None) == ""
    assert nip_display("") == ""


def test_storage_round_trip_is_naive_utc():
    stored = to_db(datetime(2026, 11, 26, 8, 0, tzinfo=UTC))
    assert stored == datetime(2026, 11, 26, 8, 0) and stored.tzinfo is None
    assert from_db(stored) == datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    assert from_db("2026-11-26 08:00:00") == datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    assert from_db(None) is None
    with pytest.raises(ValueError):
        to_db(datetime(2026, 11, 26, 8, 0))


def test_wib_day_starts_at_17_utc_the_day_before():
    assert wib_day_start_utc(date(2026, 11, 26)) == datetime(2026, 11, 25, 17, 0, tzinfo=UTC)
