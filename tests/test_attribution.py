import pytest

from bulletin.article import parse_article
from bulletin.attribution import (
    attribute,
    mask_asides,
    reporting_cue,
    sentence_subjects,
    short_report,
    subject_phrases,
    vocative_addressee,
)
from bulletin.names import (
    NameIndex,
    agreement,
    bracketed_abbreviations,
    is_plausible_name,
    noun_phrase_before,
    organisation_parts,
    spells_acronym,
    strip_titles,
)
from bulletin.script import build_script


def speakers(text: str) -> list[str | None]:
    article = parse_article(text)
    script = attribute(build_script(article), article.text)
    return [s.speaker for s in script.segments if s.is_quote]


def test_named_reporting_phrase_before_quote() -> None:
    text = (
        "بجٹ پر بحث\n"
        "اسلام آباد، نمائندہ: وزیر خزانہ محمد اورنگزیب نے قومی اسمبلی میں کہا کہ "
        "“مہنگائی کم ہو رہی ہے اور معیشت بہتر ہو رہی ہے۔”\n"
    )
    assert speakers(text) == ["محمد اورنگزیب"]


def test_pronoun_resolves_to_last_named_subject_not_last_name_mentioned() -> None:
    text = (
        "ملاقات\n"
        "وزیر اعظم شہباز شریف نے چینی سفیر جیانگ زیڈونگ سے ملاقات کی۔\n"
        "انہوں نے کہا:\n"
        "“پاکستان اور چین کی دوستی ہر آزمائش پر پوری اتری ہے۔”\n"
    )
    assert speakers(text) == ["شہباز شریف"]


def test_canonical_name_is_fullest_form_in_article() -> None:
    text = (
        "دورہ\n"
        "ترکی کے صدر رجب طیب اردوان آج پہنچے۔\n"
        "صدر اردوان نے کہا کہ “ہم تجارت کو دوگنا کرنا چاہتے ہیں اور اس پر کام جاری ہے۔”\n"
    )
    assert speakers(text) == ["رجب طیب اردوان"]


def test_vocative_names_the_addressee_not_the_speaker() -> None:
    text = (
        "ملاقات\n"
        "صدر علی رضا نے وزیر اعظم احمد کمال سے ملاقات کی۔ اس کے بعد وزیر اعظم احمد کمال نے "
        "مہمان کا شکریہ ادا کیا۔\n"
        "ان کے مطابق:\n"
        "“مسٹر احمد کمال! آپ کی مہمان نوازی کا بہت شکریہ، ہم دوبارہ آئیں گے۔”\n"
    )
    # The most recent subject is احمد کمال, but he is addressed, so the speaker is علی رضا.
    assert speakers(text) == ["علی رضا"]


def test_ke_mutabiq_and_ka_kehna_cues() -> None:
    text = (
        "خبر\n"
        "ترجمان دفتر خارجہ ممتاز زہرہ بلوچ کے مطابق "
        "“مذاکرات کا اگلا دور جلد ہو گا اور تیاری مکمل ہے۔”\n"
        "وزیر دفاع خواجہ آصف کا کہنا تھا کہ “ہماری افواج ہر خطرے کے لیے تیار ہیں۔”\n"
    )
    assert speakers(text) == ["ممتاز زہرہ بلوچ", "خواجہ آصف"]


def test_quote_without_any_cue_has_unknown_speaker() -> None:
    text = (
        "خبر\nشہر میں ایک بینر لگا تھا۔\n"
        "“ہم اپنے حقوق کے لیے لڑتے رہیں گے اور پیچھے نہیں ہٹیں گے۔”\n"
    )
    assert speakers(text) == [None]


def test_plural_subject_is_not_a_speaker() -> None:
    (plural,) = subject_phrases("دونوں رہنماؤں نے تبادلہ خیال کیا۔")
    assert not is_plausible_name(strip_titles(plural))
    assert subject_phrases("جہاں انہوں نے ملاقات کی") == []  # pronouns are resolved later


def test_noun_phrase_stops_at_function_words_and_punctuation() -> None:
    text = "اس موقع پر روسی صدر ولادیمیر پیوٹن نے کہا"
    assert noun_phrase_before(text, text.index("نے")) == ("روسی", "صدر", "ولادیمیر", "پیوٹن")
    text = "کل، عمران خان نے کہا"
    assert noun_phrase_before(text, text.index("نے")) == ("عمران", "خان")


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        (("صدر", "توقایف"), ("توقایف",)),
        (("وزیر", "اعظم", "شہباز", "شریف"), ("شہباز", "شریف")),
        (("ڈاکٹر", "عارف", "علوی"), ("عارف", "علوی")),
        (("نواز", "شریف"), ("نواز", "شریف")),
    ],
)
def test_titles_are_not_part_of_the_name(phrase: tuple[str, ...], name: tuple[str, ...]) -> None:
    assert strip_titles(phrase) == name


def test_vocative_addressee() -> None:
    assert vocative_addressee("مسٹر ولادیمیر پیوٹن! سب سے پہلے") == "ولادیمیر پیوٹن"
    assert vocative_addressee("جناب اسپیکر، میں کہنا چاہتا ہوں") is None  # a role, not a name
    assert vocative_addressee("جناب عمر ایوب، آپ غلط ہیں") == "عمر ایوب"
    assert vocative_addressee("ہم آج یہاں جمع ہیں، تاکہ بات کریں") is None


def test_reporting_cue_finds_the_last_phrase() -> None:
    cue = reporting_cue("صدر نے پہلے بات کی، پھر وزیر اعظم عمران خان نے صحافیوں سے کہا کہ")
    assert cue is not None
    assert cue.noun_phrase == ("وزیر", "اعظم", "عمران", "خان")


