"""A new campaign starts from the follow-ups of the last evaluated one (SOP activity 9)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from wawaran_desktop.services.stages import evaluation
from wawaran_desktop.views.campaign_dialog import CampaignDialog


def test_new_campaign_dialog_shows_the_last_followups(qtbot, ws, staff, make_window, modals):
    kabid = ws.staff.add("Rina Marlina", None, "Kepala Bidang DIKP", "kabid")
    old = ws.campaigns.create(staff[0].id, "Wawaran PBB Oktober")
    evaluation.Service(ws).update(kabid.id, old.id, received_by_id=kabid.id, received_at=ws.clock(),
                                  followups="Tambah titik di pasar\nSiapkan flyer lebih banyak")
    window = make_window(ws)
    seen = {}

    def read_and_create(dialog):
        assert isinstance(dialog, CampaignDialog)
        seen["visible"] = dialog.ui.followupsBox.isVisible()
        seen["text"] = dialog.ui.followupsText.toHtml()
        dialog.ui.titleEdit.setText("Wawaran PBB November")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modals.then(read_and_create)
    window.ui.actionNewCampaign.trigger()
    assert seen["visible"]
    assert "Wawaran PBB Oktober" in seen["text"]
    assert "Tambah titik di pasar" in seen["text"] and "Siapkan flyer lebih banyak" in seen["text"]
    assert window.record.title == "Wawaran PBB November"


def test_without_an_evaluation_there_is_no_followup_box(qtbot, ws, staff, make_window, modals):
    window = make_window(ws)
    seen = {}

    def read(dialog):
        seen["visible"] = dialog.ui.followupsBox.isVisible()
        dialog.reject()

    modals.then(read)
    window.ui.actionNewCampaign.trigger()
    assert seen["visible"] is False


def _dialog_with_points(qtbot, ws, staff, points):
    from wawaran_desktop.services.stages.evaluation import latest_followups

    kabid = ws.staff.add("Rina Marlina", None, "Kepala Bidang DIKP", "kabid")
    old = ws.campaigns.create(staff[0].id, "Wawaran PBB Oktober")
    evaluation.Service(ws).update(kabid.id, old.id, received_by_id=kabid.id, received_at=ws.clock(),
                                  followups="\n".join(points))
    dialog = CampaignDialog(lambda title, theme: (title, theme), followups=latest_followups())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_followup_point_is_shown_whole(qtbot, ws, staff):
    """Issue 15: the points were cut after two lines, with no way to read the rest."""
    points = ["Mulai briefing dan penyusunan narasi lebih awal agar wawaran tepat waktu di setiap lokasi",
              "Tambah titik di pasar tradisional pada jam ramai pagi hari", "Siapkan selebaran lebih banyak"]
    dialog = _dialog_with_points(qtbot, ws, staff, points)
    view = dialog.ui.followupsText
    text = view.toPlainText()
    assert all(point in text for point in points)
    qtbot.wait(10)
    assert view.verticalScrollBar().maximum() == 0  # three points: all in view, nothing to scroll
    assert view.height() >= view.fontMetrics().lineSpacing() * 4


def test_many_followup_points_scroll_in_a_pane_that_keeps_the_dialog_on_screen(qtbot, ws, staff):
    points = [f"Butir tindak lanjut nomor {n} yang cukup panjang untuk dibaca utuh oleh tim" for n in range(1, 21)]
    dialog = _dialog_with_points(qtbot, ws, staff, points)
    view = dialog.ui.followupsText
    qtbot.wait(10)
    assert all(point in view.toPlainText() for point in points)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0  # the rest is reached by scrolling
    bar.setValue(bar.maximum())
    assert view.height() <= view.fontMetrics().lineSpacing() * 11 + 4  # (not taller than ten lines)


def test_a_refused_title_moves_no_field_and_goes_once_typed(qtbot, ws, staff):
    dialog = _dialog_with_points(qtbot, ws, staff, ["Tambah titik di pasar"])
    ui = dialog.ui

    def places():
        return [(w.mapTo(dialog, w.rect().topLeft()), w.size()) for w in (ui.titleEdit, ui.themeEdit, ui.buttonBox)]

    dialog._save = lambda title, theme: ws.campaigns.create(staff[0].id, title, theme)
    qtbot.wait(10)
    before = places()
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ui.errorLabel.isVisible() and ui.errorLabel.text() == "Judul kampanye wajib diisi."
    qtbot.wait(10)
    assert places() == before
    qtbot.keyClicks(ui.titleEdit, "W")  # accepted now: the message goes
    assert ui.errorLabel.isHidden()
    qtbot.wait(10)
    assert places() == before and ws.campaigns.count() == 1  # (the evaluated one only)
