"""save_flow: where the file goes, its extension, the remembered folder, failures, open file/folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from wawaran_desktop import workers
from wawaran_desktop.infra.atomic import write_bytes_atomically
from wawaran_desktop.views.documents import save_flow

FILTERS = "Dokumen Word (*.docx);;PDF (*.pdf)"


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


class Answers(list):
    """What the file dialog answers, in order; ``starts``: the start paths it was opened with."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: list[str] = []

    def ask(self, parent, title, start, filters):
        self.starts.append(start)
        return self.pop(0)


@pytest.fixture
def answers(monkeypatch):
    queue = Answers()
    monkeypatch.setattr(save_flow, "ask_save_path", queue.ask)
    return queue


@pytest.fixture
def opened(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(save_flow, "open_url", lambda url: urls.append(url) or True)
    return urls


def press(label: str, seen: list[str] | None = None):
    def handler(box):
        assert isinstance(box, QMessageBox)
        if seen is not None:
            seen.append(box.windowTitle())
            seen.append(box.text())
            seen.extend(b.text() for b in box.findChildren(QPushButton))
        [button] = [b for b in box.findChildren(QPushButton) if b.text() == label]
        button.click()
    return handler


def writer(content: bytes = b"isi"):
    calls: list[Path] = []

    def write(path: Path, progress) -> None:
        calls.append(path)
        progress(1, 1, "")
        write_bytes_atomically(path, content)

    write.calls = calls  # type: ignore[attr-defined]
    return write


def test_saves_adds_the_extension_remembers_the_folder_and_opens_the_file(parent, settings, answers, opened,
                                                                        modals, tmp_path):
    folder = tmp_path / "ekspor"
    folder.mkdir()
    answers.append((str(folder / "laporan"), "Dokumen Word (*.docx)"))
    seen: list[str] = []
    modals.then(press("Buka Berkas", seen))
    write = writer()
    path = save_flow.save_document(parent, title="Simpan Laporan", suggested_name="laporan-12.docx",
                                   filters=FILTERS, settings=settings, write=write)
    assert path == folder / "laporan.docx"
    assert path.read_bytes() == b"isi"
    assert write.calls == [path]
    assert seen[0] == "Berkas tersimpan" and str(path) in seen[1]
    assert set(seen[2:]) == {"Buka Berkas", "Buka Folder", "Tutup"}
    assert [u.toLocalFile() for u in opened] == [str(path)]
    assert settings.value(save_flow.LAST_FOLDER_KEY) == str(folder)

    # The next export starts in that folder, and "Buka Folder" opens the folder.
    answers.append((str(folder / "kedua.pdf"), "Dokumen Word (*.docx)"))
    modals.then(press("Buka Folder"))
    path = save_flow.save_document(parent, title="Simpan", suggested_name="b.docx", filters=FILTERS,
                                   settings=settings, write=writer())
    assert path == folder / "kedua.pdf"  # an offered extension typed by the user is kept
    assert answers.starts[1] == str(folder / "b.docx")
    assert opened[-1].toLocalFile() == str(folder)


def test_first_export_starts_in_documents_and_a_vanished_folder_falls_back(parent, settings, answers, modals,
                                                                          tmp_path, opened):
    answers.append(None)
    assert save_flow.save_document(parent, title="t", suggested_name="a.xlsx", filters="Excel (*.xlsx)",
                                   settings=settings, write=writer()) is None
    assert Path(answers.starts[0]) == save_flow.documents_folder() / "a.xlsx"
    settings.setValue(save_flow.LAST_FOLDER_KEY, str(tmp_path / "sudah-dihapus"))
    assert save_flow.last_folder(settings) == save_flow.documents_folder()


def test_cancelled_file_dialog_writes_nothing(parent, settings, answers, opened):
    answers.append(None)
    write = writer()
    assert save_flow.save_document(parent, title="t", suggested_name="a.docx", filters=FILTERS,
                                   settings=settings, write=write) is None
    assert write.calls == []
    assert opened == []


def test_a_failed_write_is_explained_and_the_old_file_is_kept(parent, settings, answers, opened, modals,
                                                             tmp_path):
    target = tmp_path / "laporan.docx"
    target.write_bytes(b"lama")
    answers.append((str(target), ""))

    def write(path, progress):
        def build(tmp):
            tmp.write_bytes(b"setengah")
            raise OSError(28, "No space left on device")
        from wawaran_desktop.infra.atomic import write_atomically
        write_atomically(path, build)

    seen: list[str] = []
    modals.then(press("OK", seen))
    assert save_flow.save_document(parent, title="t", suggested_name="a.docx", filters=FILTERS,
                                   settings=settings, write=write) is None
    assert seen[0] == "Berkas tidak tersimpan"
    assert "Disk penuh" in seen[1] and "tidak diubah" in seen[1]
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".laporan")] == []  # no temp left
    assert opened == []


