"""Latin-script words inside Urdu text, rewritten in Urdu script so every engine can speak them.

Urdu news is full of Latin tokens: abbreviations (BBC, FIR, PhD, U.S.), names (Elon Musk,
Microsoft), units (km) and odd tokens (iPhone, e-mail, COVID-انیس). An engine such as Meta's
MMS Urdu model silently drops every character outside its Urdu vocabulary, so each token is
replaced by a reading in Urdu script: abbreviations as Urdu letter names, acronyms that are
pronounced as words from a table, other words from a table of common news words or by
rule-based English-spelling transliteration. All functions are pure and never raise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

# Letter names as Urdu newsreaders say and Urdu papers write them. Checked against Urdu news
# pages found with the search tool: bbc.com/urdu and ur.wikipedia (بی بی سی), express.pk (ایف
# آئی آر، ڈی جی ایف آئی اے، ایم ڈی پی آئی اے), suchtv.pk and asalmedia.com (آئی ایم ایف),
# UN News Urdu and urdu.siasat.com (ڈبلیو ایچ او، ایچ ایم پی وی), urdunews.net (ایم کیو ایم،
# ایس ایچ او), pakistanviews.org (این ٹی ایس), ur.wikipedia (ایل او سی، یو ایس بی، جنریشن
# ایکس), urdu.arynews.tv and dunyanews (کے الیکٹرک، کے ای), urdupoint.com (وائی فائی، ایل ای
# ڈی، سی سی ٹی وی), newsmakers.com.pk (جے ای، سی ای او) and Urdu texts with اے ٹو زیڈ and
# جنریشن زیڈ.
LETTER_NAMES: dict[str, str] = {
    "A": "اے",
    "B": "بی",
    "C": "سی",
    "D": "ڈی",
    "E": "ای",
    "F": "ایف",
    "G": "جی",
    "H": "ایچ",
    "I": "آئی",
    "J": "جے",
    "K": "کے",
    "L": "ایل",
    "M": "ایم",
    "N": "این",
    "O": "او",
    "P": "پی",
    "Q": "کیو",
    "R": "آر",
    "S": "ایس",
    "T": "ٹی",
    "U": "یو",
    "V": "وی",
    "W": "ڈبلیو",
    "X": "ایکس",
    "Y": "وائی",
    "Z": "زیڈ",
}

# Acronyms read as words, with the spelling Urdu papers use (NAB is نیب in Urdu news, e.g.
# jang.com.pk and urdu.geo.tv; ISIS is written داعش).
PRONOUNCED_ACRONYMS: dict[str, str] = {
    "NATO": "نیٹو",
    "UNICEF": "یونیسیف",
    "UNESCO": "یونیسکو",
    "NASA": "ناسا",
    "COVID": "کووڈ",
    "OPEC": "اوپیک",
    "SAARC": "سارک",
    "ASEAN": "آسیان",
    "NAB": "نیب",
    "NADRA": "نادرا",
    "WAPDA": "واپڈا",
    "PEMRA": "پیمرا",
    "NEPRA": "نیپرا",
    "OGRA": "اوگرا",
    "CPEC": "سی پیک",
    "FIFA": "فیفا",
    "UEFA": "یوئیفا",
    "AIDS": "ایڈز",
    "SARS": "سارس",
    "MERS": "مرس",
    "ISIS": "داعش",
    "ISIL": "داعش",
    "INTERPOL": "انٹرپول",
    "NASDAQ": "نیس ڈیک",
    "USAID": "یو ایس ایڈ",
    "BRICS": "برکس",
    "IRSA": "ارسا",
    "SUPARCO": "سپارکو",
    "FATA": "فاٹا",
    "LUMS": "لمز",
    "NUST": "نسٹ",
    "PIMS": "پمز",
    "SIM": "سم",
    "COP": "کوپ",
    "OK": "اوکے",
    "LASER": "لیزر",
    "RADAR": "ریڈار",
}

# Units whose case matters (MB is not mb) and regnal numbers (Charles III); matched exactly.
UNITS: dict[str, str] = {
    "km": "کلومیٹر",
    "kms": "کلومیٹر",
    "kg": "کلوگرام",
    "kgs": "کلوگرام",
    "cm": "سینٹی میٹر",
    "mm": "ملی میٹر",
    "mg": "ملی گرام",
    "ml": "ملی لیٹر",
    "kph": "کلومیٹر فی گھنٹہ",
    "mph": "میل فی گھنٹہ",
    "kW": "کلوواٹ",
    "kWh": "کلوواٹ آور",
    "MW": "میگاواٹ",
    "GW": "گیگاواٹ",
    "KB": "کلو بائٹ",
    "MB": "میگا بائٹ",
    "GB": "گیگا بائٹ",
    "TB": "ٹیرا بائٹ",
    "II": "دوم",
    "III": "سوم",
    "IV": "چہارم",
    "VI": "ششم",
    "VII": "ہفتم",
    "VIII": "ہشتم",
}

# Abbreviations written with a final dot (Dr., etc.): the dot belongs to the word.
DOTTED: dict[str, str] = {
    "mr": "مسٹر",
    "mrs": "مسز",
    "ms": "مس",
    "dr": "ڈاکٹر",
    "prof": "پروفیسر",
    "st": "سینٹ",
    "jr": "جونیئر",
    "sr": "سینئر",
    "gen": "جنرل",
    "lt": "لیفٹیننٹ",
    "col": "کرنل",
    "capt": "کیپٹن",
    "gov": "گورنر",
    "govt": "گورنمنٹ",
    "vs": "بمقابلہ",
    "etc": "وغیرہ",
    "no": "نمبر",
    "inc": "انکارپوریٹڈ",
    "ltd": "لمیٹڈ",
    "co": "کمپنی",
    "e.g": "مثلاً",
    "i.e": "یعنی",
}

# Titles also written without their dot (Mr Khan, Dr Yasmin).
_UNDOTTED_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "ltd", "govt", "prof", "capt"}
)

# Common news words, brands and names whose spelling the rules would get wrong or which have an
# established Urdu spelling; keys are case-folded.
WORDS: dict[str, str] = {
    # Brands and platforms.
    "microsoft": "مائیکروسافٹ",
    "apple": "ایپل",
    "amazon": "ایمیزون",
    "iphone": "آئی فون",
    "ipad": "آئی پیڈ",
    "tiktok": "ٹک ٹاک",
    "whatsapp": "واٹس ایپ",
    "instagram": "انسٹاگرام",
    "linkedin": "لنکڈ ان",
    "netflix": "نیٹ فلکس",
    "samsung": "سام سنگ",
    "huawei": "ہواوے",
    "toyota": "ٹویوٹا",
    "boeing": "بوئنگ",
    "pfizer": "فائزر",
    "uber": "اوبر",
    "reuters": "رائٹرز",
    "bitcoin": "بٹ کوائن",
    "chatgpt": "چیٹ جی پی ٹی",
    # Words of the trade.
    "email": "ای میل",
    "e-mail": "ای میل",
    "wifi": "وائی فائی",
    "wi-fi": "وائی فائی",
    "x-ray": "ایکسرے",
    "online": "آن لائن",
    "internet": "انٹرنیٹ",
    "police": "پولیس",
    "people": "پیپل",
    "live": "لائیو",
    "update": "اپ ڈیٹ",
    "app": "ایپ",
    "coronavirus": "کورونا وائرس",
    "good": "گڈ",
    "visa": "ویزا",
    "now": "ناؤ",
    "how": "ہاؤ",
    "urdu": "اردو",
    "london": "لندن",
    "government": "گورنمنٹ",
    "monday": "منڈے",
    "assembly": "اسمبلی",
    "qatar": "قطر",
    "market": "مارکیٹ",
    "xi": "شی",
    "jinping": "جن پنگ",
    "modi": "مودی",
    "seoul": "سیول",
    "al": "ال",
    "jazeera": "جزیرہ",
    "qaeda": "قاعدہ",
    "babar": "بابر",
    "azam": "اعظم",
    "wednesday": "وینز ڈے",
    # Short English words in names and titles.
    "one": "ون",
    "two": "ٹو",
    "the": "دی",
    "for": "فار",
    "with": "ود",
    "is": "از",
    "are": "آر",
    "was": "واز",
    "has": "ہیز",
    "who": "ہو",
    "mc": "مک",
    # People and places often written in Latin script in Pakistani news.
    "elon": "ایلون",
    "donald": "ڈونلڈ",
    "biden": "بائیڈن",
    "michael": "مائیکل",
    "george": "جارج",
    "united": "یونائیٹڈ",
    "canada": "کینیڈا",
    "england": "انگلینڈ",
    "thailand": "تھائی لینڈ",
    "italy": "اٹلی",
    "dubai": "دبئی",
    "pakistan": "پاکستان",
    "islamabad": "اسلام آباد",
    "karachi": "کراچی",
    "lahore": "لاہور",
    "peshawar": "پشاور",
    "quetta": "کوئٹہ",
    "punjab": "پنجاب",
    "sindh": "سندھ",
    "balochistan": "بلوچستان",
    "khyber": "خیبر",
    "pakhtunkhwa": "پختونخوا",
    "kashmir": "کشمیر",
    "afghanistan": "افغانستان",
    "iran": "ایران",
    "imran": "عمران",
    "khan": "خان",
    "nawaz": "نواز",
    "sharif": "شریف",
    "shehbaz": "شہباز",
    "zardari": "زرداری",
    "maryam": "مریم",
    "bilawal": "بلاول",
    "asim": "عاصم",
    "munir": "منیر",
    "ali": "علی",
    "muhammad": "محمد",
    "mohammad": "محمد",
    "mohammed": "محمد",
    "ahmed": "احمد",
    "ahmad": "احمد",
    "hussain": "حسین",
    "hassan": "حسن",
    "shah": "شاہ",
    "allah": "اللہ",
    "hamas": "حماس",
}

LATIN_LETTER_RE = re.compile("[A-Za-z]")
_HYPHENS = "-\u2010\u2011"

# Sets, not strings: "" in a set is False, so an empty slice past the end is no letter.
_V = frozenset("aeiou")
_VY = frozenset("aeiouy")
_SOFT = frozenset("eiy")  # c and g are soft before these


def letter_names(word: str) -> str:
    """Spell the Latin letters of `word` as Urdu letter names: BBC -> بی بی سی."""
    return " ".join(LETTER_NAMES[c] for c in _ascii_fold(word).upper() if c in LETTER_NAMES)


def is_abbreviation(word: str) -> bool:
    """True if `word` is read letter by letter (BBC, PhD, U.S., PML-N, x), not as a word."""
    core = re.sub(r"['’][sS]$", "", _ascii_fold(word).strip())
    parts = re.split(f"[{_HYPHENS}]", core)
    if not all(re.fullmatch(r"[A-Za-z]+(?:\.[A-Za-z]+)*\.?", part) for part in parts):
        return False
    return all(_abbreviation_part(part.rstrip(".")) for part in parts)


def _abbreviation_part(part: str) -> bool:
    if part.casefold() in DOTTED or part.casefold() in _UNDOTTED_TITLES or part in UNITS:
        return False
    if "." in part:
        return all(len(letter) == 1 for letter in part.split("."))
    return _spelled(part)


def _spelled(word: str) -> bool:
    """Letter-spelling decision for a plain run of ASCII letters."""
    if len(word) == 1:
        return True
    if word.isupper():
        if word in PRONOUNCED_ACRONYMS:
            return False
        return len(word) <= 5 or not _has_vowel(word)
    if word[1:].islower():
        return not _has_vowel(word)
    stem = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
    parts = _CAMEL_RE.findall(stem)
    return all(part.isupper() or len(part) <= 2 or not _has_vowel(part) for part in parts)


def _has_vowel(word: str) -> bool:
    return any(c in _VY for c in word.lower())


# ---------------------------------------------------------------------------------------------
# Rule-based transliteration of English spelling.
#
# A word is parsed into units: consonants (already in Urdu), w-glides (the w of "tw", "sw",
# "qu") and vowels (English letters). Each vowel then gets a sound from its context (magic e,
# open or closed syllable, first syllable or not, r after it), and the units are written out
# with Urdu's position-dependent vowel spelling (initial آ/ای/او, medial ا/ی/و, final ا/ے/ی).
#
# Vowel sounds: A (ay, ی/ے), AA (aa, ا), E (ee, ی), I (ai, ائ), O (oo, و), U (uu, و),
# YU (yoo, یو), AU (ow, اؤ), OI (oy, وائ), S (short, unwritten), Z (unwritten, never a hamza),
# X (silent final e).
# ---------------------------------------------------------------------------------------------

_SOUNDS = frozenset({"A", "AA", "E", "I", "O", "U", "YU", "AU", "OI", "S", "Z", "X"})


@dataclass
class _Unit:
    """One sound of a word: a consonant ("C"), a w-glide ("G") or a vowel ("V")."""

    kind: str
    text: str  # Urdu for consonants and glides; English letters for vowels
    weight: int = 1  # consonants: how much they close a syllable (doubled letters count 2)
    sound: str = ""  # vowels: one of _SOUNDS, "" until resolved
    src: str = ""  # consonants: the English letters
    pos: int = 0  # where the unit starts in the word
    before_r: bool = False  # vowels: a long vowel before r (care, here) is written یئ


def _spec(spec: str, src: str = "") -> list[_Unit]:
    """Units from a compact spec: sound names become vowels, "+x" a heavy consonant."""
    units = []
    for item in spec.split():
        name, _, tag = item.partition(":")
        if name in _SOUNDS:
            units.append(_Unit("V", tag, sound=name))
        else:
            units.append(_Unit("C", name.lstrip("+"), 2 if name.startswith("+") else 1, src=src))
    return units


# Letter groups read as a whole. "^" only at the start of a word, "$" only at the end, "*"
# anywhere but the start, "=" only at the end (no other vowel needed). A vowel tagged "+"
# makes the vowel before it long, one tagged "-" makes it short.
_LITERALS: tuple[tuple[str, str, str], ...] = (
    ("tele", "^", "ٹ E ل E"),
    ("ization", "*", "I:- ز A ش Z:+ ن"),
    ("isation", "*", "I:- ز A ش Z:+ ن"),
    ("izations", "*", "I:- ز A ش Z:+ ن ز"),
    ("ssion", "*", "+ش Z:+ ن"),
    ("stion", "*", "س چ Z:+ ن"),
    ("tion", "*", "ش Z:+ ن"),
    ("tient", "*", "ش Z:+ ن ٹ"),
    ("cient", "*", "ش Z:+ ن ٹ"),
    ("aign", "*", "A ن"),
    ("tial", "*", "ش Z:+ ل"),
    ("cial", "*", "ش Z:+ ل"),
    ("tious", "*", "ش Z:+ س"),
    ("cious", "*", "ش Z:+ س"),
    ("ssure", "*", "+ش Z:+ ر"),
    ("ture", "*", "چ Z:+ ر"),
    ("dure", "*", "ج Z:+ ر"),
    ("ology", "*", "AA ل O ج E"),
    ("ism", "$", "AA ز م"),
    ("gram", "$", "گ ر AA م"),
    ("grams", "$", "گ ر AA م ز"),
    ("ments", "$", "م Z:e ن ٹ س"),
    ("ment", "$", "م Z:e ن ٹ"),
    ("ness", "$", "ن Z:e س"),
    ("less", "$", "ل E س"),
    ("ful", "$", "ف Z ل"),
    ("ous", "$", "S س"),
    ("ower", "=", "AU Z ر"),
    ("ohn", "*", "AA ن"),
    ("ould", "*", "S ڈ"),
    ("ought", "*", "AA ٹ"),
    ("aught", "*", "AA ٹ"),
    ("eigh", "*", "A"),
    ("igh", "*", "I"),
    ("ook", "*", "S ک"),
)


def _literal(w: str, i: int) -> tuple[int, list[_Unit]]:
    """A literal letter group at position i, as (length, units); (0, []) if none."""
    for letters, where, spec in _LITERALS:
        if not w.startswith(letters, i):
            continue
        if (where == "^" and i) or (where == "*" and not i):
            continue
        if where in "$=" and i + len(letters) != len(w):
            continue
        if where == "$" and not _has_vowel(w[:i]):
            continue
        return len(letters), _spec(spec, letters)
    return _context_literal(w, i)


def _context_literal(w: str, i: int) -> tuple[int, list[_Unit]]:
    """Letter groups whose reading depends on what comes before or after them."""
    rest, before = w[i:], w[:i]
    end, poly = len(rest) == 3, _has_vowel(before)
    if rest.startswith("sion") and i:
        return 4, _spec("ژ Z:+ ن" if before[-1] in "aeiou" else "ش Z:+ ن", "sion")
    if rest.startswith("sure") and i and before[-1] in "aeiou":
        return 4, _spec("ژ Z:+ ر", "sure")
    if rest.startswith("ear") and len(rest) > 3 and rest[3] not in "aeiouy":
        return 3, _spec("S ر", "r")
    if end and poly and rest in _POLY_ENDINGS and not (rest == "ice" and before[-1] == "v"):
        return 3, [*_spec(_POLY_ENDINGS[rest], rest[1]), _Unit("V", "e", sound="X")]
    if rest == "ign":
        return 3, _spec("S ن" if before.endswith("e") else "I:i ن", "gn")
    if rest == "ah" and poly:
        return 2, _spec("ہ", "h")
    if rest == "ough":
        return 4, _spec("S ف" if before[-1:] in ("n", "t", "r") else "O", "f")
    return 0, []


# Endings of longer words with a short or plain vowel (active, message, machine, office).
_POLY_ENDINGS = {"ive": "S:+ و", "age": "S:+ ج", "ine": "E:+ ن", "ice": "S:+ س"}


# fmt: off
_CONSONANTS = {
    "b": "ب", "c": "ک", "d": "ڈ", "f": "ف", "g": "گ", "h": "ہ", "j": "ج", "k": "ک",
    "l": "ل", "m": "م", "n": "ن", "p": "پ", "q": "ک", "r": "ر", "s": "س", "t": "ٹ",
    "v": "و", "w": "و", "x": "کس", "y": "ی", "z": "ز",
}

_DIGRAPHS = {
    "tch": "چ", "ck": "ک", "ph": "ف", "sh": "ش", "th": "تھ", "kh": "خ", "bh": "بھ",
    "dh": "ڈھ", "jh": "جھ", "zh": "ژ", "rh": "ر", "wh": "و", "dg": "ج",
}
# fmt: on
_INITIAL_DIGRAPHS = {"wr": "ر", "kn": "ن", "gn": "ن", "ps": "س", "pn": "ن"}
_HARD_G_STARTS = ("get", "gif", "gir", "giv", "gig", "gei", "gey")


def _consonant(w: str, i: int) -> tuple[int, list[_Unit]]:
    """The consonant at position i, as (length, units); (0, []) for a vowel."""
    c, nxt = w[i], w[i + 1 : i + 2]
    if c in _V or (c == "y" and not _consonant_y(w, i)) or (c == "w" and _vowel_w(w, i)):
        return 0, []
    for size in (3, 2):
        group = w[i : i + size]
        if group in _DIGRAPHS:
            heavy = 2 if group in ("ck", "dg") else 1
            return size, [_Unit("C", _DIGRAPHS[group], heavy, src=group)]
        if i == 0 and group in _INITIAL_DIGRAPHS:
            return size, [_Unit("C", _INITIAL_DIGRAPHS[group], src=group)]
    special = _special_consonant(w, i)
    if special[0]:
        return special
    if nxt == c:
        return 2, [_Unit("C", _CONSONANTS[c], 2, src=c)]
    if c == "w" and i and w[i - 1] not in _V:
        return 1, [_Unit("G", "و", src="w")]
    return 1, [_Unit("C", _CONSONANTS[c], src=c)]


def _special_consonant(w: str, i: int) -> tuple[int, list[_Unit]]:
    """Consonants whose reading depends on the letters around them."""
    c, nxt, rest = w[i], w[i + 1 : i + 2], w[i:]
    if rest.startswith("sch"):
        return 3, [_Unit("C", "س", src="s"), _Unit("C", "ک", src="k")]
    if rest.startswith("ch"):
        hard = rest[2:3] in ("r", "l", "n", "t") or (
            i == 0 and rest.startswith(("chem", "chor", "chao", "chara"))
        )
        return 2, [_Unit("C", "ک" if hard else "چ", src="ch")]
    if rest.startswith("gh") and w[i - 1 : i] != "n":
        silent = i > 0 and rest[2:3] not in _V
        return 2, [] if silent else [_Unit("C", "غ", src="gh")]
    if rest.startswith("qu"):
        return 2, [_Unit("C", "ک", src="k"), _Unit("G", "و", src="w")]
    if rest.startswith("gu") and (rest[2:3] in _SOFT or rest.startswith("guar")):
        return 2, [_Unit("C", "گ", src="g")]
    if c in "sc" and nxt == "c" and rest[2:3] in _SOFT:
        first = [] if c == "s" else [_Unit("C", "ک", src="k")]
        return 2, [*first, _Unit("C", "س", src="c")]
    if c == "c":
        soft = nxt in _SOFT
        return 1, [_Unit("C", "س" if soft else "ک", src="c" if soft else "k")]
    if c == "g" and nxt != "g":
        soft = nxt in _SOFT and not (i == 0 and w.startswith(_HARD_G_STARTS))
        return 1, [_Unit("C", "ج" if soft else "گ", src="j" if soft else "g")]
    if c == "x":
        return _x(w, i)
    if c == "m" and nxt == "b" and i + 2 == len(w):
        return 2, [_Unit("C", "م", src="m")]
    if c == "h" and w[i - 1 : i] == "o" and nxt and nxt not in _VY:
        return 1, []
    return 0, []


def _x(w: str, i: int) -> tuple[int, list[_Unit]]:
    """x: z at the start (Xerox), gz in ex- before a vowel (exam), else ks (tax, Exxon)."""
    if w[i + 1 : i + 2] == "x":
        return 2, [_Unit("C", "ک", src="k"), _Unit("C", "س", 2, src="s")]
    if i == 0:
        return 1, [_Unit("C", "ز", src="z")]
    if i == 1 and w[0] == "e" and w[2:3] in _V:
        return 1, [_Unit("C", "گ", src="g"), _Unit("C", "ز", src="z")]
    return 1, [_Unit("C", "ک", src="k"), _Unit("C", "س", src="s")]


def _consonant_y(w: str, i: int) -> bool:
    """Is the y at position i a consonant (yes, Maya) rather than a vowel (city, my)?"""
    nxt = w[i + 1 : i + 2]
    return nxt in _V and (i == 0 or w[i - 1] in _V)


def _vowel_w(w: str, i: int) -> bool:
    """Is the w at position i part of a vowel (law, new, show) rather than a consonant?"""
    nxt = w[i + 1 : i + 2]
    return i > 0 and w[i - 1] in "aeo" and nxt not in _VY


# fmt: off
_DIGRAPH_VOWELS = {
    "eau": "O", "iew": "YU", "ee": "E", "ei": "E", "ey": "E", "ay": "A", "ai": "A",
    "oo": "U", "oa": "O", "oi": "OI", "oy": "OI", "au": "AA", "aw": "AA", "eu": "YU",
}
# fmt: on


def _vowel(w: str, i: int) -> tuple[int, list[_Unit]]:
    """The vowel (or vowel digraph) at position i, as (length, units)."""
    for size in (3, 2):
        group = w[i : i + size]
        sound = _DIGRAPH_VOWELS.get(group) or _context_vowel(w, i, group)
        if len(group) == size and sound:
            return size, [_Unit("V", group, sound=sound)]
    return 1, [_Unit("V", w[i], sound=_final_e(w, i))]


def _context_vowel(w: str, i: int, group: str) -> str:
    """Sound of a two-letter vowel group that is a digraph only in some contexts, else ""."""
    after, prev = w[i + 2 :], w[i - 1 : i]
    if group == "ea":
        return "E" if after else ""
    if group == "ie":
        digraph = not after or after in ("s", "d") or after.startswith(("f", "ld", "ce", "ve"))
        return "E" if digraph or (after[:1] not in _VY and after[1:2] in _V) else ""
    if group == "oe":
        return "O" if after in ("", "s") else ""
    if group in ("ue", "ui"):
        if (group == "ue" and after not in ("", "s", "d")) or (group == "ui" and after[:1] in _V):
            return ""
        return "U" if prev in ("r", "l", "j", "s", "h") or group == "ui" else "YU"
    if group == "ew":
        return "U" if prev in ("r", "l", "j", "h") else "YU"
    if group == "ou":
        return _ou(w, i, after)
    if group == "ow":
        return _ow(w, i, after)
    return ""


def _ou(w: str, i: int, after: str) -> str:
    if after.startswith(("p", "te")) or w[i - 1 : i] == "y":
        return "U"
    if after.startswith(("ntr", "bl", "ch", "ng", "pl", "gh")):
        return "S"
    if after.startswith("r") and i and w[i - 1] != "h":
        return "O"
    return "AU"


def _ow(w: str, i: int, after: str) -> str:
    if after in ("", "s") or after.startswith(("l", "ing")):
        return "O"
    if after == "n" and (i == 0 or w[i - 1] in "hl" or w[max(0, i - 2) : i] in ("gr", "hr")):
        return "O"
    return "AU"


def _final_e(w: str, i: int) -> str:
    """X for a silent e (magic e, -es after one consonant), Z for -ed/-es, else ""."""
    if w[i] != "e" or not _has_vowel(w[:i]):
        return ""
    rest = w[i + 1 :]
    if not rest:
        return "X"
    if rest == "s" and w[i - 1] not in "sxzh" and (i < 2 or w[i - 2] in _V):
        return "X"
    if rest in ("s", "d"):
        return "Z"
    return ""


def _parse(w: str) -> list[_Unit]:
    """Split a lower-case ASCII word into units."""
    units: list[_Unit] = []
    i = 0
    while i < len(w):
        size, found = _literal(w, i)
        if not size:
            size, found = _consonant(w, i)
        if not size:
            size, found = _vowel(w, i)
        for unit in found:
            unit.pos = i
        units.extend(found)
        i += size
    return units


@dataclass(frozen=True)
class _Context:
    """What a single vowel letter's sound depends on."""

    word: str
    tail: str  # the letters after the vowel
    first: bool  # in the first syllable
    poly: bool  # the word has more than one vowel sound
    cons: tuple[_Unit, ...]  # consonants (and glides) up to the next vowel
    nxt: _Unit | None  # the next vowel
    after_w: bool  # right after a w (want, world) or a w-glide (tw, sw, qu)
    next_hiatus: bool  # the next vowel is followed by another vowel (video, Australia)
    initial: bool  # first unit of the word
    prev: str  # English letters of the consonant before the vowel, if any

    @property
    def final(self) -> bool:
        return self.nxt is None and not self.cons

    @property
    def hiatus(self) -> bool:
        return self.nxt is not None and not self.cons

    @property
    def weight(self) -> int:
        return sum(u.weight for u in self.cons)

    @property
    def magic(self) -> bool:
        return self.nxt is not None and self.nxt.sound == "X" and self.weight == 1

    @property
    def long_next(self) -> bool:
        return self.nxt is not None and self.nxt.text == "+" and self.weight <= 1

    @property
    def open(self) -> bool:
        return self.nxt is not None and (self.weight <= 1 or _onset(self.cons))

    @property
    def r_colored(self) -> bool:
        """r after the vowel closes its syllable: car, her, first, doctor."""
        if not self.cons or self.cons[0].src != "r" or self.cons[0].weight > 1:
            return False
        return len(self.cons) > 1 or self.nxt is None

    @property
    def next_letter(self) -> str:
        return self.nxt.text[:1] if self.nxt is not None else ""


