"""Loudness and true-peak meters against independent references, limiter, mastering."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest
from scipy import signal

from bulletin import mastering
from bulletin.errors import BulletinError
from bulletin.mastering import (
    integrated_loudness,
    k_weighting_sos,
    limit,
    master,
    resample,
    true_peak,
)
from bulletin.model import Clip
from bulletin.mp3 import decode_mp3, encode_mp3

RATES = (22050, 44100, 48000)


def speech_like(seconds: float, rate: int, seed: int = 0, burst: float = 1.5) -> np.ndarray:
    """A speech stand-in: voiced syllables grouped in words, pauses, plosive spikes at onsets."""
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    envelope = np.zeros(n)
    pos = int(0.2 * rate)
    while pos < n:
        for _ in range(rng.integers(1, 5)):  # a word of 1-4 syllables
            length = int(rng.uniform(0.12, 0.3) * rate)
            syllable = (np.hanning(length) ** 0.7 * rng.uniform(0.3, 1.0))[: max(0, n - pos)]
            envelope[pos : pos + len(syllable)] = syllable
            pos += length
        pause = rng.uniform(0.4, 0.9) if rng.random() < 0.2 else rng.uniform(0.05, 0.15)
        pos += int(pause * rate)
    walk = np.cumsum(rng.standard_normal(n)) / np.sqrt(rate) * 20
    f0 = 140 + np.clip(walk - np.linspace(0, walk[-1], n), -40, 60)
    phase = 2 * np.pi * np.cumsum(f0) / rate
    theta = rng.uniform(0, 2 * np.pi, 30)
    voiced = sum(np.sin(k * phase + theta[k]) / k**1.5 for k in range(1, 30))
    voice_band = signal.butter(2, [200, 3500], "bandpass", fs=rate, output="sos")
    hiss_band = signal.butter(4, [2500, min(7000, 0.45 * rate)], "bandpass", fs=rate, output="sos")
    hiss = signal.sosfilt(hiss_band, rng.standard_normal(n))
    x = (signal.sosfilt(voice_band, voiced) + 0.3 * hiss) * envelope
    width = rate // 200
    click = np.sin(2 * np.pi * np.arange(width) / width) * np.hanning(width)
    click *= burst * np.abs(x).max() / np.abs(click).max()
    onsets = np.flatnonzero((envelope[1:] > 0) & (envelope[:-1] == 0))
    for start in rng.choice(onsets[onsets < n - width], int(seconds)):
        x[start : start + width] += click
    return 0.25 * x / np.abs(x).max()


def pink_noise(n: int, rng: np.random.Generator) -> np.ndarray:
    spectrum = np.fft.rfft(rng.standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
    x = np.fft.irfft(spectrum, n)
    return 0.2 * x / np.std(x)


def faded(x: np.ndarray, rate: int) -> np.ndarray:
    """Fade in and out over 50 ms so interpolation does not ring at hard edges."""
    m = int(0.05 * rate)
    ramp = np.hanning(2 * m)
    x = x.copy()
    x[:m] *= ramp[:m]
    x[-m:] *= ramp[m:]
    return x


def fft_true_peak(x: np.ndarray, factor: int = 16) -> float:
    """Independent true peak: ideal band-limited (FFT) interpolation at 16x."""
    up = signal.resample(np.asarray(x, dtype=np.float64), len(x) * factor)
    return 20 * np.log10(np.abs(up).max())


def crest_db(x: np.ndarray) -> float:
    return 20 * np.log10(np.abs(x).max() / np.sqrt(np.mean(np.square(x, dtype=np.float64))))


# ---------------------------------------------------------------- loudness meter


def test_k_weighting_at_48k_is_the_bs1770_table():
    sos = k_weighting_sos(48000)
    shelf = [1.53512485958697, -2.69169618940638, 1.19839281085285]
    shelf += [1.0, -1.69065929318241, 0.73248077421585]
    np.testing.assert_allclose(sos[0], shelf, atol=1e-12)
    np.testing.assert_allclose(
        sos[1], [1, -2, 1, 1, -1.99004745483398, 0.99007225036621], atol=1e-12
    )


@pytest.mark.parametrize("rate", [44100, 48000])
def test_full_scale_997_hz_sine_reads_minus_3_01(rate):
    t = np.arange(10 * rate) / rate
    assert integrated_loudness(np.sin(2 * np.pi * 997 * t), rate) == pytest.approx(-3.01, abs=0.02)


def _signals(rate: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(rate)
    n = 12 * rate
    t = np.arange(n) / rate
    return {
        "sine 1 kHz at -3 dBFS": 10 ** (-3 / 20) * np.sin(2 * np.pi * 1000 * t),
        "sine 100 Hz": 0.3 * np.sin(2 * np.pi * 100 * t),
        "white noise": 0.1 * rng.standard_normal(n),
        "pink noise": pink_noise(n, rng),
        "speech-like with pauses": speech_like(12, rate, seed=rate),
    }


@pytest.mark.parametrize("rate", RATES)
def test_loudness_agrees_with_pyloudnorm(rate):
    meter = pyloudnorm.Meter(rate)
    for name, x in _signals(rate).items():
        ours = integrated_loudness(x, rate)
        theirs = meter.integrated_loudness(x)
        assert ours == pytest.approx(theirs, abs=0.1), name


def gated_programme(rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Speech, then quiet room tone (above the absolute, below the relative gate), then silence."""
    speech = 3.0 * speech_like(12, rate, seed=7)
    room = 0.0025 * np.random.default_rng(7).standard_normal(6 * rate)  # about -25 LU down
    return speech, np.concatenate([speech, room, np.zeros(6 * rate)])


