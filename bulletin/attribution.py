"""Stage 3, attribution: decide who speaks each quote, from the words around it.

The rules, in order (each is a small function so later patterns slot in beside them):
1. A reporting phrase in the narration just before the quote (`X نے کہا`, `X کے مطابق`,
   `X کا کہنا ہے`) names the speaker X, the noun phrase read backwards from the marker.
2. If X is a pronoun (`انہوں`, `ان`), it stands for the most recent person named as a
   subject (the noun phrase before `نے`) in the preceding narration.
3. A vocative at the start of the quote (`مسٹر X!`) names the addressee, who is
   therefore not the speaker.
4. The speaker's canonical name is the fullest form the article uses, without titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bulletin.model import Script, Segment, SegmentKind
from bulletin.urdu import PRONOUNS, TITLES, Word, is_name_word, words

_REPORTING_VERBS = r"(?:کہا|کہی|بتایا|لکھا|ٹویٹ|پوچھا|اعلان|جواب\s+دیا)"
_MAX_WORDS_TO_VERB = 12
_MAX_NAME_WORDS = 5

# Markers that follow the speaker's noun phrase in a reporting phrase. The نے pattern
# needs a reporting verb after it ("any words between X and the verb").
_CUE_PATTERNS = (
    re.compile(
        rf"(?P<marker>نے)(?:\s+(?!نے\s)[^\s،۔:؛,]+){{0,{_MAX_WORDS_TO_VERB}}}?\s+{_REPORTING_VERBS}"
    ),
    re.compile(r"(?P<marker>کے\s+(?:مطابق|بقول))"),
    re.compile(r"(?P<marker>کا\s+کہنا\s+(?:تھا|ہے))"),
)
_SUBJECT_RE = re.compile(r"(?<!\S)نے(?!\S)")
_VOCATIVE_RE = re.compile(
    r"^\s*(?P<title>(?:مسٹر|جناب|محترم|محترمہ|مسز|عزت\s+مآب)\s+)?"
    r"(?P<name>[^!،,:۔؟]{1,60}?)\s*(?P<mark>!|،|,)"
)
_VOCATIVE_TITLES_REQUIRED_MARKS = {"،", ","}
_GAP_RE = re.compile(r"^[\s\u200c\u200d]*$")


@dataclass(frozen=True)
class Cue:
    """A reporting phrase: the noun phrase before its marker and the phrase itself."""

    noun_phrase: tuple[str, ...]
    phrase: str


def attribute(script: Script, article_text: str) -> Script:
    """Set speaker and evidence on each quote segment of `script`."""
    names = NameIndex(article_text)
    subjects: list[str] = []
    segments: list[Segment] = []
    for index, segment in enumerate(script.segments):
        if segment.kind is SegmentKind.QUOTE:
            previous = script.segments[index - 1] if index else None
            segment = _attribute_quote(segment, previous, subjects, names)
        else:
            subjects.extend(names.canonical(s) for s in named_subjects(segment.text))
        segments.append(segment)
    return replace(script, segments=segments)


def _attribute_quote(
    quote: Segment, previous: Segment | None, subjects: list[str], names: NameIndex
) -> Segment:
    addressee = vocative_addressee(quote.text)
    addressee = names.canonical(addressee) if addressee else None
    context = previous.text if previous and previous.kind is not SegmentKind.QUOTE else ""
    cue = reporting_cue(last_clause(context))
    if cue is None:
        return quote
    speaker = resolve(cue.noun_phrase, subjects, names, exclude=addressee)
    if speaker is None:
        return quote
    evidence = cue.phrase if cue.phrase.startswith(speaker) else f"{cue.phrase} → {speaker}"
    return replace(quote, speaker=speaker, evidence=evidence)


def resolve(
    noun_phrase: tuple[str, ...], subjects: list[str], names: NameIndex, exclude: str | None
) -> str | None:
    """The canonical speaker a cue's noun phrase refers to, or None if unknown."""
    if noun_phrase and noun_phrase[-1] in PRONOUNS:
        for subject in reversed(subjects):
            if subject != exclude:
                return subject
        return None
    name = strip_titles(noun_phrase)
    if not is_plausible_name(name):
        return None
    speaker = names.canonical(" ".join(name))
    return None if speaker == exclude else speaker


