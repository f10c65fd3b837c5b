"""Neural engine: Meta's MMS-TTS Urdu VITS model, loaded and run by Coqui TTS.

The model folder is read by Coqui's fairseq loader (`Vits.load_fairseq_checkpoint`, the
call Coqui's `TTS("tts_models/urd-script_arabic/fairseq/vits")` makes once the files are
on disk), so bulletin never triggers Coqui's implicit download. Each call speaks one
sentence that our own Urdu splitter produced; Coqui's sentence splitter, trimming and
padding are bypassed by calling the model's inference directly.

VITS samples noise for durations and the acoustic latent. Every call seeds torch's
generator from the text and the voice, so the same input gives the same audio.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from bulletin.errors import BulletinError
from bulletin.model import Clip, VoiceProfile
from bulletin.normalize import PUNCTUATION
from bulletin.tts_models import MMS_URDU, ModelFolder, inspect_model_dir
from bulletin.voice_transform import check_settings, transform

MAX_CHARS = 200  # MMS was trained on verse-length utterances; longer text is cut at clauses
PRECISIONS = ("auto", "fp32", "bf16")
DECODER_FORMS = 2  # revision of hifigan.py's layer forms, in the cache key: bump on change
NEURAL_EXTRA = "install it as the README says (torch first, then pip install -e '.[neural]')"


def neural_available() -> bool:
    """Whether the `neural` extra (Coqui TTS and torch) is installed, without importing it."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("TTS", "torch", "parselmouth"))


def shape_voice(clip: Clip, voice: VoiceProfile) -> Clip:
    """The voice's pitch and formant shift applied to the model's speech."""
    return transform(clip, voice.mms)


class MmsEngine:
    """MMS Urdu VITS through Coqui TTS; one model per run, shared by every voice."""

    name = "mms"
    max_chars = MAX_CHARS
    credit = MMS_URDU.credit
    multiprocess = False  # one model in memory; torch uses the cores within each call
    shape_voice = staticmethod(shape_voice)  # see VoiceShapingEngine

    def __init__(
        self, model_dir: Path, threads: int | None = None, precision: str = "auto"
    ) -> None:
        if not neural_available():
            raise BulletinError(f"the neural engine is not installed: {NEURAL_EXTRA}")
        self.folder = inspect_model_dir(model_dir)
        self.precision = resolve_precision(precision)
        self._threads = threads
        self._loaded: Any = None
        self._symbols = frozenset(self.folder.symbols)
        self._lock = threading.Lock()
        self._trim = _trimmer()
        self.sample_rate = self.folder.sample_rate

    @functools.cached_property
    def identity(self) -> str:
        """A hash of the model files (read once, and only when the cache needs it), the
        decoder's precision and the revision of its layer forms: both change the samples
        slightly."""
        return f"mms:{self.folder.fingerprint()}:{self.precision}:decoder{DECODER_FORMS}"

    @property
    def _model(self) -> Any:
        """The VITS model, loaded on first use: a rerun served from the cache never
        imports torch or reads the weights."""
        with self._lock:
            if self._loaded is None:
                self._loaded = _load_vits(self.folder, self._threads, self.precision)
            return self._loaded

    def load(self) -> None:
        """Load the model now (to fail early, or to time loading apart from synthesis)."""
        _ = self._model

    def speakable(self, char: str) -> bool:
        return char in self._symbols

    def check_voice(self, voice: VoiceProfile) -> None:
        check_settings(voice.name, voice.mms)

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        return shape_voice(self.model_speech(text, voice), voice)

    def model_speech(self, text: str, voice: VoiceProfile) -> Clip:
        """The model's speech, before the voice's pitch and formant shift."""
        ids = self._token_ids(text)
        if not ids:
            return Clip(np.zeros(0, np.float32), self.sample_rate)
        return Clip(self._infer(ids, voice, seed_for(text, voice)), self.sample_rate)

    def _token_ids(self, text: str) -> list[int]:
        """The model's ids for `text`. Punctuation outside the vocabulary becomes a space:
        pauses and intonation come from our timeline. Any other unknown character is an
        error, never dropped (normalization reports and removes those beforehand)."""
        kept = []
        for char in text:
            if char in self._symbols:
                kept.append(char)
            elif char in PUNCTUATION or char.isspace():
                kept.append(" ")
            else:
                raise BulletinError(f"{char!r} is not in the MMS model's vocabulary")
        cleaned = " ".join("".join(kept).split())
        if not any(c != " " for c in cleaned):
            return []
        return list(self._model.tokenizer.text_to_ids(cleaned))

    def _infer(self, ids: list[int], voice: VoiceProfile, seed: int) -> np.ndarray:
        import torch

        settings = voice.mms
        model = self._model
        with self._lock, torch.inference_mode():
            model.length_scale = settings.length_scale
            model.inference_noise_scale = settings.noise_scale
            model.inference_noise_scale_dp = settings.noise_scale_w
            torch.manual_seed(seed)
            outputs = model.inference(torch.LongTensor([ids]))
            samples = outputs["model_outputs"][0, 0].numpy().astype(np.float32)
            del outputs
            self._trim()
        return samples


