"""Startup order and the command line.

Without a subcommand the window opens; subcommands do headless work and never create a
QApplication (only QtCore is touched to find the default data folder).
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time

from wawaran_desktop import APP_NAME, __version__, paths

_PROCESS_T0 = time.perf_counter()
LOCK_NAME = paths.LOCK_FILENAME


#: argparse's own (English) error texts and their Indonesian versions, tried in order.
_ARGPARSE_MESSAGES: list[tuple[str, str]] = [
    (r"the following arguments are required: (.*)", r"argumen berikut wajib diisi: \1"),
    (r"argument (\S+): invalid int value: (.*)", r"argumen \1: harus bilangan bulat, bukan \2"),
    (r"argument (\S+): invalid float value: (.*)", r"argumen \1: harus bilangan, bukan \2"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"argumen \1: pilihan \2 tidak dikenal (pilih salah satu: \3)"),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"argumen \1: nilai \3 tidak sah"),
    (r"argument (\S+): expected one argument", r"argumen \1: memerlukan satu nilai"),
    (r"argument (\S+): expected at least one argument", r"argumen \1: memerlukan sedikitnya satu nilai"),
    (r"argument (\S+): not allowed with argument (\S+)", r"argumen \1 tidak boleh dipakai bersama \2"),
    (r"argument (\S+): ignored explicit argument (.*)", r"argumen \1: nilai \2 tidak diharapkan"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"opsi \1 ambigu, bisa berarti: \2"),
]


def indonesian_error(message: str) -> str:
    """argparse's English error ``message`` in Indonesian (unknown ones are kept as they are)."""
    for pattern, replacement in _ARGPARSE_MESSAGES:
        if re.fullmatch(pattern, message, flags=re.DOTALL):
            return re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message


