"""Red wavy underlines under misspelt words, and a context menu with suggestions.

:class:`SpellHighlighter` asks a :class:`~wawaran_desktop.text.spelling.SpellChecker`
about each paragraph Qt re-highlights (only the edited one while typing); until a checker is
set it underlines nothing. :class:`SpellMenu` adds the suggestions for the misspelt word under
the mouse, and "Tambahkan ke daftar kata kantor", to an editor's context menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit
from shiboken6 import isValid

from wawaran_desktop.text.spelling import Span, SpellChecker
from wawaran_desktop.views import spell_loader

ADD_WORD_TEXT = "Tambahkan ke daftar kata kantor"
SEARCHING_TEXT = "Mencari saran…"
NO_SUGGESTIONS_TEXT = "(tidak ada saran)"
UNDERLINE = QColor("#d32f2f")


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.checker: SpellChecker | None = None
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(UNDERLINE)

    def set_checker(self, checker: SpellChecker | None) -> None:
        """Check with ``checker`` from now on (the whole document is checked at once)."""
        self.checker = checker
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if self.checker is None:
            return
        for span in self.checker.misspelt(text):
            start, end = utf16_index(text, span.start), utf16_index(text, span.end)
            self.setFormat(start, end - start, self._format)

    def count(self) -> int:
        """Misspelt words in the whole document (0 before a checker is set)."""
        if self.checker is None:
            return 0
        return len(self.checker.misspelt(self.document().toPlainText()))


class SpellMenu(QObject):
    """Spelling actions for the context menu of ``editor``.

    Suggestions not worked out before are asked of the spelling worker: the menu opens at
    once with "Mencari saran…", replaced by the suggestions when they arrive (bench/spelling.py).
    ``add_word(word)`` stores a word in the office list and returns True when it did; the
    checker then accepts it and the text is checked again.
    """

    def __init__(self, editor: QPlainTextEdit, highlighter: SpellHighlighter,
                 add_word: Callable[[str], bool]) -> None:
        super().__init__(editor)  # lives and dies with the editor (and so do its connections)
        self.editor = editor
        self.highlighter = highlighter
        self._add_word = add_word
        self._waiting: tuple[QMenu, QAction, QTextCursor, str] | None = None
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._show)
        spell_loader.worker().suggested.connect(self._suggested)

    def word_at(self, pos: QPoint) -> tuple[QTextCursor, Span] | None:
        """The misspelt word at ``pos`` (viewport coordinates), selected in a cursor."""
        checker = self.highlighter.checker
        if checker is None:
            return None
        cursor = self.editor.cursorForPosition(pos)
        block = cursor.block()
        text = block.text()
        offset = python_index(text, cursor.positionInBlock())
        for span in checker.misspelt(text):
            if span.start <= offset <= span.end:
                cursor.setPosition(block.position() + utf16_index(text, span.start))
                cursor.setPosition(block.position() + utf16_index(text, span.end),
                                   QTextCursor.MoveMode.KeepAnchor)
                return cursor, span
        return None

    def menu(self, pos: QPoint) -> QMenu:
        """The editor's standard menu, with spelling actions on top when ``pos`` is on a misspelt word."""
        menu = self.editor.createStandardContextMenu()
        found = self.word_at(pos)
        if found is None or self.editor.isReadOnly():
            return menu
        cursor, span = found
        first = menu.actions()[0] if menu.actions() else None
        placeholder = QAction(SEARCHING_TEXT, menu)
        placeholder.setEnabled(False)
        menu.insertAction(first, placeholder)
        add = QAction(ADD_WORD_TEXT, menu)
        add.triggered.connect(lambda _=False, w=span.word: self._add(w))
        menu.insertAction(first, add)
        menu.insertSeparator(first)
        checker = self.highlighter.checker
        cached = checker.cached_suggestions(span.word)
        self._waiting = (menu, placeholder, QTextCursor(cursor), span.word)
        if cached is not None:
            self._suggested(span.word, cached)
        else:
            spell_loader.worker().suggest(checker, span.word)
        return menu

    def _suggested(self, word: str, suggestions: list[str]) -> None:
        """Put the suggestions for ``word`` in the open menu (if it still waits for them)."""
        if self._waiting is None or self._waiting[3] != word or not isValid(self._waiting[0]):
            return
        menu, placeholder, cursor, _word = self._waiting
        self._waiting = None
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _=False, s=suggestion, c=QTextCursor(cursor): c.insertText(s))
            menu.insertAction(placeholder, action)
        if suggestions:
            menu.removeAction(placeholder)
        else:
            placeholder.setText(NO_SUGGESTIONS_TEXT)

    def _show(self, pos: QPoint) -> None:
        menu = self.menu(pos)
        menu.exec(self.editor.viewport().mapToGlobal(pos))
        self._waiting = None
        menu.deleteLater()

    def _add(self, word: str) -> None:
        checker = self.highlighter.checker
        if checker is not None and self._add_word(word):
            checker.add_office_word(word)
            self.highlighter.rehighlight()


def utf16_index(text: str, index: int) -> int:
    """A Python (code point) index into ``text`` as Qt's UTF-16 index."""
    if text.isascii() or max(text) <= "\uffff":
        return index
    return len(text[:index].encode("utf-16-le")) // 2


def python_index(text: str, index: int) -> int:
    """A Qt UTF-16 index into ``text`` as a Python (code point) index."""
    if text.isascii() or max(text) <= "\uffff":
        return index
    units = 0
    for position, ch in enumerate(text):
        if units >= index:
            return position
        units += 2 if ch > "\uffff" else 1
    return len(text)
