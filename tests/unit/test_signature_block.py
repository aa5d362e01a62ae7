"""The signature block never starts a page on its own: the last lines before it come along."""

from __future__ import annotations

import docx

from wawaran_desktop.documents.signature import Signer, add_signature_block


def test_the_lines_before_the_signatures_keep_with_them():
    document = docx.Document()
    for n in range(5):
        document.add_paragraph(f"Baris {n}")
    add_signature_block(document, [Signer("Mengetahui,", "Kepala Bidang", "Rina Marlina", "197803152005012007"),
                                   Signer("Pelapor,", "Pengelola Informasi", "Nurul Hidayah", None)],
                        place_date="Tangerang, 18 November 2026")
    texts = [p.text for p in document.paragraphs]
    last_content = texts.index("Baris 4")
    keeps = [p.paragraph_format.keep_with_next for p in document.paragraphs[:last_content + 2]]
    assert keeps[-3:] == [True, True, True]  # "Baris 3", "Baris 4" and the spacer before the table
    assert not keeps[0]
    table_text = " ".join(cell.text for row in document.tables[-1].rows for cell in row.cells)
    assert "Rina Marlina" in table_text and "NIP. 19780315 200501 2 007" in table_text
