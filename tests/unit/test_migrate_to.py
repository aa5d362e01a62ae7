"""``migrate-to``: a data folder's SQLite file, attachments and logo copied into PostgreSQL with ids,
sequences, counts and checksums checked — a real file, the real throw-away server, no mocks."""

from __future__ import annotations

import os
import re
import sqlite3
import struct
import subprocess
import sys
import uuid
import zlib
from pathlib import Path

import psycopg
import pytest

from wawaran_desktop import cli, demo, paths
from wawaran_desktop.app import build_parser
from wawaran_desktop.db import transfer
from wawaran_desktop.db.connection import close_database, connect_postgres, open_database
from wawaran_desktop.db.migrations import LATEST_VERSION
from wawaran_desktop.services.attachments import FOLDER, AttachmentService
from wawaran_desktop.services.office_profile import LOGO_FOLDER
from wawaran_desktop.services.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    """A real PNG image, made without any imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((20, 80, 160)) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def migrate_to(data_dir: Path, url: str, *extra: str) -> int:
    return cli.run(build_parser().parse_args(["--data-dir", str(data_dir), "migrate-to", url, *extra]))


@pytest.fixture
def filled(ws, actor, data_dir, tmp_path):
    """A data folder with a few demo campaigns, two attachments and the office logo; closed."""
    demo.generate(ws, 4, seed=11)
    editable = next(c for c in ws.campaigns.list() if c.status.value in ("draft", "running"))
    service = AttachmentService(ws)
    for name, content in (("undangan.pdf", b"%PDF-1.4 undangan rapat\n" * 50), ("foto.png", png_bytes())):
        source = tmp_path / name
        source.write_bytes(content)
        service.add(actor.id, editable.id, source)
    logo = tmp_path / "logo kota.png"
    logo.write_bytes(png_bytes(80, 80))
    ws.profile.save(actor.id, ws.profile.load()._replace(logo=logo))
    ws.close()
    return data_dir


def table_rows(conn, table: str) -> int:
    return conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def test_everything_is_copied_with_ids_counts_checksums_and_files(filled, pg_url, clock, capsys, tmp_path):
    assert migrate_to(filled, pg_url) == 0
    out = capsys.readouterr().out
    assert "BERBEDA" not in out and "semua jumlah dan checksum sama" in out
    file = sqlite3.connect(filled / paths.DB_FILENAME)
    tables = [r[0] for r in file.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    assert len(tables) >= 24
    for table in tables:  # the printed table names every table with equal counts and checksums
        line = next(line for line in out.splitlines() if line.split()[:1] == [table])
        count = file.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        if table == "stored_file":  # + the folder's files: two attachments and the logo
            count += 3
        assert line.split()[1:3] == [str(count), str(count)] and line.split()[3] == line.split()[4], line
    with psycopg.connect(pg_url) as server:
        for table in ("campaign", "step", "step_event", "audit_entry", "staff", "location", "attachment"):
            mine = [r[0] for r in file.execute(f'SELECT id FROM "{table}" ORDER BY id')]
            theirs = [r[0] for r in server.execute(f'SELECT id FROM "{table}" ORDER BY id')]
            assert mine == theirs and mine, table
        assert server.execute("SELECT version FROM schema_version").fetchone()[0] == LATEST_VERSION
        stored = {name: (bytes(content), size, sha) for name, content, size, sha in
                  server.execute("SELECT name, content, size, sha256 FROM stored_file")}
    attachments = file.execute("SELECT stored_name, sha256 FROM attachment").fetchall()
    logos = [p for p in (filled / LOGO_FOLDER).iterdir()]
    assert len(attachments) == 2 and len(logos) == 1
    assert set(stored) == {name for name, _sha in attachments} | {logos[0].name}
    for name, sha in attachments:
        content = (filled / FOLDER / name).read_bytes()
        assert stored[name] == (content, len(content), sha)
    assert stored[logos[0].name][0] == logos[0].read_bytes()
    titles = [(r[0], r[1]) for r in file.execute("SELECT id, title FROM campaign ORDER BY id DESC")]
    file.close()

    # A PC pointed at the server lists the same campaigns, and a new one gets a fresh id.
    ws = open_workspace(tmp_path / "another-pc", clock=clock.now, database_url=pg_url)
    try:
        assert [(c.id, c.title) for c in ws.campaigns.list()] == titles
        person = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")
        made = ws.campaigns.create(person.id, "Wawaran Setelah Pindah ke Server")
        ws.steps.start(person.id, made.id, 1)  # history tables number new rows past the copied ones
    finally:
        ws.close()
    assert made.id == max(i for i, _t in titles) + 1


def test_a_server_that_holds_data_is_refused_unless_replaced(filled, pg_url, capsys):
    assert migrate_to(filled, pg_url) == 0
    with psycopg.connect(pg_url) as server:
        before = table_rows(server, "campaign"), table_rows(server, "step_event")
    capsys.readouterr()
    assert migrate_to(filled, pg_url) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: Server") and "tidak kosong: 4 kampanye" in err and "--replace" in err
    with psycopg.connect(pg_url) as server:
        assert (table_rows(server, "campaign"), table_rows(server, "step_event")) == before
        server.execute("INSERT INTO setting (key, value) VALUES ('hanya.di.server', 'x')")
        server.commit()
    assert migrate_to(filled, pg_url, "--replace") == 0
    assert "Data lama di server dihapus" in capsys.readouterr().out
    with psycopg.connect(pg_url) as server:  # replaced, not added to
        assert (table_rows(server, "campaign"), table_rows(server, "step_event")) == before
        assert server.execute("SELECT COUNT(*) FROM setting WHERE key = 'hanya.di.server'").fetchone()[0] == 0


def test_into_a_server_prepared_by_init_server_the_logins_see_the_copy(filled, pg_url, clock, monkeypatch,
                                                                       capsys, tmp_path):
    monkeypatch.setenv("WAWARAN_PASSWORD", "rahasia")
    login = f"petugas_{uuid.uuid4().hex[:10]}"
    # The README's order: prepare the empty database, copy the file into it as the owner role,
    # then make the first administrator's login (its account is data: made after the copy).
    assert cli.run(build_parser().parse_args(["--database", pg_url, "init-server"])) == 0
    assert migrate_to(filled, pg_url) == 0  # the administrator copies as the owner role
    assert cli.run(build_parser().parse_args(["--database", pg_url, "init-server", "--login", login,
                                              "--admin-name", "Dewi Lestari", "--admin-lane", "tim"])) == 0
    with psycopg.connect(pg_url) as server:
        owners = {r[0] for r in server.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")}
    assert owners == {"wawaran_owner"}
    url = pg_url.replace("postgres@", f"{login}@")
    ws = open_workspace(tmp_path / "pc", clock=clock.now, database_url=url)
    try:
        assert len(ws.campaigns.list()) == 4
        me = ws.accounts.current()  # the login is the person: Dewi, of the Tim
        assert (me.username, me.name, me.lane, me.is_admin) == (login, "Dewi Lestari", "tim", True)
        made = ws.campaigns.create(me.staff_id, "Wawaran Dari Login Kantor")
        ws.steps.start(me.staff_id, made.id, 1)
    finally:
        ws.close()
    assert made.id == 5


def test_the_checksum_sees_a_changed_value_and_not_the_engines_types(filled, pg_url, capsys):
    assert migrate_to(filled, pg_url) == 0
    source = open_database(filled / paths.DB_FILENAME)
    target, _where = connect_postgres(pg_url)
    try:
        tables = {t.name: t for t in transfer._schema(source, target, "server")}
        for name in ("campaign", "route_stop", "data_item", "narration_version"):  # datetimes, booleans, dates
            assert transfer.digest_table(source, tables[name]).hexdigest() == \
                transfer.digest_table(target, tables[name]).hexdigest(), name
        before = transfer.digest_table(target, tables["route_stop"]).hexdigest()
        target.execute_sql("UPDATE route_stop SET planned = NOT planned WHERE id = 1")
        assert transfer.digest_table(target, tables["route_stop"]).hexdigest() != before
    finally:
        target.close()
        source.close()
        close_database()


def test_a_missing_or_damaged_file_is_explained_and_the_server_left_alone(tmp_path, pg_url, capsys):
    assert migrate_to(tmp_path / "kosong", pg_url) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: Berkas basis data") and "tidak ada" in err
    damaged = tmp_path / "rusak"
    damaged.mkdir()
    (damaged / paths.DB_FILENAME).write_bytes(b"bukan basis data SQLite " * 200)
    assert migrate_to(damaged, pg_url) == 2
    err = capsys.readouterr().err
    assert "rusak atau bukan basis data SQLite" in err and "Traceback" not in err
    with psycopg.connect(pg_url) as server:
        assert server.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0


def test_the_readme_commands_as_a_user_runs_them(tmp_path, pg_url):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                              timeout=180, env=env, cwd=ROOT, check=False)

    folder = str(tmp_path / "pc-lama")
    assert run("--data-dir", folder, "demo", "--campaigns", "6", "--seed", "5").returncode == 0
    moved = run("--data-dir", folder, "migrate-to", pg_url)
    assert moved.returncode == 0, moved.stderr
    assert "semua jumlah dan checksum sama" in moved.stdout
    on_file = run("--data-dir", folder, "list").stdout
    on_server = run("--data-dir", str(tmp_path / "pc-baru"), "--database", pg_url, "list").stdout
    assert on_server == on_file and len(on_file.splitlines()) == 6
    both = run("--data-dir", folder, "--database", pg_url, "migrate-to", pg_url)
    assert both.returncode == 2 and "jangan pakai --database" in both.stderr


def test_a_file_above_the_servers_limit_for_new_attachments_is_copied_with_a_warning(filled, pg_url, monkeypatch,
                                                                                     capsys):
    from wawaran_desktop.services import attachments

    monkeypatch.setattr(attachments, "SERVER_MAX_BYTES", 1000)  # the PDF (1,200 bytes) is over it, the PNG not
    assert migrate_to(filled, pg_url) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("peringatan")]
    assert len(warnings) == 1 and "melebihi batas lampiran baru di server" in warnings[0]
    with psycopg.connect(pg_url) as server:
        assert server.execute("SELECT COUNT(*) FROM stored_file WHERE size > 1000").fetchone()[0] >= 1


def test_a_data_folder_open_in_a_window_is_refused_untouched(filled, pg_url, capsys):
    """The window holds the folder's lock (paths.LOCK_FILENAME) while it is open and may write at any
    moment: migrate-to asks to close it first, and holds the lock itself while it copies."""
    from PySide6.QtCore import QLockFile

    from wawaran_desktop.paths import LOCK_FILENAME as LOCK_NAME

    window = QLockFile(str(filled / LOCK_NAME))
    assert window.tryLock(0)
    try:
        assert migrate_to(filled, pg_url) == 2
        err = capsys.readouterr().err
        assert err.startswith("galat: Wawaran Desktop sedang terbuka untuk folder data ini")
        assert "tutup dulu jendela itu" in err and "Tidak ada yang dipindahkan" in err
        with psycopg.connect(pg_url) as server:
            assert server.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
    finally:
        window.unlock()
    assert migrate_to(filled, pg_url) == 0
    assert window.tryLock(0)  # migrate-to let it go when done
    window.unlock()


def test_the_file_is_read_as_one_snapshot_while_another_connection_writes(filled, pg_url):
    """A writer on the file during the copy (a demo, a window on another folder path) is not
    seen half-way: every table comes from the moment the copy began, and checks out."""
    path = filled / paths.DB_FILENAME
    writer = sqlite3.connect(path)
    before = writer.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0]
    wrote = []

    def progress(text: str) -> None:
        if text == "menyalin campaign…":  # audit_entry (a child of campaign) is copied later
            with writer:
                writer.execute("INSERT INTO audit_entry (at, action, detail) "
                               "VALUES ('2026-11-26 01:00:00', 'dari.pc.lain', 'ditulis selama penyalinan')")
            wrote.append(text)

    source = open_database(path)
    target, where = connect_postgres(pg_url)
    try:
        result = transfer.copy_database(source, target, where, data_dir=filled, attachments_folder=FOLDER,
                                        logo_folder=LOGO_FOLDER, progress=progress)
    finally:
        target.close()
        source.close()
        close_database()
    assert wrote and all(c.equal for c in result.checks)
    assert writer.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0] == before + 1  # the write took place
    writer.close()
    with psycopg.connect(pg_url) as server:
        assert table_rows(server, "audit_entry") == before  # and is not in the copy
        assert server.execute("SELECT COUNT(*) FROM audit_entry WHERE action = 'dari.pc.lain'").fetchone()[0] == 0


def test_a_copy_that_fails_leaves_an_empty_server_without_the_schema(filled, pg_url, capsys):
    """SQLite keeps a title longer than the column's 200 characters; PostgreSQL refuses it half-way
    through the copy. The migrations of the empty server ran in the copy's transaction: gone too."""
    with sqlite3.connect(filled / paths.DB_FILENAME) as file:
        file.execute("UPDATE campaign SET title = ? WHERE id = (SELECT MAX(id) FROM campaign)", ("Wawaran " * 40,))
    assert migrate_to(filled, pg_url) == 2
    err = capsys.readouterr().err
    assert "galat: Pemindahan gagal, server 127.0.0.1:" in err and "tidak diubah" in err and "Traceback" not in err
    with psycopg.connect(pg_url) as server:
        assert server.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None  # schema version 0
        assert server.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0