_ONSET_FIRST = frozenset({"b", "p", "t", "d", "k", "g", "f", "th", "ph"})


def _onset(cons: tuple[_Unit, ...]) -> bool:
    """Two consonants that can start a syllable (cr, pl, thr): the vowel before stays open."""
    return (
        len(cons) == 2
        and all(u.weight == 1 for u in cons)
        and cons[0].src in _ONSET_FIRST
        and cons[1].src in ("r", "l")
    )


_WEAK_A_TAILS = frozenset(
    {"l", "ls", "n", "ns", "r", "rs", "nt", "nts", "nce", "ncy", "m", "ms", "s", "ry", "ny"}
)
_WEAK_E_TAILS = frozenset(
    {"r", "rs", "l", "ls", "n", "ns", "m", "ms", "nt", "nts", "nce", "ncy", "rn", "rns", "t", "ts"}
)


def _sound_a(c: _Context) -> str:
    if c.final or c.hiatus or (c.after_w and not c.magic):
        return "AA"
    if c.magic or c.long_next or (c.open and c.nxt is not None and c.nxt.sound == "Z"):
        return "A"
    if c.initial and c.cons[0].weight == 2 and c.cons[0].src not in ("ck", "dg", "l"):
        return "S"
    if c.poly and not c.first and c.tail in _WEAK_A_TAILS:
        return "S"
    if c.r_colored:
        return "AA"
    if c.open:
        return "A" if c.first or c.next_hiatus else "AA"
    after_l = c.tail[2:] if c.tail.startswith("ll") else c.tail[1:]
    if c.tail.startswith(_LONG_A_BEFORE) or (c.tail[:1] == "l" and after_l[:1] not in _VY):
        return "AA"
    return "A"


