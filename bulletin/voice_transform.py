"""Pitch and formant shift: several distinct voices from a single-speaker neural model.

Uses Praat's "Change gender" (through praat-parselmouth, a 10 MB wheel with no other
dependencies): pitch-synchronous overlap-add resynthesis with a new pitch median and range,
and a formant shift done by resampling. It keeps speech intelligible over the moderate
shifts a voice cast needs (a few semitones, formants within about ±20 %), and it is
deterministic.
"""

from __future__ import annotations

import hashlib
import math
import warnings

import numpy as np

from bulletin.errors import BulletinError
from bulletin.model import Clip, MmsSettings

PITCH_FLOOR_HZ, PITCH_CEILING_HZ = 60.0, 500.0
LIMITS = {  # setting: (lowest, highest) accepted in a voice profile
    "length_scale": (0.5, 2.0),
    "noise_scale": (0.0, 1.5),
    "noise_scale_w": (0.0, 1.5),
    "pitch_semitones": (-12.0, 12.0),
    "pitch_range": (0.0, 3.0),
    "formant_ratio": (0.7, 1.4),
}


def check_settings(voice: str, settings: MmsSettings) -> None:
    """Raise BulletinError naming the first setting outside its range."""
    for name, (low, high) in LIMITS.items():
        value = getattr(settings, name)
        if not low <= value <= high:
            raise BulletinError(f"voice {voice!r}: mms {name} = {value} is outside {low}–{high}")


def is_identity(settings: MmsSettings) -> bool:
    return (
        settings.pitch_semitones == 0.0
        and settings.pitch_range == 1.0
        and settings.formant_ratio == 1.0
    )


def transform(clip: Clip, settings: MmsSettings) -> Clip:
    """Shift the pitch and formants of `clip` as `settings` say (same length and rate)."""
    if is_identity(settings) or len(clip.samples) < clip.sample_rate // 20:
        return clip
    import parselmouth
    from parselmouth.praat import call

    sound = parselmouth.Sound(clip.samples.astype(np.float64), sampling_frequency=clip.sample_rate)
    # Praat's resynthesis draws random numbers (unvoiced stretches); seed it from the clip
    # so the same input gives the same output in every process.
    parselmouth.praat.run(f"random_initializeWithSeedUnsafelyButPredictably ({_seed(clip)})")
    # One pitch analysis serves both the median and the resynthesis: the time step is the
    # one Praat's Sound "Change gender" uses for its own analysis, so the result is the same
    # as that command's, at three quarters of the cost.
    pitch = call(sound, "To Pitch", 0.8 / PITCH_FLOOR_HZ, PITCH_FLOOR_HZ, PITCH_CEILING_HZ)
    median = _median_pitch(pitch)
    # 0 tells Praat to keep the pitch median (used when no voiced frames are found).
    new_median = median * 2 ** (settings.pitch_semitones / 12) if median else 0.0
    with warnings.catch_warnings():  # "no voiced segments": the pitch is kept, as meant
        warnings.simplefilter("ignore", parselmouth.PraatWarning)
        changed = call(
            [sound, pitch],
            "Change gender",
            settings.formant_ratio,
            new_median,
            settings.pitch_range,
            1.0,
        )
    samples = np.asarray(changed.values[0], dtype=np.float32)
    return Clip(samples, int(changed.sampling_frequency))


def _seed(clip: Clip) -> int:
    digest = hashlib.sha256(np.ascontiguousarray(clip.samples, dtype=np.float32).tobytes())
    return int.from_bytes(digest.digest()[:6], "big")


def _median_pitch(pitch: object) -> float:
    from parselmouth.praat import call

    median = call(pitch, "Get quantile", 0.0, 0.0, 0.5, "Hertz")
    return 0.0 if median is None or math.isnan(median) else float(median)
