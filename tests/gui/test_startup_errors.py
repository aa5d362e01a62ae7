"""What the user sees when the data folder cannot be opened."""

from __future__ import annotations

import hashlib
import sqlite3

from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.app import open_workspace_or_explain
from wawaran_desktop.db.migrations import LATEST_VERSION


def test_newer_database_is_explained_and_untouched(qtbot, tmp_path, modals):
    db = tmp_path / "wawaran.sqlite3"
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    con.execute("CREATE TABLE future (x)")
    con.commit()
    con.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    texts: list[str] = []

    def read_and_close(box):
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    modals.then(read_and_close)
    assert open_workspace_or_explain(str(tmp_path)) is None
    assert "versi Wawaran Desktop yang lebih baru" in texts[0]
    assert "Berkas tidak diubah" in texts[0]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_not_a_database_is_explained(qtbot, tmp_path, modals):
    (tmp_path / "wawaran.sqlite3").write_text("bukan basis data")
    texts: list[str] = []
    modals.then(lambda box: (texts.append(box.text()), box.accept()))
    assert open_workspace_or_explain(str(tmp_path)) is None
    assert "rusak atau bukan basis data SQLite" in texts[0]


def test_a_file_that_cannot_be_opened_is_restored_from_the_newest_good_backup_on_request(
        qtbot, tmp_path, modals):
    """Nobody can sign in to a file that cannot be opened at all: the start offers the newest good
    backup (issue 16); the damaged file is set aside, not deleted, and the restore is in the history."""
    from wawaran_desktop.db.models import AuditEntry
    from wawaran_desktop.services.workspace import open_workspace

    ws = open_workspace(tmp_path)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    ws.campaigns.create(sub.id, "Wawaran Pencegahan DBD", "3M Plus")
    ws.backups.create()
    ws.close()
    db = tmp_path / "wawaran.sqlite3"
    db.write_bytes(b"\0" * 4096 + db.read_bytes()[4096:])  # the header page gone: SQLite cannot open it
    texts: list[str] = []

    def restore(box):
        assert isinstance(box, QMessageBox) and box.windowTitle() == "Basis data rusak"
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    modals.then(restore)
    restored = open_workspace_or_explain(str(tmp_path))
    assert restored is not None
    try:
        assert "Cadangan terbaru yang utuh" in texts[0] and "1 kampanye" in texts[0]
        assert [c.title for c in restored.campaigns.list()] == ["Wawaran Pencegahan DBD"]
        assert AuditEntry.select().where(AuditEntry.action == "restore").exists()
        assert any("rusak" in p.name for p in (tmp_path / "backups").iterdir())  # kept, not deleted
    finally:
        restored.close()


def test_declining_the_restore_changes_nothing_and_says_how_to_restore_later(qtbot, tmp_path, modals):
    from wawaran_desktop.services.workspace import open_workspace

    ws = open_workspace(tmp_path)
    ws.backups.create()
    ws.close()
    db = tmp_path / "wawaran.sqlite3"
    db.write_bytes(b"\0" * 4096 + db.read_bytes()[4096:])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    texts: list[str] = []
    modals.then(lambda box: box.button(QMessageBox.StandardButton.No).click())
    modals.then(lambda box: (texts.append(box.text()), box.accept()))
    assert open_workspace_or_explain(str(tmp_path)) is None
    assert "Tidak ada yang diubah" in texts[0] and "restore" in texts[0]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
