"""Urdu text basics shared by the text stages: letters, words, sentences, word lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Arabic-script letters as used for Urdu (Arabic, Arabic Supplement, Extended-A and
# presentation-form blocks), excluding digits and punctuation.
_ARABIC_LETTER = (
    "\u0621-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
)
_MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed"  # harakat, superscript alef, Quranic marks
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"

URDU_LETTER_RE = re.compile(f"[{_ARABIC_LETTER}]")
WORD_RE = re.compile(f"[{_ARABIC_LETTER}{_MARKS}{_DIGITS}A-Za-z\u200c\u200d]+")


@dataclass(frozen=True)
class Word:
    """A word and its offsets in the string it was found in."""

    text: str
    start: int
    end: int


def has_urdu(text: str) -> bool:
    """True if `text` contains at least one Arabic-script letter."""
    return URDU_LETTER_RE.search(text) is not None


def words(text: str) -> list[Word]:
    """The words of `text` with their offsets."""
    return [Word(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def word_texts(text: str) -> list[str]:
    """Just the words of `text`."""
    return WORD_RE.findall(text)


def word_set(text: str) -> frozenset[str]:
    """A set of words from a whitespace-separated list (keeps long word lists readable)."""
    return frozenset(text.split())


# Titles and honorifics: not part of a person's name (issue 2: "titles are not part of
# the name"). Multi-word titles are matched word by word, so "وزیر اعظم" is covered by
# both words being listed.
TITLES = word_set(
    """
    صدر نائب وزیر وزیراعظم وزیرِاعظم
    مسٹر مسز مس جناب محترم محترمہ ڈاکٹر پروفیسر شہزادہ شہزادی بادشاہ ملکہ سلطان
    چیئرمین چیئرپرسن سیکریٹری سیکرٹری جنرل گورنر سفیر ترجمان سربراہ رہنما لیڈر قائد
    اسپیکر سپیکر جج چیف جسٹس کمانڈر کرنل میجر لیفٹیننٹ بریگیڈیئر ایڈمرل ایئر مارشل
    کپتان سینیٹر رکن میئر کمشنر وکیل مولانا مفتی علامہ سید سردار بیگم خاتون
    صاحب صاحبہ پاپائے پوپ آیت سابق
    کوچ ہیڈ فارورڈ کھلاڑی کرکٹر بلے بولر باکسر ایتھلیٹ کاشتکار کسان طالبہ طالب
    استاد استانی ٹیچر ڈائریکٹر منیجر مینیجر افسر آفیسر اہلکار ماہر تجزیہ صحافی رپورٹر
    نمائندہ مصنف مصنفہ شاعر شاعرہ اداکار اداکارہ گلوکار گلوکارہ ڈرائیور مزدور شہری رہائشی
    دکاندار تاجر صنعتکار پائلٹ انجینئر سائنسدان محقق لیکچرر پرنسپل نرس سرجن کارکن رضاکار
    والد والدہ بیٹی بیٹا بھائی بہن شوہر اہلیہ بیوی نوجوان بزرگ لڑکی لڑکا مشیر معاون ڈپٹی
    ایڈیشنل انسپکٹر سپرنٹنڈنٹ کمانڈنٹ ممبر امیدوار مسافر مریض متاثرہ عینی کپتان باجی
    ایگزیکٹو سماجی فوجی مقامی قبائلی سرکاری وفاقی صوبائی نمائندے بیٹے کیپٹن ورکر
    ہیلتھ کوہ ناول میزبان فروش بیرسٹر معروف شراکت برائے کارکنوں مالک
    ہیڈماسٹر ایڈووکیٹ جسٹس کمانڈر ڈاکٹرز انچارج کوآرڈینیٹر اخبار روزنامہ شعبہ بانی
    صارف اوپنر ملازم ملازمہ قائد نژاد حاجی فاضل رکن
    """
)
# Words that are part of a title only right after certain titles (وزیر اعظم، وزیر خارجہ، آیت
# اللہ، میجر جنرل، عینی شاہد) and otherwise may be names (بابر اعظم، اللہ دتہ، شاہد نواز).
_MINISTRIES = word_set(
    "اعظم خارجہ داخلہ خزانہ دفاع اطلاعات اعلیٰ اعلی تعلیم صحت قانون مملکت تجارت ریلوے "
    "بلدیات خوراک زراعت توانائی پانی آبپاشی داخلہ منصوبہ ماحولیات"
)
_COMPOUND_TITLES = {
    **{word: word_set("وزیر مشیر معاون نائب دفتر وزارت") for word in _MINISTRIES},
    "اللہ": word_set("آیت"),
    "شاہد": word_set("عینی"),
    "جنرل": word_set("میجر لیفٹیننٹ اٹارنی سیکرٹری سیکریٹری ڈائریکٹر قونصل انسپکٹر"),
    "جسٹس": word_set("چیف"),
    "باز": word_set("بلے"),
    "کار": word_set("تجزیہ"),
    "پیما": word_set("کوہ"),
    "نگار": word_set("ناول"),
    "دار": word_set("شراکت"),
    "تعلقات": word_set("شعبہ"),
    "عامہ": word_set("تعلقات"),
    "علم": word_set("طالب"),
    "اختلاف": word_set("حزب"),
    "حزب": word_set("قائد"),
    "ٹیکنالوجی": word_set("انفارمیشن سائنس"),
}
TITLE_CONTINUATIONS = frozenset(_COMPOUND_TITLES)


# Provinces and main cities/districts, often named between an office and a person
# (وزیر اعلیٰ پنجاب مریم نواز، ڈپٹی کمشنر سوات X): part of the title, not of the name.
PLACES = word_set(
    """
    پنجاب سندھ بلوچستان خیبر پختونخوا گلگت بلتستان کشمیر اسلام آباد کراچی لاہور پشاور
    کوئٹہ ملتان فیصل راولپنڈی حیدرآباد سوات سکھر گوجرانوالہ سیالکوٹ بہاولپور ایبٹ مردان
    لاڑکانہ نوابشاہ گوادر تربت چترال ہنزہ مظفرآباد میرپور سرگودھا ساہیوال جہلم گجرات
    """
)


def is_compound_tail(before: str, word: str) -> bool:
    """Is `word` the second half of a compound title or office (وزیر اعظم، دفتر خارجہ)?"""
    return before in _COMPOUND_TITLES.get(word, ())


def title_flags(phrase: tuple[str, ...]) -> list[bool]:
    """Which words of a phrase belong to a title (صدر، وزیر اعظم، چیف جسٹس…)."""
    flags: list[bool] = []
    for index, word in enumerate(phrase):
        before = phrase[index - 1] if index else ""
        compound = before in _COMPOUND_TITLES.get(word, ())
        place = word in PLACES or (word == "آباد" and before in PLACES)
        continues = bool(flags) and flags[-1] and (compound or place or before == "برائے")
        aged = word.endswith("سالہ") or (index + 1 < len(phrase) and phrase[index + 1] == "سالہ")
        flags.append(word in TITLES or continues or aged)  # "بتیس سالہ" (32-year-old)
    return flags


# Pronouns that can stand for a speaker before نے or in a reporting phrase.
PRONOUNS = word_set(
    """
    انہوں انھوں اُنہوں اُنھوں اس اُس ان اُن انہیں انھیں وہ یہ میں ہم آپ انہی اسی
    """
)

# Function and common words that end a name when read backwards from نے, کا, کے مطابق.
STOPWORDS = word_set(
    """
    میں سے کے کی کا کو نے پر تک ساتھ لیے لئے بعد پہلے دوران درمیان بارے طرف جانب اور
    یا لیکن مگر بلکہ کہ جبکہ جب تب تاہم پھر بھی ہی تو نہ نہیں کیونکہ چونکہ اگر اگرچہ
    ہے ہیں تھا تھی تھے ہو ہوا ہوئی ہوئے ہوں گا گی گے کیا کی کئے کیے کر کرتے کرتی
    کرنا کہا کہی کہے کہتے کہتی بتایا کہنا جو جس جن جنہوں جہاں وہاں یہاں یہ وہ اس ان
    ایک دونوں تمام سب کئی بعض کچھ دیگر دوسرے دوسری پورے اپنے اپنی اپنا آج کل روز دن
    رات منگل بدھ جمعرات جمعہ ہفتہ اتوار پیر سوموار موقع روسی امریکی چینی بھارتی
    پاکستانی حوالے مطابق بقول کہنا علاوہ ذریعے والے والی والا ازاں جمعے سال انگریزی جیسی جیسا جیسے
    جیسوں
    """
)


def is_name_word(word: str) -> bool:
    """Could `word` be part of a proper name (not a function word, title or number)?"""
    return (
        word not in STOPWORDS
        and word not in TITLES
        and word not in PRONOUNS
        and URDU_LETTER_RE.search(word) is not None
    )
