"""The window's *Simpan Dokumen SOP Resmi…* and the swimlane's PDF follow the office profile's
paper (issue 14): F4 landscape when the office prints on F4."""

from __future__ import annotations

import re

from fakes import answer_save_dialog  # tests/fakes.py
from gui.test_documents_menu import back_to_window, close_saved_message

F4_LANDSCAPE_PT = (935.4, 609.4)  # 330 × 215 mm


def media_box(pdf) -> tuple[float, float]:
    match = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf.read_bytes())
    return float(match[1]), float(match[2])


def is_f4_landscape(pdf) -> bool:
    width, height = media_box(pdf)
    return abs(width - F4_LANDSCAPE_PT[0]) < 1 and abs(height - F4_LANDSCAPE_PT[1]) < 1  # (Qt writes whole points)


def test_the_sop_document_and_the_chart_are_printed_on_the_profiles_paper(ws, staff, make_window, modals,
                                                                          monkeypatch, tmp_path, qtbot):
    ws.profile.save(staff[0].id, ws.profile.load()._replace(paper="F4"))
    window = make_window(ws, staff[0].id)
    answer_save_dialog(monkeypatch, tmp_path / "sop.pdf")
    modals.then(close_saved_message)
    window.swimlane.print_action.trigger()
    back_to_window(qtbot, window)
    assert modals.pending == 0 and is_f4_landscape(tmp_path / "sop.pdf")
    window.swimlane.action.trigger()  # Tampilan → Bagan Alir SOP
    panel = window.swimlane.panel
    answer_save_dialog(monkeypatch, tmp_path / "bagan.pdf")
    modals.then(close_saved_message)
    panel.export_pdf()
    back_to_window(qtbot, window)
    assert modals.pending == 0 and is_f4_landscape(tmp_path / "bagan.pdf")
