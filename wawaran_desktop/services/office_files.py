"""The office's own files in its profile: the logo, and the office's official letterhead.

An office may use its own kop surat instead of the built-in one (documents/letterhead.py):

- a Word file (``.docx``) whose page header holds the kop — logo, lines, rule, as the office's
  template has it; every Word document the application exports gets that header on its first
  page (documents/office_header.py);
- an image of the same kop (PNG or JPEG, wide: at least :data:`KOP_MIN_WIDTH_PX` pixels wide and
  :data:`KOP_MIN_RATIO` times as wide as high), for the PDFs and printouts the application
  paints itself — and for the Word documents too when no Word kop is chosen.

Each is checked when chosen (ValidationError naming the field, in Indonesian) and copied into
the data folder (``office/<prefix><hash><suffix>``), or on an office server kept in the database
(services/file_store.py), like the logo. Nothing here needs an office program.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from wawaran_desktop.infra.atomic import ExportError, write_bytes_atomically
from wawaran_desktop.services.errors import ServiceError, ValidationError
from wawaran_desktop.services.file_store import FileStore, in_database, too_large_message

FOLDER = "office"
IMAGE_TYPES = {"image/png": ".png", "image/jpeg": ".jpg"}
LOGO_MAX_BYTES = 2 * 1024 * 1024
KOP_DOCX_MAX_BYTES = 5 * 1024 * 1024
KOP_IMAGE_MAX_BYTES = 3 * 1024 * 1024
KOP_DOCX_MAX_UNPACKED = 50 * 1024 * 1024  # what a kop's .docx may unpack to
REL_NAMESPACE = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
#: The relationship attributes a kop's header may carry (documents/office_header.py copies them):
#: a picture's and a hyperlink's; SmartArt (r:dm, r:lo…), charts and OLE objects are refused.
COPIED_LINKS = {REL_NAMESPACE + name for name in ("embed", "link", "id", "pict")}
LOGO_MIN_PX, LOGO_MAX_PX = 32, 6000
KOP_MIN_WIDTH_PX, KOP_MIN_RATIO = 600, 2.5
#: The three kinds: (prefix of the stored name, size limit, field of the profile).
LOGO = ("logo-", LOGO_MAX_BYTES, "logo")
KOP_DOCX = ("kop-", KOP_DOCX_MAX_BYTES, "letterhead_docx")
KOP_IMAGE = ("kopgambar-", KOP_IMAGE_MAX_BYTES, "letterhead_image")
KINDS = (LOGO, KOP_DOCX, KOP_IMAGE)


def file_store(data_dir: Path, clock, kind: tuple[str, int, str]) -> FileStore:
    _prefix, limit, field = kind
    return FileStore(data_dir, FOLDER, clock=clock, limit=limit, server_limit=limit, field=field)


def local_file(store: FileStore, name: str) -> Path | None:
    """The stored file ``name`` on this PC (on a server: fetched into the cache); None when there
    is none to be had: documents then print without it."""
    try:
        path = store.local_copy(name)
    except ServiceError:
        return None
    return path if path.is_file() else None


def keep(store: FileStore, source: Path, prefix: str, suffix: str, what: str) -> str:
    """The stored name of ``source``'s copy (``<prefix><hash><suffix>``), copied when new."""
    source = Path(source)
    if source.name.startswith(prefix) and source.parent.resolve() == store.local_dir.resolve() \
            and source.is_file() and store.exists(source.name):
        return source.name  # the current copy: nothing to do
    blob = source.read_bytes()
    name = f"{prefix}{hashlib.sha256(blob).hexdigest()[:12]}{suffix}"
    if store.in_database:
        store.put_bytes(name, blob, source.name, if_absent=True)  # the same file: the same name
        return name
    folder = store.folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Folder {what} {folder} tidak dapat dibuat ({exc.strerror or exc}). "
                          "Profil kantor tidak diubah.") from exc
    if not (folder / name).is_file():
        write_bytes_atomically(folder / name, blob)
    return name


def drop_old(store: FileStore, prefix: str, kept: str | None) -> None:
    """Remove the stored files of this kind but ``kept``."""
    if store.in_database:
        store.delete([name for name in store.names(prefix) if name != kept])
        return
    folder = store.folder
    for old in folder.glob(f"{prefix}*") if folder.is_dir() else ():
        if old.name != kept and old.name.startswith(prefix):
            try:
                old.unlink()
            except OSError:
                pass  # tidied next time


