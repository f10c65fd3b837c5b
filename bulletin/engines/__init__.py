"""Synthesis engines behind one small interface."""

from __future__ import annotations

from typing import Protocol

from bulletin.errors import BulletinError
from bulletin.model import Clip, VoiceProfile


class Engine(Protocol):
    """Text plus voice in, mono float audio plus sample rate out."""

    name: str
    max_chars: int  # longest text the engine reads well in one call
    credit: str  # licence credit recorded in the episode metadata

    def speakable(self, char: str) -> bool:
        """Whether the engine pronounces `char` (a letter or mark, not punctuation)."""

    def check_voice(self, voice: VoiceProfile) -> None:
        """Raise BulletinError if this engine cannot speak with `voice`."""

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        """Speak `text` (one sentence or a short passage) with `voice`."""


ENGINE_NAMES = ("espeak",)


def load_engine(name: str) -> Engine:
    """Load an engine once; callers reuse it for a whole run."""
    if name == "espeak":
        from bulletin.engines.espeak import EspeakEngine

        return EspeakEngine()
    raise BulletinError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINE_NAMES)}")
