"""bulletin.feed: RSS building, round-trips through feedparser, updates and atomic writes."""

from __future__ import annotations

import calendar
import json
import os
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import numpy as np
import pytest

from bulletin import export, feed
from bulletin.errors import BulletinError
from bulletin.feed import CHAPTERS_TYPE, ITUNES_NS, PODCAST_NS, add_episode
from bulletin.model import Clip, Show

BASE = "https://example.org/urdu"
TITLE = "توکایف اور پوتن کی ماسکو میں ملاقات & < > \" ' ختم"
NS = {"itunes": ITUNES_NS, "podcast": PODCAST_NS}
SHOW = Show(
    name="اردو بلیٹن & خبریں",
    author="Urdu Bulletin",
    description="روزانہ خبریں، آواز میں۔",
    cover="art/cover.jpg",
    email="editor@example.org",
    credit="Text: Example News (CC BY 4.0)",
)


def make_episode(
    folder: Path,
    slug: str = "tokayev-putin-moscow",
    *,
    title: str = TITLE,
    published: str = "2026-11-28T04:55:00+00:00",
    mp3_size: int = 12345,
    optional: tuple[str, ...] = ("vtt", "srt", "chapters", "page", "cover"),
    **extra: Any,
) -> Path:
    """Write a manifest, a dummy MP3 of `mp3_size` bytes and the optional side files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.mp3").write_bytes(os.urandom(mp3_size))
    names = {
        "vtt": f"{slug}.vtt",
        "srt": f"{slug}.srt",
        "chapters": f"{slug}.chapters.json",
        "page": f"{slug}.html",
        "cover": f"{slug}.jpg",
    }
    for key in optional:
        (folder / names[key]).write_text("x", "utf-8")
    manifest = {
        "title": title,
        "slug": slug,
        "guid": f"urn:uuid:{slug}",
        "language": "ur",
        "description": "پہلا پیراگراف: قازقستان کے صدر ماسکو پہنچ گئے۔",
        "published": published,
        "duration": 193.6,
        "engine": "espeak",
        "credits": ["Voices: espeak-ng (GPL-3.0)"],
        "files": {"mp3": f"{slug}.mp3", **names},
        "segments": [],
        "sentences": [],
    } | extra
    path = folder / f"{slug}.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return path


def items(feed_path: Path) -> list[ET.Element]:
    return ET.parse(feed_path).getroot().findall("channel/item")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


def test_channel_round_trips_through_feedparser(out: Path) -> None:
    result = add_episode(make_episode(out), out / "feed.xml", BASE, SHOW)
    parsed = feedparser.parse(out / "feed.xml")
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    channel = parsed.feed
    assert channel.title == SHOW.name
    assert channel.link == BASE + "/"
    assert channel.subtitle == SHOW.description
    assert channel.language == "ur"
    assert channel.author == "Urdu Bulletin"
    assert channel.image.href == BASE + "/cover.jpg"
    assert [tag.term for tag in channel.tags] == ["News"]
    assert not channel.itunes_explicit  # feedparser maps only "yes" to True; we write "false"
    assert channel.publisher_detail.email == "editor@example.org"
    assert channel.generator.startswith("bulletin ")
    assert channel.updated_parsed is not None
    assert result == feed.FeedUpdate(out / "feed.xml", "urn:uuid:tokayev-putin-moscow", True, 1)


def test_item_round_trips_through_feedparser(out: Path) -> None:
    add_episode(make_episode(out), out / "feed.xml", BASE, SHOW)
    (entry,) = feedparser.parse(out / "feed.xml").entries
    assert entry.title == TITLE
    assert entry.id == "urn:uuid:tokayev-putin-moscow"
    assert entry.guidislink is False
    assert entry.link == BASE + "/tokayev-putin-moscow.html"
    assert entry.description.startswith("پہلا پیراگراف")
    assert "Text: Example News (CC BY 4.0)" in entry.description
    assert "Voices: espeak-ng (GPL-3.0)" in entry.description
    (enclosure,) = entry.enclosures
    assert enclosure.href == BASE + "/tokayev-putin-moscow.mp3"
    assert enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == os.path.getsize(out / "tokayev-putin-moscow.mp3") == 12345
    expected = datetime(2026, 11, 28, 4, 55, tzinfo=UTC).timestamp()
    assert calendar.timegm(entry.published_parsed) == expected
    assert entry.itunes_duration == "194"
    assert entry.itunes_episodetype == "full"
    assert entry.image.href == BASE + "/tokayev-putin-moscow.jpg"


def test_podcast_namespace_tags(out: Path) -> None:
    add_episode(make_episode(out), out / "feed.xml", BASE, SHOW)
    raw = (out / "feed.xml").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<rss')
    assert TITLE.split()[0].encode() in raw  # Urdu written as UTF-8, not character references
    assert f'xmlns:podcast="{PODCAST_NS}"'.encode() in raw
    assert f'xmlns:itunes="{ITUNES_NS}"'.encode() in raw
    (item,) = items(out / "feed.xml")
    assert item.findtext("title") == TITLE
    transcripts = {t.get("type"): t.attrib for t in item.findall("podcast:transcript", NS)}
    assert transcripts["text/vtt"]["url"] == BASE + "/tokayev-putin-moscow.vtt"
    assert transcripts["application/x-subrip"]["url"] == BASE + "/tokayev-putin-moscow.srt"
    assert {t["language"] for t in transcripts.values()} == {"ur"}
    chapters = item.find("podcast:chapters", NS)
    assert chapters is not None
    assert chapters.attrib == {
        "url": BASE + "/tokayev-putin-moscow.chapters.json",
        "type": CHAPTERS_TYPE,
    }
    assert item.find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]
    enclosure = item.find("enclosure")
    assert enclosure is not None
    assert enclosure.get("length") == str(os.path.getsize(out / "tokayev-putin-moscow.mp3"))
    channel = ET.parse(out / "feed.xml").getroot().find("channel")
    assert channel is not None
    assert channel.find("itunes:category", NS).get("text") == "News"  # type: ignore[union-attr]
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("image/url") == BASE + "/cover.jpg"
    assert channel.findtext("image/link") == BASE + "/"


def test_real_mp3_length(out: Path) -> None:
    from bulletin.mp3 import encode_mp3

    manifest = make_episode(out, mp3_size=0)
    tone = 0.1 * np.sin(np.arange(22050) * 2 * np.pi * 440 / 44100)
    encode_mp3(Clip(tone.astype(np.float32), 44100), out / "tokayev-putin-moscow.mp3")
    add_episode(manifest, out / "feed.xml", BASE, SHOW)
    (item,) = items(out / "feed.xml")
    size = os.path.getsize(out / "tokayev-putin-moscow.mp3")
    assert size > 0
    assert item.find("enclosure").get("length") == str(size)  # type: ignore[union-attr]


def test_optional_files_absent_or_missing_on_disk(out: Path) -> None:
    manifest = make_episode(out, optional=("vtt",))  # others are named but not on disk
    data = json.loads(manifest.read_text("utf-8"))
    del data["files"]["srt"], data["duration"]
    manifest.write_text(json.dumps(data), "utf-8")
    add_episode(manifest, out / "feed.xml", BASE, Show())
    (item,) = items(out / "feed.xml")
    assert [t.get("type") for t in item.findall("podcast:transcript", NS)] == ["text/vtt"]
    for tag in ("podcast:chapters", "itunes:image", "itunes:duration"):
        assert item.find(tag, NS) is None
    assert item.find("link") is None
    assert item.findtext("description") == "پہلا پیراگراف: قازقستان کے صدر ماسکو پہنچ گئے۔\n" + (
        "Voices: espeak-ng (GPL-3.0)"
    )
    channel = ET.parse(out / "feed.xml").getroot().find("channel")
    assert channel is not None
    for tag in ("image", "itunes:image", "itunes:owner"):
        assert channel.find(tag, NS) is None


def test_missing_mp3_is_an_error(out: Path) -> None:
    manifest = make_episode(out)
    (out / "tokayev-putin-moscow.mp3").unlink()
    with pytest.raises(BulletinError, match="MP3"):
        add_episode(manifest, out / "feed.xml", BASE, SHOW)
    assert not (out / "feed.xml").exists()


def test_same_episode_twice_updates_in_place(out: Path) -> None:
    manifest = make_episode(out)
    add_episode(manifest, out / "feed.xml", BASE, SHOW)
    make_episode(out, title="نئی سرخی", mp3_size=999, duration=61.2)
    result = add_episode(manifest, out / "feed.xml", BASE, SHOW)
    assert (result.added, result.items) == (False, 1)
    entries = feedparser.parse(out / "feed.xml").entries
    assert [(e.id, e.title, e.itunes_duration) for e in entries] == [
        ("urn:uuid:tokayev-putin-moscow", "نئی سرخی", "61")
    ]
    assert entries[0].enclosures[0].length == "999"
    (item,) = items(out / "feed.xml")
    assert len(item.findall("podcast:transcript", NS)) == 2  # replaced, not duplicated


def test_items_newest_first(out: Path) -> None:
    older = make_episode(out, "older", published="2026-11-27T09:00:00+05:00")
    newer = make_episode(out, "newer", published="2026-11-28T01:00:00+00:00")
    newest = make_episode(out, "newest", published="2026-11-28T09:00:00+05:00")
    add_episode(newer, out / "feed.xml", BASE, SHOW)
    result = add_episode(older, out / "feed.xml", BASE, SHOW)
    assert (result.added, result.items) == (True, 2)
    add_episode(newest, out / "feed.xml", BASE, SHOW)
    ids = [e.id for e in feedparser.parse(out / "feed.xml").entries]
    assert ids == ["urn:uuid:newest", "urn:uuid:newer", "urn:uuid:older"]
    dates = [item.findtext("pubDate") for item in items(out / "feed.xml")]
    assert dates[0] == "Sat, 28 Nov 2026 04:00:00 GMT"


EXISTING = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:x="urn:example:x">
  <channel>
    <title>Old name</title>
    <atom:link href="https://example.org/urdu/feed.xml" rel="self" type="application/rss+xml"/>
    <x:custom a="1">kept &amp; well</x:custom>
    <copyright>© 2026</copyright>
    <item>
      <title>Hand-made</title>
      <guid isPermaLink="false">urn:uuid:hand</guid>
      <pubDate>Mon, 01 Jun 2026 10:00:00 +0000</pubDate>
      <x:note>keep me</x:note>
    </item>
  </channel>
</rss>
"""


