"""The pieces of the build that the Linux build cannot show: the Windows version resource, the
icon (PyInstaller uses both on Windows only) and the windowed program's standard streams; and the
guide's Instalasi page."""

from __future__ import annotations

import importlib.util
import os
import struct
import sys
from pathlib import Path

import pytest

import wawaran_desktop

ROOT = Path(__file__).resolve().parents[2]


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_version_resource_says_the_package_version(tmp_path):
    version_resource = load(ROOT / "packaging" / "version_resource.py")
    path = version_resource.write(tmp_path, wawaran_desktop.__version__, "WawaranDesktop.exe", "Wawaran Desktop",
                                  wawaran_desktop.ORG_NAME, wawaran_desktop.APP_NAME)
    seen: dict[str, object] = {}

    def record(name):
        def make(*args, **kwargs):
            seen.setdefault(name, []).append((args, kwargs))
            return name
        return make

    # PyInstaller reads the file by evaluating it with its versioninfo classes (which need
    # pefile, a Windows-side package): evaluate it with recorders in their place.
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    assert eval(path.read_text(encoding="utf-8"), {n: record(n) for n in names}) == "VSVersionInfo"  # noqa: S307
    numbers = tuple(int(n) for n in wawaran_desktop.__version__.split(".")) + (0,) * (4 - len(wawaran_desktop.__version__.split(".")))
    fixed = seen["FixedFileInfo"][0][1]
    assert fixed["filevers"] == fixed["prodvers"] == numbers
    strings = dict(args for args, _ in seen["StringStruct"])
    assert strings["FileVersion"] == strings["ProductVersion"] == wawaran_desktop.__version__
    assert strings["OriginalFilename"] == "WawaranDesktop.exe" and strings["ProductName"] == "Wawaran Desktop"
    assert seen["StringTable"][0][0][0] == "042104b0"  # Indonesian, Unicode
    assert version_resource.version_numbers("1.2.0rc1") == (1, 2, 0, 0)
    # pre-, post- and dev-releases: the release numbers only (Windows and Inno Setup take 4 numbers)
    assert [version_resource.numeric(v) for v in ("1.2.0b1", "1.0.0.post2", "0.1.0.dev3", "2.0")] == \
        ["1.2.0.0", "1.0.0.0", "0.1.0.0", "2.0.0.0"]


def test_the_icon_is_rendered_from_the_svg_into_an_ico_of_png_images(tmp_path, qapp):
    from PySide6.QtGui import QImage

    build_app = load(ROOT / "tools" / "build_app.py")
    ico = build_app.make_icons(tmp_path)
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(build_app.ICON_SIZES))
    for index, size in enumerate(sorted(build_app.ICON_SIZES)):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert (width, height) == ((size, size) if size < 256 else (0, 0)) and (planes, bits) == (1, 32)
        image = QImage.fromData(data[offset:offset + length], "PNG")
        assert image.width() == image.height() == size
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255 and corner.alpha() < 255  # drawn, on a transparent ground
    png = QImage(str(tmp_path / "wawaran.png"))
    assert png.width() == 256


def test_the_guide_has_the_installation_page_for_staff():
    import json

    from wawaran_desktop import paths

    contents = json.loads(paths.resource("guide/contents.json").read_text(encoding="utf-8"))
    listed = [page for group in contents["groups"] for page in group["pages"]]
    assert "instalasi.html" in listed
    for page in listed:
        assert paths.resource(f"guide/{page}").is_file(), page
    text = paths.resource("guide/instalasi.html").read_text(encoding="utf-8")
    for anchor in ("pasang", "perbarui", "hapus", "mulai", "server"):  # install, upgrade, uninstall, first start, server
        assert f'id="{anchor}"' in text
    assert "Diskominfo Kota Tangerang\\Wawaran Desktop" in text  # where the data stays


@pytest.mark.skipif(sys.platform == "win32", reason="closes both streams with a POSIX shell; on Windows the "
                                                    "workflow starts the windowed program itself")
def test_the_windowed_program_gets_streams_that_accept_writes(tmp_path):
    """packaging/rthook_stdio.py, which the spec runs first in the frozen programs: with no
    standard output and error (a Windows GUI program's lot; here: both closed), writing to them
    still works (the error report writes its traceback to stderr)."""
    import subprocess

    hook = ROOT / "packaging" / "rthook_stdio.py"
    assert f'runtime_hooks=[str(ROOT / "packaging" / "{hook.name}")]' in (ROOT / "packaging" / "wawaran.spec").read_text()
    out = tmp_path / "seen.txt"
    code = (f"import sys; before = (sys.stdout, sys.stderr); exec(open({str(hook)!r}).read()); "
            "sys.stderr.write('Traceback ...'); print('ready'); "
            f"open({str(out)!r}, 'w').write(repr(before) + ' ' + sys.stderr.name)")
    result = subprocess.run(f'"{sys.executable}" -c "{code}" >&- 2>&-', shell=True, timeout=60)
    assert result.returncode == 0
    assert out.read_text() == f"(None, None) {os.devnull}"
