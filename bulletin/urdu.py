"""Urdu text basics shared by the text stages: letters, words, word lists, and the lexicon
of common words (bulletin/data/urdu_common_words.txt) that bounds names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bulletin.numbers import cardinal

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


# A habitual reporting verb with its auxiliary (`کہتی ہیں`, `بتاتے تھے`, `جواب دیتی ہیں`); the
# group `habitual` holds the verb, whose ending shows the speaker's gender.
HABITUAL_REPORT = (
    r"(?P<habitual>(?:کہت|بتات|لکھت|پوچھت|جواب\s+دیت)[ےیا])\s+(?:ہیں|ہے|تھے|تھیں|تھا|تھی)"
)
_IZAFAT = "\u0650"  # the zer of `وزیرِ تعلیم`: the word is still وزیر


def word_set(text: str) -> frozenset[str]:
    """A set of words from a whitespace-separated list (keeps long word lists readable),
    each also as written with an izafat zer."""
    return _with_izafat(text.split())


def without_izafat(word: str) -> str:
    """The word without a final izafat zer (`وزیرِ` → `وزیر`)."""
    return word.removesuffix(_IZAFAT)


def _with_izafat(found: Iterable[str]) -> frozenset[str]:
    """The words and the same words ending in an izafat zer (`وزیرِ`, `وزارتِ`)."""
    return frozenset(w for word in found for w in (word, word + _IZAFAT))


# Titles and honorifics: not part of a person's name (issue 2: "titles are not part of
# the name"). Multi-word titles are matched word by word, so "وزیر اعظم" is covered by
# both words being listed. سید and چوہدری are left out: the Urdu press writes them as part
# of the name (سید یوسف رضا گیلانی).
TITLES = word_set(
    """
    صدر نائب وزیر وزیراعظم وزیرِاعظم
    مسٹر مسز مس جناب محترم محترمہ ڈاکٹر پروفیسر شہزادہ شہزادی بادشاہ ملکہ سلطان
    چیئرمین چیئرپرسن سیکریٹری سیکرٹری جنرل گورنر سفیر ترجمان سربراہ رہنما لیڈر قائد
    اسپیکر سپیکر جج چیف جسٹس کمانڈر کرنل میجر لیفٹیننٹ بریگیڈیئر ایڈمرل ایئر مارشل
    کپتان سینیٹر رکن میئر کمشنر وکیل مولانا مفتی علامہ سردار بیگم خاتون
    صاحب صاحبہ پاپائے پوپ آیت سابق
    کوچ ہیڈ فارورڈ کھلاڑی کرکٹر بلے بولر باکسر ایتھلیٹ کاشتکار کسان طالبہ طالب
    عہدیدار کارپوریٹر نقاد سسٹر
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
    "باز": word_set("بلے گیند نیزہ"),
    "استغاثہ": word_set("وکیل وکلا"),  # وکیل استغاثہ، وکیل صفائی
    "صفائی": word_set("وکیل وکلا"),
    "کار": word_set("تجزیہ ہدایت صدا فن"),
    "کارہ": word_set("تجزیہ ہدایت صدا فن"),  # the feminine: ہدایت کارہ
    "پیما": word_set("کوہ"),
    "گیری": word_set("ماہی"),  # وزیر لائیو اسٹاک و ماہی گیری
    "نگار": word_set("ناول ڈرامہ کالم نامہ افسانہ مضمون سفر نغمہ"),
    "دار": word_set("شراکت"),
    "تعلقات": word_set("شعبہ"),
    "عامہ": word_set("تعلقات"),
    "علم": word_set("طالب"),
    "اختلاف": word_set("حزب"),
    "حزب": word_set("قائد"),
    "ٹیکنالوجی": word_set("انفارمیشن سائنس"),
}
TITLE_CONTINUATIONS = frozenset(_COMPOUND_TITLES)
# Second halves that make a profession of the noun before them (ڈرامہ نگار، کوہ پیما).
_PROFESSION_TAILS = word_set("نگار کار کارہ پیما باز گیری")
# Titles whose next word names their field (ماہر نباتات، ماہرین معاشیات): part of the title.
_FIELD_TITLES = word_set("ماہر ماہرِ ماہرین")


