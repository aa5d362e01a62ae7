"""The chart's view: zoom (Ctrl+wheel, buttons), fit to window, and a click on a symbol.

:meth:`SwimlaneView.go_home` shows the chart from its top-left corner (the lane headers and the
first stages), scrolled only as far as needed to show a given symbol (the running step). Until
the user scrolls or zooms, the view keeps to that place as it is resized (a dock being laid out).

Zoom is relative to paper size: 100% shows the chart as large as it prints (the scene's unit
is the point, so the view scales by the screen's dots per point).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QWidget

from wawaran_desktop.views.swimlane.scene import NO_ROLE

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QWheelEvent

ZOOM_STEP = 1.2
ZOOM_RANGE = (0.2, 5.0)
CLICK_SLOP = 4  # pixels the mouse may move and still make a click (not a drag)
HOME_MARGIN = 24  # pixels kept around the symbol go_home() brings into view


class SwimlaneView(QGraphicsView):
    #: An activity's symbol was clicked: its number.
    activity_clicked = Signal(int)
    #: The zoom changed: the new factor (1.0 = paper size).
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pressed: tuple[QPoint, int] | None = None
        self._home: QRectF | None = None  # the scene rect go_home() keeps in view
        self._auto_home = False  # True from go_home() until the user scrolls or zooms
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._moved_by_user)  # the user's own scrolling only

    # -- where the view looks -------------------------------------------------------------
    def go_home(self, target: QRectF | None = None) -> None:
        """Scroll to the chart's top-left, then just far enough to show ``target`` (scene units)."""
        self._home = QRectF(target) if target is not None else None
        self._auto_home = True
        self._apply_home()

    def follows_home(self) -> bool:
        """Whether the view is still where go_home() put it (the user has not scrolled or zoomed)."""
        return self._auto_home

    def _apply_home(self) -> None:
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setValue(bar.minimum())
        target = self._home
        if target is not None and not self.visible_scene_rect().contains(target):
            self.ensureVisible(target, HOME_MARGIN, HOME_MARGIN)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _moved_by_user(self, *_args) -> None:
        self._auto_home = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_home:  # QGraphicsView keeps its centre on a resize: back to the top-left
            self._apply_home()

    # -- zoom -----------------------------------------------------------------------------
    def paper_scale(self) -> float:
        """Screen pixels per point at 100%."""
        return self.logicalDpiX() / 72.0

    def zoom(self) -> float:
        return self.transform().m11() / self.paper_scale()

    def set_zoom(self, factor: float) -> None:
        factor = min(max(factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        scale = factor * self.paper_scale()
        self.resetTransform()
        self.scale(scale, scale)
        self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        self._moved_by_user()
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._moved_by_user()
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def actual_size(self) -> None:
        self._moved_by_user()
        self.set_zoom(1.0)

    def fit(self) -> None:
        """The whole chart in the window."""
        if self.scene() is None:
            return
        self._moved_by_user()
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._moved_by_user()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom() * ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- click ----------------------------------------------------------------------------
    def activity_at(self, pos: QPoint) -> int | None:
        """The activity whose symbol (or its label) is under the viewport point ``pos``."""
        item = self.itemAt(pos)
        while item is not None:
            no = item.data(NO_ROLE)
            if isinstance(no, int):
                return no
            item = item.parentItem()
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._moved_by_user()  # arrows and Page Up/Down scroll
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._moved_by_user()  # the hand drag scrolls
        no = self.activity_at(event.position().toPoint())
        self._pressed = (event.position().toPoint(), no) if no is not None else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        where, no = pressed
        if (event.position().toPoint() - where).manhattanLength() <= CLICK_SLOP:
            self.activity_clicked.emit(no)