def test_a_password_in_the_url_is_not_printed(filled, pg_url, capsys):
    """Written in as user:password@ or as ?password= (libpq takes both): used, never echoed."""
    secret = "s3cret-kantor"
    url = pg_url.replace("postgres@", f"postgres:{secret}@") + f"?password={secret}&connect_timeout=10"
    assert migrate_to(filled, url) == 0
    out, err = capsys.readouterr()
    assert secret not in out and secret not in err
    shown = pg_url + "?connect_timeout=10"
    assert out.rstrip().endswith(f"Buka dengan: python main.py --database {shown}")


def test_the_copied_history_chain_verifies_on_the_server_with_the_same_length_and_head(filled, pg_url, capsys,
                                                                                       tmp_path):
    """The chain's digests are computed over each row's canonical content (db/canonical.py): the
    same rows on PostgreSQL give the same chain, so verify-history on the server finds it whole,
    with as many entries and the same head as on the file."""
    def verify(*where: str) -> tuple[int, str]:
        code = cli.run(build_parser().parse_args([*where, "verify-history"]))
        out, err = capsys.readouterr()
        assert code == 0 and not err, err
        match = re.fullmatch(r"Riwayat utuh: ([\d.]+) entri berantai, kepala ([0-9a-f]{16}); [\d.]+ jangkar cocok\.",
                             out.strip())
        assert match, out
        return int(match.group(1).replace(".", "")), match.group(2)

    on_file = verify("--data-dir", str(filled))
    with sqlite3.connect(filled / paths.DB_FILENAME) as file:
        history = file.execute("SELECT (SELECT COUNT(*) FROM step_event) + (SELECT COUNT(*) FROM audit_entry)"
                               ).fetchone()[0]
    assert on_file[0] == history > 100  # every event and audit entry of the demo is in the chain
    assert migrate_to(filled, pg_url) == 0
    capsys.readouterr()
    assert verify("--data-dir", str(tmp_path / "pc-kantor"), "--database", pg_url) == on_file
