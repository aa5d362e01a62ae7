"""A live refresh while typing is refused for another reason than a conflict (too long, a
mistyped date) keeps the version that typing was based on: once the person corrects it, the
save meets the other PC's save and shows the conflict bar instead of silently overwriting it.
The other PC is the real service writing with the version it read; ``window.reload_changed``
is the live refresh (views/live_updates.py). Both people are of the stage's lanes
(services/lanes.py): this PC's signs in to the window, the other PC's is another one."""

from __future__ import annotations

from datetime import date, timedelta

from crew import member
from PySide6.QtCore import QDate, Qt

from wawaran_desktop.db.stage_models import Disposition, Evaluation, Report
from wawaran_desktop.services.stages.briefing import AGENDA_MAX as BRIEFING_AGENDA_MAX
from wawaran_desktop.services.stages.briefing import Service as BriefingService
from wawaran_desktop.services.stages.disposition import Service as DispositionService
from wawaran_desktop.services.stages.evaluation import FOLLOWUP_LINES
from wawaran_desktop.services.stages.evaluation import Service as EvaluationService
from wawaran_desktop.services.stages.report import BODY_MAX
from wawaran_desktop.services.stages.report import Service as ReportService
from wawaran_desktop.services.stages.theme import NOTULEN_MAX
from wawaran_desktop.services.stages.theme import Service as ThemeService


def new_campaign(ws, staff) -> int:
    return ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id


def second_of(ws, lane: str, name: str, position: str):
    """Another person of ``lane`` (a lane with one person already: the staff fixture's)."""
    from crew import directory_admin

    return ws.staff.add(name, None, position, lane, actor_id=directory_admin())


# -- stage 8: report ---------------------------------------------------------------------------
def test_a_report_refused_as_too_long_then_refreshed_meets_the_other_pcs_save_when_trimmed(
        qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    mine = staff[1]  # the report is the Tim's: Budi here, Dewi on the other PC
    dewi = second_of(ws, "tim", "Dewi Lestari", "Pranata Humas")
    ws.steps.start(mine.id, cid, 8, reason="Uji tahap laporan")
    ReportService(ws).save(mine.id, cid, "Laporan awal.")
    window = make_window(ws, mine.id)
    window.ui.stageTabs.setCurrentIndex(7)
    panel = window.stages.stage(8).panel
    panel.ui.bodyEdit.setPlainText("Laporan A." + "x" * BODY_MAX)  # typed: refused as too long
    assert not panel.flush() and "terlalu panjang" in panel.ui.errorLabel.text()

    other = ReportService(ws)
    other.save(dewi.id, cid, "Laporan B dari PC lain.", version=other.get(cid).version)
    window.reload_changed(frozenset({cid}))
    assert panel.ui.bodyEdit.toPlainText().startswith("Laporan A.")  # the typing stays
    assert panel.record.version == 1  # ...still based on the version it was typed over

    panel.ui.bodyEdit.setPlainText("Laporan A.")  # trimmed
    assert not panel.flush()  # the other PC saved first: the person chooses
    assert panel.in_conflict and dewi.name in panel.conflict_bar.label.text()
    assert Report.get(Report.campaign == cid).body == "Laporan B dari PC lain."
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)  # now knowingly
    assert not panel.in_conflict and Report.get(Report.campaign == cid).body == "Laporan A."


# -- stage 9: evaluation -----------------------------------------------------------------------
def test_evaluation_followups_refused_then_refreshed_meet_the_other_pcs_save_when_corrected(
        qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    kabid = member(ws, "kabid")  # the evaluation is the Kepala Bidang's and the Sub Kor's
    EvaluationService(ws).update(staff[0].id, cid, notes="Awal.", score_reach=2)
    window = make_window(ws, staff[0].id)
    window.ui.stageTabs.setCurrentIndex(8)
    panel = window.stages.stage(9).panel
    too_many = "\n".join(f"Butir {n}" for n in range(FOLLOWUP_LINES + 1))
    panel.ui.followupsEdit.setPlainText(too_many)
    assert not panel.flush() and "paling banyak" in panel.ui.errorLabel.text()

    other = EvaluationService(ws)
    other.update(kabid.id, cid, notes="Awal. Catatan Kabid.", score_reach=4, version=other.get(cid).version)
    window.reload_changed(frozenset({cid}))
    assert panel.ui.followupsEdit.toPlainText() == too_many  # the typing stays

    panel.ui.followupsEdit.setPlainText("Butir 1\nButir 2")  # corrected
    assert not panel.flush()  # the other PC saved first: the person chooses
    assert panel.in_conflict and kabid.name in panel.conflict_bar.label.text()
    row = Evaluation.get(Evaluation.campaign == cid)
    assert (row.notes, row.score_reach, row.followups) == ("Awal. Catatan Kabid.", 4, "")
    assert panel.ui.followupsEdit.property("conflict") is True
    assert panel.ui.notesEdit.property("conflict") is not True  # not edited here
    assert panel.ui.reachCombo.property("conflict") is not True
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)  # now knowingly
    row = Evaluation.get(Evaluation.campaign == cid)
    assert (row.notes, row.score_reach, row.followups) == ("Awal. Catatan Kabid.", 4, "Butir 1\nButir 2")