class IndonesianArgumentParser(argparse.ArgumentParser):
    """Errors as one Indonesian ``galat: …`` line on stderr and exit code 2 (subparsers too:
    ``add_subparsers`` makes them of the parent's class)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"galat: {indonesian_error(message)}\nLihat: {self.prog} --help\n")


def build_parser() -> argparse.ArgumentParser:
    parser = IndonesianArgumentParser(
        prog="python main.py",
        description=f"{APP_NAME} {__version__} — SOP Penyebaran Informasi melalui Mobil Wawaran "
                    "Keliling, Diskominfo Kota Tangerang. Tanpa perintah: membuka jendela aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder data (basis data dan pengaturan); bawaan: folder data pengguna")
    parser.add_argument("--database", metavar="URL",
                        help="basis data bersama di server kantor: postgresql://server:port/nama "
                             "(bawaan: berkas SQLite di folder data, tanpa server)")
    parser.add_argument("--user", metavar="NAMA",
                        help="masuk sebagai akun ini; kata sandi dari variabel lingkungan WAWARAN_PASSWORD "
                             "atau ditanyakan di terminal (wajib untuk perintah yang mengubah data)")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", title="perintah", metavar="PERINTAH")
    demo = sub.add_parser("demo", help="isi basis data dengan contoh kampanye (pelatihan, tangkapan layar, benchmark)")
    demo.add_argument("--campaigns", type=int, default=25, metavar="N", help="jumlah kampanye contoh (bawaan 25)")
    demo.add_argument("--seed", type=int, default=None, help="benih acak agar hasil dapat diulang")
    demo.add_argument("--force", action="store_true",
                      help="tambahkan juga ke basis data yang berisi data selain data contoh")
    sub.add_parser("list", help="cetak satu kampanye per baris: id, status, judul")
    sub.add_parser("verify-history", help="periksa rantai riwayat dan jangkarnya: 0 utuh, 2 tidak")
    export = sub.add_parser(
        "export", help="buat dokumen tanpa jendela: swimlane, sop, narration, disposition, report, workbook",
        description="Buat dokumen tanpa membuka jendela. Format menurut akhiran berkas keluaran.")
    export.add_argument("kind", choices=("swimlane", "sop", "narration", "disposition", "report", "workbook"),
                        help="jenis dokumen")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="berkas keluaran")
    export.add_argument("--campaign", type=int, metavar="ID", help="id kampanye (lihat perintah list)")
    export.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="awal rentang tanggal (workbook)")
    export.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="akhir rentang tanggal (workbook)")
    from wawaran_desktop.cli.backups import add_parsers as add_backup_parsers  # backup, restore, check
    from wawaran_desktop.cli.server import add_parsers as add_server_parsers  # init-server, migrate-to

    add_backup_parsers(sub)
    add_server_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return run_gui(args)
    from wawaran_desktop import cli

    return cli.run(args)


def open_workspace_or_explain(data_dir: str | None, database_url: str | None = None, remembered: bool = False):
    """Open the data folder; on failure tell the user why (in Indonesian) and return None.

    A server that wants a password is answered by the credential store or a dialog. When
    ``remembered`` (the URL is this PC's choice, not ``--database``) and the server cannot be
    opened, the user may try again or open the folder's own file for now.
    """
    import contextlib

    from PySide6.QtWidgets import QMessageBox

    from wawaran_desktop import paths
    from wawaran_desktop.services.workspace import OPEN_ERRORS, open_workspace

    while True:
        try:
            if database_url:
                from wawaran_desktop.views.password_dialog import password_source

                asking = password_source()
            else:
                asking = contextlib.nullcontext()
            with asking:
                return open_workspace(paths.data_dir(data_dir), database_url=database_url)
        except OPEN_ERRORS as exc:
            from wawaran_desktop.db.connection import DatabaseDamaged

            if isinstance(exc, DatabaseDamaged) and not database_url:
                from wawaran_desktop.views.damaged_start import offer_restore

                restored = offer_restore(paths.data_dir(data_dir), exc)
                if restored:
                    continue  # restored: open it again
                if restored is False:
                    return None  # declined or refused: the user has been told
            if not (remembered and database_url):
                from wawaran_desktop.cli import folder_problem

                told = folder_problem(data_dir, exc) if isinstance(exc, OSError) else exc
                QMessageBox.critical(None, APP_NAME, f"Aplikasi tidak dapat dibuka.\n\n{told}")
                return None
            from wawaran_desktop.views.database_dialog import ask_after_failure

            answer = ask_after_failure(database_url, exc)
            if answer == "quit":
                return None
            if answer == "local":
                database_url, remembered = None, False


def run_gui(args: argparse.Namespace) -> int:
    # Nearly everything start-up allocates (modules, classes, Qt's enums, the SOP) lives as
    # long as the window does, so the cyclic collector's passes over it on the way are
    # wasted (the README's Benchmarks section gives the figure). It is paused until the
    # window is shown; then those objects are frozen (gc.freeze), and later collections,
    # which can stall the GUI thread, no longer walk them either. (No collection before
    # freezing: it would walk everything start-up made. The few hundred garbage objects alive
    # then are kept.)
    from wawaran_desktop.infra.gc_pause import paused_gc

    with paused_gc():
        started = _start_window(args)
        gc.freeze()
    if started is None:
        return 1
    return _run_event_loop(*started, args)


def _start_window(args: argparse.Namespace):
    """Everything up to the main window shown: (its WindowSession, held data-folder lock), or
    None after telling the user why not."""
    # The Qt-free layers first: once PySide6 is imported, it inspects every later import
    # (its __feature__ hook), which makes importing peewee and the services slower.
    import wawaran_desktop.services.workspace  # noqa: F401
    import wawaran_desktop.text.formatting  # noqa: F401
    import wawaran_desktop.services.attachments  # noqa: F401  (stage models and shared stage rules)
    import wawaran_desktop.db.stage_models  # noqa: F401  (every stage workspace uses them)

    from PySide6.QtWidgets import QApplication

    from wawaran_desktop import ORG_NAME

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from wawaran_desktop.views.language import install_indonesian

    install_indonesian(app)
    lock = _single_instance_lock(args)
    if lock is None:
        return None
    from wawaran_desktop import paths
    from wawaran_desktop.cli import remembered_database

    url = args.database or remembered_database(paths.data_dir(args.data_dir))
    ws = open_workspace_or_explain(args.data_dir, url, remembered=not args.database)
    if ws is None:
        lock.unlock()
        return None

    from wawaran_desktop.views.database_dialog import WindowSession

    session = WindowSession(lambda workspace: _make_window(workspace, args))
    if session.show(ws) is None:  # nobody signed in
        ws.close()
        lock.unlock()
        return None
    return session, lock


def _make_window(ws, args: argparse.Namespace):
    """The main window over ``ws`` for the person who signs in (at start-up, and after
    *Pengaturan → Basis Data* switched); None when nobody signed in."""
    from wawaran_desktop.views import error_report
    from wawaran_desktop.views.main_window import MainWindow

    error_report.install(ws.data_dir, ws.clock)
    account = _signed_in(ws, args)
    return MainWindow(ws, account) if account is not None else None


def _signed_in(ws, args: argparse.Namespace):
    """Who acts in the window: ``--user`` with ``WAWARAN_PASSWORD`` (the start-up probe, tools
    and tests), else the sign-in dialog; a database without accounts first runs the first-start
    assistant (views/first_start.py), whose administrator is then signed in."""
    if ws.accounts.server_mode:  # the office server: the connection is the person's own login
        return _server_person(ws, args)
    if getattr(args, "startup_probe", False) and not getattr(args, "user", None):
        print("galat: --startup-probe memerlukan --user NAMA (kata sandi dari WAWARAN_PASSWORD).", file=sys.stderr)
        return None
    if getattr(args, "user", None):
        from wawaran_desktop.cli.sign_in import CommandSignInError, sign_in_from_environment

        try:
            return sign_in_from_environment(ws, args.user)
        except CommandSignInError as exc:
            print(f"galat: {exc}", file=sys.stderr)
            return None
    if not ws.accounts.has_accounts():
        from wawaran_desktop.views.first_start import run_first_start

        return run_first_start(ws)
    from wawaran_desktop.views.sign_in_dialog import sign_in

    return sign_in(ws)


def _server_person(ws, args: argparse.Namespace):
    """On the office server the window acts as the login it connected with (the server checked
    its password): its account, after a one-time password was replaced. None (told) when the login
    has no account, is deactivated, or is not the ``--user`` asked for."""
    from PySide6.QtWidgets import QMessageBox

    from wawaran_desktop.services.accounts import SignInRefused

    try:
        account = ws.accounts.current()
    except SignInRefused as exc:
        if getattr(args, "startup_probe", False):
            print(f"galat: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(None, APP_NAME, str(exc))
        return None
    user = getattr(args, "user", None)
    if user and user.strip().lower() != account.username:
        message = (f"Basis data server dibuka sebagai {account.username}, bukan {user}: sambungkan sebagai {user} "
                   f"(postgresql://{user}@server/nama).")
        print(f"galat: {message}", file=sys.stderr)
        return None
    if account.must_change:
        from wawaran_desktop.views.sign_in_dialog import sign_in

        return sign_in(ws, heading="Ganti kata sandi sekali pakai")
    return account


def _run_event_loop(session, lock, args: argparse.Namespace) -> int:
    """Until the window closes; ``session`` holds it, and the one after a switch of database."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if args.startup_probe:  # bench/startup.py: report when the event loop runs, then quit
        from PySide6.QtCore import QTimer

        def report() -> None:
            print(f"ready {time.perf_counter() - _PROCESS_T0:.4f}", flush=True)
            session.window.close()

        QTimer.singleShot(0, report)
    code = app.exec()
    session.window.ws.close()
    lock.unlock()
    return code


def _single_instance_lock(args: argparse.Namespace):
    """One window per data folder: a second one would fight the first over the database.

    Returns the held QLockFile, or None after telling the user (on stderr in probe mode).
    """
    from PySide6.QtCore import QLockFile
    from PySide6.QtWidgets import QMessageBox

    from wawaran_desktop import paths

    try:
        folder = paths.data_dir(args.data_dir)
    except OSError as exc:
        from wawaran_desktop.cli import folder_problem

        QMessageBox.critical(None, APP_NAME, folder_problem(args.data_dir, exc))
        return None
    lock = QLockFile(str(folder / LOCK_NAME))
    if lock.tryLock(0):
        return lock
    message = (f"Wawaran Desktop sudah terbuka untuk folder data ini ({folder}). Gunakan jendela yang "
               "sudah terbuka, atau tutup dulu jendela itu.")
    if args.startup_probe:
        print(message, file=sys.stderr)
    else:
        QMessageBox.warning(None, APP_NAME, message)
    return None
