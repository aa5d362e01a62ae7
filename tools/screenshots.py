"""Render real screenshots of the application with demo data into docs/.

    python tools/screenshots.py            # offscreen; or under xvfb-run for a real X window

Each picture is the widget as Qt paints it (QWidget.grab), with demo data made fresh in a
temporary folder, so the pictures show what a user sees.
"""

from __future__ import annotations

import tempfile

import qt_session
from qt_session import DOCS

#: (file name, stage number, sub-tab of the stage panel or None)
STAGE_SHOTS = (
    ("stage-1-data.png", 1, None),
    ("stage-2-briefing.png", 2, 1),
    ("stage-3-theme.png", 3, None),
    ("stage-4-narration.png", 4, None),
    ("stage-5-disposition.png", 5, None),
    ("stage-6-readiness.png", 6, None),
    ("stage-7-dissemination.png", 7, None),
    ("stage-8-report.png", 8, None),
    ("stage-9-evaluation.png", 9, None),
)


def staff_import_shot(ws, parent, settle, folder: str) -> None:
    """docs/staff-import.png: Impor dari Berkas… previewing a list with a line of each kind."""
    from pathlib import Path

    from wawaran_desktop.views.staff_import_dialog import StaffImportDialog

    known = next(s for s in ws.staff.list() if s.nip)
    lines = ["DAFTAR PEGAWAI BIDANG DIKP", "",
             "Nama;NIP;Jabatan;Pangkat;Golongan;Peran",
             "Drs. Heru Prasetyo, M.Si;19700210 199503 1 003;Kepala Bidang DIKP;Pembina Tingkat I;IV/b;Kepala Bidang",
             f"{known.name};{known.nip};{known.position};;;{known.lane}",
             "Budi Hartanto;19900101 201501 1 009;Pranata Humas;Penata Muda;III/a;Tim",
             "Dewi Lestari;19920715 201903 2 01;Pranata Humas;Penata Muda;III/a;Tim",
             ";19880101 201101 1 005;Pengadministrasi;;II/b;Tim",
             "Agus Salim;-;Pengemudi;;;Kernet",
             "Rudi Hartono;19900101 201501 1 009;Pengemudi;;;Supir",
             "Wahyu Nugroho;;Operator Sound System;;;Humas"]
    path = Path(folder) / "Daftar Pegawai DIKP.csv"
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    dialog = StaffImportDialog(ws, parent)
    dialog.resize(1180, 480)
    dialog.show()
    dialog.load(path)
    dialog.ui.fileEdit.setText(r"C:\Users\humas\Documents\Daftar Pegawai DIKP.csv")
    settle()
    dialog.grab().save(str(DOCS / "staff-import.png"))
    print("docs/staff-import.png")
    dialog.close()


def main() -> int:
    app, settle = qt_session.start()
    from PySide6.QtWidgets import QTabWidget

    from wawaran_desktop import demo
    from wawaran_desktop.services.records import CampaignStatus
    from wawaran_desktop.services.timing import StepState
    from wawaran_desktop.services.workspace import open_workspace
    from wawaran_desktop.views.main_window import MainWindow
    from wawaran_desktop.views.staff_dialog import StaffDialog

    with tempfile.TemporaryDirectory() as data:
        ws = open_workspace(data)
        demo.run_demo(ws, 60, acting_admin=None, seed=7)  # with the training accounts
        # Signed in the documented way: the Kepala Bidang's training account and password.
        window = MainWindow(ws, ws.accounts.sign_in("rina", demo.TRAINING_PASSWORD))
        window.resize(1366, 768)
        window.show()
        running = next(c for c in ws.campaigns.list() if c.status is CampaignStatus.RUNNING
                       and any(s.state is StepState.RUNNING for s in ws.campaigns.get(c.id).steps))
        window.list.select(running.id)
        settle()
        window.grab().save(str(DOCS / "main-window.png"))
        print("docs/main-window.png")

        done = next(c for c in ws.campaigns.list() if c.status is CampaignStatus.DONE)
        window.list.select(done.id)
        for name, no, sub in STAGE_SHOTS:
            window.ui.stageTabs.setCurrentIndex(no - 1)
            tab = window.stages.stage(no)
            if sub is not None and tab.panel is not None:
                inner = tab.panel.findChild(QTabWidget)
                if inner is not None:
                    inner.setCurrentIndex(sub)
            settle()
            window.grab().save(str(DOCS / name))
            print(f"docs/{name}")

        # The window a Kepala Bidang keeps open: the running campaign with the SOP chart docked.
        window.resize(1366, 900)
        window.list.select(running.id)
        window.swimlane.action.setChecked(True)
        settle()
        window.grab().save(str(DOCS / "main-window-swimlane.png"))
        print("docs/main-window-swimlane.png")
        window.swimlane.action.setChecked(False)
        window.resize(1366, 768)

        dialog = StaffDialog(ws, window)
        dialog.resize(1180, 440)
        dialog.show()
        dialog.ui.staffTable.selectRow(3)  # the Sub Koordinator, with NIP and rank
        settle()
        dialog.grab().save(str(DOCS / "staff-directory.png"))
        print("docs/staff-directory.png")
        staff_import_shot(ws, dialog, settle, data)
        dialog.close()
        window.close()
        ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
