from pathlib import Path

import pytest

from bulletin.article import parse_article
from bulletin.export import atomic_path, manifest, slug_for, transcript, write_json
from bulletin.model import Placement, Script, Segment, SegmentKind, Span

TEXT = "سرخی یہاں ہے\nمتن کا پہلا پیراگراف۔\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("seeds/tokayev-putin-moscow.txt", "tokayev-putin-moscow"),
        ("/tmp/My Article (final).txt", "my-article-final"),
        ("news/Café_Élysée.txt", "cafe-elysee"),
    ],
)
def test_slug_from_ascii_file_name(source: str, expected: str) -> None:
    assert slug_for(parse_article(TEXT, source=source)) == expected


@pytest.mark.parametrize("source", ["خبریں/ماسکو.txt", "..", "/tmp/....txt", ""])
def test_slug_falls_back_to_title_hash(source: str) -> None:
    slug = slug_for(parse_article(TEXT, source=source))
    assert slug.startswith("bulletin-") and slug.isascii()
    assert "/" not in slug and ".." not in slug
    assert slug == slug_for(parse_article(TEXT, source=source))  # stable
    assert slug != slug_for(parse_article("دوسری سرخی\nمتن۔\n", source=source))


def test_atomic_path_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.mp3"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("interrupted")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_write_json_keeps_urdu_readable(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    write_json({"title": "سرخی"}, path)
    assert "سرخی" in path.read_text("utf-8")


def test_manifest_and_transcript() -> None:
    segments = [
        Segment(SegmentKind.TITLE, "سرخی", Span(0, 4), 0, voice="n"),
        Segment(SegmentKind.NARRATION, "انہوں نے کہا:", Span(5, 18), 1, voice="n"),
        Segment(SegmentKind.QUOTE, "ہم آئیں گے۔", Span(20, 31), 2, speaker="علی", voice="v"),
    ]
    script = Script("سرخی", segments)
    placements = [Placement(0.5, 1.0), Placement(2.2, 3.0), Placement(3.5, 5.25)]
    facts = {"slug": "x", "duration": 6.25, "engine": "espeak"}
    data = manifest(script, placements, [], facts)
    assert data["title"] == "سرخی" and data["engine"] == "espeak" and data["duration"] == 6.25
    assert data["sentences"] == []
    third = data["segments"][2]
    assert third == {
        "index": 2,
        "kind": "quote",
        "speaker": "علی",
        "voice": "v",
        "text": "ہم آئیں گے۔",
        "spoken": None,
        "start": 3.5,
        "end": 5.25,
        "start_char": 20,
        "end_char": 31,
    }
    assert transcript(script).splitlines() == ["سرخی", "انہوں نے کہا:", "علی: “ہم آئیں گے۔”"]
