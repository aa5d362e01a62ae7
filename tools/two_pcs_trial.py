"""The office-server trial of issue 12, as two people on two PCs would do it, scripted.

    python tools/two_pcs_trial.py [--out DIR]

Starts a throw-away PostgreSQL server that checks every login's password (tests/pg_scram.py),
prepares it as an office would (``init-server --login sari``, the Sub Kor and administrator;
``demo``, by the server's administrator, for the team and a few campaigns; the Kepala Bidang's own login ``hendra``, also an
administrator, made by the first one, its one-time password replaced), then runs two separate processes, each the real
application window (``app._start_window``, offscreen) on its own data folder, signed in to the
server as its person's own login, driven through their widgets:

1. PC A (the Sub Kor) creates a campaign and writes the disposition;
2. PC B (the Kepala Bidang) sees it appear in its list without a refresh, opens it and decides
   the theme; PC A sees the theme arrive in its open campaign;
3. both type in the same report (each an administrator who recorded why they act in the Tim's
   step); A's save lands first, B's is refused with B's text kept and
   the conflict bar shown; B compares and keeps its text;
4. both windows show the same figures (list rows, step statuses, the campaign's total);
5. the server is stopped while A types; A shows the banner, keeps the text, reconnects by
   itself once the server is back, and the text is stored.

Each PC writes screenshots and a log of what it saw to DIR (default: a temporary folder); the
orchestrator prints every check and exits 1 if one failed.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "rahasia-uji"
TIMEOUT = 90.0  # seconds a PC waits for the other (or for the server) before it gives up


# -- the orchestrator ------------------------------------------------------------------------
def _main_py(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300, check=False)


def orchestrate(out: Path) -> int:
    # A server that checks every login's password, as an office's does (tests/pg_scram.py).
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_scram import ADMIN_PASSWORD, ONE_TIME, prepare_office, scram_server

    from wawaran_desktop.db.server_accounts import person_url

    with scram_server() as server:
        office = prepare_office(server, out / "admin", "sari", admin_name="Sari Wulandari")
        print("init-server: --login sari (Sub Kor, administrator)")
        env = {"WAWARAN_DB_PASSWORD": ADMIN_PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
        # The examples record other people's work: the server's administrator adds them.
        demo = _main_py("--data-dir", str(out / "admin"), "--database", office.url,
                        "demo", "--campaigns", "5", "--seed", "12", "--force", env=env)
        print("demo as the server's administrator:", demo.returncode, demo.stderr.strip()[-300:])
        # The Kepala Bidang's own login, made by the administrator in the application; its one-time
        # password replaced at the first sign-in.
        ws, sari = office.sign_in("sari", ADMIN_PASSWORD)
        try:
            kabid = next(s for s in ws.staff.list(include_inactive=False) if s.lane == "kabid")
            ws.accounts.create(sari.staff_id, kabid.id, "hendra", is_admin=True, one_time_password=ONE_TIME)
        finally:
            ws.close()
        time.sleep(1)  # (this PC's slow-down after the wrong guess of an earlier run, if any)
        ws, _hendra = office.sign_in("hendra", ONE_TIME)
        try:
            ws.accounts.change_password("hendra", ONE_TIME, PASSWORD)
        finally:
            ws.close()
        sync = out / "sync"
        sync.mkdir(parents=True, exist_ok=True)
        logins = {"A": ("sari", ADMIN_PASSWORD), "B": ("hendra", PASSWORD)}
        pcs = {pc: subprocess.Popen([sys.executable, __file__, "--pc", pc, "--url",
                                     person_url(office.address(), logins[pc][0]), "--out", str(out)],
                                    env={**os.environ, **env, "WAWARAN_DB_PASSWORD": logins[pc][1]})
               for pc in "AB"}
        # The server goes away while A types (A says when), and comes back a few seconds later.
        _wait_flag(sync, "A-typing-offline", TIMEOUT * 2)
        server.halt()
        (sync / "server-stopped").touch()
        time.sleep(4)
        server.resume()
        (sync / "server-started").touch()
        codes = {pc: process.wait(timeout=TIMEOUT * 3) for pc, process in pcs.items()}
    failed = 0
    for pc in "AB":
        log = out / f"pc-{pc}.json"
        checks = json.loads(log.read_text(encoding="utf-8")) if log.exists() else [["PC did not report", False]]
        for text, ok in checks:
            print(f"PC {pc}: {'ok ' if ok else 'GAGAL'} {text}")
            failed += not ok
        failed += codes[pc] != 0
    print(f"screenshots and logs: {out}")
    return 1 if failed else 0


def _wait_flag(sync: Path, flag: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not (sync / flag).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {flag} within {timeout:.0f} s")
        time.sleep(0.1)


# -- one PC ------------------------------------------------------------------------------------
class Pc:
    """One window, driven step by step from the event loop (each step waits for a condition)."""

    def __init__(self, name: str, url: str, out: Path) -> None:
        from wawaran_desktop import app

        self.name, self.out, self.sync = name, out, out / "sync"
        args = app.build_parser().parse_args(["--data-dir", str(out / f"pc-{name}"), "--database", url])
        started = app._start_window(args)
        assert started is not None, "the window did not open"
        self.session, self._lock = started
        self.checks: list[tuple[str, bool]] = []

    @property
    def window(self):
        return self.session.window

    def check(self, text: str, ok: bool) -> None:
        self.checks.append((text, bool(ok)))

    def shot(self, label: str, widget=None) -> None:
        (widget or self.window).grab().save(str(self.out / f"pc-{self.name}-{label}.png"))

    def flag(self, name: str) -> None:
        (self.sync / f"{self.name}-{name}").touch()

    def flagged(self, name: str) -> bool:
        return (self.sync / name).exists()

    def act_as(self, lane: str) -> None:
        """The PC's person is its login's (signed in by the server): check they are of ``lane``."""
        account = self.window.session.account
        self.check(f"masuk sebagai {account.name} ({account.username}, lajur {account.lane})", account.lane == lane)

    def wait(self, condition, what: str, timeout: float = TIMEOUT) -> bool:
        """Run the event loop until ``condition()`` holds (True) or ``timeout`` (False, recorded)."""
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            with contextlib.suppress(Exception):  # a widget not there yet: keep waiting
                if condition():
                    return True
            time.sleep(0.02)
        self.check(f"tidak terjadi dalam {timeout:.0f} dtk: {what}", False)
        return False

    def report(self) -> None:
        (self.out / f"pc-{self.name}.json").write_text(json.dumps(self.checks, ensure_ascii=False, indent=1),
                                                       encoding="utf-8")


TITLE = "Wawaran Uji Dua PC"


def _campaign_row(window) -> int | None:
    model = window.list.model
    for row in range(model.rowCount()):
        if model.index(row, 1).data() == TITLE:
            return row
    return None


def _row_texts(window) -> list[str]:
    model, row = window.list.model, _campaign_row(window)
    return [str(model.index(row, column).data()) for column in range(model.columnCount())]


def run_pc_a(pc: Pc) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    w = pc.window
    pc.act_as("subkor")

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, fill_dialog)
            return
        dialog.ui.titleEdit.setText(TITLE)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(50, fill_dialog)
    w.ui.actionNewCampaign.trigger()
    (pc.sync / "A-created-at").write_text(repr(time.time()), encoding="utf-8")
    pc.check("kampanye dibuat dan terbuka", w.record is not None and w.record.title == TITLE)
    w.ui.stageTabs.setCurrentIndex(4)
    disposition = w.stages.stage(5).panel
    disposition.ui.halEdit.setText("Penyebaran informasi vaksinasi HPV di sekolah")
    disposition.ui.suratDariEdit.setText("Dinas Kesehatan Kota Tangerang")
    pc.check("disposisi tersimpan", disposition.flush())
    pc.shot("1-disposisi")
    pc.flag("disposition-written")

    pc.wait(lambda: w.record.theme == "Lindungi anak dari kanker serviks", "tema dari PC B tampil di PC A")
    pc.check("tema yang diputuskan di PC B tampil tanpa muat ulang", "Lindungi anak" in w.ui.metaLabel.text())
    pc.shot("2-tema-dari-pc-b")

    # The report: A starts step 8 (with a reason: earlier steps are open); B starts typing;
    # A writes and saves first while B is still typing.
    from wawaran_desktop.services.stages.report import Service as ReportService

    record_id = w.record.id
    # Both PCs' people are administrators outside the report's lane (the Tim's): each records why
    # (in the window the question *Bertindak di luar lajur* asks it; here the service directly).
    w.ws.lanes.override(w.current_actor(), record_id, 8, "Uji dua PC: Sub Kor ikut menulis laporan")
    w.ws.steps.start(w.current_actor(), record_id, 8, reason="Uji dua PC")
    pc.flag("step8-started")
    pc.wait(lambda: pc.flagged("B-report-open"), "PC B membuka laporan")
    w.ui.stageTabs.setCurrentIndex(7)
    report = w.stages.stage(8).panel
    pc.wait(lambda: report.record is not None, "panel laporan")
    report.ui.bodyEdit.setPlainText("Laporan PC A: 120 selebaran di 3 lokasi.")
    pc.check("laporan PC A tersimpan lebih dulu", report.flush())
    pc.flag("report-saved")

    pc.wait(lambda: pc.flagged("B-kept-mine"), "PC B memilih teksnya")
    pc.wait(lambda: "Paragraf PC B" in report.ui.bodyEdit.toPlainText(), "teks PC B tampil di PC A")
    pc.check("teks yang dipertahankan PC B tampil di PC A", "Paragraf PC B" in report.ui.bodyEdit.toPlainText())
    pc.wait(lambda: pc.flagged("B-figures"), "angka PC B")
    figures_b = json.loads((pc.sync / "B-figures").read_text(encoding="utf-8"))
    pc.wait(lambda: w.record.status.value == figures_b["status"], "status sama")
    figures_a = _figures(w)
    pc.check(f"baris daftar sama di kedua PC: {figures_a['row']}", figures_a["row"] == figures_b["row"])
    pc.check("status tiap tahap sama di kedua PC", figures_a["steps"] == figures_b["steps"])
    pc.check(f"waktu kerja kampanye sama ({figures_a['total']} / {figures_b['total']})",
             abs(figures_a["elapsed"] - figures_b["elapsed"]) <= 2)

    # The server goes away mid-edit.
    report.ui.bodyEdit.setFocus()
    report.ui.bodyEdit.setPlainText(report.ui.bodyEdit.toPlainText() + "\nCatatan saat server mati.")
    pc.flag("typing-offline")
    pc.wait(lambda: pc.flagged("server-stopped"), "server dihentikan")
    report.ui.bodyEdit.appendPlainText("Ditulis ketika server berhenti.")
    pc.check("simpanan saat server mati tidak dianggap tersimpan", not report.flush())
    pc.wait(lambda: _banner_text(w).startswith("Koneksi"), "spanduk koneksi terputus")
    pc.check(f"spanduk tampil: {_banner_text(w)!r}", _banner_text(w).startswith("Koneksi"))
    pc.check("teks tetap di layar, pesan di bawah isian", "Ditulis ketika server berhenti." in
             report.ui.bodyEdit.toPlainText() and report.ui.errorLabel.text().startswith("Koneksi ke server terputus"))
    pc.shot("3-server-mati")
    pc.wait(lambda: pc.flagged("server-started"), "server dijalankan lagi")
    pc.wait(lambda: "Tersambung kembali" in _banner_text(w), "tersambung kembali", timeout=60)
    pc.check(f"spanduk berganti: {_banner_text(w)!r}", "Tersambung kembali" in _banner_text(w))
    pc.shot("4-tersambung-kembali")
    pc.wait(lambda: "Ditulis ketika server berhenti." in ReportService(w.ws).get(record_id).body,
            "teks tersimpan setelah tersambung", timeout=30)
    stored = ReportService(w.ws).get(record_id).body
    pc.check("tidak ada yang hilang: teks yang diketik saat server mati tersimpan",
             "Ditulis ketika server berhenti." in stored and "Paragraf PC B" in stored)


def _banner_text(window) -> str:
    """What the window's connection banner says ("" while it is hidden or not made yet)."""
    from wawaran_desktop.views.connection_banner import ConnectionBanner

    banners = [b for b in window.findChildren(ConnectionBanner) if b.isVisible()]
    return banners[0].label.text() if banners else ""