def test_existing_items_and_unknown_elements_are_kept(out: Path) -> None:
    out.mkdir()
    (out / "feed.xml").write_text(EXISTING, "utf-8")
    result = add_episode(make_episode(out), out / "feed.xml", BASE, SHOW)
    assert (result.added, result.items) == (True, 2)
    root = ET.parse(out / "feed.xml").getroot()
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("title") == SHOW.name
    assert channel.findtext("copyright") == "© 2026"
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("rel") == "self"  # type: ignore[union-attr]
    custom = channel.find("{urn:example:x}custom")
    assert custom is not None
    assert (custom.text, custom.get("a")) == ("kept & well", "1")
    hand = channel.findall("item")[1]
    assert hand.findtext("{urn:example:x}note") == "keep me"
    # Updating the hand-made item keeps its unknown child.
    make_episode(out, "hand", published="2026-06-01T10:00:00+00:00", guid="urn:uuid:hand")
    add_episode(out / "hand.json", out / "feed.xml", BASE, SHOW)
    (hand,) = [i for i in items(out / "feed.xml") if i.findtext("guid") == "urn:uuid:hand"]
    assert hand.findtext("title") == TITLE
    assert hand.findtext("{urn:example:x}note") == "keep me"
    assert not feedparser.parse(out / "feed.xml").bozo


