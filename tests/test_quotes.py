import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin.quotes import find_marks, find_quoted, is_speech, paragraph_quotes


def inside(paragraphs: list[str]) -> list[list[str]]:
    found = find_quoted(paragraphs)
    return [
        [text[q.start : q.end] for q in quotes]
        for text, quotes in zip(paragraphs, found, strict=False)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "انہوں نے کہا کہ “ہم تیار ہیں” اور چلے گئے",  # English-style curly
        "انہوں نے کہا کہ ”ہم تیار ہیں“ اور چلے گئے",  # reversed, common in Urdu typing
        "انہوں نے کہا کہ ‘ہم تیار ہیں’ اور چلے گئے",
        "انہوں نے کہا کہ ’ہم تیار ہیں‘ اور چلے گئے",  # BBC Urdu house style
        "انہوں نے کہا کہ ’’ہم تیار ہیں‘‘ اور چلے گئے",  # doubled
        "انہوں نے کہا کہ ‘‘ہم تیار ہیں’’ اور چلے گئے",
        'انہوں نے کہا کہ "ہم تیار ہیں" اور چلے گئے',
        "انہوں نے کہا کہ 'ہم تیار ہیں' اور چلے گئے",
        "انہوں نے کہا کہ «ہم تیار ہیں» اور چلے گئے",
        "انہوں نے کہا کہ»ہم تیار ہیں«اور چلے گئے",  # no spaces around the marks
    ],
)
def test_every_quote_convention(text: str) -> None:
    assert inside([text]) == [["ہم تیار ہیں"]]


def test_mixed_conventions_in_one_paragraph() -> None:
    text = "ایک نے کہا ’پہلی بات‘ اور دوسرے نے کہا “دوسری بات” پھر ”تیسری بات“ بھی"
    assert inside([text]) == [["پہلی بات", "دوسری بات", "تیسری بات"]]


@pytest.mark.parametrize(
    ("text", "outer"),
    [
        ("کہا: “انہوں نے “نہیں” کہا تھا” بس", "انہوں نے “نہیں” کہا تھا"),  # same marks inside
        ("کہا: ”انہوں نے ”نہیں“ کہا تھا“ بس", "انہوں نے ”نہیں“ کہا تھا"),
        ("کہا: ’’انہوں نے ’نہیں‘ کہا تھا‘‘ بس", "انہوں نے ’نہیں‘ کہا تھا"),
        ("کہا: “انہوں نے ‘نہیں’ کہا تھا” بس", "انہوں نے ‘نہیں’ کہا تھا"),
    ],
)
def test_nested_quotes_stay_inside_the_outer_one(text: str, outer: str) -> None:
    assert inside([text]) == [[outer]]


def test_quote_across_paragraphs_with_and_without_reopening() -> None:
    reopened = ["اس نے کہا “پہلا حصہ", "“دوسرا حصہ", "“تیسرا حصہ۔” پھر وہ چلا گیا"]
    assert inside(reopened) == [["پہلا حصہ"], ["دوسرا حصہ"], ["تیسرا حصہ۔"]]
    quotes = find_quoted(reopened)
    assert [q[0].continued for q in quotes] == [False, True, True]
    plain = ["اس نے کہا ’پہلا حصہ", "دوسرا حصہ۔‘ پھر وہ چلا گیا"]
    assert inside(plain) == [["پہلا حصہ"], ["دوسرا حصہ۔"]]
    assert find_quoted(plain)[1][0].continued


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    paragraphs = ["اس نے کہا “یہ بات ختم نہیں ہوئی", "اگلا پیراگراف عام خبر ہے۔"]
    assert inside(paragraphs) == [["یہ بات ختم نہیں ہوئی"], []]
    first = find_quoted(paragraphs)[0][0]
    assert not first.closed


def test_apostrophes_are_not_quote_marks() -> None:
    assert find_marks("Trump's بیان") == []
    assert find_marks("BBC’s رپورٹ") == []
    assert inside(["Trump's نے کہا ’ہم جیتیں گے‘ اور"]) == [["ہم جیتیں گے"]]


def test_stray_closing_mark_is_left_as_text() -> None:
    assert paragraph_quotes("یہ بات” درست ہے")[0] == []


def speech(text: str) -> bool:
    quotes, _ = paragraph_quotes(text)
    assert len(quotes) == 1
    return is_speech(text, quotes[0])


