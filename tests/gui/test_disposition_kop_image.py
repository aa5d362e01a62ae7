"""The printed lembar disposisi (views/documents/sheet_painter.py) with the office's own kop:
its image drawn across the text at the top instead of the built-in kop lines."""

from __future__ import annotations

import pytest
from office import pdf_text  # tests/office.py
from PySide6.QtGui import QColor, QImage
from gui.test_disposition_print import draft

from wawaran_desktop.reports import disposition_data
from wawaran_desktop.services.stages import disposition
from wawaran_desktop.views.documents import disposition_print


@pytest.fixture
def sheet(ws, staff, tmp_path):
    sub, tim = staff
    kop = QImage(1600, 320, QImage.Format.Format_RGB32)
    kop.fill(QColor(0, 90, 40))
    assert kop.save(str(tmp_path / "kop.png"))
    ws.profile.save(sub.id, ws.profile.load()._replace(letterhead_image=tmp_path / "kop.png"))
    record = ws.campaigns.create(sub.id, "Wawaran DBD", "Satu rumah satu jumantik")
    disposition.Service(ws).save(sub.id, record.id, draft((tim.id,), sub.id))
    return disposition_data.gather(ws, record.id)


def test_the_kop_image_spans_the_text_and_replaces_the_kop_lines(qapp, sheet, tmp_path):
    image = disposition_print.render_image(sheet, dpi=60)
    margin_x, margin_y = round(25 / 25.4 * 60), round(20 / 25.4 * 60)
    text_right = image.width() - round(20 / 25.4 * 60)
    for x in (margin_x + 2, image.width() // 2, text_right - 3):  # green from edge to edge of the text
        pixel = QColor(image.pixel(x, margin_y + 5))
        assert (pixel.red(), pixel.green(), pixel.blue()) == (0, 90, 40)
    text = " ".join(pdf_text(disposition_print.write_pdf(sheet, tmp_path / "kop.pdf")).split())
    assert "LEMBAR DISPOSISI" in text.upper() and "DINAS KOMUNIKASI DAN INFORMATIKA" not in text
