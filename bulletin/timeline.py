"""Stage 6, timeline: join the clips with natural pauses and record where each segment sits."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

with warnings.catch_warnings():
    # pydub warns at import when ffmpeg is absent; we only use its in-memory PCM operations.
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment

from bulletin.mastering import resample
from bulletin.model import Clip, Placement, Segment, SegmentKind, Timeline, Utterance

# pydub holds the programme as 32-bit integers; float 1.0 maps to 2**30, leaving 6 dB of
# headroom so post-processing gain cannot clip before mastering sets the level.
_SCALE = 2.0**30
_WIDTH = 4


@dataclass(frozen=True)
class Pauses:
    """Silences in seconds, chosen to sound like a read news bulletin."""

    lead_in: float = 0.5
    after_title: float = 1.2
    after_dateline: float = 0.35
    between_segments: float = 0.45
    between_paragraphs: float = 0.8
    voice_change: float = 0.15  # added when the next segment has another voice
    between_sentences: float = 0.3
    between_clauses: float = 0.15  # where an overlong sentence was cut at a comma
    tail: float = 1.0
    fade: float = 0.008


def build_timeline(
    segments: list[Segment],
    plan: list[list[Utterance]],
    clips: list[list[Clip]],
    pauses: Pauses = Pauses(),
) -> Timeline:
    """Stitch every segment's utterance clips into one programme with placements."""
    rate = _common_rate(clips)
    parts = [_silence(pauses.lead_in, rate)]
    position = _frames(parts[0])
    placements, utterances = [], []
    previous: Segment | None = None
    for segment, pieces, piece_clips in zip(segments, plan, clips, strict=True):
        if previous is not None:
            parts.append(_silence(pause_before(previous, segment, pauses), rate))
            position += _frames(parts[-1])
        joined, spans = _join_utterances(pieces, piece_clips, rate, pauses)
        parts.append(joined)
        placements.append(Placement(position / rate, (position + _frames(joined)) / rate))
        utterances.append(
            [Placement((position + a) / rate, (position + b) / rate) for a, b in spans]
        )
        position += _frames(joined)
        previous = segment
    parts.append(_silence(pauses.tail, rate))
    programme = _concatenate(parts, rate)
    del parts
    return Timeline(audio=_to_clip(programme), placements=placements, utterances=utterances)


def pause_before(previous: Segment, segment: Segment, pauses: Pauses) -> float:
    """The silence between two consecutive segments."""
    if previous.kind is SegmentKind.TITLE:
        pause = pauses.after_title
    elif previous.kind is SegmentKind.DATELINE:
        pause = pauses.after_dateline
    elif previous.paragraph != segment.paragraph:
        pause = pauses.between_paragraphs
    else:
        pause = pauses.between_segments
    if previous.voice != segment.voice:
        pause += pauses.voice_change
    return pause


def _join_utterances(
    pieces: list[Utterance], clips: list[Clip], rate: int, pauses: Pauses
) -> tuple[AudioSegment, list[tuple[int, int]]]:
    """One segment's utterances with their pauses, and each one's (start, end) frames."""
    parts: list[AudioSegment] = []
    spans: list[tuple[int, int]] = []
    position, ends = 0, None
    for piece, clip in zip(pieces, clips, strict=True):
        if len(clip.samples):
            if parts:
                gap = pauses.between_clauses if ends == "clause" else pauses.between_sentences
                parts.append(_silence(gap, rate))
                position += _frames(parts[-1])
            parts.append(_faded(_to_segment(resample(clip, rate)), pauses.fade))
            ends = piece.ends
        spans.append((position, position + _frames(parts[-1]) if len(clip.samples) else position))
        position = spans[-1][1]
    return _concatenate(parts, rate), spans


def _concatenate(parts: list[AudioSegment], rate: int) -> AudioSegment:
    """Join many segments with one copy (pydub's `+` copies the whole programme each time)."""
    data = b"".join(part.raw_data for part in parts)
    return AudioSegment(data=data, sample_width=_WIDTH, frame_rate=rate, channels=1)


def _faded(audio: AudioSegment, fade: float) -> AudioSegment:
    fade_ms = min(int(fade * 1000), len(audio) // 2)
    return audio.fade_in(fade_ms).fade_out(fade_ms) if fade_ms else audio


def _common_rate(clips: list[list[Clip]]) -> int:
    rates = [clip.sample_rate for group in clips for clip in group]
    return max(rates) if rates else 22050


def _silence(seconds: float, rate: int) -> AudioSegment:
    frames = round(seconds * rate)
    return AudioSegment(
        data=b"\0" * (frames * _WIDTH), sample_width=_WIDTH, frame_rate=rate, channels=1
    )


def _to_segment(clip: Clip) -> AudioSegment:
    ints = np.clip(np.round(clip.samples.astype(np.float64) * _SCALE), -(2**31), 2**31 - 1)
    return AudioSegment(
        data=ints.astype("<i4").tobytes(),
        sample_width=_WIDTH,
        frame_rate=clip.sample_rate,
        channels=1,
    )


def _to_clip(audio: AudioSegment) -> Clip:
    samples = np.frombuffer(audio.raw_data, dtype="<i4").astype(np.float32)
    samples *= np.float32(1 / _SCALE)
    return Clip(samples, audio.frame_rate)


def _frames(audio: AudioSegment) -> int:
    return len(audio.raw_data) // _WIDTH
