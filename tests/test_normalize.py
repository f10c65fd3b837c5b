import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin.article import parse_article
from bulletin.errors import BulletinError
from bulletin.model import Script
from bulletin.normalize import (
    apply_lexicon,
    clean_unicode,
    load_lexicon,
    normalize_script,
    spoken_text,
    utterances,
)
from bulletin.script import build_script

URDU_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06d5]")


def urdu_only(char: str) -> bool:
    return bool(URDU_LETTER.match(char)) or unicodedata.category(char) == "Mn"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("علي", "علی"),  # Arabic yeh
        ("مصطفى", "مصطفی"),  # alef maksura
        ("كراچی", "کراچی"),  # Arabic kaf
        ("شهر", "شہر"),  # Arabic heh is a plain heh in Urdu
        ("بھارت", "بھارت"),  # do-chashmi he (aspiration) is kept
        ("زکوة", "زکوۃ"),  # teh marbuta
        ("أحمد", "احمد"),  # alef with hamza above
        ("إسلام", "اسلام"),
        ("ا\u0653پ", "آپ"),  # decomposed alef madda composes
        ("گا\u0626ے", "گا\u0626ے"),  # yeh with hamza stays
        ("پاکستا\u0640\u0640ن", "پاکستان"),  # tatweel
        ("پاک\u200dستان\u200e", "پاکستان"),  # zero-width joiner, bidi mark
        ("\u202bصدر\u202c", "صدر"),  # embedding controls
        ("\ufeb3\ufefc\ufee1", "سلام"),  # presentation forms folded
        ("عالمِ اسلام", "عالمِ اسلام"),  # zer of izafat kept
        ("فوراً", "فوراً"),  # tanwin kept
        ("اعلیٰ", "اعلیٰ"),  # khari zabar kept
        ("دو\u00a0لفظ", "دو لفظ"),  # no-break space
    ],
)
def test_clean_unicode(raw: str, clean: str) -> None:
    assert clean_unicode(raw) == clean


def test_ligature_of_honorific_is_spelt_out() -> None:
    assert clean_unicode("\ufdfa") == "صلی اللہ علیہ وسلم"


def test_lexicon_whole_words_exact_case_first() -> None:
    lexicon = {"UN": "یو این", "un": "اَن", "پوتن": "پیوٹن"}
    assert apply_lexicon("UN اور un", lexicon) == "یو این اور اَن"
    assert apply_lexicon("Un", lexicon) in {"یو این", "اَن"}
    assert apply_lexicon("UNICEF", lexicon) == "UNICEF"  # not inside a longer word
    assert apply_lexicon("صدر پوتن نے", lexicon) == "صدر پیوٹن نے"


def test_lexicon_beats_built_in_readings() -> None:
    assert spoken_text("BBC", {"BBC": "برٹش براڈکاسٹنگ کارپوریشن"}) == ("برٹش براڈکاسٹنگ کارپوریشن")


def test_repo_lexicon_loads(tmp_path) -> None:
    from pathlib import Path

    lexicon = load_lexicon(Path(__file__).resolve().parent.parent / "voices")
    assert lexicon["FBR"] == "ایف بی آر"
    (tmp_path / "lexicon.toml").write_text('"X" = ""\n', "utf-8")
    with pytest.raises(BulletinError, match="non-empty"):
        load_lexicon(tmp_path)
    assert load_lexicon(tmp_path / "missing") == {}


@pytest.mark.parametrize(
    ("text", "must_contain"),
    [
        ("قیمت 500 روپے ہے", "پانچ سو روپے"),
        ("شرح 12% رہی", "بارہ فیصد"),
        ("BBC کے مطابق", "بی بی سی"),
        ("پاک & چین", "اور"),
        ("درجہ حرارت 40° رہا", "ڈگری"),
        ("سال ۲۰۲۴ میں", "دو ہزار چوبیس"),
    ],
)
def test_spoken_text_writes_everything_out(text: str, must_contain: str) -> None:
    spoken = spoken_text(text)
    assert must_contain in spoken
    assert not re.search(r"[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9%&°]", spoken)


def test_utterances_split_sentences_and_long_clauses() -> None:
    text = "پہلا جملہ۔ دوسرا جملہ؟ تیسرا! چوتھا"
    assert [u.text for u in utterances(text, 300)] == [
        "پہلا جملہ۔",
        "دوسرا جملہ؟",
        "تیسرا!",
        "چوتھا",
    ]
    assert {u.ends for u in utterances(text, 300)} == {"sentence"}
    long = "، ".join(["یہ ایک لمبا حصہ ہے"] * 10) + "۔"
    pieces = utterances(long, 60)
    assert all(len(p.text) <= 60 for p in pieces)
    assert [p.ends for p in pieces][-1] == "sentence" and pieces[0].ends == "clause"
    assert " ".join(p.text for p in pieces).split() == long.split()


def test_utterances_cut_at_words_when_no_clause_mark() -> None:
    long = " ".join(["لفظ"] * 50)
    pieces = utterances(long, 40)
    assert all(len(p.text) <= 40 for p in pieces)
    assert " ".join(p.text for p in pieces).split() == long.split()


def test_unspeakable_characters_are_reported_with_their_place() -> None:
    text = "سرخی\nآج موسم اچھا ہے 😀 اور ☂ بھی۔\n"
    script = build_script(parse_article(text))
    normalized, problems = normalize_script(script, urdu_only)
    assert sorted(p.char for p in problems) == ["☂", "😀"]
    smile = next(p for p in problems if p.char == "😀")
    assert text[smile.offset] == "😀"
    assert "GRINNING FACE" in smile.describe()
    assert "😀" not in normalized.segments[1].spoken


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_spoken_text_properties(text: str) -> None:
    spoken = spoken_text(text)
    assert spoken_text(spoken) == spoken  # idempotent
    assert not any(unicodedata.category(c) == "Nd" for c in spoken)
    cleaned = clean_unicode(text)
    for letter in set(URDU_LETTER.findall(cleaned)):
        assert letter in spoken


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["قیمت", "12", "۳۴", "%", "$", "BBC", "2024ء", ":", "۔", " ", "،", "5.5"]),
        max_size=30,
    )
)
def test_spoken_text_on_news_like_tokens(tokens: list[str]) -> None:
    spoken = spoken_text(" ".join(tokens))
    assert not re.search(r"[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9]", spoken)


def test_normalize_script_keeps_text_and_spans() -> None:
    text = "سرخی 2024\nمتن 5 بار۔\n"
    script = build_script(parse_article(text))
    normalized, _ = normalize_script(script, urdu_only)
    assert isinstance(normalized, Script)
    assert [s.text for s in normalized.segments] == [s.text for s in script.segments]
    assert normalized.segments[0].spoken == "سرخی دو ہزار چوبیس"
