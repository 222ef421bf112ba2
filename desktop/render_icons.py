"""Render desktop/icons/van-clinic.svg to the PNG sizes of the freedesktop icon theme, a
Windows .ico and a macOS .icns, with Qt (no other tool needed). Run after editing the SVG:

    .venv/bin/python desktop/render_icons.py

The rendered files are committed; the build only copies them."""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent / "icons"
SIZES = (32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (the format Windows reads since Vista): a header,
    one directory entry per size (0 means 256), then the PNG files as they are."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(ICONS / "van-clinic.svg"))
    if not renderer.isValid():
        print("error: the SVG does not load", file=sys.stderr)
        return 1
    for size in SIZES:
        if not render(renderer, size).save(str(ICONS / f"van-clinic-{size}.png")):
            print(f"error: cannot write the {size} px PNG", file=sys.stderr)
            return 1
    (ICONS / "van-clinic.ico").write_bytes(
        ico({size: (ICONS / f"van-clinic-{size}.png").read_bytes() for size in (32, 48, 256)}))
    if not render(renderer, 256).save(str(ICONS / "van-clinic.icns")):
        print("error: this Qt cannot write .icns", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
