"""Every window and dialog of the package fits a 1366x768 screen at 100%, 125% and 150% display
scaling, and a 1920x1080 one, with every button reachable and no Alt letter used twice.

tests/window_fit.py does the opening and checking, in a process of its own per screen (Qt's
scale factor is fixed when the application starts); these tests run it and read its findings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
CHECKER = TESTS / "window_fit.py"
LAPTOP = TESTS / "offscreen_screen.json"  # 1366x768
DESKTOP = TESTS / "offscreen_screen_1920.json"  # 1920x1080

#: id -> (screen configuration, QT_SCALE_FACTOR, the screen's free area in Qt's pixels)
SCREENS = {
    "1366x768@100%": (LAPTOP, "1", (1366, 768)),
    "1366x768@125%": (LAPTOP, "1.25", (1093, 614)),
    "1366x768@150%": (LAPTOP, "1.5", (911, 512)),
    "1920x1080@100%": (DESKTOP, "1", (1920, 1080)),
}

#: Known window classes the checker must find (its search of the package is itself tested).
MUST_FIND = {"main_window.MainWindow", "documents.profile_dialog.ProfileDialog", "first_start.FirstStartWizard",
             "guide_window.GuideWindow", "documents.disposition_print.PreviewDialog",
             "swimlane.export.PreviewDialog", "conflict_bar.CompareDialog", "staff_import_dialog.StaffImportDialog"}

_runs: dict[str, tuple[dict, str]] = {}


def run_checker(screen: str, tmp_dir: Path, *extra: str) -> tuple[dict, str, int]:
    config, factor, _free = SCREENS[screen]
    out = tmp_dir / f"fit-{factor}-{config.stem}.json"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": factor}
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    env.pop("QT_ENABLE_HIGHDPI_SCALING", None)
    done = subprocess.run([sys.executable, str(CHECKER), "--json", str(out), *extra], env=env,
                          capture_output=True, text=True, timeout=600)
    report = done.stdout  # the failures and their sizes
    assert out.exists(), f"the checker did not finish:\n{done.stdout}\n{done.stderr[-4000:]}"
    return json.loads(out.read_text(encoding="utf-8")), report, done.returncode


def findings(screen: str, tmp_path_factory) -> tuple[dict, str]:
    """The checker's findings on ``screen`` (one run per screen, shared by the tests)."""
    if screen not in _runs:
        result, report, _code = run_checker(screen, tmp_path_factory.mktemp("fit"))
        _runs[screen] = (result, report)
    return _runs[screen]


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_window_fits_and_its_buttons_are_reachable(screen, tmp_path_factory):
    result, report = findings(screen, tmp_path_factory)
    free = SCREENS[screen][2]
    assert f"(free {free[0]}x{free[1]})" in report, report.splitlines()[:1]  # the screen asked for
    assert not result["missing"], "window classes without a factory in tests/window_fit.py: " \
        f"{result['missing']}\n{report}"
    assert MUST_FIND <= set(result["found"]), sorted(MUST_FIND - set(result["found"]))
    assert len(result["fit"]) >= len(MUST_FIND)
    failed = {case: problems for case, problems in result["fit"].items() if problems}
    assert not failed, f"windows that do not fit on {screen}:\n{report}"


def test_no_two_widgets_of_a_window_use_the_same_alt_letter(tmp_path_factory):
    """Every window and dialog, the main window with each stage tab and the tabs inside it too: no
    Alt letter twice, and none of the main window's widgets takes a letter of its menu bar (Qt
    then calls the shortcut ambiguous and neither works)."""
    result, report = findings("1366x768@100%", tmp_path_factory)
    clashes = {case: problems for case, problems in result["mnemonics"].items() if problems}
    assert not clashes, f"Alt letters used twice in one window:\n{json.dumps(clashes, indent=1)}"
    with_menus = {case: problems for case, problems in result["menu_mnemonics"].items() if problems}
    assert not with_menus, f"Alt letters of a menu used by a widget:\n{json.dumps(with_menus, indent=1)}"
    assert len(result["mnemonics"]) >= len(MUST_FIND)
    assert "main_window.MainWindow" in result["menu_mnemonics"]  # the menu bar was looked at


CRAMPED = '''
import sys
sys.path.insert(0, {tests!r})
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)
import window_fit

app = QApplication(sys.argv[:1])
settle = window_fit.settle_app(app)
tall = QDialog()
layout = QVBoxLayout(tall)
for n in range(40):
    layout.addWidget(QLabel(f"Baris &{{n}}"))
layout.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok))
scrolled = QDialog()
inner = QWidget()
inner_layout = QVBoxLayout(inner)
for n in range(40):
    inner_layout.addWidget(QPushButton(f"Tombol {{n}}"))
area = QScrollArea(scrolled)
area.setWidgetResizable(True)
area.setWidget(inner)
QVBoxLayout(scrolled).addWidget(area)
scrolled.resize(300, 300)
cut = QDialog()
cut.resize(200, 100)
QPushButton("&Simpan", cut).move(150, 80)
QPushButton("&Sembunyikan", cut).move(0, 0)
for name, window in (("tall", tall), ("scrolled", scrolled), ("cut", cut)):
    window.show()
    settle()
    used, _menus = window_fit.mnemonics(window)
    print(name, "fit", bool(window_fit.check_fit(window)), "buttons", bool(window_fit.check_buttons(window)),
          "alt", bool(window_fit.clashes(used)))
'''


def test_the_checker_sees_a_window_too_tall_a_cut_button_and_a_letter_used_twice(tmp_path):
    """The checks themselves: a dialog taller than the 150% laptop, a button half outside its
    window and two buttons with Alt+S are found; a long list of buttons in a scroll area is not
    a fault."""
    config, factor, _free = SCREENS["1366x768@150%"]
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": factor}
    done = subprocess.run([sys.executable, "-c", CRAMPED.format(tests=str(TESTS))], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = set(done.stdout.split("\n"))
    assert "tall fit True buttons False alt False" in lines, done.stdout
    assert "scrolled fit False buttons False alt False" in lines, done.stdout
    assert "cut fit False buttons True alt True" in lines, done.stdout
