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

from mutagen.id3 import (
    APIC,
    CHAP,
    CTOC,
    ID3,
    SYLT,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TLAN,
    TPE1,
    USLT,
    CTOCFlags,
    PictureType,
)
from mutagen.id3._tags import save_frame

from bulletin.errors import BulletinError
from bulletin.model import Article, Placement, Script, SegmentKind
from bulletin.show import Cover
from bulletin.transcripts import Chapter, TimedSentence

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
    chapters: tuple[Chapter, ...] = ()
    sentences: tuple[TimedSentence, ...] = ()  # written as synchronised lyrics (SYLT)
    cover: Cover | None = None


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
    script: Script,
    placements: list[Placement],
    sentences: list[TimedSentence],
    episode: dict[str, Any],
) -> dict[str, Any]:
    """The episode manifest: episode facts, segments with their times in the MP3 and spans in
    the text, and every sentence with its times."""
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
    timed = [
        {
            "index": s.index,
            "segment": s.segment,
            "speaker": s.speaker,
            "text": s.text,
            "start": round(s.start, 3),
            "end": round(s.end, 3),
        }
        for s in sentences
    ]
    return {"title": script.title, **episode, "segments": segments, "sentences": timed}


def write_mp3(mp3: bytes, path: Path, tags: Tags) -> None:
    """Write MP3 data and its tags to a temporary file, then move it into place."""
    with atomic_path(path) as temporary:
        temporary.write_bytes(mp3)
        write_tags(temporary, tags)


def write_tags(path: Path, tags: Tags) -> None:
    """ID3v2.4 tags: title, artist, album, date, language, genre, the transcript (plain and
    synchronised), chapters and the cover picture."""
    id3 = _ChapterOrderedID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TPE1(encoding=3, text=tags.show_name))
    id3.add(TALB(encoding=3, text=tags.show_name))
    id3.add(TDRC(encoding=3, text=tags.date))
    id3.add(TLAN(encoding=3, text=tags.language))
    id3.add(TCON(encoding=3, text=tags.genre))
    id3.add(USLT(encoding=3, lang=tags.language, desc="transcript", text=tags.transcript))
    if tags.sentences:
        lyrics = [(s.text, _millis(s.start)) for s in tags.sentences]
        id3.add(
            SYLT(encoding=3, lang=tags.language, format=2, type=1, desc="transcript", text=lyrics)
        )
    if tags.cover is not None:
        cover = tags.cover
        id3.add(
            APIC(
                encoding=3,
                mime=cover.mime,
                type=PictureType.COVER_FRONT,
                desc="cover",
                data=cover.data,
            )
        )
    _add_chapters(id3, tags.title, tags.chapters)
    id3.save(path, v2_version=4)


def _add_chapters(id3: ID3, title: str, chapters: tuple[Chapter, ...]) -> None:
    """A top-level ordered table of contents (CTOC) and one CHAP frame per chapter."""
    if not chapters:
        return
    ids = [f"chp{number:03d}" for number in range(len(chapters))]
    flags = CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
    toc_title = [TIT2(encoding=3, text=title)]
    id3.add(CTOC(element_id="toc", flags=flags, child_element_ids=ids, sub_frames=toc_title))
    for element_id, chapter in zip(ids, chapters, strict=True):
        id3.add(
            CHAP(
                element_id=element_id,
                start_time=_millis(chapter.start),
                end_time=_millis(chapter.end),
                sub_frames=[TIT2(encoding=3, text=chapter.title)],
            )
        )


class _ChapterOrderedID3(ID3):
    """ID3 that writes the table of contents and chapters last, in ascending time order.

    mutagen orders frames by size, but players read chapters in file order.
    """

    def _write(self, config: Any) -> bytearray:
        chapters = sorted(self.getall("CHAP"), key=lambda frame: frame.start_time)
        toc = self.getall("CTOC")
        self.delall("CHAP")
        self.delall("CTOC")
        try:
            data = super()._write(config)
        finally:
            for frame in [*toc, *chapters]:
                self.add(frame)
        return data + bytearray().join(save_frame(f, config=config) for f in [*toc, *chapters])


def write_bytes(data: bytes, path: Path) -> None:
    """Write bytes atomically."""
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)


def write_text(text: str, path: Path) -> None:
    """Write UTF-8 text atomically."""
    with atomic_path(path) as temporary:
        temporary.write_text(text, "utf-8")


def _millis(seconds: float) -> int:
    return max(round(seconds * 1000), 0)


def write_json(data: dict[str, Any], path: Path) -> None:
    """Write JSON (UTF-8, Urdu unescaped) atomically."""
    with atomic_path(path) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` that replaces it only if the block succeeds.

    The temporary file is flushed to disk before the rename and the folder after it, so an
    interrupted run or a crash leaves either the old file or the new one, never a mix. An
    existing file keeps its permissions (new files get 0644).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise BulletinError(f"{path.parent}: cannot write output ({error.strerror})") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        _fsync(temporary)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        raise BulletinError(f"{path}: cannot write ({error.strerror or error})") from None
    finally:
        temporary.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # make the rename itself durable where possible
        _fsync(path.parent)


def _fsync(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
