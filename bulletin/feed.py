"""Podcast RSS feed: add or update one episode from its manifest, writing the feed atomically.

The feed is RSS 2.0 with the iTunes namespace and the Podcasting 2.0 namespace. Tags and
attributes of the latter follow github.com/Podcastindex-org/podcast-namespace:
- docs/tags/transcript.md: `<podcast:transcript url type [language] [rel]>` in `<item>`,
  several allowed; types include `text/vtt` and `application/x-subrip`; rel="captions" marks
  a file with time codes (both of ours have them).
- docs/tags/chapters.md: one `<podcast:chapters url type>` per `<item>`, type
  `application/json+chapters`.

Existing feeds are parsed with ElementTree: items and elements this module does not manage are
kept. Namespaces other than the ones registered below are kept too, under generated prefixes.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

from bulletin import __version__
from bulletin.errors import BulletinError
from bulletin.export import atomic_path
from bulletin.model import Show

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
_PREFIXES = {
    "itunes": ITUNES_NS,
    "podcast": PODCAST_NS,
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "googleplay": "http://www.google.com/schemas/play-podcasts/1.0",
    "media": "http://search.yahoo.com/mrss/",
    "psc": "http://podlove.org/simple-chapters",
}
for _prefix, _uri in _PREFIXES.items():
    ET.register_namespace(_prefix, _uri)

TRANSCRIPT_TYPES = {"vtt": "text/vtt", "srt": "application/x-subrip"}
CHAPTERS_TYPE = "application/json+chapters"
_OPTIONAL_FILES = ("vtt", "srt", "chapters", "page", "cover")
# Characters XML 1.0 forbids (C0 controls other than tab/newline/CR, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _it(tag: str) -> str:
    return f"{{{ITUNES_NS}}}{tag}"


def _pc(tag: str) -> str:
    return f"{{{PODCAST_NS}}}{tag}"


# Item children this module writes; on update they are replaced, all others are kept.
_ITEM_TAGS = frozenset(
    {"title", "link", "description", "enclosure", "guid", "pubDate"}
    | {_it("duration"), _it("episodeType"), _it("image"), _pc("transcript"), _pc("chapters")}
)


@dataclass(frozen=True)
class FeedUpdate:
    """The outcome of `add_episode`."""

    path: Path
    guid: str
    added: bool  # False: an item with this guid was already there and has been updated
    items: int  # items in the feed after the update


@dataclass(frozen=True)
class _Episode:
    """What the feed needs from one manifest; `files` are URLs of the files present."""

    title: str
    guid: str
    description: str
    published: datetime
    duration: float | None
    mp3_url: str
    mp3_size: int
    files: dict[str, str]


def add_episode(manifest_path: Path, feed_path: Path, base_url: str, show: Show) -> FeedUpdate:
    """Add the manifest's episode to the feed (or update it if its guid is there) and save."""
    base = check_base_url(base_url)
    episode = _read_episode(Path(manifest_path), base, show)
    feed_path = Path(feed_path)
    root = _load_feed(feed_path) if feed_path.exists() else _new_feed()
    channel = root.find("channel")
    assert channel is not None  # checked by _load_feed
    _update_channel(channel, show, base)
    added = _put_item(channel, _item(episode))
    items = _sort_items(channel)
    _write_atomic(root, feed_path)
    return FeedUpdate(feed_path, episode.guid, added, items)


# --- URLs ---------------------------------------------------------------------------------


def check_base_url(base_url: str) -> str:
    """The base URL with exactly one trailing slash; BulletinError unless absolute http(s)."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BulletinError(f"base URL must start with http:// or https://: {base_url!r}")
    if parts.query or parts.fragment:
        raise BulletinError(f"base URL must not have a query or fragment: {base_url!r}")
    return parts.geturl().rstrip("/") + "/"


def file_url(base: str, name: str) -> str:
    """URL of a file named relative to the published folder, percent-encoded."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BulletinError(f"file name must be relative to the output folder: {name!r}")
    return base + quote(path.as_posix(), safe="/")


# --- the manifest -------------------------------------------------------------------------


def _read_episode(manifest_path: Path, base: str, show: Show) -> _Episode:
    """The feed's view of a manifest; BulletinError for anything missing or malformed."""
    data = _load_manifest(manifest_path)
    folder = manifest_path.parent
    files = data.get("files") if isinstance(data.get("files"), dict) else {}
    mp3 = files.get("mp3")
    if not isinstance(mp3, str) or not (folder / mp3).is_file():
        raise BulletinError(f"{manifest_path}: the episode's MP3 file is missing ({mp3 or 'none'})")
    present = {
        key: file_url(base, name)
        for key in _OPTIONAL_FILES
        if isinstance(name := files.get(key), str) and name and (folder / name).is_file()
    }
    return _Episode(
        title=_text_field(data, "title", manifest_path),
        guid=_text_field(data, "guid", manifest_path),
        description=_description(data, show),
        published=_published(data, manifest_path),
        duration=_duration(data),
        mp3_url=file_url(base, mp3),
        mp3_size=(folder / mp3).stat().st_size,
        files=present,
    )


