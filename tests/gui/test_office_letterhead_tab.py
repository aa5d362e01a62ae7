"""Profil Kantor → Kop Kantor: the office's own kop chosen as a Word file and as an image,
each checked when chosen (its refusal shown on its tab), shown, stored and removed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from office_kop import KOP_LINES, office_template

from wawaran_desktop.views.documents import profile_letterhead
from wawaran_desktop.views.documents.profile_dialog import ProfileDialog


@pytest.fixture
def dialog(qtbot, ws, staff):
    widget = ProfileDialog(ws, staff[0].id)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def kop_image(tmp_path, width=1400, height=280):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 90, 40))
    path = tmp_path / "kop.png"
    assert image.save(str(path))
    return path


def test_both_kops_are_chosen_shown_stored_and_used(monkeypatch, ws, dialog, tmp_path):
    import docx

    from wawaran_desktop.documents.docx_base import new_document
    from wawaran_desktop.documents.letterhead import add_letterhead
    from wawaran_desktop.documents.page import paper

    ui = dialog.ui
    assert ui.letterheadDocxLabel.text() == "kop bawaan" and not ui.removeLetterheadDocxButton.isEnabled()
    template = office_template(tmp_path / "kop kantor.docx", tmp_path)
    monkeypatch.setattr(profile_letterhead, "ask_docx_path", lambda parent: str(template))
    monkeypatch.setattr(profile_letterhead, "ask_image_path", lambda parent: str(kop_image(tmp_path)))
    ui.chooseLetterheadDocxButton.click()
    ui.chooseLetterheadImageButton.click()
    assert ui.letterheadDocxLabel.text() == "kop kantor.docx" and ui.removeLetterheadDocxButton.isEnabled()
    assert not ui.letterheadImagePreview.pixmap().isNull()
    dialog.save()
    profile = ws.profile.load()
    assert profile.letterhead_docx.parent == ws.data_dir / "office" and profile.letterhead_image.is_file()
    document = new_document(paper("A4"), created=ws.clock())
    add_letterhead(document, profile)
    first = document.sections[0].first_page_header
    assert [p.text for p in first.paragraphs if p.text] == list(KOP_LINES)
    assert isinstance(document, type(docx.Document()))


def test_an_unusable_choice_is_refused_on_its_tab_and_the_built_in_kop_stays(monkeypatch, ws, dialog, tmp_path):
    bad = tmp_path / "kop.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 Word 97")
    monkeypatch.setattr(profile_letterhead, "ask_docx_path", lambda parent: str(bad))
    monkeypatch.setattr(profile_letterhead, "ask_image_path",
                        lambda parent: str(kop_image(tmp_path, width=400, height=400)))
    ui = dialog.ui
    ui.chooseLetterheadDocxButton.click()
    assert "bukan dokumen Word" in ui.errorLabel.text() and ui.errorLabel.isVisible()
    assert ui.tabs.currentWidget() is ui.letterheadTab and ui.letterheadDocxLabel.text() == "kop bawaan"
    ui.chooseLetterheadImageButton.click()
    assert "paling sedikit 600 piksel" in ui.errorLabel.text() and ui.letterheadImagePreview.text() == "kop bawaan"
    dialog.save()
    assert ws.profile.load().letterhead_docx is None and ws.profile.load().letterhead_image is None


def test_removing_the_kop_goes_back_to_the_built_in_one(monkeypatch, qtbot, ws, staff, tmp_path):
    template = office_template(tmp_path / "kop.docx", tmp_path)
    ws.profile.save(staff[0].id, ws.profile.load()._replace(letterhead_docx=template))
    again = ProfileDialog(ws, staff[0].id)
    qtbot.addWidget(again)
    assert again.ui.letterheadDocxLabel.text().startswith("kop-")
    again.ui.removeLetterheadDocxButton.click()
    again.save()
    assert ws.profile.load().letterhead_docx is None
