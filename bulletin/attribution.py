"""Stage 3, attribution: decide who speaks each quote, from the words around it.

For each quote, in order:
1. A quote that carries on from the paragraph before keeps that quote's speaker.
2. A reporting phrase just before the quote (`X نے کہا کہ`, `X نے … بتایا`, `X کے مطابق`,
   `X کے بقول`, `X کا کہنا تھا کہ`) or just after it (`، X نے کہا`, `یہ بات X نے کہی`,
   `یہ کہنا ہے X کا`, `یہ الفاظ تھے X کے`) names the speaker X.
3. A paragraph that is only a quote, with no such phrase, continues the previous quote's
   speaker, or takes the person named as subject at the end of the paragraph before.
X is resolved to a canonical name (`names.py`): a pronoun (`انہوں`, `ان`) stands for the most
recent plausible speaker (a subject before `نے`, or the last attributed speaker); a role
(`ترجمان`, `وزیر خارجہ`) for the person last given that role; titles are dropped; an
organisation is named by its head noun. A vocative at the start of the quote (`مسٹر X!`)
names the addressee, who is therefore not the speaker. Otherwise the speaker is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bulletin.model import Script, Segment, SegmentKind
from bulletin.names import (
    NameIndex,
    RoleIndex,
    gender,
    has_title,
    is_plausible_name,
    noun_phrase_before,
    organisation,
    strip_titles,
)
from bulletin.urdu import PRONOUNS, TITLES, is_name_word, words

_REPORTING_VERBS = (
    r"(?:کہا|کہی|بتایا|بتائی|لکھا|ٹویٹ|ٹوئٹ|پوچھا|اعلان|جواب\s+دیا|دعویٰ|کہنا|ریمارکس|"
    r"استفسار|سوال|زور|مطالبہ|اعتراف|تسلیم|وضاحت|تصدیق|تردید|انکشاف|یقین|خبردار|اظہار|امید)"
)
_MAX_WORDS_TO_VERB = 12
_SUBJECT_WINDOW = 7  # words at the start of a sentence where its subject stands
# Words that refer back to an organisation named earlier, and the head words that organisation
# must have (none: any organisation). Documents speak for whoever issued them.
_ORGANISATION_ALIASES: dict[str, tuple[str, ...]] = {
    "عدالت": ("کورٹ", "عدالت"),
    "بینک": ("بینک",),
    "کمیشن": ("کمیشن",),
    "وزارت": ("وزارت",),
    "تنظیم": (),
    "ادارے": (),
    "ادارہ": (),
    "بیان": (),
    "اعلامیے": (),
    "اعلامیہ": (),
    "ریلیز": (),
}
_ALIAS_FILLERS = frozenset({"جاری", "کردہ", "پریس", "مشترکہ", "تحریری", "اس", "مذکورہ"})

# Reporting phrases before a quote: the speaker is the noun phrase before the marker. The
# نے pattern needs a reporting verb after it, with any words in between.
_CUES_BEFORE = (
    re.compile(
        rf"(?P<marker>نے)(?:\s+(?!نے\s)[^\s،۔:؛,]+){{0,{_MAX_WORDS_TO_VERB}}}?\s+{_REPORTING_VERBS}"
    ),
    re.compile(r"(?P<marker>کے\s+(?:مطابق|بقول))"),
    re.compile(r"(?P<marker>کا\s+کہنا\s+(?:تھا|ہے))"),
    # X کے جاری کردہ بیان میں کہا گیا / X کی جانب سے جاری اعلامیے میں کہا گیا
    re.compile(
        r"(?P<marker>(?:کے|کی)\s+(?:جاری\s+کردہ|جانب\s+سے(?:\s+جاری)?(?:\s+(?:کردہ|کیے\s+گئے|کی\s+گئی))?)"
        r"\s+(?:\S+\s+){0,2}?(?:بیان|اعلامیے|اعلامیہ|ریلیز|اعلان|خط)\s+میں\s+(?:\S+\s+){0,3}?کہا\s+گیا)"
    ),
    re.compile(
        r"(?P<marker>(?:کہتے|کہتی|کہتا|بتاتے|بتاتی|لکھتے|لکھتی)\s+(?:ہیں|ہے|تھے|تھیں|تھا|تھی))"
    ),
)
# Reporting phrases after a quote, at the start of the text that follows it.
_LEAD = r"^[\s۔،,:؛\-–—]*"
_END = r"(?=[\s۔،,!؟]|$)"
_CUES_AFTER_FORWARD = (
    re.compile(_LEAD + rf"یہ\s+کہنا\s+(?:ہے|تھا)\s+(?P<np>[^۔؟!،]{{1,80}}?)\s+کا{_END}"),
    re.compile(_LEAD + rf"یہ\s+الفاظ\s+(?:تھے|ہیں)\s+(?P<np>[^۔؟!،]{{1,80}}?)\s+کے{_END}"),
)
_CUE_AFTER_NE = re.compile(
    _LEAD + rf"(?:یہ\s+بات\s+)?(?P<np>[^۔؟!]{{1,80}}?)\s+(?P<marker>نے)(?:\s+\S+){{0,6}}?\s+"
    rf"(?:{_REPORTING_VERBS}|کی|کہی)"
)
_SUBJECT_RE = re.compile(r"(?<!\S)نے(?!\S)")
_VOCATIVE_RE = re.compile(
    r"^\s*(?P<title>(?:مسٹر|جناب|محترم|محترمہ|مسز|عزت\s+مآب)\s+)?"
    r"(?P<name>[^!،,:۔؟]{1,60}?)\s*(?P<mark>!|،|,)"
)
_VOCATIVE_TITLES_REQUIRED_MARKS = {"،", ","}


@dataclass(frozen=True)
class Cue:
    """A reporting phrase: the noun phrase naming the speaker and the phrase itself."""

    noun_phrase: tuple[str, ...]
    phrase: str


@dataclass
class _Discourse:
    """What the narration so far says: names, roles, subjects, the last quote's speaker."""

    names: NameIndex
    roles: RoleIndex
    subjects: list[str]  # people who spoke or acted (subjects, quoted speakers), in order
    later_roles: RoleIndex  # roles as the whole article gives them (for a headline quote)
    organisations: set[str] = field(default_factory=set)

    def read(self, text: str) -> None:
        """Take in a piece of narration: its roles and, sentence by sentence, its subjects."""
        self.roles.learn(text, self.names)
        for sentence in re.split(r"(?<=[۔؟!])", text):
            people = [p for np in subject_phrases(sentence) if (p := self.person(np))]
            if not people:  # no نے: a person introduced with a title at the start is the subject
                head = " ".join(sentence.split()[:_SUBJECT_WINDOW])
                people = self.roles.people_in(head, self.names)[:1]
            self.subjects.extend(people)

    def person(self, noun_phrase: tuple[str, ...]) -> str | None:
        """The canonical name a (non-pronoun) noun phrase refers to."""
        if alias := self._organisation_alias(noun_phrase):
            return alias
        found = organisation(noun_phrase)
        if found and not has_title(noun_phrase):  # سندھ حکومت، پولیس، دفتر خارجہ
            self.organisations.add(found)
            return found
        name = strip_titles(noun_phrase)
        if is_plausible_name(name):
            return self.names.canonical(" ".join(name))
        if has_title(noun_phrase):
            person = self.roles.lookup(noun_phrase) or self.later_roles.lookup(noun_phrase)
            if person:
                return person
        found = organisation(noun_phrase)
        if found:
            self.organisations.add(found)
        return found

    def _organisation_alias(self, noun_phrase: tuple[str, ...]) -> str | None:
        """`عدالت`, `تنظیم`, `اعلامیے` standing for an organisation named earlier: the most
        recent one of that kind (a court for عدالت), or of any kind for a generic word."""
        words = [w for w in noun_phrase if w not in _ALIAS_FILLERS]
        if len(words) != 1 or words[0] not in _ORGANISATION_ALIASES:
            return None
        kinds = _ORGANISATION_ALIASES[words[0]]
        earlier = [s for s in reversed(self.subjects) if s in self.organisations]
        for name in earlier:
            if not kinds or any(kind in name.split() for kind in kinds):
                return name
        return None

    def resolve(self, noun_phrase: tuple[str, ...], exclude: str | None) -> str | None:
        """The speaker a cue's noun phrase refers to; pronouns to the latest plausible one."""
        if noun_phrase and noun_phrase[-1] in PRONOUNS:
            # A pronoun stands for a person rather than an organisation when it can.
            candidates = [p for p in reversed(self.subjects) if p != exclude]
            people = [p for p in candidates if p not in self.organisations]
            return (people or candidates or [None])[0]
        person = self.person(noun_phrase)
        return None if person == exclude else person