@pytest.mark.parametrize("rate", RATES)
def test_gates_exclude_room_tone_and_silence(rate):
    speech, programme = gated_programme(rate)
    gated = integrated_loudness(programme, rate)
    weighted = signal.sosfilt(k_weighting_sos(rate), programme)
    ungated = -0.691 + 10 * np.log10(np.mean(weighted**2))
    assert gated - ungated > 2.0  # the gates matter for this signal...
    assert gated == pytest.approx(integrated_loudness(speech, rate), abs=0.1)  # ...and work
    assert gated == pytest.approx(pyloudnorm.Meter(rate).integrated_loudness(programme), abs=0.1)


def test_silence_and_short_input_measure_minus_infinity():
    assert integrated_loudness(np.zeros(44100), 44100) == -np.inf
    assert integrated_loudness(np.ones(1000) * 0.5, 44100) == -np.inf  # shorter than a block


# ---------------------------------------------------------------- true peak


@pytest.mark.parametrize("rate", RATES)
def test_true_peak_finds_inter_sample_peak(rate):
    n = np.arange(2 * rate)
    x = faded(np.sin(np.pi / 2 * n + np.pi / 4), rate)  # fs/4, samples at +-0.707 of the peak
    sample_peak = 20 * np.log10(np.abs(x).max())
    assert sample_peak == pytest.approx(-3.01, abs=0.01)
    ours = true_peak(x, rate)
    assert ours > sample_peak + 2.9
    assert ours == pytest.approx(fft_true_peak(x), abs=0.02)
    assert ours == pytest.approx(0.0, abs=0.02)


@pytest.mark.parametrize("frequency", [997, 5000, 11000, 17000])
def test_true_peak_matches_fft_reference_across_the_band(frequency):
    rate = 44100
    n = np.arange(rate)
    x = faded(0.5 * np.sin(2 * np.pi * frequency / rate * n + 0.3), rate)
    assert true_peak(x, rate) == pytest.approx(fft_true_peak(x), abs=0.01)


def test_true_peak_of_silence():
    assert true_peak(np.zeros(1000), 44100) == -np.inf


