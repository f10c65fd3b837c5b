"""The episode page: pure rendering checks, and a real headless Chromium playing a real MP3."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bulletin.model import Clip, Show
from bulletin.mp3 import encode_mp3
from bulletin.page import NARRATOR, render_page, write_page

SPEAKER = "قاسم جومارت توقایف"
SHOW = Show(name="اردو بلیٹن", author="ادارہ", credit="CC BY 4.0", base_url="https://example.org/")
CHROMIUM = Path(os.environ.get("BULLETIN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]
# (segment index, kind, speaker) and each sentence as (segment, text, start, end).
SEGMENTS = [
    (0, "title", None),
    (1, "dateline", None),
    (2, "narration", None),
    (3, "quote", SPEAKER),
]
SENTENCES = [
    (0, "آستانہ میں علاقائی اجلاس", 0.3, 1.9),
    (1, "آستانہ، نمائندہ خصوصی", 2.1, 3.3),
    (2, "اجلاس میں دس ممالک کے وفود شریک ہوئے۔", 3.5, 5.4),
    (2, "تجارت اور توانائی پر بات ہوئی۔", 5.6, 7.3),
    (3, "ہم تعاون جاری رکھیں گے۔", 7.6, 9.4),
    (3, "خطے کا مستقبل روشن ہے۔", 9.6, 11.4),
]


def make_manifest(title: str = "آستانہ میں علاقائی اجلاس") -> dict[str, Any]:
    """A small manifest shaped like the pipeline's: four segments, six sentences, one quote."""
    segments = []
    for index, kind, speaker in SEGMENTS:
        own = [s for s in SENTENCES if s[0] == index]
        text = " ".join(s[1] for s in own)
        segments.append(
            {"index": index, "kind": kind, "speaker": speaker, "voice": "narrator", "text": text,
             "spoken": text, "start": own[0][2], "end": own[-1][3], "start_char": 0, "end_char": 1}
        )  # fmt: skip
    sentences = [
        {
            "index": i,
            "segment": seg,
            "speaker": SEGMENTS[seg][2],
            "text": text,
            "start": a,
            "end": b,
        }
        for i, (seg, text, a, b) in enumerate(SENTENCES)
    ]
    return {
        "title": title,
        "slug": "x",
        "language": "ur",
        "description": "پہلا پیراگراف",
        "published": "2026-11-28T04:55:00+00:00",
        "duration": 12.0,
        "engine": "espeak",
        "credits": ["espeak-ng (GPL-3.0)"],
        "files": {"mp3": "x.mp3", "vtt": "x.vtt", "srt": "x.srt", "page": "x.html"},
        "segments": segments,
        "sentences": sentences,
    }


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class Outline(HTMLParser):
    """Every element with its attributes and the text inside it (nested text included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[Node] = []
        self.open: list[Node] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.nodes.append(node)
        if tag not in {"meta", "source", "track", "link", "br", "img", "input"}:
            self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        for node in self.open:
            node.text += data
        if self.open and self.open[-1].tag == "script":
            self.scripts.append(data)

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            n
            for n in self.nodes
            if (tag is None or n.tag == tag) and (cls is None or cls in n.attrs.get("class", ""))
        ]


def outline(page: str) -> Outline:
    parser = Outline()
    parser.feed(page)
    parser.close()
    return parser


def test_document_language_direction_and_head() -> None:
    page = render_page(make_manifest(), SHOW)
    assert page.startswith("<!DOCTYPE html>")
    doc = outline(page)
    (html,) = doc.find("html")
    assert html.attrs == {"lang": "ur", "dir": "rtl"}
    assert doc.find("meta")[0].attrs == {"charset": "utf-8"}
    assert any(m.attrs.get("name") == "viewport" for m in doc.find("meta"))
    assert doc.find("title")[0].text == "آستانہ میں علاقائی اجلاس — اردو بلیٹن"
    assert doc.find("h1")[0].text == "آستانہ میں علاقائی اجلاس"
    for tag in ("header", "main", "footer"):
        assert len(doc.find(tag)) == 1
    assert doc.find("a", "skip")[0].attrs["href"] == "#transcript-heading"
    assert "28 نومبر 2026" in page and 'datetime="PT0M12S"' in page
    assert "CC BY 4.0" in doc.find("footer")[0].text and "espeak" in doc.find("footer")[0].text


def test_audio_source_and_captions_track() -> None:
    doc = outline(render_page(make_manifest(), SHOW))
    (audio,) = doc.find("audio")
    assert audio.attrs == {"id": "player", "controls": "", "preload": "metadata"}
    assert doc.find("source")[0].attrs == {"src": "x.mp3", "type": "audio/mpeg"}
    assert doc.find("track")[0].attrs == {
        "kind": "captions",
        "srclang": "ur",
        "src": "x.vtt",
        "label": "اردو",
        "default": "",
    }
    manifest = make_manifest()
    del manifest["files"]["vtt"]
    assert not outline(render_page(manifest, SHOW)).find("track")


def test_every_sentence_is_an_operable_control_with_its_times() -> None:
    doc = outline(render_page(make_manifest(), SHOW))
    sentences = doc.find(cls="sentence")
    assert [n.text for n in sentences] == [s[1] for s in SENTENCES]
    for node, (_, _, start, end) in zip(sentences, SENTENCES, strict=True):
        assert float(node.attrs["data-start"]) == start
        assert float(node.attrs["data-end"]) == end
        assert node.attrs["role"] == "button" and node.attrs["tabindex"] == "0"
    assert len(doc.find("p", "segment")) == len(SEGMENTS)


def test_speaker_labels_for_quote_and_narration() -> None:
    doc = outline(render_page(make_manifest(), SHOW))
    labels = [n.text for n in doc.find("span", "speaker")]
    assert labels == [f"{NARRATOR}:"] * 3 + [f"{SPEAKER}:"]
    (quote,) = doc.find("p", "segment-quote")
    assert quote.text.startswith(f"{SPEAKER}: “") and quote.text.endswith("”")


def test_manifest_text_is_escaped_everywhere() -> None:
    evil = '</script><script>alert("x")</script> & <b>'
    manifest = make_manifest(title=evil)
    manifest["sentences"][4]["text"] = evil
    manifest["segments"][3]["speaker"] = '"><img src=x onerror=alert(1)>'
    manifest["files"]["mp3"] = 'x.mp3" onerror="alert(1)'
    manifest["credits"] = [evil]
    page = render_page(manifest, Show(name=evil, credit=evil))
    assert "<script>alert" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)" in page
    doc = outline(page)
    assert len(doc.find("script")) == 2  # the two constant scripts, nothing injected
    assert all("alert" not in script for script in doc.scripts)
    assert doc.find("h1")[0].text == evil  # shown verbatim once unescaped
    assert doc.find("source")[0].attrs["src"] == "x.mp3%22%20onerror%3D%22alert%281%29"
    assert not any(a.startswith("on") for n in doc.nodes for a in n.attrs)


def test_no_external_resources() -> None:
    manifest = make_manifest()
    manifest["files"]["mp3"] = "https://cdn.example.com/media/x.mp3"
    page = render_page(manifest, SHOW)
    doc = outline(page)
    links = [v for n in doc.nodes for k, v in n.attrs.items() if k in {"src", "href"}]
    assert links and all(re.fullmatch(r"#?[\w.%-]+", link) for link in links), links
    assert "x.mp3" in links and "example" not in page
    assert not re.search(r"@import|url\(|https?:|//cdn|<link", page)


def test_without_sentences_each_segment_is_one_sentence() -> None:
    manifest = make_manifest()
    del manifest["sentences"]
    doc = outline(render_page(manifest, SHOW))
    sentences = doc.find(cls="sentence")
    assert [float(n.attrs["data-start"]) for n in sentences] == [0.3, 2.1, 3.5, 7.6]


def test_write_page_is_atomic_and_readable(tmp_path: Path) -> None:
    path = tmp_path / "x.html"
    path.write_text("old", encoding="utf-8")
    write_page(make_manifest(), SHOW, path)
    assert path.read_text(encoding="utf-8") == render_page(make_manifest(), SHOW)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["x.html"]


# --- A real browser ---------------------------------------------------------------------------


@dataclass
class Opened:
    """A loaded episode page and the console errors seen so far."""

    page: Any
    errors: list[str]

    def js(self, expression: str, arg: object = None) -> Any:
        return self.page.evaluate(expression, arg)

    def current(self) -> list[int]:
        """Indices of the sentences marked as being spoken."""
        return self.js(
            "[...document.querySelectorAll('.sentence')].flatMap((e, i) =>"
            " e.getAttribute('aria-current') === 'true' || e.classList.contains('current')"
            " ? [i] : [])"
        )

    def wait_current(self, index: int) -> None:
        self.page.wait_for_function(
            "i => document.querySelectorAll('.sentence')[i].getAttribute('aria-current')"
            " === 'true'",
            arg=index,
            timeout=5000,
        )

    def play_from(self, seconds: float) -> None:
        """Seek and play from script, as playback would (no user input events)."""
        self.js("t => { player.currentTime = t; player.play(); }", seconds)

    def scroll_y(self) -> float:
        return self.js("scrollY")


@pytest.fixture(scope="module")
def episode_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder: a real 12-second MP3, a WebVTT file and the page."""
    folder = tmp_path_factory.mktemp("episode")
    t = np.arange(12 * 44100) / 44100
    tone = 0.2 * np.sin(2 * np.pi * 440 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t))
    encode_mp3(Clip(tone.astype(np.float32), 44100), folder / "x.mp3")
    cues = "".join(f"\n\n00:{a:06.3f} --> 00:{b:06.3f}\n{text}" for _, text, a, b in SENTENCES)
    (folder / "x.vtt").write_text(f"WEBVTT{cues}\n", encoding="utf-8")
    write_page(make_manifest(), SHOW, folder / "x.html")
    return folder


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Debian's Chromium, headless, with a fresh profile; skipped when it or playwright is
    missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
        )
        yield context
        context.close()