def attribute(script: Script, article_text: str) -> Script:
    """Set speaker and evidence on each quote segment, and each speaker's gender if shown."""
    names = NameIndex(article_text)
    discourse = _Discourse(names, RoleIndex(), [], _article_roles(script, names))
    segments = list(script.segments)
    for index, segment in enumerate(segments):
        if segment.kind is not SegmentKind.QUOTE:
            discourse.read(segment.text)
            continue
        speaker, evidence = _speaker_of(segments, index, discourse)
        segments[index] = replace(segment, speaker=speaker, evidence=evidence)
        if speaker:
            discourse.subjects.append(speaker)
    segments = _headline_quotes(segments)
    return replace(script, segments=segments, genders=_genders(segments))


def _article_roles(script: Script, names: NameIndex) -> RoleIndex:
    roles = RoleIndex()
    for segment in script.segments:
        if segment.kind is not SegmentKind.QUOTE:
            roles.learn(segment.text, names)
    return roles


def _headline_quotes(segments: list[Segment]) -> list[Segment]:
    """A quote in the headline usually repeats words from a quote in the body: it takes the
    speaker of the body quote that contains it, the strongest evidence a headline has."""
    body = [s for s in segments if s.is_quote and s.paragraph > 0 and s.speaker]
    result = []
    for segment in segments:
        if segment.is_quote and segment.paragraph == 0:
            words = " ".join(segment.text.split()).strip("۔ ")
            source = next((s for s in body if words in " ".join(s.text.split())), None)
            if source is not None:
                segment = replace(
                    segment, speaker=source.speaker, evidence="repeats a quote in the article"
                )
        result.append(segment)
    return result


