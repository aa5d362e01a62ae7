"""Render docs/my-tasks.png: the Tugas Saya panel of a team member, with made-up office data.

    python tools/my_tasks_shot.py            # offscreen; or under xvfb-run for a real X window

The data is made fresh in a temporary folder on a fixed clock (from 06.00 WIB on Thursday
26 November 2026), through the services, as the office would enter it.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta

import qt_session
from qt_session import DOCS

NINE_WIB = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NINE_WIB - timedelta(hours=3)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def build(ws, clock: Clock) -> int:
    """A small office with campaigns in several states; returns the pictured person's id."""
    from wawaran_desktop.services.stages import data_collection
    from wawaran_desktop.services.stages.disposition import DispositionDraft
    from wawaran_desktop.services.stages.disposition import Service as Disposition
    from wawaran_desktop.services.stages.disposition_status import DispositionStatusService

    sub = ws.staff.add("Siti Rahmawati, S.Sos.", None, "Sub Koordinator DIMC", "subkor").id
    budi = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim").id
    dewi = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim").id
    collect = data_collection.Service(ws)
    titles = ("Wawaran Jatuh Tempo PBB-P2 di Kecamatan Cipondoh", "Wawaran Gerakan 3M Plus Cegah DBD",
              "Wawaran Posyandu Balita Kelurahan Sudimara", "Wawaran Pendaftaran Sekolah Rakyat")
    ids = [ws.campaigns.create(sub, title).id for title in titles]
    for cid in ids[:3]:
        ws.steps.start(sub, cid, 1)
        collect.add(sub, cid, data_collection.DataItemFields(topic="Info penting", source_kind="prokomp"))
        clock.advance(minutes=14)
        ws.steps.finish(sub, cid, 1)
    statuses = DispositionStatusService(ws)
    for i, cid in enumerate(ids[:3]):
        Disposition(ws).save(sub, cid, DispositionDraft(
            disposed_on=ws.today(), hal="Pelaksanaan wawaran keliling", sifat="Segera" if i == 0 else "Biasa",
            recipient_ids=(budi, dewi), instructions=("Untuk dilaksanakan",), signer_id=sub))
    clock.advance(minutes=20)
    statuses.mark_read(budi, ids[1])
    clock.advance(minutes=15)
    statuses.record_follow_up(budi, ids[2], "Narasi disiapkan bersama Dewi; siap direkam pukul 10.00.")
    ws.steps.start(budi, ids[0], 4, reason="Narasi disiapkan lebih dulu atas arahan Kabid")
    ws.steps.start(sub, ids[1], 2)
    clock.advance(minutes=8)  # the narration now past its 5 minutes, the briefing near its 10
    return budi


def main() -> int:
    app, settle = qt_session.start()
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.my_tasks import MyTasksPanel

    with tempfile.TemporaryDirectory() as folder:
        clock = Clock()
        ws = open_workspace(folder, clock=clock)
        person = build(ws, clock)
        panel = MyTasksPanel(ws, lambda: person)
        panel.resize(860, 400)
        panel.refresh()
        panel.show()
        settle()
        target = DOCS / "my-tasks.png"
        panel.grab().save(str(target))
        print(f"{target} ({panel.count} menunggu)")
        panel.close()
        ws.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
