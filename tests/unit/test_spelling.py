"""Spell checking with the shipped id_ID dictionary and the office word list."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wawaran_desktop import paths
from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.db.stage_models import OfficeWord
from wawaran_desktop.services import office_words, wilayah
from wawaran_desktop.services.errors import NotFound, ValidationError
from wawaran_desktop.text import spelling


class CountingDictionary:
    """The real spylls dictionary, counting how often a word is looked up."""

    def __init__(self, dictionary) -> None:
        self.dictionary = dictionary
        self.lookups = 0

    def lookup(self, word: str) -> bool:
        self.lookups += 1
        return self.dictionary.lookup(word)

    def suggest(self, word: str):
        return self.dictionary.suggest(word)


@pytest.fixture(scope="module")
def dictionary():
    return spelling.load_dictionary()


@pytest.fixture
def checker(dictionary):
    return spelling.SpellChecker(dictionary, ["wawaran", "Diskominfo", "Sub Kor", "Tangerang"])


def words(spans):
    return [span.word for span in spans]


def test_tokens_skip_numbers_urls_acronyms_and_words_with_digits():
    text = ("Lihat https://tangerangkota.go.id/berita atau www.tangerangkota.go.id, tulis ke "
            "info@tangerangkota.go.id; bayar PBB-P2 dan 3M Plus di RT 05 masing-masing Jum'at "
            "pukul 15.00 WIB. DIKP hadir, PUSKESMAS buka.")
    spans = list(spelling.tokens(text))
    assert words(spans) == ["Lihat", "atau", "tulis", "ke", "bayar", "dan", "Plus", "di",
                            "masing-masing", "Jum'at", "pukul", "hadir", "PUSKESMAS", "buka"]
    for span in spans:
        assert text[span.start:span.end] == span.word


def test_misspelt_words_with_their_positions(checker):
    text = "Selamat pagi, warga yang kami hormati. Ini pengumumam penting bagi masyarakt."
    found = checker.misspelt(text)
    assert words(found) == ["pengumumam", "masyarakt"]
    assert text[found[0].start:found[0].end] == "pengumumam"
    assert checker.misspelt("Mari kita bersama-sama menjaga kebersihan lingkungan masing-masing.") == []


def test_office_words_pass_in_any_case_and_capitalised_words_when_known(checker):
    assert checker.misspelt("Diskominfo diskominfo DISKOMINFO wawaran Wawaran Tangerang") == []
    assert checker.misspelt("Rumah Bersih, Keluarga Sehat. MASYARAKAT") == []  # capitals of known words
    assert words(checker.misspelt("Sub Kor dan Subkor")) == ["Subkor"]  # each word of an entry
    assert checker.misspelt("DBD PBB RT RW BPJS KTP") == []  # acronyms are not checked
    assert words(checker.misspelt("JUMANTIKX")) == ["JUMANTIKX"]  # longer than an acronym


def test_particles_and_hyphenated_parts_are_understood(checker):
    assert checker.misspelt("Periksalah, apakah rumahnya bersih? Ayolah, se-Kota bersama-sama, "
                            "KTP-nya dan rumah-rumah warga.") == []
    assert words(checker.misspelt("Periksaxlah rumah-rumahx se-kota nya-rumah")) == [
        "Periksaxlah", "rumah-rumahx", "se-kota", "nya-rumah"]


def test_repeated_words_are_looked_up_once(dictionary):
    counting = CountingDictionary(dictionary)
    checker = spelling.SpellChecker(counting, ["wawaran"])
    text = "warga warga Warga wawaran pengumumam warga pengumumam"
    assert words(checker.misspelt(text)) == ["pengumumam", "pengumumam"]
    assert counting.lookups == 3  # warga, Warga, pengumumam (wawaran is an office word)
    counting.lookups = 0
    checker.misspelt(text)
    assert counting.lookups == 0


def test_adding_and_removing_an_office_word_changes_the_answer(checker):
    text = "Kader jumantik di Cipondoh"
    assert words(checker.misspelt(text)) == ["jumantik", "Cipondoh"]
    checker.add_office_word("Jumantik")
    assert words(checker.misspelt(text)) == ["Cipondoh"]
    checker.remove_office_word("jumantik")
    assert words(checker.misspelt(text)) == ["jumantik", "Cipondoh"]


def test_suggestions_are_few_and_office_words_come_first(checker):
    assert "pengumuman" in checker.suggest("pengumumam")
    assert checker.suggest("Tangerrang")[0] == "Tangerang"
    assert checker.suggest("diskominvo")[0] == "Diskominfo"  # as the office writes it
    assert len(checker.suggest("anu")) <= spelling.MAX_SUGGESTIONS
    assert checker.suggest("pengumumam") == checker.suggest("pengumumam")  # cached, same answer


def test_missing_dictionary_file_is_reported(tmp_path):
    (tmp_path / "xx_XX.aff").write_text("SET UTF-8\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="xx_XX.dic"):
        spelling.load_dictionary(tmp_path / "xx_XX")


def test_dictionary_ships_with_its_licence_and_readme():
    folder = paths.resource("dictionaries")
    licence = (folder / "LICENSE-id_ID.txt").read_text(encoding="utf-8")
    assert "Ali Ahmadi" in licence and "License: LGPL-3" in licence
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licence and "GNU GENERAL PUBLIC LICENSE" in licence
    assert "TERMS AND CONDITIONS" in licence  # the full GPL text, not a pointer to it
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "1:7.5.0-1" in readme and "How to update" in readme
    assert (folder / "id_ID.aff").is_file() and (folder / "id_ID.dic").stat().st_size > 300_000


def test_start_up_does_not_import_the_spell_checker():
    code = ("import sys, wawaran_desktop.app, wawaran_desktop.views.main_window; "
            "print(sorted(m for m in sys.modules if m.startswith('spylls')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            check=True)
    assert result.stdout.strip() == "[]"


# -- the office word list ----------------------------------------------------------------
def test_office_words_are_seeded_once_with_every_area_and_the_office_jargon(ws):
    office = office_words.OfficeWords(ws)
    seeded = office.words()
    areas = wilayah.load()
    names = {a.name for a in areas.kecamatan} | {a.name for k in areas.kelurahan.values() for a in k}
    assert len(names) > 100
    lowered = {w.casefold() for w in seeded}
    assert {n.casefold() for n in names} <= lowered
    for word in office_words.SEED_WORDS:
        assert word.casefold() in lowered
    assert len(seeded) == len(lowered)  # no duplicates ("Tangerang" is also a kecamatan)
    office.ensure_seeded()
    assert office.words() == seeded
    assert all(record.added_by_name is None for record in office.list())


def test_a_removed_seed_word_stays_removed(ws, actor):
    office = office_words.OfficeWords(ws)
    office.words()
    office.remove(actor.id, "KERNET")
    office.ensure_seeded()
    assert "kernet" not in office.words()
    assert AuditEntry.get(AuditEntry.action == "office_word_remove").detail == "kernet"


def test_users_add_words_with_their_name(ws, actor, clock):
    office = office_words.OfficeWords(ws)
    record = office.add(actor.id, "  jumantik ")
    assert record.word == "jumantik" and record.added_by_name == actor.name
    assert record.added_at == clock.now()
    assert "jumantik" in office.words()
    assert OfficeWord.get(OfficeWord.word == "jumantik").added_by_id == actor.id
    assert AuditEntry.get(AuditEntry.action == "office_word_add").actor_id == actor.id
    office.add(actor.id, "Satu  Rumah Satu Jumantik")  # inner spaces collapsed
    assert "Satu Rumah Satu Jumantik" in office.words()


def test_bad_or_duplicate_words_are_refused_and_nothing_stored(ws, actor):
    office = office_words.OfficeWords(ws)
    before = office.words()
    for bad, message in [("", "wajib diisi"), ("   ", "wajib diisi"), ("3M", "hanya boleh berisi huruf"),
                         ("kata!", "hanya boleh berisi huruf"), ("x" * 101, "terlalu panjang"),
                         ("WAWARAN", "sudah ada"), ("diskominfo", "sudah ada")]:
        with pytest.raises(ValidationError, match=message) as caught:
            office.add(actor.id, bad)
        assert caught.value.field == "word"
    with pytest.raises(ValidationError, match="Pilih petugas"):
        office.add(None, "jumantik")
    with pytest.raises(NotFound, match="tidak ada di daftar"):
        office.remove(actor.id, "jumantik")
    assert office.words() == before
    assert AuditEntry.select().where(AuditEntry.action.startswith("office_word")).count() == 0


def test_a_narrations_usual_words_pass_once_the_office_words_are_seeded(ws, dictionary):
    """Greeting, appeal and closing as the office writes them: none is flagged."""
    text = ("Assalamualaikum warahmatullahi wabarakatuh. Warga diimbau waspadai banjir dan manfaatkan "
            "layanan darurat; hubungi 112. Wassalamualaikum warahmatullahi wabarakatuh.")
    assert words(spelling.SpellChecker(dictionary).misspelt(text))  # the dictionary alone flags some
    checker = spelling.SpellChecker(dictionary, office_words.OfficeWords(ws).words())
    assert words(checker.misspelt(text)) == []
