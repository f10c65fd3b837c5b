import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin.latin import (
    LETTER_NAMES,
    PRONOUNCED_ACRONYMS,
    WORDS,
    expand_latin,
    is_abbreviation,
    letter_names,
    transliterate,
)

# Arabic-script letters (the Urdu alphabet and its Unicode neighbours), not marks or digits.
ARABIC_LETTER_RE = re.compile(
    "[\u0621-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)
LATIN_RE = re.compile("[A-Za-z]")
URDU_WORD_RE = re.compile("^[\u0600-\u06ff]+( [\u0600-\u06ff]+)*$")

# The 26 names, as Urdu newsreaders say them (see the sources in bulletin/latin.py).
EXPECTED_LETTER_NAMES = {
    "A": "اے", "B": "بی", "C": "سی", "D": "ڈی", "E": "ای", "F": "ایف", "G": "جی",
    "H": "ایچ", "I": "آئی", "J": "جے", "K": "کے", "L": "ایل", "M": "ایم", "N": "این",
    "O": "او", "P": "پی", "Q": "کیو", "R": "آر", "S": "ایس", "T": "ٹی", "U": "یو",
    "V": "وی", "W": "ڈبلیو", "X": "ایکس", "Y": "وائی", "Z": "زیڈ",
}  # fmt: skip


@pytest.mark.parametrize(("letter", "name"), EXPECTED_LETTER_NAMES.items())
def test_letter_names_of_all_26_letters(letter: str, name: str) -> None:
    assert LETTER_NAMES[letter] == name
    assert letter_names(letter) == name
    assert letter_names(letter.lower()) == name
    assert expand_latin(letter) == name


def test_letter_names_spells_with_spaces_and_skips_other_characters() -> None:
    assert letter_names("BBC") == "بی بی سی"
    assert letter_names("bbc") == "بی بی سی"
    assert letter_names("U.S.") == "یو ایس"
    assert letter_names("") == ""


ABBREVIATIONS = [
    ("BBC", "بی بی سی"),
    ("FIR", "ایف آئی آر"),
    ("UN", "یو این"),
    ("PTI", "پی ٹی آئی"),
    ("IMF", "آئی ایم ایف"),
    ("WHO", "ڈبلیو ایچ او"),
    ("CEO", "سی ای او"),
    ("FBI", "ایف بی آئی"),
    ("ISPR", "آئی ایس پی آر"),
    ("FIA", "ایف آئی اے"),
    ("MQM", "ایم کیو ایم"),
    ("SHO", "ایس ایچ او"),
    ("PIA", "پی آئی اے"),
    ("CCTV", "سی سی ٹی وی"),
    ("USB", "یو ایس بی"),
    ("AI", "اے آئی"),
    ("PhD", "پی ایچ ڈی"),
    ("iOS", "آئی او ایس"),
    ("U.S.", "یو ایس"),
    ("U.N.", "یو این"),
    ("U.S.A", "یو ایس اے"),
    ("x", "ایکس"),
    ("MPs", "ایم پیز"),
    ("NGOs", "این جی اوز"),
    ("PML-N", "پی ایم ایل این"),
    ("BBC's", "بی بی سی"),
]


@pytest.mark.parametrize(("token", "reading"), ABBREVIATIONS)
def test_abbreviations_are_spelled_as_letter_names(token: str, reading: str) -> None:
    assert is_abbreviation(token)
    assert expand_latin(token) == reading


# Acronyms Urdu papers write and say as words (NAB is نیب in jang.com.pk and urdu.geo.tv).
PRONOUNCED = [
    ("NATO", "نیٹو"),
    ("UNICEF", "یونیسیف"),
    ("UNESCO", "یونیسکو"),
    ("NASA", "ناسا"),
    ("COVID", "کووڈ"),
    ("OPEC", "اوپیک"),
    ("SAARC", "سارک"),
    ("NAB", "نیب"),
    ("NADRA", "نادرا"),
    ("CPEC", "سی پیک"),
    ("Nato", "نیٹو"),
    ("Covid", "کووڈ"),
]


@pytest.mark.parametrize(("token", "reading"), PRONOUNCED)
def test_pronounced_acronyms_are_read_as_words(token: str, reading: str) -> None:
    assert not is_abbreviation(token)
    assert expand_latin(token) == reading


@pytest.mark.parametrize("acronym", PRONOUNCED_ACRONYMS)
def test_every_pronounced_acronym_is_upper_case_and_read_in_urdu(acronym: str) -> None:
    assert acronym.isupper()
    assert URDU_WORD_RE.match(PRONOUNCED_ACRONYMS[acronym])
    assert expand_latin(acronym) == PRONOUNCED_ACRONYMS[acronym]


@pytest.mark.parametrize(
    "word", ["Musk", "iPhone", "TikTok", "Microsoft", "Google", "PAKISTAN", "McDonald", "eBay"]
)
def test_words_and_names_are_not_abbreviations(word: str) -> None:
    assert not is_abbreviation(word)


@pytest.mark.parametrize("token", ["", "بی بی سی", "12", "Trump's", "-", "Dr.", "Mr", "km", "e.g."])
def test_non_words_are_not_abbreviations(token: str) -> None:
    assert not is_abbreviation(token)


# Ordinary words and names read by the rules alone (none of them is in the WORDS table).
RULE_WORDS = [
    ("Musk", "مسک"),
    ("Google", "گوگل"),
    ("Twitter", "ٹوئٹر"),
    ("Trump", "ٹرمپ"),
    ("president", "پریزیڈنٹ"),
    ("minister", "منسٹر"),
    ("Facebook", "فیس بک"),
    ("YouTube", "یوٹیوب"),
    ("Tesla", "ٹیسلا"),
    ("Obama", "اوباما"),
    ("Putin", "پیوٹن"),
    ("Washington", "واشنگٹن"),
    ("Johnson", "جانسن"),
    ("Clinton", "کلنٹن"),
    ("Smith", "اسمتھ"),
    ("James", "جیمز"),
    ("Sweden", "سویڈن"),
    ("Australia", "آسٹریلیا"),
    ("Scotland", "اسکاٹ لینڈ"),
    ("Hollywood", "ہالی ووڈ"),
    ("software", "سافٹ ویئر"),
    ("passport", "پاس پورٹ"),
    ("airport", "ایئر پورٹ"),
    ("nation", "نیشن"),
    ("position", "پوزیشن"),
    ("science", "سائنس"),
    ("station", "اسٹیشن"),
    ("school", "اسکول"),
    ("technology", "ٹیکنالوجی"),
    ("organization", "آرگنائزیشن"),
    ("election", "الیکشن"),
    ("university", "یونیورسٹی"),
    ("doctor", "ڈاکٹر"),
    ("world", "ورلڈ"),
    ("video", "ویڈیو"),
    ("final", "فائنل"),
    ("private", "پرائیویٹ"),
    ("computer", "کمپیوٹر"),
    ("interview", "انٹرویو"),
    ("cricket", "کرکٹ"),
    ("petrol", "پیٹرول"),
    ("diesel", "ڈیزل"),
    ("highway", "ہائی وے"),
    ("news", "نیوز"),
    ("party", "پارٹی"),
]


@pytest.mark.parametrize(("word", "reading"), RULE_WORDS)
def test_rules_read_ordinary_words_and_names(word: str, reading: str) -> None:
    assert word.casefold() not in WORDS
    assert transliterate(word) == reading


# One or two words per rule of the transliteration (none in the WORDS table).
RULE_FEATURES = [
    ("Shell", "شیل"),  # sh -> ش
    ("church", "چرچ"),  # ch -> چ, ur -> ر
    ("Smith", "اسمتھ"),  # th -> تھ, initial s+consonant gets ا
    ("phone", "فون"),  # ph -> ف, magic e: long o
    ("night", "نائٹ"),  # igh -> long i
    ("rocket", "راکٹ"),  # ck -> ک, short o -> ا
    ("quick", "کوئک"),  # qu -> کو, short i after it -> ئ
    ("Zoom", "زوم"),  # oo -> و
    ("green", "گرین"),  # ee -> ی
    ("team", "ٹیم"),  # ea -> ی
    ("train", "ٹرین"),  # ai -> ی
    ("Sunday", "سن ڈے"),  # ay at the end -> ے; compound split
    ("town", "ٹاؤن"),  # ow -> اؤ
    ("house", "ہاؤس"),  # ou -> اؤ
    ("boy", "بوائے"),  # oy -> وائے
    ("Nike", "نائک"),  # magic e: long i
    ("Rome", "روم"),  # magic e: long o
    ("care", "کیئر"),  # long a before r -> یئ
    ("Oxford", "آکسفورڈ"),  # initial short o -> آ
    ("under", "انڈر"),  # initial short u -> ا
    ("army", "آرمی"),  # initial ar -> آر
    ("Ireland", "آئر لینڈ"),  # initial long i -> آئ
    ("Europe", "یوروپ"),  # initial eu -> یو
    ("Dell", "ڈیل"),  # d -> ڈ (English loans), doubled letters collapse
    ("Tim", "ٹم"),  # t -> ٹ, short i unwritten
    ("summit", "سمٹ"),  # doubled letters collapse
    ("city", "سٹی"),  # final y -> ی
    ("bus", "بس"),  # s after a short vowel stays س
    ("Jones", "جونز"),  # s after silent e -> ز
    ("music", "میوزک"),  # long u -> یو, s between vowels -> ز
    ("oil", "آئل"),  # initial oi -> آئ
    ("Tokyo", "ٹوکیو"),  # final o -> و
]


@pytest.mark.parametrize(("word", "reading"), RULE_FEATURES)
def test_each_transliteration_rule(word: str, reading: str) -> None:
    assert word.casefold() not in WORDS
    assert transliterate(word) == reading


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("Microsoft", "مائیکروسافٹ"),
        ("Elon", "ایلون"),
        ("iPhone", "آئی فون"),
        ("TikTok", "ٹک ٹاک"),
        ("WhatsApp", "واٹس ایپ"),
        ("Amazon", "ایمیزون"),
        ("Apple", "ایپل"),
        ("online", "آن لائن"),
        ("internet", "انٹرنیٹ"),
        ("email", "ای میل"),
    ],
)
def test_table_words(word: str, reading: str) -> None:
    assert transliterate(word) == reading
    assert expand_latin(word) == reading


