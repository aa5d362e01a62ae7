"""Headless subcommands (no window): ``demo``, ``list`` and ``export``; ``backup``, ``restore`` and
``check`` (``cli/backups.py``); the office server's ``init-server`` and ``migrate-to`` (``cli/server.py``)."""

from __future__ import annotations

import argparse
import os
import sys

from wawaran_desktop import paths
from wawaran_desktop.services.clock import Clock
from wawaran_desktop.services.workspace import OPEN_ERRORS, Workspace, open_workspace

from peewee import PeeweeException  # noqa: I001  (after wawaran_desktop.db, which imports it without psycopg)


def run(args: argparse.Namespace, clock: Clock | None = None) -> int:
    """Run a subcommand; ``clock`` is the workspace clock (tests inject one; by default the
    database server's, or this PC's for a file)."""
    from wawaran_desktop.db.connection import PasswordRequired
    from wawaran_desktop.infra.credentials import PasswordSource, terminal_ask

    if args.command in SERVER_COMMANDS:  # they open the databases themselves, no workspace
        from wawaran_desktop.cli import server

        try:
            with PasswordSource(ask=terminal_ask):  # as below: the environment, the store, the terminal
                return server.run(args)
        except PasswordRequired as exc:
            print(f"galat: {exc}{_no_terminal_advice()}", file=sys.stderr)
            return 2
    from wawaran_desktop.cli.backups import WITHOUT_WORKSPACE

    if args.command in WITHOUT_WORKSPACE:  # restore and check open the file themselves (it may be damaged)
        from wawaran_desktop.cli.backups import run_without_workspace

        return run_without_workspace(args, remembered_database)
    try:
        folder = paths.data_dir(args.data_dir)
        # A server that wants a password: WAWARAN_DB_PASSWORD, the credential store, or the terminal.
        with PasswordSource(ask=terminal_ask):
            ws = open_workspace(folder, clock=clock, database_url=args.database or remembered_database(folder))
    except PasswordRequired as exc:
        print(f"galat: {exc}{_no_terminal_advice()}", file=sys.stderr)
        return 2
    except OPEN_ERRORS as exc:
        print(f"galat: {folder_problem(args.data_dir, exc) if isinstance(exc, OSError) else exc}", file=sys.stderr)
        return 2
    try:
        if ws.database_url is None:  # a PC's file: damage is told with the way out, never used silently
            from wawaran_desktop.services.integrity import quick_check

            checked = quick_check(ws.data_dir)
            if not checked.ok:
                print(f"galat: {checked.text}", file=sys.stderr)
                return 2
        from wawaran_desktop.cli.sign_in import CommandSignInError, signed_in_for

        try:
            args.signed_in = signed_in_for(ws, args)  # who a changing command acts as (cli/sign_in.py)
        except CommandSignInError as exc:
            print(f"galat: {exc}", file=sys.stderr)
            return 2
        return COMMANDS[args.command](ws, args)
    except BrokenPipeError:  # e.g. `list | head`: the reader went away, nothing is wrong
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush is quiet
        return 0
    except (PeeweeException, OSError) as exc:  # a full disk, a lock held too long, … told plainly
        from wawaran_desktop.db.faults import describe

        told = describe(exc)
        if told is None:
            raise
        print(f"galat: {told}", file=sys.stderr)
        return 2
    finally:
        ws.close()


def folder_problem(data_dir: str | None, exc: OSError) -> str:
    """An Indonesian sentence for a data folder that cannot be made or opened (not Python's
    ``[Errno 13] Permission denied``)."""
    import errno

    where = exc.filename or data_dir or "folder data"
    if isinstance(exc, NotADirectoryError) or exc.errno == errno.ENOTDIR:
        what = f"salah satu bagian jalur {where} adalah sebuah berkas, bukan folder"
    elif isinstance(exc, FileExistsError) or exc.errno == errno.EEXIST:
        what = f"{where} adalah sebuah berkas, bukan folder"
    elif isinstance(exc, PermissionError):
        what = f"tidak ada izin membuat atau menulis {where}"
    elif exc.errno == errno.ENOSPC:
        what = "penyimpanan komputer penuh"
    elif exc.errno == errno.ENAMETOOLONG:
        what = f"jalur {where} terlalu panjang"
    elif exc.errno == errno.ENOENT:
        what = f"{where} tidak dapat dibuat (bagian jalurnya tidak ada)"
    else:
        what = f"{where} tidak dapat dibuat atau dibuka ({exc.strerror or 'galat berkas'})"
    return f"Folder data tidak dapat dipakai: {what}. Pilih folder lain dengan --data-dir."


def remembered_database(folder) -> str | None:
    """The database chosen for this PC's data folder under *Pengaturan → Basis Data* (a URL
    without password in ``settings.ini``), which the window and every subcommand open when no
    ``--database`` is given; None: the folder's own file."""
    path = folder / paths.SETTINGS_FILENAME
    if not path.exists():  # no window ever ran here: nothing chosen (and QtCore not needed)
        return None
    from PySide6.QtCore import QSettings

    from wawaran_desktop.infra.credentials import SETTINGS_KEY

    value = QSettings(str(path), QSettings.Format.IniFormat).value(SETTINGS_KEY, "")
    return str(value) if value else None


#: The most example campaigns ``demo`` makes in one run (10,000 take ~30 s), and from how many it
#: reports its progress.
DEMO_MAX = 100_000
DEMO_PROGRESS_FROM = 2_000