def test_name_index_extends_left_over_name_words_only() -> None:
    names = NameIndex("ماسکو میں قاسم جومارت توقایف اور صدر توقایف نے کہا")
    assert names.canonical("توقایف") == "قاسم جومارت توقایف"
    assert names.canonical("نامعلوم") == "نامعلوم"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "خبر\nوزیر داخلہ محسن نقوی نے اجلاس کی صدارت کی۔\n"
            "’ملک میں امن و امان کی صورتحال بہتر ہو رہی ہے‘، محسن نقوی نے کہا۔\n",
            ["محسن نقوی"],
        ),
        (
            "خبر\nاجلاس کے بعد صحافیوں سے گفتگو ہوئی۔\n"
            "’ہمارا مؤقف بالکل واضح ہے‘ یہ بات وزیر خارجہ اسحاق ڈار نے کہی۔\n",
            ["اسحاق ڈار"],
        ),
        (
            "خبر\nعدالت میں سماعت ہوئی۔\n"
            "’آئین سب سے بالاتر ہے اور رہے گا‘۔ یہ کہنا ہے چیف جسٹس یحییٰ آفریدی کا۔\n",
            ["یحییٰ آفریدی"],
        ),
        (
            "خبر\nتقریب ختم ہوئی۔\n’ہم ہار نہیں مانیں گے‘ یہ الفاظ تھے کپتان بابر اعظم کے۔\n",
            ["بابر اعظم"],
        ),
    ],
)
def test_speaker_after_the_quote(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


def test_role_noun_resolves_to_the_person_given_that_role() -> None:
    text = (
        "خبر\n"
        "فوج کے ترجمان لیفٹیننٹ جنرل احمد شریف چوہدری نے پریس کانفرنس کی۔ "
        "وزیر اعظم شہباز شریف نے بھی اجلاس بلایا۔\n"
        "ترجمان نے کہا کہ “سرحد پر صورتحال مکمل طور پر قابو میں ہے۔”\n"
    )
    assert speakers(text) == ["احمد شریف چوہدری"]


def test_organisations_speak_too() -> None:
    text = (
        "خبر\n"
        "دفتر خارجہ کے مطابق “پاکستان اس معاملے پر اپنا مؤقف واضح کر چکا ہے۔”\n"
        "آئی ایس پی آر نے کہا کہ “آپریشن کامیابی سے مکمل کر لیا گیا ہے۔”\n"
    )
    assert speakers(text) == ["دفتر خارجہ", "آئی ایس پی آر"]


def test_quote_paragraphs_continue_or_take_the_last_named_subject() -> None:
    text = (
        "خبر\n"
        "وزیر اعلیٰ مریم نواز نے جلسے سے خطاب کیا۔\n"
        "“ہم نے صوبے میں ترقی کے نئے منصوبے شروع کیے ہیں۔”\n"
        "“یہ سلسلہ آئندہ برسوں میں بھی جاری رہے گا۔”\n"
    )
    assert speakers(text) == ["مریم نواز", "مریم نواز"]


def test_quote_running_across_paragraphs_keeps_its_speaker() -> None:
    text = (
        "خبر\n"
        "صدر آصف علی زرداری نے کہا کہ “ہم جمہوریت کو مضبوط کریں گے\n"
        "“اور کسی کو آئین توڑنے کی اجازت نہیں دیں گے۔”\n"
    )
    article = parse_article(text)
    script = attribute(build_script(article), article.text)
    quotes = [s for s in script.segments if s.is_quote]
    assert [q.speaker for q in quotes] == ["آصف علی زرداری"] * 2
    assert quotes[1].continued


def test_pronoun_after_a_quote_refers_to_its_speaker() -> None:
    text = (
        "خبر\n"
        "وزیر خزانہ محمد اورنگزیب نے کہا کہ “مہنگائی کم ہو رہی ہے اور معیشت سنبھل رہی ہے۔”\n"
        "بعد میں ایک صحافی کے سوال پر ان کا کہنا تھا کہ “ٹیکس نیٹ بڑھایا جائے گا۔”\n"
    )
    assert speakers(text) == ["محمد اورنگزیب", "محمد اورنگزیب"]


def test_gender_from_agreement_and_titles() -> None:
    text = (
        "خبر\n"
        "بیگم نسیم ولی خان نے جلسے سے خطاب کیا۔\n"
        "نسیم ولی خان کہتی ہیں کہ “میں ہمیشہ عوام کے ساتھ کھڑی رہی ہوں۔”\n"
        "احمد کمال نے کہا کہ “ہم ان کی حمایت کرتے ہیں اور کرتے رہیں گے۔”\n"
    )
    article = parse_article(text)
    script = attribute(build_script(article), article.text)
    assert script.genders.get("نسیم ولی خان") == "female"
    assert script.genders.get("احمد کمال") != "female"


def test_compound_titles_and_names_that_look_like_titles() -> None:
    text = (
        "خبر\n"
        "وزیر خزانہ ڈاکٹر شاہد محمود ملک نے کہا کہ “بجٹ خسارہ کم ہو رہا ہے۔”\n"
        "کاشتکار اللہ دتہ نے کہا کہ “ہمیں فصل کی پوری قیمت نہیں ملتی۔”\n"
        "کپتان بابر اعظم نے کہا کہ “ٹیم اچھا کھیل رہی ہے۔”\n"
    )
    assert speakers(text) == ["شاہد محمود ملک", "اللہ دتہ", "بابر اعظم"]


def test_descriptors_before_a_name_are_dropped() -> None:
    text = (
        "خبر\n"
        "بتیس سالہ بس ڈرائیور شگفتہ ناز نے کہا کہ “لوگ پہلے حیران ہوتے تھے۔”\n"
        "وزیر مملکت برائے صحت ثنا قریشی نے کہا کہ “ہسپتالوں میں دوائیں موجود ہیں۔”\n"
    )
    assert speakers(text) == ["شگفتہ ناز", "ثنا قریشی"]


def test_first_name_mention_takes_the_full_name_from_later_in_the_article() -> None:
    text = (
        "خبر\n"
        "کوہ پیما نائلہ نے کہا کہ “چوٹی پر پہنچ کر میں رو پڑی۔”\n"
        "نائلہ کریم کا تعلق ہنزہ سے ہے۔\n"
    )
    assert speakers(text) == ["نائلہ کریم"]


def test_indirect_speech_sentence_before_a_quote_names_its_speaker() -> None:
    text = (
        "خبر\n"
        "ڈاکٹر صائمہ گل کا کہنا تھا کہ وہ جلد مہم میں واپس جائیں گی۔ "
        "‘اگر ہم ڈر کر گھر بیٹھ گئے تو بچوں کا کیا ہو گا؟’\n"
    )
    assert speakers(text) == ["صائمہ گل"]


def test_headline_names_its_speaker_beside_a_colon() -> None:
    text = (
        "’ہم کسی دباؤ میں نہیں آئیں گے‘: فوجی ترجمان\n"
        "فوج کے ترجمان میجر جنرل ارشد محمود ستی نے پریس کانفرنس کی۔\n"
    )
    assert speakers(text) == ["ارشد محمود ستی"]


def test_place_between_office_and_name_is_part_of_the_title() -> None:
    text = (
        "خبر\n"
        "ڈپٹی کمشنر سوات نوید اللہ خٹک نے کہا کہ “تمام سڑکیں کھول دی گئی ہیں۔”\n"
        "وزیر اعلیٰ خیبر پختونخوا علی امین گنڈاپور نے کہا کہ “متاثرین کو معاوضہ ملے گا۔”\n"
    )
    assert speakers(text) == ["نوید اللہ خٹک", "علی امین گنڈاپور"]


def test_organisation_statement_in_the_passive() -> None:
    text = (
        "خبر\n"
        "صحت مند بلوچستان فاؤنڈیشن کی جانب سے جاری بیان میں کہا گیا ہے کہ "
        "“ویکسینیشن مہم اگلے ہفتے دوبارہ شروع ہو گی۔”\n"
    )
    assert speakers(text) == ["صحت مند بلوچستان فاؤنڈیشن"]


def test_generic_words_refer_back_to_an_organisation() -> None:
    text = (
        "خبر\n"
        "سندھ ہائی کورٹ نے پانی کی فراہمی پر سماعت کی۔\n"
        "عدالت نے کہا کہ “شہریوں کو پانی دینا حکومت کی ذمہ داری ہے۔”\n"
        "اکیڈمک اسٹاف ایسوسی ایشن نے ہڑتال کا اعلان کیا۔ "
        "جاری کردہ اعلامیے کے مطابق “فیسوں میں اضافہ واپس لیا جائے۔”\n"
    )
    assert speakers(text) == ["سندھ ہائی کورٹ", "اکیڈمک اسٹاف ایسوسی ایشن"]


def test_speaker_named_at_the_start_of_the_next_paragraph() -> None:
    text = (
        "خبر\n"
        "سیلاب نے وادی میں تباہی مچا دی۔\n"
        "“ہمارا سب کچھ پانی میں بہہ گیا، اب ہمارے پاس کچھ نہیں بچا۔”\n"
        "یہ کہنا ہے مقامی خاتون گل بانو کا جن کا گھر دریا کے کنارے تھا۔\n"
    )
    assert speakers(text) == ["گل بانو"]


def test_a_relative_clause_between_commas_is_set_aside() -> None:
    text = "لاہور کے رہائشی ناصر علی، جن کی دکان جل گئی تھی، نے بتایا:"
    masked = mask_asides(text)
    assert len(masked) == len(text) and "جن" not in masked
    cue = reporting_cue(masked)
    assert cue is not None and cue.noun_phrase[-2:] == ("ناصر", "علی")
    text = (
        "خبر\n"
        "اداکارہ ماریہ واسطی نے، جن کا نیا ڈراما ان دنوں نشر ہو رہا ہے، کہا:\n"
        "“یہ کردار میرے کیریئر کا سب سے مشکل کردار ہے۔”\n"
    )
    assert speakers(text) == ["ماریہ واسطی"]


def test_an_unnamed_speaker_is_not_given_a_name() -> None:
    text = (
        "خبر\n"
        "وزیر صحت یاسمین راشد نے ہسپتال کا دورہ کیا۔ وہاں موجود ایک ڈاکٹر نے نام ظاہر نہ "
        "کرنے کی شرط پر بتایا کہ “ہمارے پاس دوائیں ختم ہو چکی ہیں۔”\n"
    )
    assert speakers(text) == [None]
    cue = reporting_cue("ایک مقامی دکاندار نے بتایا کہ")
    assert cue is not None and cue.unnamed


def test_a_short_report_after_the_quote_names_the_speaker() -> None:
    cue = short_report("وہ مسکراتے ہوئے کہتے ہیں۔ پھر وہ چلے گئے۔")
    assert cue is not None and cue.noun_phrase == ("وہ",)
    cue = short_report("بیان میں کہا گیا۔")
    assert cue is not None and cue.noun_phrase == ("بیان",)
    assert short_report("بارش رات بھر جاری رہی۔") is None
    text = (
        "خبر\n"
        "ستر سالہ درزی رحیم بخش سومرو اپنی دکان میں بیٹھے ہیں۔\n"
        "“یہ مشین میرے والد کی ہے، اسے بیچ نہیں سکتا،” وہ مسکراتے ہوئے کہتے ہیں۔\n"
        "“اب کام کم ہے مگر دل لگا رہتا ہے۔” سومرو صاحب نے بتایا۔\n"
    )
    assert speakers(text) == ["رحیم بخش سومرو", "رحیم بخش سومرو"]


def test_sentence_subjects_by_case() -> None:
    def subjects(sentence: str, loose: bool = False) -> list[tuple[str, ...]]:
        return [p.words for p in sentence_subjects(sentence, loose)]

    assert subjects("وزیر اعظم شہباز شریف نے چینی سفیر سے ملاقات کی۔") == [
        ("وزیر", "اعظم", "شہباز", "شریف")
    ]
    assert subjects("ماہر معیشت ڈاکٹر فرخ سلیم کے خیال میں خطرہ باقی ہے۔")[0][-2:] == (
        "فرخ",
        "سلیم",
    )
    # What follows کہ is reported, not the sentence's subject.
    assert subjects("ناصر علی نے کہا کہ انتظامیہ نے کچھ نہیں کیا۔") == [("ناصر", "علی")]
    # A sentence with no agent is about the one person it names …
    assert subjects("پچاس سالہ مزدور غلام حسین اب بھی روز آتے ہیں۔") == [
        ("پچاس", "سالہ", "مزدور", "غلام", "حسین")
    ]
    assert subjects("کسان فضل دین کا گھر دریا کے کنارے ہے۔") == [("کسان", "فضل", "دین")]
    # … or the person a possessor leads to, but not one of several.
    assert subjects("نسرین اختر کے والد غلام قادر چوکیدار ہیں۔") == [("والد", "غلام", "قادر")]
    assert subjects("وفد میں ثنا بلوچ اور نذیر احمد بھی شامل تھے۔") == []
    assert subjects("شام ہوتے ہی سلیم اختر دکان بند کرتے ہیں۔", loose=True) == [("سلیم", "اختر")]


def test_a_pronoun_refers_to_the_person_a_sentence_is_about() -> None:
    text = (
        "خبر\n"
        "چالیس سالہ کسان فضل دین کا گھر دریا کے کنارے ہے۔ انہوں نے ہمیں بتایا:\n"
        "“ہر سال پانی آتا ہے اور ہم ہر سال نیا گھر بناتے ہیں۔”\n"
        "نسرین اختر کے والد غلام قادر ایک اسکول میں چوکیدار ہیں۔ وہ کہتے ہیں کہ بیٹی نے نام "
        "روشن کیا۔\n"
        "“ہمیں اس پر فخر ہے۔”\n"
    )
    assert speakers(text) == ["فضل دین", "غلام قادر"]


def test_organisations_are_referred_to_by_their_head_word() -> None:
    text = (
        "خبر\n"
        "پاکستان ہاکی فیڈریشن نے نئے کوچ کا اعلان کیا۔ فیڈریشن کے مطابق “کوچ کا معاہدہ دو سال کا "
        "ہو گا۔”\n"
        "ادھر شہر کی کمپنی الفا سافٹ سلوشنز لمیٹڈ نے نئی ایپ متعارف کرائی۔ کمپنی کا کہنا ہے کہ "
        "“صارفین کا ڈیٹا محفوظ ہے۔”\n"
        "قومی بینک کی انتظامیہ نے ایک بیان میں کہا کہ “کھاتہ داروں کی رقم محفوظ ہے۔”\n"
    )
    assert speakers(text) == ["پاکستان ہاکی فیڈریشن", "الفا سافٹ سلوشنز لمیٹڈ", "قومی بینک"]


def test_shortened_names_take_the_full_name() -> None:
    text = (
        "خبر\n"
        "صنعتکار طارق محمود سہگل نے کارخانہ بند کرنے کا اعلان کیا۔\n"
        "طارق سہگل نے کہا کہ “یہ میری زندگی کا مشکل ترین فیصلہ ہے۔”\n"
        "ڈاکٹر سمیرا گیلانی کے مطابق شہر میں ڈینگی پھیل رہا ہے۔ ڈاکٹر سمیرا کا کہنا تھا: "
        "“پانی جمع نہ ہونے دیں۔”\n"
    )
    assert speakers(text) == ["طارق محمود سہگل", "سمیرا گیلانی"]


def test_a_role_noun_finds_the_person_with_that_role() -> None:
    text = (
        "خبر\n"
        "اسپیشل پراسیکیوٹر ثمینہ ناز نے ضمانت کی مخالفت کی۔ وکیل صفائی عدنان شفیق نے دلائل دیے۔\n"
        "پراسیکیوٹر نے کہا کہ “ملزم گواہوں پر اثر انداز ہو سکتا ہے۔”\n"
    )
    assert speakers(text) == ["ثمینہ ناز"]


def test_an_unnamed_officer_of_another_body_is_not_a_named_spokesperson() -> None:
    text = (
        "خبر\n"
        "طالبان حکومت کے ترجمان ذبیح اللہ مجاہد نے بیان جاری کیا۔\n"
        "پاکستان کے دفتر خارجہ کی ترجمان نے بریفنگ میں اس کا خیرمقدم کیا، تاہم ان کا کہنا "
        "تھا کہ “ہم زمین پر عمل دیکھنا چاہتے ہیں۔”\n"
    )
    assert speakers(text) == [None]


# Rules learnt from the blind sets (each with a fresh example, not a corpus sentence).


def test_syed_opens_the_name_and_office_words_before_it_are_dropped() -> None:
    text = (
        "ٹرام منصوبہ\n"
        "پنجاب کے وزیر بلدیات و ماس ٹرانزٹ سید کاشف رضا نقوی نے کہا کہ "
        "’منصوبہ اگلے سال مکمل ہوگا۔‘\n"
    )
    assert speakers(text) == ["سید کاشف رضا نقوی"]


def test_east_asian_name_syllables_that_are_also_urdu_words() -> None:
    text = (
        "بیجنگ میں بریفنگ\n"
        "چینی وزارت تجارت کے ترجمان لیو لی ہوا نے کہا کہ «تجارت بڑھ رہی ہے۔»\n"
        "نائب وزیر سن وی چاؤ نے کہا: «ہم تعاون جاری رکھیں گے۔»\n"
        "چاؤ کا کہنا تھا کہ «اگلا اجلاس لاہور میں ہوگا۔»\n"
    )
    assert speakers(text) == ["لیو لی ہوا", "سن وی چاؤ", "سن وی چاؤ"]


def test_a_newspaper_named_in_quote_marks_speaks_under_that_name() -> None:
    text = (
        "تبصرہ\n"
        "برطانوی اخبار ’دی ایوننگ ہیرالڈ‘ نے اپنے اداریے میں لکھا کہ "
        "”یہ فیصلہ بہت دیر سے آیا ہے۔“\n"
    )
    assert speakers(text) == ["دی ایوننگ ہیرالڈ"]


def test_an_organisation_with_its_abbreviation_in_brackets() -> None:
    text = (
        "رپورٹ\n"
        "عالمی ادارہ خوراک (ڈبلیو ایف پی) نے خبردار کیا ہے کہ "
        "“خطے میں غذائی قلت بڑھ رہی ہے۔”\n"
    )
    assert speakers(text) == ["عالمی ادارہ خوراک"]


def test_a_document_speaks_for_whoever_issued_it() -> None:
    text = (
        "اعلان\n"
        "محکمہ تعلیم سندھ کی جانب سے جاری کیے گئے اعلامیے کے مطابق "
        "’’تمام اسکول پیر سے کھلیں گے۔‘‘\n"
    )
    assert speakers(text) == ["محکمہ تعلیم سندھ"]


def test_a_named_service_and_a_ministry_joined_by_o() -> None:
    text = (
        "کرایے\n"
        "پاکستان ریلویز نے ایک بیان میں کہا کہ ’’نئے کرایے یکم تاریخ سے لاگو ہوں گے۔‘‘\n"
        "وزارت سائنس و ٹیکنالوجی نے کہا کہ ’’نئی لیبارٹری کھل گئی ہے۔‘‘\n"
    )
    assert speakers(text) == ["پاکستان ریلویز", "وزارت سائنس و ٹیکنالوجی"]


def test_a_generic_police_officer_is_the_officer_named_before() -> None:
    text = (
        "چھاپہ\n"
        "ایس پی صدر ڈویژن ثاقب محمود نے چھاپے کی تصدیق کی۔\n"
        "’’ملزمان کو جلد عدالت میں پیش کیا جائے گا،‘‘ پولیس افسر نے کہا۔\n"
    )
    assert speakers(text) == ["ثاقب محمود"]


def test_a_nickname_given_with_almaroof_stands_for_the_full_name() -> None:
    text = (
        "موسیقی\n"
        "گلوکار محمد ارشد خان المعروف شانی نے نیا البم جاری کیا۔\n"
        "شانی کا کہنا تھا کہ ’یہ البم میری والدہ کے نام ہے۔‘\n"
    )
    assert speakers(text) == ["محمد ارشد خان"]


def test_a_relative_clause_ending_the_sentence_does_not_take_the_subject() -> None:
    text = (
        "تقریب\n"
        "تقریب میں کونسل کے چیئرمین ڈاکٹر نعمان اشرف بھی شریک تھے، جنہوں نے مہمانوں کو "
        "تحائف پیش کیے۔ ان کا کہنا تھا کہ ’’ایسی تقریبات ہم آہنگی بڑھاتی ہیں۔‘‘\n"
    )
    assert speakers(text) == ["نعمان اشرف"]


def test_yeh_alfaz_takes_the_first_named_person_before_its_ke() -> None:
    text = (
        "نمائش\n"
        "”یہ نمائش ہمارے شہر کا فخر ہے۔“ یہ الفاظ تھے آرٹس کونسل کے صدر "
        "ندیم اختر بھٹی کے، جنہوں نے نمائش کا افتتاح کیا۔\n"
    )
    assert speakers(text) == ["ندیم اختر بھٹی"]


def test_a_headline_quote_that_rephrases_a_body_quote_takes_its_speaker() -> None:
    text = (
        "صحافتی قانون منظور: ’یہ قانون کل سب کے خلاف استعمال ہوگا‘\n"
        "اسلام آباد، نمائندہ: صحافی یونین کی صدر فرحت عباس نے کہا کہ "
        "’یہ قانون کل ہم سب کے خلاف استعمال ہوگا اور ہم اسے چیلنج کریں گے۔‘\n"
    )
    assert speakers(text) == ["فرحت عباس", "فرحت عباس"]


def test_a_headline_speaker_after_a_colon_and_a_case_phrase() -> None:
    text = (
        "’عدالت خاموش تماشائی نہیں رہے گی‘: پنشن کیس میں جسٹس عائشہ ملک کے ریمارکس\n"
        "اسلام آباد، نمائندہ: سپریم کورٹ نے پنشن کیس کی سماعت کی۔\n"
    )
    assert speakers(text) == ["عائشہ ملک"]


def test_an_unnamed_person_introduced_with_ek_stays_unknown() -> None:
    text = "بازار\nبازار میں ایک خاتون خریدار نے کہا: ’’قیمتیں دگنی ہو گئی ہیں۔‘‘\n"
    assert speakers(text) == [None]


def test_arabic_bin_names_and_indian_sri_names_stay_whole() -> None:
    text = (
        "ملاقات\n"
        "سعودی وزیر تجارت ماجد بن عبداللہ القصبی نے کہا کہ ’تجارت دگنی ہوگی۔‘\n"
        "منصوبے کی نگران سری دیوی ناگراج نے بتایا کہ ’کام جون تک مکمل ہوگا۔‘\n"
        "پرنسپل فرحت جہاں نے کہا کہ ’داخلے کل سے شروع ہوں گے۔‘\n"
    )
    assert speakers(text) == ["ماجد بن عبداللہ القصبی", "سری دیوی ناگراج", "فرحت جہاں"]


def test_newspapers_keep_rozmana_but_not_the_word_akhbar() -> None:
    text = (
        "تبصرے\n"
        "روزنامہ آفتاب نے اپنے اداریے میں لکھا: ”شہر کو پانی چاہیے، وعدے نہیں۔“\n"
        "برطانوی اخبار لندن کرانیکل نے لکھا کہ ”مذاکرات نازک مرحلے میں ہیں۔“\n"
    )
    assert speakers(text) == ["روزنامہ آفتاب", "لندن کرانیکل"]


def test_a_court_named_in_passing_speaks_later_as_adalat() -> None:
    text = (
        "سماعت\n"
        "درخواست گزار نے لاہور ہائی کورٹ سے رجوع کیا تھا۔ سماعت کے دوران "
        "عدالت نے کہا کہ ’’حکومت دو ہفتوں میں جواب دے۔‘‘\n"
    )
    assert speakers(text) == ["لاہور ہائی کورٹ"]


def test_more_reporting_verbs_and_genitive_reports() -> None:
    text = (
        "تنازع\n"
        "یونین کے صدر خالد محمود اعوان نے انتظامیہ پر الزام لگایا کہ ’’تنخواہیں روکی گئی ہیں۔‘‘\n"
        "کمپنی کے منیجر ژاؤ لن کا ماننا ہے کہ ’’مسئلہ جلد حل ہو جائے گا۔‘‘\n"
        "وکیل استغاثہ نادیہ رحمان نے بتایا کہ ’’ثبوت مکمل ہیں۔‘‘\n"
    )
    assert speakers(text) == ["خالد محمود اعوان", "ژاؤ لن", "نادیہ رحمان"]


def test_name_endings_kaur_tareen_and_plural_looking_surnames() -> None:
    text = (
        "تقریب\n"
        "کمیٹی کے صدر گرمیت سنگھ ڈھلوں نے کہا کہ ’سب کا شکریہ۔‘\n"
        "رضاکار جسپریت کور نے بتایا کہ ’کھانا تیار ہے۔‘\n"
        "کاشت کار گل محمد ترین کے بقول ’فصل اچھی ہوئی۔‘\n"
        "لوگوں نے کہا کہ ’ہم خوش ہیں۔‘\n"
    )
    assert speakers(text) == ["گرمیت سنگھ ڈھلوں", "جسپریت کور", "گل محمد ترین", None]


def test_a_field_after_mahir_and_compound_portfolios_belong_to_the_title() -> None:
    text = (
        "منصوبہ\n"
        "ماہر نباتات نازیہ اچکزئی نے بتایا کہ ’پھول صبح توڑے جاتے ہیں۔‘\n"
        "سائبر سکیورٹی کے ماہر عبداللہ الرمیحی نے کہا کہ ’ٹکٹ احتیاط سے خریدیں۔‘\n"
        "صوبائی وزیر لائیو اسٹاک و ماہی گیری عبدالستار منگی نے کہا کہ ’سبسڈی ملے گی۔‘\n"
        "اسکول کی صدر معلمہ فرزانہ خان نے کہا کہ ’داخلے کم ہیں۔‘\n"
    )
    assert speakers(text) == ["نازیہ اچکزئی", "عبداللہ الرمیحی", "عبدالستار منگی", "فرزانہ خان"]


def test_a_pronoun_before_anyone_has_spoken_is_the_person_last_named() -> None:
    text = (
        "دھول\n"
        "گاؤں کی رہنے والی گلالئی ہر صبح صحن میں جھاڑو دیتی ہیں۔\n"
        "’کپڑے باہر ڈالیں تو سفید ہو جاتے ہیں۔‘ وہ کہتی ہیں۔\n"
    )
    assert speakers(text) == ["گلالئی"]


def test_indian_initials_stay_but_rank_letters_go() -> None:
    text = (
        "ایوان\n"
        "چیف منسٹر پی وینکٹیش ریڈی نے کہا کہ ’زمین واپس لی جائے گی۔‘\n"
        "اسپیکر ایم وی سری نواس نے کہا کہ ’ایوان میں خاموشی رکھیں۔‘\n"
        "ایس پی عمران خٹک نے کہا کہ ’ملزم گرفتار ہو گئے ہیں۔‘\n"
    )
    assert speakers(text) == ["پی وینکٹیش ریڈی", "ایم وی سری نواس", "عمران خٹک"]


def test_a_title_name_after_bin_is_the_fathers_name() -> None:
    text = (
        "اجرتیں\n"
        "وزارت کے ترجمان فہد بن سلطان العتیبی نے ایک بیان میں کہا کہ ’اجرتیں وقت پر دی جائیں۔‘\n"
    )
    assert speakers(text) == ["فہد بن سلطان العتیبی"]


def test_a_ministry_keeps_its_country_or_level() -> None:
    text = (
        "اعلان\n"
        "سعودی وزارت حج و عمرہ نے ٹویٹ کی کہ ’رجسٹریشن کل بند ہوگی۔‘\n"
        "وفاقی وزارت قومی صحت نے کہا کہ ’نئی سہولت اگلے سال ملے گی۔‘\n"
        "محکمہ موسمیات کے ماہر میٹرولوجسٹ عبدالقیوم بھٹو کا کہنا ہے کہ ’گرمی بڑھے گی۔‘\n"
    )
    assert speakers(text) == ["سعودی وزارت حج و عمرہ", "وفاقی وزارت قومی صحت", "عبدالقیوم بھٹو"]


def test_foreign_names_opening_with_li_and_initial_k_after_a_title() -> None:
    text = (
        "منصوبہ\n"
        "کمپنی کے نائب صدر ژانگ لی منگ نے کہا کہ ’کام جاری ہے۔‘\n"
        "ترجمان لی ژی یوان نے کہا کہ ’معاہدہ ہو گیا ہے۔‘\n"
        "بلدیہ کمشنر کے وینکٹ رامن نے کہا کہ ’عمارت خطرناک ہے۔‘\n"
        "سائنس دان وی کے سنہا کے مطابق ’سیٹلائٹ تیار ہے۔‘\n"
    )
    assert speakers(text) == ["ژانگ لی منگ", "لی ژی یوان", "کے وینکٹ رامن", "وی کے سنہا"]


def test_the_district_after_a_deputy_commissioner_is_not_part_of_the_name() -> None:
    text = (
        "حادثہ\n"
        "ڈپٹی کمشنر دکی کلیم اللہ کاکڑ نے کہا کہ ’ملبہ ہٹایا جا رہا ہے۔‘\n"
        "چیف الیکشن کمشنر منظور احمد تارڑ نے کہا کہ ’انتخابات وقت پر ہوں گے۔‘\n"
        "ڈپٹی کمشنر راجن پور عمران احمد سکھیرا نے بتایا کہ ’زخمی ہسپتال میں ہیں۔‘\n"
    )
    assert speakers(text) == ["کلیم اللہ کاکڑ", "منظور احمد تارڑ", "عمران احمد سکھیرا"]


def test_khatun_after_a_given_name_is_part_of_it() -> None:
    text = (
        "سرحد\n"
        "مقتول کی والدہ رحیمہ خاتون نے کہا: ’میرا بیٹا بے گناہ تھا۔‘\n"
        "ایک سیاح خاتون کا کہنا تھا کہ ’یہ جگہ خوبصورت ہے۔‘\n"
    )
    assert speakers(text) == ["رحیمہ خاتون", None]


def test_abbreviations_stand_for_the_full_name_the_article_gives() -> None:
    text = (
        "پانی\n"
        "انڈس ریور سسٹم اتھارٹی (ارسا) نے پانی کم کر دیا ہے۔\n"
        "ارسا نے کہا کہ ’پانی کی تقسیم معاہدے کے مطابق ہے۔‘\n"
        "پاکستان کرکٹ بورڈ کے کوچ نے استعفیٰ دے دیا۔ پی سی بی نے کہا کہ ’فیصلہ کل ہوگا۔‘\n"
        "ادارے کے نام آئی ایس پی آر نے کہا کہ ’سرحد محفوظ ہے۔‘\n"
    )
    assert speakers(text) == [
        "انڈس ریور سسٹم اتھارٹی",
        "پاکستان کرکٹ بورڈ",
        "آئی ایس پی آر",
    ]


def test_spelt_letters_match_the_initials_of_a_written_out_name() -> None:
    assert spells_acronym(("پی", "سی", "بی"), ("پاکستان", "کرکٹ", "بورڈ"))
    assert spells_acronym(("ایچ", "آر", "سی", "پی"), ("ہیومن", "رائٹس", "کمیشن", "آف", "پاکستان"))
    assert not spells_acronym(("پی", "ٹی", "اے"), ("پاکستان", "کرکٹ", "بورڈ"))


def test_a_remit_after_baraye_and_a_field_after_mahir_are_not_names() -> None:
    text = (
        "برآمدات\n"
        "وزیر مملکت برائے آئی ٹی شزہ فاطمہ خواجہ نے کہا کہ ’برآمدات بڑھیں گی۔‘\n"
        "وزیر مملکت برائے سائنس و ٹیکنالوجی ڈاکٹر آر کے چوہان نے لکھا: ’ٹیم کو مبارکباد۔‘\n"
    )
    assert speakers(text) == ["شزہ فاطمہ خواجہ", "آر کے چوہان"]
    too_long = ("کلکٹر", "کسٹمز", "ژوبالا", "پورٹ", "سوست", "محمد", "نواز", "خٹک")
    assert strip_titles(too_long) == ("محمد", "نواز", "خٹک")


def test_bole_takes_its_subject_and_a_quote_after_a_named_report_continues_it() -> None:
    text = (
        "پریس کانفرنس\n"
        "پاکستانی کپتان عمیر فاروق نے شکست تسلیم کی۔\n"
        "کپتان مسکرائے اور بولے: ’وکٹ اچھی تھی۔‘\n"
        "’بیٹنگ اچھی نہیں ہوئی،‘ یہ کہنا تھا یونین کے رہنما غلام سرور بھٹو کا۔"
        " ’آسامیاں خالی ہیں۔‘\n"
        "ایک ادھیڑ عمر خاتون نے کہا: ’گٹر ٹھیک نہیں ہوا۔‘\n"
    )
    assert speakers(text) == ["عمیر فاروق", "غلام سرور بھٹو", "غلام سرور بھٹو", None]


def test_notices_and_genitive_agency_names_speak_for_their_issuer() -> None:
    text = (
        "نوٹس\n"
        "پاکستان الیکٹرانک میڈیا ریگولیٹری اتھارٹی (پیمرا) نے چینل کو نوٹس جاری کیا۔\n"
        "پیمرا کے نوٹس کے مطابق ’مناظر غیر ضروری تھے۔‘\n"
        "خوراک و زراعت کی عالمی تنظیم (ایف اے او) نے خبردار کیا کہ ’پانی کم ہو رہا ہے۔‘\n"
        "لاہور ہائیکورٹ نے درخواستوں کی سماعت کی۔ حکم نامے میں عدالت نے لکھا کہ ’غفلت ہوئی۔‘\n"
    )
    assert speakers(text) == [
        "پاکستان الیکٹرانک میڈیا ریگولیٹری اتھارٹی",
        "خوراک و زراعت کی عالمی تنظیم",
        "لاہور ہائیکورٹ",
    ]


def test_an_officer_of_a_division_is_a_person_not_the_division() -> None:
    text = (
        "اڈے\n"
        "ایس پی سٹی ڈویژن عائشہ بٹ کے مطابق ’اضافی نفری تعینات ہے۔‘\n"
        "وزیر پیٹرولیم علی رضا کاظمی نے کہا: ’پائپ لائن مکمل ہوگی۔‘\n"
        "ڈپٹی کمشنر اپر کوہستان محمد عارف خٹک نے بتایا کہ ’سڑک کھل گئی ہے۔‘\n"
    )
    assert speakers(text) == ["عائشہ بٹ", "علی رضا کاظمی", "محمد عارف خٹک"]


def test_initials_after_an_office_in_letters() -> None:
    text = (
        "کشتی\n"
        "کوسٹ گارڈ کے ڈی آئی جی کے آر سریش نے کہا کہ ’کشتی کو روکا گیا۔‘\n"
        "پی ٹی آئی رہنما علی خان نے کہا کہ ’ہم احتجاج کریں گے۔‘\n"
    )
    assert speakers(text) == ["کے آر سریش", "علی خان"]


def test_a_generic_word_introduces_an_organisations_own_name() -> None:
    text = (
        "واپسی\n"
        "سرکاری ادارے نورکا روٹس نے کہا کہ ’واپس آنے والوں کو قرض ملے گا۔‘\n"
        "کوہ پیمائی کمپنی قراقرم ایکسپیڈیشنز نے لکھا: ’ٹیم کیمپ پہنچ گئی ہے۔‘\n"
        "جمعیۃ علماء ہند نے کہا کہ ’فیصلہ خوش آئند ہے۔‘\n"
    )
    assert speakers(text) == ["نورکا روٹس", "قراقرم ایکسپیڈیشنز", "جمعیۃ علماء ہند"]


def test_a_town_ending_only_after_an_office_and_whole_association_names() -> None:
    text = (
        "گیس\n"
        "ایرانی وزارت تیل کے ترجمان محمد رضا جلالی پور نے کہا: ’معاہدہ برقرار ہے۔‘\n"
        "انسانی حقوق کی تنظیم ایمنسٹی انٹرنیشنل نے لکھا کہ ’ملازمین کو تحفظ چاہیے۔‘\n"
        "ایسوسی ایشن آف بلڈرز اینڈ ڈیولپرز نے کہا کہ ’تعمیرات قانونی ہیں۔‘\n"
        "دبئی لینڈ ڈیپارٹمنٹ نے خبردار کیا کہ ’ادائیگی سے پہلے تصدیق کریں۔‘\n"
    )
    assert speakers(text) == [
        "محمد رضا جلالی پور",
        "ایمنسٹی انٹرنیشنل",
        "ایسوسی ایشن آف بلڈرز اینڈ ڈیولپرز",
        "دبئی لینڈ ڈیپارٹمنٹ",
    ]


def test_foreign_names_keep_syllables_that_are_also_urdu_words() -> None:
    text = (
        "ایشیا\n"
        "تائی پے: صدر لائی چنگ تے نے کہا کہ ’ہم اپنا دفاع کریں گے۔‘\n"
        "شمالی کوریا کی رہنما کم یو جونگ نے کہا کہ ’ہم جواب دیں گے۔‘\n"
        "یورپی کمیشن کی صدر ارسولا فان ڈیر لائن نے کہا کہ ’معاہدہ طے پا گیا ہے۔‘\n"
    )
    assert speakers(text) == ["لائی چنگ تے", "کم یو جونگ", "ارسولا فان ڈیر لائن"]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        (("شری", "کے", "وی", "راما", "راؤ"), ("کے", "وی", "راما", "راؤ")),
        (("حضرت", "راشد", "لکھنوی"), ("راشد", "لکھنوی")),
        (("ہمشیرہ", "علیمہ", "خان"), ("علیمہ", "خان")),
        (("نغمہ", "نگار", "انوار", "قریشی"), ("انوار", "قریشی")),
        (("وزیر", "اعظم", "شہباز", "شریف", "حکومت"), ()),  # a government, not a name
    ],
)
def test_honorifics_and_kinship_are_titles(phrase: tuple[str, ...], name: tuple[str, ...]) -> None:
    assert strip_titles(phrase) == name