# Provinces and main cities/districts, often named between an office and a person
# (وزیر اعلیٰ پنجاب مریم نواز، ڈپٹی کمشنر سوات X): part of the title, not of the name.
PLACES = word_set(
    """
    پنجاب سندھ بلوچستان خیبر پختونخوا گلگت بلتستان کشمیر اسلام آباد کراچی لاہور پشاور
    کوئٹہ ملتان راولپنڈی حیدرآباد سوات سکھر گوجرانوالہ سیالکوٹ بہاولپور ایبٹ مردان
    لاڑکانہ نوابشاہ گوادر تربت چترال ہنزہ مظفرآباد میرپور سرگودھا ساہیوال جہلم گجرات
    """
)


def is_compound_tail(before: str, word: str) -> bool:
    """Is `word` the second half of a compound title or office (وزیر اعظم، دفتر خارجہ)?"""
    return before in _COMPOUND_TITLES.get(word, ())


def title_flags(phrase: tuple[str, ...]) -> list[bool]:
    """Which words of a phrase belong to a title (صدر، وزیر اعظم، چیف جسٹس…)."""
    flags: list[bool] = []
    naming = False  # inside the field or remit of a title: ماہر سمندری حیات، برائے آئی ٹی
    for index, word in enumerate(phrase):
        before = phrase[index - 1] if index else ""
        compound = before in _COMPOUND_TITLES.get(word, ())
        place = word in PLACES or (word == "آباد" and before in PLACES)
        continues = bool(flags) and flags[-1] and (compound or place or before == "برائے")
        opens = before in _FIELD_TITLES or before == "برائے"
        naming = (opens or naming) and word not in _plain_given_names()
        naming = naming and (opens or not (is_name_word(word) or word in TITLES))
        continues = continues or naming
        aged = word.endswith("سالہ") or (index + 1 < len(phrase) and phrase[index + 1] == "سالہ")
        joined = compound and word in _PROFESSION_TAILS and not is_name_word(before)  # ڈرامہ نگار
        flags.append(word in TITLES or continues or aged or joined)  # "بتیس سالہ" (32-year-old)
    return flags


# Pronouns that can stand for a speaker before نے or in a reporting phrase.
PRONOUNS = word_set(
    """
    انہوں انھوں اُنہوں اُنھوں اس اُس ان اُن انہیں انھیں وہ یہ میں ہم آپ انہی اسی
    موصوف موصوفہ
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
    رات منگل بدھ جمعرات جمعہ ہفتہ اتوار پیر سوموار موقع
    حوالے مطابق بقول کہنا علاوہ ذریعے والے والی والا ازاں جمعے سال انگریزی جیسی جیسا جیسے
    جیسوں
    """
)


# The lexicon of common words (bulletin/data/urdu_common_words.txt), by section.
_LEXICON_FILE = "urdu_common_words.txt"
# Regular endings of a verb stem: after a consonant (کہ → کہنا کہتا کہا کہی کہیں…) and after
# a vowel (بتا → بتانا بتاتا بتایا بتائی بتائیں…).
_CONSONANT_ENDINGS = ("نا", "نے", "نی", "تا", "تے", "تی", "تیں", "ا", "ی", "ے", "یں", "و")
_VOWEL_ENDINGS = ("نا", "نے", "نی", "تا", "تے", "تی", "تیں", "یا", "ئی", "ئے", "ئیں", "ؤ")
# Sections whose words end a noun phrase read backwards from a marker (نے، کا کہنا…).
_PHRASE_BREAKING = ("function", "verb", "stem", "adverb")


def parse_lexicon(text: str) -> dict[str, frozenset[str]]:
    """Sections of a word-list file: `[section]` headers, words split by white space,
    `#` comments. The `stem` section is expanded to the regular forms of each stem."""
    sections: dict[str, set[str]] = {}
    current = sections.setdefault("", set())
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), set())
        elif line:
            current.update(line.split())
    sections["stem"] = set(verb_forms(sections.get("stem", set())))
    return {name: _with_izafat(found) for name, found in sections.items() if found}


def verb_forms(stems: set[str] | frozenset[str]) -> frozenset[str]:
    """The stems and their regular inflected forms."""
    forms = set(stems)
    for stem in stems:
        endings = _VOWEL_ENDINGS if stem.endswith(("ا", "و", "ی")) else _CONSONANT_ENDINGS
        forms.update(stem + ending for ending in endings)
    return frozenset(forms)


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """The common-word lexicon shipped with the package, by section."""
    path = resources.files("bulletin").joinpath("data", _LEXICON_FILE)
    return parse_lexicon(path.read_text(encoding="utf-8"))


