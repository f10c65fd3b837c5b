"""Show configuration (show.toml) and cover art checks."""

from __future__ import annotations

import struct
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from bulletin.errors import BulletinError
from bulletin.model import Show

SHOW_FILE = "show.toml"
COVER_MIN, COVER_MAX = 1400, 3000  # Apple Podcasts' recommended square size, in pixels


@dataclass(frozen=True)
class Cover:
    """A checked cover image."""

    path: Path
    data: bytes
    mime: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        return ".png" if self.mime == "image/png" else ".jpg"


def load_show(path: Path | None) -> Show:
    """The show settings: `path`, else ./show.toml if present, else the defaults.

    A relative `cover` is taken relative to the show file's folder.
    """
    if path is None:
        path = Path(SHOW_FILE)
        if not path.is_file():
            return Show()
    if not path.is_file():
        raise BulletinError(f"{path}: no such show file")
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise BulletinError(f"{path}: invalid TOML ({error})") from None
    known = {f.name: f for f in fields(Show)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise BulletinError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(known)})")
    show = Show(**data)
    if show.cover and not Path(show.cover).is_absolute():
        show = replace(show, cover=str(path.parent / show.cover))
    return show


def check_cover(path: Path) -> Cover:
    """Read a cover image and say clearly what is wrong with a bad one."""
    if not path.is_file():
        raise BulletinError(f"{path}: cover image not found")
    data = path.read_bytes()
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        mime, size = "image/png", _png_size(data)
    elif data.startswith(b"\xff\xd8"):
        mime, size = "image/jpeg", _jpeg_size(data)
    else:
        raise BulletinError(f"{path}: the cover must be a JPEG or PNG image")
    if size is None:
        raise BulletinError(f"{path}: the cover image is damaged (no size found)")
    width, height = size
    if width != height:
        raise BulletinError(f"{path}: the cover must be square, it is {width}×{height} px")
    if not COVER_MIN <= width <= COVER_MAX:
        raise BulletinError(
            f"{path}: the cover is {width}×{height} px; podcast directories want "
            f"{COVER_MIN}–{COVER_MAX} px"
        )
    return Cover(path, data, mime, width, height)


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the IHDR chunk (PNG specification, section 11.2.2)."""
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the first start-of-frame marker (JPEG, ITU-T T.81, B.2.2)."""
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        is_frame = 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC)
        if is_frame and position + 9 <= len(data):
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return width, height
        position += 2 + length
    return None
