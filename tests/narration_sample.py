"""A usual wawaran script and route, for the tests of the narration's one-page fit."""

from __future__ import annotations

#: 120 words, four paragraphs: a usual wawaran script.
SCRIPT_120 = (
    "Assalamualaikum warahmatullahi wabarakatuh. Selamat pagi, Bapak, Ibu, dan seluruh warga Kota "
    "Tangerang yang kami hormati.\n\n"
    "Melalui mobil wawaran keliling ini, Pemerintah Kota Tangerang menyampaikan bahwa pembayaran "
    "Pajak Bumi dan Bangunan tahun 2026 jatuh tempo pada tanggal 30 November 2026. Bayarlah tepat "
    "waktu agar terhindar dari denda.\n\n"
    "Pembayaran dapat dilakukan di bank, kantor pos, minimarket, atau melalui aplikasi Tangerang LIVE. "
    "Bawalah surat pemberitahuan pajak terutang atau catat nomor objek pajak Anda. Informasi lebih "
    "lanjut dapat diperoleh di kantor kelurahan dan kantor kecamatan terdekat. Mari kita semua membangun Kota "
    "Tangerang yang lebih maju, sejahtera, dan berakhlakul karimah.\n\n"
    "Sekali lagi, bayarlah PBB sebelum jatuh tempo. Demikian pengumuman dari Pemerintah Kota Tangerang. "
    "Atas perhatian Bapak dan Ibu, kami ucapkan terima kasih. Wassalamualaikum warahmatullahi wabarakatuh.")
#: A route of five stops in three kecamatan (nothing shared to say once).
ROUTE = [("36.71.01.1007", "Pasar Anyar, Jl. Ki Samaun", "09:00"),
         ("36.71.01.1005", "Kantor Kelurahan Cikokol, Jl. Jenderal Sudirman", "09:40"),
         ("36.71.02.1002", "Masjid Jami Al-Ikhlas, Jl. Gatot Subroto", "10:20"),
         ("36.71.02.1005", "Posyandu Melati RW 08, Jl. Kenanga Raya", "11:00"),
         ("36.71.03.1001", "Lapangan Batuceper, Jl. Daan Mogot", "11:45")]