def cmd_list(ws: Workspace, args: argparse.Namespace) -> int:
    for item in ws.campaigns.list():
        print(f"{item.id}\t{item.status.value}\t{item.title}")
    return 0


def cmd_demo(ws: Workspace, args: argparse.Namespace) -> int:
    """``demo``: make (or add to) the example office, as :func:`wawaran_desktop.demo.run_demo`
    allows it; exit code 2 with a ``galat:`` line when refused (nothing is written then).

    Who runs it is ``args.signed_in``: the :class:`~wawaran_desktop.services.accounts.AccountRecord`
    of the account signed in for this command (the command line's sign-in, ``--user NAME`` with
    the password in ``WAWARAN_PASSWORD``, sets it before the command runs), or None, or absent
    when nobody signed in. It is required once the database holds accounts. ``args.force``: add
    the demo also to a database holding data that is not the demo's.
    """
    from wawaran_desktop import demo
    from wawaran_desktop.text.formatting import thousands

    if args.campaigns < 1:
        print("galat: --campaigns harus paling sedikit 1", file=sys.stderr)
        return 2
    if args.campaigns > DEMO_MAX:
        print(f"galat: --campaigns paling banyak {thousands(DEMO_MAX)} (diminta {thousands(args.campaigns)}): contoh "
              "sebanyak itu tidak berguna untuk pelatihan atau uji, dan memerlukan memori dan waktu berjam-jam. "
              "Berkas tidak diubah.", file=sys.stderr)
        return 2
    signed_in = getattr(args, "signed_in", None)

    def progress(done: int, total: int) -> None:  # long runs say how far they are (stderr)
        if total >= DEMO_PROGRESS_FROM and 0 < done < total:
            print(f"… {thousands(done)} dari {thousands(total)} kampanye", file=sys.stderr, flush=True)

    try:
        run = demo.run_demo(ws, args.campaigns, seed=args.seed, acting_admin=signed_in,
                            force=bool(getattr(args, "force", False)), progress=progress)
    except demo.DemoRefused as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 2
    result = run.result
    print(f"{result.campaigns_added} kampanye contoh ditambahkan "
          f"({result.staff_added} petugas baru); total {ws.campaigns.count()} kampanye di {ws.db_path}")
    added = [a for a in run.accounts if a.added]
    if added:
        names = ", ".join(f"{a.username} ({a.name}{', administrator' if a.is_admin else ''})" for a in added)
        print(f"Akun latihan baru, kata sandi {demo.TRAINING_PASSWORD!r} untuk semuanya: {names}")
    elif ws.accounts.server_mode:
        print("Akun latihan tidak dibuat di server kantor: di sana setiap akun adalah login PostgreSQL, "
              "dan kata sandi latihan diketahui umum.")
    elif run.forced_over and not run.accounts:
        print("Akun latihan tidak dibuat: basis data ini berisi data lain dan belum mempunyai administrator.")
    if run.forced_over:
        print(f"Peringatan: data contoh ditambahkan ke basis data yang juga berisi data lain "
              f"({run.forced_over.text()})."
              + (" Akun contoh memakai kata sandi latihan yang diketahui umum: nonaktifkan akun itu bila basis "
                 "data ini dipakai sungguhan." if added else ""), file=sys.stderr)
    return 0


#: ``export KIND``: the module and function that make each kind of document, imported only
#: when asked for. Each takes ``(ws, args)``, writes ``args.output`` atomically, prints what it
#: wrote and returns the exit code (2 with a message on stderr for bad input).
EXPORTERS = {
    "swimlane": "wawaran_desktop.cli.swimlane:export_swimlane",
    "sop": "wawaran_desktop.cli.swimlane:export_sop",
    "narration": "wawaran_desktop.cli.documents:export_narration",
    "disposition": "wawaran_desktop.cli.documents:export_disposition",
    "report": "wawaran_desktop.cli.documents:export_report",
    "workbook": "wawaran_desktop.cli.documents:export_workbook",
}


def cmd_export(ws: Workspace, args: argparse.Namespace) -> int:
    import importlib

    module_name, function_name = EXPORTERS[args.kind].split(":")
    exporter = getattr(importlib.import_module(module_name), function_name)
    return exporter(ws, args)


def cmd_verify_history(ws: Workspace, args: argparse.Namespace) -> int:
    from wawaran_desktop.cli.history import verify_history

    return verify_history(ws, args)


def cmd_backup(ws: Workspace, args: argparse.Namespace) -> int:
    from wawaran_desktop.cli.backups import cmd_backup as backup

    return backup(ws, args)


COMMANDS = {"list": cmd_list, "demo": cmd_demo, "export": cmd_export, "verify-history": cmd_verify_history,
            "backup": cmd_backup}
def _no_terminal_advice() -> str:
    """How to give a server's password when there is no terminal to ask on."""
    if sys.stdin and sys.stdin.isatty():
        return ""
    return (" Tanpa terminal kata sandi tidak dapat ditanyakan: berikan lewat variabel WAWARAN_DB_PASSWORD "
            "(atau PGPASSWORD / berkas pgpass PostgreSQL), atau simpan di penyimpan kredensial lewat jendela: "
            "Pengaturan → Basis Data.")


#: The office server's subcommands (``cli/server.py``), run without opening a workspace.
SERVER_COMMANDS = ("init-server", "migrate-to")
