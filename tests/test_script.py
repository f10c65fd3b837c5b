from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin.article import parse_article
from bulletin.model import SegmentKind
from bulletin.script import build_script
from bulletin.urdu import word_texts


def kinds(text: str) -> list[str]:
    return [s.kind.value for s in build_script(parse_article(text)).segments]


def test_inline_quote_splits_paragraph() -> None:
    text = "سرخی\nوزیر نے کہا کہ “ہم یہ منصوبہ اگلے سال مکمل کریں گے۔” اس کے بعد اجلاس ختم ہوا۔\n"
    script = build_script(parse_article(text))
    assert [s.kind for s in script.segments] == [
        SegmentKind.TITLE,
        SegmentKind.NARRATION,
        SegmentKind.QUOTE,
        SegmentKind.NARRATION,
    ]
    quote = script.segments[2]
    assert quote.text == "ہم یہ منصوبہ اگلے سال مکمل کریں گے۔"
    assert text[quote.span.start : quote.span.end] == quote.text
    assert text[quote.span.start - 1] == "“" and text[quote.span.end] == "”"


def test_introducer_line_stays_narration() -> None:
    text = "سرخی\nانہوں نے کہا:\n“یہ ایک تاریخی دن ہے اور ہم سب خوش ہیں۔”\n"
    assert kinds(text) == ["title", "narration", "quote"]


def test_dateline_is_its_own_segment() -> None:
    text = "سرخی\nپشاور، ہمارے نمائندے سے: صوبے میں نئی سڑک کا افتتاح کیا گیا۔\n"
    script = build_script(parse_article(text))
    assert [s.kind.value for s in script.segments] == ["title", "dateline", "narration"]
    assert script.segments[1].text == "پشاور، ہمارے نمائندے سے"
    assert script.segments[2].text == "صوبے میں نئی سڑک کا افتتاح کیا گیا۔"


def test_short_quoted_title_stays_with_narrator() -> None:
    text = "سرخی\nفلم “زندگی تماشا” کل ریلیز ہو گی۔\n"
    assert kinds(text) == ["title", "narration"]


def test_unclosed_quote_runs_to_end_of_paragraph() -> None:
    text = "سرخی\nترجمان نے کہا: “ہم اس فیصلے کو نہیں مانتے اور عدالت جائیں گے\nاگلا پیراگراف۔\n"
    script = build_script(parse_article(text))
    assert [s.kind.value for s in script.segments] == ["title", "narration", "quote", "narration"]
    assert script.segments[2].text.endswith("جائیں گے")


QUOTE_CHARS = st.sampled_from(
    [*list("“”«»\"'‘’„‹›"), "’’", "‘‘", "۔", "،", ":", "\n", " ", "\n\n", "Trump's"]
)
URDU_WORDS = st.sampled_from(
    ["صدر", "نے", "کہا", "کہ", "ہم", "آج", "یہاں", "ہیں", "علی", "پاکستان"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(QUOTE_CHARS, URDU_WORDS), min_size=1, max_size=300))
def test_no_word_lost_or_repeated(pieces: list[str]) -> None:
    text = "سرخی خبر\n" + " ".join(pieces)
    script = build_script(parse_article(text))
    spoken = [w for s in script.segments for w in word_texts(s.text)]
    assert spoken == word_texts(text)
    for segment in script.segments:
        assert text[segment.span.start : segment.span.end] == segment.text