# Number words up to a hundred, except انیس (19), which is also a given name.
_NUMBER_WORDS = frozenset(cardinal(n) for n in range(1, 101) if n != 19)
# Plural and oblique endings of common nouns (کسانوں، پاسپورٹس، مطالبات، آپریشنز).
_PLURAL_ENDINGS = ("وں", "ؤں", "یں", "ات", "ز", "س")
_MIN_STEM = 3
_MIN_INFINITIVE = 4


@cache
def common_words() -> frozenset[str]:
    """Every word of the lexicon, with the older lists: words that are not names."""
    return frozenset().union(
        *lexicon().values(), STOPWORDS, TITLES, PRONOUNS, PLACES, _NUMBER_WORDS
    )


_GIVEN_SECTIONS = ("male", "female", "hindu_sikh_christian", "western", "other")
_HARAKAT_RE = re.compile(f"[{_MARKS}]")


@cache
def _given_name_sections() -> dict[str, frozenset[str]]:
    path = resources.files("bulletin").joinpath("data", "urdu_given_names.txt")
    return parse_lexicon(path.read_text(encoding="utf-8"))


def given_names(section: str) -> frozenset[str]:
    """A section (`male`, `female`, …) of the given-name list in
    bulletin/data/urdu_given_names.txt."""
    return _given_name_sections().get(section, frozenset())


@cache
def _plain_given_names() -> frozenset[str]:
    """Given names that are not also common words (their own sections, not `ambiguous`)."""
    return frozenset().union(*(given_names(s) for s in _GIVEN_SECTIONS))


def is_given_name(word: str) -> bool:
    """Is `word` in the given-name list (and not also a common word)?"""
    return _HARAKAT_RE.sub("", word) in _plain_given_names()


def is_listed_name(word: str) -> bool:
    """Is `word` anywhere in the given-name list, its `ambiguous` section included?"""
    plain = _HARAKAT_RE.sub("", word)
    return any(plain in names for names in _given_name_sections().values())


def is_common(word: str) -> bool:
    """Is `word` a common word, or a plural of one (ایکسپورٹرز، پاسپورٹس)? Vowel marks are
    ignored (نوّے is نوے); a listed given name is never a derived form (وجے is not the
    oblique of وجہ)."""
    word = _HARAKAT_RE.sub("", word)
    found = common_words()
    if word in found:
        return True
    if word in _plain_given_names():
        return False
    if word.endswith("ے") and word[:-1] + "ہ" in found:  # غصے، محکمے
        return True
    if word.endswith("نے") and len(word) >= _MIN_INFINITIVE:  # بانٹنے: an infinitive
        return True
    return any(
        word.endswith(ending)
        and len(word) - len(ending) >= _MIN_STEM
        and word[: -len(ending)] in found
        for ending in _PLURAL_ENDINGS
    )


@cache
def phrase_breakers() -> frozenset[str]:
    """Function words, verbs and adverbs: words that cannot sit inside a noun phrase."""
    found = lexicon()
    breakers = frozenset().union(*(found.get(s, frozenset()) for s in _PHRASE_BREAKING))
    letters = found.get("letter", frozenset()) - found.get("function", frozenset())
    return (breakers | STOPWORDS) - letters  # آئی in آئی ایس پی آر is a letter, not a verb


_PLAIN_SECTIONS = ("noun", "adjective", "loan")
_MARKED_SECTIONS = (
    "function",
    "verb",
    "stem",
    "adverb",
    "office",
    "title",
    "place",
    "org",
    "agency",
    "letter",
)


def is_plain_noun(word: str) -> bool:
    """A noun, adjective or loanword and nothing else: such a word may also be a given name
    (انعام، پیٹ), unlike a title, office, place or function word."""
    found = lexicon()
    plain = any(word in found.get(s, frozenset()) for s in _PLAIN_SECTIONS)
    marked = any(word in found.get(s, frozenset()) for s in _MARKED_SECTIONS)
    return plain and not marked and word not in TITLES and word not in PLACES


def in_section(word: str, section: str) -> bool:
    """Is `word` listed in that section of the lexicon?"""
    return word in lexicon().get(section, frozenset())


def is_name_word(word: str) -> bool:
    """Could `word` be part of a proper name (not a common word, title or number)?"""
    return not is_common(word) and URDU_LETTER_RE.search(word) is not None


def is_phrase_word(word: str) -> bool:
    """Can `word` sit inside a noun phrase (a name, title, noun, adjective or place)?"""
    return (
        word not in phrase_breakers()
        and word not in PRONOUNS
        and URDU_LETTER_RE.search(word) is not None
    )