def test_habitual_reporting_verb_with_a_comma_introduces_speech() -> None:
    text = (
        "تعلیم\n"
        "کابل: ملالہ احمدی نے بتایا کہ ’سکول بند ہیں۔‘\n"
        "وہ کہتی ہیں، ”انٹرنیٹ بہت مہنگا ہے اور اکثر بجلی بھی نہیں ہوتی۔“\n"
    )
    assert speakers(text) == ["ملالہ احمدی", "ملالہ احمدی"]


def test_what_something_is_for_someone_is_no_speaker() -> None:
    text = (
        "جھیل\n"
        "سری نگر: حلیمہ بانو نے کہا کہ ’سیاح کم آ رہے ہیں۔‘\n"
        "حلیمہ کے شوہر کا انتقال ہو گیا تھا اور تب سے یہی کاروبار گھر کا واحد سہارا ہے۔\n"
        "’میں نے بیٹی کو کالج میں داخل کروایا ہے۔‘\n"
    )
    assert speakers(text) == ["حلیمہ بانو", "حلیمہ بانو"]


def test_feminine_verb_skips_the_last_speaker_when_he_is_a_man() -> None:
    text = (
        "جھیل\n"
        "سری نگر: ایسوسی ایشن کے صدر عبدالرشید کلو نے کہا کہ ’سیاح کم آ رہے ہیں۔‘\n"
        "جھیل کے کنارے حلیمہ بانو ایک چھوٹی سی کشتی پر سامان بیچتی ہیں۔\n"
        "وہ کہتی ہیں، ’اب پورا دن بوہنی بھی نہیں ہوتی۔‘\n"
    )
    assert speakers(text) == ["عبدالرشید کلو", "حلیمہ بانو"]