def _speaker_of(
    segments: list[Segment], index: int, discourse: _Discourse
) -> tuple[str | None, str | None]:
    quote = segments[index]
    previous = segments[index - 1] if index else None
    following = segments[index + 1] if index + 1 < len(segments) else None
    if quote.continued and previous is not None and previous.kind is SegmentKind.QUOTE:
        return previous.speaker, "continues the quote before"
    addressee = vocative_addressee(quote.text)
    addressee = discourse.names.canonical(addressee) if addressee else None
    for cue in _cues(previous, quote, following):
        if speaker := discourse.resolve(cue.noun_phrase, exclude=addressee):
            return speaker, _evidence(cue.phrase, speaker)
    if previous is not None:
        return _context_fallback(previous, discourse, addressee)
    return None, None


def _cues(previous: Segment | None, quote: Segment, following: Segment | None) -> list[Cue]:
    """Reporting phrases around a quote, nearest first: just before it, then just after."""
    cues: list[Cue] = []
    sentence_before: Cue | None = None
    if previous is not None and previous.kind is not SegmentKind.QUOTE:
        # The clause right before the quote; failing a phrase after it, the sentence before
        # it, which often reports the same speaker indirectly (`ان کا کہنا تھا کہ وہ … ’…‘`).
        text = previous.text
        if before := reporting_cue(last_clause(text)):
            cues.append(before)
        sentence_before = reporting_cue(last_sentence(text))
        headline = _headline_cue(text, after=False) if quote.paragraph == 0 else None
        if headline is not None and not cues:
            cues.append(headline)
    narration_after = (
        following is not None
        and following.paragraph == quote.paragraph
        and following.kind is not SegmentKind.QUOTE
    )
    if narration_after and (after := cue_after(following.text)):
        cues.append(after)
    next_paragraph = (
        following is not None
        and following.paragraph == quote.paragraph + 1
        and following.kind is not SegmentKind.QUOTE
    )
    if next_paragraph and (after := cue_after(following.text, forward_only=True)):
        cues.append(after)  # ’…‘ ¶ یہ کہنا ہے X کا
    if narration_after and quote.paragraph == 0 and (after := _headline_cue(following.text, True)):
        cues.append(after)
    if sentence_before is not None:
        cues.append(sentence_before)
    return cues


def _headline_cue(text: str, after: bool) -> Cue | None:
    """A headline names its speaker beside a colon: `’…‘: فوجی ترجمان`, `X: ’…‘`."""
    if after:
        match = re.match(r"^[\s\-–—]*:\s*(?P<np>[^:۔،,]+)", text)
        if not match:
            return None
        found = words(match["np"])
        phrase: list[str] = []
        for word in found:
            if not is_name_word(word.text) and word.text not in TITLES:
                break
            phrase.append(word.text)
        return Cue(tuple(phrase), match.group().strip(" :")) if phrase else None
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    noun_phrase = noun_phrase_before(stripped, len(stripped) - 1)
    return Cue(noun_phrase, stripped) if noun_phrase else None


