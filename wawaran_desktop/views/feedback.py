"""Messages and questions to the user, in Indonesian."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from wawaran_desktop.services.errors import ReasonRequired, ServiceError


def warn(parent: QWidget | None, text: str, title: str = "Tidak dapat dilakukan") -> None:
    QMessageBox.warning(parent, title, text)


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """A multi-line reason, or None when the user cancels or leaves it empty."""
    text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
    text = text.strip()
    return text if ok and text else None


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
        try:
            action(reason=reason)
            return True
        except ServiceError as again:
            warn(parent, str(again))
            return False
    except ServiceError as exc:
        warn(parent, str(exc))
        return False
