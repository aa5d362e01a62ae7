"""What a database error means for the person, in Indonesian (issue 16: every fault told plainly).

The engines' own words (SQLite's ``database or disk is full``, ``database is locked``, ``attempt to
write a readonly database``, ``disk I/O error``, ``database disk image is malformed``) are turned
into a sentence that says what happened and what to do; the command line prints it as its
``galat:`` line, and the window may show it. :func:`describe` gives None for an error it does not
know, which stays an unexpected one (logged with its details).
"""

from __future__ import annotations

import errno

SAVED_BEFORE = " Data yang sudah tersimpan sebelumnya tetap aman; tindakan terakhir tidak tersimpan."


#: SQLite's result codes that mean the file itself is damaged (or not a database): SQLITE_CORRUPT,
#: SQLITE_NOTADB. A locked, busy, unreadable or full file is not damaged and is never restored over.
DAMAGE_CODES = (11, 26)


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` says the database file is damaged (not merely locked, busy or unreadable now)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in DAMAGE_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def describe(exc: BaseException) -> str | None:
    """The Indonesian sentence for a database (or file) error, or None when it is not one we know."""
    text = str(exc).lower()
    if "disk is full" in text or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return "Penyimpanan komputer penuh: kosongkan ruang disk, lalu ulangi." + SAVED_BEFORE
    if "database is locked" in text or "database table is locked" in text:
        return ("Basis data sedang dikunci oleh program lain lebih dari 5 detik (Wawaran Desktop di jendela lain, "
                "atau perintah lain pada folder data yang sama): tunggu sampai selesai atau tutup program itu, lalu "
                "ulangi." + SAVED_BEFORE)
    if "readonly" in text or "read-only" in text:
        return ("Basis data atau foldernya tidak dapat ditulis: periksa izin folder data (atau pilih folder lain "
                "dengan --data-dir)." + SAVED_BEFORE)
    if "disk i/o error" in text or (isinstance(exc, OSError) and exc.errno in (errno.EIO, errno.EFBIG)):
        return ("Penyimpanan komputer gagal menulis atau membaca (galat I/O: diska rusak, dilepas, atau batas ukuran "
                "berkas): periksa diskanya, lalu ulangi; bila berulang, jalankan python main.py check." + SAVED_BEFORE)
    if "malformed" in text or "not a database" in text:
        return ("Basis data rusak: jalankan python main.py check untuk melihat jalan keluarnya (memulihkan cadangan "
                "baik terbaru).")
    return None
