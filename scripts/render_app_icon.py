"""Render Pelita's application icon to resources/pelita.png (256 px, the window and the Linux
launcher) and resources/pelita.ico (16 to 256 px, the Windows program and its setup file).
Drawn by Qt, so it needs no image editor; run after changing the design."""
import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]

from PIL import Image  # noqa: E402  (matplotlib's dependency: a dev tool's only use)
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (QColor, QFont, QGuiApplication, QImage, QLinearGradient,  # noqa: E402
                           QPainter, QPainterPath)

SIZE = 256
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
TEAL, DEEP, WHITE, GOLD = "#12847c", "#0b5d57", "#ffffff", "#f5b335"


def _heart(center: QPointF, width: float) -> QPainterPath:
    """A heart `width` wide around `center`: the care a Dinas Sosial gives."""
    w, x, y = width, center.x(), center.y()
    path = QPainterPath(QPointF(x, y + 0.42 * w))
    path.cubicTo(x - 0.62 * w, y + 0.02 * w, x - 0.5 * w, y - 0.48 * w, x, y - 0.2 * w)
    path.cubicTo(x + 0.5 * w, y - 0.48 * w, x + 0.62 * w, y + 0.02 * w, x, y + 0.42 * w)
    return path


def draw(size: int = SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / SIZE
    gradient = QLinearGradient(0, 0, 0, size)
    gradient.setColorAt(0, QColor(TEAL))
    gradient.setColorAt(1, QColor(DEEP))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 52 * s, 52 * s)
    font = QFont("DejaVu Sans", 1)
    font.setPixelSize(int(190 * s))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(WHITE))
    painter.drawText(QRectF(0, -4 * s, 236 * s, 256 * s), Qt.AlignmentFlag.AlignCenter, "P")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(GOLD))
    painter.drawPath(_heart(QPointF(186 * s, 188 * s), 64 * s))
    painter.end()
    return image


def _pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data())))


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    png, ico = ROOT / "resources" / "pelita.png", ROOT / "resources" / "pelita.ico"
    draw().save(str(png), "PNG")
    # Each size drawn at its own scale, not shrunk from 256: small icons stay crisp.
    images = [_pil(draw(n)) for n in ICO_SIZES]
    images[-1].save(ico, format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                    append_images=images[:-1])
    print(png.relative_to(ROOT), ico.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
