"""The annotated quote corpus (tests/articles/quotes/) and the detector's score on it.

The first tests check the corpus itself: every annotated text occurs verbatim in its
article between quote marks, the annotation is well-formed, and every pattern the
detector must handle appears at least twice. The last ones run `bench/eval_quotes.py`
over the corpus and hold quote detection and attribution to their targets.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "articles" / "quotes"
EVAL_SCRIPT = ROOT / "bench" / "eval_quotes.py"

MIN_ARTICLES, MAX_ARTICLES = 24, 30
MIN_WORDS, MAX_WORDS = 150, 500
MIN_OCCURRENCES = 2
TARGET_F1 = 0.95
TARGET_ATTRIBUTION = 0.90

# Labels of the `pattern` of a quote (joined with `+` when a quote tests several).
REQUIRED_QUOTE_PATTERNS = (
    # the shape of the quote
    "nested",  # an inner quote with other marks, kept inside the outer text
    "nested-same",  # an inner quote with the same marks as the outer one
    "multi-para-reopen",  # a piece of a quote across paragraphs; the next re-opens it
    "multi-para-bare",  # a piece of a quote across paragraphs; the next does not re-open
    "unclosed",  # never closed: the text runs to the end of its paragraph
    "headline",  # the headline is or holds a quote
    # the reporting phrase before the quote
    "before-ne-kaha-ke",  # X نے کہا کہ ’…‘
    "before-ne-kaha-colon",  # X نے کہا: “…”
    "before-ne-kaha",  # X نے کہا، ’’…‘‘
    "before-ka-kehna-tha",  # X کا کہنا تھا کہ
    "before-ka-kehna-hai",  # X کا کہنا ہے کہ
    "before-ke-mutabiq",  # X کے مطابق
    "before-ke-baqaul",  # X کے بقول
    "before-ne-bataya",  # X نے بتایا کہ
    "before-ne-mazeed-kaha",  # X نے مزید کہا
    "before-tweet",  # X نے ٹویٹ کی / ٹویٹ کیا
    "before-ne-likha",  # X نے لکھا
    "before-bbc-ko-bataya",  # X نے بی بی سی کو بتایا
    "before-words-between",  # other words between X and the verb
    # the reporting phrase after the quote
    "after-ye-baat-kahi",  # ’…‘ یہ بات X نے کہی
    "after-ne-kaha",  # ’…‘، X نے کہا۔
    "after-ye-kehna",  # ’…‘ یہ کہنا ہے/تھا X کا
    "after-ye-alfaz",  # ’…‘ یہ الفاظ تھے X کے
    # who X is
    "pronoun",  # انھوں نے کہا، ان کا کہنا تھا، ان کے مطابق: the last subject
    "pronoun-trap",  # someone else is named more recently, but not as subject
    "role-noun",  # ترجمان، وزیر خارجہ، صدر: the person given that role earlier
    "short-name",  # the name shortened after its first, full use
    "org",  # an organisation: ISPR, a ministry, دفتر خارجہ, a court, a party, a paper
    "female",  # a woman speaker, feminine agreement, بیگم / محترمہ
    "vocative",  # the quote opens by naming its addressee, who is not the speaker
    "implicit",  # after a narrated sentence about the speaker, no reporting phrase
    "bare-para-continue",  # a paragraph that is only a quote: the previous quote's speaker
    "bare-para-named-before",  # a paragraph that is only a quote: named just before
    "unattributed",  # the article does not say who (speaker null)
)
# Labels of `not_quote_patterns`: quoted stretches that the narrator reads.
REQUIRED_NOT_QUOTE_PATTERNS = (
    "nq-film",
    "nq-book",
    "nq-tv",
    "nq-operation",
    "nq-name",
    "nq-scare",
    "nq-label",
    "nq-slogan",
    "nq-partial",
    "nq-headline",  # a non-speech quote in the headline
)
REQUIRED_MARK_STYLES = (
    "curly-double",  # “…”
    "reversed-double",  # ”…“
    "curly-single",  # ‘…’
    "reversed-single",  # ’…‘ (BBC Urdu)
    "doubled-reversed",  # ’’…‘‘
    "doubled-curly",  # ‘‘…’’
    "straight-double",  # "…"
    "straight-single",  # '…'
    "guillemets",  # «…»
)
WORD_RE = re.compile(r"[\u0600-\u0669\u066e-\u06d3\u06d5-\u06ff\u0750-\u077fA-Za-z0-9]+")
# A canonical speaker never starts with a title or honorific (سید and چوہدری are part of the
# name, as the Urdu press writes it: سید یوسف رضا گیلانی).
_TITLE_WORDS = """
    صدر وزیر نائب مسٹر مسز جناب بیگم محترمہ محترم خاتون ڈاکٹر پروفیسر ترجمان جنرل میجر
    لیفٹیننٹ کرنل کیپٹن سینیٹر جسٹس سردار انجینئر بیرسٹر ایڈووکیٹ چیئرمین سیکرٹری
    فوجی ہیڈ کوچ کپتان صاحب