def resolve_precision(precision: str) -> str:
    """`fp32` or `bf16`; `auto` is bf16 where the CPU computes it natively (AVX512-BF16 or
    AMX), where it halves the decoder's time, and fp32 elsewhere, where bf16 is emulated."""
    if precision not in PRECISIONS:
        raise BulletinError(
            f"unknown precision {precision!r}; choose one of: {', '.join(PRECISIONS)}"
        )
    if precision != "auto":
        return precision
    return "bf16" if native_bf16() else "fp32"


@functools.cache
def native_bf16() -> bool:
    """Whether this CPU has bfloat16 arithmetic (Linux: its flags in /proc/cpuinfo)."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(flag in flags.split() for flag in ("avx512_bf16", "amx_bf16"))


def seed_for(text: str, voice: VoiceProfile) -> int:
    """A 63-bit seed from the text and the voice's settings: same input, same speech."""
    key = json.dumps([text, asdict(voice.mms)], ensure_ascii=False, sort_keys=True)
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") >> 1


def _trimmer() -> Callable[[], None]:
    """A call that hands memory freed by the last sentence back to the system.

    Each sentence's activations are tens of MB of differently sized tensors; glibc keeps
    what they leave in a fragmented heap that only grows (peak RSS 1.8 GB on the seed).
    `malloc_trim` after each sentence returns it at no measurable cost in speed (a fixed
    mmap threshold saved a little more memory but made synthesis 1.7 times slower).
    A no-op where the C library is not glibc.
    """
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return lambda: trim(0) and None


def _load_vits(folder: ModelFolder, threads: int | None, precision: str = "fp32") -> Any:
    """Coqui's VITS model with the fairseq checkpoint loaded, ready for inference."""
    # OpenMP threads that spin while waiting make torch several times slower as soon as
    # another process wants a core (measured: RTF 2.4 spinning vs 0.65-1.0 sleeping on a
    # busy 2-core machine). Read once, when torch first loads; the user's setting wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    # Every new sentence length adds oneDNN convolution plans; a small cache keeps the
    # reuse that matters and 100 MB less resident (same speed, measured).
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "8")
    import torch
    from torch.nn.utils import parametrize

    torch.set_num_threads(threads or os.cpu_count() or 1)
    logging.getLogger("TTS").setLevel(logging.ERROR)  # Coqui's English-only notices
    from TTS.tts.configs.vits_config import VitsConfig
    from TTS.tts.models.vits import Vits, VitsArgs

    from bulletin.engines import hifigan

    # No discriminator: it only serves training, and building it costs 180 MB.
    config = VitsConfig(model_args=VitsArgs(init_discriminator=False))
    model = Vits(config)
    try:
        model.load_fairseq_checkpoint(config, folder.checkpoint, eval=True)
    except (RuntimeError, KeyError, OSError, EOFError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error)
        raise BulletinError(f"{folder.checkpoint}: cannot load the model ({first_line})") from None
    # Weight norm is a training device: fold it into plain weights once, instead of
    # recomputing every weight on every call (same output, less work).
    for module in model.modules():
        if parametrize.is_parametrized(module, "weight"):
            parametrize.remove_parametrizations(module, "weight")
    decoder = hifigan.faster_layers(model.waveform_decoder)
    model.waveform_decoder = hifigan.bfloat16(decoder) if precision == "bf16" else decoder
    gc.collect()  # the checkpoint's tensors, read and copied, go now rather than later
    return model
