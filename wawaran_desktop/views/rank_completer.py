"""Suggestions for a typed rank (pangkat/golongan): the civil-service ranks in a popup list.

Qt's default completion for an editable combo box fills the rest in as one types, so
"Penata" followed by *Simpan* would store "Penata Muda (III/a)". Here suggestions only
show in a list (matching anywhere, in any case: "iii/b" finds "Penata Muda Tingkat I
(III/b)"), and what is typed is what is stored — except that a whole rank typed in other
letter case takes the list's spelling ("pembina (iv/a)" becomes "Pembina (IV/a)").
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from wawaran_desktop.services.staff import PNS_RANKS


def rank_suggestions(completer: QCompleter) -> QCompleter:
    """Set ``completer`` (an editable combo box's own) to suggest in a popup only."""
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def suggest_ranks(edit: QLineEdit) -> QCompleter:
    """Give ``edit`` the civil-service ranks as popup suggestions."""
    completer = QCompleter(QStringListModel(list(PNS_RANKS), edit), edit)
    edit.setCompleter(rank_suggestions(completer))
    return completer