class _InterruptedError(RuntimeError):
    pass


def _partial_writer(real_write: Any) -> Any:
    """A Path.write_bytes that writes half the data and then fails."""

    def write(self: Path, data: bytes) -> int:
        real_write(self, data[: len(data) // 2])
        raise _InterruptedError("interrupted")

    return write


@pytest.mark.parametrize("failure", ["fsync", "partial", "replace"])
def test_interrupted_write_keeps_old_feed(
    out: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    add_episode(make_episode(out), out / "feed.xml", BASE, SHOW)
    before = (out / "feed.xml").read_bytes()
    second = make_episode(out, "second", published="2026-11-29T00:00:00+00:00")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failure == "partial":
        monkeypatch.setattr(Path, "write_bytes", _partial_writer(Path.write_bytes))
    else:
        monkeypatch.setattr(export.os, failure, fail)
    with pytest.raises((BulletinError, _InterruptedError)):
        add_episode(second, out / "feed.xml", BASE, SHOW)
    monkeypatch.undo()
    assert (out / "feed.xml").read_bytes() == before
    assert len(feedparser.parse(out / "feed.xml").entries) == 1
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not xml at all",
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>cut',
        b"<html><body><p>hello</p></body></html>",
        b'<rss version="2.0"></rss>',
    ],
)
def test_non_feed_file_is_refused_and_untouched(out: Path, content: bytes) -> None:
    manifest = make_episode(out)
    (out / "feed.xml").write_bytes(content)
    with pytest.raises(BulletinError, match="not overwriting") as caught:
        add_episode(manifest, out / "feed.xml", BASE, SHOW)
    assert "\n" not in str(caught.value)
    assert (out / "feed.xml").read_bytes() == content


@pytest.mark.parametrize(
    "url", ["", "example.org/urdu", "ftp://example.org/", "https://", "https://x.org/?a=1"]
)
def test_bad_base_url(out: Path, url: str) -> None:
    with pytest.raises(BulletinError, match="base URL"):
        add_episode(make_episode(out), out / "feed.xml", url, SHOW)
    assert not (out / "feed.xml").exists()


@pytest.mark.parametrize("url", ["https://example.org/urdu", "https://example.org/urdu/"])
def test_urls_are_joined_and_quoted(out: Path, url: str) -> None:
    add_episode(make_episode(out, "خبر 1 #a"), out / "feed.xml", url, SHOW)
    (item,) = items(out / "feed.xml")
    enclosure = item.find("enclosure")
    assert enclosure is not None
    assert enclosure.get("url") == ("https://example.org/urdu/%D8%AE%D8%A8%D8%B1%201%20%23a.mp3")


def test_bad_manifest(out: Path) -> None:
    out.mkdir()
    (out / "x.json").write_text("{broken", "utf-8")
    with pytest.raises(BulletinError, match="not a valid JSON manifest"):
        add_episode(out / "x.json", out / "feed.xml", BASE, SHOW)
    manifest = make_episode(out, published="yesterday")
    with pytest.raises(BulletinError, match="published"):
        add_episode(manifest, out / "feed.xml", BASE, SHOW)
    manifest = make_episode(out, guid="")
    with pytest.raises(BulletinError, match="guid"):
        add_episode(manifest, out / "feed.xml", BASE, SHOW)
