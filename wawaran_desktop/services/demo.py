"""Demo data: realistic example campaigns in every stage of progress, written in bulk.

``python main.py demo --campaigns N`` fills a database for demonstrations, screenshots and
benchmarks (1,000 or 10,000 campaigns). Campaigns are spread over the last 180 days; old
ones are mostly finished, recent ones are in progress (a step running, at risk or late at
``now``, or waiting for the next step), a few were cancelled and some are not started.

Every row is exactly what the services would have written for the same history: the
cached ``Campaign.status``/``current_no`` follow :func:`steps.refresh_campaign`, steps
copy the pinned SOP's standard, each event's actor works in the step's lane, times are
naive UTC and never after ``now``, and each campaign has its ``create`` (and ``assign``,
``cancel``) audit entries. Rows are inserted with ``insert_many`` in chunks, one
transaction per batch of whole campaigns, never through the per-event services.

The demo team (:data:`DEMO_TEAM`) is added once and reused by NIP (or, without NIP, by
name), so running the generator again only adds campaigns.
"""

from __future__ import annotations

import csv
import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from peewee import chunked, fn

from wawaran_desktop import paths
from wawaran_desktop.db.models import AuditEntry, Campaign, ChecklistMark, Staff, Step, StepEvent, database
from wawaran_desktop.services import sop_registry, timing
from wawaran_desktop.services.clock import WIB, to_db
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.staff import StaffService

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

T = TypeVar("T")

WILAYAH_CSV = "wilayah/wilayah_kota_tangerang.csv"
WINDOW = timedelta(days=180)
BATCH = 500  # campaigns per transaction (and per progress report)

DAY_START = time(7, 30)
LUNCH_START, LUNCH_END = time(12, 0), time(13, 0)
DAY_END = time(16, 30)


@dataclass(frozen=True)
class DemoResult:
    campaigns_added: int
    staff_added: int
    events_added: int
    seed: int  # the seed used (drawn at random when none was given)


@dataclass(frozen=True)
class DemoMember:
    name: str
    nip: str | None
    position: str
    lane: str


#: The demo team. NIPs: birth date, appointment year+month, sex (1/2), sequence.
DEMO_TEAM: tuple[DemoMember, ...] = (
    DemoMember("Rina Marlina, S.Sos., M.Si.", "197803152005012007",
               "Kepala Bidang Diseminasi Informasi dan Komunikasi Publik", "kabid"),
    DemoMember("Dedi Kurniawan, S.I.Kom., M.M.", "198309222009021004", "Sub Koordinator DIMC", "subkor"),
    DemoMember("Ahmad Fauzi, S.Sos.", "198906112015031002", "Pranata Humas Ahli Pertama", "tim"),
    DemoMember("Putri Ayu Wulandari, S.I.Kom.", "199302042019032011", "Pranata Humas Ahli Pertama", "tim"),
    DemoMember("Muhammad Rizki Pratama, A.Md.", "199508172020121005", "Pranata Humas Terampil", "tim"),
    DemoMember("Nurul Hidayah, S.Kom.", "199104282017122003", "Pengelola Informasi dan Dokumentasi", "tim"),
    DemoMember("Bayu Setiawan, S.I.Kom.", "199611302022031008", "Pengolah Data dan Informasi", "tim"),
    DemoMember("Ujang Suherman", None, "Pengemudi Mobil Wawaran (Tenaga Harian Lepas)", "kernet"),
    DemoMember("Asep Saepudin", None, "Kernet dan Operator Pengeras Suara (Tenaga Harian Lepas)", "kernet"),
)


@dataclass(frozen=True)
class Topic:
    subject: str  # as in the title: "Wawaran <subject> di Kecamatan ..."
    themes: tuple[str, ...]
    source: str  # the office whose programme the wawaran announces
    message: str  # the heart of the narration


