"""Spell out every number in Urdu text as Urdu words, so TTS engines do not skip digits.

Pure functions, no I/O. The entry point is `expand_numbers`; `cardinal`, `decimal`,
`ordinal`, `ordinal_with_suffix`, `year` and `digits` are the building blocks.

Reading conventions (newsreader style):

- Scale: سو، ہزار، لاکھ، کروڑ، ارب، کھرب; past کھرب the multiplier is read recursively
  (10^13 → سو کھرب, 10^16 → ایک لاکھ کھرب). A hundreds group that is exactly 100 is سو
  (100 → سو, 100% → سو فیصد); otherwise ایک سو (150 → ایک سو پچاس, 1100 → ایک ہزار ایک سو).
- Decimals: the fraction is read digit by digit after اعشاریہ (3.14 → تین اعشاریہ ایک چار,
  2.50 → دو اعشاریہ پانچ صفر). Amounts of روپے/ڈالر/یورو/پاؤنڈ with exactly two decimals
  use the minor unit instead (Rs 20.50 → بیس روپے پچاس پیسے).
- Years: 1100–1999 in pairs (1980 → انیس سو اسی), other years as cardinals. The year mark
  ء is consumed and read as nothing (2019ء → دو ہزار انیس); the Hijri mark ھ is read
  ہجری (1445ھ → چودہ سو پینتالیس ہجری). A bare four-digit number is read as a year when
  it follows سنہ، سن، سال، برس or a month name, or comes before میں، کے، کی، کا، تک، سے.
  Elsewhere it is a cardinal; for 2000–2099 both readings are the same, and for 1100–1999
  the pair reading is itself ordinary Urdu (پندرہ سو سے زائد).
- Dates: d/m/y, d-m-y and d.m.y are day first (Pakistani convention); when the middle field
  is over 12 and the first is not, the date is taken as m/d/y. ISO y-m-d is also read.
  Two-digit years are read as written (7/2/25 → سات فروری پچیس).
- Times: 10:30 → دس بج کر تیس منٹ, 10:00 → دس بجے, 14:30 → چودہ بج کر تیس منٹ (the
  24-hour clock is read as written, except hour 0, which is بارہ). A following بجے is
  consumed, since the reading already says it. 10.30 is a time only before بجے.
- Ordinals: 1–4 and 6 are irregular (پہلا، دوسرا، تیسرا، چوتھا، چھٹا); others add واں
  (نو gives نواں).
  A ویں suffix in the text gives the feminine/oblique form (21ویں → اکیسویں; for the
  irregular ones the feminine, پہلی … چھٹی, as in صدی، بار، سالگرہ).
- Phone numbers (a leading 0 or +, seven or more digits, groups split by spaces or
  dashes), numbers with a leading zero, runs of ten or more digits and codes of three or
  more dash-joined groups are read digit by digit.
- Ranges: 10-15 → دس سے پندرہ, 2019-2020 → دو ہزار انیس سے دو ہزار بیس,
  1947-48 → انیس سو سینتالیس سے اڑتالیس.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "cardinal",
    "decimal",
    "digits",
    "expand_numbers",
    "ordinal",
    "ordinal_with_suffix",
    "year",
]

# Urdu words for 0–99. Checked entry by entry against:
#   [1] Unicode CLDR, common/rbnf/ur.xml, %spellout-cardinal (github.com/unicode-org/cldr);
#   [2] mastermunj/to-words, src/locales/ur-PK.ts (numberWordsMapping);
#   [3] AI4Bharat/indic-numtowords, indic_numtowords/urd/data/nums.py;
#   and, for pronunciation and partial lists: [4] Wikipedia "Hindustani numerals"
#   (romanised table), [5] UrduPod101 "Counting in Urdu 40 to 70", [6] urdudarasgah
#   (blogspot) "اردو گنتی صحیح املا" spelling guide.
# All three full tables agree on the other 83 entries. Disagreements and the choice made:
#    5  پانچ — [1][2]; [3] پاںچ (nun ghunna mid-word, non-standard).
#    6  چھ — [1][2]; [3] and the prescriptive [6] چھے. چھ is the common newspaper form.
#   23  تئیس — [1][2]; [3] تےيس (Arabic yeh U+064A). Another JS converter has تیئیس.
#   26  چھبیس — [1][2]; [3] چھببیس (doubled ب).
#   27, 28  ستائیس، اٹھائیس — [1][2]; [3] ستااس، اٹھااس (garbled).
#   29, 31  انتیس، اکتیس — [1][2]; [3] uses Arabic ي/ك code points.
#   53  ترپن — [2][3][5], [4] "tirpan"; [1] تریپن.
#   63, 64, 68  تریسٹھ، چونسٹھ، اڑسٹھ — [1][2][5]; [3] ترسٹھ، چوسٹھ، اٹھسٹھ.
#   67  سڑسٹھ — [1][2][3]; [5] ستا سٹھ.
#   75  پچہتر — [1][3], like the rest of the -ہتر series; [2] پچھتر.
#   77  ستتر — [2][3]; [1] ستہتر.
#   79  اناسی — [2][3], [4] "unāsī"; [1] انیاسی ([4] also lists "unyāsī").
#   91  اکیانوے — [1], [4] "ikyānve", and [6]'s rule to write 51, 81, 91 with ی, matching
#       اکیاون/اکیاسی on which every source agrees; [2][3] اکانوے.
#   99  ننانوے — [1][3]; [2] نناوے.
# Letters are the Urdu forms: ی U+06CC, ک U+06A9, ہ U+06C1, ے U+06D2, ھ U+06BE.
_BELOW_100: tuple[str, ...] = (
    # 0–9
    "صفر", "ایک", "دو", "تین", "چار", "پانچ", "چھ", "سات", "آٹھ", "نو",
    # 10–19
    "دس", "گیارہ", "بارہ", "تیرہ", "چودہ", "پندرہ", "سولہ", "سترہ", "اٹھارہ", "انیس",
    # 20–29
    "بیس", "اکیس", "بائیس", "تئیس", "چوبیس", "پچیس", "چھبیس", "ستائیس", "اٹھائیس", "انتیس",
    # 30–39
    "تیس", "اکتیس", "بتیس", "تینتیس", "چونتیس", "پینتیس", "چھتیس", "سینتیس", "اڑتیس",
    "انتالیس",
    # 40–49
    "چالیس", "اکتالیس", "بیالیس", "تینتالیس", "چوالیس", "پینتالیس", "چھیالیس", "سینتالیس",
    "اڑتالیس", "انچاس",
    # 50–59
    "پچاس", "اکیاون", "باون", "ترپن", "چون", "پچپن", "چھپن", "ستاون", "اٹھاون", "انسٹھ",
    # 60–69
    "ساٹھ", "اکسٹھ", "باسٹھ", "تریسٹھ", "چونسٹھ", "پینسٹھ", "چھیاسٹھ", "سڑسٹھ", "اڑسٹھ",
    "انہتر",
    # 70–79
    "ستر", "اکہتر", "بہتر", "تہتر", "چوہتر", "پچہتر", "چھہتر", "ستتر", "اٹھہتر", "اناسی",
    # 80–89
    "اسی", "اکیاسی", "بیاسی", "تراسی", "چوراسی", "پچاسی", "چھیاسی", "ستاسی", "اٹھاسی", "نواسی",
    # 90–99
    "نوے", "اکیانوے", "بانوے", "ترانوے", "چورانوے", "پچانوے", "چھیانوے", "ستانوے", "اٹھانوے",
    "ننانوے",
)  # fmt: skip

HUNDRED = "سو"
_SCALES: tuple[tuple[int, str], ...] = (
    (10**9, "ارب"),
    (10**7, "کروڑ"),
    (10**5, "لاکھ"),
    (10**3, "ہزار"),
)
_KHARAB = (10**11, "کھرب")
MINUS = "منفی"
POINT = "اعشاریہ"
PERCENT = "فیصد"

MONTHS: tuple[str, ...] = (
    "جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون",
    "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر",
)  # fmt: skip

_ORDINAL_MASCULINE = {1: "پہلا", 2: "دوسرا", 3: "تیسرا", 4: "چوتھا", 6: "چھٹا"}
_ORDINAL_FEMININE = {1: "پہلی", 2: "دوسری", 3: "تیسری", 4: "چوتھی", 6: "چھٹی"}
_ORDINAL_OBLIQUE = {1: "پہلے", 2: "دوسرے", 3: "تیسرے", 4: "چوتھے", 6: "چھٹے"}
_ORDINAL_FORMS = {
    "masculine": (_ORDINAL_MASCULINE, "واں"),
    "feminine": (_ORDINAL_FEMININE, "ویں"),
    "oblique": (_ORDINAL_OBLIQUE, "ویں"),
}

# Longest digit string read as one number; longer ones are read digit by digit.
_MAX_CARDINAL_DIGITS = 30
_MAX_PLAIN_DIGITS = 9  # ungrouped runs of 10+ digits are codes, read digit by digit


# --------------------------------------------------------------------------- words


def cardinal(n: int) -> str:
    """Urdu words for the integer `n` (South Asian scale; negative → منفی …)."""
    if n < 0:
        return f"{MINUS} {cardinal(-n)}"
    if n == 0:
        return _BELOW_100[0]
    return " ".join(_cardinal_words(n))


def _cardinal_words(n: int) -> list[str]:
    """Words for 0 < n, as a list."""
    words: list[str] = []
    high, n = divmod(n, _KHARAB[0])
    if high:
        words += [*_cardinal_words(high), _KHARAB[1]]
    for value, name in _SCALES:
        count, n = divmod(n, value)
        if count:
            words += [_BELOW_100[count], name]
    hundreds, n = divmod(n, 100)
    if hundreds == 1 and n == 0 and not words:
        words.append(HUNDRED)
    elif hundreds:
        words += [_BELOW_100[hundreds], HUNDRED]
    if n:
        words.append(_BELOW_100[n])
    return words


def year(n: int) -> str:
    """A year: 1100–1999 in pairs (1980 → انیس سو اسی), others as cardinals."""
    if 1100 <= n <= 1999:
        high, low = divmod(n, 100)
        pair = f"{_BELOW_100[high]} {HUNDRED}"
        return f"{pair} {_BELOW_100[low]}" if low else pair
    return cardinal(n)


def ordinal(n: int, form: str = "masculine") -> str:
    """Ordinal of `n`: form is "masculine" (پہلا، پانچواں), "feminine" or "oblique"."""
    if form not in _ORDINAL_FORMS:
        raise ValueError(f"unknown ordinal form: {form!r}")
    if n < 0:
        return f"{MINUS} {ordinal(-n, form)}"
    irregular, suffix = _ORDINAL_FORMS[form]
    if n in irregular:
        return irregular[n]
    words = cardinal(n)
    if words == "نو" or words.endswith(" نو"):  # نواں، نویں, not نوواں
        return words + suffix[1:]
    return words + suffix


def ordinal_with_suffix(n: int, suffix: str) -> str:
    """Ordinal for a number marked in text: 21ویں → اکیسویں, 5واں → پانچواں, 2nd → دوسرا."""
    return ordinal(n, "feminine" if suffix.strip() == "ویں" else "masculine")


def digits(text: str) -> str:
    """Read every digit (any script) in `text` one by one; other characters are skipped."""
    return " ".join(_BELOW_100[unicodedata.decimal(ch)] for ch in text if ch.isdecimal())


_DECIMAL_RE = re.compile(r"([-−]?)([0-9][0-9,٬]*)?(?:[.٫]([0-9]+))?")


def decimal(text: str) -> str:
    """A decimal number as text: 3.14 → تین اعشاریہ ایک چار (fraction digit by digit)."""
    ascii_text = _ascii_digits(text.strip())
    match = _DECIMAL_RE.fullmatch(ascii_text)
    if not match or not (match[2] or match[3]):
        raise ValueError(f"not a decimal number: {text!r}")
    sign, whole, fraction = match.groups()
    words = _read_integer(whole or "0", grouped=True)
    if fraction is not None:
        words += f" {POINT} {digits(fraction)}"
    return f"{MINUS} {words}" if sign else words


# --------------------------------------------------------------------------- helpers


def _ascii_digits(text: str) -> str:
    """Replace every decimal digit of any script with its ASCII digit (same length)."""
    return _ANY_DIGIT_RE.sub(lambda m: str(unicodedata.decimal(m[0])), text)


_ANY_DIGIT_RE = re.compile(r"\d")  # str patterns: \d is every Unicode Nd character


def _read_integer(raw: str, *, grouped: bool = False, as_year: bool = False) -> str:
    """Read an ASCII-digit integer, maybe with thousands separators, the default way."""
    plain = raw.replace(",", "").replace("٬", "")
    if not plain:
        return ""
    has_separators = plain != raw
    if len(plain) > 1 and plain[0] == "0" and not has_separators:
        return digits(plain)
    limit = _MAX_CARDINAL_DIGITS if (has_separators or grouped) else _MAX_PLAIN_DIGITS
    if len(plain) > limit:
        return digits(plain)
    n = int(plain)
    return year(n) if as_year and len(plain) == 4 else cardinal(n)


def _read_number(raw: str, *, as_year: bool = False) -> str:
    """Read an ASCII number: optional sign, grouped integer, optional decimal part."""
    sign = raw[:1] in "-−"
    body = raw[1:] if sign else raw
    whole, fraction = _split_fraction(body)
    words = _read_integer(whole, as_year=as_year and fraction is None)
    if fraction is not None:
        words = f"{words or _BELOW_100[0]} {POINT} {digits(fraction)}"
    return f"{MINUS} {words}" if sign else words


def _split_fraction(body: str) -> tuple[str, str | None]:
    """Split "12.5" into ("12", "5"); no point gives ("12", None)."""
    parts = re.split(r"[.٫]", body, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0], None)


def _read_runs(text: str) -> str:
    """Fallback: read each digit run on its own, keeping every other character."""
    return re.sub(r"[0-9]+", lambda m: _read_integer(m[0]), text)


# --------------------------------------------------------------------------- patterns

_L = r"[^\W\d_]"  # a letter of any script
_G = "[,٬]"  # thousands separators
_P = "[.٫]"  # decimal points
_INT_GROUPED = (
    rf"(?:[0-9]{{1,3}}(?:{_G}[0-9]{{3}})+|[0-9]{{1,2}}(?:{_G}[0-9]{{2}})*{_G}[0-9]{{3}})"
    rf"(?!{_G}?[0-9])"
)
_NUM = rf"(?:{_INT_GROUPED}|[0-9]+)(?:{_P}[0-9]+(?!{_P}?[0-9]))?"
_SP = "[ \u00a0]?"  # an optional space (never a line break)
_DASH = "(?:[-–]| [-–] )"  # a range dash: no spaces, or spaces on both sides
_NUM_RE = re.compile(rf"([-−]?{_NUM})(?:{_DASH}({_NUM}))?")

_URDU_SCALES = "ہزار|لاکھ|کروڑ|ارب|کھرب|ملین|بلین|ٹریلین"
_LATIN_SCALES = {
    "million": "ملین", "mn": "ملین", "billion": "بلین", "bn": "بلین", "trillion": "ٹریلین",
}  # fmt: skip
_CURRENCIES = {
    "$": "ڈالر", "usd": "ڈالر", "€": "یورو", "eur": "یورو", "£": "پاؤنڈ", "gbp": "پاؤنڈ",
    "₨": "روپے", "rs": "روپے", "pkr": "روپے", "inr": "بھارتی روپے",
}  # fmt: skip
_MINOR_UNITS = {"روپے": "پیسے", "ڈالر": "سینٹ", "یورو": "سینٹ", "پاؤنڈ": "پینس"}

_YEAR_BEFORE = frozenset({"سنہ", "سن", "سال", "برس", *MONTHS})
_YEAR_AFTER = frozenset({"میں", "کے", "کی", "کا", "تک", "سے", "عیسوی"})

_PATTERNS: tuple[str, ...] = (
    # 07/02/2025, 7-2-2025, 07.02.2025 (day first), optionally followed by the year mark ء
    r"(?<![0-9.,/-])(?P<date>(?P<d_a>[0-9]{1,2})(?P<d_sep>[/.-])(?P<d_b>[0-9]{1,2})"
    rf"(?P=d_sep)(?P<d_y>[0-9]{{4}}|[0-9]{{2}})(?![0-9]|[/.-][0-9])(?:{_SP}ء)?)",
    # 2025-02-07
    r"(?<![0-9.,/-])(?P<iso>(?P<i_y>[0-9]{4})(?P<i_sep>[-/.])(?P<i_m>[0-9]{1,2})"
    r"(?P=i_sep)(?P<i_d>[0-9]{1,2})(?![0-9]|[/.-][0-9]))",
    # +92 300 1234567, 0300-1234567, 051 9201234
    r"(?<![\w+])(?P<phone>\+[0-9]{1,3}(?:[ -]?[0-9]{2,}){1,4}"
    r"|0[0-9]{2,}(?:[ -][0-9]{2,}){0,3})(?![0-9])",
    # 10:30, 9:05:30, 10.30 بجے
    rf"(?<![0-9:.])(?P<time>(?P<t_h>[0-9]{{1,2}})(?::|\.(?=[0-9]{{2}}{_SP}بجے))"
    rf"(?P<t_m>[0-9]{{2}})(?::(?P<t_s>[0-9]{{2}}))?(?![0-9]|:[0-9])(?:{_SP}بجے(?!{_L}))?)",
    # Rs 500, Rs.500/-, PKR 1,000, $5.5 million, €10-20
    rf"(?P<cur>(?P<c_sym>[$€£₨]|(?<![A-Za-z])(?i:rs\.?|pkr|usd|eur|gbp|inr)(?![A-Za-z]))"
    rf"{_SP}(?P<c_amt>[-−]?{_NUM}(?:{_DASH}{_NUM})?)"
    rf"(?P<c_scale>{_SP}(?:(?i:million|billion|trillion|mn|bn)(?![A-Za-z])"
    rf"|(?:{_URDU_SCALES})(?!{_L})))?(?:/-)?)",
    # 35202-1234567-1: three or more dash-joined groups
    r"(?<![0-9])(?P<code>[0-9]+(?:-[0-9]+){2,})(?![0-9])",
    # 1.2.3, 192.168.1.1
    rf"(?<![0-9])(?P<dotted>[0-9]+(?:{_P}[0-9]+){{2,}})(?![0-9])",
    # 10-15, 2019–2020, 10 - 15%, 2019-20ء
    rf"(?<![0-9.,٫٬])(?P<range>(?P<r_a>{_NUM}){_DASH}(?P<r_b>{_NUM})(?P<r_suf>{_SP}[%٪]|{_SP}ء)?)",
    # 2019ء, 1445ھ, 632 ء
    rf"(?<![0-9.,٫٬])(?P<yearmark>(?P<y_n>[0-9]{{1,4}}){_SP}(?P<y_m>[ءھ]))",
    # 21ویں, 5واں, 2nd
    rf"(?<![0-9.,٫٬])(?P<ord>(?P<o_n>[0-9]{{1,9}})(?:(?P<o_en>(?i:st|nd|rd|th))(?![A-Za-z])"
    rf"|{_SP}(?P<o_ur>واں|ویں)(?!{_L})))",
    # -5, 1,25,000, 3.14, 50%, 500$, 500/-
    rf"(?P<number>(?P<n_sign>(?<![\w)\]])[-−])?(?<![0-9])(?P<n_num>{_NUM})"
    rf"(?P<n_suf>{_SP}[%٪‰]|{_SP}[$€£₨](?![0-9])|/-)?)",
    r"(?P<digits>[0-9]+)",
)
_MASTER_RE = re.compile("|".join(_PATTERNS))


# --------------------------------------------------------------------------- handlers


def _on_date(m: re.Match[str]) -> str:
    """07/02/2025 → سات فروری دو ہزار پچیس (day first, month first if it must be)."""
    day, month = int(m["d_a"]), int(m["d_b"])
    if month > 12 >= day:
        day, month = month, day
    return _date_words(day, month, m["d_y"]) or _read_runs(m["date"])


def _on_iso(m: re.Match[str]) -> str:
    """2025-02-07 → سات فروری دو ہزار پچیس."""
    return _date_words(int(m["i_d"]), int(m["i_m"]), m["i_y"]) or _read_runs(m["iso"])


def _date_words(day: int, month: int, year_digits: str) -> str | None:
    """Words for a valid date, or None."""
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    n = int(year_digits)
    year_words = year(n) if len(year_digits) == 4 else cardinal(n)
    return f"{cardinal(day)} {MONTHS[month - 1]} {year_words}"


def _on_phone(m: re.Match[str]) -> str:
    """Phone numbers digit by digit, group by group; short ones fall back."""
    groups = re.findall("[0-9]+", m["phone"])
    if sum(map(len, groups)) < 7:
        return _read_runs(m["phone"])
    return " ".join(digits(group) for group in groups)


def _on_time(m: re.Match[str]) -> str:
    """10:30 → دس بج کر تیس منٹ; 10:00 → دس بجے."""
    hour, minute = int(m["t_h"]), int(m["t_m"])
    second = int(m["t_s"] or 0)
    if hour > 24 or minute > 59 or second > 59:
        return _read_runs(m["time"])
    hour_words = "بارہ" if hour == 0 else cardinal(hour)
    if not minute and not second:
        return f"{hour_words} بجے"
    parts = [f"{hour_words} بج کر"]
    if minute:
        parts.append(f"{cardinal(minute)} منٹ")
    if second:
        parts.append(f"{cardinal(second)} سیکنڈ")
    return " ".join(parts)


def _on_currency(m: re.Match[str]) -> str:
    """Rs 500 → پانچ سو روپے; $5 million → پانچ ملین ڈالر."""
    unit = _CURRENCIES[m["c_sym"].lower().rstrip(".")]
    amount, scale = m["c_amt"], (m["c_scale"] or "").strip()
    if scale:
        return f"{_read_amount(amount)} {_LATIN_SCALES.get(scale.lower(), scale)} {unit}"
    if amount == "1" and unit == "روپے":
        return f"{_BELOW_100[1]} روپیہ"
    return _minor_units(amount, unit) or f"{_read_amount(amount)} {unit}"


def _read_amount(amount: str) -> str:
    """A signed number or a range of two numbers."""
    match = _NUM_RE.fullmatch(amount)
    if not match:
        return _read_runs(amount)
    first, second = match.groups()
    words = _read_number(first)
    return f"{words} سے {_read_number(second)}" if second else words


def _minor_units(amount: str, unit: str) -> str | None:
    """Rs 20.50 → بیس روپے پچاس پیسے, for amounts with exactly two decimals."""
    match = re.fullmatch(rf"([0-9,٬]+){_P}([0-9]{{2}})", amount)
    if not match or unit not in _MINOR_UNITS:
        return None
    whole = f"{_read_integer(match[1], grouped=True)} {unit}"
    cents = int(match[2])
    return f"{whole} {cardinal(cents)} {_MINOR_UNITS[unit]}" if cents else whole


def _on_code(m: re.Match[str]) -> str:
    """Dash-joined codes (ID card numbers and the like), digit by digit."""
    return " ".join(digits(group) for group in m["code"].split("-"))


def _on_dotted(m: re.Match[str]) -> str:
    """Versions and addresses: each group on its own, dots kept."""
    return _read_runs(m["dotted"])


def _on_range(m: re.Match[str]) -> str:
    """10-15 → دس سے پندرہ; 2019-2020 → years; 1947-48 → انیس سو سینتالیس سے اڑتالیس."""
    first, second = m["r_a"], m["r_b"]
    if _is_year(first) and (_is_year(second) or re.fullmatch("[0-9]{2}", second)):
        words = f"{year(int(first))} سے {year(int(second))}"
    else:
        words = f"{_read_number(first)} سے {_read_number(second)}"
    suffix = (m["r_suf"] or "").strip()
    return f"{words} {PERCENT}" if suffix in ("%", "٪") else words


def _is_year(raw: str) -> bool:
    """A plain four-digit number in 1000–2099."""
    return re.fullmatch("[0-9]{4}", raw) is not None and 1000 <= int(raw) <= 2099


def _on_yearmark(m: re.Match[str]) -> str:
    """2019ء → دو ہزار انیس (mark read as nothing); 1445ھ → چودہ سو پینتالیس ہجری."""
    words = year(int(m["y_n"]))
    return f"{words} ہجری" if m["y_m"] == "ھ" else words


def _on_ordinal(m: re.Match[str]) -> str:
    """21ویں → اکیسویں; 2nd → دوسرا."""
    return ordinal_with_suffix(int(m["o_n"]), m["o_ur"] or m["o_en"])


def _on_number(m: re.Match[str]) -> str:
    """Plain numbers, with sign, percent, a trailing currency symbol or /-."""
    raw, suffix = m["n_num"], (m["n_suf"] or "").strip()
    as_year = not m["n_sign"] and not suffix and _year_context(m.string, *m.span("n_num"))
    words = _read_number(raw, as_year=as_year)
    if m["n_sign"]:
        words = f"{MINUS} {words}"
    if suffix in ("%", "٪"):
        return f"{words} {PERCENT}"
    if suffix == "‰":
        return f"{words} فی ہزار"
    return f"{words} {_CURRENCIES[suffix]}" if suffix in _CURRENCIES else words


def _year_context(text: str, start: int, end: int) -> bool:
    """Does a four-digit number at text[start:end] sit where a year is expected?"""
    if end - start != 4 or not _is_year(text[start:end]):
        return False
    before = re.search(rf"({_L}+)[\s،,]*$", text[max(0, start - 30) : start])
    after = re.match(rf"\s*({_L}+)", text[end : end + 30])
    return bool((before and before[1] in _YEAR_BEFORE) or (after and after[1] in _YEAR_AFTER))


def _on_digits(m: re.Match[str]) -> str:
    """Anything else made of digits."""
    return _read_integer(m["digits"])


_HANDLERS: dict[str, Callable[[re.Match[str]], str]] = {
    "date": _on_date,
    "iso": _on_iso,
    "phone": _on_phone,
    "time": _on_time,
    "cur": _on_currency,
    "code": _on_code,
    "dotted": _on_dotted,
    "range": _on_range,
    "yearmark": _on_yearmark,
    "ord": _on_ordinal,
    "number": _on_number,
    "digits": _on_digits,
}


def _replace(m: re.Match[str]) -> str:
    """Expand one match, adding a space where it would touch a letter."""
    words = _HANDLERS[m.lastgroup or "digits"](m)
    text, (start, end) = m.string, m.span()
    if start > 0 and text[start - 1].isalpha():
        words = " " + words
    if end < len(text) and text[end].isalpha():
        words += " "
    return words


def expand_numbers(text: str) -> str:
    """Replace every number expression in Urdu `text` with Urdu words (no digits remain)."""
    if not _ANY_DIGIT_RE.search(text):
        return text
    return _MASTER_RE.sub(_replace, _ascii_digits(text))