def test_transliterate_ignores_case_diacritics_and_non_letters() -> None:
    assert transliterate("MUSK") == transliterate("musk") == "مسک"
    assert transliterate("Nestlé") == transliterate("Nestle")
    assert transliterate("") == transliterate("۔") == ""


SENTENCES = [
    (
        "پولیس نے FIR درج کر لی، ISPR کے مطابق ملزم گرفتار ہو گیا۔",
        "پولیس نے ایف آئی آر درج کر لی، آئی ایس پی آر کے مطابق ملزم گرفتار ہو گیا۔",
    ),
    (
        "Elon Musk نے Twitter خریدنے کے بعد اس کا نام X رکھ دیا۔",
        "ایلون مسک نے ٹوئٹر خریدنے کے بعد اس کا نام ایکس رکھ دیا۔",
    ),
    (
        "IMF کا وفد Islamabad پہنچ گیا جہاں وہ NAB اور FBR کے حکام سے ملے گا۔",
        "آئی ایم ایف کا وفد اسلام آباد پہنچ گیا جہاں وہ نیب اور ایف بی آر کے حکام سے ملے گا۔",
    ),
    (
        "WHO نے COVID-انیس کی نئی قسم کے بارے میں خبردار کیا ہے۔",
        "ڈبلیو ایچ او نے کووڈ انیس کی نئی قسم کے بارے میں خبردار کیا ہے۔",
    ),
    (
        "BBC Urdu کے مطابق Microsoft اور Google نے AI پر نئی پالیسی جاری کی۔",
        "بی بی سی اردو کے مطابق مائیکروسافٹ اور گوگل نے اے آئی پر نئی پالیسی جاری کی۔",
    ),
    (
        "PTI کے رہنما نے کہا کہ U.S. اور UN اس معاملے پر خاموش ہیں۔",
        "پی ٹی آئی کے رہنما نے کہا کہ یو ایس اور یو این اس معاملے پر خاموش ہیں۔",
    ),
    (
        "TikTok اور WhatsApp پر پابندی کا فیصلہ PTA نے کیا۔",
        "ٹک ٹاک اور واٹس ایپ پر پابندی کا فیصلہ پی ٹی اے نے کیا۔",
    ),
    (
        "iPhone کی قیمت میں اضافہ، Apple کے CEO Tim Cook نے اعلان کیا۔",
        "آئی فون کی قیمت میں اضافہ، ایپل کے سی ای او ٹم کک نے اعلان کیا۔",
    ),
    (
        "NATO کے اجلاس میں President Trump نے F-16 طیاروں کا ذکر کیا۔",
        "نیٹو کے اجلاس میں پریزیڈنٹ ٹرمپ نے ایف 16 طیاروں کا ذکر کیا۔",
    ),
    (
        "Dr. Smith نے e-mail میں بتایا کہ سڑک 25 km لمبی ہے۔",
        "ڈاکٹر اسمتھ نے ای میل میں بتایا کہ سڑک 25 کلومیٹر لمبی ہے۔",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_mixed_news_sentences(text: str, expected: str) -> None:
    assert expand_latin(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BBC، رائٹرز", "بی بی سی، رائٹرز"),
        ("اقوام متحدہ (UN) نے", "اقوام متحدہ (یو این) نے"),
        ("‘PTI’ کا جلسہ", "‘پی ٹی آئی’ کا جلسہ"),
        ("“NATO” کا بیان", "“نیٹو” کا بیان"),
        ("یہ خبر BBC۔", "یہ خبر بی بی سی۔"),
        ("کیا FIA؟", "کیا ایف آئی اے؟"),
        ("[IMF] کی شرائط", "[آئی ایم ایف] کی شرائط"),
        ("ذرائع: BBC", "ذرائع: بی بی سی"),
        ("BBCکی رپورٹ", "بی بی سی کی رپورٹ"),
        ("رپورٹ BBC.", "رپورٹ بی بی سی."),
        ("Trump's بیان", "ٹرمپ بیان"),
        ("BBC’s رپورٹ", "بی بی سی رپورٹ"),
    ],
)
def test_punctuation_next_to_tokens(text: str, expected: str) -> None:
    assert expand_latin(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("COVID-انیس", "کووڈ انیس"),
        ("انیس-COVID", "انیس کووڈ"),
        ("e-mail", "ای میل"),
        ("Wi-Fi", "وائی فائی"),
        ("PML-N", "پی ایم ایل این"),
        ("K-Electric", "کے الیکٹرک"),
        ("F-16", "ایف 16"),
        ("COVID-19", "کووڈ 19"),
        ("U.S.-China", "یو ایس چائنا"),
        ("PTI-led", "پی ٹی آئی لیڈ"),
    ],
)
def test_hyphenated_tokens(text: str, expected: str) -> None:
    assert expand_latin(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. کی", "یو ایس کی"),
        ("e.g. یہ", "مثلاً یہ"),
        ("Dr. Smith", "ڈاکٹر اسمتھ"),
        ("Mr Khan", "مسٹر خان"),
        ("George W. Bush", "جارج ڈبلیو بش"),
        ("bbc.com پر", "بی بی سی ڈاٹ کام پر"),
        ("کتابیں، اخبار etc. سب", "کتابیں، اخبار وغیرہ سب"),
    ],
)
def test_dotted_tokens(text: str, expected: str) -> None:
    assert expand_latin(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("G7 اجلاس", "جی 7 اجلاس"),
        ("MP3", "ایم پی 3"),
        ("5G", "5 جی"),
        ("T20", "ٹی 20"),
        ("5km", "5 کلومیٹر"),
        ("10 kg", "10 کلوگرام"),
        ("OpenAI", "اوپن اے آئی"),
        ("Charles III", "چارلز سوم"),
    ],
)
def test_digits_units_and_camel_case(text: str, expected: str) -> None:
    assert expand_latin(text) == expected


