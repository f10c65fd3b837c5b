"""The word lexicon and the pure name functions behind attribution."""

import pytest

from bulletin.names import (
    NameIndex,
    RoleIndex,
    common_flags,
    full_names,
    is_acronym,
    is_short_form,
    noun_phrases,
    organisation_parts,
    role_and_name,
    strip_titles,
)
from bulletin.urdu import (
    common_words,
    is_common,
    is_name_word,
    is_phrase_word,
    is_plain_noun,
    lexicon,
    parse_lexicon,
    verb_forms,
)


def test_parse_lexicon_reads_sections_comments_and_stems() -> None:
    text = "# a comment\n[noun]\nگھر دکان  # trailing comment\n[stem]\nبتا کہ\n"
    found = parse_lexicon(text)
    assert found["noun"] == {"گھر", "دکان", "گھرِ", "دکانِ"}  # also with an izafat zer
    assert {"بتایا", "بتاتے", "بتائیں", "کہا", "کہتی", "کہنا"} <= found["stem"]


def test_verb_forms_follow_the_stem_ending() -> None:
    assert {"لکھا", "لکھی", "لکھتے", "لکھنا", "لکھیں"} <= verb_forms({"لکھ"})
    assert {"سنایا", "سنائی", "سناتے", "سنانا", "سنائیں"} <= verb_forms({"سنا"})


def test_the_shipped_lexicon_is_broad_and_leaves_names_out() -> None:
    sections = lexicon()
    assert {"function", "verb", "noun", "title", "office", "place", "org", "letter"} <= set(
        sections
    )
    assert len(common_words()) > 4000
    for name in ("محمد", "شاہد", "اقبال", "ملک", "عمر", "نور", "گل", "رمضان", "فیصل"):
        assert is_name_word(name), name


@pytest.mark.parametrize(
    ("word", "common"),
    [
        ("پاسپورٹس", True),  # plural of a loanword
        ("کسانوں", True),  # oblique plural
        ("غصے", True),  # oblique of غصہ
        ("شہباز", False),
        ("عباس", False),
        ("حیات", False),
    ],
)
def test_common_words_include_their_plural_and_oblique_forms(word: str, common: bool) -> None:
    assert is_common(word) is common


def test_phrase_words_and_plain_nouns() -> None:
    assert is_phrase_word("وزیر") and is_phrase_word("حکومت") and is_phrase_word("آئی")
    assert not is_phrase_word("کہتے") and not is_phrase_word("نے")
    assert is_plain_noun("انعام")  # a noun that may also be a given name
    assert not is_plain_noun("وزیر") and not is_plain_noun("خارجہ")


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("اسپیشل پراسیکیوٹر نوشین اقبال", "نوشین اقبال"),
        ("ڈائریکٹر آپریشنز نعیم اللہ بیگ", "نعیم اللہ بیگ"),
        ("ترجمان دفتر خارجہ ممتاز زہرہ بلوچ", "ممتاز زہرہ بلوچ"),
        ("ایس ایس پی ایسٹ فیصل رضا عباسی", "فیصل رضا عباسی"),
        ("کوآرڈینیٹر انعام الحق", "انعام الحق"),
        ("کپتان پیٹ کمنز", "پیٹ کمنز"),
        ("شیخ صاحب", "شیخ"),
        ("ہدایت کار کاشف جمیل", "کاشف جمیل"),
        ("تجزیہ کار ڈاکٹر حسن عسکری رضوی", "حسن عسکری رضوی"),  # a noun between names
        ("چیئرمین سجاد مصطفیٰ سید", "سجاد مصطفیٰ سید"),  # a title as family name
        ("رہائشی نسیم بی بی", "نسیم بی بی"),
    ],
)
def test_a_name_is_the_last_run_of_name_words(phrase: str, name: str) -> None:
    assert strip_titles(tuple(phrase.split())) == tuple(name.split())


def test_common_flags_mark_places_before_abad() -> None:
    assert common_flags(("فیصل", "آباد")) == [True, True]


