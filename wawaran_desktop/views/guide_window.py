"""The user guide's window: a small, non-modal window with the contents on the left and the page
(a QTextBrowser: Qt's own HTML, no web engine) on the right, with *Kembali*, *Maju* and *Daftar Isi*.

The pages are HTML files under ``resources/guide/`` (one per topic and per stage), read offline;
``contents.json`` there orders them in groups, and each page's ``<title>`` names it in the list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QStyle,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wawaran_desktop.views.screen_fit import fitted_size

CONTENTS_FILE = "contents.json"
STYLE_FILE = "style.css"
HOME = "index.html"
#: The window's wished size; never more than views/screen_fit.py allows on its screen.
WISHED = QSize(1000, 720)
TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)
PAGE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Group:
    """A heading of the contents and the pages (file names) under it."""

    title: str
    pages: tuple[str, ...]


def read_contents(folder: Path) -> list[Group]:
    """The contents of the guide in ``folder`` (``contents.json``)."""
    data = json.loads((folder / CONTENTS_FILE).read_text(encoding="utf-8"))
    return [Group(group["title"], tuple(group["pages"])) for group in data["groups"]]


def page_title(path: Path) -> str:
    """The ``<title>`` of a page (its file name when it has none)."""
    found = TITLE.search(path.read_text(encoding="utf-8"))
    return " ".join(found.group(1).split()) if found else path.name


class GuideWindow(QWidget):
    """The guide; one per main window, shown again (at another page) rather than made twice."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.folder = folder
        self.setWindowTitle(self.tr("Panduan Pengguna — Wawaran Desktop"))
        self.setObjectName("guideWindow")
        self.back_button = self._button(self.tr("Kembali"), QStyle.StandardPixmap.SP_ArrowBack,
                                        self.tr("Halaman sebelumnya (Alt+Kiri)"))
        self.forward_button = self._button(self.tr("Maju"), QStyle.StandardPixmap.SP_ArrowForward,
                                           self.tr("Halaman berikutnya (Alt+Kanan)"))
        self.home_button = self._button(self.tr("Daftar Isi"), QStyle.StandardPixmap.SP_DirHomeIcon,
                                        self.tr("Halaman daftar isi (Alt+Atas)"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.back_button, self.forward_button, self.home_button):
            bar.addWidget(button)
        bar.addStretch(1)

        self.contents = QTreeWidget(self)
        self.contents.setObjectName("guideContents")
        self.contents.setHeaderHidden(True)
        self.contents.setRootIsDecorated(False)
        self.contents.setIndentation(12)
        self.contents.setAccessibleName(self.tr("Daftar isi"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(folder)])
        css = folder / STYLE_FILE
        if css.is_file():
            self.browser.document().setDefaultStyleSheet(css.read_text(encoding="utf-8"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._fill_contents()
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(lambda: self.show_page(HOME))
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.browser.sourceChanged.connect(self._follow_source)
        self.contents.currentItemChanged.connect(self._item_chosen)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        # As QTextBrowser's own keys, but over the whole window and with *Daftar Isi* as home.
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.browser.backward)
        QShortcut(QKeySequence("Alt+Right"), self, activated=self.browser.forward)
        QShortcut(QKeySequence("Alt+Up"), self, activated=lambda: self.show_page(HOME))
        self._fit()

    def _button(self, text: str, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _fill_contents(self) -> None:
        for group in read_contents(self.folder):
            head = QTreeWidgetItem(self.contents, [group.title])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            for page in group.pages:
                item = QTreeWidgetItem(head, [page_title(self.folder / page)])
                item.setData(0, PAGE_ROLE, page)
                item.setToolTip(0, item.text(0))
        self.contents.expandAll()

    def _fit(self) -> None:
        """Sized to the free area of the screen it opens on (1366x768 at 150% is 911x512), centred."""
        anchor = self.parentWidget() or self
        screen = anchor.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        size = fitted_size(self, WISHED.width(), WISHED.height())
        self.resize(size)
        self.splitter.setSizes([int(size.width() * 0.28), size.width() - int(size.width() * 0.28)])
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())

    # -- pages ----------------------------------------------------------------------------------
    def url(self, page: str) -> QUrl:
        """The address of ``page`` (a file name, optionally with ``#anchor``)."""
        name, _, anchor = page.partition("#")
        url = QUrl.fromLocalFile(str(self.folder / name))
        if anchor:
            url.setFragment(anchor)
        return url

    def show_page(self, page: str = HOME) -> None:
        """Open ``page`` and bring the window to the front."""
        self.browser.setSource(self.url(page))
        self.show()
        self.raise_()
        self.activateWindow()

    def current_page(self) -> str:
        """The file name of the page shown."""
        return Path(self.browser.source().toLocalFile()).name

    def heading(self) -> str:
        """The page's first level-1 heading, as the reader sees it."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 1:
                return block.text().strip()
            block = block.next()
        return ""

    def _follow_source(self, url: QUrl) -> None:
        """Mark the page shown in the contents (without opening it again)."""
        name = Path(url.toLocalFile()).name
        self.contents.blockSignals(True)
        try:
            for i in range(self.contents.topLevelItemCount()):
                head = self.contents.topLevelItem(i)
                for j in range(head.childCount()):
                    item = head.child(j)
                    if item.data(0, PAGE_ROLE) == name:
                        self.contents.setCurrentItem(item)
                        return
            self.contents.setCurrentItem(None)
        finally:
            self.contents.blockSignals(False)

    def _item_chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        page = item.data(0, PAGE_ROLE) if item is not None else None
        if page and page != self.current_page():
            self.browser.setSource(self.url(page))
