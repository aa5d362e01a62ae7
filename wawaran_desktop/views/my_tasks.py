"""*Tugas Saya*: the list of what waits for the signed-in person (services/my_tasks.py).

Three groups — *Tahap* (steps of their lane or assigned to them that may start, run or are
paused), *Disposisi* (dispositions to them with their SRIKANDI status, and those they sign with
each recipient's) and *Evaluasi* (reports to receive). Double-click or Enter on a row (or
*Buka*) emits :attr:`MyTasksPanel.openStep` with the campaign and the step to open;
:attr:`MyTasksPanel.countChanged` carries the number of things waiting, for the window's badge.
The window calls :meth:`MyTasksPanel.refresh` when the person or the data changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidgetItem, QWidget

from wawaran_desktop.forms.ui_my_tasks import Ui_MyTasksPanel
from wawaran_desktop.services.my_tasks import (
    DispositionTask,
    EvaluationTask,
    MyTasks,
    MyTasksService,
    SignedDisposition,
    StepTask,
)
from wawaran_desktop.services.stages.disposition_status import RecipientStatus, Status
from wawaran_desktop.services.timing import StepStatus
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.text import durations
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.views.status_style import STATUS_COLOURS

#: Where a row leads: (campaign id, step no); group rows hold none.
TARGET_ROLE = Qt.ItemDataRole.UserRole
#: What a row is, to find it again after a refresh: "step:12:3", "disposition:12", …
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
GROUPS = ("Tahap", "Disposisi", "Evaluasi")
NOBODY = "Pilih nama Anda (atau masuk) untuk melihat tugas yang menunggu Anda."
NOTHING = "Tidak ada tugas yang menunggu Anda. Semua beres!"
#: A SRIKANDI status -> its text colour (the step statuses' palette).
DISPOSITION_COLOURS = {Status.UNREAD: STATUS_COLOURS[StepStatus.LATE][0],
                       Status.READ: STATUS_COLOURS[StepStatus.AT_RISK][0],
                       Status.FOLLOWED_UP: STATUS_COLOURS[StepStatus.ON_TIME][0]}


def step_status_text(task: StepTask) -> str:
    if task.ready:
        return "Siap dimulai"
    return task.status.label


def step_time_text(task: StepTask) -> str:
    """``12 mnt 05 dtk / 20 mnt`` while it runs or is paused; the standard before it starts."""
    if task.elapsed is None:
        return f"baku {durations.standard(task.standard_minutes)}"
    return durations.against(task.elapsed, task.standard_minutes)


def status_time(status: RecipientStatus | DispositionTask) -> str:
    """When the status shown was reached, in WIB ("" while unread)."""
    moment = status.followed_up_at or status.read_at
    return fmt.date_time(moment) if moment is not None else ""


class MyTasksPanel(QWidget):
    """What waits for the person ``staff_id()`` (None: nobody signed in or chosen)."""

    openStep = Signal(int, int)
    countChanged = Signal(int)

    def __init__(self, ws: Workspace, staff_id: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.staff_id = staff_id
        self.service = MyTasksService(ws)
        self.tasks: MyTasks | None = None
        self._count = -1
        self.ui = Ui_MyTasksPanel()
        self.ui.setupUi(self)
        tree = self.ui.taskTree
        header = tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the campaign's title and the time
        header.setStretchLastSection(True)  # share the rest
        # Double click and Enter: the view's activation (a signal, not a Python event filter, which
        # would make PySide6 build every Qt event class when the window opens).
        tree.itemActivated.connect(self._activated)
        tree.currentItemChanged.connect(lambda current, _previous: self._selection_changed(current))
        self.ui.openButton.clicked.connect(lambda: self._activated(tree.currentItem()))
        self.ui.refreshButton.clicked.connect(self.refresh)

    @property
    def count(self) -> int:
        """What waits (the last refresh's); 0 when nobody is chosen."""
        return max(0, self._count)

    # -- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read again what waits for the person and show it; keeps the row that was selected."""
        tree = self.ui.taskTree
        current = tree.currentItem()
        keep = current.data(0, KEY_ROLE) if current is not None else None
        person = self.staff_id()
        self.tasks = tasks = self.service.tasks_for(person) if person is not None else None
        tree.clear()
        if tasks is None:
            self._show_empty(NOBODY)
            self._set_count(0)
            return
        groups = {name: self._group(name) for name in GROUPS}
        for task in tasks.steps:
            self._step_row(groups["Tahap"], task)
        for disposition in tasks.dispositions:
            self._disposition_row(groups["Disposisi"], disposition)
        for signed in tasks.signed:
            self._signed_row(groups["Disposisi"], signed)
        for evaluation in tasks.evaluations:
            self._evaluation_row(groups["Evaluasi"], evaluation)
        waiting = {"Tahap": len(tasks.steps), "Disposisi": sum(1 for d in tasks.dispositions if d.waiting),
                   "Evaluasi": len(tasks.evaluations)}
        for name, group in groups.items():
            if group.childCount():
                group.setText(0, f"{name} ({waiting[name]} menunggu)")
                group.setExpanded(True)
            else:
                tree.takeTopLevelItem(tree.indexOfTopLevelItem(group))
        if not tree.topLevelItemCount():
            self._show_empty(NOTHING)
        else:
            self.ui.emptyLabel.hide()
            tree.show()
            self._select(keep)
        self.ui.summaryLabel.setText(self._summary(tasks))
        self._set_count(tasks.count)

    def _summary(self, tasks: MyTasks) -> str:
        if not tasks.count:
            return "tidak ada yang menunggu"
        return f"{tasks.count} menunggu Anda"

    def _show_empty(self, text: str) -> None:
        self.ui.taskTree.hide()
        self.ui.emptyLabel.setText(text)
        self.ui.emptyLabel.show()
        self.ui.summaryLabel.setText("")
        self.ui.openButton.setEnabled(False)

    def _set_count(self, count: int) -> None:
        if count != self._count:
            self._count = count
            self.countChanged.emit(count)

    def _group(self, name: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.ui.taskTree, [name])
        font = QFont(item.font(0))
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    @staticmethod
    def _row(parent: QTreeWidgetItem, texts: list[str], target: tuple[int, int], key: str,
             colour: str | None = None, tip: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, texts)
        item.setData(0, TARGET_ROLE, target)
        item.setData(0, KEY_ROLE, key)
        if colour:
            item.setForeground(2, QBrush(QColor(colour)))
        for column in range(len(texts)):
            item.setToolTip(column, tip or texts[column])
        return item

    def _step_row(self, group: QTreeWidgetItem, task: StepTask) -> None:
        what = f"Tahap {task.no} — {task.short}" + (" (tugas Anda)" if task.assigned else "")
        tip = f"{task.title}\nKampanye: {task.campaign_title}"
        if task.assignee_name:
            tip += f"\nDitugaskan kepada: {task.assignee_name}"
        colour = STATUS_COLOURS[task.status][0]
        self._row(group, [what, task.campaign_title, step_status_text(task), step_time_text(task)],
                  (task.campaign_id, task.no), f"step:{task.campaign_id}:{task.no}", colour, tip)

    def _disposition_row(self, group: QTreeWidgetItem, task: DispositionTask) -> None:
        what = f"Disposisi {task.agenda_number or '(belum bernomor)'}"
        tip = f"{what}\nHal: {task.hal}\nSifat: {task.sifat}" + \
            (f"\nPenanda tangan: {task.signer_name}" if task.signer_name else "")
        self._row(group, [what, task.campaign_title, task.status.label, status_time(task)],
                  (task.campaign_id, task.no), f"disposition:{task.campaign_id}",
                  DISPOSITION_COLOURS[task.status], tip)

    def _signed_row(self, group: QTreeWidgetItem, signed: SignedDisposition) -> None:
        what = f"Ditandatangani {signed.agenda_number or '(belum bernomor)'}"
        progress = f"{signed.followed_up} dari {len(signed.recipients)} ditindaklanjuti"
        item = self._row(group, [what, signed.campaign_title, progress, ""], (signed.campaign_id, signed.no),
                         f"signed:{signed.campaign_id}", tip=f"Disposisi yang Anda tanda tangani\nHal: {signed.hal}")
        for recipient in signed.recipients:
            self._row(item, [recipient.name, "", recipient.status.label, status_time(recipient)],
                      (signed.campaign_id, signed.no), f"signed:{signed.campaign_id}:{recipient.staff_id}",
                      DISPOSITION_COLOURS[recipient.status], recipient.follow_up or recipient.name)

    def _evaluation_row(self, group: QTreeWidgetItem, task: EvaluationTask) -> None:
        self._row(group, [f"Tahap {task.no} — Terima laporan", task.campaign_title, "Laporan selesai", ""],
                  (task.campaign_id, task.no), f"evaluation:{task.campaign_id}",
                  STATUS_COLOURS[StepStatus.RUNNING][0],
                  f"Laporan (tahap {task.report_no}) sudah selesai dan belum diterima untuk evaluasi.")

    def _select(self, key: str | None) -> None:
        tree = self.ui.taskTree
        if key is not None:
            for item in _rows(tree):
                if item.data(0, KEY_ROLE) == key:
                    tree.setCurrentItem(item)
                    return
        first = next(iter(_rows(tree)), None)
        if first is not None:
            tree.setCurrentItem(first)

    # -- opening ------------------------------------------------------------------------
    def _selection_changed(self, item: QTreeWidgetItem | None) -> None:
        self.ui.openButton.setEnabled(item is not None and item.data(0, TARGET_ROLE) is not None)

    def _activated(self, item: QTreeWidgetItem | None, _column: int = 0) -> None:
        target = item.data(0, TARGET_ROLE) if item is not None else None
        if target is not None:
            self.openStep.emit(int(target[0]), int(target[1]))


def _rows(tree) -> list[QTreeWidgetItem]:
    """Every row that leads somewhere, top to bottom."""
    found = []

    def walk(item: QTreeWidgetItem) -> None:
        if item.data(0, TARGET_ROLE) is not None:
            found.append(item)
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return found
