"""python-docx helpers shared by the office's Word documents: page, fonts, paragraphs, borders.

Every document is Times New Roman 12 pt, single spacing, Indonesian proofing language,
on the paper of the office profile (``documents/page.py``). Word lays tables out from the
grid widths (``w:tblGrid``) and LibreOffice from the cell widths: both are set.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from wawaran_desktop.documents.page import Paper

FONT = "Times New Roman"
SYMBOL_FONT = "Segoe UI Symbol"  # ☑ ☐ on every Windows; LibreOffice falls back to a font that has them
BODY_PT = 12
LANGUAGE = "id-ID"
TICKED, UNTICKED = "\u2611", "\u2610"

#: Child order of the property elements we add to (Word refuses a file with them out of order).
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
               "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
               "tblLook", "tblCaption", "tblDescription")
TRPR_ORDER = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
              "tblHeader", "tblCellSpacing", "jc", "hidden")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
             "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
             "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def put_child(parent, child, order: tuple[str, ...]):
    """Insert ``child`` into ``parent`` at its place in the schema's ``order``, replacing one of its kind."""
    tag = child.tag.split("}")[1]
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    later = set(order[order.index(tag) + 1:])
    for index, existing in enumerate(parent):
        if existing.tag.split("}")[-1] in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def new_document(paper: Paper, body_pt: float = BODY_PT) -> DocumentObject:
    """An empty document on ``paper`` with the office's body style."""
    document = Document()
    section = document.sections[0]
    if paper.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(paper.width_mm), Mm(paper.height_mm)
    margins = paper.margins
    section.top_margin, section.right_margin = Mm(margins.top), Mm(margins.right)
    section.bottom_margin, section.left_margin = Mm(margins.bottom), Mm(margins.left)
    section.header_distance = section.footer_distance = Mm(min(margins.top, margins.bottom) / 2)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(body_pt)
    set_run_fonts(style.element.get_or_add_rPr(), FONT)
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    put_child(style.element.get_or_add_rPr(), lang, RPR_ORDER)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    document.core_properties.language = LANGUAGE
    return document


def set_run_fonts(rpr, font: str) -> None:
    """The font for every script of a run (Word picks the East Asian one for some symbols)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = put_child(rpr, OxmlElement("w:rFonts"), RPR_ORDER)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def paragraph(container, text: str = "", *, size: float | None = None, bold: bool = False,
              underline: bool = False, italic: bool = False, align: str = "left", space_after: float = 0,
              space_before: float = 0, line_spacing: float | None = None, keep_with_next: bool = False,
              reuse: bool = False) -> Paragraph:
    """Add a paragraph with one run to a document or table cell.

    ``reuse``: fill a cell's first (empty) paragraph instead of adding one.
    """
    if reuse and isinstance(container, _Cell) and len(container.paragraphs) == 1 \
            and not container.paragraphs[0].text:
        para = container.paragraphs[0]
    else:
        para = container.add_paragraph()
    para.alignment = ALIGN[align]
    fmt = para.paragraph_format
    fmt.space_after, fmt.space_before = Pt(space_after), Pt(space_before)
    if line_spacing is not None:
        fmt.line_spacing = line_spacing
    fmt.keep_with_next = keep_with_next
    if size is not None:
        mark_size(para, size)
    if text:
        add_run(para, text, size=size, bold=bold, underline=underline, italic=italic)
    return para


def mark_size(para: Paragraph, size: float) -> None:
    """The size of the paragraph mark: an empty paragraph is as tall as its mark."""
    ppr = para._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = put_child(ppr, OxmlElement("w:rPr"), PPR_ORDER)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(round(size * 2)))
        put_child(rpr, element, RPR_ORDER)


def add_run(para: Paragraph, text: str, *, size: float | None = None, bold: bool = False,
            underline: bool = False, italic: bool = False, font: str | None = None):
    run = para.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    run.underline = underline or None
    if size is not None:
        run.font.size = Pt(size)
    if font is not None:
        run.font.name = font
        set_run_fonts(run._element.get_or_add_rPr(), font)
    return run


def add_tick(para: Paragraph, ticked: bool, size: float | None = None):
    """☑ or ☐ in a font that has them."""
    return add_run(para, TICKED if ticked else UNTICKED, size=size, font=SYMBOL_FONT)


def bottom_rule(para: Paragraph, style: str = "thickThinSmallGap", eighths: int = 24, space: int = 1) -> None:
    """A rule under the paragraph; the default is the kop surat's thick-and-thin double line."""
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attribute, value in (("w:val", style), ("w:sz", str(eighths)), ("w:space", str(space)),
                             ("w:color", "000000")):
        bottom.set(qn(attribute), value)
    borders.append(bottom)
    put_child(ppr, borders, PPR_ORDER)


def fixed_table(container, widths_mm: Iterable[float], rows: int = 1, *, borders: bool = False,
                align: str = "left") -> Table:
    """A table with fixed column widths (mm), with or without single black borders."""
    widths = list(widths_mm)
    table = container.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    table.alignment = {"left": WD_TABLE_ALIGNMENT.LEFT, "center": WD_TABLE_ALIGNMENT.CENTER}[align]
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    put_child(tbl_pr, layout, TBLPR_ORDER)
    set_table_borders(table, "single" if borders else "nil")
    for col, width in zip(table.columns, widths):
        col.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Mm(width)
    return table


def set_table_borders(table: Table, value: str = "single", eighths: int = 6) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), str(eighths))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    put_child(tbl_pr, borders, TBLPR_ORDER)


def cell_margins(table: Table, top: float = 0.8, right: float = 1.5, bottom: float = 0.8, left: float = 1.5) -> None:
    """Inner padding of every cell of ``table``, in millimetres."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(value * 56.7)))  # twentieths of a point per mm
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    put_child(tbl_pr, margins, TBLPR_ORDER)


def keep_rows_together(table: Table) -> None:
    """No row of ``table`` splits across two pages."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        put_child(tr_pr, OxmlElement("w:cantSplit"), TRPR_ORDER)