@pytest.fixture
def opened(browser_context: Any, episode_dir: Path) -> Iterator[Opened]:
    """The episode page opened from file://, its audio metadata loaded."""
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((episode_dir / "x.html").as_uri())
    page.wait_for_function("document.getElementById('player').readyState >= 1", timeout=10000)
    yield Opened(page, errors)
    page.close()


def test_browser_page_loads_audio(opened: Opened) -> None:
    assert opened.js("[document.documentElement.lang, document.documentElement.dir]") == [
        "ur",
        "rtl",
    ]
    assert opened.js("getComputedStyle(document.body).direction") == "rtl"
    assert abs(opened.js("document.getElementById('player').duration") - 12.0) < 0.1
    assert opened.current() == []
    assert opened.errors == []


def test_browser_seeking_highlights_only_the_sentence_spoken(opened: Opened) -> None:
    for index in (3, 0, 5, 2):
        _, _, start, end = SENTENCES[index]
        opened.js("t => { document.getElementById('player').currentTime = t; }", (start + end) / 2)
        opened.wait_current(index)
        assert opened.current() == [index]
    assert opened.errors == []


def test_browser_click_jumps_to_the_sentence_and_plays(opened: Opened) -> None:
    start = SENTENCES[4][2]
    opened.page.locator(".sentence").nth(4).click()
    opened.wait_current(4)
    opened.page.wait_for_function("!document.getElementById('player').paused", timeout=5000)
    time = opened.js("document.getElementById('player').currentTime")
    assert start - 0.05 <= time < SENTENCES[4][3]
    assert opened.current() == [4]
    opened.js("document.getElementById('player').pause()")
    assert opened.errors == []