# Consonants after which a closed a is long, as in British English: class, plant, after.
_LONG_A_BEFORE = ("ss", "st", "sk", "sp", "ft", "th", "ph", "nce", "nch", "nt")


def _sound_e(c: _Context) -> str:
    if c.final:
        return "E"
    if c.poly and not c.first and c.tail in _WEAK_E_TAILS:
        return "S"
    if c.hiatus or c.magic or c.long_next:
        return "E"
    if c.r_colored or (c.initial and c.cons[0].src in ("l", "n")):
        return "S"
    if c.open:
        return "E" if c.first else "S"
    return "E"


def _sound_i(c: _Context) -> str:
    if c.final:
        return "I" if c.word[-1] == "y" and not c.poly else "E"
    if c.hiatus:
        return "I" if c.first else "E"
    if c.magic:
        return "I"
    if c.r_colored:
        return "S"
    if c.long_next:
        return "S" if c.first else "E"
    if c.open:
        if c.first:
            long = c.next_letter in ("a", "o", "u", "e") and not (c.next_hiatus and not c.initial)
            return "I" if long else "E" if c.next_hiatus else "S"
        return "E" if c.next_letter in ("a", "o", "u", "e", "+") else "S"
    if c.first and c.tail in ("ld", "nd", "lds", "nds") and c.word[:1] != "w":
        return "I"
    return "S"


