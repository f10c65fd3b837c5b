"""Stage 1, article: read a file and find its title, dateline and paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

from bulletin.errors import BulletinError
from bulletin.model import Article, Paragraph, Span
from bulletin.urdu import has_urdu, word_texts

# "شہر، ادارہ:" at the start of the first paragraph: a short place, a comma (Urdu or
# Latin) or an opening bracket, a short agency/date part, then a colon. Kept short so a
# sentence that merely contains a colon is not taken for a dateline.
_DATELINE_RE = re.compile(r"^(?P<dateline>[^:\n،,()]{1,40}\s*[،,(][^:\n]{1,60}?)\s*:")
_MAX_DATELINE_WORDS = 8


def read_article(path: Path) -> Article:
    """Read and parse an article file, raising BulletinError for unusable input."""
    if not path.exists():
        raise BulletinError(f"{path}: no such file")
    if path.is_dir():
        raise BulletinError(f"{path}: is a directory, expected an article text file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BulletinError(f"{path}: cannot read ({error.strerror})") from None
    return parse_article(decode_article(data, str(path)), source=str(path))


def decode_article(data: bytes, name: str) -> str:
    """Decode UTF-8 with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BulletinError(
            f"{name}: not valid UTF-8 (byte {error.start}); save the article as UTF-8"
        ) from None


def parse_article(text: str, source: str = "article") -> Article:
    """Split decoded text into title (first non-empty line), dateline and paragraphs."""
    lines = _non_empty_lines(text)
    if not lines:
        raise BulletinError(f"{source}: the article is empty")
    if not has_urdu(text):
        raise BulletinError(f"{source}: no Urdu text found; expected an article in Urdu script")
    title, body = lines[0], lines[1:]
    dateline = find_dateline(text, body[0]) if body else None
    return Article(text=text, title=title, dateline=dateline, paragraphs=tuple(body), source=source)


def find_dateline(text: str, first: Paragraph) -> Paragraph | None:
    """The `شہر، ادارہ:` prefix of the first paragraph, without its colon, if present."""
    match = _DATELINE_RE.match(first.text)
    if not match or len(word_texts(match["dateline"])) > _MAX_DATELINE_WORDS:
        return None
    start = first.span.start + match.start("dateline")
    end = first.span.start + match.end("dateline")
    return Paragraph(text=text[start:end], span=Span(start, end))


def _non_empty_lines(text: str) -> list[Paragraph]:
    """Each line with visible content, stripped, with its offsets in `text`."""
    lines = []
    for match in re.finditer(r"[^\r\n\u2028\u2029]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped or not word_texts(stripped):
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        lines.append(Paragraph(text=stripped, span=Span(start, start + len(stripped))))
    return lines
