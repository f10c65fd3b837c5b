"""Names in Urdu news text: noun phrases, titles, canonical forms, roles, gender.

Pure text logic used by attribution. A noun phrase runs back from a marker over names,
titles, nouns, adjectives and places, up to a function word, verb or punctuation. Its name
is its last run of words that are not common words (the lexicon in `urdu.py`), so titles,
offices, places and professions around a name are dropped. A person's canonical name is
the fullest form the article uses: the longest name ending with the mention's words, or a
name holding them in order with the first or last word kept (a surname, a first name, a
dropped middle name). A role (ترجمان، وزیر خارجہ) stands for the person the article last gave
that role; an organisation (دفتر خارجہ، پاکستانی فوج) is named by its head noun and what
surrounds it, without a generic word before its own name (تنظیم X فورم → X فورم).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bulletin.urdu import (
    HABITUAL_REPORT,
    PLACES,
    PRONOUNS,
    TITLES,
    Word,
    given_names,
    in_section,
    is_compound_tail,
    is_given_name,
    is_listed_name,
    is_name_word,
    is_phrase_word,
    is_plain_noun,
    title_flags,
    without_izafat,
    word_set,
    word_texts,
    words,
)

_MAX_NAME_WORDS = 5
_MAX_SYLLABLE_LETTERS = 3
_MAX_TITLED_SYLLABLE_LETTERS = 4  # right after a title: لائی in صدر لائی چنگ تے
# Korean and Chinese surnames that are also Urdu function words (کم: less). Kim is the
# most common Korean surname (about a fifth of South Koreans: Statistics Korea, 2015 census).
_SURNAME_SYLLABLES = word_set("کم")
_MAX_SYLLABLES = 2
_MIN_TITLED_NAME_WORDS = 3  # after a title, before a final plain noun that is a name
_NOT_SYLLABLES = ("function", "title", "place", "office", "org")
_SYLLABLE_SECTIONS = ("noun", "adjective", "letter", "loan")  # not only a verb
_MAX_PHRASE_WORDS = 10
_AFTER_WORDS = 3  # words kept after a phrase: its case and what the case governs
_MAX_ORG_WORDS = 10  # ایوان صنعت و تجارت اسلام آباد; نیشنل ایسوسی ایشن آف … کمپنیز
_MIN_NAMED_ORG_WORDS = 3
# Generic words that introduce an organisation's own name (`کمپنی قراقرم ایکسپیڈیشنز`).
_INTRODUCERS = word_set("ادارے ادارہ کمپنی تنظیم فرم")
UNITED_NATIONS = ("اقوام", "متحدہ")  # no head word of its own; اقوام alone is "nations"
_PR_WING = ("شعبہ", "تعلقات", "عامہ")  # public relations wing: شعبہ تعلقات عامہ آئی ایس پی آر
_MIN_ACRONYM_LETTERS = 2
_MIN_ROLE_NAME_WORDS = 2  # a role is learnt for a name of two words or more (in full)
_AGREEMENT_WINDOW = 60  # characters after a name where its verb agreement is read
# A name read on past a first name ends before a postposition or an auxiliary verb.
_NAME_ENDERS = word_set("نے کے کی کا کو رہے رہی رہا ہیں ہے تھے تھا تھی تھیں")
_VERB_ENDINGS = ("تی", "تے", "تا", "ئی", "ئے", "یں")
# Titles that are also family names after a given name (سجاد مصطفیٰ سید، گل بانو وزیر).
SURNAME_TITLES = word_set("سید سردار وزیر پیر میاں حاجی قاضی حافظ فاضل سلطان")
_MIN_NAME_BEFORE_SURNAME = 2
# A nickname after a name: `ذوالفقار جبار خان المعروف زلفی`.
_KNOWN_AS_RE = re.compile(r"\s(?:المعروف|عرف)\s+(?P<alias>[^\s،۔,:؛]+(?:\s+[^\s،۔,:؛]+)?)")
# An abbreviation in brackets after a name (`عالمی ادارہ محنت (آئی ایل او)`).
ABBREVIATION_RE = re.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t]*\Z")
# Second words of town names (فیصل آباد، راجن پور، مظفر گڑھ): the word before is no name.
_TOWN_ENDINGS = frozenset((word,) for word in word_set("آباد پور گڑھ"))
_SON_OF = word_set("بن بنت ابن")  # فہد بن سالم، فاطمہ بنت اسد
_SHEIKH = "شیخ"  # a family name in Pakistan (شیخ رشید), a title before an Arab name
_KUNYA = "ابو"  # father of: opens Arab family names (ابو ندی، ابو غزالہ)
# Common words that also end names, right after a name word: فرحت جہاں نے, the Sikh کور
# (جسپریت کور, not the army's کور), the Pashtun ترین (گل محمد ترین, not اہم ترین), and
# خاتون or بیگم after a given name (رحیمہ خاتون، شبانہ بیگم).
_NAME_ENDINGS = word_set("جہاں کور ترین خاتون بیگم پور")
_WOMAN_WORDS = word_set("خاتون بیگم")  # end a name only after a listed woman's name
_PLURAL_OBLIQUE = ("وں", "ؤں")  # مریضوں: a plural noun, never the end of a name
_CLOSING_NAME_WORDS = _NAME_ENDINGS | word_set("بی")  # nothing of the name comes after
# Second halves of compound given names (سلطان الدین، سیف اللہ).
_NAME_PARTICLES = word_set("الدین الرحمان الرحمن اللہ الحق الزمان")
_TITLE_NAMES = word_set("سلطان امیر شہزادہ")  # titles that also begin compound given names
# Words that open a name (سید امجد علی شاہ): words before them belong to something else.
NAME_OPENERS = word_set("سید")
TRAILING_TITLES = word_set("ایڈووکیٹ صاحب صاحبہ مرحوم مرحومہ جونیئر سینئر")
_GAP_RE = re.compile(r"^[ \t\u00a0\u200c\u200d]*\Z")  # words of one phrase: no line break
# A name in quote marks right before a marker: a newspaper, programme or group (`’X‘ نے`).
QUOTE_MARKS = "’‘”“\"'«»"
_QUOTED_NAME_RE = re.compile(
    rf"[{QUOTE_MARKS}]{{1,2}}(?P<name>[^{QUOTE_MARKS}\n۔،:]{{1,60}})"
    rf"[{QUOTE_MARKS}]{{1,2}}[ \t]*\Z"
)

# Head nouns of organisations that speak in the news.
ORGANISATIONS = word_set(
    """
    وزارت دفتر فوج پولیس اخبار عدالت کورٹ کمیشن بینک حکومت پارٹی جماعت ادارہ ادارے
    کمپنی تنظیم محکمہ محکمے اتھارٹی بورڈ کونسل ایجنسی سفارتخانہ سفارت خانہ اسمبلی سینیٹ
    یونیورسٹی ہسپتال اسپتال ٹیم لیگ فورس فاؤنڈیشن ایسوسی ایشن کمیٹی بیورو سیکرٹریٹ ایوان
    اتحاد یونین فیڈریشن چیمبر فورم لمیٹڈ کارپوریشن گروپ انسٹیٹیوٹ اکیڈمی سوسائٹی ٹرسٹ
    بلدیہ ڈائریکٹوریٹ انتظامیہ محاذ ڈویژن کابینہ ہائیکورٹ وزارتِ دفترِ کاؤنٹی جمعیت جمعیۃ
    ڈیپارٹمنٹ فورسز اکادمی حزب کمانڈ ایڈمنسٹریشن کمپنیز سروس
    """
)
# Heads that belong to the organisation's name (وزارت تجارت), unlike a generic word before
# a name of its own (تنظیم X فورم → X فورم).
_NAMING_HEADS = word_set("وزارت محکمہ محکمے")
# Words before a ministry that belong to its name (وفاقی وزارت صحت، سعودی وزارت حج).
_LEVELS = word_set("وفاقی صوبائی مرکزی ریاستی")
# Role words that name the same role (a judge is جج or جسٹس).
# Role words for any rank of the organisation named with them (`پولیس افسر`, `فوجی اہلکار`).
_GENERIC_ROLES = word_set("افسر آفیسر عہدیدار اہلکار")
# Ranks that make someone an officer of that service (`ایس پی X` is a پولیس افسر).
_RANKS = {"پولیس": tuple(word_set("ایس پی ایچ او انسپکٹر سپرنٹنڈنٹ تھانیدار ڈی آئی جی"))}
_MAX_INITIALS = 3  # اے ایم ایم ناصر الدین
# English letters as spelt in Urdu abbreviations, A to Z.
_LATIN_LETTERS = dict(
    zip(
        (
            *("اے", "بی", "سی", "ڈی", "ای", "ایف", "جی", "ایچ", "آئی", "جے", "کے", "ایل", "ایم"),
            *("این", "او", "پی", "کیو", "آر", "ایس", "ٹی", "یو", "وی", "ڈبلیو", "ایکس", "وائی"),
            "زیڈ",
        ),
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        strict=True,
    )
)
# The English letters an Urdu spelling of an English word may start with, by its first letter.
_LATIN_ONSETS = {
    **dict.fromkeys("اع", "AEIOU"),
    **dict.fromkeys("تٹط", "T"),
    **dict.fromkeys("ثص", "S"),
    **dict.fromkeys("حہ", "H"),
    **dict.fromkeys("دڈ", "D"),
    **dict.fromkeys("ذزضظ", "Z"),
    **dict.fromkeys("رڑ", "R"),
    **{"آ": "A", "ب": "B", "پ": "P", "س": "SC", "ج": "JG", "چ": "C", "خ": "K", "ش": "S"},
    **{"غ": "G", "ف": "FP", "ق": "QK", "ک": "KCQ", "گ": "G", "ل": "L", "م": "M", "ن": "N"},
    **{"و": "WVO", "ی": "YEI"},
}
# Second halves of English words Urdu writes in two (ایسوسی ایشن، انویسٹی گیشن).
_SECOND_HALVES = word_set("ایشن گیشن")
_GENITIVE_LINK_RE = re.compile(r"[ \t]+(?P<of>کی|کا|کے)[ \t]+\Z")
BRACKETED_RE = re.compile(r"[ \t]*\((?P<inside>[^()\n]{1,40})\)")
# Offices held over a place named right after them (ڈپٹی کمشنر ملتان، تحصیلدار جھنڈو).
_PLACE_OFFICES = word_set("کمشنر تحصیلدار")
# Offices held over a portfolio named right after them (وزیر معدنیات، انسپکٹر مائنز).
_PORTFOLIO_OFFICES = word_set("وزیر مشیر انسپکٹر سیکرٹری سیکریٹری")
# Family and clan words that open many names (رانا ثناءاللہ، چوہدری شجاعت، ملک ریاض).
_NAME_PREFIXES = word_set("چوہدری چودھری رانا ملک میاں خواجہ سردار راجہ مرزا شیخ پیر")
# Abbreviations of ranks and offices that stand before a name (not a person's initials).
_OFFICE_LETTERS = frozenset(
    (
        "ایس پی",
        "ڈی سی",
        "اے سی",
        "آئی جی",
        "ڈی جی",
        "ایم ڈی",
        "سی ای او",
        "ایس ایچ او",
        "ڈی ایس پی",
        "ایس ایس پی",
        "اے ایس پی",
        "ڈی پی او",
        "سی پی او",
        "ڈی آئی جی",
        "ایم این اے",
        "ایم پی اے",
        "ایم ایل اے",
        "ایم پی",
        "ایم ایل سی",
        "ڈی ای او",
        "ڈی او",
        "ای ڈی او",
        "ایس او",
        "اے ڈی",
        "ڈی ڈی",
        "جی ایم",
        "اے جی",
        "ڈی اے",
        "پی اے",
        "پی آر او",
        "ایس ای",
        "ایکس ای این",
        "ڈی ایف او",
        "ایس ڈی او",
        "ایس ڈی ایم",
        "ڈی ایم",
        "ایس پی او",
    )
)
_SAME_ROLE = {
    "جج": ("جسٹس",),
    "جسٹس": ("جج",),
    "ججز": ("جسٹس",),
    "افسر": ("آفیسر",),  # two spellings of one word
    "آفیسر": ("افسر",),
}
_HEADED_BY = ("کی", "سربراہی", "میں")  # X کی سربراہی میں بنچ: X is the bench's head
_OF = word_set("کے کی کا")
# Words that join the parts of an organisation's name (الیکشن کمیشن آف پاکستان).
_ORG_CONNECTORS = word_set("آف اینڈ و برائے فار")
# Words an English abbreviation leaves out: connectors, `the`, second halves of words.
_SKIPPED_IN_ACRONYMS = _ORG_CONNECTORS | word_set("دی") | _SECOND_HALVES
FEMALE_TITLES = word_set("بیگم محترمہ مس مسز خاتون ملکہ شہزادی صاحبہ")
_FEMININE_RE = re.compile(
    r"(?<!\S)(?:کہتی|بتاتی|کرتی|دیتی|چاہتی|سمجھتی|رہی|گئی|گئیں|چکی|سکتی|تھیں|ہوئیں|لگیں|"
    r"آئی|آئیں|بولیں|کہا\s+تھا\s+کہ\s+وہ\s+\S+\s+(?:گئی|تھیں))(?!\S)"
)
_AGREEING_VERB_RE = re.compile(
    r"(?<!\S)(?:" + HABITUAL_REPORT + "|"
    r"(?P<said>بول(?:یں|ے))|کہنے\s+(?P<began>لگ(?:یں|ے)))\s*[،,:]?\s*$"
)
_MASCULINE_RE = re.compile(
    r"(?<!\S)(?:کہتے|بتاتے|کرتے|دیتے|چاہتے|سمجھتے|رہے|گئے|چکے|سکتے|ہوئے|لگے|آئے|بولے|"
    r"چاہتا|سکتا|رہا|کرتا)(?!\S)"
)
_FIRST_PERSON_FEMININE_RE = re.compile(
    r"(?:چاہتی|سکتی|رہی|کرتی|گئی|سمجھتی|تھی)\s+ہوں|میں\s+\S+\s+گئی"
)
_FIRST_PERSON_MASCULINE_RE = re.compile(r"(?:چاہتا|سکتا|رہا|کرتا|گیا|سمجھتا|تھا)\s+ہوں")


def noun_phrase_before(text: str, position: int) -> tuple[str, ...]:
    """Words read backwards from `position` until punctuation or a function word.

    A pronoun directly before the marker is returned on its own.
    """
    return noun_phrase_span(text, position)[0]


def noun_phrase_span(text: str, position: int) -> tuple[tuple[str, ...], int]:
    """The noun phrase right before `position` (see `noun_phrase_before`) and where it
    starts (`position` when there is none)."""
    if aside := ABBREVIATION_RE.search(text[:position]):  # عالمی ادارہ محنت (آئی ایل او) نے
        return _defined_name(text, aside.start())
    if quoted := _QUOTED_NAME_RE.search(text[:position]):  # اخبار ’ٹورنٹو اسٹار‘ نے
        inside = words(quoted["name"])
        if 0 < len(inside) <= _MAX_NAME_WORDS:
            return tuple(w.text for w in inside), quoted.start()
    before = words(text[:position])
    if not before or not _GAP_RE.match(text[before[-1].end : position]):
        return (), position
    if before[-1].text in PRONOUNS:
        return (before[-1].text,), before[-1].start
    phrase: list[Word] = []
    tail = _syllable_tail(text, before)
    for index in range(len(before) - tail - 1, -1, -1):
        word = before[index]
        if phrase and not _GAP_RE.match(text[word.end : phrase[0].start]):
            break
        joins = bool(phrase) and (
            word.text == "و"  # وزارت افرادی قوت و سماجی بہبود
            or (  # فہد بن سالم
                word.text in _SON_OF
                and index > 0
                and _fathers_name(before[index - 1].text, phrase[0].text)
            )
            or _initial_ke(text, before, index, phrase)
            or _leading_syllable(text, before, index, phrase)
        )
        if not (is_phrase_word(word.text) or word.text in TITLES or joins):
            break
        if len(phrase) == _MAX_PHRASE_WORDS:
            break
        phrase.insert(0, word)
    phrase.extend(before[len(before) - tail :] if tail else [])
    while phrase and phrase[0].text == "و":
        phrase.pop(0)
    if not phrase:
        return (), position
    return tuple(w.text for w in phrase), phrase[0].start


def _defined_name(text: str, position: int) -> tuple[tuple[str, ...], int]:
    """The name before a bracketed abbreviation, with a genitive that is part of it
    (`خوراک و زراعت کی عالمی تنظیم (ایف اے او)`)."""
    phrase, start = noun_phrase_span(text, position)
    link = _GENITIVE_LINK_RE.search(text[:start])
    parts = organisation_parts(phrase) if phrase else None
    if link and parts and parts == (" ".join(phrase), None):  # not `… تنظیم X ایسوسی ایشن`
        owner, owner_start = noun_phrase_span(text, link.start())
        # not a country: سعودی عرب کی جنرل انٹرٹینمنٹ اتھارٹی (جی ای اے)
        independent = any(is_place(w) for w in owner)
        if owner and not strip_titles(owner) and not independent:
            return (*owner, link["of"], *phrase), owner_start
    return phrase, start


def _initial_ke(text: str, before: list[Word], index: int, phrase: list[Word]) -> bool:
    """Is before[index] the letter K (کے) of Indian initials rather than a postposition:
    one spelt letter and کے before a name word (`وی کے سنہا`), کے alone between a title and
    a name (`کمشنر کے وینکٹ رامن`), or کے and one letter before a name word (`کے آر سری
    نواسن`); not before an office in letters (`ضلع کے ایس پی`)."""
    if before[index].text != "کے" or not phrase:
        return False
    first = phrase[0].text
    if is_name_word(first) and not in_section(first, "letter"):
        ahead = before[index - 1].text if index else ""
        earlier = before[index - 2].text if index > 1 else ""
        if not index or not _joined(text, before[index - 1], before[index]):
            return False
        if in_section(ahead, "letter"):  # وی کے سنہا
            return not in_section(earlier, "letter")
        return _is_title(ahead) and len(phrase) > 1  # کمشنر کے وینکٹ رامن
    following = phrase[1].text if len(phrase) > 1 else ""
    return (
        in_section(first, "letter")
        and (is_name_word(following) or following == "سری")  # کے آر سری نواسن
        and not in_section(following, "letter")
        and f"کے {first}" not in _OFFICE_LETTERS
    )


def _leading_syllable(text: str, before: list[Word], index: int, phrase: list[Word]) -> bool:
    """Is before[index] a syllable of a foreign name that is also a verb or function word
    (`لی` in `ترجمان لی ژی یوان`, `ژانگ لی منگ`): right before a name word, and right after
    a name word, a title or an office?"""
    word = before[index].text
    previous = before[index - 1] if index else None
    if not phrase or not _opens_name(phrase):
        return False
    if previous is None or not _joined(text, previous, before[index]):
        return word in _SURNAME_SYLLABLES  # کم یو جونگ نے, opening the sentence
    ahead = previous.text
    titled = ahead in TITLES or in_section(ahead, "title")
    if not is_syllable(word, verbs=True, titled=titled):
        return False
    return titled or is_name_word(ahead) or in_section(ahead, "office")


def _opens_name(phrase: list[Word]) -> bool:
    """Does the phrase start with a name word, or a syllable or a letter then a name word
    (`یو جونگ`, `جی ہون`)?"""
    first = phrase[0].text
    if is_name_word(first):
        return True
    leading = is_syllable(first, verbs=True) or in_section(first, "letter")
    return len(phrase) > 1 and leading and is_name_word(phrase[1].text)


def _fathers_name(son: str, word: str) -> bool:
    """Can `word` follow بن as a father's name: a name word (سالم), a title-name such as
    سلطان, or any word after a listed given name (عمار بن جامع)?"""
    return is_name_word(word) or word in _TITLE_NAMES or is_given_name(son)


def is_syllable(word: str, verbs: bool = False, titled: bool = False) -> bool:
    """A short common word that may also be a syllable of a foreign name (`وی` in `ژانگ وی
    منگ`, `لی ہوا` in `وانگ لی ہوا`, `او` in `کلیئر او ڈونل`, the surname `کم`): not a
    function word, title, place or office; nor only a verb, unless `verbs` (right before a
    marker, where no verb can stand). `titled`: right after a title, where a four-letter
    word may be one too (`صدر لائی چنگ تے`)."""
    if word in _SURNAME_SYLLABLES:
        return titled  # کم: a surname after a title, else "less" (گروورس کم ڈیلرس)
    if not verbs and not any(in_section(word, s) for s in _SYLLABLE_SECTIONS):
        return False
    bare = "".join(ch for ch in word if not ("\u064b" <= ch <= "\u065f"))
    return (
        len(bare) <= (_MAX_TITLED_SYLLABLE_LETTERS if titled else _MAX_SYLLABLE_LETTERS)
        and not is_name_word(word)
        and word not in TITLES
        and word not in PLACES
        and word not in PRONOUNS
        and not any(in_section(word, s) for s in _NOT_SYLLABLES)
    )


def _joins_with_o(text: str, found: list[Word], index: int) -> bool:
    """Is found[index] the `و` (and) inside one name, between two phrase words, or the
    `بن` (son of) of an Arabic name, before a name word?"""
    word = found[index].text
    following = found[index + 1].text if index + 1 < len(found) else ""
    return (
        bool(following)
        and _joined(text, found[index], found[index + 1])
        and (
            (word == "و" and is_phrase_word(following))
            or (word in _SON_OF and is_name_word(following))
        )
    )


def _syllables_before_name(text: str, found: list[Word], start: int) -> int:
    """How many syllables (see `is_syllable`) from found[start] lead to a name word; after
    a title no verb can stand, so a verb-like syllable counts there (`صدر لائی چنگ تے`)."""
    ahead = found[start - 1].text if start else ""
    titled = ahead in TITLES or in_section(ahead, "title")
    stop = start
    while (
        stop < len(found)
        and stop - start < _MAX_SYLLABLES
        and is_syllable(found[stop].text, verbs=titled, titled=titled and stop == start)
    ):
        if stop > start and not _joined(text, found[stop - 1], found[stop]):
            return 0
        stop += 1
    following = found[stop] if stop < len(found) else None
    if stop == start or following is None or not _joined(text, found[stop - 1], following):
        return 0
    return stop - start if is_name_word(following.text) else 0


def _syllable_tail(text: str, before: list[Word]) -> int:
    """How many words right before a marker are syllables ending a foreign name (`وانگ لی
    ہوا نے`): a verb cannot stand right before نے, so after an unknown word they are name."""
    count = 0
    while count < _MAX_SYLLABLES and count < len(before) - 1:
        word = before[-1 - count]
        if not (is_syllable(word.text, verbs=True) or word.text in _NAME_ENDINGS) or not _joined(
            text, before[-2 - count], word
        ):
            break
        count += 1
    if count and is_name_word(before[-1 - count].text):
        return count
    return 0


@dataclass(frozen=True)
class Phrase:
    """A noun phrase of a text (or a pronoun), with the words around it: `before` is the
    word right before it and `after` the three words right after it, where no punctuation
    comes between; `owner` is the phrase that possesses it (`دفتر خارجہ` of `دفتر خارجہ کی
    ترجمان`)."""

    words: tuple[str, ...]
    start: int
    before: str
    after: tuple[str, ...]
    owner: tuple[str, ...] = ()  # the phrase before `کے` / `کی` / `کا` right before this one


def noun_phrases(text: str) -> list[Phrase]:
    """The noun phrases of `text` in order: runs of names, titles, nouns, adjectives and
    places joined by spaces; each pronoun is a phrase of its own."""
    found = words(text)
    phrases: list[Phrase] = []
    index = 0
    while index < len(found):
        stop = index + 1
        if found[index].text not in PRONOUNS:
            if not (is_phrase_word(found[index].text) or found[index].text in TITLES):
                index += 1
                continue
            while (
                stop < len(found)
                and stop - index < _MAX_PHRASE_WORDS
                and _joined(text, found[stop - 1], found[stop])
            ):
                if is_phrase_word(found[stop].text) or found[stop].text in TITLES:
                    stop += 1
                elif _joins_with_o(text, found, stop):
                    stop += 2  # وزارت افرادی قوت و سماجی بہبود
                elif syllables := _syllables_before_name(text, found, stop):
                    stop += syllables  # نائب وزیر خارجہ سن وی دونگ: سن is no verb here
                else:
                    break
        before = (
            found[index - 1].text if index and _joined(text, found[index - 1], found[index]) else ""
        )
        after: list[str] = []
        for position in range(stop, min(stop + _AFTER_WORDS, len(found))):
            if not _joined(text, found[position - 1], found[position]):
                break
            after.append(found[position].text)
        phrase = tuple(w.text for w in found[index:stop])
        owned = phrases and before in _OF and phrases[-1].after[:1] == (before,)
        owner = phrases[-1].words if owned else ()
        phrases.append(Phrase(phrase, found[index].start, before, tuple(after), owner))
        index = stop
    return phrases


def _joined(text: str, first: Word, second: Word) -> bool:
    """Only spaces between two words."""
    return _GAP_RE.match(text[first.end : second.start]) is not None


def strip_titles(noun_phrase: tuple[str, ...]) -> tuple[str, ...]:
    """The name a noun phrase ends with: its last run of name words, past titles, offices,
    places and other common words (`ترجمان دفتر خارجہ X` → X, `ہدایت کار X` → X); a run
    too long for one name starts at its first listed given name that leaves a name."""
    phrase = list(noun_phrase)
    while len(phrase) > 1 and phrase[-1] in TRAILING_TITLES:  # کامران ساجد ایڈووکیٹ
        phrase.pop()
    common = common_flags(tuple(phrase))
    start = len(phrase)
    while start > 0 and not common[start - 1]:
        start -= 1
    if len(phrase) - start > _MAX_NAME_WORDS:  # کلکٹر کسٹمز سوست محمد نواز خٹک: from محمد
        given = [i for i in range(start, len(phrase)) if is_given_name(phrase[i])]
        start = next((i for i in given if len(phrase) - i <= _MAX_NAME_WORDS), start)
    return tuple(phrase[start:])


def common_flags(phrase: tuple[str, ...]) -> list[bool]:
    """Which words of a phrase are not part of a personal name: titles (with compound
    ones, وزیر اعظم), common words, and a place before آباد (فیصل آباد); بی بی after a name is
    part of it (نسیم بی بی). A plain noun that
    is also a given name counts as a name right before an `ال` particle (انعام الحق), or
    between a title and a name (کپتان پیٹ کمنز، جنرل انعام حیدر ملک) or between two name
    words (حسن عسکری رضوی); a title that is also a family name ends a name of two words or
    more (سجاد مصطفیٰ سید)."""
    titles = title_flags(phrase)
    flags = [
        titles[i] or not is_name_word(word) or _names_a_town(phrase, i)
        for i, word in enumerate(phrase)
    ]
    for i in range(len(phrase) - 1):  # سری لکشمی راؤ: سری opens a name (not سری لنکا)
        if phrase[i] == "سری" and not flags[i + 1] and not titles[i]:
            flags[i] = False
    for i in range(1, len(phrase) - 1):  # فہد بن سالم العتیبی: بن joins the name
        if (
            phrase[i] in _SON_OF
            and not flags[i - 1]
            and _fathers_name(phrase[i - 1], phrase[i + 1])
        ):
            flags[i] = flags[i + 1] = False
        elif phrase[i] == _KUNYA and not flags[i - 1] and not titles[i + 1]:
            flags[i] = flags[i + 1] = False  # سمیرہ ابو ندی: an Arab family name, not "dad"
    arab = any(w in _SON_OF for w in phrase)
    for i in range(len(phrase) - 1):  # شیخ سالم بن ناصر: a title before an Arab name
        if phrase[i] == _SHEIKH and arab and not flags[i + 1]:
            flags[i] = True
    for i in range(1, len(phrase) - 1):  # نسیم بی بی, not بی بی سی
        if (
            phrase[i : i + 2] == ("بی", "بی")
            and not flags[i - 1]
            and phrase[i + 2 : i + 3] != ("سی",)
        ):
            flags[i] = flags[i + 1] = False
    for i, word in enumerate(phrase[:-1]):
        if word in _TITLE_NAMES and phrase[i + 1] in _NAME_PARTICLES and i + 2 < len(phrase):
            flags[i] = flags[i + 1] = False  # سلطان الدین احمد: a name, not the title سلطان
            continue
        if not flags[i] or titles[i] or not is_plain_noun(word):
            continue
        particle = phrase[i + 1].startswith("ال") and not flags[i + 1]
        after_title = i > 0 and (titles[i - 1] or in_section(phrase[i - 1], "office"))
        between_names = i > 0 and not flags[i - 1] and not flags[i + 1]  # حسن عسکری رضوی
        if particle or between_names or (after_title and not flags[i + 1]):
            flags[i] = False
    _mark_syllables(phrase, flags, titles)
    _mark_initials(phrase, flags, titles)
    for i in range(1, len(phrase) - 1):  # ڈپٹی کمشنر دکی کلیم اللہ کاکڑ: دکی is the district
        if not flags[i] and not flags[i + 1] and _is_jurisdiction(phrase[: i + 2], i):
            flags[i] = True
    for i in range(1, len(phrase)):  # فرحت جہاں; رحیمہ خاتون (ملبے …), not ادھیڑ عمر خاتون
        ends = i == len(phrase) - 1 or flags[i + 1]
        if phrase[i] in _NAME_ENDINGS and not flags[i - 1] and ends:
            flags[i] = phrase[i] in _WOMAN_WORDS and phrase[i - 1] not in given_names("female")
    for i in range(1, len(phrase) - 1):  # وزیر ٹرانسپورٹ و ماس ٹرانزٹ سید X: سید starts the name
        if phrase[i] in NAME_OPENERS and not flags[i + 1]:
            flags[:i] = [True] * i
    _mark_last_name_word(phrase, flags, titles)
    last = len(phrase) - 1  # سجاد مصطفیٰ سید: a title that is also a family name
    given = flags[last - _MIN_NAME_BEFORE_SURNAME : last]
    named = last >= _MIN_NAME_BEFORE_SURNAME and not any(given)
    listed = last >= 1 and not flags[last - 1] and is_given_name(phrase[last - 1])  # ثمینہ فاضل
    if last >= 0 and phrase[last] in SURNAME_TITLES and (named or listed):
        flags[last] = False
    return flags


def _mark_last_name_word(phrase: tuple[str, ...], flags: list[bool], titles: list[bool]) -> None:
    """Count as name a plain noun that ends a titled name of three words or more, right
    before its case marker (`صدر ارسولا فان ڈیر لائن نے`): nothing else stands there."""
    last = len(phrase) - 1
    if last < 1 or not flags[last] or not is_plain_noun(phrase[last]):
        return
    if phrase[last - 1] in _CLOSING_NAME_WORDS or phrase[last].endswith(_PLURAL_OBLIQUE):
        return  # حلیمہ بی بی گھر کے دروازے پر; سسٹر روبینہ مسیح مریضوں کی فائلیں
    title = last - 1
    while title >= 0 and not flags[title]:
        title -= 1
    if title >= 0 and titles[title] and last - title - 1 >= _MIN_TITLED_NAME_WORDS:
        flags[last] = False


def _mark_syllables(phrase: tuple[str, ...], flags: list[bool], titles: list[bool]) -> None:
    """Count as name the syllables of a foreign name (see `is_syllable`): short common words
    after a title or a name word and before a name word (`نائب وزیر خارجہ سن وی دونگ`,
    `کلیئر او ڈونل`), or ending the phrase after a name word (`وانگ لی ہوا`)."""
    index = 0
    while index < len(phrase):
        titled = index > 0 and titles[index - 1]
        if (
            not flags[index]
            or titles[index]
            or not is_syllable(phrase[index], verbs=True, titled=titled)
        ):
            index += 1
            continue
        stop = index + 1
        while (
            stop < len(phrase)
            and stop - index < _MAX_SYLLABLES
            and is_syllable(phrase[stop], verbs=True)
        ):
            stop += 1
        run = phrase[index:stop]
        opened = index > 0 and (titles[index - 1] or not flags[index - 1])
        opened = opened and not in_section(phrase[index - 1], "letter")  # آئی ٹی: letters
        closed = stop < len(phrase) and (
            not flags[stop]  # before a name word, or a letter then one (کم جی ہون)
            or (
                in_section(phrase[stop], "letter")
                and stop + 1 < len(phrase)
                and not flags[stop + 1]
            )
        )
        inside = opened and closed  # a verb here came in through `_leading_syllable`
        trailing = stop == len(phrase) and index > 0 and not flags[index - 1]
        if inside or (trailing and all(in_section(w, "verb") for w in run)):
            flags[index:stop] = [False] * (stop - index)
        index = stop


def _mark_initials(phrase: tuple[str, ...], flags: list[bool], titles: list[bool]) -> None:
    """Count as name one or two spelt letters right before a name word, after a title or
    at the start (`چیف منسٹر پی وینکٹیش ریڈی`, `ایم وی سری نواس`): Indian initials, unless
    they spell a rank or office (`ایس پی`, `ڈی سی`, `ایم این اے`)."""
    for stop in range(1, len(phrase)):
        if flags[stop] or in_section(phrase[stop], "letter"):
            continue
        start = stop
        while (
            start > 0 and stop - start < _MAX_INITIALS and in_section(phrase[start - 1], "letter")
        ):
            start -= 1
        after_letters = start > 0 and in_section(phrase[start - 1], "letter")
        if start == stop or (after_letters and not _ends_in_office_letters(phrase[:start])):
            continue  # پی ٹی آئی X; but ڈی آئی جی کے آر سریش
        if " ".join(phrase[start:stop]) in _OFFICE_LETTERS or any(titles[start:stop]):
            continue  # ایس پی X; وزیر مملکت برائے آئی ٹی X
        flags[start:stop] = [False] * (stop - start)


_MAX_OFFICE_WORDS = 4  # an office spelt in letters: ڈی آئی جی, ایس ایس پی


def _is_jurisdiction(words: tuple[str, ...], index: int) -> bool:
    """Is words[index] the district or city of the office before it rather than the start
    of the name after it: an office that is held over a place (`ڈپٹی کمشنر`, `ڈی پی او`),
    an unlisted word, then a listed given name (`ڈپٹی کمشنر دکی کلیم اللہ`)?"""
    if index == 0 or index + 1 >= len(words):
        return False
    word, following = words[index], words[index + 1]
    office = words[index - 1] in _PLACE_OFFICES | _PORTFOLIO_OFFICES or any(
        " ".join(words[start:index]) in _OFFICE_LETTERS
        for start in range(max(0, index - _MAX_OFFICE_WORDS), index)
    )
    return (
        office
        and is_given_name(following)
        and not is_listed_name(word)
        and word not in _NAME_PREFIXES
        and word not in NAME_OPENERS
    )


def _ends_in_office_letters(words: tuple[str, ...]) -> bool:
    """Do the words end with an office spelt in letters (`… ڈی آئی جی`)?"""
    return any(" ".join(words[start:]) in _OFFICE_LETTERS for start in range(len(words)))


def has_title(noun_phrase: tuple[str, ...]) -> bool:
    """Does the phrase hold a title or role word?"""
    return any(title_flags(noun_phrase))


def is_plausible_name(name: tuple[str, ...]) -> bool:
    """A short run of name words that is not a plural common noun (رہنماؤں); a plain noun
    may lead it (انعام الحق، پیٹ کمنز: see `common_flags`), and so may a syllable of a
    foreign name that is also a verb (لی ژی یوان)."""
    flags = common_flags(name)
    return (
        0 < len(name) <= _MAX_NAME_WORDS
        and not flags[-1]
        and all(
            not common or is_plain_noun(w) or (i == 0 and is_syllable(w, verbs=True, titled=True))
            for i, (w, common) in enumerate(zip(name, flags, strict=True))
        )
        and not (len(name) == 1 and name[-1].endswith(("وں", "ؤں")))
    )


def organisation(noun_phrase: tuple[str, ...]) -> str | None:
    """The organisation a noun phrase names (`دفتر خارجہ`, `عالمی ادارہ صحت`), if any."""
    found = organisation_parts(noun_phrase)
    return found[0] if found else None


def organisation_parts(noun_phrase: tuple[str, ...]) -> tuple[str, str | None] | None:
    """The organisation's name and the generic word it was introduced with, if any:
    `تنظیم پاکستان ٹیکسٹائل ایکسپورٹرز فورم` → (`پاکستان … فورم`, `تنظیم`)."""
    if is_acronym(noun_phrase):
        return " ".join(noun_phrase), None
    letters = _trailing_letters(noun_phrase)
    if len(letters) >= _MIN_ACRONYM_LETTERS and not strip_titles(noun_phrase):
        return " ".join(letters), None  # شعبہ تعلقات عامہ آئی ایس پی آر
    if located := _letters_and_place(noun_phrase):
        return located, None  # ڈبلیو ڈبلیو ایف پاکستان
    wing, rest = noun_phrase[: len(_PR_WING)], noun_phrase[len(_PR_WING) :]
    if wing == _PR_WING and len(rest) > 1 and not any(w in TITLES for w in rest):
        return " ".join(rest), " ".join(_PR_WING)  # شعبہ تعلقات عامہ انٹر سروسز پبلک ریلیشنز
    if noun_phrase == UNITED_NATIONS:
        return " ".join(noun_phrase), None
    if not any(word in ORGANISATIONS for word in noun_phrase):
        return None
    if len(noun_phrase) > _MAX_ORG_WORDS:
        return None
    head, *named = noun_phrase
    if head in ORGANISATIONS and len(named) == 1 and in_section(named[0], "agency"):
        return named[0], head  # ادارے یونیسف
    for index, word in enumerate(noun_phrase[:-1]):
        rest = noun_phrase[index + 1 :]
        if len(rest) == 1:  # شپنگ کمپنی میرسک: a one-word name after a generic word
            if word in _INTRODUCERS and is_name_word(rest[0]) and not is_place(rest[0]):
                return rest[0], word
            continue
        if word in _NAMING_HEADS:  # وزارت افرادی قوت و سماجی بہبود: the ministry's own name
            start = index
            while start and (noun_phrase[start - 1] in _LEVELS or is_place(noun_phrase[start - 1])):
                start -= 1
            return " ".join(noun_phrase[start:]), None
        if word in ORGANISATIONS and in_section(rest[0], "agency"):
            return " ".join(rest), word  # ادارے یونیسف پاکستان
        if word == "تنظیم" and rest[0] in ORGANISATIONS and _is_proper_org(rest):
            return " ".join(rest), word  # تنظیم کمیٹی ٹو پروٹیکٹ جرنلسٹس
        proper = rest[0] not in _ORG_CONNECTORS | _SECOND_HALVES and _is_proper_org(rest)
        if in_section(rest[0], "adjective") and not any(w in ORGANISATIONS for w in rest):
            proper = False  # جماعت اسلامی بنگلہ دیش: the head word is part of the name
        if word in ORGANISATIONS and proper:  # not ایسوسی | ایشن آف بلڈرز
            return " ".join(rest), word
        if word in _INTRODUCERS and _introduced_name(rest):
            return " ".join(rest), word  # ادارے نورکا روٹس، تنظیم ایمنسٹی انٹرنیشنل
    return " ".join(noun_phrase), None


def is_place(word: str) -> bool:
    """Is `word` a country, province, city or region, or its demonym (سعودی، پنجاب)?"""
    return word in PLACES or in_section(word, "place")


def _names_a_town(phrase: tuple[str, ...], index: int) -> bool:
    """Is phrase[index] the first word of a town (فیصل آباد، راجن پور) rather than part of a
    name (محمد رضا جلالی پور): آباد always; پور and گڑھ only after an office or a title."""
    ending = phrase[index + 1 : index + 2]
    if ending == ("آباد",) or (phrase[index].endswith("آباد") and len(phrase[index]) > 4):
        return True  # فیصل آباد, نصیرآباد
    before = phrase[index - 1] if index else ""
    return ending in _TOWN_ENDINGS and (not before or not is_name_word(before))


def _introduced_name(words: tuple[str, ...]) -> bool:
    """Can these words, after `ادارے` or `تنظیم`, be the organisation's own name: no title
    among them, and a name word or an organisation's word first (`اقوام متحدہ …`)?"""
    if words[0] in _ORG_CONNECTORS or any(is_role_word(w) for w in words):
        return False
    foreign = [is_name_word(w) or in_section(w, "loan") for w in words]
    return (
        all(is_name_word(w) for w in words)
        or (len(words) > 1 and (is_name_word(words[0]) or in_section(words[0], "org")))
        # ڈیجیٹل رائٹس واچ پاکستان: English words, then the country it works in
        or (len(words) > 2 and all(foreign[:-1]) and (foreign[-1] or is_place(words[-1])))
    )