TOPICS: tuple[Topic, ...] = (
    Topic("Pencegahan DBD", ("Gerakan 3M Plus: menguras, menutup, dan mendaur ulang",
                             "Satu Rumah Satu Jumantik", "Waspada demam berdarah di musim hujan"),
          "Dinas Kesehatan",
          "Mari cegah demam berdarah dengue dengan 3M Plus: menguras dan menutup tempat penampungan "
          "air, mendaur ulang barang bekas, serta menghindari gigitan nyamuk. Segera bawa anggota "
          "keluarga yang demam tinggi ke puskesmas terdekat."),
    Topic("Pembayaran PBB-P2 Sebelum Jatuh Tempo", ("Bayar PBB-P2 tepat waktu, bebas denda",
                                                     "Pembayaran PBB-P2 melalui bank dan aplikasi daring"),
          "Badan Pendapatan Daerah",
          "Segera lunasi Pajak Bumi dan Bangunan Perdesaan dan Perkotaan sebelum jatuh tempo agar "
          "terhindar dari denda. Pembayaran dapat dilakukan melalui bank, kantor pos, minimarket, "
          "atau aplikasi pembayaran daring."),
    Topic("Ajakan ke Posyandu dan Imunisasi Anak", ("Imunisasi dasar lengkap untuk anak sehat",
                                                     "Bulan Imunisasi Anak Nasional",
                                                     "Timbang balita setiap bulan di posyandu"),
          "Dinas Kesehatan",
          "Ayo bawa balita ke posyandu setiap bulan untuk ditimbang, diukur, dan mendapatkan "
          "imunisasi dasar lengkap secara gratis."),
    Topic("Pengelolaan Sampah Rumah Tangga", ("Pilah sampah dari rumah", "Menabung di bank sampah",
                                               "Buang sampah pada tempat dan waktunya"),
          "Dinas Lingkungan Hidup",
          "Mari pilah sampah organik dan anorganik dari rumah, manfaatkan bank sampah di lingkungan "
          "Anda, dan buang sampah pada tempat serta waktu yang telah ditentukan."),
    Topic("Sosialisasi Aplikasi Tangerang LIVE", ("Layanan publik dalam genggaman melalui Tangerang LIVE",
                                                   "Sampaikan pengaduan melalui aplikasi Tangerang LIVE"),
          "Dinas Komunikasi dan Informatika",
          "Unduh aplikasi Tangerang LIVE di ponsel Anda untuk mengakses layanan publik, informasi "
          "kota, dan menyampaikan pengaduan secara cepat."),
    Topic("Pelaksanaan Vaksinasi Gratis", ("Vaksinasi gratis di puskesmas dan pos pelayanan",
                                           "Lengkapi vaksinasi untuk melindungi keluarga"),
          "Dinas Kesehatan",
          "Pemerintah Kota Tangerang membuka layanan vaksinasi gratis di puskesmas dan pos pelayanan "
          "terdekat. Bawa KTP atau Kartu Keluarga saat datang."),
    Topic("Kesiapsiagaan Menghadapi Banjir", ("Waspada banjir di musim hujan",
                                              "Siaga bencana dan nomor darurat 112"),
          "Badan Penanggulangan Bencana Daerah",
          "Memasuki musim hujan, warga diimbau membersihkan saluran air, menyiapkan tas siaga "
          "bencana, dan segera menghubungi layanan darurat 112 bila terjadi banjir."),
    Topic("Pemutihan Pajak Kendaraan Bermotor", ("Program penghapusan denda pajak kendaraan bermotor",
                                                 "Taat pajak kendaraan untuk pembangunan daerah"),
          "Samsat Kota Tangerang",
          "Manfaatkan program penghapusan denda pajak kendaraan bermotor. Segera datang ke kantor "
          "Samsat atau gerai Samsat terdekat dengan membawa STNK dan KTP."),
    Topic("Ajakan Menggunakan Hak Pilih", ("Datang ke TPS, gunakan hak pilih Anda",
                                           "Cek nama Anda dalam Daftar Pemilih Tetap", "Tolak politik uang"),
          "KPU Kota Tangerang",
          "Pastikan nama Anda terdaftar dalam Daftar Pemilih Tetap dan datanglah ke TPS pada hari "
          "pemungutan suara. Satu suara Anda menentukan masa depan Kota Tangerang."),
    Topic("Pencegahan Stunting", ("Gizi seimbang pada 1.000 hari pertama kehidupan",
                                  "Cegah stunting sejak masa kehamilan"),
          "Dinas Kesehatan",
          "Cegah stunting dengan memeriksakan kehamilan secara rutin, memberikan ASI eksklusif "
          "selama enam bulan, dan memberikan makanan bergizi seimbang bagi anak."),
    Topic("Menjaga Kebersihan Sungai Cisadane", ("Jangan buang sampah ke Sungai Cisadane",
                                                 "Sungai bersih, kota sehat"),
          "Dinas Lingkungan Hidup",
          "Sungai Cisadane adalah sumber air baku warga. Jangan membuang sampah dan limbah rumah "
          "tangga ke sungai maupun saluran air."),
    Topic("Car Free Day Jalan Jenderal Sudirman", ("Car Free Day setiap Minggu pagi",
                                                   "Olahraga bersama di hari bebas kendaraan"),
          "Dinas Perhubungan",
          "Car Free Day diselenggarakan setiap Minggu pagi di Jalan Jenderal Sudirman. Pengendara "
          "diimbau menggunakan jalur alternatif selama kegiatan berlangsung."),
    Topic("Perekaman KTP Elektronik dan Akta Kelahiran", ("Layanan jemput bola administrasi kependudukan",
                                                          "Segera urus akta kelahiran anak"),
          "Dinas Kependudukan dan Pencatatan Sipil",
          "Dinas Kependudukan dan Pencatatan Sipil membuka layanan jemput bola perekaman KTP "
          "elektronik dan pembuatan akta kelahiran di kantor kelurahan. Bawa Kartu Keluarga asli."),
    Topic("Waspada Kebakaran di Permukiman", ("Cegah kebakaran akibat korsleting listrik",
                                              "Hubungi 112 saat terjadi kebakaran"),
          "Dinas Pemadam Kebakaran dan Penyelamatan",
          "Periksa instalasi listrik secara berkala, jangan menumpuk steker, dan matikan kompor "
          "sebelum meninggalkan rumah. Laporkan kebakaran melalui nomor darurat 112."),
    Topic("Eliminasi Tuberkulosis", ("Temukan TBC, obati sampai sembuh",
                                     "Batuk lebih dari dua minggu? Periksa ke puskesmas"),
          "Dinas Kesehatan",
          "Batuk lebih dari dua minggu bisa menjadi gejala TBC. Segera periksakan diri ke puskesmas; "
          "pemeriksaan dan pengobatan TBC gratis sampai sembuh."),
    Topic("Pendaftaran Jaminan Kesehatan", ("Pastikan keluarga terdaftar dalam jaminan kesehatan",
                                            "Berobat lebih tenang dengan jaminan kesehatan"),
          "Dinas Kesehatan",
          "Pastikan seluruh anggota keluarga terdaftar sebagai peserta jaminan kesehatan. Informasi "
          "pendaftaran tersedia di kantor kelurahan dan puskesmas."),
    Topic("Bazar Pangan Murah", ("Bazar pangan murah untuk menjaga daya beli",
                                 "Stabilisasi harga bahan pokok"),
          "Dinas Ketahanan Pangan",
          "Pemerintah Kota Tangerang menggelar bazar pangan murah berisi beras, minyak goreng, gula, "
          "dan telur dengan harga terjangkau. Bawa kantong belanja sendiri."),
    Topic("Tertib Lalu Lintas dan Parkir", ("Utamakan keselamatan berlalu lintas",
                                            "Dilarang parkir di bahu jalan"),
          "Dinas Perhubungan",
          "Gunakan helm, patuhi rambu lalu lintas, dan jangan memarkir kendaraan di bahu jalan "
          "karena dapat menimbulkan kemacetan."),
    Topic("Job Fair Kota Tangerang", ("Bursa kerja bagi pencari kerja", "Pelatihan kerja gratis"),
          "Dinas Ketenagakerjaan",
          "Dinas Ketenagakerjaan menggelar bursa kerja yang diikuti puluhan perusahaan. Siapkan surat "
          "lamaran, daftar riwayat hidup, dan kartu pencari kerja."),
    Topic("Penerimaan Peserta Didik Baru", ("Jadwal dan jalur pendaftaran PPDB SD dan SMP",
                                            "Pendaftaran PPDB secara daring"),
          "Dinas Pendidikan",
          "Pendaftaran peserta didik baru jenjang SD dan SMP negeri dilakukan secara daring. Siapkan "
          "Kartu Keluarga dan akta kelahiran anak."),
    Topic("Perilaku Hidup Bersih dan Sehat", ("Cuci tangan pakai sabun", "Jamban sehat untuk keluarga"),
          "Dinas Kesehatan",
          "Biasakan mencuci tangan pakai sabun dengan air mengalir, gunakan jamban sehat, dan jaga "
          "kebersihan lingkungan rumah."),
    Topic("Peringatan HUT Kota Tangerang", ("Meriahkan HUT Kota Tangerang",
                                            "Ikuti rangkaian kegiatan HUT Kota Tangerang"),
          "Bagian Protokol dan Komunikasi Pimpinan",
          "Mari meriahkan Hari Ulang Tahun Kota Tangerang dengan mengikuti rangkaian kegiatan yang "
          "diselenggarakan di setiap kecamatan."),
)

