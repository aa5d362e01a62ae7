"""The signature block: never on a page of its own, and the rank on its own line above the NIP."""

from __future__ import annotations

import docx

from wawaran_desktop.documents.signature import Signer, add_signature_block, signer_lines
from wawaran_desktop.services.office_profile import Signatory


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


RANK = "Pembina Utama Muda (IV/c)"


def _block(*signers: Signer) -> list[list[str]]:
    """The signature block's table read back, one list of cell texts per row."""
    document = docx.Document()
    add_signature_block(document, list(signers), place_date="Tangerang, 18 November 2026")
    return [[cell.text for cell in row.cells] for row in document.tables[-1].rows]


def test_the_rank_stands_between_the_name_and_the_nip():
    assert signer_lines(Signer("Mengetahui,", "Kepala Dinas", "DRS. NAMA LENGKAP", "197301041997032001", RANK)) == [
        "Mengetahui,", "Kepala Dinas", "DRS. NAMA LENGKAP", RANK, "NIP. 19730104 199703 2 001"]
    assert signer_lines(Signer("Mengetahui,", "Kepala Dinas", "DRS. NAMA LENGKAP", "197301041997032001")) == [
        "Mengetahui,", "Kepala Dinas", "DRS. NAMA LENGKAP", "NIP. 19730104 199703 2 001"]  # no empty line
    person = Signatory("DRS. NAMA LENGKAP", "197301041997032001", "Kepala Dinas", rank=RANK)
    assert Signer.of("Mengetahui,", person).rank == RANK


def test_a_rank_row_in_the_block_only_when_a_signer_has_one():
    document = docx.Document()
    add_signature_block(document, [Signer("Mengetahui,", "Kepala Bidang", "Rina Marlina", "197803152005012007", RANK),
                                   Signer("Pelapor,", "Pengelola Informasi", "Nurul Hidayah", "198503122010012004")],
                        place_date="Tangerang, 18 November 2026")
    table = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[-3:] == [["Rina Marlina", "Nurul Hidayah"], [RANK, ""],  # the other signer's cell stays empty
                         ["NIP. 19780315 200501 2 007", "NIP. 19850312 201001 2 004"]]
    rank = table.rows[-2].cells[0].paragraphs[0].runs[0]
    assert not rank.bold and not rank.underline  # plain, unlike the name above it

    without = _block(Signer("Mengetahui,", "Kepala Bidang", "Rina Marlina", "197803152005012007"),
                     Signer("Pelapor,", "Pengelola Informasi", "Nurul Hidayah", None))
    assert without[-2:] == [["Rina Marlina", "Nurul Hidayah"], ["NIP. 19780315 200501 2 007", ""]]
    alone = _block(Signer("Pelapor,", "Pengelola Informasi", "Nurul Hidayah", "198503122010012004", RANK))
    assert [row[1] for row in alone[-3:]] == ["Nurul Hidayah", RANK, "NIP. 19850312 201001 2 004"]
    assert all(not row[0] for row in alone)  # one signer: the left half stays empty