def test_browser_keyboard_enter_and_space_seek(opened: Opened) -> None:
    opened.page.set_viewport_size({"width": 360, "height": 240})  # room to scroll
    for index, key in ((2, "Enter"), (3, " ")):
        sentence = opened.page.locator(".sentence").nth(index)
        sentence.focus()
        assert opened.js("document.activeElement.dataset.start") == f"{SENTENCES[index][2]:.3f}"
        scrolled = opened.scroll_y()
        opened.page.keyboard.press(key)
        opened.wait_current(index)
        time = opened.js("document.getElementById('player').currentTime")
        assert SENTENCES[index][2] - 0.05 <= time < SENTENCES[index][3]
        opened.page.wait_for_timeout(300)
        assert opened.scroll_y() == scrolled  # the key did not also scroll the page
    opened.js("player.pause()")
    assert opened.errors == []


def test_browser_speaker_labels_are_visible(opened: Opened) -> None:
    label = opened.page.locator(".segment-quote .speaker")
    assert label.is_visible() and label.inner_text() == f"{SPEAKER}:"
    assert opened.page.locator(".segment-narration .speaker").is_visible()
    assert opened.errors == []


def test_browser_highlight_follows_playback(opened: Opened) -> None:
    opened.play_from(SENTENCES[1][3] - 0.3)
    opened.wait_current(1)
    opened.wait_current(2)  # reached by playing, through `timeupdate`
    assert opened.current() == [2]
    opened.js("player.pause()")
    assert opened.errors == []


def test_browser_scrolls_to_the_spoken_sentence_unless_the_user_scrolled(opened: Opened) -> None:
    opened.page.set_viewport_size({"width": 360, "height": 240})
    opened.page.emulate_media(reduced_motion="no-preference")
    opened.play_from(SENTENCES[5][2] + 0.2)
    opened.wait_current(5)
    opened.page.wait_for_function("scrollY > 0", timeout=5000)  # followed the sentence
    opened.page.wait_for_timeout(1000)  # let the smooth scroll finish
    assert opened.js("document.querySelector('.current').getBoundingClientRect().bottom") <= 240
    opened.page.mouse.move(180, 120)
    opened.page.mouse.wheel(0, -100000)  # the user scrolls back to the top ...
    opened.page.wait_for_function("scrollY === 0", timeout=5000)
    opened.play_from(SENTENCES[4][2] + 0.2)
    opened.wait_current(4)
    opened.play_from(SENTENCES[5][2] + 0.2)
    opened.wait_current(5)
    opened.page.wait_for_timeout(500)
    assert opened.scroll_y() == 0  # ... and is left there
    opened.js("player.pause()")
    assert opened.errors == []


def test_browser_never_scrolls_when_reduced_motion_is_preferred(opened: Opened) -> None:
    opened.page.set_viewport_size({"width": 360, "height": 240})
    opened.page.emulate_media(reduced_motion="reduce")
    opened.play_from(SENTENCES[5][2] + 0.2)
    opened.wait_current(5)
    opened.page.wait_for_timeout(500)
    assert opened.scroll_y() == 0
    opened.js("player.pause()")
    assert opened.errors == []
