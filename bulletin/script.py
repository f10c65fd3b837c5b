"""Stage 2, script: cut the article into title, dateline, narration and quote segments."""

from __future__ import annotations

from bulletin.model import Article, Paragraph, Script, Segment, SegmentKind, Span
from bulletin.quotes import Quoted, find_quoted, is_speech, paragraph_quotes
from bulletin.urdu import WORD_RE


def build_script(article: Article) -> Script:
    """The article as segments in reading order; every word lands in exactly one."""
    headline = paragraph_quotes(article.title.text)[0]  # a headline may be or hold a quote
    title = _text_segments(article.title, headline, 0, SegmentKind.TITLE, False, headline=True)
    body = list(article.paragraphs)
    segments = []
    if article.dateline is not None and body:
        dateline = article.dateline
        segments.append(_segment(SegmentKind.DATELINE, dateline.text, dateline.span, 1))
        body[0] = _after_dateline(article, body[0])
    quoted = find_quoted([p.text for p in body])
    previous_text = ""
    for index, (paragraph, stretches) in enumerate(zip(body, quoted, strict=True), start=1):
        introduced = previous_text.rstrip().endswith((":", "："))
        segments.extend(
            _text_segments(paragraph, stretches, index, SegmentKind.NARRATION, introduced)
        )
        previous_text = paragraph.text
    return Script(title=article.title.text, segments=title + segments)


def _text_segments(
    paragraph: Paragraph,
    stretches: list[Quoted],
    index: int,
    kind: SegmentKind,
    introduced: bool,
    headline: bool = False,
) -> list[Segment]:
    """Narration (or title) and quote segments of one paragraph, in order."""
    text, base = paragraph.text, paragraph.span.start
    segments: list[Segment] = []
    cursor = 0
    for quoted in stretches:
        if not is_speech(text, quoted, introduced, headline):
            continue
        segments.extend(_piece(kind, text, cursor, quoted.outer_start, base, index))
        for segment in _piece(SegmentKind.QUOTE, text, quoted.start, quoted.end, base, index):
            segment.continued = quoted.continued
            segments.append(segment)
        cursor = quoted.outer_end
    segments.extend(_piece(kind, text, cursor, len(text), base, index))
    return segments


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
