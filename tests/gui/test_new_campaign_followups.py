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
        seen["text"] = dialog.ui.followupsLabel.text()
        dialog.ui.titleEdit.setText("Wawaran PBB November")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modals.then(read_and_create)
    window.ui.actionNewCampaign.trigger()
    assert seen["visible"]
    assert "Wawaran PBB Oktober" in seen["text"]
    assert "<li>Tambah titik di pasar</li>" in seen["text"] and "Siapkan flyer lebih banyak" in seen["text"]
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
