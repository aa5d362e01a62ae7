"""Owner-only files: the data folder and what the application keeps in it.

The data folder, its database (and SQLite's ``-wal``/``-shm`` beside it), the copies taken
before a migration (``backups/``), the error log and ``settings.ini`` are readable by their
owner only, where the platform allows:

* **POSIX** (Linux, macOS): folders ``0700``, files ``0600``. New files are *created* that way
  (``os.open(…, 0o600)``, ``mkdir(mode=0o700)``), and an existing data folder is *tightened*
  when it is opened (:func:`secure_data_dir`): group and other bits are cleared from the folder
  and everything in it (a subfolder already owner-only is not walked again). Tightening only ever removes bits: a read-only ``0444`` file becomes
  ``0400``, never writable. A file or folder the process does not own (so may not ``chmod``)
  is left as it is, silently: permissions are a second line of defence, the folder's own
  ``0700`` the first, and a start-up must not fail over them.

  SQLite makes ``-wal``, ``-shm`` and ``-journal`` with the permissions of the database file
  itself (its ``robust_open``/``findCreateFileMode``), so a database created ``0600`` gets
  ``0600`` companions (tests/unit/test_file_permissions.py checks it on a real file). No process
  umask is set: it would also apply to documents the user exports to a place of their
  choosing, which keep the ordinary permissions of that place (:mod:`.atomic` gives only
  files *inside* the data folder owner-only permissions).

  ``settings.ini`` is written by Qt (``QSettings`` through ``QSaveFile``), which keeps an
  existing file's permissions but creates a new one ``0666`` less the umask. So when Qt is
  loaded in this process (the window; or a command that found the default folder through
  ``QStandardPaths``), :func:`secure_data_dir` puts an empty owner-only ``settings.ini`` there
  first; a command-line run on ``--data-dir`` does not load Qt and writes no settings. Qt's
  ``wawaran.lock`` (only the process id and host name) is created by ``QLockFile`` with
  ``O_EXCL`` and cannot be made beforehand; it is tightened at the next opening and sits in
  the ``0700`` folder meanwhile. Subfolders made elsewhere (``attachments/``, ``office/``,
  ``cache/``) are likewise created by ``mkdir`` and tightened at the next opening; the files in
  them are written through ``mkstemp`` (``0600``) or :mod:`.atomic`.

* **Windows**: nothing is changed. ``os.chmod`` there only sets or clears the read-only
  attribute (it would even make a read-only database writable), and real access control
  needs ACLs (pywin32 or ``icacls``), which this module does not touch. The default data
  folder, ``%APPDATA%\\Diskominfo Kota Tangerang\\Wawaran Desktop``, lies in the user's profile,
  whose inherited ACL already grants access only to that user, SYSTEM and Administrators. A
  ``--data-dir`` elsewhere (another drive, a USB stick, a network share) keeps whatever ACL that
  place gives. This has not been tested on Windows.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TextIO

#: Whether permission bits are set at all (POSIX only; see the module's docstring for Windows).
ENFORCED = os.name == "posix"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_OTHERS = 0o077  # group and other bits: what tightening removes

_private_roots: list[Path] = []  # the data folders secured in this process
#: Binary at the C runtime's level on Windows (as Python's own open() does): the text layer above
#: translates line ends once, not twice.
_BINARY = getattr(os, "O_BINARY", 0)


def tighten(path: str | Path) -> None:
    """Clear the group and other bits of ``path`` (never adding any); best effort, POSIX only.
    A symbolic link is left alone (its target may be anywhere)."""
    if not ENFORCED:
        return
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode) or not mode & _OTHERS:
            return
        os.chmod(path, stat.S_IMODE(mode) & ~_OTHERS)
    except OSError:
        pass  # not ours to change (another owner), or gone meanwhile


def private_dir(path: str | Path) -> Path:
    """``path`` as an existing owner-only folder (created ``0700`` if missing, else tightened)."""
    path = Path(path)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)  # parents: the umask's permissions
    tighten(path)
    return path


def create_private_file(path: str | Path) -> Path:
    """Make sure ``path`` exists as an owner-only file (an empty one when new); its content is
    never touched. OSError when it cannot be created."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | _BINARY, PRIVATE_FILE)
    os.close(fd)
    tighten(path)  # an existing file keeps the mode it had: tighten it
    return path


def open_private_append(path: str | Path, encoding: str = "utf-8") -> TextIO:
    """``path`` opened for appending text, created owner-only (an existing one tightened)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _BINARY, PRIVATE_FILE)
    try:
        tighten(path)
        return os.fdopen(fd, "a", encoding=encoding)
    except BaseException:
        os.close(fd)
        raise


def tighten_tree(folder: str | Path, *, always: bool = True) -> None:
    """Tighten ``folder``, its files, and its subfolders with theirs (symbolic links not followed).

    A subfolder that is already owner-only is not walked: it was tightened at an earlier
    opening (or made private), and what is written in it since is made owner-only (``mkstemp``,
    :mod:`.atomic`), so a start-up does not stat thousands of attachments every time.
    ``always``: walk ``folder`` itself even when it is already owner-only (the data folder)."""
    if not ENFORCED:
        return
    try:
        loose = os.lstat(folder).st_mode & _OTHERS
    except OSError:
        return
    tighten(folder)
    if not (always or loose):
        return
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                tighten_tree(entry.path, always=False)
            else:
                tighten(entry.path)
        except OSError:
            continue


def secure_data_dir(folder: str | Path, settings_name: str | None = None) -> Path:
    """Make the data ``folder`` owner-only (see the module's docstring): tightened with all it
    holds the first time in a process, and remembered so that :mod:`.atomic` writes new files
    in it owner-only. ``settings_name``: the settings file Qt writes, made beforehand owner-only
    when Qt is loaded. The folder must exist."""
    folder = Path(folder)
    if not ENFORCED:
        return folder
    resolved = folder.resolve()
    if resolved not in _private_roots:
        tighten_tree(folder)
        _private_roots.append(resolved)
    else:
        tighten(folder)
    if settings_name and "PySide6.QtCore" in sys.modules:
        settings = folder / settings_name
        if not settings.exists():
            try:
                create_private_file(settings)
            except OSError:
                pass  # Qt will say so when it cannot write it either
    return folder


def in_private_folder(path: str | Path) -> bool:
    """Whether ``path`` lies in a data folder secured by :func:`secure_data_dir` in this process."""
    if not _private_roots:
        return False
    try:
        resolved = Path(path).resolve()
    except OSError:
        return False
    return any(resolved == root or root in resolved.parents for root in _private_roots)
