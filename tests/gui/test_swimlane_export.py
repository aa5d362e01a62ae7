"""PDF and PNG of the chart drawn in this process: paging with off-page connectors, real text."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from office import pdf_pages, pdf_text  # tests/office.py
from PySide6.QtGui import QColor

from wawaran_desktop import paths
from wawaran_desktop.sop import parse_sop
from wawaran_desktop.views.swimlane import export
from wawaran_desktop.views.swimlane.scene import ChartScene

NOW = datetime(2026, 11, 26, 8, 0, tzinfo=timezone.utc)


def long_sop(steps: int = 18):
    """The shipped SOP with extra steps (alternating lanes): too tall for one A4 page."""
    data = json.loads(paths.resource("sop/wawaran_keliling.json").read_text(encoding="utf-8"))
    acts = data["activities"]
    acts[-1]["kind"] = "process"
    lanes = ["kabid", "subkor", "tim", "kernet"]
    for no in range(len(acts) + 1, steps + 1):
        acts.append({"no": no, "short": f"Tambahan {no}", "title": f"Kegiatan tambahan nomor {no} untuk uji halaman",
                     "kind": "process", "kelengkapan": ["Dokumen"], "standard_minutes": 5, "output": f"Hasil {no}",
                     "lane": lanes[no % 4], "support_lanes": []})
    acts[-1]["kind"] = "end"
    # Read as a stored definition: a file with more process steps than the application has
    # stage workspaces is refused (tests/unit/test_stage_registry.py); the chart draws any.
    return parse_sop(json.dumps(data), source="panjang.json", pinned=True)


def test_a_long_chart_is_paged_with_connectors_and_every_activity_as_text(qapp, tmp_path):
    sop = long_sop()
    out = export.write_pdf(tmp_path / "panjang.pdf", sop, None, NOW)
    pages = pdf_pages(out)
    assert pages >= 3
    text = " ".join(pdf_text(out).split())  # lines wrapped in their cells, joined
    for no in range(10, 19):
        assert f"Kegiatan tambahan nomor {no} untuk uji" in text
    assert text.count("Kelengkapan") == pages  # the table's header on every page
    assert f"Halaman 2 dari {pages}" in text and "Nomor SOP" in text  # identity block on page 1
    chart = export.ChartPrint(sop, None, NOW, export.printable_area(export.pdf_writer(tmp_path / "x.pdf", "x")))
    letters = [s.label for page in chart.pages for s in page.symbols if s.shape == "connector"]
    assert len(letters) == 2 * (pages - 1) and sorted(set(letters)) == sorted(letters[::2])
    for letter in set(letters):
        assert letter in text


def test_the_shipped_chart_without_campaign_is_blank_and_textual(qapp, ws, tmp_path):
    out = export.write_pdf(tmp_path / "sop.pdf", ws.sop, None, NOW, last_title="Keterangan")
    text = pdf_text(out)
    assert "Keterangan" in text and "Belum dimulai" not in text and "Kampanye No." not in text


def test_png_shows_the_status_colour_of_a_late_step(qapp, ws, staff, tmp_path):
    actor = staff[0].id
    cid = ws.campaigns.create(actor, "Wawaran Terlambat").id
    ws.steps.start(actor, cid, 1)
    record = ws.campaigns.get(cid)
    late = record.step(1).started_at
    from datetime import timedelta

    now = late + timedelta(minutes=30)  # 30 working minutes against 20: "+10 mnt 00 dtk"
    image = export.render_png(record.sop, record, now, scale=1.0)
    scene = ChartScene(record.sop, export.layout_for(record.sop))
    scene.show_record(record, now)
    assert scene.step_items(1).label_text() == "30 mnt 00 dtk\n+10 mnt 00 dtk"
    late_bg = QColor("#ffebee")
    reds = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if QColor(image.pixel(x, y)) == late_bg)
    assert reds > 50  # the symbol and the Aktual cell are tinted
    path = export.write_png(tmp_path / "bagan.png", record.sop, record, now)
    assert path.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("kind", ["pdf", "png", "sop"])
def test_a_full_disk_is_reported_and_keeps_the_old_file(qapp, tmp_path, monkeypatch, kind):
    """QPdfWriter and QImage.save into a file do not report a full disk (a truncated file and
    success): the content is made in memory and written by our own code, which sees ENOSPC."""
    from fakes import full_disk
    from wawaran_desktop.infra import atomic
    from wawaran_desktop.infra.atomic import ExportError
    from wawaran_desktop.views.swimlane import sop_document

    full_disk(monkeypatch, atomic)
    monkeypatch.setattr(export.QImage, "save", _refuse_file_save(export.QImage.save))
    sop = parse_sop(paths.resource("sop/wawaran_keliling.json").read_text(encoding="utf-8"), source="x.json")
    target = tmp_path / f"bagan.{'png' if kind == 'png' else 'pdf'}"
    target.write_bytes(b"lama")
    write = {"pdf": lambda: export.write_pdf(target, sop, None, NOW),
             "png": lambda: export.write_png(target, sop, None, NOW),
             "sop": lambda: sop_document.write_sop_pdf(target, sop, NOW)}[kind]
    with pytest.raises(ExportError, match=f"^Disk penuh: {target.name} tidak dapat disimpan"):
        write()
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def _refuse_file_save(save):
    """QImage.save to a file name would bypass our writer (and the full disk): only a buffer."""
    def guarded(image, target, *args, **kwargs):
        assert not isinstance(target, str), "the image must be encoded in memory"
        return save(image, target, *args, **kwargs)
    return guarded
