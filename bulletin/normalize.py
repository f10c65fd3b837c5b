"""Stage between script and engines: turn each segment's text into the text to be spoken.

Shared steps, in order: Unicode clean-up, the user lexicon, numbers, Latin script, symbols.
Then each engine's alphabet is checked: a character the engine cannot speak is reported
(never dropped silently) and left out of the spoken text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bulletin.errors import BulletinError
from bulletin.latin import expand_latin
from bulletin.model import Script, Segment, Sentence, Utterance
from bulletin.numbers import expand_numbers

LEXICON_FILE = "lexicon.toml"

# Arabic letter forms typed for Urdu (Arabic keyboards, copied Arabic text) and their Urdu
# equivalents. ھ (U+06BE, do-chashmi he) marks aspiration and is left alone.
_URDU_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي Arabic yeh -> ی
        "\u0649": "\u06cc",  # ى alef maksura -> ی
        "\u0643": "\u06a9",  # ك Arabic kaf -> ک
        "\u0647": "\u06c1",  # ه Arabic heh -> ہ
        "\u06d5": "\u06c1",  # ە ae -> ہ
        "\u06c0": "\u06c2",  # ۀ heh with yeh above -> ۂ
        "\u0629": "\u06c3",  # ة teh marbuta -> ۃ (Urdu spelling of the same letter)
        "\u0623": "\u0627",  # أ alef with hamza above -> ا (Urdu writes plain alef)
        "\u0625": "\u0627",  # إ alef with hamza below -> ا
        "\u0671": "\u0627",  # ٱ alef wasla -> ا
    }
)

# Removed: tatweel, zero-width and bidi controls, Quranic annotation marks and the small
# honorific signs. Harakat (zer, zabar, pesh, tanwin, shadda, jazm), hamza marks and khari
# zabar (U+0670) carry sound and are kept.
_REMOVED_RE = re.compile(
    "[\u0640\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
    "\u0610-\u061a\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]"
)
_SPACES_RE = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]+| {2,}")
_PRESENTATION_FORMS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")

# Symbols that stand for words when read aloud (percent, currency and time signs are read by
# the number rules, which run first).
SYMBOL_WORDS = {
    "&": " اور ",
    "@": " ایٹ ",
    "°": " ڈگری ",
    "+": " جمع ",
    "№": " نمبر ",
    "#": " ہیش ",
}
_SYMBOLS_RE = re.compile("|".join(re.escape(symbol) for symbol in SYMBOL_WORDS))

# Characters every engine treats as prosody (pauses, intonation) rather than sound.
PUNCTUATION = frozenset(" \n،؛؟۔!?.,:;()[]{}\"'“”‘’«»-–—…/٭*")

_SENTENCE_END_RE = re.compile(r"[۔؟!?.]+[\"'”’»)]*\s*|\n+")
# Where written text is cut into sentences (the split keeps the mark with the sentence).
_WRITTEN_END_RE = re.compile(r"(?<=[۔؟!?])(?![۔؟!?])|(?<=[^\sA-Za-z0-9.]\.)(?=\s)|\n+")
_CLAUSE_RE = re.compile(r"[،؛:,;]\s*")


@dataclass(frozen=True)
class Unspeakable:
    """A character the engine cannot speak, and where it stands in the article."""

    char: str
    segment: int
    offset: int | None

    def describe(self) -> str:
        name = unicodedata.name(self.char, f"U+{ord(self.char):04X}")
        where = f"offset {self.offset}" if self.offset is not None else "generated text"
        return (
            f"segment {self.segment} ({where}): {self.char!r} ({name}) cannot be spoken "
            "and is left out"
        )


def clean_unicode(text: str) -> str:
    """NFC, Urdu letter forms, no invisible controls, presentation forms folded."""
    text = _PRESENTATION_FORMS_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = unicodedata.normalize("NFC", text).translate(_URDU_LETTERS)
    text = _REMOVED_RE.sub("", text)
    return _SPACES_RE.sub(" ", text)


def apply_lexicon(text: str, lexicon: Mapping[str, str]) -> str:
    """Replace whole words found in the lexicon: an exact-case entry first, else any case."""
    if not lexicon:
        return text
    folded = {key.casefold(): value for key, value in lexicon.items()}

    def reading(match: re.Match[str]) -> str:
        word = match.group()
        return lexicon.get(word) or folded[word.casefold()]

    return _lexicon_pattern(lexicon).sub(reading, text)


def spoken_text(text: str, lexicon: Mapping[str, str] | None = None) -> str:
    """The shared text-to-speech form of `text`: every number and symbol in Urdu words."""
    text = apply_lexicon(clean_unicode(text), lexicon or {})
    text = expand_latin(expand_numbers(text))
    text = _SYMBOLS_RE.sub(lambda m: SYMBOL_WORDS[m.group()], text)
    return _SPACES_RE.sub(" ", text).strip()


def normalize_script(
    script: Script,
    speakable: Callable[[str], bool],
    lexicon: Mapping[str, str] | None = None,
) -> tuple[Script, list[Unspeakable]]:
    """Set `sentences` and `spoken` on every segment; report what the engine cannot speak.

    Each written sentence is normalized on its own, so that timings can be given per
    sentence of the original text (transcripts) while the engine reads the spoken form.
    """
    segments, problems = [], []
    for index, segment in enumerate(script.segments):
        sentences = []
        bad: set[str] = set()
        for written in written_sentences(segment.text):
            spoken = spoken_text(written, lexicon)
            unspeakable = {char for char in spoken if not speaks(char, speakable)}
            for char in unspeakable:
                spoken = spoken.replace(char, " ")
            bad |= unspeakable
            sentences.append(Sentence(written, _SPACES_RE.sub(" ", spoken).strip()))
        problems.extend(_locate(char, index, segment) for char in sorted(bad))
        spoken_all = " ".join(s.spoken for s in sentences if s.spoken)
        segments.append(replace(segment, sentences=sentences, spoken=spoken_all))
    return replace(script, segments=segments), problems


def written_sentences(text: str) -> list[str]:
    """Sentences of written text: cut after ۔ ؟ ! ? and line ends, and after a full stop that
    ends a sentence rather than a number (3.5) or an abbreviation (U.N., Rs.)."""
    pieces = [p.strip() for p in _WRITTEN_END_RE.split(text)]
    merged: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if merged and not any(c.isalpha() or c.isdigit() for c in piece):
            merged[-1] += piece  # stray closing marks belong to the sentence before
        else:
            merged.append(piece)
    return merged or ([text.strip()] if text.strip() else [])


def utterances(text: str, max_chars: int) -> list[Utterance]:
    """Split spoken text into sentences, and overlong sentences at clause marks or words."""
    result = []
    for sentence in _split_keeping(text, _SENTENCE_END_RE):
        pieces = _fit(sentence, max_chars)
        result.extend(Utterance(p, "clause") for p in pieces[:-1])
        result.append(Utterance(pieces[-1], "sentence"))
    return result


def load_lexicon(directory: Path) -> dict[str, str]:
    """The user lexicon `lexicon.toml` in the voices folder (word = "reading"), if any."""
    path = directory / LEXICON_FILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise BulletinError(f"{path}: cannot read the lexicon ({error})") from None
    lexicon = {}
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise BulletinError(f"{path}: {key!r} must map to a non-empty reading")
        lexicon[clean_unicode(key).strip()] = value
    return lexicon


def _fit(sentence: str, max_chars: int) -> list[str]:
    """Pieces of at most max_chars, cut after clause marks where possible, else at spaces."""
    if len(sentence) <= max_chars:
        return [sentence]
    pieces: list[str] = []
    for clause in _split_keeping(sentence, _CLAUSE_RE):
        if pieces and len(pieces[-1]) + 1 + len(clause) <= max_chars:
            pieces[-1] = f"{pieces[-1]} {clause}"
        else:
            pieces.extend(_cut_at_spaces(clause, max_chars))
    return pieces


def _cut_at_spaces(text: str, max_chars: int) -> list[str]:
    pieces: list[str] = []
    for word in text.split():
        if pieces and len(pieces[-1]) + 1 + len(word) <= max_chars:
            pieces[-1] = f"{pieces[-1]} {word}"
        else:
            pieces.append(word)
    return pieces


def _split_keeping(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Split after each match, keeping the mark with the piece; drop pieces with no letter."""
    pieces, start = [], 0
    for match in pattern.finditer(text):
        pieces.append(text[start : match.end()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if any(c.isalpha() for c in p)]


def speaks(char: str, speakable: Callable[[str], bool]) -> bool:
    """Whether `char` is punctuation (prosody, not sound) or the engine speaks it."""
    return char in PUNCTUATION or speakable(char)


def _locate(char: str, index: int, segment: Segment) -> Unspeakable:
    position = segment.text.find(char)
    offset = segment.span.start + position if position >= 0 else None
    return Unspeakable(char, index, offset)


def _lexicon_pattern(lexicon: Mapping[str, str]) -> re.Pattern[str]:
    words = sorted(lexicon, key=len, reverse=True)  # longest first: "UN Women" before "UN"
    alternatives = "|".join(re.escape(word) for word in words)
    edge = r"[\w\u0600-\u06ff]"
    return re.compile(rf"(?<!{edge})(?:{alternatives})(?!{edge})", re.IGNORECASE)
