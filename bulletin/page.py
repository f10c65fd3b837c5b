"""The episode page: a static, accessible HTML player with a synchronised transcript.

The page works straight from the output folder (file://): CSS and script are inline, media
are referenced by bare file names beside the page, and nothing is fetched from elsewhere. Each
sentence of the transcript is a keyboard-operable control carrying its times in `data-start` and
`data-end`; the script highlights the sentence being spoken (class `current` plus
`aria-current="true"`) and seeks to a sentence when it is activated. Manifest strings only ever
reach the document through `html.escape`; the script itself is a constant.

Browsers will not load a `<track>` over file:// (every file is its own origin), so a small
script drops the captions track when the page is opened from disk; the track serves the page
once it is published over HTTP.
"""

from __future__ import annotations

import math
from datetime import datetime
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from bulletin.export import write_text
from bulletin.model import Show

NARRATOR = "راوی"
UNKNOWN_SPEAKER = "نامعلوم"

_MONTHS = (
    "جنوری",
    "فروری",
    "مارچ",
    "اپریل",
    "مئی",
    "جون",
    "جولائی",
    "اگست",
    "ستمبر",
    "اکتوبر",
    "نومبر",
    "دسمبر",
)
_LANGUAGE_NAMES = {"ur": "اردو"}

_CSS = """
:root {
  color-scheme: light dark;
  --bg: #fdfcf7; --fg: #1b1b1b; --muted: #4a4a4a; --accent: #0b4f9c;
  --mark-bg: #ffe07a; --mark-fg: #111; --rule: #d6d2c4; --focus: #0b57d0;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121212; --fg: #ececec; --muted: #c4c4c4; --accent: #9cc7ff;
    --mark-bg: #4d3d00; --mark-fg: #fff; --rule: #3a3a3a; --focus: #8ab4f8;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; max-width: 46rem; padding: 1rem 1.25rem 3rem;
  font-family: "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Alvi Nastaleeq",
    "Urdu Typesetting", "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Tahoma", serif;
  font-size: 1.2rem; line-height: 2.3;
}
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 3px; }
.skip {
  position: absolute; inset-inline-start: 1rem; top: -10rem; z-index: 1;
  background: var(--bg); padding: 0.25rem 0.75rem; border: 2px solid var(--focus);
}
.skip:focus { top: 0.5rem; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
header { border-bottom: 1px solid var(--rule); }
.show { margin: 0; font-weight: bold; color: var(--muted); }
h1 { font-size: 1.7rem; line-height: 2.4; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 0.5rem; }
.meta { color: var(--muted); margin: 0; }
audio { display: block; width: 100%; margin: 1rem 0; }
.downloads { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; }
.transcript p { margin: 0 0 1rem; }
.hint { color: var(--muted); font-size: 1rem; }
.segment-title, .segment-dateline { color: var(--muted); }
.segment-quote { border-inline-start: 4px solid var(--rule); padding-inline-start: 0.75rem; }
.speaker { font-weight: bold; color: var(--muted); }
.sentence { cursor: pointer; border-radius: 0.25rem; padding: 0.1rem 0; }
.sentence:hover { text-decoration: underline; }
.sentence.current {
  background: var(--mark-bg); color: var(--mark-fg);
  text-decoration: underline 2px; text-underline-offset: 0.5rem;
}
footer {
  border-top: 1px solid var(--rule); margin-top: 2rem; color: var(--muted); font-size: 1rem;
}
footer ul { padding-inline-start: 1.25rem; }
@media (prefers-reduced-motion: no-preference) {
  .sentence { transition: background-color 0.2s ease; }
}
@media (forced-colors: active) {
  .sentence.current { forced-color-adjust: none; background: Highlight; color: HighlightText; }
}
"""

# Browsers refuse a <track> from file:// (each file is its own origin) and log an error; an audio
# element shows no captions anyway, so offline the track is dropped before it starts loading.
_FILE_TRACK_SCRIPT = """
if (location.protocol === "file:") {
  document.querySelectorAll("#player track").forEach(function (t) { t.remove(); });
}
"""

