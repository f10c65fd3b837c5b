"""Timed text for an episode: sentence timings, chapters, WebVTT, SRT and chapters JSON."""

from __future__ import annotations

import html
from dataclasses import dataclass

from bulletin.model import Placement, Script, SegmentKind, Utterance

NARRATOR = "راوی"  # "narrator": the label of narration in transcripts
UNKNOWN_SPEAKER = "نامعلوم"  # "unknown"
RLM = "\u200f"  # right-to-left mark: keeps each cue right-to-left even if it starts with a digit
_CHAPTER_TITLE_WORDS = 6


@dataclass(frozen=True)
class TimedSentence:
    """One written sentence, who reads it, and where it sits in the audio (seconds)."""

    index: int
    segment: int
    speaker: str | None
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Chapter:
    """A section of the episode: the headline, a run of narration, or one quote."""

    title: str
    start: float
    end: float


def timed_sentences(
    script: Script, plan: list[list[Utterance]], utterances: list[list[Placement]]
) -> list[TimedSentence]:
    """Each written sentence with the span of the utterances it was spoken as."""
    result: list[TimedSentence] = []
    for number, (segment, pieces, places) in enumerate(
        zip(script.segments, plan, utterances, strict=True)
    ):
        texts = [s.text for s in segment.sentences] or [segment.text]
        spans: dict[int, list[Placement]] = {}
        for piece, place in zip(pieces, places, strict=True):
            if place.end > place.start:
                spans.setdefault(piece.sentence, []).append(place)
        for sentence, places_of in sorted(spans.items()):
            start, end = min(p.start for p in places_of), max(p.end for p in places_of)
            speaker = segment.speaker if segment.kind is SegmentKind.QUOTE else None
            result.append(TimedSentence(len(result), number, speaker, texts[sentence], start, end))
    return result


def chapters(script: Script, placements: list[Placement], duration: float) -> list[Chapter]:
    """Chapters covering the whole episode in time order: headline, narration runs, quotes."""
    starts: list[tuple[float, str]] = []
    previous_kind: SegmentKind | None = None
    for segment, place in zip(script.segments, placements, strict=True):
        kind = segment.kind
        narration_run = kind in (SegmentKind.NARRATION, SegmentKind.DATELINE)
        if narration_run and previous_kind in (SegmentKind.NARRATION, SegmentKind.DATELINE):
            continue
        if kind is SegmentKind.QUOTE:
            title = segment.speaker or UNKNOWN_SPEAKER
        else:
            title = _first_words(segment.text) if narration_run else segment.text
        starts.append((place.start, title))
        previous_kind = kind
    if not starts:
        return []
    starts[0] = (0.0, starts[0][1])  # the first chapter opens the episode
    ends = [start for start, _ in starts[1:]] + [duration]
    return [Chapter(title, start, end) for (start, title), end in zip(starts, ends, strict=True)]


def webvtt(sentences: list[TimedSentence]) -> str:
    """WebVTT captions, one cue per sentence, with a voice tag naming the speaker."""
    lines = ["WEBVTT", ""]
    for sentence in sentences:
        speaker = _escape_vtt(sentence.speaker or NARRATOR)
        lines += [
            str(sentence.index + 1),
            f"{_timestamp(sentence.start, '.')} --> {_timestamp(sentence.end, '.')}",
            f"<v {speaker}>{RLM}{_escape_vtt(sentence.text)}",
            "",
        ]
    return "\n".join(lines)


def srt(sentences: list[TimedSentence]) -> str:
    """SubRip captions, one per sentence; quotes start with the speaker's name."""
    blocks = []
    for sentence in sentences:
        label = f"{sentence.speaker}: " if sentence.speaker else ""
        blocks.append(
            f"{sentence.index + 1}\n"
            f"{_timestamp(sentence.start, ',')} --> {_timestamp(sentence.end, ',')}\n"
            f"{RLM}{label}{sentence.text}\n"
        )
    return "\n".join(blocks)


def chapters_json(items: list[Chapter]) -> dict[str, object]:
    """Podcasting 2.0 JSON chapters (`application/json+chapters`, version 1.2.0)."""
    return {
        "version": "1.2.0",
        "chapters": [
            {"startTime": round(c.start, 3), "endTime": round(c.end, 3), "title": c.title}
            for c in items
        ],
    }


def _first_words(text: str) -> str:
    words = text.split()
    more = "…" if len(words) > _CHAPTER_TITLE_WORDS else ""
    return " ".join(words[:_CHAPTER_TITLE_WORDS]) + more


def _timestamp(seconds: float, decimal: str) -> str:
    millis = max(round(seconds * 1000), 0)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{decimal}{millis:03d}"


def _escape_vtt(text: str) -> str:
    """Escape &, < and > and keep cue text on one line (a blank line would end the cue)."""
    return html.escape(" ".join(text.split()), quote=False)
