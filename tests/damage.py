"""A data file damaged as a bad sector damages it, for the integrity and restore tests.

``fill_reports`` gives the report table pages of its own (long reports), ``damage_table`` then
overwrites some of them with garbage on the closed file, found with SQLite's ``dbstat``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

PAGE = 4096


def fill_reports(db_path: Path, campaigns: list[int]) -> None:
    """A long report for each campaign (the stage's table, written as the stage stores it)."""
    con = sqlite3.connect(db_path)
    con.executemany("INSERT INTO report (campaign_id, body, version) VALUES (?, ?, 1)",
                    [(cid, f"Laporan kegiatan wawaran {cid}. " + "Warga antusias mendengarkan. " * 400)
                     for cid in campaigns])
    con.commit()
    con.close()


def damage_table(db_path: Path, table: str, pages: int) -> list[int]:
    """Garbage over ``pages`` of ``table``'s own pages (its first page left); their numbers."""
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        numbers = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))]
    finally:
        con.close()
    assert len(numbers) > pages, f"{table} has {len(numbers)} pages, fewer than {pages} to damage"
    chosen = numbers[1:1 + pages]
    with open(db_path, "r+b") as stream:
        for page in chosen:
            stream.seek((page - 1) * PAGE)
            stream.write(bytes((i * 37 + 11) % 256 for i in range(PAGE)))
    return chosen
