"""Stage 2, script: cut the article into title, dateline, narration and quote segments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bulletin.model import Article, Paragraph, Script, Segment, SegmentKind, Span
from bulletin.urdu import WORD_RE, word_texts

# Opening mark -> closing mark. Straight quotes open and close with the same character.
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"'}

# A quoted stretch counts as speech (rather than a title, name or scare quote) when it is
# a clause of its own: several words, or a sentence end inside, or an introducer right
# before it (a colon, or کہ / کہا ending the text before the mark).
_MIN_SPEECH_WORDS = 5
_SENTENCE_INSIDE_RE = re.compile(r"[۔؟!?]")
_INTRODUCER_RE = re.compile(r"(?:[:：]|\bکہ|\bکہا)\s*$")


@dataclass(frozen=True)
class QuoteMark:
    """A quoted stretch in a paragraph: offsets of the text inside the marks."""

    start: int
    end: int
    closed: bool


def build_script(article: Article) -> Script:
    """The article as segments in reading order; every word lands in exactly one."""
    segments = [_segment(SegmentKind.TITLE, article.title.text, article.title.span, 0)]
    for index, paragraph in enumerate(article.paragraphs, start=1):
        body = paragraph
        if index == 1 and article.dateline is not None:
            segments.append(
                _segment(SegmentKind.DATELINE, article.dateline.text, article.dateline.span, 1)
            )
            body = _after_dateline(article, paragraph)
        segments.extend(_paragraph_segments(body, index))
    return Script(title=article.title.text, segments=segments)


def find_quotes(text: str) -> list[QuoteMark]:
    """Quoted stretches in one paragraph; an unclosed quote runs to the paragraph end."""
    quotes: list[QuoteMark] = []
    position = 0
    while position < len(text):
        opening = text[position]
        closing = QUOTE_PAIRS.get(opening)
        if closing is None:
            position += 1
            continue
        end = text.find(closing, position + 1)
        closed = end != -1
        end = end if closed else len(text)
        quotes.append(QuoteMark(position + 1, end, closed))
        position = end + 1
    return quotes


def is_speech(inside: str, before: str) -> bool:
    """Decide whether a quoted stretch is speech, from its shape and its introducer."""
    if _INTRODUCER_RE.search(before) and word_texts(inside):
        return True
    return len(word_texts(inside)) >= _MIN_SPEECH_WORDS or bool(_SENTENCE_INSIDE_RE.search(inside))


def _paragraph_segments(paragraph: Paragraph, index: int) -> list[Segment]:
    """Narration and quote segments of one paragraph, in order."""
    text, base = paragraph.text, paragraph.span.start
    segments: list[Segment] = []
    cursor = 0
    for quote in find_quotes(text):
        if not is_speech(text[quote.start : quote.end], text[: quote.start - 1]):
            continue
        segments.extend(_narration(text, cursor, quote.start - 1, base, index))
        segments.extend(_piece(SegmentKind.QUOTE, text, quote.start, quote.end, base, index))
        cursor = quote.end + 1 if quote.closed else quote.end
    segments.extend(_narration(text, cursor, len(text), base, index))
    return segments


def _narration(text: str, start: int, end: int, base: int, index: int) -> list[Segment]:
    return _piece(SegmentKind.NARRATION, text, start, end, base, index)


def _piece(
    kind: SegmentKind, text: str, start: int, end: int, base: int, index: int
) -> list[Segment]:
    """A segment for text[start:end] trimmed of spaces; none if it holds no word."""
    piece = text[start:end]
    if not WORD_RE.search(piece):
        return []
    left = len(piece) - len(piece.lstrip())
    stripped = piece.strip()
    span = Span(base + start + left, base + start + left + len(stripped))
    return [_segment(kind, stripped, span, index)]


def _after_dateline(article: Article, paragraph: Paragraph) -> Paragraph:
    """The first paragraph without its dateline and the colon after it."""
    assert article.dateline is not None
    offset = article.dateline.span.end - paragraph.span.start
    rest = paragraph.text[offset:]
    colon = rest.find(":")
    rest_start = offset + colon + 1
    return Paragraph(
        text=paragraph.text[rest_start:],
        span=Span(paragraph.span.start + rest_start, paragraph.span.end),
    )


def _segment(kind: SegmentKind, text: str, span: Span, paragraph: int) -> Segment:
    return Segment(kind=kind, text=text, span=span, paragraph=paragraph)
