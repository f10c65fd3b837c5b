"""Score quote detection and speaker attribution on the annotated corpus.

Runs `python -m bulletin segment FILE --json` on every article in the corpus
(`tests/articles/quotes/` by default) and compares its `"kind": "quote"` segments with
the article's `NAME.json` annotation:

    {"quotes": [{"text": ..., "speaker": ... or null, "pattern": "label+label"}],
     "not_quotes": [...], "not_quote_patterns": [...]}

A predicted quote matches an expected one when their texts are equal after collapsing
whitespace (each expected quote matches at most one prediction, in reading order).
Reported per article and overall: precision, recall and F1 of quote detection, and
attribution accuracy, the share of expected quotes that were detected AND given the
expected speaker (null == null counts). Every miss, false alarm and wrong speaker is
listed with its pattern label, and every segment whose `start_char`/`end_char` slice of
the article does not equal its `text` is reported as a span error.

    python bench/eval_quotes.py                 # human-readable report
    python bench/eval_quotes.py --json          # the same, machine-readable
    python bench/eval_quotes.py swat-flood-rescue lahore-smog   # some articles only

`evaluate(corpus_dir)` returns the report as a dict (see `--json` for its shape).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "tests" / "articles" / "quotes"
TIMEOUT_S = 180

# Mark styles, named by the opening mark (and by the closing one where the opening is
# missing, as in a continued paragraph). Doubled marks are looked for first.
OPENING_MARKS = {
    "‘‘": "doubled-curly",  # ‘‘…’’
    "’’": "doubled-reversed",  # ’’…‘‘  (Jang, Express)
    "“": "curly-double",  # “…”
    "”": "reversed-double",  # ”…“
    "‘": "curly-single",  # ‘…’
    "’": "reversed-single",  # ’…‘  (BBC Urdu)
    '"': "straight-double",
    "'": "straight-single",
    "«": "guillemets",
}
CLOSING_MARKS = {
    "’’": "doubled-curly",
    "‘‘": "doubled-reversed",
    "”": "curly-double",
    "“": "reversed-double",
    "’": "curly-single",
    "‘": "reversed-single",
    '"': "straight-double",
    "'": "straight-single",
    "»": "guillemets",
}
NO_MARKS = "none"


@dataclass(frozen=True)
class Marks:
    """The quote marks found around a quoted stretch; None where there is none."""

    opening: str | None
    closing: str | None

    @property
    def style(self) -> str:
        """One style name; `mismatched` when the two marks disagree."""
        if self.opening and self.closing and self.opening != self.closing:
            return "mismatched"
        return self.opening or self.closing or NO_MARKS


def collapse(text: str) -> str:
    """Text with every run of whitespace made one space, and stripped."""
    return " ".join(text.split())


def marks_around(text: str, start: int, end: int) -> Marks:
    """The quote marks just before text[start:end] and just after it (spaces skipped).

    A missing mark at a line boundary is None (a paragraph that continues or leaves
    open a quote).
    """
    before = start
    while before > 0 and text[before - 1] in " \t\u200f\u200e":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t\u200f\u200e":
        after += 1
    opening = next(
        (style for mark, style in OPENING_MARKS.items() if text[:before].endswith(mark)), None
    )
    closing = next(
        (style for mark, style in CLOSING_MARKS.items() if text.startswith(mark, after)), None
    )
    return Marks(opening, closing)


def _delimited(text: str, start: int, end: int) -> bool:
    """True if text[start:end] sits between quote marks or line boundaries."""
    marks = marks_around(text, start, end)
    line_start = start == 0 or text[:start].rstrip(" \t").endswith("\n")
    line_end = end == len(text) or text[end:].lstrip(" \t").startswith(("\n", "\r"))
    return (marks.opening is not None or line_start) and (marks.closing is not None or line_end)


def find_quoted(text: str, quoted: str, start: int = 0) -> int:
    """Offset of the first occurrence of `quoted` at or after `start` that is delimited
    by quote marks or line boundaries; -1 if there is none."""
    position = text.find(quoted, start)
    while position != -1:
        if _delimited(text, position, position + len(quoted)):
            return position
        position = text.find(quoted, position + 1)
    return -1


def locate_quotes(text: str, quotes: list[dict[str, Any]]) -> list[int]:
    """Offsets of the annotated quotes, searched in order; -1 for one not found."""
    offsets, cursor = [], 0
    for quote in quotes:
        position = find_quoted(text, quote["text"], cursor)
        offsets.append(position)
        if position != -1:
            cursor = position + 1
    return offsets


def read_article(path: Path) -> str:
    """The article as the product decodes it (UTF-8, optional byte-order mark)."""
    return path.read_bytes().decode("utf-8-sig")


def load_annotation(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text("utf-8"))
    data.setdefault("not_quotes", [])
    data.setdefault("not_quote_patterns", [None] * len(data["not_quotes"]))
    return data


def labels(pattern: str | None) -> list[str]:
    """The individual labels of a `label+label` pattern string."""
    return [part.strip() for part in (pattern or "").split("+") if part.strip()]


def run_segment(article: Path) -> tuple[list[dict[str, Any]], str | None]:
    """The segments printed by `bulletin segment --json`, or an error message."""
    try:
        run = subprocess.run(
            [sys.executable, "-m", "bulletin", "segment", str(article), "--json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=TIMEOUT_S,
            encoding="utf-8",
        )
    except subprocess.TimeoutExpired:
        return [], f"timed out after {TIMEOUT_S} s"
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-1:] or ["(no stderr)"]
        return [], f"exit {run.returncode}: {tail[0]}"
    try:
        return json.loads(run.stdout)["segments"], None
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        return [], f"unreadable JSON output ({error})"


def _rates(expected: int, predicted: int, matched: int, attributed: int) -> dict[str, float]:
    precision = matched / predicted if predicted else (1.0 if expected == 0 else 0.0)
    recall = matched / expected if expected else (1.0 if predicted == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    attribution = attributed / expected if expected else 1.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "attribution_accuracy": round(attribution, 4),
    }


def span_errors(text: str, segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Segments whose start_char/end_char slice of the article differs from their text."""
    errors = []
    for number, segment in enumerate(segments):
        start, end = segment.get("start_char"), segment.get("end_char")
        valid = isinstance(start, int) and isinstance(end, int) and 0 <= start <= end
        piece = text[start:end] if valid else None
        if piece != segment.get("text"):
            errors.append(
                {
                    "segment": number,
                    "kind": segment.get("kind"),
                    "start_char": start,
                    "end_char": end,
                    "text": segment.get("text"),
                    "slice": piece,
                }
            )
    return errors


