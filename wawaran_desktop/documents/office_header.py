"""The office's own kop surat in a Word document (services/office_files.py chooses and checks it).

    use_office_header(document, docx_path)    # the kop of the office's Word file
    use_kop_image(document, image_path)       # an image of the kop, across the page

Either becomes the header of the document's first page (``w:titlePg``), as an office letter's
kop is; the pages after it keep their own header (a draft's mark, :func:`docx_base.page_mark`).
The office file's header is copied element by element, with the pictures it shows copied into
the new document; a relationship of another kind (a hyperlink) is kept when it points outside
the file and dropped otherwise. No office program is needed.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm

from wawaran_desktop.services.office_files import COPIED_LINKS, kop_header

#: Attributes of the header's XML that name a relationship of its part (the office_files check
#: refuses a kop with any other: SmartArt, charts, OLE objects).
_REL_ATTRIBUTES = tuple(sorted(COPIED_LINKS))
#: The tallest an image kop is set (mm); a wider-than-tall image is usually far less.
KOP_IMAGE_MAX_MM = 45


def first_page_header(document: DocumentObject):
    """The first page's header of ``document``'s first section, ready for a kop: what the other
    pages' header and footer already hold (a draft's mark, page numbers) is on it too."""
    section = document.sections[0]
    if not section.different_first_page_header_footer:
        section.different_first_page_header_footer = True
        for kind in ("header", "footer"):
            own, first = getattr(section, kind), getattr(section, f"first_page_{kind}")
            first.is_linked_to_previous = False
            element = first._element  # noqa: SLF001 (python-docx has no "clear" nor "copy")
            for child in list(element):
                element.remove(child)
            if not own.is_linked_to_previous:
                for child in own._element:  # noqa: SLF001
                    element.append(copy.deepcopy(child))
    return section.first_page_header


def use_office_header(document: DocumentObject, source: Path) -> None:
    """The kop of the office's Word file ``source`` as the header of ``document``'s first page."""
    office = docx.Document(str(source))
    found = kop_header(office)
    if found is None:  # (checked when chosen; a file changed since prints the built-in kop's absence)
        return
    target = first_page_header(document)
    source_part, target_part = found.part, target.part
    for child in found._element:  # noqa: SLF001
        copied = copy.deepcopy(child)
        _relink(copied, source_part, target_part)
        target._element.append(copied)  # noqa: SLF001
    if not len(target._element):  # noqa: SLF001 (a header needs at least one paragraph)
        target.add_paragraph()


def _relink(element, source_part, target_part) -> None:
    """Point the relationship ids in ``element`` (copied from ``source_part``) at the same targets
    from ``target_part``: pictures copied, outside links kept, anything else dropped."""
    for node in element.iter():
        for attribute in _REL_ATTRIBUTES:
            rel_id = node.get(attribute)
            if rel_id is None:
                continue
            rel = source_part.rels.get(rel_id)
            new_id = None
            if rel is not None and rel.reltype == RT.IMAGE and not rel.is_external:
                new_id, _image = target_part.get_or_add_image(io.BytesIO(rel.target_part.blob))
            elif rel is not None and rel.is_external:
                new_id = target_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
            if new_id is None:
                del node.attrib[attribute]
            else:
                node.set(attribute, new_id)


def use_kop_image(document: DocumentObject, image: Path) -> None:
    """The image of the office's kop, as wide as the text, as the header of the first page."""
    section = document.sections[0]
    width_mm = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    header = first_page_header(document)
    para = header.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture = para.add_run().add_picture(str(image), width=Mm(width_mm))
    if picture.height > Mm(KOP_IMAGE_MAX_MM):  # a tall image: kept in proportion, no taller than this
        ratio = Mm(KOP_IMAGE_MAX_MM) / picture.height
        picture.height, picture.width = Mm(KOP_IMAGE_MAX_MM), int(picture.width * ratio)


EMU_PER_MM = 36000
#: A header paragraph's type size when it names none (Word's default for headers: the body's).
HEADER_PT = 12


def kop_height_mm(source: Path) -> float:
    """How tall the office's Word kop in ``source`` is (mm), estimated from its header: each
    paragraph as tall as its tallest picture or its type (1.15 lines), plus its spacing; a table's
    rows by their tallest cell. 0 when the file has no kop."""
    office = docx.Document(str(source))
    found = kop_header(office)
    if found is None:
        return 0.0
    return _block_mm(found._element)  # noqa: SLF001


def _block_mm(element) -> float:
    total = 0.0
    for child in element:
        if child.tag == qn("w:p"):
            total += _paragraph_mm(child)
        elif child.tag == qn("w:tbl"):
            for row in child.findall(qn("w:tr")):
                total += max((_block_mm(cell) for cell in row.findall(qn("w:tc"))), default=0.0)
    return total


def _paragraph_mm(para) -> float:
    pictures = [int(extent.get("cy")) / EMU_PER_MM for extent in para.iter(qn("wp:extent"))
                if (extent.get("cy") or "").isdigit()]
    sizes = [int(size.get(qn("w:val"))) / 2 for size in para.iter(qn("w:sz")) if size.get(qn("w:val"), "").isdigit()]
    line = max(sizes, default=HEADER_PT) * 1.15 * 25.4 / 72
    spacing = para.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    extra = 0.0
    if spacing is not None:
        for edge in ("w:before", "w:after"):
            value = spacing.get(qn(edge))
            extra += int(value) / 20 * 25.4 / 72 if value and value.isdigit() else 0.0
    border = 1.5 if para.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None else 0.0
    return max(pictures + [line]) + extra + border