def test_long_write_runs_on_the_pool_with_progress(parent, settings, answers, opened, modals, tmp_path):
    import threading

    answers.append((str(tmp_path / "buku.xlsx"), "Excel (*.xlsx)"))
    threads: list[int] = []

    def write(path, progress):
        threads.append(threading.get_ident())
        for i in range(5):
            progress(i, 5, "baris")
        write_bytes_atomically(path, b"xlsx")

    modals.then(press("Tutup"))
    path = save_flow.save_document(parent, title="t", suggested_name="buku.xlsx", filters="Excel (*.xlsx)",
                                   settings=settings, write=write, long=True)
    assert path == tmp_path / "buku.xlsx" and path.read_bytes() == b"xlsx"
    assert threads and threads[0] != threading.get_ident()
    assert opened == []


def test_cancelling_a_long_write_keeps_the_old_file_and_says_nothing(parent, settings, answers, opened,
                                                                    modals, tmp_path, monkeypatch):
    target = tmp_path / "buku.xlsx"
    target.write_bytes(b"lama")
    answers.append((str(target), "Excel (*.xlsx)"))

    def write(path, progress):
        def build(tmp):
            tmp.write_bytes(b"baru-setengah")
            raise workers.Cancelled()  # as progress() does once Batal was pressed
        from wawaran_desktop.infra.atomic import write_atomically
        write_atomically(path, build)

    assert save_flow.save_document(parent, title="t", suggested_name="buku.xlsx", filters="Excel (*.xlsx)",
                                   settings=settings, write=write, long=True) is None
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".buku")] == []


def test_with_extension():
    assert save_flow.with_extension(Path("a/b"), FILTERS, "PDF (*.pdf)") == Path("a/b.pdf")
    assert save_flow.with_extension(Path("a/b.DOCX"), FILTERS) == Path("a/b.DOCX")
    assert save_flow.with_extension(Path("a/b.v2"), FILTERS) == Path("a/b.v2.docx")


def test_report_worker_reports_progress_at_each_step_so_cancel_can_stop_it(ws, staff, tmp_path):
    from wawaran_desktop.views.documents import report_export

    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id
    reports: list[tuple[int, int, str]] = []
    target = tmp_path / "laporan.docx"
    report_export.write_report_with_progress(ws, cid, target, lambda d, t, text: reports.append((d, t, text)))
    assert target.exists()
    assert len(reports) >= 3 and reports[0][0] == 0 and reports[-1][0] == reports[-1][1]

    def cancel_after_gathering(done, total, text):
        if done >= 1:
            raise workers.Cancelled()

    later = tmp_path / "batal.docx"
    with pytest.raises(workers.Cancelled):
        report_export.write_report_with_progress(ws, cid, later, cancel_after_gathering)
    assert not later.exists()


def test_a_failed_write_does_not_become_the_next_start_folder(parent, settings, answers, opened, modals,
                                                              tmp_path):
    good = tmp_path / "baik"
    good.mkdir()
    settings.setValue(save_flow.LAST_FOLDER_KEY, str(good))
    bad = tmp_path / "terkunci"
    bad.mkdir()
    answers.append((str(bad / "a.docx"), ""))

    def write(path, progress):
        def build(tmp):
            raise PermissionError(13, "Permission denied")
        from wawaran_desktop.infra.atomic import write_atomically
        write_atomically(path, build)

    modals.then(press("OK"))
    assert save_flow.save_document(parent, title="t", suggested_name="a.docx", filters=FILTERS,
                                   settings=settings, write=write) is None
    assert save_flow.last_folder(settings) == good
