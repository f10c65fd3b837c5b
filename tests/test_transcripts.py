import itertools
import json
import re
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3

from bulletin.errors import BulletinError
from bulletin.export import Tags, write_tags
from bulletin.model import Clip, Placement, Script, Segment, SegmentKind, Sentence, Span, Utterance
from bulletin.mp3 import encode_mp3
from bulletin.show import check_cover, load_show
from bulletin.transcripts import (
    RLM,
    Chapter,
    TimedSentence,
    chapters,
    chapters_json,
    srt,
    timed_sentences,
    webvtt,
)


def segment(kind: SegmentKind, text: str, paragraph: int, speaker: str | None = None) -> Segment:
    sentences = [Sentence(t, t) for t in text.split("|")]
    return Segment(
        kind, text.replace("|", " "), Span(0, 1), paragraph, speaker=speaker, sentences=sentences
    )


SCRIPT = Script(
    "سرخی",
    [
        segment(SegmentKind.TITLE, "سرخی", 0),
        segment(SegmentKind.DATELINE, "لاہور، نمائندہ", 1),
        segment(SegmentKind.NARRATION, "پہلا جملہ۔|دوسرا جملہ۔", 1),
        segment(SegmentKind.QUOTE, "ہم آئیں گے۔|ضرور۔", 2, speaker="علی رضا"),
        segment(SegmentKind.NARRATION, "آخری بات۔", 3),
    ],
)
PLAN = [
    [Utterance("سرخی", "sentence", 0)],
    [Utterance("لاہور", "sentence", 0)],
    [
        Utterance("پہلا", "clause", 0),
        Utterance("جملہ", "sentence", 0),
        Utterance("دوسرا", "sentence", 1),
    ],
    [Utterance("ہم", "sentence", 0), Utterance("ضرور", "sentence", 1)],
    [Utterance("آخری", "sentence", 0)],
]
PLACES = [
    [Placement(0.5, 1.5)],
    [Placement(2.7, 3.4)],
    [Placement(3.8, 4.5), Placement(4.65, 5.2), Placement(5.5, 6.6)],
    [Placement(7.5, 8.8), Placement(9.1, 9.9)],
    [Placement(10.8, 12.0)],
]
SEGMENT_PLACES = [Placement(p[0].start, p[-1].end) for p in PLACES]


def test_sentences_take_the_span_of_their_utterances() -> None:
    timed = timed_sentences(SCRIPT, PLAN, PLACES)
    assert [t.text for t in timed] == [
        "سرخی",
        "لاہور، نمائندہ",
        "پہلا جملہ۔",
        "دوسرا جملہ۔",
        "ہم آئیں گے۔",
        "ضرور۔",
        "آخری بات۔",
    ]
    assert (timed[2].start, timed[2].end) == (3.8, 5.2)  # two utterances, one sentence
    assert timed[4].speaker == "علی رضا" and timed[2].speaker is None
    assert [t.index for t in timed] == list(range(7))


def test_chapters_cover_the_episode_in_order() -> None:
    found = chapters(SCRIPT, SEGMENT_PLACES, 13.0)
    assert [c.title for c in found] == ["سرخی", "لاہور، نمائندہ", "علی رضا", "آخری بات۔"]
    assert found[0].start == 0.0 and found[-1].end == 13.0
    assert all(a.end == b.start for a, b in itertools.pairwise(found))
    data = chapters_json(found)
    assert data["version"] == "1.2.0" and data["chapters"][2]["startTime"] == 7.5


def test_webvtt_and_srt() -> None:
    timed = timed_sentences(SCRIPT, PLAN, PLACES)
    vtt = webvtt(timed)
    assert vtt.startswith("WEBVTT\n\n")
    assert "00:00:07.500 --> 00:00:08.800" in vtt
    assert f"<v علی رضا>{RLM}ہم آئیں گے۔" in vtt
    assert "<v راوی>" in vtt
    cues = [c for c in vtt.split("\n\n")[1:] if c.strip()]
    assert len(cues) == len(timed)
    subtitles = srt(timed)
    assert "5\n00:00:07,500 --> 00:00:08,800\n" in subtitles
    assert f"{RLM}علی رضا: ہم آئیں گے۔" in subtitles


