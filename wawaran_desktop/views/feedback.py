"""Messages and questions to the user, in Indonesian."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from wawaran_desktop.services.errors import ReasonRequired, ServiceError
from wawaran_desktop.services.lanes import OutsideLane

#: Who takes care of a lost connection to the database server (views/live_updates.py: a
#: banner, reconnecting, storing the typing again): each returns True when ``exc`` was that.
connection_lost_handlers: list[Callable[[BaseException], bool]] = []

CONNECTION_LOST_TEXT = ("Koneksi ke server basis data terputus, jadi tindakan ini belum tercatat. "
                        "Isian yang Anda ketik tetap di layar dan disimpan setelah tersambung kembali; "
                        "ulangi tindakan ini setelah itu.")


def connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` is a lost server connection, which a handler has taken care of."""
    return any(handler(exc) for handler in list(connection_lost_handlers))


def warn(parent: QWidget | None, text: str, title: str = "Tidak dapat dilakukan") -> None:
    QMessageBox.warning(parent, title, text)


def go_on_unsaved(parent: QWidget, doing: str) -> bool:
    """Something typed could not be stored (the open tab says why: an orange bar when another PC
    changed it): ask whether to go on ``doing`` (``tutup aplikasi``, ``ganti pengguna``) anyway."""
    answer = QMessageBox.question(
        parent, "Perubahan belum tersimpan",
        "Sebagian isian belum tersimpan: lihat pesan pada tab yang terbuka (bar jingga: isian itu diubah di "
        f"komputer lain). Tetap {doing}? Isian yang belum tersimpan akan hilang.")
    return answer == QMessageBox.StandardButton.Yes


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """A multi-line reason, or None when the user cancels. OK with nothing typed says that a
    reason is needed and asks again, rather than silently doing nothing."""
    while True:
        text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
        if not ok:
            return None
        if text.strip():
            return text.strip()
        warn(parent, "Alasan wajib diisi. Tulis alasannya, atau pilih Batal.", title)


def attempt(parent: QWidget | None, action) -> bool:
    """Call ``action()``; a refusal is shown as a warning, any other failure (a locked or
    full disk, a damaged file) is logged and explained. Returns True when it succeeded. An
    administrator refused outside their lane is asked for the reason (:func:`offer_override`)
    and the action tried again."""
    try:
        action()
        return True
    except OutsideLane as exc:
        if exc.overridable:
            return offer_override(parent, exc) and attempt(parent, action)
        warn(parent, str(exc))
    except ServiceError as exc:
        warn(parent, str(exc))
    except Exception as exc:  # noqa: BLE001 - the user must hear of it, and the app go on
        if connection_lost(exc):
            warn(parent, CONNECTION_LOST_TEXT, "Belum tersimpan")
            return False
        from wawaran_desktop.views import error_report

        error_report.report(exc)
    return False


def run_with_reason(parent: QWidget | None, action, title: str) -> bool:
    """Call ``action(reason=None)``; when the rules need a reason, ask for it and retry.

    Returns True when the action was stored. Every refusal is shown to the user.
    """
    try:
        action(reason=None)
        return True
    except ReasonRequired as exc:
        reason = ask_reason(parent, title, f"{exc}\n\nAlasan:")
        if reason is None:
            return False
        return attempt(parent, lambda: action(reason=reason))
    except OutsideLane as exc:
        if exc.overridable:
            return offer_override(parent, exc) and run_with_reason(parent, action, title)
        warn(parent, str(exc))
        return False
    except ServiceError as exc:
        warn(parent, str(exc))
        return False
    except Exception as exc:  # noqa: BLE001
        if connection_lost(exc):
            warn(parent, CONNECTION_LOST_TEXT, "Belum tersimpan")
            return False
        from wawaran_desktop.views import error_report

        error_report.report(exc)
        return False


def offer_override(parent: QWidget | None, exc: OutsideLane) -> bool:
    """An administrator refused outside the step's lanes: ask why they act there and record it in
    the history (``ws.lanes.override``); True when recorded, so the caller tries again. False
    when they cancel (the refusal was in the question) or the window has no workspace."""
    ws = getattr(parent.window(), "ws", None) if parent is not None else None
    if ws is None or exc.actor_id is None or exc.campaign_id is None:
        warn(parent, str(exc))
        return False
    reason = ask_reason(parent, "Bertindak di luar lajur", f"{exc}\n\nAlasan (dicatat di riwayat):")
    if reason is None:
        return False
    return attempt(parent, lambda: ws.lanes.override(exc.actor_id, exc.campaign_id, exc.no, reason))