def _sound_o(c: _Context) -> str:
    if c.final or c.hiatus or c.long_next:
        return "O"
    if c.magic:
        short = c.tail in ("me", "mes") and c.word[c.cons[0].pos - 2 : c.cons[0].pos - 1] in "cs"
        return "S" if short or c.tail in ("ve", "ves") else "O"
    if c.r_colored:
        if c.after_w or (c.poly and not c.first and c.tail in ("r", "rs")):
            return "S"
        return "AA" if c.initial else "O"
    if c.open:
        return "O"
    if c.tail.startswith(("ld", "lt")) or c.tail in ("ll", "st", "sts", "lls"):
        return "O"
    if c.first and c.prev == "k" and c.poly and c.word[1:3] in ("om", "on"):
        return "S"
    if not c.first and c.tail in ("l", "ll", "ls"):
        return "O"
    if c.poly and not c.first and c.tail in ("n", "m", "t", "ns", "ms", "ts"):
        return "S"
    return "AA"


def _sound_u(c: _Context) -> str:
    long = "U" if c.after_w or c.prev in ("r", "l", "j", "s", "z", "ch", "sh") else "YU"
    if c.final:
        return "U"
    if c.hiatus or c.magic or c.long_next:
        return long
    if c.r_colored:
        return "S"
    if c.open and len(c.cons) != 2:
        return long
    return "S"