@pytest.mark.parametrize(
    ("accented", "plain"),
    [("Nestlé", "Nestle"), ("Erdoğan", "Erdogan"), ("Zürich", "Zurich"), ("e\u0301", "e")],
)
def test_latin_letters_with_diacritics(accented: str, plain: str) -> None:
    assert expand_latin(accented) == expand_latin(plain)
    assert not LATIN_RE.search(expand_latin(accented))


def test_lexicon_overrides_built_in_readings() -> None:
    lexicon = {"BBC": "بی بی سی اردو", "nab": "این اے بی", "U.S.": "امریکہ"}
    assert expand_latin("BBC کی خبر", lexicon) == "بی بی سی اردو کی خبر"
    assert expand_latin("NAB کا ریفرنس", lexicon) == "این اے بی کا ریفرنس"
    assert expand_latin("U.S. کی فوج", lexicon) == "امریکہ کی فوج"


def test_lexicon_exact_case_before_any_case() -> None:
    lexicon = {"Apple": "ایپل کمپنی", "apple": "سیب"}
    assert expand_latin("Apple", lexicon) == "ایپل کمپنی"
    assert expand_latin("apple", lexicon) == "سیب"


def test_lexicon_reading_in_latin_is_itself_read() -> None:
    out = expand_latin("ISPR", {"ISPR": "Inter Services Public Relations"})
    assert out and not LATIN_RE.search(out)


