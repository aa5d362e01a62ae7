"""A staff list imported from a spreadsheet (.xlsx) or a .csv file: read, checked, previewed, added.

The columns are found by their header, in Indonesian or English (*Nama/Name*, *NIP*,
*Jabatan/Position*, *Pangkat*, *Golongan*, *Peran/Lane/Role*), whatever their case and
spacing; a title above the header row is allowed. Every line becomes a :class:`ImportRow`
with its values cleaned and its problems in Indonesian, which the preview shows; nothing is
stored until :meth:`StaffImport.apply`, which adds the lines without problems that are not in
the directory yet, in one transaction, through :class:`~wawaran_desktop.services.staff.StaffService`
(and an audit entry ``staff_import`` per person added, naming who imported).

A file that cannot be read (not .xlsx/.csv, damaged, locked by another program, empty, no
header, more than :data:`MAX_ROWS` lines) raises :class:`ImportFileError` with a message that
says what to do.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Staff
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.staff import NAME_MAX, POSITION_MAX, RANK_MAX, normalise_nip

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

#: The most data lines a file may have (a whole office's staff is far fewer).
MAX_ROWS = 2000
#: The largest file read, in bytes.
MAX_BYTES = 20 * 1024 * 1024
#: How many lines from the top are searched for the header row (a title may stand above it).
HEADER_SEARCH = 10

#: Header texts by field, compared without case, spaces and punctuation.
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("nama", "name", "namalengkap", "namapegawai", "namapetugas", "fullname"),
    "nip": ("nip", "nipbaru", "nomorindukpegawai"),
    "position": ("jabatan", "position", "namajabatan", "jobtitle", "title"),
    "rank": ("pangkat", "pangkatgolongan", "pangkatgol", "pangkatgolongangruang", "pangkatgolruang",
             "pangkatgolonganruang", "rank"),
    "grade": ("golongan", "gol", "golruang", "golonganruang", "grade"),
    "lane": ("peran", "lane", "role", "pelaksana", "peranpelaksana"),
}

#: A row's status: ready to add, already in the directory, or refused for its problems.
READY, EXISTS, PROBLEM = "ready", "exists", "problem"


class ImportFileError(ServiceError):
    """The file cannot be read as a staff list; nothing was read or stored."""


@dataclass(frozen=True)
class ImportRow:
    """One data line of the file, cleaned. ``line``: its line number in the file (the sheet's row)."""

    line: int
    name: str
    nip: str | None  # 18 digits, or None when blank or not valid
    nip_text: str  # as written
    position: str
    rank: str
    lane: str  # an SOP lane id, "" when blank or unknown
    lane_text: str  # as written
    problems: tuple[str, ...] = ()
    status: str = READY

    @property
    def ready(self) -> bool:
        return self.status == READY


@dataclass(frozen=True)
class ImportPreview:
    """What a file would add: every line, its problems, and the headers found (field -> as written)."""

    path: str
    rows: tuple[ImportRow, ...]
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def ready(self) -> tuple[ImportRow, ...]:
        return tuple(row for row in self.rows if row.status == READY)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def summary(self) -> str:
        """E.g. "12 baris: 9 siap ditambahkan, 1 sudah terdaftar, 2 bermasalah"."""
        parts = [f"{self.count(READY)} siap ditambahkan"]
        if self.count(EXISTS):
            parts.append(f"{self.count(EXISTS)} sudah terdaftar")
        if self.count(PROBLEM):
            parts.append(f"{self.count(PROBLEM)} bermasalah")
        return f"{len(self.rows)} baris: " + ", ".join(parts)


@dataclass(frozen=True)
class ImportResult:
    added: int
    existing: int  # in the directory already (in the preview, or by the time it was applied)
    refused: int  # lines with problems, not added

    @property
    def message(self) -> str:
        text = f"{self.added} petugas ditambahkan"
        if self.existing:
            text += f", {self.existing} sudah terdaftar"
        if self.refused:
            text += f", {self.refused} baris bermasalah dilewati"
        return text + "."


def header_key(text: object) -> str:
    """A header as compared: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", str(text or "").casefold())


def _person_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _read(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ImportFileError(f"Berkas {path.name} tidak ditemukan.") from None
    except PermissionError:
        raise ImportFileError(f"Berkas {path.name} tidak dapat dibuka: mungkin sedang dibuka di Excel atau "
                              "program lain, atau Anda tidak berhak membacanya. Tutup berkas itu lalu coba lagi.") \
            from None
    except OSError as exc:
        raise ImportFileError(f"Berkas {path.name} tidak dapat dibaca ({exc.strerror or exc}).") from None
    if len(data) > MAX_BYTES:
        raise ImportFileError(f"Berkas {path.name} terlalu besar (lebih dari {MAX_BYTES // (1024 * 1024)} MB) "
                              "untuk daftar petugas.")
    if not data.strip():
        raise ImportFileError(f"Berkas {path.name} kosong.")
    return data


def _xlsx_rows(data: bytes, name: str) -> Iterator[list[object]]:
    from openpyxl import load_workbook  # only when a spreadsheet is read

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(f"Berkas {name} bukan berkas Excel .xlsx yang utuh; buka di Excel dan "
                              "simpan ulang sebagai .xlsx atau .csv.") from exc
    try:
        if not book.worksheets:
            raise ImportFileError(f"Berkas {name} tidak berisi lembar kerja.")
        for values in book.worksheets[0].iter_rows(values_only=True):
            yield list(values)
    finally:
        book.close()


def _csv_rows(data: bytes, name: str) -> Iterator[list[object]]:
    if b"\x00" in data:
        raise ImportFileError(f"Berkas {name} bukan berkas teks CSV.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # Excel's "CSV (dipisahkan koma)" on Windows
        except UnicodeDecodeError:
            raise ImportFileError(f"Berkas {name} tidak dapat dibaca sebagai teks; simpan ulang sebagai "
                                  "\"CSV UTF-8\".") from None
    lines = [line for line in text.splitlines() if line.strip()][:HEADER_SEARCH]
    sample = "\n".join(lines)
    delimiter = max((";", ",", "\t"), key=sample.count)  # Indonesian Excel exports use ";"
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise ImportFileError(f"Berkas {name} bukan berkas CSV yang sah ({exc}).") from None


def _lines(path: Path) -> Iterator[list[object]]:
    suffix = path.suffix.casefold()
    if suffix == ".xls":
        raise ImportFileError("Format .xls (Excel 97–2003) tidak didukung: buka di Excel dan simpan sebagai "
                              ".xlsx atau .csv.")
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise ImportFileError(f"Berkas {path.name} bukan daftar .xlsx atau .csv.")
    data = _read(path)
    if suffix == ".csv" or suffix == ".txt":
        return _csv_rows(data, path.name)
    return _xlsx_rows(data, path.name)


def _header(cells: Iterable[object]) -> dict[str, int]:
    """Field -> column of a header row (the first column of each field counts)."""
    found: dict[str, int] = {}
    for column, cell in enumerate(cells):
        key = header_key(cell)
        for name, texts in HEADERS.items():
            if key in texts and name not in found:
                found[name] = column
    return found


def _table(name: str, lines: Iterator[list[object]]
           ) -> tuple[int, list[object], dict[str, int], list[tuple[int, list[object]]]]:
    """The header row's number, cells and columns by field, and the non-blank data lines after it
    (with their line numbers); no columns when no header is found near the top."""
    columns: dict[str, int] = {}
    header_cells: list[object] = []
    header_line = 0
    raw: list[tuple[int, list[object]]] = []
    for number, cells in enumerate(lines, start=1):
        if not columns:
            found = _header(cells)
            if "name" in found:
                columns, header_cells, header_line = found, cells, number
            elif number >= HEADER_SEARCH:
                break
            continue
        if not any(_cell_text(c) for c in cells):
            continue
        if len(raw) >= MAX_ROWS:
            raise ImportFileError(f"Berkas {name} berisi lebih dari {MAX_ROWS:,} baris data".replace(",", ".")
                                  + "; bagi menjadi beberapa berkas (paling banyak "
                                  + f"{MAX_ROWS:,}".replace(",", ".") + " baris per berkas).")
        raw.append((number, cells))
    return header_line, header_cells, columns, raw


class StaffImport:
    """Reads a staff list and adds its valid lines to the directory (``ws.staff``)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.sop = ws.sop

    # -- lanes ------------------------------------------------------------------------------
    def lane_of(self, text: str) -> str | None:
        """The SOP lane id that ``text`` names: the id, the SOP's name, or a part of the name
        that only one lane has ("Kernet", "Kepala Bidang"); None when none or several."""
        key = _person_key(text)
        if not key:
            return None
        lanes = self.sop.lanes
        for lane in lanes:
            if key in (lane.id.casefold(), _person_key(lane.name)):
                return lane.id
        matches = []
        for lane in lanes:
            name = _person_key(lane.name)
            parts = [_person_key(part) for part in name.split("/")]
            if key in parts or name.startswith((key + " ", key + "/")):
                matches.append(lane.id)
        return matches[0] if len(matches) == 1 else None

    # -- reading ----------------------------------------------------------------------------
    def preview(self, path: str | Path) -> ImportPreview:
        """Every line of the file at ``path`` checked; raises ImportFileError when it cannot be read."""
        path = Path(path)
        lines = _lines(path)
        try:
            header_line, header_cells, columns, raw = _table(path.name, lines)
        finally:
            lines.close()  # a spreadsheet's file handle, also when reading stopped early
        if not columns:
            raise ImportFileError(f"Baris judul kolom tidak ditemukan di {path.name}: baris pertama harus berisi "
                                  "judul kolom, sekurang-kurangnya \"Nama\" (juga NIP, Jabatan, Pangkat/Golongan, "
                                  "Peran).")
        if not raw:
            raise ImportFileError(f"Berkas {path.name} tidak berisi data petugas di bawah baris judul "
                                  f"(baris {header_line}).")
        headers = {name: _cell_text(header_cells[column]) for name, column in columns.items()}
        rows = self._check([(number, {name: cells[column] if column < len(cells) else None
                                      for name, column in columns.items()}) for number, cells in raw],
                           has_lane="lane" in columns)
        return ImportPreview(str(path), tuple(rows), headers)

    def _check(self, raw: list[tuple[int, dict[str, object]]], has_lane: bool) -> list[ImportRow]:
        by_nip = {nip: name for nip, name in Staff.select(Staff.nip, Staff.name).where(Staff.nip.is_null(False))
                  .tuples()}
        unnumbered = {_person_key(name) for (name,) in Staff.select(Staff.name).where(Staff.nip.is_null()).tuples()}
        lane_names = ", ".join(lane.name for lane in self.sop.lanes)
        seen_nip: dict[str, int] = {}
        seen_name: dict[str, int] = {}
        rows = []
        for number, values in raw:
            problems: list[str] = []
            exists = ""
            name = _cell_text(values.get("name"))
            if not name:
                problems.append("Nama kosong.")
            elif len(name) > NAME_MAX:
                problems.append(f"Nama terlalu panjang (maksimal {NAME_MAX} karakter).")
            raw_nip = values.get("nip")
            nip_text = _cell_text(raw_nip).lstrip("'")
            if nip_text in ("-", "–", "—"):  # how lists mark staff without an NIP
                nip_text = ""
            nip = None
            if isinstance(raw_nip, float) and raw_nip >= 1e15:
                problems.append("NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; "
                                "format kolom NIP sebagai Teks lalu ketik ulang.")
            elif re.fullmatch(r"\d+(,\d+)?[eE]\+\d+|\d\.\d+[eE]\+?\d+", nip_text):
                problems.append("NIP tertulis sebagai angka eksponen (mis. 1,97E+17); format kolom NIP sebagai "
                                "Teks lalu ketik ulang.")
            else:
                try:
                    nip = normalise_nip(nip_text)
                except ValidationError as exc:
                    problems.append(str(exc))
            position = _cell_text(values.get("position"))
            if len(position) > POSITION_MAX:
                problems.append(f"Jabatan terlalu panjang (maksimal {POSITION_MAX} karakter).")
            rank = _cell_text(values.get("rank"))
            grade = _cell_text(values.get("grade"))
            if grade and grade not in rank:
                rank = f"{rank} ({grade})" if rank else grade
            if len(rank) > RANK_MAX:
                problems.append(f"Pangkat/golongan terlalu panjang (maksimal {RANK_MAX} karakter).")
            lane_text = _cell_text(values.get("lane"))
            lane = self.lane_of(lane_text) or ""
            if not lane_text:
                problems.append("Peran kosong" + ("" if has_lane else " (tidak ada kolom Peran)")
                                + f"; isi salah satu: {lane_names}.")
            elif not lane:
                problems.append(f"Peran \"{lane_text}\" tidak dikenal; isi salah satu: {lane_names}.")
            if nip:
                if nip in seen_nip:
                    problems.append(f"NIP sama dengan baris {seen_nip[nip]}.")
                else:
                    seen_nip[nip] = number
                    if nip in by_nip:
                        exists = f"Sudah terdaftar di direktori (NIP milik {by_nip[nip]})."
            elif name and not nip_text:
                key = _person_key(name)
                if key in seen_name:
                    problems.append(f"Nama sama dengan baris {seen_name[key]} dan keduanya tanpa NIP.")
                else:
                    seen_name[key] = number
                    if key in unnumbered:
                        exists = "Sudah terdaftar di direktori (nama sama, tanpa NIP)."
            status = PROBLEM if problems else EXISTS if exists else READY
            rows.append(ImportRow(line=number, name=name, nip=nip, nip_text=nip_text, position=position,
                                  rank=rank, lane=lane, lane_text=lane_text,
                                  problems=tuple(problems or ([exists] if exists else [])), status=status))
        return rows

    # -- storing ----------------------------------------------------------------------------
    def apply(self, preview: ImportPreview, actor_id: int | None = None) -> ImportResult:
        """Add the preview's ready lines that are not in the directory yet, all in one
        transaction (a refusal stores none of them); each one added is audited (``staff_import``,
        by ``actor_id`` when given)."""
        added, existing = 0, preview.count(EXISTS)
        source = Path(preview.path).name
        with write_transaction("staff"):
            nips = {nip for (nip,) in Staff.select(Staff.nip).where(Staff.nip.is_null(False)).tuples()}
            unnumbered = {_person_key(n) for (n,) in Staff.select(Staff.name).where(Staff.nip.is_null()).tuples()}
            for row in preview.ready:
                if (row.nip in nips) if row.nip else (_person_key(row.name) in unnumbered):
                    existing += 1
                    continue
                try:
                    person = self.ws.staff.add(row.name, row.nip, row.position, row.lane, rank=row.rank,
                                               actor_id=actor_id)
                except ValidationError as exc:
                    raise ValidationError(f"Baris {row.line} ({row.name}): {exc}", exc.field) from None
                record_audit(at=to_db(self.ws.clock()), actor=actor_id, action="staff_import",
                             detail=f"petugas {person.id}: {person.name} (dari {source}, baris {row.line})")
                if person.nip:
                    nips.add(person.nip)
                else:
                    unnumbered.add(_person_key(person.name))
                added += 1
        return ImportResult(added=added, existing=existing, refused=preview.count(PROBLEM))