_SINGLE_VOWELS = {"a": _sound_a, "e": _sound_e, "i": _sound_i, "y": _sound_i, "o": _sound_o}


def _resolve(units: list[_Unit], word: str) -> None:
    """Give every single-letter vowel its sound from its context."""
    vowels = [k for k, u in enumerate(units) if u.kind == "V"]
    poly = sum(1 for k in vowels if units[k].sound not in ("X",)) >= 2
    for n, k in enumerate(vowels):
        unit = units[k]
        nxt = units[vowels[n + 1]] if n + 1 < len(vowels) else None
        end = vowels[n + 1] if nxt is not None else len(units)
        context = _Context(
            word=word,
            tail=word[unit.pos + len(unit.text) :],
            first=n == 0,
            poly=poly,
            cons=tuple(units[k + 1 : end]),
            nxt=nxt,
            after_w=(k > 0 and units[k - 1].src in ("w", "wh")) or (k == 1 and units[0].src == "y"),
            next_hiatus=nxt is not None and _followed_by_vowel(units, vowels[n + 1]),
            initial=k == 0,
            prev=units[k - 1].src if k and units[k - 1].kind == "C" else "",
        )
        if not unit.sound:
            unit.sound = _single_sound(unit.text, context)
        unit.before_r = unit.sound in ("A", "E") and (context.r_colored or _r_magic(context))


