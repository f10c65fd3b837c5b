"""Stage 5, synthesis: speak each segment sentence by sentence with its voice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
from scipy import signal

from bulletin.engines import Engine
from bulletin.model import Cast, Clip, PostProcess, Script, Segment, Utterance, VoiceProfile
from bulletin.normalize import utterances

SILENCE_DB = -45.0  # below this (relative to the clip's peak) counts as silence to trim
TRIM_MARGIN_S = 0.015


def plan_utterances(script: Script, max_chars: int) -> list[list[Utterance]]:
    """The pieces each segment is spoken as, in order, each tied to its written sentence."""
    return [_segment_plan(segment, max_chars) for segment in script.segments]


def _segment_plan(segment: Segment, max_chars: int) -> list[Utterance]:
    if not segment.sentences:  # not normalized: read the text as it is
        return utterances(segment.spoken or segment.text, max_chars)
    return [
        replace(piece, sentence=number)
        for number, sentence in enumerate(segment.sentences)
        for piece in utterances(sentence.spoken, max_chars)
    ]


def synthesize_script(
    script: Script,
    plan: list[list[Utterance]],
    engine: Engine,
    cast: Cast,
    on_utterance: Callable[[], None] | None = None,
) -> list[list[Clip]]:
    """One clip per planned utterance, grouped by segment, in script order."""
    for name in dict.fromkeys(s.voice for s in script.segments if s.voice):
        engine.check_voice(cast.voices[name])
    result = []
    for segment, pieces in zip(script.segments, plan, strict=True):
        voice = _voice_of(segment, cast)
        clips = []
        for piece in pieces:
            clips.append(speak(engine, piece.text, voice))
            if on_utterance:
                on_utterance()
        result.append(clips)
    return result


def speak(engine: Engine, text: str, voice: VoiceProfile) -> Clip:
    """Synthesize, post-process and trim one sentence."""
    return trim_silence(post_process(engine.synthesize(text, voice), voice.post))


def post_process(clip: Clip, post: PostProcess) -> Clip:
    """Apply a voice's optional high-pass, low-pass and gain."""
    samples = clip.samples.astype(np.float64)
    nyquist = clip.sample_rate / 2
    if post.highpass_hz and len(samples):
        sos = signal.butter(2, post.highpass_hz / nyquist, btype="highpass", output="sos")
        samples = signal.sosfilt(sos, samples)
    if post.lowpass_hz and post.lowpass_hz < nyquist and len(samples):
        sos = signal.butter(4, post.lowpass_hz / nyquist, btype="lowpass", output="sos")
        samples = signal.sosfilt(sos, samples)
    samples *= 10 ** (post.gain_db / 20)
    return Clip(samples.astype(np.float32), clip.sample_rate)


def trim_silence(clip: Clip) -> Clip:
    """Cut leading and trailing silence so pauses are set by the timeline alone."""
    samples = clip.samples
    if not len(samples):
        return clip
    peak = float(np.max(np.abs(samples)))
    if peak == 0.0:
        return Clip(samples[:0], clip.sample_rate)
    loud = np.flatnonzero(np.abs(samples) > peak * 10 ** (SILENCE_DB / 20))
    margin = int(TRIM_MARGIN_S * clip.sample_rate)
    start = max(int(loud[0]) - margin, 0)
    end = min(int(loud[-1]) + 1 + margin, len(samples))
    return Clip(samples[start:end], clip.sample_rate)


def _voice_of(segment: Segment, cast: Cast) -> VoiceProfile:
    return cast.voices[segment.voice or cast.narrator]