CANCEL_REASONS = (
    "Mobil wawaran sedang dalam perbaikan di bengkel.",
    "Jadwal bentrok dengan kegiatan Wali Kota di lokasi yang sama.",
    "Hujan deras dan genangan di lokasi; wawaran dijadwalkan ulang sebagai kampanye baru.",
    "Informasi sudah tidak berlaku karena jadwal kegiatan diubah oleh perangkat daerah pengampu.",
    "Tema digabung dengan kampanye lain pada minggu yang sama.",
    "Permintaan wawaran dari kecamatan dibatalkan.",
    "Kampanye tercatat ganda.",
)

REOPEN_REASONS = {
    1: ("Data liputan Seksi DIMC menyusul dan perlu ditambahkan.",),
    3: ("Kepala Bidang meminta tema dipersempit.",),
    4: ("Tata bahasa narasi perlu diperbaiki sesuai kaidah bahasa Indonesia.",
        "Narasi perlu ditambah nomor layanan yang dapat dihubungi warga."),
    6: ("Flyer kurang dan perlu dicetak ulang.", "Script belum memuat lokasi terbaru."),
    7: ("Wawaran diulang di titik yang terlewat karena hujan.",),
    8: ("Laporan belum dilengkapi dokumentasi foto.",),
}
REOPEN_GENERIC = ("Perlu perbaikan setelah diperiksa Kepala Bidang.",)
REOPEN_CHANCE = {4: 0.08, 6: 0.06}  # others: 0.02