def test_a_statement_with_no_issuer_named_is_the_last_actors() -> None:
    text = (
        "دریافت\n"
        "واشنگٹن: ناسا نے اپنے بیان میں اس دریافت کو اہم قرار دیا ہے۔ "
        "بیان میں کہا گیا ہے کہ ’دوربین ہمیں نئی دنیائیں دکھا رہی ہے۔‘\n"
        "میٹرو ریل لمیٹڈ (ایچ ایم آر ایل) کا منصوبہ جاری ہے۔ "
        "ایچ ایم آر ایل کی جانب سے جاری ایک پریس نوٹ میں کہا گیا کہ "
        "’ہیلپ ڈیسک قائم کر دی گئی ہے۔‘\n"
    )
    assert speakers(text) == ["ناسا", "میٹرو ریل لمیٹڈ"]


def test_a_later_mention_takes_the_name_with_its_initials() -> None:
    names = NameIndex("منیجنگ ڈائرکٹر شری کے وی راما راؤ نے بتایا۔ بعد میں راما راؤ نے واضح کیا۔")
    assert names.canonical("راما راؤ") == "کے وی راما راؤ"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (("ادارے", "یونیسف"), ("یونیسف", "ادارے")),
        (("جماعت", "اسلامی", "بنگلہ", "دیش"), ("جماعت اسلامی بنگلہ دیش", None)),
        (("تنظیم", "ڈیجیٹل", "آزادی", "فورم"), ("ڈیجیٹل آزادی فورم", "تنظیم")),
        (("ریپڈ", "سپورٹ", "فورسز"), ("ریپڈ سپورٹ فورسز", None)),
        (("اقوام", "متحدہ"), ("اقوام متحدہ", None)),
    ],
)
def test_organisation_names_and_the_words_that_introduce_them(
    phrase: tuple[str, ...], expected: tuple[str, str | None]
) -> None:
    assert organisation_parts(phrase) == expected


