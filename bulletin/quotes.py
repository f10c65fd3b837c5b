"""Quote marks as Urdu outlets type them, and whether a quoted stretch is speech.

Urdu text is typed with every convention: “…” and the reversed ”…“, BBC Urdu's ’…‘, the
doubled ’’…‘‘ and ‘‘…’’, straight "…" and '…', and «…». So a mark's glyph does not say
whether it opens or closes; its neighbours do: a mark after a space (or at the start) and
before a letter opens, a mark after a letter and before a space, punctuation or the end
closes. Marks are paired per family (double, single, guillemet) on a stack, so an inner
quote with the same marks as the outer one nests inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bulletin.urdu import HABITUAL_REPORT, word_set

_MARK_RE = re.compile(r"’’|‘‘|''|[“”„«»\"‘’'‹›]")
_FAMILY = {
    "“": "double",
    "”": "double",
    "„": "double",
    '"': "double",
    "’’": "double",
    "‘‘": "double",
    "''": "double",
    "‘": "single",
    "’": "single",
    "'": "single",
    "«": "guillemet",
    "»": "guillemet",
    "‹": "angle",
    "›": "angle",
}
_SPACE = set(" \t")
_OPEN_BEFORE = _SPACE | set("([{:؛،,—–-") | set("“”„«»\"‘’'‹›")
_CLOSE_AFTER = _SPACE | set(")]}:؛،,.۔؟?!—–-") | set("“”„«»\"‘’'‹›")
_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True)
class Mark:
    """One quote mark: where it is, its family, and what its neighbours allow."""

    start: int
    end: int
    family: str
    can_open: bool
    can_close: bool

    @property
    def closes(self) -> bool:
        """Could close an open quote (a mark that could do neither is read as closing)."""
        return self.can_close or not self.can_open


@dataclass(frozen=True)
class Quoted:
    """A top-level quoted stretch of one paragraph: offsets of the text inside the marks.

    `continued` is True when the stretch carries on a quote left open by the paragraph
    before; `closed` is False when it runs to the paragraph end without a closing mark.
    """

    start: int
    end: int
    continued: bool
    closed: bool
    family: str
    outer_start: int  # where the opening mark starts (the paragraph start if none)
    outer_end: int  # where the closing mark ends (the paragraph end if none)


def find_marks(text: str) -> list[Mark]:
    """The quote marks in `text`; apostrophes inside Latin words (Trump's) are not marks."""
    marks = []
    for match in _MARK_RE.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if match.group() in ("'", "’") and _LATIN.match(before) and _LATIN.match(after):
            continue
        can_open = before in _OPEN_BEFORE and after not in _SPACE
        can_close = before not in _SPACE and after in _CLOSE_AFTER
        marks.append(Mark(match.start(), match.end(), _FAMILY[match.group()], can_open, can_close))
    return marks


def find_quoted(paragraphs: list[str]) -> list[list[Quoted]]:
    """Top-level quoted stretches of each paragraph, following quotes across paragraphs."""
    result: list[list[Quoted]] = []
    carried: str | None = None  # family of a quote left open by the previous paragraph
    for text in paragraphs:
        quoted, carried = paragraph_quotes(text, carried)
        result.append(quoted)
    return result


def paragraph_quotes(text: str, carried: str | None = None) -> tuple[list[Quoted], str | None]:
    """Quoted stretches of one paragraph and the family of a quote it leaves open."""
    marks = find_marks(text)
    quotes: list[Quoted] = []
    opener: Mark | None = None  # the mark that opened the current top-level quote
    continued = False
    if carried is not None and _reopens(marks, carried):
        opener, marks, continued = marks[0], marks[1:], True
    elif carried is not None and _closes_first(marks, carried):
        opener, continued = Mark(0, 0, carried, True, False), True
    nested: list[str] = []
    for mark in marks:
        if opener is None:
            if mark.can_open or not mark.can_close:  # a stray closing mark stays as text
                opener, continued = mark, False
        elif nested and mark.family == nested[-1] and mark.closes:
            nested.pop()
        elif not nested and mark.family == opener.family and mark.closes:
            quotes.append(_quoted(opener, mark.start, mark.end, continued, True))
            opener = None
        elif mark.can_open:
            nested.append(mark.family)
    if opener is None:
        return quotes, None
    quotes.append(_quoted(opener, len(text), len(text), continued, False))
    return quotes, opener.family


def _quoted(opener: Mark, end: int, outer_end: int, continued: bool, closed: bool) -> Quoted:
    return Quoted(opener.end, end, continued, closed, opener.family, opener.start, outer_end)


def _reopens(marks: list[Mark], family: str) -> bool:
    """The paragraph starts by re-opening a continuing quote (the English convention)."""
    return bool(marks) and marks[0].start == 0 and marks[0].family == family and marks[0].can_open


def _closes_first(marks: list[Mark], family: str) -> bool:
    """A closing mark of `family` comes before any opening one: the quote carries on."""
    for mark in marks:
        if mark.family == family:
            return mark.can_close and not mark.can_open
    return False


# Evidence for speech around a quoted stretch (see `is_speech`).
_INTRODUCED_RE = re.compile(
    r"(?:[:：]|\bکہ|\bکہا|کہا\s+گیا(?:\s+(?:ہے|تھا))?|\bلکھا|\bبتایا|\bپوچھا|ٹویٹ\s+(?:کی|کیا)|\bکے\s+(?:مطابق|بقول)|"
    r"کہنا\s+(?:تھا|ہے)|(?:استفسار|سوال)\s+کیا|ریمارکس\s+دیے|" + HABITUAL_REPORT + r"|جواب\s+دیا|"
    r"\bبول(?:ے|یں|ا|ی)|\bپکار(?:ا|ی|ے|یں)|آواز\s+(?:دی|لگائی))\s*[،,:]?\s*$"
)
# A reporting word anywhere before a colon (`X نے صحافیوں سے کہا:`, `ان کا کہنا تھا:`).
_REPORTED_BEFORE_RE = re.compile(
    r"کہا|کہنا|کہت|کہی|بتا|لکھا|لکھت|پوچھ|بول|پکار|آواز|جواب|بیان|اعلامی|مطابق|بقول|ٹویٹ|"
    r"پیغام|خطاب|ریمارکس|الفاظ|تقریر|گفتگو|انٹرویو"
)
# A reporting verb earlier in the sentence, and a clause opening right before the quote.
_REPORTING_VERB_RE = re.compile(
    r"کہا|کہنا|کہت[ےیا]|کہی|بتایا|بتات[ےیا]|خبردار|لکھا|مراسلے|اعلامیے|کے\s+مطابق|کے\s+بقول"
)
_CLAUSE_START_RE = re.compile(r"(?:(?<!\S)(?:اور|کہ|تو|لیکن|مگر)|[،,:؛])\s*$")
_POSTPOSITION_AFTER_RE = re.compile(r"^\s*(?:کے|کی|کا|کو|میں|سے|پر|نے)(?!\S)")
_REPORTED_AFTER_RE = re.compile(
    r"^\s*[،,]?\s*(?:یہ\s+(?:بات|کہنا|الفاظ)\b|[^۔؟!]{0,80}?\sنے\s+(?:\S+\s+){0,6}?"
    r"(?:کہا|کہی|بتایا|لکھا|ٹویٹ|پوچھا)\b)"
)
_LABEL_BEFORE_RE = re.compile(
    r"(?:فلم|کتاب|ناول|ڈرامہ|ڈرامے|ڈرامائی|سیریل|پروگرام|پروگرامز|آپریشن|گانا|گانے|نظم|غزل|"
    r"عنوان|نامی|اصطلاح|مہم|منصوبہ|منصوبے|سیریز|شو|کالم|مضمون|رپورٹ|ایپ|ویب\s+سائٹ|اخبار|"
    r"جریدے|جریدہ|رسالے|رسالہ|ہیش\s+ٹیگ|ٹرینڈ|نعرہ|نعرے|لقب|نام)\s*$"
)
_LABEL_AFTER_RE = re.compile(
    r"^\s*(?:نامی|کے\s+نام\s+سے|کے\s+عنوان\s+سے|کا\s+نام|کی\s+اصطلاح|قرار|کہلا|جیسے|جیسی|جیسا)"
)
_FINITE_ENDINGS = word_set(
    "ہے ہیں تھا تھی تھے تھیں گا گی گے ہوں ہو ہوا ہوئی ہوئے گیا گئی گئے گئیں چاہیے چاہیئے "
    "سکتا سکتی سکتے رہا رہی رہے کریں کرے کرو کرتا کرتی کرتے دیں دے دو لیں سکیں "
    "نہیں"  # a negated clause without a verb: `کوئی گروپ بندی نہیں`
)
_WORD_RE = re.compile(r"[\w\u064b-\u065f\u0670]+")
_SENTENCE_END_RE = re.compile(r"[۔؟!?.]")
_MIN_STANDALONE_WORDS = 4
_MIN_HEADLINE_WORDS = 3


def is_speech(
    text: str, quoted: Quoted, introduced_before: bool = False, headline: bool = False
) -> bool:
    """Is a quoted stretch of paragraph `text` speech, rather than a title, label or
    scare quote the narrator reads?

    Speech: a quote that continues one from the paragraph before; one introduced by a
    reporting phrase or a colon (`کہا کہ ’…‘`, `کہا: ”…“`, or `introduced_before`, the
    paragraph before ending with a colon); one followed by a reporting phrase (`’…‘، X نے
    کہا`, `یہ بات X نے کہی`) that is a clause of its own; one that starts its sentence and is
    a full clause (a finite verb or sentence end, four words or more). Not speech: a name,
    title or label (`فلم ’…‘`, `’…‘ نامی`, `’…‘ قرار دیا`), and a short partial quote inside a
    narrated sentence (`انھوں نے اسے ’غیر ذمہ دارانہ‘ کہا`), which the narrator reads.
    In a `headline`, a comma or colon also starts a clause (`X روانہ، ’’…‘‘`), and a quote
    of three words or more that a colon attributes (`’…‘: کپتان X`) is speech.
    """
    inside = text[quoted.start : quoted.end]
    words = _WORD_RE.findall(inside)
    if not words:
        return False
    if quoted.continued:
        return True
    before = _sentence_before(text, quoted.outer_start)
    after = text[quoted.outer_end :] if quoted.closed else ""
    if _LABEL_BEFORE_RE.search(before) or _LABEL_AFTER_RE.match(after):
        return before.rstrip().endswith((":", "：")) and _is_clause(inside, words)
    if _POSTPOSITION_AFTER_RE.match(after) and not _is_clause(inside, words):
        return False  # کے مطابق ’ویژن 2030‘ کے تحت: a name inside the sentence
    colon = before.rstrip().endswith((":", "："))
    if colon and not headline and not _REPORTED_BEFORE_RE.search(before):
        return _is_clause(inside, words)  # a sign, a label after a colon: `تختہ ٹنگا ہے: ’…‘`
    if _INTRODUCED_RE.search(before) or (introduced_before and not before.strip()):
        return True
    if _REPORTED_AFTER_RE.match(after):
        return _is_clause(inside, words) or len(words) >= _MIN_STANDALONE_WORDS
    if headline and after.lstrip().startswith((":", "：")) and len(words) >= _MIN_HEADLINE_WORDS:
        return True
    if _REPORTING_VERB_RE.search(before) and _CLAUSE_START_RE.search(before):
        return _is_clause(inside, words)  # X نے بتایا کہ … اور ’…۔‘: the rest of what was said
    starts_sentence = not _WORD_RE.search(before)
    if headline and before.rstrip().endswith(("،", ",", ":", "：")):
        starts_sentence = True
    return starts_sentence and _is_clause(inside, words)


def _is_clause(inside: str, words: list[str]) -> bool:
    """A full clause: ends in a finite verb or holds a sentence end, and is not a fragment."""
    finite = words[-1] in _FINITE_ENDINGS or bool(_SENTENCE_END_RE.search(inside))
    return (finite and len(words) >= 3) or len(words) >= 8


def _sentence_before(text: str, position: int) -> str:
    """The part of the sentence that precedes `position`."""
    head = text[: max(position, 0)]
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(head)]
    return head[ends[-1] :] if ends else head