def test_role_and_name_split_a_phrase_at_its_last_name() -> None:
    role, name = role_and_name(("ساٹھ", "سالہ", "مزدور", "غلام", "رسول", "جال"))
    assert role == ("ساٹھ", "سالہ", "مزدور") and name == ("غلام", "رسول")
    assert role_and_name(("پولیس",)) == (("پولیس",), ())


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("طاہر سہگل", "طاہر محمود سہگل", True),  # middle name dropped
        ("صبا", "صبا گیلانی", True),  # first name
        ("سہگل", "طاہر محمود سہگل", True),  # surname
        ("محمود", "طاہر محمود سہگل", False),  # a middle name alone
        ("سہگل طاہر", "طاہر محمود سہگل", False),  # out of order
        ("طاہر محمود سہگل", "طاہر محمود سہگل", False),
    ],
)
def test_short_forms(short: str, full: str, expected: bool) -> None:
    assert is_short_form(tuple(short.split()), tuple(full.split())) is expected


def test_full_names_and_the_name_index_expand_short_forms() -> None:
    text = "ماہر معیشت ڈاکٹر عائشہ نور کیانی نے کہا۔ بعد میں عائشہ کیانی نے بتایا۔ کیانی نے کہا۔"
    assert ("عائشہ", "نور", "کیانی") in full_names(text)
    names = NameIndex(text)
    assert names.canonical("عائشہ کیانی") == "عائشہ نور کیانی"
    assert names.canonical("کیانی") == "عائشہ نور کیانی"


def test_noun_phrases_carry_the_words_around_them() -> None:
    phrases = noun_phrases("پینتالیس سالہ گل بانو کا گھر ہے۔ انہوں نے بتایا")
    assert phrases[0].words == ("پینتالیس", "سالہ", "گل", "بانو")
    assert phrases[0].after[:2] == ("کا", "گھر")
    assert phrases[-1].words == ("انہوں",) and phrases[-1].after[0] == "نے"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("تنظیم پاکستان ٹیکسٹائل ایکسپورٹرز فورم", ("پاکستان ٹیکسٹائل ایکسپورٹرز فورم", "تنظیم")),
        ("مالک کمپنی نیکسٹ ویو فنٹیک پرائیویٹ لمیٹڈ", ("نیکسٹ ویو فنٹیک پرائیویٹ لمیٹڈ", "کمپنی")),
        ("الیکشن کمیشن آف پاکستان", ("الیکشن کمیشن آف پاکستان", None)),
        ("محکمہ جنگلی حیات", ("محکمہ جنگلی حیات", None)),
        ("شعبہ تعلقات عامہ آئی ایس پی آر", ("آئی ایس پی آر", None)),
        ("ماہر معیشت ڈاکٹر عائشہ", None),
    ],
)
def test_organisation_parts(phrase: str, expected: tuple[str, str | None] | None) -> None:
    assert organisation_parts(tuple(phrase.split())) == expected


def test_acronyms() -> None:
    assert is_acronym(("پی", "ٹی", "اے")) and is_acronym(("نادرا",))
    assert not is_acronym(("پی", "ٹی", "اے", "حکام"))


def test_roles_are_any_title_words_before_a_name() -> None:
    text = "اسپیشل پراسیکیوٹر نوشین اقبال اور ایس ایس پی ایسٹ فیصل رضا عباسی پہنچے۔ جسٹس مہرین طارق"
    names = NameIndex(text)
    roles = RoleIndex()
    roles.learn(text, names)
    assert roles.lookup(("پراسیکیوٹر",)) == "نوشین اقبال"
    assert roles.lookup(("ایس", "ایس", "پی")) == "فیصل رضا عباسی"
    assert roles.lookup(("فاضل", "جج")) == "مہرین طارق"  # جج and جسٹس are one role
    assert roles.lookup(("ترجمان",)) is None
    assert roles.lookup(("پراسیکیوٹر",), owner=("نیب",)) is None  # another body's officer
