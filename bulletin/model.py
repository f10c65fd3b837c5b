"""The small typed data model passed between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np


@dataclass(frozen=True)
class Span:
    """A half-open range of Python string offsets into the decoded article."""

    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the article body, with its offsets."""

    text: str
    span: Span


@dataclass(frozen=True)
class Article:
    """A decoded article: headline, optional dateline and body paragraphs."""

    text: str
    title: Paragraph
    dateline: Paragraph | None
    paragraphs: tuple[Paragraph, ...]
    source: str = ""


@dataclass(frozen=True)
class Sentence:
    """One written sentence of a segment and the form the engine reads."""

    text: str
    spoken: str


class SegmentKind(StrEnum):
    TITLE = "title"
    DATELINE = "dateline"
    NARRATION = "narration"
    QUOTE = "quote"


@dataclass
class Segment:
    """One stretch of the script read by one voice."""

    kind: SegmentKind
    text: str
    span: Span
    paragraph: int
    speaker: str | None = None
    voice: str | None = None
    evidence: str | None = None
    spoken: str | None = None  # the text sent to the engine, set by normalization
    continued: bool = False  # a quote carrying on from the paragraph before
    sentences: list[Sentence] = field(default_factory=list)  # set by normalization

    @property
    def is_quote(self) -> bool:
        return self.kind is SegmentKind.QUOTE


@dataclass(frozen=True)
class Utterance:
    """One piece of spoken text synthesized in one call, and the pause it ends with."""

    text: str
    ends: str  # "sentence" or "clause"
    sentence: int = 0  # which written sentence of the segment it belongs to


@dataclass
class Script:
    """The article as an ordered list of segments."""

    title: str
    segments: list[Segment]
    problems: list[str] = field(default_factory=list)  # e.g. characters left unspoken
    genders: dict[str, str] = field(default_factory=dict)  # speaker -> "female" / "male"


@dataclass(frozen=True)
class EspeakSettings:
    """espeak-ng parameters of one voice (see espeak-ng's speak_lib.h)."""

    language: str = "ur"
    variant: str | None = None
    rate: int = 160
    pitch: int = 50
    pitch_range: int = 50
    word_gap: int = 0


@dataclass(frozen=True)
class PostProcess:
    """Optional filtering applied to a voice's clips after synthesis."""

    gain_db: float = 0.0
    highpass_hz: float | None = None
    lowpass_hz: float | None = None


@dataclass(frozen=True)
class MmsSettings:
    """Neural (MMS VITS) settings of one voice: sampling controls, then a voice transform.

    One MMS model has one speaker; voices differ by speaking rate and sampling noise, and by
    a pitch and formant shift applied to the model's output.
    """

    length_scale: float = 1.0  # >1 speaks slower
    noise_scale: float = 0.667  # variation of the acoustic latent (expressiveness)
    noise_scale_w: float = 0.8  # variation of the durations (rhythm)
    pitch_semitones: float = 0.0  # shift of the median pitch
    pitch_range: float = 1.0  # scale of the pitch movement around the median
    formant_ratio: float = 1.0  # >1 a shorter vocal tract (brighter), <1 a longer one


@dataclass(frozen=True)
class VoiceProfile:
    """A named voice: settings for each engine plus post-processing."""

    name: str
    description: str = ""
    gender: str | None = None  # "female" or "male": lets the pool match a speaker's gender
    espeak: EspeakSettings = field(default_factory=EspeakSettings)
    mms: MmsSettings = field(default_factory=MmsSettings)
    engines: dict[str, dict[str, object]] = field(default_factory=dict)
    post: PostProcess = field(default_factory=PostProcess)


@dataclass(frozen=True)
class CastMember:
    """A known speaker: canonical name, other written forms, and voice."""

    name: str
    voice: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Overrides:
    """One article's corrections: the speaker of the n-th quote (1-based; None = unknown)
    and a voice for a name."""

    speakers: dict[int, str | None] = field(default_factory=dict)
    voices: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Cast:
    """Who reads what: narrator, default quote voice, known speakers, pool."""

    narrator: str
    quote: str
    members: tuple[CastMember, ...]
    pool: tuple[str, ...]
    voices: dict[str, VoiceProfile]


@dataclass
class Clip:
    """Mono float32 audio in [-1, 1] at a given sample rate."""

    samples: np.ndarray
    sample_rate: int

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


@dataclass(frozen=True)
class Placement:
    """Where a segment sits in the final audio, in seconds."""

    start: float
    end: float


@dataclass
class Timeline:
    """The stitched programme audio and each segment's placement."""

    audio: Clip
    placements: list[Placement]  # one per segment
    utterances: list[list[Placement]] = field(default_factory=list)  # per segment, per piece


@dataclass(frozen=True)
class LoudnessReport:
    """Loudness of the decoded MP3 as delivered."""

    integrated_lufs: float
    true_peak_dbtp: float


@dataclass
class MasteredAudio:
    """Mastered programme audio, its MP3 encoding, and the loudness of that MP3 decoded."""

    clip: Clip
    mp3: bytes
    loudness: LoudnessReport


@dataclass(frozen=True)
class Show:
    """Show-level metadata for tags, the feed and the episode page (show.toml)."""

    name: str = "Urdu Bulletin"
    author: str = "Urdu Bulletin"
    description: str = "Urdu news bulletins, read aloud."
    base_url: str | None = None  # where the output folder is published
    cover: str | None = None  # path of the show's default cover image
    language: str = "ur"
    category: str = "News"
    explicit: bool = False
    email: str | None = None
    credit: str = ""  # licence credit appended to episode descriptions


@dataclass
class Episode:
    """What `generate` produced for one article."""

    slug: str
    mp3_path: str
    manifest_path: str
    title: str
    duration: float
    engine: str
    loudness: LoudnessReport
    voices: list[str]
