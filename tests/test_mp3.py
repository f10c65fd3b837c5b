"""MP3 codec through libsndfile: bitrate control, gapless round trip, determinism."""

from __future__ import annotations

import io
import os
import signal as signals
import threading
import time

import numpy as np
import pytest
import soundfile as sf
from mutagen.mp3 import MP3, BitrateMode
from scipy import signal

from bulletin import mp3
from bulletin.errors import BulletinError
from bulletin.model import Clip


def _programme(seconds: float, rate: int, seed: int = 0) -> Clip:
    """Band-limited noise under a syllable-like envelope, with silent gaps."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    t = np.arange(n) / rate
    sos = signal.butter(4, [150, min(6000, 0.4 * rate)], "bandpass", fs=rate, output="sos")
    noise = signal.sosfilt(sos, rng.standard_normal(n))
    envelope = np.clip(np.sin(2 * np.pi * 3.3 * t), 0, None) * (np.sin(2 * np.pi * 0.7 * t) > -0.5)
    x = noise * envelope
    return Clip((0.5 * x / np.abs(x).max()).astype(np.float32), rate)


def _lag(reference: np.ndarray, decoded: np.ndarray) -> int:
    """The delay of `decoded` relative to `reference` that best aligns them."""
    corr = signal.correlate(decoded, reference, mode="full", method="fft")
    return int(np.argmax(corr)) - (len(reference) - 1)


def test_roundtrip_keeps_duration_rate_and_waveform(tmp_path):
    clip = _programme(3.3, 44100)
    path = tmp_path / "out.mp3"
    mp3.encode_mp3(clip, path)
    decoded = mp3.decode_mp3(path)
    assert decoded.sample_rate == 44100
    assert decoded.samples.dtype == np.float32 and decoded.samples.ndim == 1
    assert abs(decoded.duration - clip.duration) < 0.05
    assert len(decoded.samples) == len(clip.samples)  # gapless: delay and padding trimmed
    gain = 10 ** (mp3.encoder_gain_db(128, 44100) / 20)
    error = decoded.samples - gain * clip.samples
    assert np.sqrt(np.mean(error**2)) < 0.15 * np.sqrt(np.mean(clip.samples**2))


def test_cbr_128_mono_44100_by_mutagen(tmp_path):
    clip = _programme(5.0, 44100)
    path = tmp_path / "out.mp3"
    mp3.encode_mp3(clip, path, bitrate_kbps=128)
    info = MP3(path).info
    assert info.bitrate == 128000
    assert info.bitrate_mode == BitrateMode.CBR
    assert info.channels == 1
    assert info.sample_rate == 44100
    assert abs(info.length - clip.duration) < 0.05
    frame_bytes = 144 * 128000 / 44100  # about 418 bytes per 1152-sample frame
    size = path.stat().st_size
    assert abs(size - clip.duration * 128000 / 8) < 3 * frame_bytes  # plus Info frame, padding


@pytest.mark.parametrize("bitrate", [64, 96, 160, 192, 256, 320])
def test_other_standard_bitrates_are_exact(tmp_path, bitrate):
    path = tmp_path / "out.mp3"
    mp3.encode_mp3(_programme(2.0, 44100), path, bitrate_kbps=bitrate)
    info = MP3(path).info
    assert round(info.bitrate / 1000) == bitrate
    assert info.bitrate_mode == BitrateMode.CBR


@pytest.mark.parametrize("rate,bitrate", [(22050, 64), (48000, 128), (16000, 48), (32000, 96)])
def test_other_rates_round_trip(rate, bitrate):
    clip = _programme(2.0, rate)
    data = mp3.encode_mp3_bytes(clip, bitrate)
    decoded = mp3.decode_mp3_bytes(data)
    assert decoded.sample_rate == rate
    assert len(decoded.samples) == len(clip.samples)


@pytest.mark.parametrize(
    "rate,bitrate",
    [(44100, 100), (44100, 32), (44100, 48), (44100, 400), (22050, 192), (44000, 128)],
)
def test_unavailable_bitrate_or_rate_raises(rate, bitrate):
    with pytest.raises(BulletinError):
        mp3.encode_mp3_bytes(Clip(np.zeros(rate, dtype=np.float32), rate), bitrate)


def test_supported_bitrates_follow_the_lame_tag_rule():
    assert mp3.supported_bitrates(44100) == (56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
    assert mp3.supported_bitrates(22050)[0] == 56
    assert mp3.supported_bitrates(12345) == ()


def test_encoding_is_deterministic(tmp_path):
    clip = _programme(4.0, 44100, seed=3)
    level = mp3._compression_level(128, 44100)
    first = mp3._lame(clip.samples, 44100, level)
    second = mp3._lame(clip.samples.copy(), 44100, level)
    assert first == second
    path = tmp_path / "out.mp3"
    mp3.encode_mp3(clip, path)
    assert path.read_bytes() == first == mp3.encode_mp3_bytes(clip)


@pytest.mark.parametrize("rate", [22050, 44100, 48000])
def test_decoded_offset_is_the_documented_constant(rate):
    clip = _programme(3.0, rate, seed=1)
    bitrate = 64 if rate < 32000 else 128
    decoded = mp3.decode_mp3_bytes(mp3.encode_mp3_bytes(clip, bitrate))
    assert _lag(clip.samples, decoded.samples) == mp3.DECODER_OFFSET_SAMPLES == 0


def test_without_the_lame_tag_audio_would_be_delayed():
    """Why low bitrates are refused: with no room for the tag mpg123 cannot trim the delay."""
    clip = _programme(2.0, 44100, seed=2)
    buffer = io.BytesIO()
    level = 0.998  # 32 kbps: a 104-byte frame, too small for the LAME tag
    sf.write(
        buffer, clip.samples, 44100, format="MP3", compression_level=level, bitrate_mode="CONSTANT"
    )
    buffer.seek(0)
    decoded, _ = sf.read(buffer, dtype="float32")
    assert len(decoded) > len(clip.samples)
    assert _lag(clip.samples, decoded) == 1105  # 576 encoder + 529 decoder delay


def test_encoder_gain_is_lames_preset_scale():
    assert mp3.encoder_gain_db(128, 44100) == pytest.approx(20 * np.log10(0.95), abs=0.01)
    assert mp3.encoder_gain_db(320, 44100) == pytest.approx(0.0, abs=0.01)


def test_decode_averages_stereo(tmp_path):
    path = tmp_path / "stereo.mp3"
    left = _programme(1.0, 44100).samples
    sf.write(path, np.stack([left, np.zeros_like(left)], axis=1), 44100, format="MP3")
    decoded = mp3.decode_mp3(path)
    assert decoded.samples.ndim == 1 and len(decoded.samples) == len(left)


def test_decode_errors_are_bulletin_errors(tmp_path):
    with pytest.raises(BulletinError):
        mp3.decode_mp3(tmp_path / "missing.mp3")
    with pytest.raises(BulletinError):
        mp3.decode_mp3_bytes(b"not an mp3 at all" * 10)


def test_encode_rejects_bad_samples():
    with pytest.raises(BulletinError):
        mp3.encode_mp3_bytes(Clip(np.full(100, np.nan, dtype=np.float32), 44100))
    with pytest.raises(BulletinError):
        mp3.encode_mp3_bytes(Clip(np.zeros((10, 2), dtype=np.float32), 44100))
    with pytest.raises(BulletinError):
        mp3.encode_mp3_bytes(Clip(np.zeros(0, dtype=np.float32), 44100))


@pytest.fixture
def ctrl_c_raises():
    """Python's own Ctrl-C handler, whatever this process inherited: a shell starts
    background jobs with SIGINT ignored, and then no KeyboardInterrupt could arrive."""
    inherited = signals.signal(signals.SIGINT, signals.default_int_handler)
    yield
    signals.signal(signals.SIGINT, inherited)


def test_ctrl_c_inside_a_libsndfile_call_waits_for_it_then_is_raised(ctrl_c_raises):
    """libsndfile's callbacks into Python would swallow a KeyboardInterrupt and lose a block
    of the MP3; the interrupt is held until the call returns, then raised."""
    finished = []
    with pytest.raises(KeyboardInterrupt), mp3._interrupts_held():
        os.kill(os.getpid(), signals.SIGINT)
        time.sleep(0.05)  # the handler has run by now
        finished.append(True)
    assert finished == [True]
    assert signals.getsignal(signals.SIGINT) is signals.default_int_handler

    tone = (0.3 * np.sin(np.arange(44100 * 20) * 0.05)).astype(np.float32)
    timer = threading.Timer(0.05, os.kill, (os.getpid(), signals.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        mp3.encode_mp3_bytes(Clip(tone, 44100))
    timer.join()