def test_a_country_before_an_abbreviated_body_is_not_part_of_its_name() -> None:
    text = (
        "ریاض سیزن\n"
        "ریاض: سعودی عرب کی جنرل انٹرٹینمنٹ اتھارٹی (جی ای اے) کے ایک بیان کے مطابق "
        "«ثقافتی راتوں کا مقصد قوموں کو قریب لانا ہے۔»\n"
    )
    assert speakers(text) == ["جنرل انٹرٹینمنٹ اتھارٹی"]


def test_arab_family_names_and_a_woman_word_inside_a_longer_phrase() -> None:
    text = (
        "غزہ\n"
        "خان یونس: خیمے میں مقیم 34 سالہ سمیرہ ابو ندی نے فون پر بتایا: ’ہم روز بمباری سنتے ہیں۔‘\n"
        "گوالپاڑہ: پچاس سالہ رحیمہ خاتون ملبے کے ڈھیر پر بیٹھی تھیں۔ "
        "انہوں نے بتایا کہ ’صبح بلڈوزر آ گئے۔‘\n"
    )
    assert speakers(text) == ["سمیرہ ابو ندی", "رحیمہ خاتون"]


def test_bracketed_abbreviation_subject_and_anonymous_sources() -> None:
    text = (
        "بازار\n"
        "کراچی: سیکیورٹیز اینڈ ایکسچینج کمیشن آف پاکستان (ایس ای سی پی) نے ایک بیان میں "
        "سرمایہ کاروں کو خبردار کیا ہے۔ بیان میں کہا گیا کہ ’صرف رجسٹرڈ بروکرز سے رابطہ کریں۔‘\n"
        "ایک بروکریج ہاؤس کے ڈیلر نے نام نہ بتانے کی درخواست پر بتایا کہ "
        "’ہر نوجوان ٹریڈنگ کر رہا ہے۔‘\n"
        "’چھوٹے کاروبار سب سے زیادہ متاثر ہوئے ہیں‘، یہ کہنا تھا چیمبر کی صدر بیگم ثمینہ فاضل کا۔\n"
    )
    assert speakers(text) == ["سیکیورٹیز اینڈ ایکسچینج کمیشن آف پاکستان", None, "ثمینہ فاضل"]