def reporting_cue(text: str) -> Cue | None:
    """The last reporting phrase in `text`, if any."""
    best: tuple[int, Cue] | None = None
    for pattern in _CUE_PATTERNS:
        for match in pattern.finditer(text):
            noun_phrase = noun_phrase_before(text, match.start("marker"))
            if not noun_phrase:
                continue
            phrase = text[_phrase_start(text, noun_phrase, match.start()) : match.end()]
            if best is None or match.start() > best[0]:
                best = (match.start(), Cue(noun_phrase, phrase.strip()))
    return best[1] if best else None


def named_subjects(text: str) -> list[str]:
    """Names (titles stripped) that stand as subjects before نے in `text`, in order."""
    found = []
    for match in _SUBJECT_RE.finditer(text):
        name = strip_titles(noun_phrase_before(text, match.start()))
        if is_plausible_name(name):
            found.append(" ".join(name))
    return found


def noun_phrase_before(text: str, position: int) -> tuple[str, ...]:
    """Words read backwards from `position` until punctuation or a function word.

    A pronoun directly before the marker is returned on its own.
    """
    before = words(text[:position])
    if not before or not _GAP_RE.match(text[before[-1].end : position]):
        return ()
    if before[-1].text in PRONOUNS:
        return (before[-1].text,)
    phrase: list[Word] = []
    for word in reversed(before):
        if phrase and not _GAP_RE.match(text[word.end : phrase[0].start]):
            break
        if not (is_name_word(word.text) or word.text in TITLES):
            break
        phrase.insert(0, word)
    return tuple(w.text for w in phrase)


def strip_titles(noun_phrase: tuple[str, ...]) -> tuple[str, ...]:
    """The words after the last title (صدر، مسٹر، وزیر اعظم...) in a noun phrase."""
    for index in range(len(noun_phrase) - 1, -1, -1):
        if noun_phrase[index] in TITLES:
            return noun_phrase[index + 1 :]
    return noun_phrase


def is_plausible_name(name: tuple[str, ...]) -> bool:
    """A short run of name words that is not a plural common noun (رہنماؤں)."""
    return (
        0 < len(name) <= _MAX_NAME_WORDS
        and all(is_name_word(w) for w in name)
        and not name[-1].endswith(("وں", "ؤں"))
    )


def vocative_addressee(quote: str) -> str | None:
    """The person addressed at the start of a quote (`مسٹر X!`, `جناب X،`), if any."""
    match = _VOCATIVE_RE.match(quote)
    if not match:
        return None
    if match["mark"] in _VOCATIVE_TITLES_REQUIRED_MARKS and not match["title"]:
        return None
    name = tuple(w.text for w in words(match["name"]))
    name = strip_titles(name)
    return " ".join(name) if is_plausible_name(name) else None


def last_clause(text: str) -> str:
    """The text after the last sentence end: where a reporting phrase for a quote sits."""
    cut = max(text.rfind(mark) for mark in "۔؟!")
    return text[cut + 1 :]


def _phrase_start(text: str, noun_phrase: tuple[str, ...], marker: int) -> int:
    start = marker
    for word in reversed(noun_phrase):
        start = text.rfind(word, 0, start)
    return max(start, 0)


class NameIndex:
    """Maps any written form of a name to the fullest form the article uses."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words = words(text)
        self._cache: dict[str, str] = {}

    def canonical(self, name: str) -> str:
        """The longest name in the article that ends with the words of `name`."""
        if name not in self._cache:
            self._cache[name] = self._fullest_form(tuple(name.split()))
        return self._cache[name]

    def _fullest_form(self, name: tuple[str, ...]) -> str:
        best = name
        for start in self._occurrences(name):
            extended = self._extend_left(start) + name
            if len(extended) > len(best):
                best = extended
        return " ".join(best)

    def _occurrences(self, name: tuple[str, ...]) -> list[int]:
        texts = [w.text for w in self._words]
        size = len(name)
        return [
            i
            for i in range(len(texts) - size + 1)
            if tuple(texts[i : i + size]) == name and self._contiguous(i, i + size)
        ]

    def _extend_left(self, start: int) -> tuple[str, ...]:
        extra: list[str] = []
        index = start - 1
        while (
            index >= 0
            and len(extra) < _MAX_NAME_WORDS
            and is_name_word(self._words[index].text)
            and self._contiguous(index, index + 2)
        ):
            extra.insert(0, self._words[index].text)
            index -= 1
        return tuple(extra)

    def _contiguous(self, first: int, stop: int) -> bool:
        """True if words[first:stop] are separated only by spaces."""
        return all(
            _GAP_RE.match(self._text[self._words[i].end : self._words[i + 1].start])
            for i in range(first, stop - 1)
        )
