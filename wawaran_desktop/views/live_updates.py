"""Live: what another PC (or another process on the same file) changed appears in this window
within a second or two, and a lost connection to the office's server is said, survived and
mended.

``install(host, reload_changed)`` starts a :class:`~wawaran_desktop.workers.ChangeFeed` (the
server's change notices, or a file's commit count) and, a moment after news arrives, calls
``reload_changed(campaign_ids)`` — the window's own refresh (``MainWindow.reload_changed``: the
campaign list keeping its selection, the open campaign's stage tabs, which the swimlane and
the timeline follow through ``record_shown``). Each stage panel keeps the text typed but not yet
stored through a reload; what has focus keeps it, with its cursor and selection. The office's
thresholds are read again too (``Workspace.thresholds`` is otherwise read once, at open).

A lost connection (the server stopped, the network dropped): a banner says so
(:mod:`.connection_banner`); what is typed stays; an error raised by a save (in a panel's
``act``, through ``feedback.attempt`` or out of any slot) becomes that banner instead of the
crash dialog. Once the listener hears the server again, the window's own connection is
replaced, what was typed meanwhile is stored (``host.flush()``), everything is read again
(notices sent meanwhile were lost), and the banner says "Tersambung kembali.".
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from wawaran_desktop import workers
from wawaran_desktop.services import timing_settings
from wawaran_desktop.views import feedback
from wawaran_desktop.views.connection_banner import ConnectionBanner
from wawaran_desktop.views.feature_host import FeatureHost

#: News is gathered this long before the window reads again (a burst of commits: one read).
GATHER_MS = 150
#: While the connection is lost, how often the window tries its own connection again (only
#: once the listener hears the server: a connect to a server that is down may block).
RETRY_MS = 1000

ReloadChanged = Callable[[frozenset[int] | None], None]

_controllers: weakref.WeakSet[LiveUpdates] = weakref.WeakSet()


class LiveUpdates(QObject):
    """The window's live updates and connection watch (see the module's docstring)."""

    def __init__(self, host: FeatureHost, reload_changed: ReloadChanged) -> None:
        super().__init__(host)
        self.host = host
        self._reload_changed = reload_changed
        self._banner: ConnectionBanner | None = None  # made when first needed (start-up counts)
        self.feed = workers.ChangeFeed(self)
        #: True from a lost connection until the window's own connection works again.
        self.down = False
        self._everything = False  # news gathered: anything may have changed
        self._ids: set[int] = set()  # news gathered: these campaigns changed
        self._gather = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._gather.timeout.connect(self.refresh)
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self.try_reconnect)
        self.feed.changed.connect(self._heard)
        self.feed.lost.connect(self.connection_lost)
        self.feed.restored.connect(self.try_reconnect)
        _controllers.add(self)
        if _handle_lost not in feedback.connection_lost_handlers:
            feedback.connection_lost_handlers.append(_handle_lost)
        _install_excepthook()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.feed.stop)
        stop = self.feed.stop
        host.destroyed.connect(lambda *_args: stop())
        self.feed.start()

    @property
    def banner(self) -> ConnectionBanner:
        if self._banner is None:
            self._banner = ConnectionBanner(self.host)
        return self._banner

    # -- news -----------------------------------------------------------------------------
    def _heard(self, ids: frozenset[int] | None) -> None:
        if ids is None:
            self._everything = True
        else:
            self._ids |= ids
        if not self._gather.isActive():
            self._gather.start()

    def refresh(self) -> None:
        """Read again what the news gathered so far names (everything after a reconnect)."""
        if self.down or not self.host.isVisible():
            return  # down: read everything once reconnected; closed: nothing to show
        ids = None if self._everything else frozenset(self._ids)
        self._everything, self._ids = False, set()
        if ids is not None and not ids:
            return
        try:
            if ids is None:
                self._reload_thresholds()
            with _focus_kept():
                self._reload_changed(ids)
        except Exception as exc:
            if not self.handle_error(exc):
                raise
            self._everything = True  # not read: read everything once reconnected

    def _reload_thresholds(self) -> None:
        ws = self.host.ws
        thresholds = timing_settings.load(ws.settings)
        if thresholds != ws.thresholds:
            ws.thresholds = thresholds
            self.host.thresholds_changed.emit()

    # -- a lost connection ----------------------------------------------------------------
    def handle_error(self, exc: BaseException) -> bool:
        """True when ``exc`` is a lost connection to the server (the banner then says so and
        the window tries to reconnect); False for any other error."""
        if not self.feed.connection_lost(exc):
            return False
        self.connection_lost(str(exc))
        return True

    def connection_lost(self, _reason: str = "") -> None:
        if not self.down:
            self.down = True
            self.banner.show_lost()
            self.host.statusBar().showMessage("Koneksi ke server basis data terputus.", 10_000)
        if not self._retry.isActive():
            self._retry.start()

    def try_reconnect(self) -> None:
        """Once the server answers: a new connection, the typing stored, everything read again."""
        if self.feed.server and not self.feed.listening:
            return  # the server is still out of reach: the listener says when it is back
        if not self.feed.reconnect():
            if not self.down:
                self.connection_lost()
            return
        self._retry.stop()
        was_down, self.down = self.down, False
        try:
            self.host.flush()  # what was typed while the server was away (a refusal stays shown)
        except Exception as exc:
            if not self.handle_error(exc):
                raise
            return
        self._heard(None)  # the notices sent meanwhile were lost
        if was_down:
            self.banner.show_restored()
            self.host.statusBar().showMessage("Tersambung kembali.", 5000)

    def stop(self) -> None:
        self._retry.stop()
        self._gather.stop()
        self.feed.stop()


def _handle_lost(exc: BaseException) -> bool:
    """``feedback.connection_lost``'s handler: every open window whose connection ``exc`` says was
    lost shows its banner and reconnects."""
    handled = [c.handle_error(exc) for c in list(_controllers) if isValid(c)]  # every window on it
    return any(handled)


def _install_excepthook() -> None:
    """A lost connection raised out of a slot (a panel's autosave, a tab switch) shows the banner
    instead of the crash dialog (``error_report``), whose hook gets every other error."""
    previous = sys.excepthook
    if getattr(previous, "wawaran_live", False):
        return

    def hook(exc_type, exc, tb) -> None:
        if not _handle_lost(exc):
            previous(exc_type, exc, tb)

    hook.wawaran_live = True  # type: ignore[attr-defined]
    sys.excepthook = hook


@contextmanager
def _focus_kept() -> Iterator[None]:
    """Keep the focus, and a text field's cursor, selection and scroll, where they were across
    a reload (a field whose text the reload kept is not moved)."""
    widget = QApplication.focusWidget()
    state = _text_state(widget)
    try:
        yield
    finally:
        if widget is not None and isValid(widget) and widget.isVisible():
            if state is not None and _text_state(widget, text_only=True) == state[:1]:
                _restore_text_state(widget, state)
            if QApplication.focusWidget() is not widget and widget.isEnabled():
                widget.setFocus()


def _text_state(widget: QWidget | None, text_only: bool = False) -> tuple | None:
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit  # on a reload, not at start-up

    if isinstance(widget, QLineEdit):
        text = widget.text()
        if text_only:
            return (text,)
        return text, widget.cursorPosition(), widget.selectionStart(), len(widget.selectedText())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        text = widget.toPlainText()
        if text_only:
            return (text,)
        cursor = widget.textCursor()
        return text, cursor.position(), cursor.anchor(), widget.verticalScrollBar().value()
    return None


def _restore_text_state(widget: QWidget, state: tuple) -> None:
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

    if isinstance(widget, QLineEdit):
        _text, position, start, length = state
        if length and start >= 0:
            if position == start:  # selected from right to left
                widget.setSelection(start + length, -length)
            else:
                widget.setSelection(start, length)
        else:
            widget.setCursorPosition(position)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        from PySide6.QtGui import QTextCursor

        _text, position, anchor, scroll = state
        cursor = widget.textCursor()
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.verticalScrollBar().setValue(scroll)


def install(host: FeatureHost, reload_changed: ReloadChanged) -> LiveUpdates:
    """Start the live updates of ``host``; ``reload_changed(ids)`` reads campaigns ``ids``
    again (None: everything), keeping the selection and what is being typed."""
    return LiveUpdates(host, reload_changed)
