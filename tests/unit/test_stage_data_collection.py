"""Stage 1, Pengumpulan Data: data items, their order, their attachments and their rules."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from wawaran_desktop.db.models import AuditEntry, Campaign
from wawaran_desktop.db.stage_models import Attachment, DataItem
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.stages import data_collection
from wawaran_desktop.services.stages.data_collection import DataItemFields, Service

TODAY = date(2026, 11, 26)  # the unit clock starts at 08.00 WIB on this day


@pytest.fixture
def service(ws):
    return Service(ws)


@pytest.fixture
def cid(ws, actor):
    return ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD").id


def item(topic="Kasus DBD meningkat di Cipondoh", **values) -> DataItemFields:
    return DataItemFields(topic=topic, **values)


def stored_rows():
    return [(r.topic, r.position, r.summary, r.source_kind, r.source_name, r.reference, r.item_date, r.priority)
            for r in DataItem.select().order_by(DataItem.id)]


def test_add_records_every_field_who_and_when(ws, service, actor, cid, clock):
    record = service.add(actor.id, cid, item(
        "  Kasus DBD meningkat di Cipondoh ", summary="48 kasus sepanjang November.\n",
        source_kind="prokomp", reference="https://tangerangkota.go.id/berita/dbd",
        item_date=date(2026, 11, 25), priority=1))
    assert record.fields == DataItemFields(
        "Kasus DBD meningkat di Cipondoh", "48 kasus sepanjang November.", "prokomp", "",
        "https://tangerangkota.go.id/berita/dbd", date(2026, 11, 25), 1)
    assert (record.position, record.created_by_name, record.created_at) == (1, "Rina Wulandari", clock.now())
    assert record.source_label == "Hasil media monitoring Bagian Prokomp"
    assert record.priority_label == "Tinggi" and record.attachment_count == 0 and not record.selected
    assert [e.action for e in AuditEntry.select().where(AuditEntry.campaign == cid)][-1] == "data_item_add"


def test_items_are_listed_in_order_and_survive_a_restart(ws, service, actor, cid, restart):
    for topic in ("Pertama", "Kedua", "Ketiga"):
        service.add(actor.id, cid, item(topic, source_kind="dimc"))
    other = ws.campaigns.create(actor.id, "Kampanye lain").id
    service.add(actor.id, other, item("Milik kampanye lain"))
    ws2 = restart(ws)
    records = Service(ws2).list(cid)
    assert [(r.topic, r.position, r.source_label) for r in records] == [
        ("Pertama", 1, "Data liputan Seksi DIMC"), ("Kedua", 2, "Data liputan Seksi DIMC"),
        ("Ketiga", 3, "Data liputan Seksi DIMC")]
    assert [r.topic for r in Service(ws2).list(other)] == ["Milik kampanye lain"]


def test_other_source_needs_its_name_and_others_drop_it(service, actor, cid):
    with pytest.raises(ValidationError, match="Nama sumber lainnya wajib diisi") as exc:
        service.add(actor.id, cid, item(source_kind="other", source_name="   "))
    assert exc.value.field == "source_name"
    record = service.add(actor.id, cid, item(source_kind="other", source_name="Puskesmas Cipondoh"))
    assert record.source_label == "Lainnya: Puskesmas Cipondoh" and record.source_short == "Puskesmas Cipondoh"
    changed = service.update(actor.id, cid, record.id, record.fields._replace(source_kind="dimc"))
    assert (changed.fields.source_kind, changed.fields.source_name) == ("dimc", "")
    with pytest.raises(ValidationError, match="Pilih sumber data") as exc:
        service.update(actor.id, cid, record.id, record.fields._replace(source_kind="koran"))
    assert exc.value.field == "source_kind"


@pytest.mark.parametrize(("fields", "field", "message"), [
    (item(""), "topic", "Topik wajib diisi."),
    (item("   "), "topic", "Topik wajib diisi."),
    (item("x" * 201), "topic", "Topik terlalu panjang (201 karakter, maksimal 200)."),
    (item(summary="y" * 2001), "summary", "Ringkasan terlalu panjang (2001 karakter, maksimal 2000)."),
    (item(reference="r" * 501), "reference", "Referensi terlalu panjang (501 karakter, maksimal 500)."),
    (item(reference="ftp://data.tangerangkota.go.id/dbd.xls"), "reference",
     "Tautan harus diawali http:// atau https://."),
    (item(reference="file:///C:/Users/data.xlsx"), "reference", "Tautan harus diawali http:// atau https://."),
    (item(reference="https://"), "reference", "Tautan tidak lengkap"),
    (item(reference="https://tangerang kota.go.id"), "reference", "Tautan tidak lengkap"),
    (item(reference="www." + "a" * 494), "reference", "Referensi terlalu panjang (506 karakter dengan https://"),
    (item(item_date=date(2026, 11, 27)), "item_date",
     "Tanggal data tidak boleh setelah hari ini (Kamis, 26 November 2026)."),
    (item(item_date=date(1999, 12, 31)), "item_date", "Tanggal data di luar rentang yang wajar."),
    (item(item_date=datetime(2026, 11, 25, 9, 0)), "item_date", "Tanggal data harus tanggal."),
    (item(item_date="2026-11-25"), "item_date", "Tanggal data harus tanggal."),
    (item(priority=0), "priority", "Prioritas harus Tinggi, Sedang, atau Rendah."),
    (item(priority=4), "priority", "Prioritas harus Tinggi, Sedang, atau Rendah."),
    (item(priority=True), "priority", "Prioritas harus Tinggi, Sedang, atau Rendah."),
    (item(priority="1"), "priority", "Prioritas harus Tinggi, Sedang, atau Rendah."),
], ids=lambda v: v if isinstance(v, str) else "")
def test_bad_values_are_refused_on_add_and_update_and_nothing_changes(service, actor, cid, fields, field, message):
    kept = service.add(actor.id, cid, item("Tetap", summary="Isi lama", reference="Surat No. 1"))
    before = stored_rows()
    with pytest.raises(ValidationError) as exc:
        service.add(actor.id, cid, fields)
    assert exc.value.field == field and str(exc.value).startswith(message)
    with pytest.raises(ValidationError) as exc:
        service.update(actor.id, cid, kept.id, fields)
    assert exc.value.field == field and str(exc.value).startswith(message)
    assert stored_rows() == before


def test_references_text_links_and_www(service, actor, cid):
    def ref(value):
        return service.add(actor.id, cid, item(reference=value)).fields.reference

    assert ref("Surat Bagian Prokomp No. 480/112, 25/11/2026") == "Surat Bagian Prokomp No. 480/112, 25/11/2026"
    assert ref("Instagram @tangerangkota") == "Instagram @tangerangkota"
    assert ref("HTTPS://Tangerangkota.go.id/berita?id=5") == "HTTPS://Tangerangkota.go.id/berita?id=5"
    assert ref("http://192.168.1.10/monitoring") == "http://192.168.1.10/monitoring"
    assert ref("www.tangerangkota.go.id/berita") == "https://www.tangerangkota.go.id/berita"
    assert ref("") == ""


def test_dates_today_in_wib_and_none_are_accepted(service, actor, cid, clock):
    assert service.add(actor.id, cid, item(item_date=TODAY)).fields.item_date == TODAY
    assert service.add(actor.id, cid, item(item_date=None)).fields.item_date is None
    clock.set(datetime(2026, 11, 26, 17, 30, tzinfo=timezone.utc))  # 00.30 WIB on the 27th
    assert service.today() == date(2026, 11, 27)
    assert service.add(actor.id, cid, item(item_date=date(2026, 11, 27))).fields.item_date == date(2026, 11, 27)


def test_update_changes_fields_and_an_unchanged_update_writes_nothing(service, actor, cid):
    record = service.add(actor.id, cid, item())
    changed = service.update(actor.id, cid, record.id, record.fields._replace(summary="Naik 60%", priority=3))
    assert (changed.fields.summary, changed.priority_label, changed.id) == ("Naik 60%", "Rendah", record.id)
    audits = AuditEntry.select().count()
    again = service.update(actor.id, cid, record.id, changed.fields._replace(topic=f"  {changed.topic} "))
    assert again == changed and AuditEntry.select().count() == audits


def test_move_up_and_down_and_not_past_the_ends(service, actor, cid):
    a, b, c = (service.add(actor.id, cid, item(t)).id for t in ("A", "B", "C"))
    assert [r.topic for r in service.move_up(actor.id, cid, c)] == ["A", "C", "B"]
    assert [r.topic for r in service.move_down(actor.id, cid, a)] == ["C", "A", "B"]
    assert [r.position for r in service.list(cid)] == [1, 2, 3]
    with pytest.raises(RuleError, match="paling atas"):
        service.move_up(actor.id, cid, c)
    with pytest.raises(RuleError, match="paling bawah"):
        service.move_down(actor.id, cid, b)
    with pytest.raises(ValidationError):
        service.move(actor.id, cid, a, 2)
    assert [r.topic for r in service.list(cid)] == ["C", "A", "B"]


def test_remove_closes_up_positions_and_deletes_attachment_files(service, actor, cid, tmp_path):
    a, b, c = (service.add(actor.id, cid, item(t)) for t in ("A", "B", "C"))
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    copy = service.attach(actor.id, cid, b.id, photo)
    kept = service.attach(actor.id, cid, c.id, photo)
    assert [r.attachment_count for r in service.list(cid)] == [0, 1, 1]
    service.remove(actor.id, cid, b.id)
    assert [(r.topic, r.position) for r in service.list(cid)] == [("A", 1), ("C", 2)]
    assert not copy.path.exists() and kept.path.exists()
    assert [x.id for x in Attachment.select()] == [kept.id]
    with pytest.raises(NotFound):
        service.remove(actor.id, cid, b.id)


def test_attachments_belong_to_their_item_and_are_copied(service, actor, cid, tmp_path):
    first, second = service.add(actor.id, cid, item("A")), service.add(actor.id, cid, item("B"))
    doc = tmp_path / "Rilis Dinkes.pdf"
    doc.write_bytes(b"%PDF-1.4 rilis")
    record = service.attach(actor.id, cid, first.id, doc)
    assert record.path.read_bytes() == doc.read_bytes() and record.original_name == "Rilis Dinkes.pdf"
    assert not record.is_image
    assert [a.id for a in service.attachments(cid, first.id)] == [record.id]
    assert service.attachments(cid, second.id) == []
    service.detach(actor.id, cid, record.id)
    assert service.attachments(cid, first.id) == [] and not record.path.exists()
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        service.attach(actor.id, cid, first.id, tmp_path / "hilang.pdf")
    assert Attachment.select().count() == 0


def test_items_and_attachments_of_another_campaign_are_out_of_reach(ws, service, actor, cid, tmp_path):
    other = ws.campaigns.create(actor.id, "Kampanye lain").id
    foreign = service.add(actor.id, other, item("Milik kampanye lain"))
    source = tmp_path / "a.txt"
    source.write_text("isi")
    foreign_file = service.attach(actor.id, other, foreign.id, source)
    for action in (lambda: service.update(actor.id, cid, foreign.id, item("Dibajak")),
                   lambda: service.remove(actor.id, cid, foreign.id),
                   lambda: service.move_up(actor.id, cid, foreign.id),
                   lambda: service.attach(actor.id, cid, foreign.id, source),
                   lambda: service.attachments(cid, foreign.id),
                   lambda: service.detach(actor.id, cid, foreign_file.id),
                   lambda: service.get(cid, foreign.id),
                   lambda: service.add(actor.id, 999, item())):
        with pytest.raises(NotFound):
            action()
    assert [r.topic for r in service.list(other)] == ["Milik kampanye lain"]
    assert foreign_file.path.exists()


def test_cancelled_campaign_cannot_be_edited(ws, service, actor, cid, tmp_path):
    record = service.add(actor.id, cid, item())
    source = tmp_path / "a.txt"
    source.write_text("isi")
    attached = service.attach(actor.id, cid, record.id, source)
    ws.campaigns.cancel(actor.id, cid, "Acara ditunda")
    before = stored_rows()
    for action in (lambda: service.add(actor.id, cid, item("Baru")),
                   lambda: service.update(actor.id, cid, record.id, item("Diubah")),
                   lambda: service.remove(actor.id, cid, record.id),
                   lambda: service.move_up(actor.id, cid, record.id),
                   lambda: service.attach(actor.id, cid, record.id, source),
                   lambda: service.detach(actor.id, cid, attached.id)):
        with pytest.raises(RuleError, match="dibatalkan"):
            action()
    assert stored_rows() == before and attached.path.exists()
    assert [r.topic for r in service.list(cid)] == [record.topic]  # still readable


def test_an_inactive_or_missing_actor_is_refused(ws, service, actor, cid):
    helper = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
    ws.staff.update(helper.id, "Budi Santoso", None, "Pranata Humas", "tim", active=False)
    for who in (None, helper.id, 999):
        with pytest.raises(ValidationError) as exc:
            service.add(who, cid, item())
        assert exc.value.field == "actor"
    assert DataItem.select().count() == 0


def test_finishing_stage_1_needs_a_data_item_rule(service, actor, cid, clock):
    with pytest.raises(RuleError, match="minimal satu item data"):
        data_collection.check_finish(cid, None)
    with pytest.raises(RuleError):
        data_collection.check_finish(cid, "alasan tidak menggantikan data")
    service.add(actor.id, cid, item())
    data_collection.check_finish(cid, None)  # passes


def test_selected_flag_set_by_the_briefing_is_shown(service, actor, cid):
    record = service.add(actor.id, cid, item())
    DataItem.update(selected=True).where(DataItem.id == record.id).execute()  # as stage 2 does
    assert service.get(cid, record.id).selected
    kept = service.update(actor.id, cid, record.id, record.fields._replace(priority=1))
    assert kept.selected  # editing the item keeps the briefing's choice


def test_updated_at_of_the_campaign_moves_with_an_edit(ws, service, actor, cid, clock):
    later = clock.advance(minutes=5)
    service.add(actor.id, cid, item())
    assert Campaign.get_by_id(cid).updated_at == later.replace(tzinfo=None)


def test_a_finished_stage_keeps_at_least_one_data_item(ws, actor):
    from stage_content import fill_stage

    from wawaran_desktop.services.errors import RuleError as Refused

    cid = ws.campaigns.create(actor.id, "Wawaran Data Tetap").id
    ws.steps.start(actor.id, cid, 1)
    fill_stage(ws, actor.id, cid, 1)
    ws.steps.finish(actor.id, cid, 1)
    svc = data_collection.Service(ws)
    only = svc.list(cid)[0]
    with pytest.raises(Refused, match="tahap 1 sudah selesai"):
        svc.remove(actor.id, cid, only.id)
    assert [i.id for i in svc.list(cid)] == [only.id]