def _figures(window) -> dict:
    record = window.record
    now = window.ws.clock()
    return {"row": _row_texts(window)[:4], "status": record.status.value,
            "steps": [window.stages.stage(n).ui.statusLabel.text() for n in range(1, 10)],
            "total": window.ui.totalLabel.text(), "elapsed": record.elapsed(now)}


def run_pc_b(pc: Pc) -> None:
    w = pc.window
    pc.act_as("kabid")
    pc.wait(lambda: _campaign_row(w) is not None, "kampanye PC A muncul di daftar PC B")
    seen_at = time.time()
    pc.wait(lambda: pc.flagged("A-created-at"), "PC A mencatat waktu pembuatan")
    seen = seen_at - float((pc.sync / "A-created-at").read_text(encoding="utf-8"))
    pc.check(f"kampanye PC A muncul di PC B {seen:.2f} dtk setelah disimpan, tanpa muat ulang", seen <= 2.0)
    pc.shot("1-kampanye-muncul")
    pc.wait(lambda: pc.flagged("A-disposition-written"), "PC A menulis disposisi")
    w.list.select(w.list.model.id_at(_campaign_row(w)))
    pc.wait(lambda: w.record is not None and w.record.title == TITLE, "kampanye terbuka")
    w.ui.stageTabs.setCurrentIndex(4)
    hal = w.stages.stage(5).panel.ui.halEdit.text()
    pc.check(f"disposisi PC A terbaca di PC B: {hal!r}", hal.startswith("Penyebaran informasi vaksinasi"))
    w.ui.stageTabs.setCurrentIndex(2)
    theme = w.stages.stage(3).panel
    theme.ui.themeEdit.setFocus()
    theme.ui.themeEdit.setText("Lindungi anak dari kanker serviks")
    theme.ui.notulenEdit.setPlainText("Kepala Bidang memutuskan tema setelah briefing.")
    theme.ui.deciderCombo.setCurrentIndex(theme.ui.deciderCombo.findData(w.current_actor()))
    theme.ui.deciderCombo.activated.emit(theme.ui.deciderCombo.currentIndex())
    pc.check("tema dan notulen tersimpan", theme.flush())
    pc.shot("2-tema-diputuskan")

    pc.wait(lambda: pc.flagged("A-step8-started"), "PC A memulai tahap 8")
    pc.wait(lambda: w.record.step(8).state.value == "running", "tahap 8 berjalan di PC B")
    w.ui.stageTabs.setCurrentIndex(7)
    w.ws.lanes.override(w.current_actor(), w.record.id, 8, "Uji dua PC: Kepala Bidang ikut menulis laporan")
    report = w.stages.stage(8).panel
    pc.wait(lambda: report.record is not None, "panel laporan")
    report.ui.bodyEdit.setFocus()
    mine = "Laporan PC B.\nParagraf PC B: warga bertanya jadwal vaksinasi."
    report.ui.bodyEdit.setPlainText(mine)  # typed, not yet stored: B is still typing when A saves
    report._autosave.stop()
    pc.flag("report-open")
    pc.wait(lambda: pc.flagged("A-report-saved"), "PC A menyimpan laporan")
    # A's save reaches B as a live refresh, which tries B's pending text: refused (based on the
    # version B opened). Should the notice be slow, B's own next autosave meets the same refusal.
    if not pc.wait(lambda: report.in_conflict, "penolakan lewat pembaruan langsung", timeout=3):
        pc.checks.pop()
        report.flush()
    refused = report.in_conflict
    pc.check("simpanan PC B yang datang belakangan ditolak", refused and report.in_conflict)
    pc.check("teks PC B tetap di layar, ditandai", report.ui.bodyEdit.toPlainText() == mine
             and report.ui.bodyEdit.property("conflict") is True)
    pc.check(f"bar menyebut siapa: {report.conflict_bar.label.text()[:80]!r}", "diubah oleh" in
             report.conflict_bar.label.text())
    pc.shot("3-konflik")
    from wawaran_desktop.views.conflict_bar import CompareDialog

    compare = CompareDialog({"Laporan": mine}, report.conflict_bar.error.theirs, report.conflict_bar.error.by, w)
    mine_pane, theirs_pane = compare.panes["Laporan"]
    pc.check("bandingkan memuat kedua teks", mine_pane.toPlainText() == mine
             and theirs_pane.toPlainText().startswith("Laporan PC A"))
    pc.shot("4-bandingkan", compare)
    compare.deleteLater()
    report.conflict_bar.mine_button.click()
    pc.check("PC B mempertahankan teksnya", not report.in_conflict and report.record.body == mine)
    pc.flag("kept-mine")
    (pc.sync / "B-figures").write_text(json.dumps(_figures(w)), encoding="utf-8")


def run_pc(name: str, url: str, out: Path) -> int:
    pc = Pc(name, url, out)
    try:
        (run_pc_a if name == "A" else run_pc_b)(pc)
    except Exception as exc:  # noqa: BLE001 - reported as a failed check
        import traceback

        pc.check(f"berhenti karena galat: {exc!r}\n{traceback.format_exc()}", False)
    finally:
        pc.report()
        pc.flag("done")
        other = "B" if name == "A" else "A"
        pc.wait(lambda: pc.flagged(f"{other}-done"), f"PC {other} selesai", timeout=TIMEOUT * 2)
        pc.window.close()
    return 0 if all(ok for _, ok in pc.checks) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--pc", choices=("A", "B"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="wawaran-two-pcs-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.pc:
        return run_pc(args.pc, args.url, out)
    return orchestrate(out)


if __name__ == "__main__":
    sys.exit(main())