def test_text_without_latin_is_unchanged() -> None:
    text = "وزیر اعظم نے ۲۵ جون کو اجلاس (اہم) طلب کیا۔"
    assert expand_latin(text) == text


URDU = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےآئۓ"
MIXED_TEXT = st.text(
    alphabet=st.sampled_from(
        list(URDU)
        + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        + list(" \n.,-'’‐،۔؟()[]“”‘’\"/@&:")
        + ["é", "ü", "ß", "ﬁ", "Ａ", "\u0301", "\u064e", "ğ", "ʔ", "ŉ", "℃", "㎞", "\u200c"]
    ),
    max_size=40,
)
LEXICONS = st.dictionaries(
    st.text(alphabet="abcABC.-", min_size=1, max_size=4),
    st.text(alphabet="abc بی سی", min_size=1, max_size=6),
    max_size=3,
)


@settings(max_examples=400, deadline=None)
@given(MIXED_TEXT, LEXICONS)
def test_expand_latin_properties(text: str, lexicon: dict[str, str]) -> None:
    out = expand_latin(text, lexicon)  # never raises
    assert not LATIN_RE.search(out)
    assert expand_latin(out, lexicon) == out
    before, after = Counter(ARABIC_LETTER_RE.findall(text)), Counter(ARABIC_LETTER_RE.findall(out))
    assert all(after[letter] >= count for letter, count in before.items())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=30))
def test_expand_latin_never_raises_on_any_text(text: str) -> None:
    out = expand_latin(text)
    assert not LATIN_RE.search(out)
    assert expand_latin(out) == out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1))
def test_every_latin_word_gets_an_urdu_reading(word: str) -> None:
    assert URDU_WORD_RE.match(transliterate(word))
    assert URDU_WORD_RE.match(expand_latin(word))
