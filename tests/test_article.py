from pathlib import Path

import pytest

from bulletin.article import decode_article, parse_article, read_article
from bulletin.errors import BulletinError

ARTICLE = (
    "لاہور میں بارش سے نظام زندگی متاثر\n"
    "\n"
    "لاہور، نمائندہ خصوصی: شہر میں صبح سے جاری بارش نے نظام زندگی مفلوج کر دیا۔\n"
    "  محکمہ موسمیات کے مطابق بارش کا سلسلہ کل تک جاری رہے گا۔  \n"
)


def test_title_dateline_paragraphs_and_offsets() -> None:
    article = parse_article(ARTICLE)
    assert article.title.text == "لاہور میں بارش سے نظام زندگی متاثر"
    assert article.dateline is not None
    assert article.dateline.text == "لاہور، نمائندہ خصوصی"
    assert len(article.paragraphs) == 2
    for part in (article.title, article.dateline, *article.paragraphs):
        assert ARTICLE[part.span.start : part.span.end] == part.text
    assert article.paragraphs[1].text.startswith("محکمہ")  # surrounding spaces stripped


def test_no_dateline_when_first_paragraph_is_a_sentence_with_a_colon() -> None:
    text = (
        "سرخی\nوزیر اعظم نے آج ایک طویل بیان میں کہا کہ حکومت، عوام اور ادارے مل کر: کام کریں گے۔\n"
    )
    assert parse_article(text).dateline is None


def test_dateline_with_latin_comma_and_brackets() -> None:
    article = parse_article("سرخی\nکراچی (اے پی پی): خبر کا متن یہاں ہے۔\n")
    assert article.dateline is not None and article.dateline.text == "کراچی (اے پی پی)"


def test_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    article = read_article(path)
    assert not article.text.startswith("\ufeff")
    assert article.title.text == "لاہور میں بارش سے نظام زندگی متاثر"
    assert all(article.text[p.span.start : p.span.end] == p.text for p in article.paragraphs)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        (b"\xff\xfe\x00bad", "not valid UTF-8"),
        (b"Just an English article.\nWith two lines.", "no Urdu text"),
    ],
)
def test_bad_input_is_a_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(BulletinError, match=message) as caught:
        read_article(path)
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(BulletinError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(BulletinError, match="directory"):
        read_article(tmp_path)


def test_decode_reports_byte_position() -> None:
    with pytest.raises(BulletinError, match="byte 3"):
        decode_article(b"abc" + b"\x80", "x")