def score_article(
    name: str,
    text: str,
    annotation: dict[str, Any],
    segments: list[dict[str, Any]],
    error: str | None = None,
) -> dict[str, Any]:
    """Compare one article's predicted quote segments with its annotation."""
    expected = annotation["quotes"]
    offsets = locate_quotes(text, expected)
    predicted = [s for s in segments if s.get("kind") == "quote"]
    unmatched = list(range(len(predicted)))
    not_quote_label = {
        collapse(t): label
        for t, label in zip(
            annotation["not_quotes"], annotation["not_quote_patterns"], strict=False
        )
    }
    results, misses, wrong = [], [], []
    for quote, offset in zip(expected, offsets, strict=True):
        key = collapse(quote["text"])
        found = next((i for i in unmatched if collapse(predicted[i]["text"]) == key), None)
        style = (
            marks_around(text, offset, offset + len(quote["text"])).style
            if offset != -1
            else NO_MARKS
        )
        entry = {
            "text": quote["text"],
            "speaker": quote["speaker"],
            "pattern": quote["pattern"],
            "marks": style,
        }
        if found is None:
            results.append({**entry, "detected": False, "attributed": False})
            misses.append(entry)
            continue
        unmatched.remove(found)
        got = predicted[found].get("speaker")
        right = (None if got is None else collapse(got)) == (
            None if quote["speaker"] is None else collapse(quote["speaker"])
        )
        results.append({**entry, "detected": True, "attributed": right, "predicted": got})
        if not right:
            wrong.append(
                {
                    "text": quote["text"],
                    "expected": quote["speaker"],
                    "predicted": got,
                    "pattern": quote["pattern"],
                }
            )
    false_alarms = [
        {
            "text": predicted[i]["text"],
            "speaker": predicted[i].get("speaker"),
            "not_quote": not_quote_label.get(collapse(predicted[i]["text"]), "other"),
        }
        for i in unmatched
    ]
    matched = len(expected) - len(misses)
    attributed = sum(r["attributed"] for r in results)
    return {
        "article": name,
        "error": error,
        "expected": len(expected),
        "predicted": len(predicted),
        "matched": matched,
        "attributed": attributed,
        **_rates(len(expected), len(predicted), matched, attributed),
        "misses": misses,
        "false_alarms": false_alarms,
        "wrong_speakers": wrong,
        "span_errors": span_errors(text, segments),
        "quotes": results,
    }


def _evaluate_one(path: Path) -> dict[str, Any]:
    text = read_article(path)
    annotation = load_annotation(path.with_suffix(".json"))
    segments, error = run_segment(path)
    return score_article(path.stem, text, annotation, segments, error)


def _breakdown(articles: list[dict[str, Any]], key: str) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = {}
    for article in articles:
        for quote in article["quotes"]:
            for label in labels(quote[key]) if key == "pattern" else [quote[key]]:
                row = table.setdefault(label, Counter())
                row["expected"] += 1
                row["detected"] += quote["detected"]
                row["attributed"] += quote["attributed"]
    return {
        label: {k: row[k] for k in ("expected", "detected", "attributed")}
        for label, row in sorted(table.items())
    }


