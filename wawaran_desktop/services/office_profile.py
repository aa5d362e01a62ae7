"""The office profile: kop surat, logo, city, signatories and paper of every document.

Stored as one JSON value in the settings table (key ``office.profile``) so a backup of the
database carries it. :class:`OfficeProfileService` (``ws.profile``) reads and saves it. Before
the office saves it, :meth:`~OfficeProfileService.load` gives defaults: the kop lines
of the SOP's identity block, the SOP's approver as Kepala Dinas, and the first active
Kepala Bidang and Sub Kor of the staff directory. A damaged or partial stored value falls
back field by field to those defaults: documents must still print.

The logo is copied into the data folder (``office/logo-<hash>.png|jpg``), so the profile
never points at a file the user may later move or delete; on an office server it is kept in the
database under the same name (services/file_store.py), and each PC reading the profile gets a
copy in its data folder's ``cache/``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from wawaran_desktop.db.models import Staff
from wawaran_desktop.services import office_files
from wawaran_desktop.services.campaigns import clean_text
from wawaran_desktop.services.errors import ValidationError
from wawaran_desktop.services.office_files import LOGO_MAX_BYTES, LOGO_MAX_PX, LOGO_MIN_PX, check_logo
from wawaran_desktop.services.staff import NAME_MAX, POSITION_MAX, RANK_MAX, first_active, normalise_nip

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace
    from wawaran_desktop.sop import Sop

KEY = "office.profile"
RANK_FOLLOWS = "rank_follows_directory"  # in a stored signatory: its rank is the directory's
LOGO_FOLDER = office_files.FOLDER
__all__ = ["LOGO_MAX_BYTES", "LOGO_MAX_PX", "LOGO_MIN_PX", "check_logo"]  # (kept here for their readers)
LINE_MAX, ADDRESS_MAX, CONTACT_MAX, CITY_MAX = 120, 200, 100, 60

PAPER_LABELS = {"A4": "A4 (210 × 297 mm)", "F4": "F4/Folio (215 × 330 mm)",
                "half_folio": "Setengah Folio (215 × 165 mm)"}
DOCUMENT_PAPERS = ("A4", "F4")  # letters, the narration, reports
DISPOSITION_PAPERS = ("A4", "F4", "half_folio")

#: The signatories, in the order of the dialog: (key, label, lane of the staff directory).
ROLES = (("kepala_dinas", "Kepala Dinas", None), ("kepala_bidang", "Kepala Bidang", "kabid"),
         ("sub_kor", "Sub Koordinator", "subkor"))
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
WHAT = "Profil kantor"
_READ = object()  # load(): the stored value is to be read


class Signatory(NamedTuple):
    name: str = ""
    nip: str | None = None  # 18 digits
    position: str = ""
    staff_id: int | None = None  # the directory entry it was taken from, if any
    rank: str = ""  # pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)"; "" when none


class OfficeProfile(NamedTuple):
    government: str  # "PEMERINTAH KOTA TANGERANG"
    office: str  # "DINAS KOMUNIKASI DAN INFORMATIKA"
    address: str
    phone: str
    email: str
    website: str
    city: str  # for dated places: "Tangerang, 26 November 2026"
    logo: Path | None  # absolute path of the copy in the data folder (or a new file to copy on save)
    kepala_dinas: Signatory
    kepala_bidang: Signatory
    sub_kor: Signatory
    paper: str = "A4"  # DOCUMENT_PAPERS
    disposition_paper: str = "A4"  # DISPOSITION_PAPERS
    #: The office's own kop surat (services/office_files.py): a Word file whose header is the
    #: kop, and an image of it; None: the built-in kop.
    letterhead_docx: Path | None = None
    letterhead_image: Path | None = None

    def signatory(self, key: str) -> Signatory:
        return getattr(self, key)

    @property
    def contact_line(self) -> str:
        """``Telp. (021) 5xx · Email: a@b · Laman: c`` from what is filled in."""
        parts = [f"Telepon {self.phone}" if self.phone else "", f"Pos-el: {self.email}" if self.email else "",
                 f"Laman: {self.website}" if self.website else ""]
        return " – ".join(p for p in parts if p)


class StoredProfile(NamedTuple):
    profile: OfficeProfile
    version: int  # the stored version a save names (0: not stored yet)


def fields(profile: OfficeProfile) -> dict[str, str]:
    """``profile`` by the dialog's labels, as a conflict compares them."""
    out = {"Baris pemerintah": profile.government, "Nama dinas": profile.office, "Alamat": profile.address,
           "Telepon": profile.phone, "Pos-el (e-mail)": profile.email, "Laman (website)": profile.website,
           "Kota (tempat tanggal)": profile.city,
           "Logo": Path(profile.logo).name if profile.logo is not None else "tanpa logo"}
    for key, label, _lane in ROLES:
        person = profile.signatory(key)
        nip = person.nip or ""
        if len(nip) == 18 and nip.isdigit():
            nip = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
        out.update({f"{label}: nama": person.name, f"{label}: NIP": nip, f"{label}: jabatan": person.position,
                    f"{label}: pangkat/gol.": person.rank})
    out["Kertas narasi dan laporan"] = PAPER_LABELS.get(profile.paper, profile.paper)
    out["Kertas lembar disposisi"] = PAPER_LABELS.get(profile.disposition_paper, profile.disposition_paper)
    out["Kop Word kantor"] = Path(profile.letterhead_docx).name if profile.letterhead_docx else "kop bawaan"
    out["Gambar kop kantor"] = Path(profile.letterhead_image).name if profile.letterhead_image else "kop bawaan"
    return out


