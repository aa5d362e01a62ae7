"""Real image files for tests, made without any imaging library."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png_bytes(width: int = 64, height: int = 48, rgb: tuple[int, int, int] = (20, 80, 160)) -> bytes:
    """A real PNG image (RGB, one colour), made without any imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def write_png(path: Path, **kwargs) -> Path:
    path.write_bytes(png_bytes(**kwargs))
    return path
