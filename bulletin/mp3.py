"""MP3 encoding and decoding through libsndfile (LAME and mpg123); no external binaries.

Bitrate control. libsndfile turns `compression_level` c in [0, 1] into a LAME CBR bitrate
`(int)(top - c * (top - bottom))`, where [bottom, top] is [32, 320] kbps for MPEG-1 rates
(>= 32 kHz), [8, 160] for MPEG-2 (16-24 kHz) and [8, 64] for MPEG-2.5 (< 16 kHz); see
`mpeg_l3_encoder_set_quality` in libsndfile's src/mpeg_l3_encode.c. We invert that mapping
aiming half a kbps above the wanted rate, so the C truncation lands exactly on it, and pass
`bitrate_mode="CONSTANT"`. Only the standard bitrates of the MPEG version are accepted
(LAME would silently round anything else to its nearest one).

Encoder delay. On a seekable output (a path or a BytesIO) LAME writes a Xing "Info" frame with
a LAME tag recording the encoder delay and padding, and libsndfile's mpg123 decoder honours it:
the decoded audio has exactly the input's length and no offset (checked by cross-correlation,
see tests/test_mp3.py). The tag only fits a CBR frame of at least side-info + 156 bytes (LAME's
InitVbrTag); for smaller frames (<= 48 kbps at 44.1 kHz) the decoded audio would start 1105
samples late (576 encoder delay + 529 decoder delay) and be padded to whole frames, so such
bitrates are refused and `DECODER_OFFSET_SAMPLES` is 0 for everything this module writes.

Level. LAME's CBR/ABR presets scale the input before encoding (the `scale` column of
abr_switch_map in LAME's presets.c): 0.95 (-0.446 dB) up to 160 kbps, 0.97 at 192, 0.98 at
224, 1.0 from 256 kbps. `encoder_gain_db` measures it, so loudness targets can allow for it.

Encoding is deterministic: the same samples, rate and bitrate give the same bytes.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import soundfile as sf

from bulletin.errors import BulletinError
from bulletin.model import Clip

# Samples by which decoded audio lags the encoded input (gapless info is always written).
DECODER_OFFSET_SAMPLES = 0

SAMPLE_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)
_MPEG1_KBPS = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_MPEG2_KBPS = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
_LAME_TAG_BYTES = 156  # LAMEHEADERSIZE in LAME's VbrTag.h


def _mpeg1(sample_rate: int) -> bool:
    return sample_rate >= 32000


def _kbps_range(sample_rate: int) -> tuple[int, int]:
    """The (bottom, top) kbps that libsndfile maps compression levels 1.0 and 0.0 to."""
    if _mpeg1(sample_rate):
        return 32, 320
    if sample_rate >= 16000:
        return 8, 160
    return 8, 64


def _tag_fits(bitrate_kbps: int, sample_rate: int) -> bool:
    """Whether LAME can write its gapless (Info/LAME) tag into one mono frame."""
    mpeg1 = _mpeg1(sample_rate)
    frame_bytes = (144000 if mpeg1 else 72000) * bitrate_kbps // sample_rate
    side_info = 4 + (17 if mpeg1 else 9)  # frame header + mono side information
    return frame_bytes >= side_info + _LAME_TAG_BYTES


def supported_bitrates(sample_rate: int) -> tuple[int, ...]:
    """The CBR bitrates (kbps) that mono MP3 at `sample_rate` can be encoded with here."""
    if sample_rate not in SAMPLE_RATES:
        return ()
    bottom, top = _kbps_range(sample_rate)
    table = _MPEG1_KBPS if _mpeg1(sample_rate) else _MPEG2_KBPS
    return tuple(b for b in table if bottom <= b <= top and _tag_fits(b, sample_rate))


def _compression_level(bitrate_kbps: int, sample_rate: int) -> float:
    """The libsndfile compression level that selects `bitrate_kbps` in CBR mode."""
    if sample_rate not in SAMPLE_RATES:
        rates = ", ".join(str(r) for r in SAMPLE_RATES)
        raise BulletinError(f"MP3 cannot use a sample rate of {sample_rate} Hz; use one of {rates}")
    allowed = supported_bitrates(sample_rate)
    if bitrate_kbps not in allowed:
        choices = ", ".join(str(b) for b in allowed)
        raise BulletinError(
            f"MP3 bitrate {bitrate_kbps} kbps is not available at {sample_rate} Hz; "
            f"choose one of {choices}"
        )
    bottom, top = _kbps_range(sample_rate)
    return min(1.0, max(0.0, (top - bitrate_kbps - 0.5) / (top - bottom)))


def _samples(clip: Clip) -> np.ndarray:
    data = np.asarray(clip.samples, dtype=np.float32)
    if data.ndim != 1:
        raise BulletinError(f"MP3 encoding expects mono audio, got shape {data.shape}")
    if data.size == 0:
        raise BulletinError("cannot encode an empty clip to MP3")
    peak = float(np.max(np.abs(data)))
    if not np.isfinite(peak):
        raise BulletinError("cannot encode audio containing NaN or infinite samples")
    return np.clip(data, -1.0, 1.0) if peak > 1.0 else data


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C until the block is done, then deliver it.

    On an in-memory file libsndfile calls back into Python for every block it reads or
    writes; cffi swallows an exception raised in such a callback and the block is lost, so
    an encode interrupted there would return a damaged MP3 as if nothing had happened.
    """
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or not callable(previous):
        yield
        return
    caught: list[object] = []
    signal.signal(signal.SIGINT, lambda *args: caught.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        previous(signal.SIGINT, None)  # the default handler raises KeyboardInterrupt


def _lame(data: np.ndarray, sample_rate: int, level: float) -> bytes:
    buffer = io.BytesIO()
    try:
        with _interrupts_held():
            sf.write(
                buffer,
                data,
                sample_rate,
                format="MP3",
                subtype="MPEG_LAYER_III",
                compression_level=level,
                bitrate_mode="CONSTANT",
            )
    except (sf.LibsndfileError, ValueError, TypeError) as exc:
        raise BulletinError(f"MP3 encoding failed: {exc}") from exc
    return buffer.getvalue()


def encode_mp3_bytes(clip: Clip, bitrate_kbps: int = 128) -> bytes:
    """Encode a mono clip as constant-bit-rate MP3 at the clip's sample rate, in memory.

    Samples outside [-1, 1] are clipped. Deterministic: the same clip gives the same bytes.
    """
    level = _compression_level(bitrate_kbps, clip.sample_rate)
    return _lame(_samples(clip), clip.sample_rate, level)


def encode_mp3(clip: Clip, path: str | os.PathLike[str], bitrate_kbps: int = 128) -> None:
    """Write `clip` to `path` as mono CBR MP3; the bytes equal `encode_mp3_bytes(clip, ...)`."""
    payload = encode_mp3_bytes(clip, bitrate_kbps)
    try:
        Path(path).write_bytes(payload)
    except OSError as exc:
        raise BulletinError(f"cannot write {path}: {exc.strerror or exc}") from exc


@functools.lru_cache(maxsize=32)
def encoder_gain_db(bitrate_kbps: int = 128, sample_rate: int = 44100) -> float:
    """Level change (dB, to 0.001) of a 997 Hz tone through encoding and decoding."""
    t = np.arange(sample_rate // 2) / sample_rate
    tone = (0.5 * np.sin(2 * np.pi * 997 * t) * np.hanning(t.size)).astype(np.float32)
    decoded = decode_mp3_bytes(encode_mp3_bytes(Clip(tone, sample_rate), bitrate_kbps)).samples
    ratio = float(np.dot(decoded, tone) / np.dot(tone, tone))
    return round(20 * np.log10(ratio), 3)


def _decode(source: str | os.PathLike[str] | io.BytesIO, name: str) -> Clip:
    try:
        with _interrupts_held():
            data, rate = sf.read(source, dtype="float32")
    except (sf.LibsndfileError, RuntimeError, ValueError) as exc:
        raise BulletinError(f"cannot decode MP3 {name}: {exc}") from exc
    mono = data if data.ndim == 1 else data.mean(axis=1, dtype=np.float32)
    return Clip(mono, int(rate))


def decode_mp3(path: str | os.PathLike[str]) -> Clip:
    """Decode an MP3 file to mono float32 (stereo is averaged); gapless-trimmed by mpg123."""
    if not Path(path).is_file():
        raise BulletinError(f"MP3 file not found: {path}")
    return _decode(path, str(path))


def decode_mp3_bytes(data: bytes) -> Clip:
    """Decode MP3 bytes (as from `encode_mp3_bytes`) to mono float32."""
    return _decode(io.BytesIO(data), "data")
