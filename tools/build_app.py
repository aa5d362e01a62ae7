"""Build the frozen application (PyInstaller, one folder) on the machine it runs on.

    python tools/build_app.py [--dist DIR] [--work DIR]

1. renders packaging/icon.svg with Qt's QSvgRenderer into the Windows icon (.ico: PNG images
   of 16–256 pixels) and a 256-pixel .png, in ``<work>/icon/`` — no external tool;
2. runs PyInstaller on packaging/wawaran.spec (which writes the version resource from
   ``wawaran_desktop.__version__``), giving ``<dist>/WawaranDesktop/`` with ``WawaranDesktop``
   (the window; no console on Windows) and ``wawaran-cli`` (the same program with a console,
   for the subcommands: list, export, backup --auto);
3. prints the folder's size and file count.

PyInstaller does not cross-compile: on Windows this makes the Windows build, here a Linux one
from the same spec (``.ci/run`` builds it and tests/delivery/test_frozen.py runs it).
"""

from __future__ import annotations

import argparse
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "wawaran.spec"
SVG = ROOT / "packaging" / "icon.svg"
ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
APP_FOLDER = "WawaranDesktop"


def render_png(svg: Path, size: int) -> bytes:
    """``svg`` drawn at ``size``×``size`` pixels, as PNG bytes (transparent background)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico file holding PNG images (the format Windows Vista and later read at every size):
    ICONDIR, one ICONDIRENTRY per image (a size of 256 is written as 0), then the images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def make_icons(folder: Path) -> Path:
    """``wawaran.ico`` and ``wawaran.png`` from packaging/icon.svg in ``folder``; the .ico's path."""
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QPainter wants one)
    folder.mkdir(parents=True, exist_ok=True)
    images = {size: render_png(SVG, size) for size in ICON_SIZES}
    ico = folder / "wawaran.ico"
    ico.write_bytes(ico_bytes(images))
    (folder / "wawaran.png").write_bytes(images[256])
    return ico


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def build(dist: Path, work: Path) -> Path:
    icon = make_icons(work / "icon")
    env = dict(os.environ, WAWARAN_ICON=str(icon))
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, env=env, cwd=ROOT)
    app = dist / APP_FOLDER
    size, count = folder_size(app)
    print(f"built {app} in {time.monotonic() - started:.0f} s: {size / 2**20:.1f} MiB in {count} files")
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app folder goes (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "app",
                        help="PyInstaller's work folder and the rendered icons (default build/app/)")
    args = parser.parse_args(argv)
    build(args.dist.resolve(), args.work.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
