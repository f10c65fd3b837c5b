import numpy as np
import pytest

from bulletin.model import Clip, PostProcess, Segment, SegmentKind, Span, Utterance
from bulletin.synthesis import post_process, trim_silence
from bulletin.timeline import Pauses, build_timeline, pause_before

RATE = 22050


def tone(seconds: float, rate: int = RATE) -> Clip:
    t = np.arange(round(seconds * rate)) / rate
    return Clip((0.5 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), rate)


def seg(kind: SegmentKind, paragraph: int, voice: str = "narrator") -> Segment:
    return Segment(kind, "متن", Span(0, 1), paragraph, voice=voice)


def plan_for(clips: list[list[Clip]], ends: str = "sentence") -> list[list[Utterance]]:
    return [[Utterance("متن", ends) for _ in group] for group in clips]


def test_placements_match_clip_lengths_and_pauses() -> None:
    segments = [
        seg(SegmentKind.TITLE, 0),
        seg(SegmentKind.NARRATION, 1),
        seg(SegmentKind.QUOTE, 1, voice="x"),
        seg(SegmentKind.NARRATION, 2),
    ]
    clips = [[tone(1.0)], [tone(0.5), tone(0.5)], [tone(2.0)], [tone(0.25)]]
    pauses = Pauses()
    timeline = build_timeline(segments, plan_for(clips), clips, pauses)
    p = timeline.placements
    assert p[0].start == pytest.approx(pauses.lead_in, abs=1e-4)
    assert p[0].end - p[0].start == pytest.approx(1.0, abs=1e-3)
    assert p[1].start - p[0].end == pytest.approx(pauses.after_title, abs=1e-3)
    assert p[1].end - p[1].start == pytest.approx(1.0 + pauses.between_sentences, abs=1e-3)
    gap = pauses.between_segments + pauses.voice_change
    assert p[2].start - p[1].end == pytest.approx(gap, abs=1e-3)
    assert p[3].start - p[2].end == pytest.approx(
        pauses.between_paragraphs + pauses.voice_change, abs=1e-3
    )
    assert timeline.audio.duration == pytest.approx(p[3].end + pauses.tail, abs=1e-3)
    # Audio sits where the placements say, silence in between.
    audio = timeline.audio.samples
    mid = int((p[1].end + p[2].start) / 2 * RATE)
    assert np.max(np.abs(audio[mid - 100 : mid + 100])) == 0
    assert np.max(np.abs(audio[int(p[2].start * RATE) + 500 : int(p[2].end * RATE) - 500])) > 0.4


def test_clip_edges_are_faded_to_avoid_clicks() -> None:
    square = Clip(np.full(RATE, 0.5, dtype=np.float32), RATE)
    timeline = build_timeline([seg(SegmentKind.TITLE, 0)], plan_for([[square]]), [[square]])
    start = int(timeline.placements[0].start * RATE)
    assert abs(timeline.audio.samples[start]) < 0.01
    steps = np.abs(np.diff(timeline.audio.samples))
    assert steps.max() < 0.01  # no sudden jump anywhere


def test_clips_at_other_rates_are_resampled() -> None:
    clips = [[tone(1.0, 16000)], [tone(1.0, 22050)]]
    timeline = build_timeline(
        [seg(SegmentKind.TITLE, 0), seg(SegmentKind.NARRATION, 1)], plan_for(clips), clips
    )
    assert timeline.audio.sample_rate == 22050
    for placement in timeline.placements:
        assert placement.end - placement.start == pytest.approx(1.0, abs=2e-3)


def test_clause_cuts_get_shorter_pauses_than_sentences() -> None:
    pauses = Pauses()
    clips = [[tone(0.5), tone(0.5)]]
    segment = [seg(SegmentKind.NARRATION, 1)]
    clause = build_timeline(segment, plan_for(clips, "clause"), clips, pauses).placements[0]
    sentence = build_timeline(segment, plan_for(clips), clips, pauses).placements[0]
    gap = (sentence.end - sentence.start) - (clause.end - clause.start)
    assert gap == pytest.approx(pauses.between_sentences - pauses.between_clauses, abs=1e-3)


def test_pause_after_dateline_is_short_and_voice_change_adds() -> None:
    pauses = Pauses()
    dateline, narration = seg(SegmentKind.DATELINE, 1), seg(SegmentKind.NARRATION, 1)
    assert pause_before(dateline, narration, pauses) == pauses.after_dateline
    quote = seg(SegmentKind.QUOTE, 1, voice="other")
    assert pause_before(narration, quote, pauses) > pauses.between_segments


def test_trim_silence_and_post_process() -> None:
    padded = Clip(np.concatenate([np.zeros(RATE), tone(1.0).samples, np.zeros(RATE)]), RATE)
    trimmed = trim_silence(padded)
    assert trimmed.duration == pytest.approx(1.0, abs=0.05)
    assert trim_silence(Clip(np.zeros(100, np.float32), RATE)).duration == 0
    quieter = post_process(tone(1.0), PostProcess(gain_db=-6.0))
    assert np.max(np.abs(quieter.samples)) == pytest.approx(0.25, rel=0.02)
    rumble = Clip((0.5 * np.sin(2 * np.pi * 30 * np.arange(RATE) / RATE)).astype(np.float32), RATE)
    filtered = post_process(rumble, PostProcess(highpass_hz=200))
    assert np.max(np.abs(filtered.samples[RATE // 2 :])) < 0.05


def test_each_utterance_is_placed_inside_its_segment() -> None:
    segments = [seg(SegmentKind.TITLE, 0), seg(SegmentKind.NARRATION, 1)]
    clips = [[tone(1.0)], [tone(0.5), Clip(np.zeros(0, np.float32), RATE), tone(0.75)]]
    timeline = build_timeline(segments, plan_for(clips), clips)
    second = timeline.utterances[1]
    assert [round(p.end - p.start, 3) for p in second] == [0.5, 0.0, 0.75]
    assert second[0].start == pytest.approx(timeline.placements[1].start)
    assert second[-1].end == pytest.approx(timeline.placements[1].end)
    assert second[2].start - second[0].end == pytest.approx(Pauses().between_sentences, abs=1e-3)
