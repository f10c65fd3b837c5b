"""Stage 8-9, export: the tagged MP3 and its JSON manifest, written atomically."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mutagen.id3 import ID3, TALB, TCON, TDRC, TIT2, TLAN, TPE1, USLT

from bulletin.errors import BulletinError
from bulletin.model import Article, Placement, Script, SegmentKind

_SLUG_MAX = 60


@dataclass(frozen=True)
class Tags:
    """ID3 metadata of an episode."""

    title: str
    show_name: str
    date: str
    transcript: str
    language: str = "urd"  # ISO 639-2
    genre: str = "Podcast"


def slug_for(article: Article) -> str:
    """A safe ASCII file name stem, stable for the same article.

    The source file's stem when it is usable ASCII, else a hash of the title.
    """
    stem = Path(article.source).stem if article.source else ""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")[:_SLUG_MAX].strip("-")
    if slug and slug not in {".", ".."}:
        return slug
    digest = hashlib.sha256(article.title.text.encode("utf-8")).hexdigest()[:12]
    return f"bulletin-{digest}"


def transcript(script: Script) -> str:
    """Plain-text transcript: one line per paragraph, quotes labelled with the speaker."""
    lines: list[list[str]] = []
    last_paragraph = -1
    for segment in script.segments:
        if segment.paragraph != last_paragraph or segment.kind is SegmentKind.DATELINE:
            lines.append([])
            last_paragraph = segment.paragraph
        text = segment.text
        if segment.kind is SegmentKind.QUOTE:
            text = f"{segment.speaker or 'نامعلوم'}: “{text}”"
        lines[-1].append(text)
    return "\n".join(" ".join(parts) for parts in lines)


def manifest(
    script: Script, placements: list[Placement], duration: float, engine: str
) -> dict[str, Any]:
    """The episode manifest: segments with their times in the MP3 and spans in the text."""
    segments = [
        {
            "index": index,
            "kind": segment.kind.value,
            "speaker": segment.speaker,
            "voice": segment.voice,
            "text": segment.text,
            "spoken": segment.spoken,
            "start": round(placement.start, 3),
            "end": round(placement.end, 3),
            "start_char": segment.span.start,
            "end_char": segment.span.end,
        }
        for index, (segment, placement) in enumerate(zip(script.segments, placements, strict=True))
    ]
    return {
        "title": script.title,
        "duration": round(duration, 3),
        "engine": engine,
        "segments": segments,
    }


def write_mp3(mp3: bytes, path: Path, tags: Tags) -> None:
    """Write MP3 data and its tags to a temporary file, then move it into place."""
    with atomic_path(path) as temporary:
        temporary.write_bytes(mp3)
        write_tags(temporary, tags)


def write_tags(path: Path, tags: Tags) -> None:
    """ID3v2.4 tags: title, artist, album, date, language, genre and the transcript."""
    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TPE1(encoding=3, text=tags.show_name))
    id3.add(TALB(encoding=3, text=tags.show_name))
    id3.add(TDRC(encoding=3, text=tags.date))
    id3.add(TLAN(encoding=3, text=tags.language))
    id3.add(TCON(encoding=3, text=tags.genre))
    id3.add(USLT(encoding=3, lang=tags.language, desc="transcript", text=tags.transcript))
    id3.save(path, v2_version=4)


def write_json(data: dict[str, Any], path: Path) -> None:
    """Write JSON (UTF-8, Urdu unescaped) atomically."""
    with atomic_path(path) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` that replaces it only if the block succeeds."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise BulletinError(f"{path.parent}: cannot write output ({error.strerror})") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