def _single_sound(letter: str, c: _Context) -> str:
    if c.nxt is not None and c.nxt.text == "-" and c.weight <= 1:
        return "S"
    return _SINGLE_VOWELS.get(letter, _sound_u)(c)


def _followed_by_vowel(units: list[_Unit], k: int) -> bool:
    return k + 1 < len(units) and units[k + 1].kind == "V" and units[k + 1].sound != "X"


def _r_magic(c: _Context) -> bool:
    return c.magic and c.cons[0].src == "r"


def _vowel_text(unit: _Unit, initial: bool, final: bool, after_vowel: bool, next_text: str) -> str:
    """Urdu spelling of a resolved vowel at its position."""
    sound = unit.sound
    if sound in ("X", "Z"):
        return ""
    if sound == "S":
        return "ا" if initial else "ئ" if after_vowel else ""  # after_vowel: و/ا or a glide
    if unit.before_r:
        return "ایئ" if initial else "یئ"
    before_vowel = next_text == ""
    if sound == "AU" and before_vowel:
        return "آو" if initial else "او"
    if initial:
        return _INITIAL_VOWELS[sound] + ("ی" if final and sound in ("I", "OI") else "")
    text = (_FINAL_VOWELS if final else _MEDIAL_VOWELS)[sound]
    if sound == "I" and next_text == "و":
        text = "ائی"  # five, drive, private: فائیو، ڈرائیو، پرائیویٹ
    if after_vowel and sound in ("A", "E", "I"):
        return "ئ" + text.removeprefix("ا")
    return text