def test_a_report_speaks_for_the_body_the_article_ascribed_it_to() -> None:
    text = (
        "کوٹہ\n"
        "مٹھی: وکرم کمار نے بتایا کہ ’نوکری نہیں ملی۔‘\n"
        "انسانی حقوق کمیشن پاکستان (ایچ آر سی پی) کی حالیہ سالانہ رپورٹ میں بھی اس کی نشاندہی کی "
        "گئی ہے۔ رپورٹ میں کہا گیا ہے کہ ’اقلیتوں کی ملازمتیں خالی پڑی ہیں۔‘\n"
    )
    assert speakers(text) == ["وکرم کمار", "انسانی حقوق کمیشن پاکستان"]


def test_evidence_shows_a_masked_aside_as_an_ellipsis() -> None:
    article = parse_article(
        "گاؤں\nمٹھی: والدہ کملا دیوی، جو سکول میں کام کرتی ہیں، کہتی ہیں کہ ’بیٹا پڑھا لکھا ہے۔‘\n"
    )
    script = attribute(build_script(article), article.text)
    (quote,) = [s for s in script.segments if s.is_quote]
    assert quote.evidence == "والدہ کملا دیوی … کہتی ہیں → کملا دیوی"


def test_three_initials_titles_that_are_surnames_and_the_army_pr_wing() -> None:
    text = (
        "خبریں\n"
        "ڈھاکہ: چیف الیکشن کمشنر اے ایم ایم ناصر الدین نے کہا کہ ’انتخاب پرامن ہوں گے۔‘\n"
        "اسلام آباد: دفاعی تجزیہ کار ڈاکٹر ماریہ سلطان نے کہا کہ ’اعتماد بحال کرنا ہوگا۔‘\n"
        "راولپنڈی: فوج کے شعبہ تعلقات عامہ انٹر سروسز پبلک ریلیشنز (آئی ایس پی آر) کے مطابق "
        "’علاقے میں آپریشن جاری ہے۔‘\n"
        "آئی ایس پی آر نے مزید کہا کہ ’دہشت گردوں کا پیچھا کیا جائے گا۔‘\n"
    )
    assert speakers(text) == [
        "اے ایم ایم ناصر الدین",
        "ماریہ سلطان",
        "انٹر سروسز پبلک ریلیشنز",
        "انٹر سروسز پبلک ریلیشنز",
    ]