def test_vtt_escapes_markup() -> None:
    vtt = webvtt([TimedSentence(0, 0, "A<b>", "x < y & z", 0.0, 1.0)])
    assert "<v A&lt;b&gt;>" in vtt and "x &lt; y &amp; z" in vtt


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = zlib.compress(b"".join(b"\0" + b"\x80" * (width * 3) for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def jpeg_header(width: int, height: int) -> bytes:
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0" + b"\0" * 9 + sof


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (png(1400, 1000), "square"),
        (png(600, 600), "1400–3000"),
        (jpeg_header(1200, 1200), "1400–3000"),
        (b"GIF89a....", "JPEG or PNG"),
        (b"\x89PNG\r\n\x1a\nbroken", "damaged"),
    ],
)
def test_bad_covers_say_what_is_wrong(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "cover.img"
    path.write_bytes(data)
    with pytest.raises(BulletinError, match=message):
        check_cover(path)


def test_good_covers(tmp_path: Path) -> None:
    (tmp_path / "c.png").write_bytes(png(1400, 1400))
    (tmp_path / "c.jpg").write_bytes(jpeg_header(3000, 3000))
    assert check_cover(tmp_path / "c.png").mime == "image/png"
    assert check_cover(tmp_path / "c.jpg").width == 3000


def test_show_file(tmp_path: Path) -> None:
    (tmp_path / "show.toml").write_text(
        'name = "خبرنامہ"\nauthor = "نیوز روم"\ncover = "art.png"\nbase_url = "https://e.org/b"\n',
        "utf-8",
    )
    show = load_show(tmp_path / "show.toml")
    assert show.name == "خبرنامہ" and show.cover == str(tmp_path / "art.png")
    (tmp_path / "bad.toml").write_text("colour = 1\n", "utf-8")
    with pytest.raises(BulletinError, match="unknown setting 'colour'"):
        load_show(tmp_path / "bad.toml")


def test_chapters_sylt_and_cover_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "e.mp3"
    encode_mp3(Clip(np.zeros(44100 * 13, np.float32), 44100), path)
    (tmp_path / "c.png").write_bytes(png(1400, 1400))
    timed = timed_sentences(SCRIPT, PLAN, PLACES)
    # Titles of very different lengths: mutagen alone would order the frames by size.
    found = [Chapter("ا" * n, i * 2.0, i * 2.0 + 2.0) for i, n in enumerate([40, 3, 90, 1, 20])]
    tags = Tags(
        "سرخی",
        "شو",
        "2026-11-28",
        "متن",
        chapters=tuple(found),
        sentences=tuple(timed),
        cover=check_cover(tmp_path / "c.png"),
    )
    write_tags(path, tags)
    id3 = ID3(path)
    assert id3.version[:2] == (2, 4)
    raw = path.read_bytes()
    # The CTOC lists chp000…chp004, then the CHAP frames follow in time order.
    order = [int(m.group(1)) for m in re.finditer(rb"chp(\d{3})", raw)]
    assert order == [*range(5), *range(5)]
    chaps = sorted(id3.getall("CHAP"), key=lambda f: f.start_time)
    assert [c.start_time for c in chaps] == [0, 2000, 4000, 6000, 8000]
    assert str(chaps[2].sub_frames["TIT2"]) == "ا" * 90
    toc = id3.getall("CTOC")[0]
    assert toc.child_element_ids == [f"chp{i:03d}" for i in range(5)]
    sylt = id3.getall("SYLT")[0]
    assert sylt.format == 2 and [t for t, _ in sylt.text][4] == "ہم آئیں گے۔"
    assert [ms for _, ms in sylt.text][4] == 7500
    assert id3.getall("APIC")[0].mime == "image/png"
    json.dumps(chapters_json(found), ensure_ascii=False)
