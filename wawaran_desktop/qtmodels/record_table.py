"""A read-only table model over a list of service records (named tuples with an ``id``)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DISPLAY = Qt.ItemDataRole.DisplayRole


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses give ``HEADERS`` and ``display(record, column)``; ``extra`` adds other roles."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._rows[row]

    def id_at(self, row: int) -> int:
        return self._rows[row].id  # type: ignore[attr-defined]

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)  # type: ignore[attr-defined]

    def update_row(self, record: R) -> None:
        row = self.row_of(record.id)  # type: ignore[attr-defined]
        if row >= 0:
            self._rows[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == DISPLAY:
            return self.display(record, index.column())
        if role == ID_ROLE:
            return record.id  # type: ignore[attr-defined]
        return self.extra(record, index.column(), role)

    def display(self, record: R, column: int) -> str:
        raise NotImplementedError

    def extra(self, record: R, column: int, role: int) -> Any:
        return None