# Constant: reads only the DOM (data-* attributes); no manifest text is ever spliced in.
_SCRIPT = """
(function () {
  "use strict";
  var audio = document.getElementById("player");
  var transcript = document.getElementById("transcript");
  if (!audio || !transcript) { return; }
  var sentences = Array.prototype.slice.call(transcript.querySelectorAll(".sentence"));
  var times = sentences.map(function (el) {
    return { el: el, start: parseFloat(el.dataset.start), end: parseFloat(el.dataset.end) };
  });
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
  var USER_PAUSE_MS = 4000, EPSILON = 0.05;
  var current = null, lastUserScroll = 0, autoScrollUntil = 0;

  function find(t) {
    var found = null;
    for (var i = 0; i < times.length; i++) {
      if (times[i].start <= t + EPSILON) { found = times[i]; } else { break; }
    }
    if (found && t >= found.end && found === times[times.length - 1]) { return null; }
    return found ? found.el : null;
  }

  function visible(el) {
    var box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }

  function follow(el) {
    if (reduce.matches || Date.now() - lastUserScroll < USER_PAUSE_MS || visible(el)) { return; }
    autoScrollUntil = Date.now() + 1000;
    el.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function highlight(el, scroll) {
    if (el === current) { return; }
    if (current) { current.classList.remove("current"); current.removeAttribute("aria-current"); }
    current = el;
    if (!el) { return; }
    el.classList.add("current");
    el.setAttribute("aria-current", "true");
    if (scroll) { follow(el); }
  }

  function sync() { highlight(find(audio.currentTime), !audio.paused); }

  function seek(el) {
    audio.currentTime = parseFloat(el.dataset.start);
    highlight(el, false);
    var playing = audio.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
  }

  function userScrolled() {
    lastUserScroll = Date.now();
    if (lastUserScroll < autoScrollUntil) {  // stop a smooth scroll under way: the user leads
      autoScrollUntil = 0;
      window.scrollTo(window.scrollX, window.scrollY);
    }
  }

  audio.addEventListener("timeupdate", sync);
  audio.addEventListener("seeked", sync);
  transcript.addEventListener("click", function (event) {
    var el = event.target.closest(".sentence");
    if (el) { seek(el); }
  });
  transcript.addEventListener("keydown", function (event) {
    var el = event.target.closest(".sentence");
    if (el && (event.key === "Enter" || event.key === " " || event.key === "Spacebar")) {
      event.preventDefault();
      seek(el);
    }
  });
  ["wheel", "touchmove", "keydown", "mousedown"].forEach(function (type) {
    window.addEventListener(type, userScrolled, { passive: true });
  });
  window.addEventListener("scroll", function () {
    if (Date.now() > autoScrollUntil) { userScrolled(); }
  }, { passive: true });
  sync();
})();
"""


def render_page(manifest: dict[str, Any], show: Show) -> str:
    """The complete HTML document of one episode's page."""
    language = str(manifest.get("language") or show.language or "ur")
    title = str(manifest.get("title") or "")
    head_title = f"{title} — {show.name}" if title else show.name
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(language)}" dir="rtl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(head_title)}</title>",
        f'<meta name="description" content="{_e(manifest.get("description") or "")}">',
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#transcript-heading">سیدھے متن پر جائیں</a>',
        f'<header><p class="show">{_e(show.name)}</p></header>',
        '<main id="main">',
        f"<h1>{_e(title)}</h1>",
        _meta(manifest),
        _player(manifest, language),
        _transcript(manifest),
        "</main>",
        _footer(manifest, show),
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def write_page(manifest: dict[str, Any], show: Show, path: Path) -> None:
    """Render the page and write it atomically (temporary file beside `path`, then replace)."""
    write_text(render_page(manifest, show), path)


def _e(value: object) -> str:
    """Escape text for HTML content and double-quoted attributes."""
    return escape(str(value), quote=True)


def _seconds(value: Any) -> float:
    """A finite, non-negative time in seconds (bad values become 0)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) and number > 0 else 0.0


def _hms(seconds: float) -> tuple[int, int, int]:
    """Whole hours, minutes and seconds."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return hours, minutes, secs


def _clock(seconds: float) -> str:
    """`m:ss` or `h:mm:ss`."""
    hours, minutes, secs = _hms(seconds)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _iso_duration(seconds: float) -> str:
    """An ISO 8601 duration such as `PT3M13S` for `<time datetime>`."""
    hours, minutes, secs = _hms(seconds)
    return f"PT{hours}H{minutes}M{secs}S" if hours else f"PT{minutes}M{secs}S"


def _media_href(name: object) -> str:
    """A relative URL for a file beside the page: its base name, percent-encoded."""
    return quote(PurePosixPath(str(name).replace("\\", "/")).name, safe="")


def _date(published: object) -> str:
    """`<time>` for the publication date, in Urdu month names; empty when absent."""
    if not published:
        return ""
    text = str(published)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return f"<span>{_e(text)}</span>"
    shown = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    return f'<time datetime="{_e(moment.isoformat())}">{shown}</time>'


def _meta(manifest: dict[str, Any]) -> str:
    """Publication date and duration."""
    items = []
    date = _date(manifest.get("published"))
    if date:
        items.append(f"تاریخ اشاعت: {date}")
    duration = _seconds(manifest.get("duration"))
    if duration:
        clock = f'<time datetime="{_iso_duration(duration)}">{_clock(duration)}</time>'
        items.append(f'دورانیہ: <span dir="ltr">{clock}</span>')
    return f'<p class="meta">{" · ".join(items)}</p>'