EVALUATIONS = (
    "Laporan diterima. Pertahankan titik henti di pasar.",
    "Laporan diterima. Wawaran berikutnya dimulai lebih pagi agar warga masih di rumah.",
    "Perbanyak titik henti di dekat sekolah dan tempat ibadah.",
    "Laporan lengkap; tema dapat diulang bulan depan.",
    "Volume pengeras suara perlu dicek sebelum berangkat.",
)

WEATHER = ("cerah", "cerah", "berawan", "hujan ringan")


# -- reference data ------------------------------------------------------------------------
@lru_cache(maxsize=1)
def wilayah() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Kota Tangerang's kecamatan, each with its kelurahan, from the bundled CSV."""
    kecamatan: dict[str, str] = {}
    kelurahan: dict[str, list[str]] = {}
    with open(paths.resource(WILAYAH_CSV), encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code, name, level = row["kode"].strip(), row["nama"].strip(), row["tingkat"].strip()
            if level == "kecamatan":
                kecamatan[code] = name
            elif level == "kelurahan":
                kelurahan.setdefault(code.rsplit(".", 1)[0], []).append(name)
    return tuple((name, tuple(kelurahan.get(code, ()))) for code, name in kecamatan.items())


# -- small helpers -------------------------------------------------------------------------
def _pick(rng: random.Random, items: Sequence[T]) -> T:
    """One item; always consumes exactly one draw, whatever the length (keeps seeds stable)."""
    return items[int(rng.random() * len(items))]


def _minutes(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(seconds=round(rng.uniform(low, high) * 60))


def _next_workday(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _previous_workday(moment: datetime) -> datetime:
    moment -= timedelta(days=1)
    while moment.weekday() >= 5:
        moment -= timedelta(days=1)
    return moment


def _office(moment: datetime, duration: timedelta, jitter: timedelta) -> datetime:
    """The first plausible WIB office-hours start at or after ``moment`` for a task of ``duration``."""
    for _ in range(8):
        day, tod = moment.date(), moment.time()
        if day.weekday() >= 5:
            day = _next_workday(day)
        elif tod < DAY_START:
            pass
        elif LUNCH_START <= tod < LUNCH_END:
            return datetime.combine(day, LUNCH_END, tzinfo=WIB) + jitter / 4
        elif moment + duration > datetime.combine(day, DAY_END, tzinfo=WIB):
            day = _next_workday(day)
        else:
            return moment
        moment = datetime.combine(day, DAY_START, tzinfo=WIB) + jitter
    return moment


# -- one campaign's plan -------------------------------------------------------------------
@dataclass(frozen=True)
class _Draw:
    """Everything random about one step, drawn up front so a plan can be re-timed."""

    gap: timedelta  # wait before the step starts
    jitter: timedelta  # how long after the office opens (or lunch) work resumes
    duration: timedelta
    reopen: tuple[timedelta, timedelta, str] | None  # (after finish, extra work, reason)
    assignee: int
    actor_start: int
    actor_finish: int
    marks: tuple[tuple[int, float], ...]  # (item, fraction of the work done when ticked)
    note: str


@dataclass
class _StepPlan:
    events: list[tuple[str, datetime, int, str | None]]
    marks: list[tuple[int, datetime, int]]


class _Generator:
    def __init__(self, ws: Workspace, now: datetime, seed: int, team: dict[str, list[int]],
                 creators: list[int], cancellers: list[int], sop_id: int, names: dict[int, str]) -> None:
        self.sop = ws.sop
        self.names = names
        self.now = now.astimezone(WIB)
        self.seed = seed
        self.team = team
        self.creators = creators
        self.cancellers = cancellers
        self.sop_id = sop_id
        self.areas = wilayah()

    # -- content ---------------------------------------------------------------------------
    def _draws(self, rng: random.Random, topic: Topic, theme: str, area: str, stops: int) -> list[_Draw]:
        draws = []
        for act in self.sop.activities:
            people = self.team[act.lane]
            field_work = act.standard_minutes >= 60
            roll = rng.random()
            if roll < 0.72:
                factor = rng.uniform(0.55, 1.0)
            elif roll < 0.92:
                factor = rng.uniform(1.02, 1.5)
            else:
                factor = rng.uniform(1.5, 1.7 if field_work else 3.0)
            duration = timedelta(seconds=max(60, round(act.standard_minutes * 60 * factor)))
            if act.no == 1:
                gap = _minutes(rng, 3, 90) if rng.random() < 0.75 else _minutes(rng, 120, 1440)
            elif field_work:
                gap = _minutes(rng, 15, 60)
            else:
                roll = rng.random()
                gap = (_minutes(rng, 1, 15) if roll < 0.8 else _minutes(rng, 15, 90) if roll < 0.98
                       else _minutes(rng, 120, 1080))
            jitter = _minutes(rng, 0, 60)
            reopen = None
            if act.no > 1 and rng.random() < REOPEN_CHANCE.get(act.no, 0.02):
                reason = _pick(rng, REOPEN_REASONS.get(act.no, REOPEN_GENERIC))
                extra = timedelta(seconds=max(60, round(act.standard_minutes * 60 * rng.uniform(0.2, 0.8))))
                reopen = (_minutes(rng, 2, 30), extra, reason)
            assignee = _pick(rng, people)
            actor_start = assignee if rng.random() < 0.9 else _pick(rng, people)
            actor_finish = assignee if rng.random() < 0.9 else _pick(rng, people)
            marks = tuple((item, rng.uniform(0.05, 0.95)) for item in range(len(act.kelengkapan))
                          if rng.random() < 0.85)
            note = self._note(rng, act.no, topic, theme, area, stops)
            draws.append(_Draw(gap, jitter, duration, reopen, assignee, actor_start, actor_finish, marks, note))
        return draws

    @staticmethod
    def _note(rng: random.Random, no: int, topic: Topic, theme: str, area: str, stops: int) -> str:
        chance = {3: 0.7, 4: 0.85}.get(no, 0.35)
        if rng.random() >= chance:
            return ""
        flyers = 50 * rng.randint(4, 12)
        if no == 1:
            return (f'Hasil media monitoring Bagian Prokomp: topik "{theme}" ramai dibicarakan warga '
                    f"pekan ini. Data liputan Seksi DIMC: kegiatan {topic.source}.")
        if no == 2:
            return (f"Lokasi wawaran: {area}. Titik henti di kantor kelurahan, pasar, dan permukiman "
                    "padat; rute dibahas bersama Kernet/Supir.")
        if no == 3:
            return f"Tema wawaran: {theme}."
        if no == 4:
            return (f"Perhatian, perhatian. Bapak, Ibu, dan seluruh warga {area} yang kami hormati. "
                    f"{topic.message} Informasi lebih lanjut dapat diperoleh melalui aplikasi "
                    "Tangerang LIVE. Sekian dan terima kasih.")
        if no == 5:
            return (f"Diteruskan kepada Tim Wawaran untuk proses lebih lanjut; koordinasikan dengan "
                    f"{topic.source}. Sifat: Segera.")
        if no == 6:
            return f"Flyer {flyers} lembar, script wawaran, dan daftar {stops} titik lokasi lengkap."
        if no == 7:
            return (f"Wawaran keliling di {stops} titik, flyer dibagikan {flyers} lembar. "
                    f"Cuaca {_pick(rng, WEATHER)}.")
        if no == 8:
            return (f"Laporan disusun: {stops} titik, perkiraan {rng.randint(3, 30) * 50} warga "
                    "terjangkau, dokumentasi foto terlampir.")
        if no == 9:
            return _pick(rng, EVALUATIONS)
        return ""

    # -- timing ----------------------------------------------------------------------------
    @staticmethod
    def _plan(created: datetime, draws: Sequence[_Draw]) -> tuple[list[_StepPlan], datetime]:
        """Steps done in order from ``created``, in office hours; returns them and the last time."""
        plans = []
        t = created
        for d in draws:
            start = _office(t + d.gap, d.duration, d.jitter)
            finish = start + d.duration
            events: list[tuple[str, datetime, int, str | None]] = [
                ("start", start, d.actor_start, None), ("finish", finish, d.actor_finish, None)]
            marks = [(item, start + d.duration * frac, d.assignee) for item, frac in d.marks]
            t = finish
            if d.reopen is not None:
                after, extra, reason = d.reopen
                again = finish + after
                t = again + extra
                events += [("reopen", again, d.actor_finish, reason), ("finish", t, d.actor_finish, None)]
            plans.append(_StepPlan(events, marks))
        return plans, max(t, created + timedelta(minutes=3))

    def _plan_before(self, created: datetime, draws: Sequence[_Draw], latest: datetime,
                     compact: bool = False) -> tuple[datetime, list[_StepPlan], datetime]:
        """Plan ``draws`` to end by ``latest``, moving the creation back a workday at a time.

        ``compact`` first moves an early creation forward, so the planned steps end within
        about a day of ``latest`` (a campaign in progress rather than one stalled for weeks).
        """
        plans, end = self._plan(created, draws)
        slack = (latest - end).days - 1
        if compact and slack > 0:
            created += timedelta(days=slack)
            while created.weekday() >= 5:
                created -= timedelta(days=1)
            plans, end = self._plan(created, draws)
        for _ in range(400):
            if end <= latest:
                break
            created = _previous_workday(created)
            plans, end = self._plan(created, draws)
        return created, plans, end

    def _fitting_step(self, k: int, fraction: float) -> int:
        """Step ``k``, or the next one that can have run ``fraction`` of its standard since the
        office opened today (so a step running at ``now`` did not start before dawn)."""
        now = self.now
        opened = datetime.combine(now.date(), DAY_START, tzinfo=WIB)
        if now.weekday() >= 5 or now < opened:
            return k
        count = len(self.sop.activities)
        for shift in range(count):
            candidate = (k - 1 + shift) % count + 1
            if self.sop.activities[candidate - 1].standard_minutes * 60 * fraction <= (now - opened).total_seconds():
                return candidate
        return k

    # -- one campaign ----------------------------------------------------------------------
    def campaign(self, index: int, created: datetime, fate: str, mode: str, rows: _Rows, ids: _Ids) -> None:
        rng = random.Random(f"{self.seed}/{index}")
        now = self.now
        topic = _pick(rng, TOPICS)
        theme = _pick(rng, topic.themes)
        kecamatan, kelurahan = _pick(rng, self.areas)
        if kelurahan and rng.random() < 0.6:
            kel = _pick(rng, kelurahan)
            title = f"Wawaran {topic.subject} di Kelurahan {kel}, Kecamatan {kecamatan}"
            area = f"Kelurahan {kel}, Kecamatan {kecamatan}"
        else:
            title = f"Wawaran {topic.subject} di Kecamatan {kecamatan}"
            area = f"Kecamatan {kecamatan}"
        stops = rng.randint(5, 15)
        creator = _pick(rng, self.creators)
        draws = self._draws(rng, topic, theme, area, stops)
        count = len(draws)
        # How far the campaign got (drawn for every fate, so seeds stay stable).
        stop_running = min(count, 1 + int(rng.random() * count))
        stop_cancel = min(count - 1, int(rng.random() ** 1.6 * 7))
        wait = _minutes(rng, 10, 300)
        fraction = {"run": rng.uniform(0.15, 0.75), "risk": rng.uniform(0.82, 0.97),
                    "late": rng.uniform(1.1, 2.5)}.get(mode, 0.0)
        cancel_gap = _minutes(rng, 10, 1680)
        cancel_reason = _pick(rng, CANCEL_REASONS)
        canceller = _pick(rng, self.cancellers)
        compact = rng.random() < 0.8  # the rest stalled after their last step
        preassigned = rng.random() < 0.5  # every step assigned at creation

        cancelled_at = None
        if fate == "done":
            plans, _end = self._plan(created, draws)
        elif fate == "draft":
            plans = []
        elif fate == "cancelled":
            created, plans, end = self._plan_before(created, draws[:stop_cancel], now - timedelta(minutes=30))
            cancelled_at = min(_office(end + cancel_gap, timedelta(0), draws[0].jitter),
                               now - timedelta(minutes=1))
        elif mode == "wait":
            k = max(2, stop_running)
            created, plans, _end = self._plan_before(created, draws[:k - 1], now - wait, compact)
        else:  # running: step k started ``fraction`` of its standard before now
            k = self._fitting_step(stop_running, fraction)
            d = draws[k - 1]
            begun = now - timedelta(seconds=round(self.sop.activities[k - 1].standard_minutes * 60 * fraction))
            created, plans, _end = self._plan_before(created, draws[:k - 1], begun - timedelta(minutes=1),
                                                     compact)
            marks = [(item, begun + (now - begun) * frac, d.assignee) for item, frac in d.marks
                     if frac < 0.5]
            plans.append(_StepPlan([("start", begun, d.actor_start, None)], marks))

        campaign_id = ids.campaign
        ids.campaign += 1
        created_db = to_db(created)
        rows.audit.append((created_db, creator, campaign_id, "create", title))
        kinds_by_step = []
        last_event = created
        assign_at = created
        for no, draw in enumerate(draws, 1):
            step_id = ids.step
            ids.step += 1
            plan = plans[no - 1] if no <= len(plans) else None
            events = [e for e in plan.events if e[1] <= now] if plan else []
            assignee = draw.assignee if events or preassigned else None
            if assignee is not None:
                assign_at += timedelta(seconds=rng.randint(4, 12))
                name = self.names[assignee]
                rows.audit.append((to_db(assign_at), creator, campaign_id, "assign", f"tahap {no}: {name}"))
            rows.steps.append((step_id, campaign_id, no, self.sop.activities[no - 1].standard_minutes,
                               assignee, draw.note if events else ""))
            for kind, at, actor, reason in events:
                rows.events.append((step_id, kind, to_db(at), actor, reason))
            if events:
                last_event = max(last_event, events[-1][1])
                for item, at, by in plan.marks:
                    if at <= now:
                        rows.marks.append((step_id, item, by, to_db(at)))
            kinds_by_step.append([e[0] for e in events])

        status, current = cached_status(kinds_by_step)
        cancelled_by = None
        if cancelled_at is not None:
            status = CampaignStatus.CANCELLED
            cancelled_by = canceller
            updated = cancelled_at
        else:
            updated = last_event
        rows.campaigns.append((campaign_id, title, theme, self.sop_id, status.value, current, created_db,
                               creator, to_db(updated), to_db(cancelled_at) if cancelled_at else None,
                               cancelled_by, cancel_reason if cancelled_at else None))
        if cancelled_at is not None:
            rows.audit.append((to_db(cancelled_at), canceller, campaign_id, "cancel", cancel_reason))


def cached_status(kinds_by_step: Sequence[Sequence[str]]) -> tuple[CampaignStatus, int]:
    """``(status, current_no)`` exactly as :func:`steps.refresh_campaign` computes them."""
    states = [timing.state_of(kinds) for kinds in kinds_by_step]
    if all(s is timing.StepState.FINISHED for s in states):
        return CampaignStatus.DONE, len(states)
    status = (CampaignStatus.DRAFT if all(s is timing.StepState.NOT_STARTED for s in states)
              else CampaignStatus.RUNNING)
    running = [i for i, s in enumerate(states, 1) if s is timing.StepState.RUNNING]
    pending = [i for i, s in enumerate(states, 1) if s is not timing.StepState.FINISHED]
    return status, running[0] if running else pending[0]


@dataclass
class _Ids:
    campaign: int
    step: int


@dataclass
class _Rows:
    campaigns: list
    steps: list
    events: list
    marks: list
    audit: list


# -- staff ---------------------------------------------------------------------------------
def ensure_team(ws: Workspace, since: datetime) -> tuple[dict[str, list[int]], int]:
    """Add the missing members of :data:`DEMO_TEAM`; return the active ids per lane and how many were added.

    A member is found again by NIP (or by name when there is none). A lane of the SOP with no
    active demo member falls back to the office's other active staff of that lane.
    """
    service = StaffService(ws.sop, clock=lambda: since)
    lanes = {lane.id for lane in ws.sop.lanes}
    team: dict[str, list[int]] = {}
    added = 0
    with database.atomic():
        for member in DEMO_TEAM:
            if member.lane not in lanes:
                continue
            if member.nip:
                row = Staff.get_or_none(Staff.nip == member.nip)
            else:
                row = (Staff.select().where((Staff.name == member.name) & Staff.nip.is_null())
                       .order_by(Staff.id).first())
            if row is None:
                record = service.add(member.name, member.nip, member.position, member.lane)
                team.setdefault(record.lane, []).append(record.id)
                added += 1
            elif row.active and row.lane in lanes:
                team.setdefault(row.lane, []).append(row.id)
    for lane in ws.sop.lanes:
        if lane.id not in team:
            others = [r.id for r in Staff.select(Staff.id).where((Staff.lane == lane.id) & (Staff.active == True))  # noqa: E712
                      .order_by(Staff.id)]
            if others:
                team[lane.id] = others
    return team, added


# -- the entry point -----------------------------------------------------------------------
def _fates(rng: random.Random, created: Sequence[datetime], now: datetime) -> tuple[list[str], list[str]]:
    """Fate of each campaign (by age, with noise) and, for running ones, how they stand at ``now``."""
    n = len(created)
    if n >= 4:
        n_draft, n_running, n_cancelled = max(1, round(0.03 * n)), max(1, round(0.06 * n)), max(1, round(0.04 * n))
    else:
        n_draft, n_running, n_cancelled = (1 if n >= 3 else 0), (1 if n >= 1 else 0), 0
    day = timedelta(days=1)
    keys = [((now - c) / day) * rng.uniform(0.5, 1.5) for c in created]
    order = sorted(range(n), key=lambda i: (keys[i], i))
    active = order[:n_draft + n_running]
    rng.shuffle(active)
    fates = ["done"] * n
    for i in active[:n_draft]:
        fates[i] = "draft"
    for i in active[n_draft:]:
        fates[i] = "running"
    rest = order[n_draft + n_running:]
    rng.shuffle(rest)
    for i in rest[:n_cancelled]:
        fates[i] = "cancelled"
    modes = [""] * n
    cycle = ("run", "risk", "late", "wait")
    for j, i in enumerate(active[n_draft:]):
        modes[i] = cycle[j % len(cycle)]
    return fates, modes


def _creation_times(rng: random.Random, count: int, now: datetime) -> list[datetime]:
    """``count`` creation moments on workdays in office hours over the last 180 days, oldest first."""
    first = now - WINDOW
    days = []
    day = first.date()
    while day <= now.date():
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    if not days:  # cannot happen with a 180-day window; keeps the type checker calm
        days = [now.date()]
    latest = now - timedelta(hours=1)
    result = []
    for _ in range(count):
        moment = datetime.combine(_pick(rng, days), DAY_START, tzinfo=WIB) + _minutes(rng, 0, 420)
        if moment > latest:  # today, before now if the office is already open, else a workday before
            opened = datetime.combine(latest.date(), DAY_START, tzinfo=WIB)
            if latest.weekday() < 5 and latest - opened > timedelta(minutes=10):
                moment = opened + (latest - opened) * rng.random()
            else:
                moment = datetime.combine(_previous_workday(opened).date(), DAY_START,
                                          tzinfo=WIB) + _minutes(rng, 0, 420)
        result.append(max(moment, first + timedelta(minutes=1)))
    result.sort()
    return result


def _variable_limit() -> int:
    try:
        return database.connection().getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):
        return 999


def _insert(model, fields, rows: list, limit: int) -> None:
    size = max(1, min(2000, limit // len(fields)))
    for chunk in chunked(rows, size):
        model.insert_many(chunk, fields=fields).execute()


def generate(ws: Workspace, campaigns: int, seed: int | None = None, now: datetime | None = None,
             progress: Callable[[int, int], None] | None = None) -> DemoResult:
    """Add ``campaigns`` example campaigns (and, once, the demo team) to the open workspace.

    ``now`` (aware; default ``ws.clock()``) is the moment the data describes: nothing is
    stored after it. The same ``seed`` and ``now`` give the same campaigns.
    ``progress(done, total)`` is called after every batch.
    """
    if isinstance(campaigns, bool) or not isinstance(campaigns, int) or campaigns < 0:
        raise ValueError("campaigns must be a whole number, 0 or more")
    now = ws.clock() if now is None else now
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    now_wib = now.astimezone(WIB)
    since = now_wib - WINDOW - timedelta(days=1)

    team, staff_added = ensure_team(ws, since)
    needed = {act.lane for act in ws.sop.activities}
    missing = [ws.sop.lane(lane).name for lane in sorted(needed) if not team.get(lane)]
    if missing:
        raise RuleError(f"Tidak ada petugas aktif untuk pelaksana: {', '.join(missing)}.")
    creators = team.get("subkor", []) + team.get("kabid", []) or team[ws.sop.activities[0].lane]
    cancellers = team.get("kabid", []) + team.get("subkor", []) or creators
    with database.atomic():
        sop_id = sop_registry.register(ws.sop, lambda: since)

    rng = random.Random(seed)
    created = _creation_times(rng, campaigns, now_wib)
    fates, modes = _fates(rng, created, now_wib)
    names = {r.id: r.name for r in Staff.select(Staff.id, Staff.name)}
    gen = _Generator(ws, now_wib, seed, team, creators, cancellers, sop_id, names)
    limit = _variable_limit()
    events_added = 0
    if progress is not None:
        progress(0, campaigns)
    for begin in range(0, campaigns, BATCH):
        end = min(campaigns, begin + BATCH)
        rows = _Rows([], [], [], [], [])
        with database.atomic():
            ids = _Ids(campaign=(Campaign.select(fn.MAX(Campaign.id)).scalar() or 0) + 1,
                       step=(Step.select(fn.MAX(Step.id)).scalar() or 0) + 1)
            for i in range(begin, end):
                gen.campaign(i, created[i], fates[i], modes[i], rows, ids)
            _insert(Campaign, [Campaign.id, Campaign.title, Campaign.theme, Campaign.sop, Campaign.status,
                               Campaign.current_no, Campaign.created_at, Campaign.created_by,
                               Campaign.updated_at, Campaign.cancelled_at, Campaign.cancelled_by,
                               Campaign.cancel_reason], rows.campaigns, limit)
            _insert(Step, [Step.id, Step.campaign, Step.no, Step.standard_minutes, Step.assignee, Step.notes],
                    rows.steps, limit)
            _insert(StepEvent, [StepEvent.step, StepEvent.kind, StepEvent.at, StepEvent.actor, StepEvent.reason],
                    rows.events, limit)
            _insert(ChecklistMark, [ChecklistMark.step, ChecklistMark.item, ChecklistMark.checked_by,
                                    ChecklistMark.checked_at], rows.marks, limit)
            _insert(AuditEntry, [AuditEntry.at, AuditEntry.actor, AuditEntry.campaign, AuditEntry.action,
                                 AuditEntry.detail], rows.audit, limit)
        events_added += len(rows.events)
        if progress is not None:
            progress(end, campaigns)
    return DemoResult(campaigns_added=campaigns, staff_added=staff_added, events_added=events_added, seed=seed)