# -- checks ----------------------------------------------------------------------------------
def _read(path: Path, what: str, field: str, limit: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError(f"Berkas {what} {path.name} tidak dapat dibaca.", field) from None
    if size > limit:
        raise ValidationError(f"{what.capitalize()}: " + too_large_message(path.name, size, limit,
                                                                           on_server=in_database()), field)
    try:
        return path.read_bytes()
    except OSError:
        raise ValidationError(f"Berkas {what} {path.name} tidak dapat dibaca.", field) from None


def image_of(blob: bytes):
    """python-docx's reading of an image (type, pixels), or None when it is not a whole PNG/JPEG."""
    from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
    from docx.image.image import Image

    try:
        image = Image.from_blob(blob)
    except (UnrecognizedImageError, InvalidImageStreamError, UnexpectedEndOfFileError, ValueError, IndexError):
        return None
    return image if image.content_type in IMAGE_TYPES and complete(blob, image.content_type) else None


def complete(blob: bytes, content_type: str) -> bool:
    """A PNG ends with its IEND chunk, a JPEG with its end-of-image marker: not cut short."""
    if content_type == "image/png":
        return blob[-12:-8] == b"\x00\x00\x00\x00" and blob[-8:-4] == b"IEND"
    return blob.rstrip(b"\x00")[-2:] == b"\xff\xd9"


def check_logo(path: Path) -> str:
    """The file extension (``.png``/``.jpg``) of a usable logo; raises ValidationError."""
    image = image_of(_read(path, "logo", "logo", LOGO_MAX_BYTES))
    if image is None:
        raise ValidationError("Logo harus gambar PNG atau JPEG yang utuh.", "logo")
    if not (LOGO_MIN_PX <= min(image.px_width, image.px_height) and max(image.px_width, image.px_height)
            <= LOGO_MAX_PX):
        raise ValidationError(f"Ukuran logo {image.px_width} × {image.px_height} piksel tidak wajar "
                              f"(sisi {LOGO_MIN_PX}–{LOGO_MAX_PX} piksel).", "logo")
    return IMAGE_TYPES[image.content_type]


def check_letterhead_image(path: Path) -> str:
    """The file extension of a usable image of the kop; raises ValidationError."""
    field = KOP_IMAGE[2]
    image = image_of(_read(path, "gambar kop", field, KOP_IMAGE_MAX_BYTES))
    if image is None:
        raise ValidationError("Gambar kop harus gambar PNG atau JPEG yang utuh.", field)
    width, height = image.px_width, image.px_height
    if width < KOP_MIN_WIDTH_PX or width > 4 * LOGO_MAX_PX or width < KOP_MIN_RATIO * height:
        raise ValidationError(
            f"Gambar kop {width} × {height} piksel tidak dapat dipakai: kop selebar halaman harus paling sedikit "
            f"{KOP_MIN_WIDTH_PX} piksel lebarnya dan {str(KOP_MIN_RATIO).replace('.', ',')} kali tingginya "
            "(pindai atau ekspor kop dari tepi kiri sampai kanan, termasuk garisnya).", field)
    return IMAGE_TYPES[image.content_type]


def check_letterhead_docx(path: Path) -> str:
    """``.docx`` when ``path`` is a Word file whose first page header holds something (text, a
    picture or a rule); raises ValidationError saying what is wrong."""
    field = KOP_DOCX[2]
    blob = _read(path, "kop Word", field, KOP_DOCX_MAX_BYTES)
    if not zipfile.is_zipfile(io.BytesIO(blob)):
        raise ValidationError(f"Berkas {path.name} bukan dokumen Word (.docx). Dokumen .doc lama: buka di Word "
                              "lalu simpan sebagai .docx.", field)
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        unpacked = sum(item.file_size for item in package.infolist())
    if unpacked > KOP_DOCX_MAX_UNPACKED:  # a small file that unpacks to gigabytes
        raise ValidationError(f"Dokumen Word {path.name} terlalu besar setelah dibuka ({unpacked // 2**20} MB; "
                              f"batasnya {KOP_DOCX_MAX_UNPACKED // 2**20} MB). Simpan ulang kopnya dengan gambar yang "
                              "lebih kecil.", field)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(blob))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ValidationError(f"Dokumen Word {path.name} tidak dapat dibaca ({exc}).", field) from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises lxml's and its own errors on a damaged file
        raise ValidationError(f"Dokumen Word {path.name} rusak atau tidak dapat dibaca ({type(exc).__name__}).",
                              field) from None
    header = kop_header(document)
    if header is None:
        raise ValidationError(f"Dokumen {path.name} tidak mempunyai kop di header halaman pertamanya. Di Word: "
                              "klik dua kali di atas halaman (Header), letakkan kop di sana, lalu simpan.", field)
    unusable = [rel for rel in header.part.rels.values()
                if rel.reltype not in (RT.IMAGE, RT.HYPERLINK) or rel.reltype == RT.IMAGE and rel.is_external]
    linked = {attribute for node in header._element.iter() for attribute in node.attrib  # noqa: SLF001
              if attribute.startswith(REL_NAMESPACE)}
    if unusable or linked - COPIED_LINKS:
        raise ValidationError(f"Kop di {path.name} memuat objek yang tidak dapat disalin ke dokumen lain (gambar "
                              "tertaut dari luar berkas, SmartArt, bagan atau objek OLE). Sisipkan logo sebagai gambar "
                              "biasa (PNG atau JPEG), lalu simpan dan pilih lagi.", field)
    from docx.image.image import Image

    for rel in header.part.rels.values():  # every picture as an export will copy it (documents/office_header.py)
        if rel.reltype != RT.IMAGE:
            continue
        try:
            Image.from_blob(rel.target_part.blob)
        except Exception as exc:  # noqa: BLE001 - python-docx refuses SVG/EMF/WMF pictures, among others
            raise ValidationError(f"Gambar di kop {path.name} tidak dapat disalin ({type(exc).__name__}): mungkin SVG, "
                                  "EMF atau WMF. Ganti logo di header dengan gambar PNG atau JPEG, lalu simpan dan "
                                  "pilih lagi.", field) from None
    return ".docx"


def kop_header(document):
    """The header of a document's first page that holds the kop (the first-page header when the
    document has one with content, else its default header), or None when both are empty."""
    section = document.sections[0]
    candidates = []
    if section.different_first_page_header_footer:
        candidates.append(section.first_page_header)
    candidates.append(section.header)
    for header in candidates:
        if header.is_linked_to_previous:
            continue
        element = header._element  # noqa: SLF001 (python-docx has no public "is empty")
        if any(text.strip() for text in element.itertext()) or _drawn(element):
            return header
    return None


def _drawn(element) -> bool:
    """Whether the header holds a picture, a shape or a bordered paragraph (the kop's rule)."""
    from docx.oxml.ns import qn

    for tag in ("w:drawing", "w:pict", "w:pBdr", "w:object"):
        if element.find(".//" + qn(tag)) is not None:
            return True
    return False