def evaluate(
    corpus_dir: Path | str = DEFAULT_CORPUS,
    names: list[str] | None = None,
    jobs: int | None = None,
) -> dict[str, Any]:
    """Run the detector on every annotated article of `corpus_dir` and score it."""
    corpus = Path(corpus_dir)
    paths = sorted(p for p in corpus.glob("*.txt") if p.with_suffix(".json").exists())
    if names:
        wanted = {Path(n).stem for n in names}
        paths = [p for p in paths if p.stem in wanted]
    workers = jobs or min(8, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        articles = list(pool.map(_evaluate_one, paths))
    totals = Counter()
    for article in articles:
        for key in ("expected", "predicted", "matched", "attributed"):
            totals[key] += article[key]
    overall = {
        "articles": len(articles),
        **{k: totals[k] for k in ("expected", "predicted", "matched", "attributed")},
        **_rates(totals["expected"], totals["predicted"], totals["matched"], totals["attributed"]),
        "misses": sum(len(a["misses"]) for a in articles),
        "false_alarms": sum(len(a["false_alarms"]) for a in articles),
        "wrong_speakers": sum(len(a["wrong_speakers"]) for a in articles),
        "span_errors": sum(len(a["span_errors"]) for a in articles),
        "errors": sum(a["error"] is not None for a in articles),
    }
    false_alarm_kinds = Counter(f["not_quote"] for a in articles for f in a["false_alarms"])
    return {
        "corpus": str(corpus),
        "overall": overall,
        "by_pattern": _breakdown(articles, "pattern"),
        "by_marks": _breakdown(articles, "marks"),
        "false_alarm_kinds": dict(false_alarm_kinds.most_common()),
        "articles": articles,
    }


def _short(text: str | None, width: int = 70) -> str:
    if text is None:
        return "null"
    text = collapse(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(report: dict[str, Any], details: bool = True) -> str:
    """The report as plain text."""
    lines = [
        f"{'article':<34}{'exp':>4}{'pred':>5}{'hit':>5}{'P':>7}{'R':>7}{'F1':>7}{'attr':>7}",
    ]
    for a in report["articles"]:
        flag = "  ERROR" if a["error"] else ("  SPAN" if a["span_errors"] else "")
        lines.append(
            f"{a['article']:<34}{a['expected']:>4}{a['predicted']:>5}{a['matched']:>5}"
            f"{a['precision']:>7.2f}{a['recall']:>7.2f}{a['f1']:>7.2f}"
            f"{a['attribution_accuracy']:>7.2f}{flag}"
        )
    o = report["overall"]
    lines += [
        "",
        f"overall: {o['articles']} articles, {o['expected']} expected quotes, "
        f"{o['predicted']} predicted, {o['matched']} matched",
        f"  precision {o['precision']:.3f}  recall {o['recall']:.3f}  F1 {o['f1']:.3f}  "
        f"attribution accuracy {o['attribution_accuracy']:.3f}",
        f"  misses {o['misses']}  false alarms {o['false_alarms']}  "
        f"wrong speakers {o['wrong_speakers']}  span errors {o['span_errors']}  "
        f"CLI errors {o['errors']}",
        "",
        f"{'pattern':<26}{'n':>4}{'detected':>10}{'attributed':>12}",
    ]
    for title, table in (("", report["by_pattern"]), ("marks: ", report["by_marks"])):
        for label, row in table.items():
            lines.append(
                f"{title + label:<26}{row['expected']:>4}{row['detected']:>10}"
                f"{row['attributed']:>12}"
            )
    if report["false_alarm_kinds"]:
        kinds = ", ".join(f"{k} {n}" for k, n in report["false_alarm_kinds"].items())
        lines.append(f"false alarms by kind: {kinds}")
    if not details:
        return "\n".join(lines)
    for a in report["articles"]:
        problems = a["misses"] or a["false_alarms"] or a["wrong_speakers"] or a["span_errors"]
        if not (problems or a["error"]):
            continue
        lines += ["", f"== {a['article']}"]
        if a["error"]:
            lines.append(f"  ERROR {a['error']}")
        for m in a["misses"]:
            lines.append(f"  MISS   [{m['pattern']}; {m['marks']}] {_short(m['text'])}")
        for f in a["false_alarms"]:
            lines.append(f"  FALSE  [{f['not_quote']}] {_short(f['text'])}")
        for w in a["wrong_speakers"]:
            lines.append(
                f"  WHO    [{w['pattern']}] expected {_short(w['expected'], 30)} "
                f"got {_short(w['predicted'], 30)}: {_short(w['text'], 50)}"
            )
        for s in a["span_errors"]:
            lines.append(
                f"  SPAN   {s['kind']} [{s['start_char']}:{s['end_char']}] "
                f"text {_short(s['text'], 40)!r} slice {_short(s['slice'], 40)!r}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="only these articles (file stems)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--summary", action="store_true", help="omit the per-quote details")
    parser.add_argument("--jobs", type=int, default=None, help="articles run in parallel")
    args = parser.parse_args(argv)
    report = evaluate(args.corpus, args.names or None, args.jobs)
    if not report["articles"]:
        print(f"no annotated articles in {args.corpus}", file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        print(format_report(report, details=not args.summary))
    return 1 if report["overall"]["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
