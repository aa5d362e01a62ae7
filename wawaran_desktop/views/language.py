"""Indonesian for Qt's own texts (standard buttons, context menus) and for calendars."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from wawaran_desktop import paths

_installed: list[QTranslator] = []  # kept alive for the application's lifetime


def install_indonesian(app: QCoreApplication) -> bool:
    """Make Qt speak Indonesian; returns False when the translation file is missing."""
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    if _installed:
        return True
    translator = QTranslator(app)
    if not translator.load(str(paths.resource("translations/qtbase_id.qm"))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