def _context_fallback(
    previous: Segment, discourse: _Discourse, addressee: str | None
) -> tuple[str | None, str | None]:
    """A quote with no reporting phrase of its own: it continues the quote right before it,
    or is spoken by the person the sentence right before it is about."""
    if previous.kind is SegmentKind.QUOTE and previous.speaker and previous.speaker != addressee:
        return previous.speaker, "continues the previous quote's speaker"
    sentence = last_sentence(previous.text)
    people = [discourse.person(np) for np in subject_phrases(sentence)]
    people = [p for p in people if p] or discourse.roles.people_in(sentence, discourse.names)
    named = [p for p in people if p != addressee and p not in discourse.organisations]
    if named:
        return named[-1], f"named in the sentence before → {named[-1]}"
    return None, None


def reporting_cue(text: str) -> Cue | None:
    """The last reporting phrase in `text` (the narration before a quote), if any."""
    best: tuple[int, Cue] | None = None
    for pattern in _CUES_BEFORE:
        for match in pattern.finditer(text):
            noun_phrase = noun_phrase_before(text, match.start("marker"))
            if not noun_phrase:
                continue
            phrase = text[_phrase_start(text, noun_phrase, match.start()) : match.end()]
            if best is None or match.start() > best[0]:
                best = (match.start(), Cue(noun_phrase, phrase.strip()))
    return best[1] if best else None


def cue_after(text: str, forward_only: bool = False) -> Cue | None:
    """A reporting phrase at the start of the text after a quote, if any. `forward_only`
    keeps to the phrases that can only point back (`یہ کہنا ہے X کا`, `یہ بات X نے کہی`)."""
    for pattern in _CUES_AFTER_FORWARD:
        if match := pattern.match(text):
            noun_phrase = tuple(w.text for w in words(match["np"]))
            return Cue(noun_phrase, match.group().strip(" ۔،,"))
    if forward_only and not re.match(_LEAD + r"یہ\s+بات\s", text):
        return None
    if match := _CUE_AFTER_NE.match(text):
        noun_phrase = noun_phrase_before(text, match.start("marker"))
        if noun_phrase:
            return Cue(noun_phrase, match.group().strip(" ۔،,"))
    return None


def subject_phrases(text: str) -> list[tuple[str, ...]]:
    """Noun phrases standing as subjects before نے in `text`, in order (pronouns left out)."""
    phrases = []
    for match in _SUBJECT_RE.finditer(text):
        noun_phrase = noun_phrase_before(text, match.start())
        if noun_phrase and noun_phrase[-1] not in PRONOUNS:
            phrases.append(noun_phrase)
    return phrases


def vocative_addressee(quote: str) -> str | None:
    """The person addressed at the start of a quote (`مسٹر X!`, `جناب X،`), if any."""
    match = _VOCATIVE_RE.match(quote)
    if not match:
        return None
    if match["mark"] in _VOCATIVE_TITLES_REQUIRED_MARKS and not match["title"]:
        return None
    name = strip_titles(tuple(w.text for w in words(match["name"])))
    return " ".join(name) if is_plausible_name(name) else None


def last_clause(text: str) -> str:
    """The text after the last sentence end: where a reporting phrase for a quote sits."""
    cut = max(text.rfind(mark) for mark in "۔؟!")
    return text[cut + 1 :]


def last_sentence(text: str) -> str:
    """The last sentence of `text`, its final punctuation included."""
    body = text.rstrip(" ۔؟!")
    cut = max(body.rfind(mark) for mark in "۔؟!")
    return text[cut + 1 :]


def _evidence(phrase: str, speaker: str) -> str:
    return phrase if phrase.startswith(speaker) else f"{phrase} → {speaker}"


def _phrase_start(text: str, noun_phrase: tuple[str, ...], marker: int) -> int:
    start = marker
    for word in reversed(noun_phrase):
        start = text.rfind(word, 0, start)
    return max(start, 0)


def _genders(segments: list[Segment]) -> dict[str, str]:
    """Gender of each speaker where the article shows it."""
    narration = [s.text for s in segments if s.kind is not SegmentKind.QUOTE]
    sentences = [part for text in narration for part in re.split(r"[۔؟!]", text)]
    result = {}
    for speaker in dict.fromkeys(s.speaker for s in segments if s.speaker):
        speech = [s.text for s in segments if s.speaker == speaker]
        if found := gender(speaker, sentences, speech):
            result[speaker] = found
    return result