# -- stage 5: disposition ----------------------------------------------------------------------
def test_a_disposition_date_refused_then_refreshed_meets_the_other_pcs_save_when_corrected(
        qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    service = DispositionService(ws)
    service.save(staff[0].id, cid, service.get(cid).draft())
    window = make_window(ws, staff[0].id)  # the disposition is the Sub Kor's: Siti here, Rina on the other PC
    rina = second_of(ws, "subkor", "Rina Wulandari", "Analis Kebijakan")
    window.ui.stageTabs.setCurrentIndex(4)
    panel = window.stages.stage(5).panel
    edit = panel.ui.dueEdit  # Tgl. Penyelesaian: not before the disposition's date
    disposed = service.get(cid).disposed_on
    early, later = disposed - timedelta(days=3), disposed + timedelta(days=5)
    edit.setDate(QDate(early.year, early.month, early.day))  # refused: it stays in the field
    assert panel.ui.errorLabel.isVisible() and edit.date().toPython() == early

    other = DispositionService(ws)
    read = other.get(cid)
    other.save(rina.id, cid, read.draft()._replace(tanggal_surat=date(2026, 11, 20), hal="Hal Rina"),
               version=read.version)
    window.reload_changed(frozenset({cid}))
    assert edit.date().toPython() == early and panel.ui.halEdit.text() == "Hal Rina"

    edit.setDate(QDate(later.year, later.month, later.day))  # corrected
    assert panel.in_conflict and rina.name in panel.conflict_bar.label.text()
    row = Disposition.get(Disposition.campaign == cid)
    assert (row.due_on, row.hal) == (None, "Hal Rina")
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)  # now knowingly
    row = Disposition.get(Disposition.campaign == cid)
    assert (row.due_on, row.tanggal_surat, row.hal) == (later, date(2026, 11, 20), "Hal Rina")


# -- stages 3 and 2: theme and briefing (each field keeps its own base version already) ----------
def test_a_notulen_refused_as_too_long_then_refreshed_meets_the_other_pcs_save_when_trimmed(
        qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    kabid = member(ws, "kabid")  # the theme is the Kepala Bidang's and the Sub Kor's
    ThemeService(ws).set_notulen(staff[0].id, cid, "Notulen awal.")
    window = make_window(ws, staff[0].id)
    window.ui.stageTabs.setCurrentIndex(2)
    panel = window.stages.stage(3).panel
    panel.ui.notulenEdit.setPlainText("Notulen A." + "x" * NOTULEN_MAX)
    other = ThemeService(ws)
    other.set_notulen(kabid.id, cid, "Notulen B.", version=other.get(cid).version)
    window.reload_changed(frozenset({cid}))  # stores the typing: refused as too long, it stays
    assert panel.ui.notulenEdit.toPlainText().startswith("Notulen A.") and panel.ui.errorLabel.text()

    panel.ui.notulenEdit.setPlainText("Notulen A.")  # trimmed
    window.reload_changed(frozenset({cid}))
    assert panel.in_conflict and ThemeService(ws).get(cid).notulen == "Notulen B."
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)  # now knowingly
    assert not panel.in_conflict and ThemeService(ws).get(cid).notulen == "Notulen A."


def test_a_briefing_agenda_refused_as_too_long_then_refreshed_meets_the_other_pcs_save_when_trimmed(
        qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    BriefingService(ws).update(staff[0].id, cid, agenda="Agenda awal.")
    window = make_window(ws)
    window.ui.stageTabs.setCurrentIndex(1)
    panel = window.stages.stage(2).panel
    panel.ui.agendaEdit.setPlainText("Agenda A." + "x" * BRIEFING_AGENDA_MAX)
    other = BriefingService(ws)
    other.update(staff[1].id, cid, agenda="Agenda B.", version=other.get(cid).version)
    window.reload_changed(frozenset({cid}))  # stores the typing: refused as too long, it stays
    assert panel.ui.agendaEdit.toPlainText().startswith("Agenda A.") and panel.ui.meetingError.text()

    panel.ui.agendaEdit.setPlainText("Agenda A.")  # trimmed
    window.reload_changed(frozenset({cid}))
    assert panel.in_conflict and BriefingService(ws).get(cid).agenda == "Agenda B."
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)  # now knowingly
    assert not panel.in_conflict and BriefingService(ws).get(cid).agenda == "Agenda A."
