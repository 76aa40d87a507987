"""The installable web app: icons and the web app manifest, written into the built site.

One source for every icon: `draw()` below, a teal square with a white target (a goal), drawn
per pixel with anti-aliased edges and written as PNG with the standard library (zlib), so the
build needs no image library and no SVG renderer. The maskable icon keeps the target inside the
central safe zone (a circle of 40% of the size) that launchers may crop to.
"""

from __future__ import annotations

import json
import math
import struct
import zlib
from pathlib import Path

NAME = "Set Your Therapy Goals"
SHORT_NAME = "Therapy goals"
THEME = (0x00, 0x69, 0x5C)  # teal 800, as the worksheets' buttons (7:1 on white)
BACKGROUND = "#ffffff"
MANIFEST = "site.webmanifest"
#: file name -> (size in pixels, purpose, scale of the target: smaller for maskable)
ICONS = {
    "assets/icons/icon-192.png": (192, "any", 1.0),
    "assets/icons/icon-512.png": (512, "any", 1.0),
    "assets/icons/icon-maskable-512.png": (512, "maskable", 0.72),
    "assets/icons/apple-touch-icon.png": (180, "apple", 0.85),
}


def _coverage(distance: float) -> float:
    """How much of a pixel lies inside an edge `distance` pixels away (positive: inside)."""
    return min(1.0, max(0.0, distance + 0.5))


def draw(size: int, scale: float = 1.0) -> bytes:
    """RGB rows of the icon: white rings and a dot on teal."""
    centre = size / 2
    unit = size * 0.4 * scale  # the outer ring's outer radius
    # (outer, inner) radii of the white parts, as fractions of `unit`: two rings and a dot.
    bands = [(1.0, 0.78), (0.58, 0.38), (0.2, 0.0)]
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # PNG filter: none
        for x in range(size):
            d = math.hypot(x + 0.5 - centre, y + 0.5 - centre)
            white = 0.0
            for outer, inner in bands:
                cover = _coverage(outer * unit - d) * (1.0 if inner == 0 else _coverage(d - inner * unit))
                white = max(white, cover)
            rows.extend(round(c + (255 - c) * white) for c in THEME)
    return bytes(rows)


def png(size: int, scale: float = 1.0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(draw(size, scale), 9))
            + chunk(b"IEND", b""))


def manifest() -> dict:
    """Every URL relative to the manifest at the site root, so the app stays inside site_url."""
    return {
        "name": NAME,
        "short_name": SHORT_NAME,
        "description": "A free, private guide to setting goals for therapy, with worksheets that stay on your device.",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": "#{:02x}{:02x}{:02x}".format(*THEME),
        "background_color": BACKGROUND,
        "icons": [{"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
                  for path, (size, purpose, _) in ICONS.items() if purpose != "apple"],
    }


def write(site_dir: Path) -> None:
    """The icons and site.webmanifest, in the built site (before the offline manifest lists files)."""
    for path, (size, _, scale) in ICONS.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png(size, scale))
    (site_dir / MANIFEST).write_text(json.dumps(manifest(), indent=2) + "\n", encoding="utf-8")