"""
TITLES = frozenset(_TITLE_WORDS.split())


def _load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_quotes", EVAL_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


eval_quotes = _load_eval()
ARTICLES = sorted(CORPUS.glob("*.txt"))
NAMES = [path.stem for path in ARTICLES]


def _article(name: str) -> str:
    return eval_quotes.read_article(CORPUS / f"{name}.txt")


def _annotation(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / f"{name}.json").read_text("utf-8"))


def _labels(pattern: str) -> list[str]:
    return eval_quotes.labels(pattern)


def test_corpus_size_and_pairs() -> None:
    texts = {p.stem for p in CORPUS.glob("*.txt")}
    annotations = {p.stem for p in CORPUS.glob("*.json")}
    assert texts == annotations, f"unpaired files: {sorted(texts ^ annotations)}"
    assert MIN_ARTICLES <= len(texts) <= MAX_ARTICLES


@pytest.mark.parametrize("name", NAMES)
def test_article_shape(name: str) -> None:
    text = (CORPUS / f"{name}.txt").read_bytes().decode("utf-8")  # plain UTF-8
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) >= 4, "a headline and several paragraphs"
    words = len(WORD_RE.findall(text))
    assert MIN_WORDS <= words <= MAX_WORDS, f"{words} words"


@pytest.mark.parametrize("name", NAMES)
def test_annotation_schema(name: str) -> None:
    data = _annotation(name)
    assert set(data) <= {"quotes", "not_quotes", "not_quote_patterns"}
    assert isinstance(data["quotes"], list) and data["quotes"]
    known = set(REQUIRED_QUOTE_PATTERNS)
    text = _article(name)
    for quote in data["quotes"]:
        assert set(quote) == {"text", "speaker", "pattern"}, quote
        assert isinstance(quote["text"], str) and quote["text"]
        assert quote["text"] == quote["text"].strip(), quote["text"]
        assert "\n" not in quote["text"], "one entry per paragraph piece"
        assert set(_labels(quote["pattern"])) <= known, quote["pattern"]
        speaker = quote["speaker"]
        if speaker is not None:
            assert isinstance(speaker, str) and speaker == " ".join(speaker.split())
            assert speaker.split()[0] not in TITLES, f"title in speaker {speaker!r}"
            assert speaker in text, f"speaker {speaker!r} is not written in the article"
        assert ("unattributed" in _labels(quote["pattern"])) == (speaker is None)
    not_quotes = data.get("not_quotes", [])
    patterns = data.get("not_quote_patterns", [])
    assert len(patterns) == len(not_quotes)
    for item, pattern in zip(not_quotes, patterns, strict=True):
        assert isinstance(item, str) and item == item.strip() and item
        assert set(_labels(pattern)) <= set(REQUIRED_NOT_QUOTE_PATTERNS), pattern


@pytest.mark.parametrize("name", NAMES)
def test_quotes_occur_verbatim_in_order(name: str) -> None:
    text = _article(name)
    quotes = _annotation(name)["quotes"]
    offsets = eval_quotes.locate_quotes(text, quotes)
    missing = [q["text"] for q, at in zip(quotes, offsets, strict=True) if at == -1]
    assert not missing, f"not found between marks, in order: {missing}"
    for quote, at in zip(quotes, offsets, strict=True):
        marks = eval_quotes.marks_around(text, at, at + len(quote["text"]))
        assert marks.style != "mismatched", f"marks disagree around {quote['text']!r}"
        if marks.style == eval_quotes.NO_MARKS:
            assert "multi-para-bare" in _labels(quote["pattern"]), quote["text"]
        if marks.closing is None and "unclosed" not in _labels(quote["pattern"]):
            assert {"multi-para-bare", "multi-para-reopen"} & set(_labels(quote["pattern"]))


@pytest.mark.parametrize("name", NAMES)
def test_not_quotes_occur_verbatim_between_marks(name: str) -> None:
    text = _article(name)
    for item in _annotation(name).get("not_quotes", []):
        at = eval_quotes.find_quoted(text, item)
        assert at != -1, f"not found between marks: {item!r}"
        marks = eval_quotes.marks_around(text, at, at + len(item))
        assert marks.opening and marks.closing and marks.style != "mismatched", item


def _all_annotations() -> list[dict[str, Any]]:
    return [_annotation(name) for name in NAMES]


def test_every_quote_pattern_is_covered() -> None:
    counts = Counter(
        label
        for data in _all_annotations()
        for q in data["quotes"]
        for label in _labels(q["pattern"])
    )
    thin = {p: counts[p] for p in REQUIRED_QUOTE_PATTERNS if counts[p] < MIN_OCCURRENCES}
    assert not thin, f"patterns with fewer than {MIN_OCCURRENCES} quotes: {thin}"


def test_every_not_quote_pattern_is_covered() -> None:
    counts = Counter(
        label
        for data in _all_annotations()
        for pattern in data.get("not_quote_patterns", [])
        for label in _labels(pattern)
    )
    thin = {p: counts[p] for p in REQUIRED_NOT_QUOTE_PATTERNS if counts[p] < MIN_OCCURRENCES}
    assert not thin, f"non-speech patterns with fewer than {MIN_OCCURRENCES} cases: {thin}"


def test_every_mark_style_is_covered_and_mixed() -> None:
    styles: Counter[str] = Counter()
    mixed_articles = 0
    for name in NAMES:
        text, data = _article(name), _annotation(name)
        found = set()
        offsets = eval_quotes.locate_quotes(text, data["quotes"])
        spans = [(at, q["text"]) for q, at in zip(data["quotes"], offsets, strict=True)]
        spans += [(eval_quotes.find_quoted(text, item), item) for item in data["not_quotes"]]
        for at, item in spans:
            style = eval_quotes.marks_around(text, at, at + len(item)).style
            if style != eval_quotes.NO_MARKS:
                styles[style] += 1
                found.add(style)
        mixed_articles += len(found) > 1
    thin = {s: styles[s] for s in REQUIRED_MARK_STYLES if styles[s] < MIN_OCCURRENCES}
    assert not thin, f"mark styles with fewer than {MIN_OCCURRENCES} uses: {thin}"
    assert mixed_articles >= MIN_OCCURRENCES, "articles mixing mark styles"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return eval_quotes.evaluate(CORPUS)


def test_segment_offsets_slice_the_article(report: dict[str, Any]) -> None:
    errors = {a["article"]: a["error"] for a in report["articles"] if a["error"]}
    assert not errors, f"bulletin segment failed: {errors}"
    spans = {a["article"]: a["span_errors"] for a in report["articles"] if a["span_errors"]}
    assert not spans, f"start_char/end_char do not slice the segment text: {spans}"


def test_quote_detection_and_attribution_meet_targets(report: dict[str, Any]) -> None:
    overall = report["overall"]
    summary = eval_quotes.format_report(report, details=False)
    assert overall["f1"] >= TARGET_F1, f"quote detection F1 {overall['f1']}\n{summary}"
    assert overall["attribution_accuracy"] >= TARGET_ATTRIBUTION, (
        f"attribution accuracy {overall['attribution_accuracy']}\n{summary}"
    )


# Attribution floors, just under the scores measured when they were last raised.
MAIN_ATTRIBUTION_FLOOR = 0.96


def test_main_corpus_attribution_holds_its_level(report: dict[str, Any]) -> None:
    """Measured 0.97 with the common-word lexicon and the subject model."""
    assert report["overall"]["attribution_accuracy"] >= MAIN_ATTRIBUTION_FLOOR


HOLDOUT = CORPUS.parent / "quotes_holdout"


def test_second_corpus_holds_up() -> None:
    """A second set, written without sight of the code. It was first measured blind (F1 0.99,
    attribution 0.71) and has informed fixes since (0.98 now), so it guards against
    regressions."""
    overall = eval_quotes.evaluate(HOLDOUT)["overall"]
    assert overall["f1"] >= TARGET_F1
    assert overall["attribution_accuracy"] >= 0.96


BLIND = CORPUS.parent / "quotes_blind"


def test_third_corpus_holds_up() -> None:
    """A third set, written without sight of the code and measured blind once (F1 1.00,
    attribution 0.64); general fixes prompted by it since bring it to 0.96. Quote
    detection must stay at the target and attribution must not slip back."""
    overall = eval_quotes.evaluate(BLIND)["overall"]
    assert overall["f1"] >= TARGET_F1
    assert overall["attribution_accuracy"] >= 0.94


BLIND2 = CORPUS.parent / "quotes_blind2"


def test_fourth_corpus_holds_up() -> None:
    """A fourth set, written without sight of the code and measured blind (F1 0.99,
    attribution 0.53). Its failures were then read for the classes of error they show
    (name boundaries, shortened names, organisation aliases, pronouns, unnamed speakers),
    which were fixed by general rules and a broad lexicon; it measures 0.99 now. It is no
    longer a blind measure, only a floor."""
    overall = eval_quotes.evaluate(BLIND2)["overall"]
    assert overall["f1"] >= TARGET_F1
    assert overall["attribution_accuracy"] >= 0.97


DEV2 = CORPUS.parent / "quotes_dev2"


def test_fifth_corpus_holds_up() -> None:
    """A fifth set, written alongside the lexicon and the subject model to check that they
    generalise. Each batch was measured before it informed any fix (and, in brackets, with
    the code this work started from): the first eight articles at 0.52, the next batches
    at 0.81 (0.71), 0.83 (0.78), 0.65 (0.53), 0.65 (0.47) and 0.82 (0.73) when first run;
    0.94 overall now."""
    overall = eval_quotes.evaluate(DEV2)["overall"]
    assert overall["f1"] >= TARGET_F1
    assert overall["attribution_accuracy"] >= 0.90


# Sets written by helpers who never saw the code, each measured once, blind, before it
# informed any fix. Quote F1 was 0.99-1.00 on every one at first measure; attribution was
# as commented: the honest figure for unseen articles, short of the 0.90 target. The
# floors sit just under today's scores, so every rule a set taught stays learnt.
BLIND_FLOORS = {
    "quotes_blind3": 0.99,  # 14 articles, 69 quotes; first measure 0.855
    "quotes_blind4": 0.96,  # 14 articles, 75 quotes; 0.680 (0.787 on a second blind look)
    "quotes_blind5": 0.97,  # 14 articles, 89 quotes; 0.708
    "quotes_blind6": 0.95,  # 14 articles, 101 quotes; 0.802
    "quotes_blind7": 0.96,  # 14 articles, 105 quotes; 0.762
    "quotes_blind8": 0.87,  # 14 articles, 107 quotes; 0.804
    "quotes_blind9": 0.93,  # 12 articles, 93 quotes; 0.710
    "quotes_blind10": 0.97,  # 12 articles, 92 quotes; 0.848
    "quotes_blind11": 0.91,  # 12 articles, 96 quotes; 0.854
    "quotes_blind12": 0.92,  # 12 articles, 91 quotes; 0.780
    "quotes_blind13": 0.90,  # 12 articles, 92 quotes; 0.761
    "quotes_blind14": 0.94,  # 12 articles, 96 quotes; 0.896
    "quotes_blind15": 0.89,  # 12 articles, 102 quotes; 0.774
    "quotes_blind16": 0.95,  # 12 articles, 96 quotes; 0.812
    "quotes_blind17": 0.94,  # 12 articles, 99 quotes; 0.798
    "quotes_blind18": 0.96,  # 12 articles, 103 quotes; 0.825
    "quotes_blind19": 0.94,  # 12 articles, 110 quotes; 0.864
    "quotes_blind20": 0.96,  # 12 articles, 93 quotes; 0.892
    "quotes_blind21": 0.89,  # 12 articles, 103 quotes; 0.835
    "quotes_blind22": 0.95,  # 10 articles, 82 quotes; 0.890
    "quotes_blind23": 0.93,  # 10 articles, 83 quotes; 0.868
    "quotes_blind24": 0.99,  # 10 articles, 90 quotes; 0.956
    "quotes_blind25": 0.93,  # 10 articles, 92 quotes; 0.793
    "quotes_blind26": 0.93,  # 10 articles, 93 quotes; 0.860
    "quotes_blind27": 0.95,  # 10 articles, 90 quotes; 0.822
    "quotes_blind28": 0.99,  # 10 articles, 88 quotes; 0.932
    "quotes_blind29": 0.95,  # 10 articles, 89 quotes; 0.910
    "quotes_blind30": 0.93,  # 10 articles, 97 quotes; 0.773
    "quotes_blind31": 0.97,  # 10 articles, 90 quotes; 0.900
    "quotes_blind32": 0.96,  # 10 articles, 81 quotes; 0.864
    "quotes_blind33": 0.94,  # 10 articles, 95 quotes; 0.905
    "quotes_blind34": 0.92,  # 10 articles, 98 quotes; 0.816
    "quotes_blind35": 0.94,  # 10 articles, 91 quotes; 0.890
    "quotes_blind36": 0.92,  # 10 articles, 93 quotes; 0.925
    "quotes_blind37": 0.92,  # 10 articles, 83 quotes; 0.916
    "quotes_blind38": 0.97,  # 10 articles, 101 quotes; 0.951
    "quotes_blind39": 0.91,  # 10 articles, 85 quotes; 0.894
    "quotes_blind40": 0.90,  # 10 articles, 99 quotes; 0.849
    "quotes_blind41": 0.92,  # 10 articles, 85 quotes; 0.929
    "quotes_blind42": 0.90,  # 10 articles, 93 quotes; 0.817
    "quotes_blind43": 0.92,  # 10 articles, 93 quotes; 0.925
    "quotes_blind44": 0.93,  # 10 articles, 104 quotes; 0.933
    "quotes_blind45": 0.92,  # 10 articles, 96 quotes; 0.927
    "quotes_blind46": 0.90,  # 10 articles, 96 quotes; 0.906
    "quotes_blind47": 0.92,  # 10 articles, 85 quotes; 0.929
}


@pytest.mark.parametrize(("folder", "floor"), BLIND_FLOORS.items(), ids=list(BLIND_FLOORS))
def test_blind_corpora_keep_what_they_taught(folder: str, floor: float) -> None:
    """Quote detection stays at the target on every blind set, and attribution does not
    slip back below what the fixes each set prompted brought it to."""
    overall = eval_quotes.evaluate(CORPUS.parent / folder)["overall"]
    assert overall["f1"] >= TARGET_F1
    assert overall["attribution_accuracy"] >= floor