@pytest.mark.parametrize("factor", [4, 12])
@pytest.mark.parametrize("length", [5, 1000, 2 * 1024 + 37])
def test_interpolation_is_resample_poly_with_the_same_filter(monkeypatch, factor, length):
    """The matrix form gives scipy's zero-stuff-and-filter result, across chunk edges and a
    last block that is not whole; each chunk comes back with its own input samples."""
    monkeypatch.setattr(mastering, "_CHUNK_SAMPLES", 1024)
    x = np.random.default_rng(length).standard_normal(length).astype(np.float32)
    expected = signal.resample_poly(x, factor, 1, window=mastering._interpolator(factor))
    chunks = list(mastering._oversampled_chunks(x, factor))
    assert len(chunks) == -(-length // 1024)
    assert np.array_equal(np.concatenate([chunk for chunk, _ in chunks]), x)
    rows = np.concatenate([rows for _, rows in chunks])
    assert rows.shape == (length, factor)
    assert np.allclose(rows.ravel(), expected, rtol=0, atol=1e-6)


# ---------------------------------------------------------------- resampling and limiter


def test_resample_changes_rate_and_keeps_level():
    rate = 22050
    t = np.arange(rate) / rate
    clip = Clip((0.5 * np.sin(2 * np.pi * 1000 * t)).astype(np.float32), rate)
    for new_rate in (44100, 48000, 16000):
        out = resample(clip, new_rate)
        assert out.sample_rate == new_rate
        assert out.samples.dtype == np.float32
        assert len(out.samples) == pytest.approx(new_rate, abs=1)
        middle = out.samples[new_rate // 4 : -new_rate // 4]
        assert np.sqrt(2 * np.mean(middle.astype(float) ** 2)) == pytest.approx(0.5, rel=0.01)


def test_gain_curve_never_exceeds_the_required_gain():
    rng = np.random.default_rng(5)
    need = np.ones(50000)
    spikes = rng.choice(50000, 60)
    need[spikes] = rng.uniform(0.05, 0.9, spikes.size)
    size = mastering._BLOCK_SAMPLES
    padded = np.pad(need, (0, -len(need) % size), constant_values=1.0)
    block_need = padded.reshape(-1, size).min(axis=1)  # what the limiter derives from peaks
    curve = mastering._gain_curve(block_need, 44100, len(need))
    assert len(curve) == len(need)
    assert np.all(curve <= need + 1e-6)  # float32 curve
    assert np.all(curve > 0)
    assert np.max(np.abs(np.diff(curve))) < 0.02  # smooth: no steps


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("ceiling", [-1.0, -3.0])
def test_limiter_keeps_oversampled_peak_under_ceiling(rate, ceiling):
    x = (8.0 * speech_like(10, rate, seed=3)).astype(np.float32)  # peaks about +6 dBTP
    assert true_peak(x, rate) > 5.0
    out = limit(Clip(x, rate), ceiling)
    assert true_peak(out.samples, rate) <= ceiling
    assert fft_true_peak(out.samples) <= ceiling + 0.005
    # peaks lose (tp - ceiling) dB, the body of the speech much less
    loss = integrated_loudness(x, rate) - integrated_loudness(out.samples, rate)
    assert 0 <= loss < 0.5 * (true_peak(x, rate) - ceiling)


# ---------------------------------------------------------------- mastering


@pytest.mark.parametrize("rate,seed", [(22050, 1), (44100, 2), (48000, 3)])
def test_master_meets_podcast_targets_on_the_decoded_mp3(tmp_path, rate, seed):
    x = speech_like(20, rate, seed=seed).astype(np.float32)
    assert crest_db(x) > 20.0
    result = master(Clip(x, rate))
    mastered, report = result.clip, result.loudness
    assert mastered.sample_rate == 44100 and mastered.samples.dtype == np.float32

    path = tmp_path / "episode.mp3"
    encode_mp3(mastered, path, 128)
    assert path.read_bytes() == result.mp3  # the bytes that were measured
    decoded = decode_mp3(path)
    lufs = pyloudnorm.Meter(decoded.sample_rate).integrated_loudness(decoded.samples)
    assert lufs == pytest.approx(-16.0, abs=0.5)
    assert fft_true_peak(decoded.samples) <= -1.0

    # the report describes exactly this file
    again = mastering.measure(decoded)
    assert report.integrated_lufs == pytest.approx(again.integrated_lufs, abs=1e-9)
    assert report.true_peak_dbtp == pytest.approx(again.true_peak_dbtp, abs=1e-9)
    assert report.integrated_lufs == pytest.approx(-16.0, abs=0.2)
    assert report.true_peak_dbtp <= -1.0


def test_master_without_limiting_needed():
    rate = 44100
    t = np.arange(8 * rate) / rate
    tone = 0.05 * np.sin(2 * np.pi * 440 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t))
    report = master(Clip(tone.astype(np.float32), rate)).loudness
    assert report.integrated_lufs == pytest.approx(-16.0, abs=0.2)
    assert report.true_peak_dbtp <= -1.0


def test_master_is_deterministic():
    x = Clip(speech_like(6, 44100, seed=9).astype(np.float32), 44100)
    first, second = master(x), master(x)
    assert np.array_equal(first.clip.samples, second.clip.samples)
    assert first.mp3 == second.mp3 and first.loudness == second.loudness


@pytest.mark.parametrize(
    "samples",
    [
        np.zeros(44100 * 3),
        1e-6 * np.random.default_rng(0).standard_normal(44100 * 3),  # about -113 LUFS
        np.full(1000, 0.1),  # too short to measure
        np.full(44100, np.nan),
    ],
    ids=["silence", "extremely quiet", "too short", "nan"],
)
def test_master_refuses_unusable_audio(samples):
    with pytest.raises(BulletinError):
        master(Clip(samples.astype(np.float32), 44100))