def test_an_agent_inside_a_relative_clause_is_not_the_sentence_subject() -> None:
    text = (
        "ڈرائیور\n"
        "پشاور: ٹرانس پشاور کی ترجمان صدف کامل نے کہا کہ ’مزید خواتین بھرتی ہوں گی۔‘\n"
        "شازیہ گل ان آٹھ خواتین میں شامل ہیں جنہیں ٹرانس پشاور نے گذشتہ برس بھرتی کیا۔\n"
        "انڈپینڈنٹ اردو سے بات کرتے ہوئے انہوں نے بتایا: ’لوگ باتیں بناتے تھے۔‘\n"
    )
    assert speakers(text) == ["صدف کامل", "شازیہ گل"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("وہ کہتی ہیں،", "female"),
        ("وہ بولے:", "male"),
        ("وہ کہنے لگیں", "female"),
        ("انہوں نے بات کرتے ہوئے کہا", None),  # نے کہا agrees with no one
    ],
)
def test_gender_agreement_of_a_reporting_verb(phrase: str, expected: str | None) -> None:
    assert agreement(phrase) == expected


def test_a_un_agency_keeps_the_un_and_the_emirates_are_no_organisation() -> None:
    assert bracketed_abbreviations("اقوام متحدہ کے ادارہ برائے اطفال (یونیسف) کی رپورٹ") == {
        "یونیسف": "اقوام متحدہ کے ادارہ برائے اطفال"
    }
    assert organisation_parts(("متحدہ", "عرب", "امارات")) is None


def test_a_pronoun_after_an_opening_clause_is_the_person_it_addresses() -> None:
    text = (
        "پناہ گزین\n"
        "پشاور: وکیل مہوش اختر کا کہنا ہے کہ ’حالات مختلف ہیں اور لوگ پریشان ہیں۔‘\n"
        "اس حوالے سے جب تھانہ تہکال کے ایس ایچ او فضل ربانی سے رابطہ کیا گیا تو انہوں نے "
        "الزامات کی تردید کی۔ ’ہم صرف قانون کے مطابق کارروائی کرتے ہیں۔‘\n"
        "کپتان محمد رضوان نے کہا: ’ٹیم میں کوئی گروپ بندی نہیں ہے۔‘ "
        "رضوان سے جب بابر اعظم کی فارم کے بارے میں پوچھا گیا تو ان کا کہنا تھا کہ بابر بہترین ہیں۔ "
        "’ایک دو اننگز سے کسی کھلاڑی کو نہیں پرکھا جاتا۔‘\n"
    )
    assert speakers(text) == ["مہوش اختر", "فضل ربانی", "محمد رضوان", "محمد رضوان"]


def test_a_habitual_reply_with_an_adverb_before_it_and_a_verb_of_the_other_gender() -> None:
    text = (
        "ڈرائیور\n"
        "پشاور: شام کو شازیہ گل گھر پہنچتی ہیں تو ان کا بیٹا دروازے پر منتظر ہوتا ہے۔ "
        "“امی، آج کتنے لوگوں کو بٹھایا؟” وہ ہر روز یہی سوال پوچھتا ہے، "
        "اور شازیہ ہنس کر جواب دیتی ہیں، “بیٹا، پورا پشاور۔”\n"
    )
    assert speakers(text) == [None, "شازیہ گل"]


def test_bibi_closes_a_name_and_shows_a_woman() -> None:
    text = (
        "واپسی\n"
        "پشاور: صمیم اللہ نے کہا، ’میں یہیں پیدا ہوا اور یہیں بڑا ہوا ہوں۔‘\n"
        "ان کی والدہ حلیمہ بی بی گھر کے دروازے پر ملیں۔ وہ کہتی ہیں، "
        "’میرے شوہر کی قبر یہاں ہے، ہم کہاں جائیں؟‘\n"
    )
    assert speakers(text) == ["صمیم اللہ", "حلیمہ بی بی"]


def test_a_un_body_keeps_the_un_when_its_statement_speaks_but_a_world_body_does_not() -> None:
    text = (
        "بیان\n"
        "جنیوا: اقوام متحدہ کے ادارہ برائے پناہ گزین (یو این ایچ سی آر) نے ایک بیان جاری کیا۔ "
        "بیان میں کہا گیا کہ ’واپسی محفوظ اور باوقار ہونی چاہیے۔‘\n"
        "اقوام متحدہ کے عالمی ادارہ خوراک (ڈبلیو ایف پی) نے بھی ایک رپورٹ جاری کی۔ "
        "رپورٹ میں کہا گیا کہ ’لاکھوں افراد بھوک کا شکار ہیں۔‘\n"
    )
    assert speakers(text) == ["اقوام متحدہ کے ادارہ برائے پناہ گزین", "عالمی ادارہ خوراک"]


def test_speaker_after_with_a_long_name_and_a_long_reporting_clause() -> None:
    text = (
        "احتجاج\n"
        "حیدرآباد: ”کمپنیاں راتوں رات ملازمین کو فارغ کر رہی ہیں۔“ یہ بات آئی ٹی ایمپلائز "
        "ویلفیئر فورم کے صدر محمد عبدالرحمن نے آج دھرنا چوک، اندرا پارک پر منعقدہ احتجاجی "
        "مظاہرے سے خطاب کرتے ہوئے کہی۔\n"
        "”ہم ہار نہیں مانیں گے،“ یہ بات الجزائر کے سفیر عمار بن جامع نے صحافیوں سے کہی۔\n"
        "”ڈینگی نئے علاقوں تک پھیل رہا ہے۔“ یہ بات عالمی ادارہ صحت (ڈبلیو ایچ او) نے "
        "اپنی تازہ رپورٹ میں کہی ہے۔\n"
    )
    assert speakers(text) == ["محمد عبدالرحمن", "عمار بن جامع", "عالمی ادارہ صحت"]


def test_a_call_or_a_retort_introduces_even_a_short_quote() -> None:
    text = (
        "ٹرک آرٹ\n"
        "کراچی: شام کو حیدر علی نے برش رکھا اور اپنے شاگرد کو آواز دی، "
        "‘او چھوٹے، ڈبے بند کر دے۔’\n"
        "زرمینہ بی بی نے نقش کی طرف اشارہ کیا اور بولیں، ‘یہ قالین ادھورا ہے۔’\n"
    )
    assert speakers(text) == ["حیدر علی", "زرمینہ بی بی"]


def test_roles_from_izafat_titles_heads_of_benches_and_two_spellings() -> None:
    text = (
        "سماعت\n"
        "اسلام آباد: جسٹس ظفر اقبال ملک کی سربراہی میں تین رکنی بنچ نے سماعت کی۔ "
        "پراسیکیوٹر عارف محمود نے بتایا کہ ‘‘ملزم کو گرفتار کیا گیا تھا۔’’ "
        "اس پر بنچ کے سربراہ نے ریمارکس دیے کہ ‘‘معطلی کوئی سزا نہیں ہے۔’’\n"
        "صوبائی وزیرِ تعلیم فرمان علی نے کہا کہ «سکول کھلیں گے۔» وزیر نے مزید کہا کہ "
        "«اساتذہ بھرتی ہوں گے۔»\n"
        "ضلعی ایجوکیشن آفیسر نصیرآباد عبدالحمید مینگل نے کہا کہ ’’فنڈز کی کمی ہے۔‘‘ "
        "افسر نے مزید کہا کہ ’’بھرتیاں جلد ہوں گی۔‘‘\n"
    )
    assert speakers(text) == [
        "عارف محمود",
        "ظفر اقبال ملک",
        "فرمان علی",
        "فرمان علی",
        "عبدالحمید مینگل",
        "عبدالحمید مینگل",
    ]


