"""A staff list imported from .xlsx or .csv: headers found, every line checked, only valid ones added."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest
from openpyxl import Workbook

from wawaran_desktop.db.models import AuditEntry, Staff
from wawaran_desktop.services import staff_import
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.staff_import import EXISTS, PROBLEM, READY, ImportFileError, StaffImport

#: Valid NIPs (birth date, appointment year and month, sex, sequence).
NIP_A = "19730104 199703 1 002"
NIP_B = "19850312 201001 2 004"
NIP_C = "19900101 201501 1 003"


def xlsx(path: Path, rows: list[list[object]], extra_sheet: bool = False) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        book.create_sheet("Lain").append(["Nama", "Peran"])
    book.save(path)
    return path


def csv_file(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def stored() -> list[tuple]:
    return [tuple(r) for r in Staff.select(Staff.name, Staff.nip, Staff.position, Staff.rank, Staff.lane)
            .order_by(Staff.id).tuples()]


def test_xlsx_with_english_headers_under_a_title_is_read_from_its_first_sheet(ws, tmp_path):
    path = xlsx(tmp_path / "staff.xlsx", [
        ["Staff list of the Dinas"], [],
        ["  Full Name ", "nip", "POSITION", "Rank", "Role"],
        ["Heru Prasetyo", NIP_A, "Kepala Bidang", "Pembina (IV/a)", "kabid"],
        [None, None, None, None, None],  # blank lines are skipped
        ["Dewi Lestari", "198503122010012004", "Analis", None, "Sub Kor DIMC"],
    ], extra_sheet=True)
    preview = StaffImport(ws).preview(path)
    assert preview.columns == {"name": "Full Name", "nip": "nip", "position": "POSITION", "rank": "Rank",
                               "lane": "Role"}
    assert [(r.line, r.name, r.nip, r.position, r.rank, r.lane, r.status) for r in preview.rows] == [
        (4, "Heru Prasetyo", "197301041997031002", "Kepala Bidang", "Pembina (IV/a)", "kabid", READY),
        (6, "Dewi Lestari", "198503122010012004", "Analis", "", "subkor", READY)]
    assert preview.summary == "2 baris: 2 siap ditambahkan"


def test_csv_with_semicolons_bom_and_indonesian_headers(ws, tmp_path):
    path = csv_file(tmp_path / "pegawai.csv",
                    "\ufeffNAMA PEGAWAI;NIP Baru;Jabatan;Pangkat;Gol.;Peran\r\n"
                    f"Budi Santoso;'{NIP_C};Pengemudi;Pengatur;II/c;Kernet\r\n"
                    "Rina Wulandari;-;Pranata Humas;;;tim\r\n"
                    "Siti, S.Sos;;Analis;;III/a;Kepala Bidang\r\n")
    preview = StaffImport(ws).preview(path)
    assert set(preview.columns) == {"name", "nip", "position", "rank", "grade", "lane"}
    assert [(r.name, r.nip, r.rank, r.lane, r.status) for r in preview.rows] == [
        ("Budi Santoso", "199001012015011003", "Pengatur (II/c)", "kernet", READY),
        ("Rina Wulandari", None, "", "tim", READY),
        ("Siti, S.Sos", None, "III/a", "kabid", READY)]


def test_csv_with_commas_without_bom_and_cp1252_from_excel(ws, tmp_path):
    comma = csv_file(tmp_path / "a.csv", f"Name,NIP,Lane\nJosé Rizal,\"{NIP_A}\",Tim\n")
    assert [(r.name, r.nip, r.lane) for r in StaffImport(ws).preview(comma).rows] == [
        ("José Rizal", "197301041997031002", "tim")]
    ansi = csv_file(tmp_path / "b.csv", "Nama;Peran\nJosé Rizal;Tim\n", encoding="cp1252")
    assert StaffImport(ws).preview(ansi).rows[0].name == "José Rizal"


def test_every_problem_is_named_in_indonesian_and_nothing_is_stored(ws, tmp_path):
    ws.staff.add("Sudah Ada", NIP_B, "", "tim")
    ws.staff.add("Tanpa Nip", None, "", "tim")
    before = stored()
    path = csv_file(tmp_path / "x.csv", "\n".join([
        "Nama;NIP;Jabatan;Pangkat;Peran",
        ";;Sopir;;tim",  # 2 no name
        "Pendek;1973 0104;;;tim",  # 3 too few digits
        "Huruf;19730104A99703 1 002;;;tim",  # 4 letters
        "Tanggal;19731304 199703 1 002;;;tim",  # 5 no such birth date
        "Kelamin;19730104 199703 3 002;;;tim",  # 6 sex digit
        f"Asing;{NIP_C};;;Direktur",  # 7 unknown lane
        f"Kosong;{NIP_C[:-1]}9;;;",  # 8 no lane
        f"{'N' * 121};;;;tim",  # 9 name too long
        f"Jabatan Panjang;;{'J' * 121};;tim",  # 10 position too long
        f"Pangkat Panjang;;;{'P' * 61};tim",  # 11 rank too long
        f"Pertama;{NIP_A};;;tim",  # 12 fine
        f"Kedua;{NIP_A};;;tim",  # 13 same NIP as line 12
        f"Sudah;{NIP_B};;;tim",  # 14 NIP in the directory
        "Tanpa  NIP;;;;tim",  # 15 same name as a directory entry without NIP
        "Kembar;;;;tim",  # 16 fine
        "kembar;;;;tim",  # 17 same name, both without NIP
        "Eksponen;1,97301E+17;;;tim",  # 18 Excel's scientific notation
    ]))
    preview = StaffImport(ws).preview(path)
    problems = {r.line: r.problems for r in preview.rows}
    assert problems[2] == ("Nama kosong.",)
    assert problems[3] == ("NIP harus 18 digit (terisi 8 digit).",)
    assert problems[4] == ("NIP hanya boleh berisi angka (18 digit), boleh dipisah spasi.",)
    assert problems[5] == ("8 digit pertama NIP harus tanggal lahir yang sah (TTTTBBHH).",)
    assert problems[6] == ("Digit ke-15 NIP (jenis kelamin) harus 1 atau 2.",)
    assert problems[7] == (('Peran "Direktur" tidak dikenal; isi salah satu: Kepala Bidang DIKP, Sub Kor DIMC, '
                            'Tim, Kernet/Supir.'),)
    assert problems[8] == ("Peran kosong; isi salah satu: Kepala Bidang DIKP, Sub Kor DIMC, Tim, Kernet/Supir.",)
    assert problems[9] == ("Nama terlalu panjang (maksimal 120 karakter).",)
    assert problems[10] == ("Jabatan terlalu panjang (maksimal 120 karakter).",)
    assert problems[11] == ("Pangkat/golongan terlalu panjang (maksimal 60 karakter).",)
    assert problems[12] == () and problems[16] == ()
    assert problems[13] == ("NIP sama dengan baris 12.",)
    assert problems[14] == ("Sudah terdaftar di direktori (NIP milik Sudah Ada).",)
    assert problems[15] == ("Sudah terdaftar di direktori (nama sama, tanpa NIP).",)
    assert problems[17] == ("Nama sama dengan baris 16 dan keduanya tanpa NIP.",)
    assert problems[18][0].startswith("NIP tertulis sebagai angka eksponen")
    status = {r.line: r.status for r in preview.rows}
    assert [line for line, s in status.items() if s == READY] == [12, 16]
    assert [line for line, s in status.items() if s == EXISTS] == [14, 15]
    assert preview.count(PROBLEM) == 13
    assert preview.summary == "17 baris: 2 siap ditambahkan, 2 sudah terdaftar, 13 bermasalah"
    assert stored() == before  # a preview stores nothing


def test_a_lane_column_missing_is_said_on_every_line(ws, tmp_path):
    path = csv_file(tmp_path / "x.csv", "Nama,NIP\nAgus,\n")
    row = StaffImport(ws).preview(path).rows[0]
    assert row.status == PROBLEM
    assert row.problems[0].startswith("Peran kosong (tidak ada kolom Peran)")


def test_an_nip_typed_as_a_number_in_excel_lost_its_last_digits(ws, tmp_path):
    path = xlsx(tmp_path / "x.xlsx", [["Nama", "NIP", "Peran"], ["Agus", 197301041997031002, "tim"]])
    row = StaffImport(ws).preview(path).rows[0]
    assert row.problems[0].startswith("NIP tersimpan sebagai angka di Excel")


def test_lanes_by_id_by_sop_name_or_by_a_part_only_one_lane_has(ws):
    importer = StaffImport(ws)
    assert [importer.lane_of(t) for t in ("KABID", "kepala  bidang dikp", "Kepala Bidang", "Supir", "kernet",
                                          "Sub Kor", "tim", "", "Ke", "Kepala")] == [
        "kabid", "kabid", "kabid", "kernet", "kernet", "subkor", "tim", None, None, "kabid"]


def test_apply_adds_only_ready_lines_audited_and_a_second_apply_adds_nothing(ws, tmp_path, actor):
    path = xlsx(tmp_path / "tim.xlsx", [
        ["Nama", "NIP", "Jabatan", "Pangkat/Golongan", "Peran"],
        ["Heru Prasetyo", NIP_A, "Kepala Bidang", "Pembina (IV/a)", "kabid"],
        ["Tanpa Peran", NIP_C, "", "", ""],
        ["Dewi Lestari", None, "Pranata Humas", "", "Tim"],
        ["Rina Lagi", "19850312 201001 2 004", "", "", "tim"],  # the actor's NIP
    ])
    importer = StaffImport(ws)
    preview = importer.preview(path)
    result = importer.apply(preview, actor_id=actor.id)
    assert (result.added, result.existing, result.refused) == (2, 1, 1)
    assert result.message == "2 petugas ditambahkan, 1 sudah terdaftar, 1 baris bermasalah dilewati."
    assert stored()[1:] == [("Heru Prasetyo", "197301041997031002", "Kepala Bidang", "Pembina (IV/a)", "kabid"),
                            ("Dewi Lestari", None, "Pranata Humas", "", "tim")]
    audits = list(AuditEntry.select().where(AuditEntry.action == "staff_import").order_by(AuditEntry.id))
    assert [(a.actor_id, a.actor_name, a.detail.split(":")[1]) for a in audits] == [
        (actor.id, "Rina Wulandari", " Heru Prasetyo (dari tim.xlsx, baris 2)"),
        (actor.id, "Rina Wulandari", " Dewi Lestari (dari tim.xlsx, baris 4)")]
    check = HistoryService(ws).verify()
    assert check.whole and check.entries == 2  # linked into the history chain

    again = importer.apply(preview, actor_id=actor.id)  # the same preview, applied twice
    assert (again.added, again.existing) == (0, 3)
    fresh = importer.preview(path)
    assert fresh.count(READY) == 0 and fresh.count(EXISTS) == 3
    assert importer.apply(fresh).added == 0
    assert Staff.select().count() == 3
    assert AuditEntry.select().where(AuditEntry.action == "staff_import").count() == 2


def test_apply_without_an_actor_on_first_start(ws, tmp_path):
    path = csv_file(tmp_path / "a.csv", "Nama;Peran\nAgus;tim\n")
    importer = StaffImport(ws)
    assert importer.apply(importer.preview(path)).added == 1
    audit = AuditEntry.get(AuditEntry.action == "staff_import")
    assert audit.actor_id is None and audit.detail.endswith("Agus (dari a.csv, baris 2)")


def test_a_refusal_during_apply_stores_none_of_the_lines(ws, tmp_path, monkeypatch):
    path = csv_file(tmp_path / "a.csv", "Nama;Peran\nAgus;tim\nBeni;tim\n")
    importer = StaffImport(ws)
    preview = importer.preview(path)
    real_add = ws.staff.add

    def add(name, *args, **kwargs):
        if name == "Beni":
            raise staff_import.ValidationError("NIP ini sudah dipakai petugas lain.", "nip")
        return real_add(name, *args, **kwargs)

    monkeypatch.setattr(ws.staff, "add", add)
    with pytest.raises(staff_import.ValidationError, match=r"^Baris 3 \(Beni\): NIP ini sudah dipakai"):
        importer.apply(preview)
    assert Staff.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.action == "staff_import").count() == 0


@pytest.mark.parametrize(("name", "content", "message"), [
    ("kosong.csv", b"", "Berkas kosong.csv kosong."),
    ("spasi.csv", b"  \r\n\r\n", "Berkas spasi.csv kosong."),
    ("judul.csv", b"Satu;Dua\n1;2\n", "Baris judul kolom tidak ditemukan di judul.csv"),
    ("hanyajudul.csv", b"Nama;NIP\n;\n", "Berkas hanyajudul.csv tidak berisi data petugas"),
    ("lama.xls", b"\xd0\xcf\x11\xe0", "Format .xls (Excel 97–2003) tidak didukung"),
    ("daftar.pdf", b"%PDF-1.4", "Berkas daftar.pdf bukan daftar .xlsx atau .csv."),
    ("rusak.xlsx", b"bukan zip", "Berkas rusak.xlsx bukan berkas Excel .xlsx yang utuh"),
    ("biner.csv", b"Nama\x00\x01", "Berkas biner.csv bukan berkas teks CSV."),
])
def test_bad_files_are_refused_with_a_clear_message(ws, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as refused:
        StaffImport(ws).preview(path)
    assert str(refused.value).startswith(message)
    assert Staff.select().count() == 0


def test_missing_unreadable_and_locked_files(ws, tmp_path, monkeypatch):
    importer = StaffImport(ws)
    with pytest.raises(ImportFileError, match="^Berkas hilang.csv tidak ditemukan."):
        importer.preview(tmp_path / "hilang.csv")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(ImportFileError, match="^Berkas folder.csv tidak dapat dibaca"):
        importer.preview(tmp_path / "folder.csv")
    locked = csv_file(tmp_path / "terkunci.xlsx", "x")
    real_open = builtins.open

    def excel_holds_it(file, *args, **kwargs):  # as Windows answers while Excel has the file open
        if Path(str(file)) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", excel_holds_it)
    with pytest.raises(ImportFileError, match="sedang dibuka di Excel"):
        importer.preview(locked)


def test_a_huge_list_is_refused_whole(ws, tmp_path, monkeypatch):
    monkeypatch.setattr(staff_import, "MAX_ROWS", 5)
    fits = csv_file(tmp_path / "lima.csv", "Nama;Peran\n" + "".join(f"P{i};tim\n" for i in range(5)))
    assert len(StaffImport(ws).preview(fits).rows) == 5
    path = csv_file(tmp_path / "enam.csv", "Nama;Peran\n" + "".join(f"P{i};tim\n" for i in range(6)))
    with pytest.raises(ImportFileError, match=r"^Berkas enam.csv berisi lebih dari 5 baris data"):
        StaffImport(ws).preview(path)


def test_the_default_cap_is_two_thousand_lines_also_in_a_spreadsheet(ws, tmp_path):
    path = xlsx(tmp_path / "besar.xlsx", [["Nama", "Peran"], *([f"P{i}", "tim"] for i in range(2001))])
    with pytest.raises(ImportFileError, match=r"lebih dari 2\.000 baris data"):
        StaffImport(ws).preview(path)


def test_a_file_over_the_size_limit_is_not_read(ws, tmp_path, monkeypatch):
    monkeypatch.setattr(staff_import, "MAX_BYTES", 100)
    path = csv_file(tmp_path / "besar.csv", "Nama;Peran\n" + "Agus;tim\n" * 20)
    with pytest.raises(ImportFileError, match="terlalu besar"):
        StaffImport(ws).preview(path)