@pytest.mark.parametrize(
    "text",
    [
        "وزیر نے کہا کہ ’ہم ملک کو بحران سے نکالیں گے‘۔",
        "وزیر نے کہا: ”مذاکرات جاری رہیں گے“۔",
        "ترجمان کے مطابق ’اجلاس کل ہو گا‘۔",
        "’ہم کسی دباؤ میں نہیں آئیں گے‘، وزیر اعظم نے کہا۔",
        "’ہمارا مؤقف واضح ہے‘ یہ بات وزیر خارجہ نے کہی۔",
        "’یہ ایک تاریخی فیصلہ ہے‘۔ یہ کہنا ہے چیف جسٹس کا۔",
        "“ہم آج یہاں ایک نئے دور کا آغاز کر رہے ہیں۔”",
        "انہوں نے ٹویٹ کی کہ ’انصاف ہو کر رہے گا‘۔",
    ],
)
def test_speech_by_evidence(text: str) -> None:
    assert speech(text)


@pytest.mark.parametrize(
    "text",
    [
        "انھوں نے اسے ’غیر ذمہ دارانہ‘ قرار دیا۔",  # short partial quote
        "فلم ’زندگی تماشا‘ کل ریلیز ہو گی۔",  # a film title
        "آپریشن ’ضرب عضب‘ دو ہزار چودہ میں شروع ہوا۔",
        "’میرا جسم میری مرضی‘ کا نعرہ پھر گونجا۔",  # a slogan used as a name
        "اس ’ترقی‘ کا فائدہ کسی کو نہیں ہوا۔",  # scare quotes
        "وہ ’ٹائیگر فورس‘ نامی تنظیم کے رکن ہیں۔",
        "کتاب ”آگ کا دریا“ ایک شاہکار ہے۔",
    ],
)
def test_not_speech(text: str) -> None:
    assert not speech(text)


def test_colon_after_a_label_still_introduces_speech() -> None:
    assert speech("پروگرام کے میزبان نے پوچھا: ’کیا آپ دوبارہ الیکشن لڑیں گے؟‘")


def test_paragraph_after_a_colon_line_is_speech() -> None:
    quotes, _ = paragraph_quotes("“شکریہ”")
    assert is_speech("“شکریہ”", quotes[0], introduced_before=True)
    assert not is_speech("“شکریہ”", quotes[0])


MARKS = st.sampled_from([*list("“”„«»\"'‘’‹›"), "’’", "‘‘", " ", "۔", "،", ":", "الف", "ب", "x's"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(MARKS, max_size=40).map("".join), min_size=1, max_size=6))
def test_quoted_stretches_are_ordered_and_disjoint(paragraphs: list[str]) -> None:
    for text, quotes in zip(paragraphs, find_quoted(paragraphs), strict=True):
        previous_end = 0
        for quote in quotes:
            assert previous_end <= quote.outer_start <= quote.start <= quote.end
            assert quote.end <= quote.outer_end <= len(text)
            previous_end = quote.outer_end


@pytest.mark.parametrize(
    "text",
    [
        "باہر ایک تختہ ٹنگا ہے: ’’گورنمنٹ پرائمری سکول گوٹھ سبزل‘‘۔",  # a sign after a colon
        "ڈاکٹر سمیرا کے مطابق 'ویژن 2030' کے تحت مواقع بڑھے ہیں۔",  # a name before کے تحت
    ],
)
def test_labels_after_a_colon_or_before_a_postposition(text: str) -> None:
    assert not speech(text)


@pytest.mark.parametrize(
    "text",
    [
        "اس نے مڑ کر پکارا، «انکل، تصویر ضرور دکھائیے گا!»",
        "استاد نے آواز لگائی، ’’چلو بچو، کل آنا!‘‘",
        "وہ ہنس کر جواب دیتی ہیں، “بیٹا، پورا پشاور۔”",
        "وہ بولیں، ”یہ قالین ادھورا ہے۔“",
    ],
)
def test_calls_and_replies_introduce_speech(text: str) -> None:
    assert speech(text)


@pytest.mark.parametrize(
    "text",
    [
        "ایس ایس پی نے بتایا کہ مقدمہ درج ہو گیا ہے اور “ملزمان کے لیے چھاپے مارے جا رہے ہیں۔”",
        "ثاقب ریاض نے خبردار کیا کہ اگر گیس نہ آئی تو 'ہم فیکٹریوں کی چابیاں دے دیں گے۔'",
        "مراسلے میں کہا گیا ہے ’’جامعات فیسوں میں اضافے سے قبل حکومت کو اعتماد میں لیں۔‘‘",
    ],
)
def test_a_quoted_clause_that_completes_a_reported_sentence_is_speech(text: str) -> None:
    assert speech(text)


def test_a_quoted_fragment_inside_a_reported_sentence_stays_with_the_narrator() -> None:
    assert not speech("صدر نے کہا کہ ملک ’ترقی کی راہ پر‘ گامزن ہے۔")