def _letters_and_place(noun_phrase: tuple[str, ...]) -> str | None:
    """An abbreviation followed by the country or city it serves (`ڈبلیو ڈبلیو ایف پاکستان`)."""
    cut = len(noun_phrase)
    while cut > 0 and is_place(noun_phrase[cut - 1]):
        cut -= 1
    letters = _trailing_letters(noun_phrase[:cut])
    if cut == len(noun_phrase) or len(letters) < _MIN_ACRONYM_LETTERS:
        return None
    return " ".join(noun_phrase[cut - len(letters) :])


def _is_proper_org(words: tuple[str, ...]) -> bool:
    """Is this a proper organisation name: ending in a head noun, or three words or more
    holding a name (`ڈیجیٹل رائٹس واچ پاکستان`)?"""
    named = len(words) >= _MIN_NAMED_ORG_WORDS and any(is_name_word(w) for w in words)
    return words[-1] in ORGANISATIONS or named


def _trailing_letters(noun_phrase: tuple[str, ...]) -> tuple[str, ...]:
    """The letters spelling an abbreviation at the end of a phrase."""
    start = len(noun_phrase)
    while start > 0 and in_section(noun_phrase[start - 1], "letter"):
        start -= 1
    return noun_phrase[start:]


def is_acronym(noun_phrase: tuple[str, ...]) -> bool:
    """Is the phrase an agency's name or an abbreviation spelt in letters (آئی ایس پی آر)?"""
    return bool(noun_phrase) and (
        all(in_section(w, "letter") for w in noun_phrase)
        or all(in_section(w, "agency") for w in noun_phrase)
    )


