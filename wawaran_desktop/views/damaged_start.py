"""A data file so damaged that it cannot be opened at all: nobody can sign in to it, so the start
offers the newest good backup at once (as ``python main.py restore`` does without sign-in; the
restored file's history says so). The damaged file is set aside as ``…-rusak``, never deleted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from wawaran_desktop import APP_NAME


def offer_restore(folder: Path, problem: object) -> bool | None:
    """Ask whether to restore the newest good backup of ``folder``: True when it was restored (the
    caller opens the folder again); False when the user declined (told what to do) or the restore
    was refused (told why); None when there is no good backup to offer (the caller says why the
    file cannot be opened)."""
    from wawaran_desktop.db.connection import close_database
    from wawaran_desktop.services.backup_files import newest_good
    from wawaran_desktop.services.clock import utc_now
    from wawaran_desktop.services.errors import ServiceError
    from wawaran_desktop.services.restore import restore_into

    good = newest_good(folder)
    if good is None:
        return None
    campaigns = f", {good.campaigns} kampanye" if good.campaigns is not None else ""
    answer = QMessageBox.question(
        None, "Basis data rusak",
        f"Aplikasi tidak dapat dibuka: {problem}\n\n"
        f"Cadangan terbaru yang utuh: {good.when_text} ({good.size_text}{campaigns}).\n"
        "Pulihkan cadangan itu sekarang? Berkas yang rusak disimpan di folder cadangan (tidak dihapus), "
        "dan pemulihan ini tercatat di riwayat. Isian sesudah cadangan itu dibuat tidak ada di dalamnya.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        QMessageBox.information(None, APP_NAME,
                                "Tidak ada yang diubah. Untuk memulihkan nanti: buka aplikasi lagi dan pilih Ya, "
                                "atau jalankan python main.py restore BERKAS (lihat Panduan Pengguna, Cadangan).")
        return False
    try:
        restore_into(folder, good.path, utc_now, None)
    except ServiceError as exc:
        QMessageBox.critical(None, APP_NAME, f"Cadangan tidak dapat dipulihkan: {exc}")
        return False
    finally:
        close_database()  # the caller opens the restored file as the window's own (one connection)
    return True
