"""Stage 3 panel: the briefing minutes, the wawaran theme and who decided it.

Over ``services/stages/theme.py``. The notulen is stored shortly after typing stops, the
theme when the user leaves its field (then ``changed`` is emitted: the window shows the
theme in its header and the campaign list), the decider as soon as it is chosen.

Each save names the version its text was based on (the decision row's for the notulen and
the decider, the campaign's for the theme). When another PC saved first, a typed notulen or
theme stays in its field, marked, under the conflict bar (compare / take theirs / keep
mine); a refused choice of decider shows the stored decider again with the message, as a
choice is quickly made again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from wawaran_desktop.forms.ui_stage_theme import Ui_ThemePanel
from wawaran_desktop.services.campaigns import THEME_MAX
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.lanes import holder_lane
from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.services.stages.theme import (
    DECIDER_LABEL,
    DECIDER_LANE,
    NOTULEN_LABEL,
    THEME_LABEL,
    Service,
    ThemeRecord,
)
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.views import feedback
from wawaran_desktop.views.staff_choice import fill_staff_combo
from wawaran_desktop.views.stages import StagePanel

LANE_ORDER = (DECIDER_LANE, "subkor", "tim", "kernet")


class Panel(StagePanel):
    form, service_class = Ui_ThemePanel, Service
    ui: Ui_ThemePanel

    def setup(self) -> None:
        ui = self.ui
        self.record: ThemeRecord | None = None
        self._pending: set[str] = set()  # "notulen", "theme": typed, not stored yet
        # The stored version each field's text is based on: "notulen" (the decision row, also
        # the decider's) and "theme" (the campaign row); kept while its typing is pending.
        self._based: dict[str, int] = {"notulen": 0, "theme": 0}
        self._autosave = self.autosave(lambda: self._store("notulen"), ui.notulenEdit,
                                       edited=lambda _edit: self._pending.add("notulen"))
        ui.errorLabel.hide()
        ui.themeEdit.textChanged.connect(self._theme_typed)
        ui.themeEdit.editingFinished.connect(self._theme_left)
        self.retry_while_refused(self._theme_left, ui.themeEdit)  # a corrected theme clears its message in place
        ui.deciderCombo.activated.connect(lambda _i: self._decider_chosen())
        self._count()

    # -- showing --------------------------------------------------------------------------
    def load(self, campaign: CampaignRecord) -> None:
        if self.campaign is not None and self.campaign.id == campaign.id:
            if "theme" in self._pending and self._store("theme"):
                QTimer.singleShot(0, self, self.changed.emit)  # after this reload: show the stored theme
            self._store("notulen")  # what is refused stays in its field, still pending
        else:
            self._pending.clear()
            self.show_error(None)
            self.clear_conflict()
        super().load(campaign)
        self._show(self.service.get(campaign.id))

    def _show(self, record: ThemeRecord) -> None:
        self.record = record
        for name, version in (("notulen", record.version), ("theme", record.theme_version)):
            if name not in self._pending:  # typing not stored yet stays based on what it was typed over
                self._based[name] = version
        ui = self.ui
        self._loading = True
        try:
            if "notulen" not in self._pending and ui.notulenEdit.toPlainText() != record.notulen:
                ui.notulenEdit.setPlainText(record.notulen)
            if "theme" not in self._pending and ui.themeEdit.text() != record.theme:
                ui.themeEdit.setText(record.theme)
            self._fill_deciders(record)
        finally:
            self._loading = False
        self._count()

    def _fill_deciders(self, record: ThemeRecord) -> None:
        rank = {lane: i for i, lane in enumerate(LANE_ORDER)}
        fill_staff_combo(self.ui.deciderCombo, self.ws.staff.list(), record.decided_by_id, "— belum dipilih —",
                         order=lambda p: (rank.get(p.lane, len(rank)), p.name),
                         lane=holder_lane(self.ws.sop, "theme"))
        self.ui.decidedAtLabel.setText(
            fmt.long_date_time(record.decided_at) if record.decided_at
            else "— tercatat saat yang memutuskan dipilih —")

    def set_editable(self, editable: bool) -> None:
        self.ui.scrollContents.setEnabled(editable)

    def _count(self) -> None:
        length = len(self.ui.themeEdit.text().strip())
        self.ui.themeCounter.setText(f"{length}/{THEME_MAX}")
        self.ui.themeCounter.setStyleSheet("color: #b00020; font-weight: bold;" if length > THEME_MAX else "")

    # -- editing --------------------------------------------------------------------------
    def _theme_typed(self, _text: str) -> None:
        self._count()
        if not self._loading and self.campaign is not None:
            self._pending.add("theme")

    def _theme_left(self) -> None:
        if "theme" in self._pending and self._store("theme"):
            self.changed.emit()

    def _decider_chosen(self) -> None:
        if self.campaign is None or self.record is None:
            return
        staff_id, cid = self.ui.deciderCombo.currentData(), self.campaign.id
        if staff_id == self.record.decided_by_id:
            return
        version = self._based["notulen"]
        if self._run(lambda actor: self.service.set_decider(actor, cid, staff_id, version=version),
                     conflicted=self._decider_conflicted):
            self._based["notulen"] = self.record.version  # the decision moved on by this save alone
        self._loading = True
        self._fill_deciders(self.record)  # what is stored, also after a refusal
        self._loading = False

    def _decider_conflicted(self, error: ConflictError) -> None:
        """Another PC changed the decision first: show what is stored now, and say so."""
        if "notulen" not in self._pending and self.campaign is not None:
            self._show(self.service.get(self.campaign.id))
        elif self.campaign is not None:  # the typed notulen stays (and its save will meet the conflict)
            self.record = self.service.get(self.campaign.id)._replace(notulen=self.record.notulen)
        self.show_error(f"{str(error).split(' Isian Anda')[0]} Pilihan \"{DECIDER_LABEL}\" Anda belum "
                        "disimpan; yang tersimpan kini ditampilkan. Pilih lagi bila perlu.")

    def _store(self, name: str) -> bool:
        """Store a pending field; True when stored (or nothing was pending)."""
        if name == "notulen":
            self._autosave.stop()
        if name not in self._pending or self.campaign is None:
            return True
        if self.in_conflict:
            return False  # stored only once the person has chosen (the bar above the form)
        cid, version = self.campaign.id, self._based[name]
        if name == "notulen":
            text = self.ui.notulenEdit.toPlainText()
            stored = self._run(lambda actor: self.service.set_notulen(actor, cid, text, version=version),
                               conflicted=self._conflicted("notulen"))
        else:
            theme = self.ui.themeEdit.text()
            stored = self._run(lambda actor: self.service.set_theme(actor, cid, theme, version=version),
                               conflicted=self._conflicted("theme"))
        if stored:
            self._pending.discard(name)
            self._based[name] = self.record.version if name == "notulen" else self.record.theme_version
            if name == "theme" and self.ui.themeEdit.text() != self.record.theme:
                self._loading = True
                self.ui.themeEdit.setText(self.record.theme)  # as stored: without outer spaces
                self._loading = False
        return stored

    def _conflicted(self, name: str) -> Callable[[ConflictError], None]:
        """Another PC saved the notulen's (or the theme's) record first: keep the text, let the person choose."""
        if name == "notulen":
            def mine() -> dict[str, str]:
                return {NOTULEN_LABEL: self.ui.notulenEdit.toPlainText(),
                        DECIDER_LABEL: (self.record.decided_by_name if self.record else None) or "—"}
            field = self.ui.notulenEdit
        else:
            def mine() -> dict[str, str]:
                return {THEME_LABEL: self.ui.themeEdit.text()}
            field = self.ui.themeEdit
        return lambda error: self.conflict_bar.show_conflict(
            error, mine, lambda: self._take_theirs(name), lambda version: self._keep_mine(name, version), field)

    def _take_theirs(self, name: str) -> None:
        if self.campaign is None:
            return
        self._pending.discard(name)
        self.show_error(None)
        self._show(self.service.get(self.campaign.id))
        if name == "theme":
            self.changed.emit()  # the header and the list show the stored theme
        self._store_rest()

    def _keep_mine(self, name: str, version: int) -> None:
        """Store the person's text over the stored ``version``, now knowingly."""
        self._based[name] = version
        if self._store(name) and name == "theme":
            self.changed.emit()
        self._store_rest()

    def _store_rest(self) -> None:
        """After a conflict is settled: the other typed field, if any, is stored now."""
        theme_pending = "theme" in self._pending
        self._store("notulen")
        if theme_pending and self._store("theme"):
            self.changed.emit()

    def _run(self, action: Callable[[int], ThemeRecord],
             conflicted: Callable[[ConflictError], object] | None = None) -> bool:
        ok, record = self.act(action, conflicted=conflicted)
        if ok:
            self.record = record
            self.show_error(None)
        return bool(ok)

    def flush(self) -> bool:
        """Store the typed notulen and theme; False (after a warning) when refused."""
        theme_pending = "theme" in self._pending
        stored = [self._store("notulen"), self._store("theme")]
        if theme_pending and stored[1]:
            self.changed.emit()
        if not all(stored):
            if self.ui.errorLabel.text() and not self.in_conflict:  # the bar says it otherwise  # otherwise the window has already said what is missing
                feedback.warn(self, self.ui.errorLabel.text(), "Isian tema belum tersimpan")
            return False
        return True
