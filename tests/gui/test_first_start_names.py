"""The first start's user names (services/first_start.py, Qt-free): suggested from a person's name
and from the PC's user name."""

from __future__ import annotations

import pytest

from wawaran_desktop.services.accounts import check_username
from wawaran_desktop.services.first_start import suggest_username, windows_username


@pytest.mark.parametrize("name, taken, expected", [
    ("Siti Rahmawati", (), "siti_rahmawati"),
    ("Drs. Heru Prasetyo, M.Si", (), "heru_prasetyo"),  # titles and degrees left out
    ("Dewi Ayu Lestari, S.I.Kom", (), "dewi_lestari"),  # the first and the last word
    ("Agus", (), "agus"),
    ("Ṣiti Nur'aini", (), "siti_nuraini"),  # letters outside a–z by their plain form
    ("Budi Santoso", ("budi_santoso",), "budi_santoso2"),
    ("Budi Santoso", ("budi_santoso", "budi_santoso2"), "budi_santoso3"),
    ("123 Operator", (), "p123_operator"),  # a user name starts with a letter
    ("X", (), "x1"),  # and has two characters at least
    ("  ", (), "petugas"),
])
def test_a_user_name_is_suggested_from_the_name(name, taken, expected):
    suggestion = suggest_username(name, taken)
    assert suggestion == expected
    assert check_username(suggestion) == suggestion


@pytest.mark.parametrize("login, expected", [
    ("Siti.R", "siti_r"), ("heru-prasetyo", "heru_prasetyo"), ("Administrator", ""), ("user", ""),
    ("pg_admin", ""), ("7", ""),
])
def test_the_pcs_user_name_is_offered_when_it_names_a_person(monkeypatch, login, expected):
    monkeypatch.setattr("getpass.getuser", lambda: login)
    assert windows_username() == expected


def test_the_pcs_user_name_is_not_offered_when_taken(monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "siti")
    assert windows_username({"siti"}) == ""