# fmt: off
_INITIAL_VOWELS = {
    "A": "ای", "AA": "آ", "E": "ای", "I": "آئ", "O": "او", "U": "او", "YU": "یو", "AU": "آؤ",
    "OI": "آئ",
}
_MEDIAL_VOWELS = {
    "A": "ی", "AA": "ا", "E": "ی", "I": "ائ", "O": "و", "U": "و", "YU": "یو", "AU": "اؤ",
    "OI": "وائ",
}
# fmt: on
_FINAL_VOWELS = {**_MEDIAL_VOWELS, "A": "ے", "I": "ائی", "OI": "وائے"}


_VOICED = frozenset({"b", "d", "g", "l", "m", "n", "r", "v", "w", "th", "dg", "y"})


def _s_text(units: list[_Unit], k: int) -> str:
    """س or ز for a single s: news, Jones, president; bus, Chris, base."""
    prev = units[k - 1] if k else None
    nxt = units[k + 1] if k + 1 < len(units) else None
    if prev is None or prev.kind != "V":
        voiced = prev is not None and nxt is None and prev.src in _VOICED
        return "ز" if voiced else "س"
    if nxt is None:
        long = (len(prev.text) > 1 and prev.sound != "AA") or prev.sound in ("X", "Z")
        return "ز" if long else "س"
    soft_before = prev.sound not in ("AA", "AU") and prev.text != "a"
    soft_after = nxt.kind == "V" and (nxt.text[:1] in ("e", "i", "y", "+") or nxt.sound == "X")
    return "ز" if soft_before and soft_after else "س"


def _hiatus(prev: _Unit | None, unit: _Unit) -> bool:
    """Does this vowel need a hamza (ئ) to start after the sound before it?"""
    if prev is None:
        return False
    if prev.kind == "G":
        return unit.sound == "S"
    if prev.kind != "V" or prev.sound in ("X", "Z"):
        return False
    return prev.sound in ("O", "U", "YU", "AA", "AU", "OI") and unit.sound in ("S", "A", "E", "I")


def _render(units: list[_Unit]) -> str:
    """Write resolved units in Urdu script."""
    out: list[str] = []
    last_sound = max((k for k, u in enumerate(units) if u.kind != "V"), default=-1)
    for k, unit in enumerate(units):
        prev = units[k - 1] if k else None
        if unit.kind == "V":
            following = units[k + 1] if k + 1 < len(units) else None
            next_text = (
                "-" if following is None else following.text if following.kind != "V" else ""
            )
            text = _vowel_text(unit, k == 0, k > last_sound, _hiatus(prev, unit), next_text)
            if out and out[-1].endswith("ئ") and text.startswith("ئ"):
                text = text[1:]
            out.append(text)
        elif unit.src == "s" and unit.weight == 1:
            out.append(_s_text(units, k))
        else:
            out.append(unit.text)
    text = "".join(out)
    if len(units) > 1 and units[0].src == "s" and units[1].src in ("t", "p", "k", "m", "n", "th"):
        text = "ا" + text
    return text


# Second parts of compounds, read as words of their own: pass port, soft ware, Scot land.
# fmt: off
_COMPOUND_ENDS = (
    "book", "phone", "phones", "line", "lines", "site", "sites", "ware", "land", "lands",
    "wood", "port", "ports", "house", "field", "work", "ball", "ship", "board", "room", "day",
    "shop", "point", "light", "time", "way", "ways",
)
# fmt: on


def _rules(word: str) -> str:
    """Rule-based reading of a lower-case ASCII word."""
    if not _has_vowel(word):
        return letter_names(word)
    for end in _COMPOUND_ENDS:
        head = word[: -len(end)]
        if word.endswith(end) and len(head) >= 3 and _has_vowel(head) and head[-1] != end[0]:
            return f"{_rules(head)} {_rules(end)}"
    units = _parse(word)
    _resolve(units, word)
    return _render(units)


def transliterate(word: str) -> str:
    """Urdu-script reading of an English word or name: Musk -> مسک, Google -> گوگل."""
    letters = "".join(c for c in _ascii_fold(word).lower() if c.isascii() and c.isalpha())
    if not letters:
        return ""
    return WORDS.get(letters) or _rules(letters)


@lru_cache(maxsize=256)
def _fold_char(char: str) -> str | None:
    """ASCII reading of a non-ASCII Latin character (é -> e, ﬁ -> fi); None if not Latin."""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    if any(c.isascii() and c.isalpha() for c in kept):
        return kept
    name = unicodedata.name(char, "")
    if not name.startswith("LATIN"):
        return None
    return _LATIN_EXTRA.get(char.lower()) or _letter_from_name(name)


# fmt: off
_LATIN_EXTRA = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
    "ı": "i", "ŋ": "ng", "ĸ": "k", "ſ": "s", "ƒ": "f", "ɛ": "e", "ə": "e", "ʃ": "sh",
}
# fmt: on


def _letter_from_name(name: str) -> str:
    """The base letter in a Unicode name such as LATIN SMALL LETTER OPEN E; "" if none."""
    words = name.split(" WITH ")[0].split()
    last = words[-1] if words else ""
    return last.lower() if len(last) == 1 and last.isascii() and last.isalpha() else ""


def _ascii_fold(text: str) -> str:
    """`text` with every Latin character as ASCII letters; marks after them dropped."""
    out: list[str] = []
    latin = False
    for char in text:
        if char.isascii():
            out.append(char)
            latin = char.isalpha()
        elif latin and unicodedata.combining(char):
            continue
        else:
            folded = _fold_char(char)
            latin = folded is not None
            out.append(char if folded is None else folded)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Latin tokens in running text.
# ---------------------------------------------------------------------------------------------