def spells_acronym(letters: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Do English letters spelt in Urdu (`پی سی بی`) abbreviate a name written out in Urdu
    (`پاکستان کرکٹ بورڈ`)? Each letter must be one the word's first letter can stand for."""
    latin = [_LATIN_LETTERS.get(word) for word in letters]
    initials = [word for word in full if word not in _SKIPPED_IN_ACRONYMS]
    return (
        len(latin) > 1
        and len(latin) == len(initials)
        and all(
            letter is not None and letter in _LATIN_ONSETS.get(word[0], "")
            for letter, word in zip(latin, initials, strict=True)
        )
    )


def bracketed_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations that the article defines in brackets after an organisation's name
    (`انڈس ریور سسٹم اتھارٹی (ارسا)`): abbreviation → the name."""
    found: dict[str, str] = {}
    for match in BRACKETED_RE.finditer(text):
        abbreviation = " ".join(word_texts(match["inside"]))
        parts = organisation_parts(_defined_name(text, match.start())[0])
        if abbreviation and parts and parts[0] != abbreviation:
            found.setdefault(abbreviation, parts[0])
    return found


def is_short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Is `short` a shortened form of `full`: its words in order, fewer of them, with the
    first or the last word kept (a surname, a first name, a dropped middle name)?"""
    if not short or len(short) >= len(full):
        return False
    if short[0] != full[0] and short[-1] != full[-1]:
        return False
    remaining = iter(full)
    return all(word in remaining for word in short)


def full_names(text: str) -> list[tuple[str, ...]]:
    """Names of two to five words in `text`, in order of first use: the candidate full
    names that a shortened mention can stand for."""
    found: dict[tuple[str, ...], None] = {}
    for phrase in noun_phrases(text):
        flags = common_flags(phrase.words)
        run: list[str] = []
        for word, common in [*zip(phrase.words, flags, strict=True), ("", True)]:
            if not common and len(run) < _MAX_NAME_WORDS:
                run.append(word)
                continue
            if len(run) >= 2:
                found.setdefault(tuple(run), None)
            run = [] if common else [word]
    return list(found)


class NameIndex:
    """Maps any written form of a name to the fullest form the article uses."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words = words(text)
        self._cache: dict[str, str] = {}
        self._full_names: list[tuple[str, ...]] | None = None
        self._aliases = {alias: " ".join(name) for name, alias in _known_as(text)}

    def canonical(self, name: str) -> str:
        """The fullest form of `name` in the article: the longest name that ends with its
        words, or failing that one that holds them in order with the first or last word
        in place (`طاہر سہگل` → `طاہر محمود سہگل`, `صبا` → `صبا گیلانی`); a nickname given
        with `المعروف` stands for the name before it."""
        if name in self._aliases:
            return self.canonical(self._aliases[name])
        if name not in self._cache:
            best = " ".join(self._expanded(tuple(self._fullest_form(tuple(name.split())).split())))
            if best != name:  # راما راؤ → وی راما راؤ → کے وی راما راؤ
                best = self.canonical(best)
            self._cache[name] = best
        return self._cache[name]

    def _expanded(self, name: tuple[str, ...]) -> tuple[str, ...]:
        """The longest full name in the article of which `name` is a short form."""
        if self._full_names is None:
            self._full_names = full_names(self._text)
        longer = [full for full in self._full_names if is_short_form(name, full)]
        return max(longer, key=len, default=name)

    def _fullest_form(self, name: tuple[str, ...]) -> str:
        best = name
        for start in self._occurrences(name):
            stop = start + len(name)
            left = () if name[0] in NAME_OPENERS else self._extend_left(start)
            extended = left + name + self._extend_right(stop)
            if len(extended) > len(best):
                best = extended
        return " ".join(best)

    def _occurrences(self, name: tuple[str, ...]) -> list[int]:
        texts = [w.text for w in self._words]
        size = len(name)
        return [
            i
            for i in range(len(texts) - size + 1)
            if tuple(texts[i : i + size]) == name and self._contiguous(i, i + size)
        ]

    def _extend_left(self, start: int) -> tuple[str, ...]:
        """Name words right before a mention (قاسم جومارت before توقایف), up to a title."""
        extra: list[str] = []
        index = start - 1
        while index >= 0 and len(extra) < _MAX_NAME_WORDS and self._joins(index, index + 1):
            word = self._words[index].text
            before = self._words[index - 1].text if index else ""
            if word == _SHEIKH and any(
                w.text in _SON_OF for w in self._words[start : start + _MAX_NAME_WORDS]
            ):
                break  # شیخ سالم بن ناصر: a title before an Arab name
            if word in NAME_OPENERS:
                extra.insert(0, word)
                break
            following = self._words[index + 1].text
            first = max(0, index - _MAX_OFFICE_WORDS)  # ایس ایس پی ملیر: the office's words
            if _is_jurisdiction(
                tuple(w.text for w in self._words[first : index + 2]), index - first
            ):
                break
            if word == "کے" and _initial_ke(
                self._text, self._words, index, self._words[index + 1 : index + 4]
            ):
                extra.insert(0, word)  # شری کے وی راما راؤ: the initial K
                index -= 1
                continue
            if (
                not is_name_word(word)
                or word in ORGANISATIONS
                or title_flags((before, word))[1]
                or is_compound_tail(before, word)
                or word in PLACES
                or _names_a_town((word, following), 0)
            ):
                break
            extra.insert(0, word)
            index -= 1
        return tuple(extra)

    def _extend_right(self, stop: int) -> tuple[str, ...]:
        """Name words right after a mention (کریم after نائلہ), kept only up to where a
        postposition or punctuation ends the name (`نائلہ کریم نے`), so a verb after a name
        (`شگفتہ ناز بیٹھی ہوتی ہیں`) is not taken for a surname. A title word counts as a
        surname (گل بانو وزیر) only when no name word follows it."""
        extra: list[str] = []
        index = stop
        while index < len(self._words) and len(extra) < _MAX_NAME_WORDS:
            word = self._words[index].text
            following = self._words[index + 1].text if index + 1 < len(self._words) else ""
            if not self._joins(index - 1, index) or word in ORGANISATIONS:
                break
            if word in TITLES and is_name_word(following) and self._joins(index, index + 1):
                break
            if not (is_name_word(word) or word in TITLES) or word in TRAILING_TITLES:
                break
            if word.endswith(_VERB_ENDINGS):  # بیٹھی ہوتی: a verb, not a surname
                break
            extra.append(word)
            index += 1
        while extra and not self._ends_name(stop + len(extra)):
            extra.pop()
        return tuple(extra)

    def _ends_name(self, index: int) -> bool:
        """Does a name that ends before words[index] end properly there?"""
        if index >= len(self._words) or not self._joins(index - 1, index):
            return True  # punctuation or the end of the text
        return self._words[index].text in _NAME_ENDERS

    def _joins(self, first: int, second: int) -> bool:
        """Are words[first] and words[second] (the next one) in one phrase, only spaces
        between them?"""
        return first >= 0 and second < len(self._words) and self._contiguous(first, second + 1)

    def _contiguous(self, first: int, stop: int) -> bool:
        """True if words[first:stop] are separated only by spaces."""
        return all(
            _GAP_RE.match(self._text[self._words[i].end : self._words[i + 1].start])
            for i in range(first, stop - 1)
        )


def _known_as(text: str) -> list[tuple[tuple[str, ...], str]]:
    """Names and the nicknames given after them (`X المعروف Y`, `X عرف Y`)."""
    found = []
    for match in _KNOWN_AS_RE.finditer(text):
        name = strip_titles(noun_phrase_before(text, match.start()))
        alias = []
        for word in words(match["alias"]):
            if not is_name_word(word.text):
                break
            alias.append(word.text)
        if name and alias:
            found.append((name, " ".join(alias)))
    return found


@dataclass
class RoleIndex:
    """Which person the article last gave each role (`ترجمان`, `وزیر خارجہ`)."""

    _roles: list[tuple[tuple[str, ...], str]] = field(default_factory=list)

    def learn(self, text: str, names: NameIndex) -> None:
        """Record `ROLE… NAME` phrases in `text` (`اسپیشل پراسیکیوٹر X`, `فوج کے ترجمان X`):
        the common words before the name, with the owner before کے / کی, are a role of NAME."""
        phrases = noun_phrases(text)
        for index, phrase in enumerate(phrases):
            role, name = role_and_name(phrase.words)
            if not any(is_role_word(w) for w in role) or not is_plausible_name(name):
                continue
            person = names.canonical(" ".join(name))
            if len(person.split()) < _MIN_ROLE_NAME_WORDS:
                continue  # اسپیکر ڈائس: a lone unknown word after a title is no name
            owner = phrases[index - 1].words if index and phrase.before in _OF else ()
            self._roles.append((tuple(map(without_izafat, (*owner, *role))), person))
            if phrase.after == _HEADED_BY and index + 1 < len(phrases):
                self._roles.append(((*phrases[index + 1].words, "سربراہ"), person))

    def people_in(self, text: str, names: NameIndex) -> list[str]:
        """People introduced with a title in `text` (`صدر X`), in order."""
        scratch = RoleIndex()
        scratch.learn(text, names)
        return [person for _, person in scratch._roles]

    def lookup(self, noun_phrase: tuple[str, ...], owner: tuple[str, ...] = ()) -> str | None:
        """The person last given the role a role-only noun phrase names (`فوجی ترجمان`,
        `پراسیکیوٹر`, `ایس ایس پی`).

        The head (the last title word, else the last word) must be in the role; other
        shared words rank the candidates, then the most recent wins. An `owner` (the
        organisation of `X کی ترجمان`) must share a word with the role.
        """
        wanted = [without_izafat(w) for w in noun_phrase if w not in TRAILING_TITLES]
        if not wanted or strip_titles(tuple(wanted)):
            return None
        titles = [w for w, flag in zip(wanted, title_flags(tuple(wanted)), strict=True) if flag]
        head = (titles or wanted)[-1]
        heads = {head, *_SAME_ROLE.get(head, ())}
        if head in _GENERIC_ROLES and len(wanted) > 1:  # پولیس افسر: any police rank
            heads = set(wanted) - {head}
            heads |= {rank for word in heads for rank in _RANKS.get(word, ())}
        spelt = is_acronym(tuple(wanted))
        best: tuple[int, int, str] | None = None
        for order, (role, person) in enumerate(self._roles):
            if owner and not set(owner) & set(role):
                continue
            if _contains(role, tuple(wanted)) if spelt else heads & set(role):
                shared = len(set(wanted) & set(role))
                if best is None or (shared, order) >= best[:2]:
                    best = (shared, order, person)
        return best[2] if best else None


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Does `part` occur in `words`, contiguous and in order?"""
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _is_title(word: str) -> bool:
    """A title, office or profession (صدر، کمشنر، سرجن)."""
    return word in TITLES or in_section(word, "title")


def is_role_word(word: str) -> bool:
    """A title, office or profession, or a letter of one (ایس ایس پی)."""
    return _is_title(word) or in_section(word, "letter")


def role_and_name(phrase: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A phrase split into the common words before its last name and that name
    (`ساٹھ سالہ ماہی گیر X جال` → (`ساٹھ سالہ ماہی گیر`, X)); no name: all role."""
    flags = common_flags(phrase)
    named = [i for i, common in enumerate(flags) if not common]
    if not named:
        return phrase, ()
    stop = named[-1] + 1
    start = stop
    while start > 0 and not flags[start - 1]:
        start -= 1
    return phrase[:start], phrase[start:stop]


def agreement(phrase: str) -> str | None:
    """ "female" or "male" where a reporting phrase ends in a verb that agrees with its
    subject (`وہ کہتی ہیں`, `بولے`); not `نے کہا`, which agrees with no one, nor a
    participle such as `کرتے ہوئے`, which does not change."""
    found = _AGREEING_VERB_RE.search(phrase)
    if found is None:
        return None
    verb = found["habitual"] or found["said"] or found["began"]
    return "female" if verb.endswith(("ی", "یں")) else "male"


def name_gender(name: str) -> str | None:
    """ "female" or "male" where the name ends in a woman's word (`نسیم بی بی`, `X بیگم`)
    or its first word is a given name of one only."""
    if name.endswith((" بی بی", *(f" {word}" for word in _WOMAN_WORDS))):
        return "female"
    first = name.split()[0] if name.strip() else ""
    female, male = first in given_names("female"), first in given_names("male")
    if female == male:
        return None
    return "female" if female else "male"


def gender(name: str, narration: list[str], speech: list[str]) -> str | None:
    """ "female", "male" or None, from titles and verb agreement near the name.

    Counts feminine and masculine verb forms in the narrated sentences that mention the
    name (`X کہتی ہیں`), first-person forms in the person's own quotes (`چاہتی ہوں`), and a
    female title before the name (`بیگم X`).
    """
    surname = name.split()[-1]
    female = male = 0
    for sentence in narration:
        position = sentence.find(surname)
        if position < 0:
            continue
        before, after = sentence[:position].split(), sentence[position:]
        if before and before[-1] in FEMALE_TITLES:
            female += 2
        female += len(_FEMININE_RE.findall(after[:_AGREEMENT_WINDOW]))
        male += len(_MASCULINE_RE.findall(after[:_AGREEMENT_WINDOW]))
    for quote in speech:
        female += 2 * len(_FIRST_PERSON_FEMININE_RE.findall(quote))
        male += 2 * len(_FIRST_PERSON_MASCULINE_RE.findall(quote))
    # A given name (bulletin/data/urdu_given_names.txt) only settles what the text leaves
    # open: many are given to both (نسیم، شمیم، طلعت).
    first = name.split()[0]
    female += first in given_names("female")
    male += first in given_names("male")
    if female > male:
        return "female"
    if male > female:
        return "male"
    return None