def _load_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise BulletinError(f"{path}: cannot read manifest ({error.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BulletinError(f"{path}: not a valid JSON manifest ({error})") from None
    if not isinstance(data, dict):
        raise BulletinError(f"{path}: not a valid JSON manifest (expected an object)")
    return data


def _text_field(data: dict[str, Any], key: str, path: Path) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise BulletinError(f"{path}: manifest has no {key!r}")
    return value.strip()


def _description(data: dict[str, Any], show: Show) -> str:
    """The manifest description, then the show's and the manifest's credits, one a line."""
    credits = [show.credit, *(data.get("credits") or [])]
    lines = [str(data.get("description") or "").strip()]
    for credit in (str(credit).strip() for credit in credits):
        if credit and credit not in lines:
            lines.append(credit)
    return "\n".join(line for line in lines if line)


def _published(data: dict[str, Any], path: Path) -> datetime:
    """`published` as an aware datetime (naive ISO 8601 is taken as UTC)."""
    try:
        moment = datetime.fromisoformat(str(data["published"]))
    except (KeyError, ValueError):
        raise BulletinError(f"{path}: manifest has no valid ISO 8601 'published' time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _duration(data: dict[str, Any]) -> float | None:
    value = data.get("duration")
    return float(value) if isinstance(value, int | float) and value >= 0 else None


# --- building elements --------------------------------------------------------------------


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _sub(parent: ET.Element, tag: str, content: str | None = None, /, **attrib: str) -> ET.Element:
    """A new child with text `content` and attributes `attrib`."""
    element = ET.SubElement(parent, tag, {key: _clean(value) for key, value in attrib.items()})
    if content is not None:
        element.text = _clean(content)
    return element


def _set(parent: ET.Element, tag: str, content: str | None = None, /, **attrib: str) -> ET.Element:
    """Set the first `tag` child's text and attributes, creating it if absent."""
    element = parent.find(tag)
    if element is None:
        return _sub(parent, tag, content, **attrib)
    if content is not None:
        element.text = _clean(content)
    for key, value in attrib.items():
        element.set(key, _clean(value))
    return element


def _rfc2822(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def _new_feed() -> ET.Element:
    rss = ET.Element("rss", {"version": "2.0"})
    ET.SubElement(rss, "channel")
    return rss


def _update_channel(channel: ET.Element, show: Show, base: str) -> None:
    """Channel tags from the show; tags the show leaves unset are not removed."""
    _set(channel, "title", show.name)
    _set(channel, "link", base)
    _set(channel, "description", show.description)
    _set(channel, "language", show.language)
    _set(channel, "generator", f"bulletin {__version__}")
    _set(channel, "lastBuildDate", _rfc2822(datetime.now(UTC)))
    if show.cover:
        cover = file_url(base, Path(show.cover).name)
        image = _set(channel, "image")
        for tag, text in (("url", cover), ("title", show.name), ("link", base)):
            _set(image, tag, text)
        _set(channel, _it("image"), href=cover)
    _set(channel, _it("author"), show.author)
    _set(channel, _it("category"), text=show.category)
    _set(channel, _it("explicit"), "true" if show.explicit else "false")
    if show.email:
        owner = _set(channel, _it("owner"))
        _set(owner, _it("name"), show.author)
        _set(owner, _it("email"), show.email)


def _item(episode: _Episode) -> ET.Element:
    item = ET.Element("item")
    _sub(item, "title", episode.title)
    if "page" in episode.files:
        _sub(item, "link", episode.files["page"])
    _sub(item, "description", episode.description)
    length = str(episode.mp3_size)
    _sub(item, "enclosure", url=episode.mp3_url, length=length, type="audio/mpeg")
    _sub(item, "guid", episode.guid, isPermaLink="false")
    _sub(item, "pubDate", _rfc2822(episode.published))
    if episode.duration is not None:
        _sub(item, _it("duration"), str(round(episode.duration)))
    _sub(item, _it("episodeType"), "full")
    if "cover" in episode.files:
        _sub(item, _it("image"), href=episode.files["cover"])
    for key, mime in TRANSCRIPT_TYPES.items():
        if key in episode.files:
            url = episode.files[key]
            _sub(item, _pc("transcript"), url=url, type=mime, language="ur", rel="captions")
    if "chapters" in episode.files:
        _sub(item, _pc("chapters"), url=episode.files["chapters"], type=CHAPTERS_TYPE)
    return item


def _put_item(channel: ET.Element, item: ET.Element) -> bool:
    """Insert `item`, or replace the item with the same guid keeping its unknown children."""
    guid = item.findtext("guid")
    for index, old in enumerate(channel):
        if old.tag == "item" and (old.findtext("guid") or "").strip() == guid:
            item.extend(child for child in old if child.tag not in _ITEM_TAGS)
            channel[index] = item
            return False
    channel.append(item)
    return True


def _sort_items(channel: ET.Element) -> int:
    """Move the items after the other channel children, newest pubDate first; their count."""
    items = [child for child in channel if child.tag == "item"]
    for item in items:
        channel.remove(item)
    items.sort(key=_item_time, reverse=True)  # stable: undated items keep their order, last
    channel.extend(items)
    return len(items)


def _item_time(item: ET.Element) -> float:
    with contextlib.suppress(TypeError, ValueError, IndexError):
        moment = parsedate_to_datetime((item.findtext("pubDate") or "").strip())
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
    return float("-inf")


# --- reading and writing the file ---------------------------------------------------------


def _load_feed(path: Path) -> ET.Element:
    """The existing feed's root; BulletinError unless it is well-formed RSS with a channel."""
    try:
        root = ET.parse(io.BytesIO(path.read_bytes())).getroot()
    except OSError as error:
        raise BulletinError(f"{path}: cannot read feed ({error.strerror})") from None
    except ET.ParseError as error:
        raise BulletinError(f"{path}: not well-formed XML ({error}); not overwriting it") from None
    if root.tag != "rss" or root.find("channel") is None:
        raise BulletinError(f"{path}: not an RSS feed (no <rss><channel>); not overwriting it")
    return root


def serialize(root: ET.Element) -> bytes:
    """Pretty-printed UTF-8 XML with a declaration."""
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'.encode()


def _write_atomic(root: ET.Element, path: Path) -> None:
    """Write the feed atomically, never replacing it with something that does not parse."""
    data = serialize(root)
    ET.fromstring(data)
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
