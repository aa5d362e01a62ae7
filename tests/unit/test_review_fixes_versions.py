"""A save answers with the version it wrote itself, never a later PC's.

The panels take a save's answer as the base of their next save while they keep showing their
own text. Were the answer read after the save's commit, another PC's save committed in between
would become that base, and the next save would overwrite it unnoticed. So each case lets the
other PC's save land at the first read this process makes outside a transaction once the save
has begun (:class:`OtherPcFirst`): between the save's commit and its answer when the answer is
read after the commit; otherwise (the answer is read inside the transaction, where no other PC
can commit to the row) right after the save returns. Either way: the save's answer holds the
version it wrote (n), the other PC's save is stored over it (n + 1), and a save based on the
answer is refused, not stored over the other PC's.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

import pytest

from wawaran_desktop.db.models import database
from wawaran_desktop.services.errors import ConflictError
from wawaran_desktop.services.stages.briefing import Service as BriefingService
from wawaran_desktop.services.stages.disposition import Service as DispositionService
from wawaran_desktop.services.stages.evaluation import Service as EvaluationService
from wawaran_desktop.services.stages.report import Service as ReportService
from wawaran_desktop.services.stages.theme import Service as ThemeService


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD", "3M Plus").id


@pytest.fixture
def other(ws):
    return ws.staff.add("Siti Aminah", None, "Analis", "tim")


# The SOP's lanes are permissions (services/lanes.py): each stage's two PCs are of its lanes. The
# actor is a Sub Kor; the report (step 8) is the Tim's alone, the theme's and the evaluation's
# other PC is the Kepala Bidang's (steps 3 and 9), the disposition's a second Sub Kor's (step 5).
@pytest.fixture
def writer(ws):
    """A second member of the Tim, who writes the report beside Siti."""
    return ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")


@pytest.fixture
def kabid(ws):
    return ws.staff.add("Ani Kabid", None, "Kepala Bidang", "kabid")


@pytest.fixture
def deputy(ws):
    """A second Sub Kor, on the other PC of the disposition."""
    return ws.staff.add("Yuni Astuti", None, "Sub Koordinator", "subkor")


class OtherPcFirst:
    """Lets ``other_save`` (another PC's save, with the version it reads) commit at the first
    read of ``service.get`` made outside a transaction, or at :meth:`settle` if none came."""

    def __init__(self, service, other_save: Callable[[], object]) -> None:
        self.other_save, self.fired = other_save, False
        read = service.get

        def get(campaign_id: int):
            if not self.fired and not database.in_transaction():
                self.settle()
            return read(campaign_id)

        service.get = get  # the service's own reads go through it too

    def settle(self) -> None:
        if not self.fired:
            self.fired = True
            self.other_save()


def check(service, cid: int, save: Callable[[int], object], other_save: Callable[[], object],
          version_of: Callable[[object], int] = attrgetter("version")):
    """``save(version)`` over the stored version n - 1 answers n though the other PC then saves n + 1."""
    before = version_of(service.get(cid))
    race = OtherPcFirst(service, other_save)
    mine = save(before)
    race.settle()
    assert version_of(mine) == before + 1  # the version this save wrote
    assert version_of(service.get(cid)) == before + 2  # the other PC's, stored over it
    with pytest.raises(ConflictError):  # the next save based on the answer meets the other PC's
        save(version_of(mine))
    return mine


def test_a_report_save_answers_with_the_version_it_wrote(ws, cid, writer, other):
    service, theirs = ReportService(ws), ReportService(ws)
    ws.steps.start(writer.id, cid, 8, reason="Uji tahap laporan")
    mine = check(service, cid, lambda v: service.save(writer.id, cid, "Laporan A.", version=v),
                 lambda: theirs.save(other.id, cid, "Laporan B.", version=theirs.get(cid).version))
    assert mine.body == "Laporan A." and mine.updated_by_name == writer.name


def test_a_report_reset_answers_with_the_version_it_wrote(ws, cid, writer, other):
    service, theirs = ReportService(ws), ReportService(ws)
    ws.steps.start(writer.id, cid, 8, reason="Uji tahap laporan")
    service.save(writer.id, cid, "Laporan awal.")
    mine = check(service, cid, lambda v: service.reset(writer.id, cid, version=v),
                 lambda: theirs.save(other.id, cid, "Laporan B.", version=theirs.get(cid).version))
    assert mine.body == service.draft(cid) != "Laporan awal."  # the draft written again


def test_a_notulen_save_answers_with_the_version_it_wrote(ws, cid, actor, kabid):
    service, theirs = ThemeService(ws), ThemeService(ws)
    mine = check(service, cid, lambda v: service.set_notulen(actor.id, cid, "Notulen A.", version=v),
                 lambda: theirs.set_notulen(kabid.id, cid, "Notulen B.", version=theirs.get(cid).version))
    assert mine.notulen == "Notulen A."


def test_a_decider_save_answers_with_the_version_it_wrote(ws, cid, actor, kabid):
    service, theirs = ThemeService(ws), ThemeService(ws)
    deputy = ws.staff.add("Hendra Gunawan", None, "Kepala Bidang", "kabid")  # the decider must be a Kabid
    mine = check(service, cid, lambda v: service.set_decider(actor.id, cid, deputy.id, version=v),
                 lambda: theirs.set_decider(kabid.id, cid, kabid.id, version=theirs.get(cid).version))
    assert mine.decided_by_id == deputy.id


def test_a_theme_save_answers_with_the_campaign_version_it_wrote(ws, cid, actor, kabid):
    service, theirs = ThemeService(ws), ThemeService(ws)
    mine = check(service, cid, lambda v: service.set_theme(actor.id, cid, "Tema A", version=v),
                 lambda: theirs.set_theme(kabid.id, cid, "Tema B", version=theirs.get(cid).theme_version),
                 version_of=attrgetter("theme_version"))
    assert mine.theme == "Tema A"


def test_an_evaluation_save_answers_with_the_version_it_wrote(ws, cid, actor, kabid):
    service, theirs = EvaluationService(ws), EvaluationService(ws)
    service.update(actor.id, cid, notes="Awal.")
    mine = check(service, cid, lambda v: service.update(actor.id, cid, notes="Catatan A.", version=v),
                 lambda: theirs.update(kabid.id, cid, notes="Catatan B.", version=theirs.get(cid).version))
    assert mine.notes == "Catatan A."


def test_a_disposition_save_answers_with_the_version_it_wrote(ws, cid, actor, deputy):
    service, theirs = DispositionService(ws), DispositionService(ws)
    service.save(actor.id, cid, service.get(cid).draft())

    def other_save() -> None:
        read = theirs.get(cid)
        theirs.save(deputy.id, cid, read.draft()._replace(hal="Hal B"), version=read.version)

    draft = service.get(cid).draft()._replace(hal="Hal A")
    mine = check(service, cid, lambda v: service.save(actor.id, cid, draft, version=v), other_save)
    assert mine.hal == "Hal A"


def test_a_briefing_save_answers_with_the_version_it_wrote(ws, cid, actor, other):
    service, theirs = BriefingService(ws), BriefingService(ws)
    service.update(actor.id, cid, place="Aula")
    mine = check(service, cid, lambda v: service.update(actor.id, cid, place="Aula A", version=v),
                 lambda: theirs.update(other.id, cid, place="Aula B", version=theirs.get(cid).version))
    assert mine.place == "Aula A"