def test_organisation_names_as_cited() -> None:
    text = (
        "گرفتاری\n"
        "اسلام آباد: وفاقی تحقیقاتی ادارے (ایف آئی اے) نے کہا ہے کہ "
        '"ملزم کو گرفتار کر لیا گیا ہے۔"\n'
        'تنظیم ڈیجیٹل رائٹس واچ پاکستان نے کہا کہ "یہ آزادی اظہار پر حملہ ہے۔"\n'
        'ڈنمارک کی شپنگ کمپنی میرسک نے کہا کہ "ہم عملے کی حفاظت کو ترجیح دیتے ہیں۔"\n'
        'حزب اللہ نے ایک بیان میں کہا کہ "ہم جنگ بندی کی پاسداری کر رہے ہیں۔"\n'
    )
    assert speakers(text) == [
        "وفاقی تحقیقاتی ادارہ",
        "ڈیجیٹل رائٹس واچ پاکستان",
        "میرسک",
        "حزب اللہ",
    ]


def test_a_leading_pronoun_acts_even_on_someone_elses_behalf() -> None:
    text = (
        "خیمہ سکول\n"
        "نصیرآباد: خیمے کے ایک کونے میں شاہدہ پروین لڑکیوں کو اردو پڑھا رہی ہیں۔ "
        "وہ ایک غیر سرکاری تنظیم کی جانب سے رضاکار استانی کے طور پر یہاں آتی ہیں۔\n"
        "’’میرے گاؤں کی کوئی لڑکی پانچویں سے آگے نہیں پڑھی۔‘‘\n"
    )
    assert speakers(text) == ["شاہدہ پروین"]


def test_abbreviations_of_commands_and_administrations_and_an_office_over_a_district() -> None:
    text = (
        "بحیرہ احمر\n"
        "واشنگٹن: امریکی سینٹرل کمانڈ (سینٹکام) نے ایک بیان جاری کیا۔ "
        "سینٹکام کے مطابق ’’حملے میں کوئی امریکی جہاز متاثر نہیں ہوا۔‘‘\n"
        "بیجنگ: چائنا نیشنل سپیس ایڈمنسٹریشن (سی این ایس اے) نے تصاویر جاری کیں۔ "
        "سی این ایس اے نے کہا کہ ’’تعاون جاری رہے گا۔‘‘\n"
        "کراچی: ایس ایس پی ملیر کامران حیدر نے کہا کہ ’’ملزم ایک گروہ کا حصہ تھا۔‘‘\n"
    )
    assert speakers(text) == [
        "امریکی سینٹرل کمانڈ",
        "چائنا نیشنل سپیس ایڈمنسٹریشن",
        "کامران حیدر",
    ]


def test_an_unnamed_speaker_after_the_quote_and_a_woman_who_acts_as_she() -> None:
    text = (
        "صنعت\n"
        "فیصل آباد: کارخانہ دار ثمینہ اشرف نے کہا کہ 'بجلی بہت مہنگی ہے اور ملیں بند ہو رہی ہیں۔'\n"
        "'مل بند ہوئی تو تین مہینے کی تنخواہ بھی نہیں ملی۔' "
        "یہ کہنا تھا ستیانہ روڈ کی ایک بند مل کے سابق کارکن کا، جو بارہ برس تک وہاں کام کرتے رہے۔\n"
        "ریاض میں ڈاکٹر سمیرا خان آٹھ برس سے مقیم ہیں۔ وہ ہسپتال کی ڈیوٹی کے بعد ہفتے میں ایک دن "
        "مفت طبی کیمپ بھی لگاتی ہیں۔\n"
        "'یہاں بہت سی خواتین زبان نہ آنے کی وجہ سے ہسپتال جانے سے ہچکچاتی ہیں۔'\n"
    )
    assert speakers(text) == ["ثمینہ اشرف", None, "سمیرا خان"]


def test_an_adverb_before_bole_is_not_the_speaker() -> None:
    text = (
        "ٹرک آرٹ\n"
        "کراچی: استاد حیدر علی نے کہا کہ ‘‘یہ کام صبر مانگتا ہے۔’’\n"
        "پھر ہماری طرف مڑ کر بولے، ‘‘جب تک یہ ہاتھ چل رہے ہیں، ٹرک سجتے رہیں گے۔’’\n"
    )
    assert speakers(text) == ["حیدر علی", "حیدر علی"]


def test_titles_before_arab_names_portfolios_and_korean_surnames() -> None:
    text = (
        "وزرا\n"
        "ریاض: وزیر محنت شیخ سالم بن ناصر الحارثی نے کہا کہ ’’اسکیم سے کارکنوں کو فائدہ ہو گا۔‘‘\n"
        "کوئٹہ: صوبائی وزیر معدنیات شاہنواز رند نے کہا کہ ’’ذمہ داروں کو سزا ملے گی۔‘‘\n"
        "سکردو: کوہ پیما ٹیم کے سربراہ کم جی ہون نے کہا کہ ’’ہم نے امید چھوڑ دی تھی۔‘‘\n"
        "پیانگ یانگ: ورکرز پارٹی کی سینیئر عہدیدار کم یو جونگ نے کہا کہ "
        "’’ہم دباؤ قبول نہیں کریں گے۔‘‘\n"
    )
    assert speakers(text) == ["سالم بن ناصر الحارثی", "شاہنواز رند", "کم جی ہون", "کم یو جونگ"]


def test_a_generic_word_stands_for_the_organisation_named_in_the_same_paragraph() -> None:
    text = (
        "سکیورٹی\n"
        "اسلام آباد: چینی سفارت خانہ اس سے قبل بھی کئی بار تحفظ کا مطالبہ کر چکا ہے۔ تازہ ملاقات "
        "کے بعد سفارت خانے نے ایک بیان میں کہا: “ہمیں توقع ہے کہ ذمہ داروں کو سزا دی جائے گی۔”\n"
    )
    assert speakers(text) == ["چینی سفارت خانہ"]


def test_a_shorter_later_name_of_an_organisation_takes_its_fuller_form() -> None:
    text = (
        "حج\n"
        "ریاض: سعودی وزارت صحت نے ہدایات جاری کیں۔ سعودی پریس ایجنسی (ایس پی اے) کے مطابق "
        "وزارت صحت نے اپنے بیان میں کہا ہے کہ 'عازمین دن کے گرم اوقات میں باہر نہ نکلیں۔'\n"
        "لاہور: خواتین کے حقوق کی تنظیم عورت فاؤنڈیشن نے بل کا خیر مقدم کیا ہے۔ تنظیم کی جانب "
        "سے جاری بیان کے مطابق 'اصل امتحان قانون پر عمل درآمد کا ہے۔'\n"
    )
    assert speakers(text) == ["سعودی وزارت صحت", "عورت فاؤنڈیشن"]


def test_more_roles_before_names() -> None:
    text = (
        "میٹرو\n"
        "حیدرآباد: کارپوریٹر فرحانہ سلطانہ نے کہا کہ ‘عوام ترقی کے مخالف نہیں ہیں۔’\n"
        "فلمی نقاد فیصل جمیل نے کہا کہ ‘یہ فلم ثابت کرتی ہے کہ کہانی اہم ہے۔’\n"
    )
    assert speakers(text) == ["فرحانہ سلطانہ", "فیصل جمیل"]


def test_a_byline_is_no_one_in_the_story_and_a_village_is_no_person() -> None:
    text = (
        "بھٹے\n"
        "نازیہ ملک، بی بی سی اردو، قصور\n"
        "صبح کے چار بجے ہیں اور قصور کے نواحی گاؤں کھڈیاں کے قریب دھواں اٹھ رہا ہے، مگر "
        "شمیم اختر اپنے بچوں کے ساتھ مٹی کے ڈھیر کے پاس بیٹھ چکی ہیں۔ "
        "ان کے ہاتھ تیزی سے چلتے ہیں۔\n"
        "’میری ماں بھی یہیں کام کرتی تھی اور اس کی ماں بھی۔‘\n"
    )
    assert speakers(text) == ["شمیم اختر"]


def test_a_lone_given_name_sitting_in_the_scene_speaks_next() -> None:
    text = (
        "واپسی\n"
        "پشاور — ایک گھر کے صحن میں سامان بندھا پڑا ہے۔ زرمینہ اسی سامان کے پاس بیٹھی "
        "ٹرک کا انتظار کر رہی ہیں۔\n"
        "”میں یہیں پیدا ہوئی، یہیں میری شادی ہوئی۔ وہاں میرا کون ہے؟“\n"
    )
    assert speakers(text) == ["زرمینہ"]


def test_a_plural_noun_after_a_titled_name_is_not_its_surname() -> None:
    text = (
        "نرسیں\n"
        "جدہ: ہیڈ نرس سسٹر روبینہ مسیح مریضوں کی فائلیں دیکھ رہی ہیں۔ روبینہ مسیح نے بتایا کہ "
        "‘جب میں یہاں آئی تھی تو زبان سب سے مشکل تھی۔’\n"
    )
    assert speakers(text) == ["روبینہ مسیح"]
