"""Where resources are read from and where user files are written to.

One module owns every standard directory (as qutebrowser's ``standarddir``), with an
override (``--data-dir``) for tests and portable use. The data folder is the user's own: on
POSIX it is made (or tightened to) ``0700`` with owner-only files in it whenever it is opened
(:mod:`wawaran_desktop.infra.private_files`, which also says what is and is not done on Windows).
"""

from __future__ import annotations

import sys
from pathlib import Path

from wawaran_desktop import APP_NAME, ORG_NAME
from wawaran_desktop.infra import private_files

DB_FILENAME = "wawaran.sqlite3"
SETTINGS_FILENAME = "settings.ini"
LOCK_FILENAME = "wawaran.lock"  # held while a window (or migrate-to) has the folder open


def resource_root() -> Path:
    """The ``resources/`` folder, wherever the application runs from.

    - a frozen (PyInstaller) build: ``resources/`` beside the bundled modules (``sys._MEIPASS``,
      packaging/wawaran.spec puts it there);
    - an installed wheel (``pip install .``): ``wawaran_desktop/resources/``, where setup.py
      ships the repository's ``resources/`` folder as package data;
    - the source tree and its editable install: the repository's own ``resources/``.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource(relative: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource("sop/wawaran_keliling.json")``."""
    return resource_root() / relative


def default_data_dir() -> Path:
    """The per-user data folder (QStandardPaths AppDataLocation)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths  # local: keep CLI imports light

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def data_dir(override: str | Path | None = None) -> Path:
    """The data folder to use, created if missing; readable by its owner only where the platform
    allows (an existing folder with looser permissions is tightened, with what it holds)."""
    path = Path(override) if override else default_data_dir()
    private_files.private_dir(path)
    return private_files.secure_data_dir(path, SETTINGS_FILENAME)