def _player(manifest: dict[str, Any], language: str) -> str:
    """The audio element with its captions track, and links to the episode's files."""
    files = manifest.get("files") or {}
    mp3 = _media_href(files.get("mp3") or f"{manifest.get('slug') or 'episode'}.mp3")
    track = _track(files, language)
    lines = [
        '<section aria-labelledby="listen-heading">',
        '<h2 id="listen-heading" class="visually-hidden">سنیے</h2>',
        '<audio id="player" controls preload="metadata">',
        f'<source src="{mp3}" type="audio/mpeg">',
        track,
        f'<a href="{mp3}">آڈیو (MP3) ڈاؤن لوڈ کریں</a>',
        "</audio>",
        f"<script>{_FILE_TRACK_SCRIPT}</script>" if track else "",
        _downloads(files),
        "</section>",
    ]
    return "\n".join(line for line in lines if line)


def _track(files: dict[str, Any], language: str) -> str:
    """The captions `<track>`, when the episode has a WebVTT file."""
    if not files.get("vtt"):
        return ""
    label = _LANGUAGE_NAMES.get(language, language)
    return (
        f'<track kind="captions" srclang="{_e(language)}" src="{_media_href(files["vtt"])}"'
        f' label="{_e(label)}" default>'
    )


def _downloads(files: dict[str, Any]) -> str:
    """Links to the MP3 and caption files."""
    names = (("mp3", "آڈیو (MP3)"), ("vtt", "ذیلی متن (WebVTT)"), ("srt", "ذیلی متن (SRT)"))
    links = [
        f'<li><a href="{_media_href(files[key])}" download>{label}</a></li>'
        for key, label in names
        if files.get(key)
    ]
    return f'<ul class="downloads">{"".join(links)}</ul>' if links else ""


def _groups(manifest: dict[str, Any]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each segment with its sentences in reading order; a segment without sentences stands as
    one sentence, and a sentence pointing at no known segment gets a segment of its own."""
    segments = [s for s in manifest.get("segments") or [] if isinstance(s, dict)]
    sentences = [s for s in manifest.get("sentences") or [] if isinstance(s, dict)]
    if not sentences:
        return [(segment, [segment]) for segment in segments]
    groups: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for sentence in sentences:
        index = sentence.get("segment")
        known = isinstance(index, int) and 0 <= index < len(segments)
        segment = segments[index] if known else {"kind": "narration", **sentence}
        if groups and groups[-1][0] is segment:
            groups[-1][1].append(sentence)
        else:
            groups.append((segment, [sentence]))
    return groups


def _speaker(segment: dict[str, Any], sentences: list[dict[str, Any]]) -> str:
    """Who speaks a segment: the quoted speaker, or the narrator."""
    if segment.get("kind") != "quote":
        return NARRATOR
    name = segment.get("speaker") or next((s["speaker"] for s in sentences if s.get("speaker")), "")
    return str(name) or UNKNOWN_SPEAKER


def _sentence(sentence: dict[str, Any]) -> str:
    """One sentence as a keyboard-operable control carrying its times."""
    start, end = _seconds(sentence.get("start")), _seconds(sentence.get("end"))
    return (
        f'<span class="sentence" role="button" tabindex="0" data-start="{start:.3f}"'
        f' data-end="{max(end, start):.3f}">{_e(sentence.get("text") or "")}</span>'
    )


def _paragraph(segment: dict[str, Any], sentences: list[dict[str, Any]]) -> str:
    """One segment: the speaker's label, then its sentences (a quote within quotation marks)."""
    kind = str(segment.get("kind") or "narration")
    body = " ".join(_sentence(s) for s in sentences)
    if kind == "quote":
        body = f"“{body}”"
    label = f'<span class="speaker">{_e(_speaker(segment, sentences))}:</span>'
    return f'<p class="segment segment-{_e(kind)}">{label} {body}</p>'


def _transcript(manifest: dict[str, Any]) -> str:
    """The transcript section, one paragraph per segment."""
    paragraphs = "\n".join(_paragraph(segment, group) for segment, group in _groups(manifest))
    return (
        '<section class="transcript" aria-labelledby="transcript-heading">\n'
        '<h2 id="transcript-heading" tabindex="-1">متن</h2>\n'
        '<p class="hint">کسی جملے پر کلک کریں یا اسے منتخب کر کے Enter دبائیں، آڈیو وہیں سے'
        " چلے گی۔</p>\n"
        f'<div id="transcript">\n{paragraphs}\n</div>\n'
        "</section>"
    )


def _footer(manifest: dict[str, Any], show: Show) -> str:
    """Credits: engine, the manifest's credit lines and the show's credit."""
    lines = []
    if manifest.get("engine"):
        lines.append(f"آواز: {manifest['engine']}")
    lines += [str(c) for c in manifest.get("credits") or [] if c]
    if show.credit:
        lines.append(show.credit)
    items = "".join(f"<li><bdi>{_e(line)}</bdi></li>" for line in lines)
    credits = f"<ul>{items}</ul>" if items else ""
    byline = show.name if show.author in {"", show.name} else f"{show.name} — {show.author}"
    return f"<footer>\n<p><bdi>{_e(byline)}</bdi></p>\n{credits}\n</footer>"