_PART = r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*"
_TOKEN_RE = re.compile(
    rf"(?P<pre>(?<=[^\W_]|\.)[{_HYPHENS}])?"
    rf"(?P<tok>{_PART}(?:['’]{_PART}|\.{_PART}|[{_HYPHENS}](?:{_PART}|[0-9]+))*)"
    rf"(?P<dot>\.)?"
    rf"(?P<post>[{_HYPHENS}](?=[^\W_]))?"
)
_CAMEL_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_RUN_RE = re.compile(r"[A-Za-z]+|[0-9]+")


def expand_latin(text: str, lexicon: Mapping[str, str] | None = None) -> str:
    """Replace every Latin-script token in `text` with its reading in Urdu script.

    `lexicon` (word -> reading; exact case first, then any case) overrides the built-in
    readings. Everything that is not a Latin token is left as it is, except that a hyphen
    joining a token to another word becomes a space and the dot of an abbreviation (U.S.,
    Dr.) goes. The result has no Latin letters, a second call changes nothing, and no input
    makes it raise.
    """
    folded = _ascii_fold(text)
    if not LATIN_LETTER_RE.search(folded):
        return folded
    user = _Lexicon(lexicon or {})
    return _TOKEN_RE.sub(lambda match: _replace(match, user), folded)


class _Lexicon:
    """A user lexicon, looked up with exact case first and then case-insensitively."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self.exact = dict(entries)
        self.folded = {key.casefold(): value for key, value in entries.items()}

    def get(self, word: str) -> str | None:
        value = self.exact.get(word) or self.folded.get(word.casefold())
        if value is None:
            return None
        # A reading that is itself in Latin script gets the built-in reading of its words.
        return expand_latin(value) if LATIN_LETTER_RE.search(_ascii_fold(value)) else value


def _replace(match: re.Match[str], lexicon: _Lexicon) -> str:
    """The reading of one matched token, with the spacing around it."""
    token, dot = match["tok"], match["dot"]
    try:
        reading, keep_dot = _read_token(token, dot is not None, lexicon)
    except Exception:  # a reading must never stop the bulletin: fall back to the letters
        reading, keep_dot = letter_names(token), True
    source = match.string
    before = source[match.start() - 1] if match.start() and not match["pre"] else ""
    after = source[match.end() : match.end() + 1] if not match["post"] else ""
    if dot and keep_dot:
        reading, after = reading + ".", ""
    lead = " " if match["pre"] or before.isalnum() else ""
    trail = " " if match["post"] or after.isalnum() else ""
    return f"{lead}{reading}{trail}"


def _read_token(token: str, dotted: bool, lexicon: _Lexicon) -> tuple[str, bool]:
    """(reading, whether a following dot stays) for a token such as U.S, e-mail, Trump's."""
    for key in (token + ".", token) if dotted else (token,):
        found = lexicon.get(key)
        if found:
            return found, key == token
    if "." in token or (dotted and token.casefold() in DOTTED):
        return _read_dotted(token, dotted, lexicon)
    return _read_compound(token, lexicon), not (dotted and len(token) == 1)


def _read_dotted(token: str, dotted: bool, lexicon: _Lexicon) -> tuple[str, bool]:
    """Dotted tokens: U.S. and e.g. (letters or a table), Dr. (a title), bbc.com (a domain)."""
    parts = token.split(".")
    if token.casefold() in DOTTED:
        return DOTTED[token.casefold()], False
    if all(len(part) == 1 and part.isalpha() for part in parts):
        return letter_names(token), False
    words = [_read_compound(part, lexicon) for part in parts]
    joined = words[0]
    for part, word in zip(parts, words[1:], strict=False):
        joined += " " if part.casefold() in DOTTED or len(part) == 1 else " ڈاٹ "
        joined += word
    return joined, True


def _read_compound(token: str, lexicon: _Lexicon) -> str:
    """Hyphenated and apostrophe tokens: e-mail, COVID-19, Trump's, O'Brien."""
    parts = re.split(f"[{_HYPHENS}]", token)
    if len(parts) > 1:
        found = lexicon.get(token) or WORDS.get(token.casefold())
        return found or " ".join(_read_compound(part, lexicon) for part in parts if part)
    word = re.sub(r"['’][sS]$", "", token)
    found = lexicon.get(word)
    if found:
        return found
    return _read_alnum(word.replace("'", "").replace("’", ""), lexicon)


def _read_alnum(token: str, lexicon: _Lexicon) -> str:
    """Letters and digits glued together (G7, MP3, COVID19): each run read on its own."""
    runs = _RUN_RE.findall(token)
    if len(runs) == 1:
        return token if token.isdigit() else lexicon.get(token) or _read_word(token)
    readings = []
    for run in runs:
        if run.isdigit():
            readings.append(run)
        elif run in UNITS or (len(run) > 2 and _has_vowel(run)):
            readings.append(lexicon.get(run) or _read_word(run))
        else:
            readings.append(lexicon.get(run) or letter_names(run))
    return " ".join(readings)


@lru_cache(maxsize=4096)
def _read_word(word: str) -> str:
    """Built-in reading of a plain word: tables, letter names, camel case, then the rules."""
    if word in UNITS:
        return UNITS[word]
    upper, folded = word.upper(), word.casefold()
    if upper in PRONOUNCED_ACRONYMS and (word.isupper() or word[1:].islower()):
        return PRONOUNCED_ACRONYMS[upper]
    if folded in WORDS and not (word.isupper() and len(word) <= 5):
        return WORDS[folded]
    if folded in _UNDOTTED_TITLES and word[:1].isupper() and not word.isupper():
        return DOTTED[folded]
    if word.endswith("s") and len(word) > 2 and word[:-1].isupper():
        return letter_names(word[:-1]) + "ز"
    if _spelled(word):
        return letter_names(word)
    parts = _CAMEL_RE.findall(word)
    if len(parts) > 1:
        return " ".join(_read_word(part) for part in parts)
    return transliterate(word)
