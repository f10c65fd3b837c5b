"""The pitch and formant shift that makes distinct voices from one neural speaker."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from bulletin.cast import load_cast
from bulletin.errors import BulletinError
from bulletin.model import Clip, EspeakSettings, MmsSettings, VoiceProfile
from bulletin.voice_transform import check_settings, transform

if os.environ.get("BULLETIN_REQUIRE_NEURAL") == "1":
    import parselmouth
else:
    parselmouth = pytest.importorskip("parselmouth", reason="the neural extra is not installed")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def speech() -> Clip:
    from bulletin.engines import load_engine
    from bulletin.synthesis import speak

    engine = load_engine("espeak")
    voice = VoiceProfile("plain", espeak=EspeakSettings(variant="m1", rate=150, pitch=45))
    return speak(engine, "آج شہر میں موسم خوشگوار رہا اور لوگ بازاروں میں نکل آئے", voice)


def _median_f0(clip: Clip) -> float:
    sound = parselmouth.Sound(clip.samples.astype(np.float64), clip.sample_rate)
    f0 = sound.to_pitch(pitch_floor=60, pitch_ceiling=500).selected_array["frequency"]
    return float(np.median(f0[f0 > 0]))


@pytest.mark.parametrize("semitones", [-5.0, 4.0, 9.0])
def test_pitch_moves_by_the_semitones_asked(speech: Clip, semitones: float) -> None:
    shifted = transform(speech, MmsSettings(pitch_semitones=semitones))
    measured = 12 * np.log2(_median_f0(shifted) / _median_f0(speech))
    assert abs(measured - semitones) < 1.0
    assert shifted.sample_rate == speech.sample_rate
    assert abs(len(shifted.samples) - len(speech.samples)) < 0.02 * len(speech.samples)


def test_formants_move_the_spectrum(speech: Clip) -> None:
    def centroid(clip: Clip) -> float:
        spectrum = np.abs(np.fft.rfft(clip.samples))
        freqs = np.fft.rfftfreq(len(clip.samples), 1 / clip.sample_rate)
        return float((spectrum * freqs).sum() / spectrum.sum())

    brighter = transform(speech, MmsSettings(formant_ratio=1.2))
    darker = transform(speech, MmsSettings(formant_ratio=0.83))
    assert centroid(darker) < centroid(speech) < centroid(brighter)


def test_same_input_same_output_and_identity_is_untouched(speech: Clip) -> None:
    settings = MmsSettings(pitch_semitones=3, formant_ratio=1.1)
    assert (
        transform(speech, settings).samples.tobytes()
        == transform(speech, settings).samples.tobytes()
    )
    assert transform(speech, MmsSettings()) is speech
    silence = Clip(np.zeros(16000, np.float32), 16000)
    assert np.all(np.isfinite(transform(silence, settings).samples))


def test_settings_out_of_range_are_refused() -> None:
    with pytest.raises(BulletinError, match=r"formant_ratio = 2\.0 is outside 0\.7–1\.4"):
        check_settings("v", MmsSettings(formant_ratio=2.0))
    for voice in load_cast(ROOT / "voices").voices.values():
        check_settings(voice.name, voice.mms)
