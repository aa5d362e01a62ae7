"""Table model over the data items of stage 1 (Pengumpulan Data)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from wawaran_desktop.qtmodels.record_table import RecordTableModel
from wawaran_desktop.services.attachments import AttachmentRecord
from wawaran_desktop.text.formatting import clock_time, long_date
from wawaran_desktop.services.stages.data_collection import DataItemRecord

PRIORITY_COLOURS = {1: "#b00020", 2: "#8a5a00", 3: "#2e6b30"}


class DataItemTableModel(RecordTableModel[DataItemRecord]):
    HEADERS = ("No", "Topik", "Sumber", "Prioritas", "Lampiran")

    def records(self) -> list[DataItemRecord]:
        return list(self._rows)

    def display(self, r: DataItemRecord, column: int) -> str:
        if column == 0:
            return str(self._rows.index(r) + 1)
        return ("", r.topic, r.source_short, r.priority_label,
                str(r.attachment_count) if r.attachment_count else "")[column]

    def extra(self, r: DataItemRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [r.topic, r.source_label]
            if r.fields.item_date is not None:
                lines.append(long_date(r.fields.item_date))
            if r.fields.summary:
                lines.append(r.fields.summary)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            # A colour, as the campaign list gives: the first QBrush would build QGradient's enums.
            return QColor(PRIORITY_COLOURS.get(r.fields.priority, "#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class AttachmentListModel(RecordTableModel[AttachmentRecord]):
    """The attachments of one data item, shown in a list (one column)."""

    HEADERS = ("Lampiran",)

    def display(self, r: AttachmentRecord, column: int) -> str:
        return f"{r.original_name} ({size_text(r.size)})"

    def extra(self, r: AttachmentRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"Ditambahkan oleh {r.added_by_name}, {long_date(r.added_at)} pukul "
                    f"{clock_time(r.added_at)} WIB")
        return None


def size_text(size: int) -> str:
    """``12 KB``, ``3,4 MB``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"
