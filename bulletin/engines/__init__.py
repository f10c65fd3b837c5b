"""Synthesis engines behind one small interface."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from bulletin.errors import BulletinError
from bulletin.model import Clip, VoiceProfile


class Engine(Protocol):
    """Text plus voice in, mono float audio plus sample rate out."""

    name: str
    max_chars: int  # longest text the engine reads well in one call
    credit: str  # licence credit recorded in the episode metadata
    identity: str  # engine build and model: part of every cache key
    multiprocess: bool  # True: run clips in worker processes; False: one in-process engine

    def speakable(self, char: str) -> bool:
        """Whether the engine pronounces `char` (a letter or mark, not punctuation)."""

    def check_voice(self, voice: VoiceProfile) -> None:
        """Raise BulletinError if this engine cannot speak with `voice`."""

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        """Speak `text` (one sentence or a short passage) with `voice`."""


@runtime_checkable
class VoiceShapingEngine(Protocol):
    """An engine that makes its voices by reshaping one model's speech afterwards:
    `synthesize(text, voice)` is `shape_voice(model_speech(text, voice), voice)`.

    `shape_voice` is a module-level function that depends on its arguments alone, so it
    can run in another process while the model speaks the next sentence.
    """

    shape_voice: Callable[[Clip, VoiceProfile], Clip]

    def model_speech(self, text: str, voice: VoiceProfile) -> Clip:
        """The model's own speech for `text` with `voice`'s model settings."""


ENGINE_NAMES = ("auto", "espeak", "mms")


@dataclass(frozen=True)
class EngineChoice:
    """The loaded engine and, when `auto` fell back to espeak-ng, why."""

    engine: Engine
    notice: str | None = None


def load_engine(name: str, model_dir: Path | None = None, precision: str = "auto") -> Engine:
    """Load an engine once; callers reuse it for a whole run."""
    if name == "espeak":
        from bulletin.engines.espeak import EspeakEngine

        return EspeakEngine()
    if name == "mms":
        from bulletin.engines.mms import MmsEngine
        from bulletin.tts_models import resolve_model_dir

        return MmsEngine(resolve_model_dir(model_dir), precision=precision)
    raise BulletinError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINE_NAMES)}")


def choose_engine(
    name: str, model_dir: Path | None = None, precision: str = "auto"
) -> EngineChoice:
    """`auto`: the neural engine when it is installed and its model is on disk, else
    espeak-ng with a notice saying how to get the neural voice. Never downloads.

    A model folder named explicitly (`--model-dir`, `$BULLETIN_MODEL_DIR`) must work:
    a problem with it is an error, not a fallback.
    """
    if name != "auto":
        return EngineChoice(load_engine(name, model_dir, precision))
    from bulletin.engines.mms import NEURAL_EXTRA, neural_available
    from bulletin.tts_models import MODEL_DIR_ENV, resolve_model_dir

    folder = resolve_model_dir(model_dir)
    explicit = model_dir is not None or bool(os.environ.get(MODEL_DIR_ENV))
    if explicit:
        return EngineChoice(load_engine("mms", folder, precision))
    if not neural_available():
        notice = (
            "using espeak-ng: the neural engine is not installed; for the neural voice, "
            f"{NEURAL_EXTRA}, then bulletin models pull mms-urdu"
        )
    elif not folder.is_dir():  # here `folder` is Coqui's default folder
        notice = (
            f"using espeak-ng: no neural model in {folder}; get it with "
            "bulletin models pull mms-urdu, or point --model-dir at a downloaded one"
        )
    else:
        return EngineChoice(load_engine("mms", folder, precision))
    return EngineChoice(load_engine("espeak"), notice)