class OfficeProfileService:
    """The office profile of one workspace's data folder: its defaults, what is stored, saving."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def defaults(self) -> OfficeProfile:
        """The profile before the office saves one, from the SOP and the staff directory."""
        identity = self.ws.sop.identity
        approver = identity.approver
        city = identity.city.strip()
        city = re.sub(r"^(KOTA|KABUPATEN)\s+", "", city, flags=re.IGNORECASE).title() or "Tangerang"
        return OfficeProfile(
            government=identity.government, office=identity.office,
            address="", phone="", email="", website="", city=city, logo=None,
            kepala_dinas=Signatory(approver.name, _digits_or_none(approver.nip), _title_case(approver.position)),
            kepala_bidang=self._first_of_lane("kabid"), sub_kor=self._first_of_lane("subkor"))

    def read(self) -> StoredProfile:
        """The stored profile (as :meth:`load`) and its version, read together: what the
        profile dialog shows and names when it saves."""
        stored, version = self.ws.settings.get_json_versioned(KEY)
        return StoredProfile(self.load(stored), version)

    def load(self, stored: Any = _READ) -> OfficeProfile:
        """The stored profile, with defaults for whatever is missing or unreadable (``stored``:
        the stored JSON value already read; by default it is read now)."""
        base = self.defaults()
        if stored is _READ:
            stored = self.ws.settings.get_json(KEY)
        if not isinstance(stored, dict):
            return base
        values: dict[str, Any] = {}
        for name in ("government", "office", "address", "phone", "email", "website", "city"):
            if isinstance(stored.get(name), str):
                values[name] = stored[name]
        if stored.get("paper") in DOCUMENT_PAPERS:
            values["paper"] = stored["paper"]
        if stored.get("disposition_paper") in DISPOSITION_PAPERS:
            values["disposition_paper"] = stored["disposition_paper"]
        for kind in office_files.KINDS:
            name = stored.get(kind[2])
            if isinstance(name, str) and name:  # (by its name only: never outside the data folder)
                values[kind[2]] = office_files.local_file(self._store(kind), Path(name).name)
        people = stored.get("signatories")
        for key, _label, _lane in ROLES:
            entry = people.get(key) if isinstance(people, dict) else None
            if isinstance(entry, dict):
                person = Signatory(name=str(entry.get("name") or ""), nip=_digits_or_none(entry.get("nip")),
                                   position=str(entry.get("position") or ""),
                                   staff_id=entry["staff_id"] if isinstance(entry.get("staff_id"), int) else None,
                                   rank=str(entry.get("rank") or ""))
                follows = entry.get(RANK_FOLLOWS, "rank" not in entry)  # saved before ranks: it follows
                values[key] = self._with_directory_rank(person) if follows is True else person
        return base._replace(**values)

    def sop_for_documents(self, sop: Sop) -> Sop:
        """``sop`` as its printed identity block shows it: when the office profile's Kepala Dinas
        is the SOP's approver (same NIP) and has a rank the SOP file does not give, with that rank."""
        approver = sop.identity.approver
        head = self.load().kepala_dinas
        if approver.rank or not head.rank or head.nip is None or _digits_or_none(approver.nip) != head.nip:
            return sop
        return sop._replace(identity=sop.identity._replace(approver=approver._replace(rank=head.rank)))

    def is_stored(self) -> bool:
        """Whether the office has saved a profile (else :meth:`load` gives the defaults)."""
        return self.ws.settings.get_text(KEY) is not None

    def save(self, actor_id: int | None, profile: OfficeProfile, version: int | None = None) -> OfficeProfile:
        """Check and store ``profile``; returns it as :meth:`load` will read it.

        ``version``: the stored profile's as read (:meth:`read`; 0: none was stored); when
        another PC saved the profile since, nothing is stored and ConflictError says who and
        when, with the stored profile by the dialog's labels (:func:`fields`). None: no check.

        ``profile.logo``: None removes the logo; the current copy keeps it; any other file is
        checked (PNG or JPEG, at most 2 MB) and copied into the data folder. The same for the
        office's own kop, ``letterhead_docx`` and ``letterhead_image`` (services/office_files.py).
        Raises ValidationError naming the field, in Indonesian; nothing is stored then.
        The workspace's clock dates the audit entry.
        """
        self.ws.staff.require_active(actor_id)
        clean = self._clean(profile)
        stored_files = {kind: self._keep(kind, getattr(clean, kind[2])) for kind in office_files.KINDS}
        value = {name: getattr(clean, name) for name in
                 ("government", "office", "address", "phone", "email", "website", "city", "paper",
                  "disposition_paper")}
        value.update({kind[2]: name for kind, name in stored_files.items()})
        value["signatories"] = {key: self._stored_signatory(clean.signatory(key)) for key, _label, _lane in ROLES}
        self.ws.settings.put_json(KEY, value, actor_id=actor_id, version=version, what=WHAT,
                                  theirs=lambda stored: fields(self.load(stored)))
        for kind, name in stored_files.items():
            office_files.drop_old(self._store(kind), kind[0], name)
        return self.load()

    # -- helpers ----------------------------------------------------------------------------
    def _stored_signatory(self, person: Signatory) -> dict[str, Any]:
        """``person`` as stored. Its rank follows the staff directory (a promotion recorded there
        reaches the documents) while it is the directory's; a rank typed otherwise, or none,
        is kept as it is."""
        directory = self._directory_rank(person)
        return {**person._asdict(), RANK_FOLLOWS: directory is not None and person.rank == directory}

    def _with_directory_rank(self, person: Signatory) -> Signatory:
        """``person`` with the rank the staff directory now records for them, if it still can."""
        rank = self._directory_rank(person)
        return person if rank is None else person._replace(rank=rank)

    def _directory_rank(self, person: Signatory) -> str | None:
        """The rank the staff directory records for ``person``, when it was taken from there and
        that entry is still the same person (same NIP, or same name where neither has an NIP);
        else None (a directory entry now of someone else is not followed)."""
        if person.staff_id is None:
            return None
        row = Staff.get_or_none(Staff.id == person.staff_id)
        if row is None:
            return None
        same = row.nip == person.nip if (row.nip or person.nip) else row.name == person.name
        return row.rank if same else None

    def _first_of_lane(self, lane: str) -> Signatory:
        person = first_active(lane)
        return Signatory(person.name, person.nip, person.position, person.id, person.rank) if person else Signatory()

    def check(self, profile: OfficeProfile) -> OfficeProfile:
        """The profile as it would be stored, or ValidationError (nothing is stored)."""
        return self._clean(profile)

    def _clean(self, p: OfficeProfile) -> OfficeProfile:
        email = clean_text(p.email, "Pos-el (e-mail)", "email", CONTACT_MAX, False)
        if email and not _EMAIL.fullmatch(email):
            raise ValidationError("Alamat pos-el (e-mail) tidak sah, contoh: diskominfo@tangerangkota.go.id.",
                                  "email")
        if p.paper not in DOCUMENT_PAPERS:
            raise ValidationError("Pilih ukuran kertas dokumen: A4 atau F4.", "paper")
        if p.disposition_paper not in DISPOSITION_PAPERS:
            raise ValidationError("Pilih ukuran kertas lembar disposisi: A4, F4 atau setengah folio.",
                                  "disposition_paper")
        people = {key: self._clean_signatory(p.signatory(key), key, label) for key, label, _lane in ROLES}
        return p._replace(
            government=clean_text(p.government, "Baris pemerintah (kop)", "government", LINE_MAX, True),
            office=clean_text(p.office, "Nama dinas (kop)", "office", LINE_MAX, True),
            address=clean_text(p.address, "Alamat", "address", ADDRESS_MAX, False),
            phone=clean_text(p.phone, "Telepon", "phone", CONTACT_MAX, False),
            email=email,
            website=clean_text(p.website, "Laman (website)", "website", CONTACT_MAX, False),
            city=clean_text(p.city, "Kota tempat penandatanganan", "city", CITY_MAX, True),
            **people)

    def _clean_signatory(self, person: Signatory, key: str, label: str) -> Signatory:
        name = clean_text(person.name, f"Nama {label}", f"{key}.name", NAME_MAX, False)
        position = clean_text(person.position, f"Jabatan {label}", f"{key}.position", POSITION_MAX, False)
        rank = clean_text(person.rank, f"Pangkat/golongan {label}", f"{key}.rank", RANK_MAX, False)
        try:
            nip = normalise_nip(person.nip)
        except ValidationError as exc:
            raise ValidationError(f"{label}: {exc}", f"{key}.nip") from None
        if nip and not name:
            raise ValidationError(f"Nama {label} wajib diisi bila NIP diisi.", f"{key}.name")
        staff_id = person.staff_id if isinstance(person.staff_id, int) and Staff.get_or_none(
            Staff.id == person.staff_id) is not None else None
        return Signatory(name=name, nip=nip, position=position, staff_id=staff_id, rank=rank)

    def _store(self, kind: tuple[str, int, str]):
        return office_files.file_store(self.ws.data_dir, self.ws.clock, kind)

    def _keep(self, kind: tuple[str, int, str], source: Path | None) -> str | None:
        """The stored name of the profile's file of ``kind`` (checked and copied when new)."""
        if source is None:
            return None
        prefix, _limit, field = kind
        store = self._store(kind)
        source = Path(source)
        if source.name.startswith(prefix) and source.parent.resolve() == store.local_dir.resolve() \
                and source.is_file() and store.exists(source.name):
            return source.name  # the current copy of this kind: nothing to check again
        suffix = CHECKS[field](source)
        return office_files.keep(store, source, prefix, suffix, WHAT_FILE[field])


#: How each of the profile's files is checked (its stored suffix returned), and called in messages.
CHECKS = {"logo": check_logo, "letterhead_docx": office_files.check_letterhead_docx,
          "letterhead_image": office_files.check_letterhead_image}
WHAT_FILE = {"logo": "logo", "letterhead_docx": "kop Word", "letterhead_image": "gambar kop"}


# -- pure helpers ------------------------------------------------------------------------
def _digits_or_none(nip: Any) -> str | None:
    try:
        return normalise_nip(nip) if isinstance(nip, str) else None
    except ValidationError:
        return None


def _title_case(position: str) -> str:
    """``KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KOTA TANGERANG`` -> ``Kepala Dinas Komunikasi dan …``."""
    small = {"dan", "di", "ke", "dari", "untuk", "pada", "yang"}
    words = position.split()
    if position != position.upper():
        return position
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(words))
