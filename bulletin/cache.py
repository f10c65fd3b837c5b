"""Segment cache: synthesized clips stored by a hash of everything that shapes them.

A key covers the engine and model (`Engine.identity`), the whole voice profile, the
spoken text and the cache format, so a rerun or an edited article only synthesizes what
changed. Each entry carries a checksum of its samples: a damaged entry is deleted and
synthesized again, never played.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from bulletin.model import Clip, VoiceProfile

CACHE_ENV = "BULLETIN_CACHE_DIR"
FORMAT = 2  # bump when what a clip holds changes (synthesis, post-processing, trimming)
_MAGIC = b"BLTNCLIP"
_HEADER = struct.Struct("<8sIIQ32s")  # magic, format, sample rate, sample count, sha256


def default_cache_dir() -> Path:
    """`$BULLETIN_CACHE_DIR`, else `$XDG_CACHE_HOME/bulletin`, else `~/.cache/bulletin`."""
    if env := os.environ.get(CACHE_ENV):
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base).expanduser() if base else Path.home() / ".cache"
    return root / "bulletin"


def clip_key(engine_identity: str, voice: VoiceProfile, text: str) -> str:
    """The cache key of one utterance. Only what shapes the sound counts: renaming or
    redescribing a voice keeps its clips. (The MMS seed derives from text and settings.)"""
    settings = asdict(voice)
    for label in ("name", "description", "gender"):
        settings.pop(label)
    payload = json.dumps(
        [FORMAT, engine_identity, settings, text], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


@dataclass
class ClipCache:
    """Clips on disk under `root/clips/ab/<key>`; counts hits, misses and damaged entries."""

    root: Path
    hits: int = 0
    misses: int = 0
    damaged: list[Path] = field(default_factory=list)

    def _path(self, key: str) -> Path:
        return self.root / "clips" / key[:2] / key

    def get(self, key: str) -> Clip | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError:
            data = b""
        clip = decode_clip(data)
        if clip is None:
            self.damaged.append(path)
            self.misses += 1
            path.unlink(missing_ok=True)
            return None
        self.hits += 1
        return clip

    def put(self, key: str, clip: Clip) -> None:
        """Store atomically; a cache that cannot be written is skipped, not fatal."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(encode_clip(clip))
            os.replace(temporary, path)
        except OSError:
            return

    def clear(self) -> tuple[int, int]:
        """Delete every entry; return (entries, bytes) removed."""
        clips = self.root / "clips"
        if not clips.is_dir():
            return 0, 0
        files = [p for p in clips.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        shutil.rmtree(clips)
        return len(files), size

    def usage(self) -> tuple[int, int]:
        """(entries, bytes) in the cache."""
        clips = self.root / "clips"
        files = [p for p in clips.rglob("*") if p.is_file()] if clips.is_dir() else []
        return len(files), sum(p.stat().st_size for p in files)


def encode_clip(clip: Clip) -> bytes:
    payload = np.ascontiguousarray(clip.samples, dtype="<f4").tobytes()
    digest = hashlib.sha256(payload).digest()
    header = _HEADER.pack(_MAGIC, FORMAT, clip.sample_rate, len(clip.samples), digest)
    return header + payload


def decode_clip(data: bytes) -> Clip | None:
    """The clip in `data`, or None if it is truncated, altered or of another format."""
    if len(data) < _HEADER.size:
        return None
    magic, version, rate, count, digest = _HEADER.unpack_from(data)
    payload = data[_HEADER.size :]
    if magic != _MAGIC or version != FORMAT or len(payload) != count * 4 or rate <= 0:
        return None
    if hashlib.sha256(payload).digest() != digest:
        return None
    return Clip(np.frombuffer(payload, dtype="<f4").astype(np.float32), rate)
