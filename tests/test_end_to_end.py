"""The seed article through the real command line, checked with independent tools."""

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyloudnorm
import pytest
import soundfile
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from scipy import signal

from bulletin.urdu import word_texts

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tokayev-putin-moscow.txt"
TOKAYEV, PUTIN = "قاسم جومارت توقایف", "ولادیمیر پیوٹن"
BASE = "https://example.org/bulletin"


@pytest.fixture(scope="module")
def episode(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("out")
    feed = tmp_path_factory.mktemp("feed") / "feed.xml"
    command = ["generate", str(SEED), "-o", str(out), "--feed", str(feed), "--base-url", BASE]
    run = subprocess.run(
        [sys.executable, "-m", "bulletin", *command],
        capture_output=True,
        text=True,
        cwd=tmp_path_factory.mktemp("cwd"),  # must not depend on ./voices
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    mp3 = out / "tokayev-putin-moscow.mp3"
    audio, rate = soundfile.read(mp3, dtype="float64")
    return {
        "stdout": run.stdout,
        "mp3": mp3,
        "audio": audio,
        "rate": rate,
        "manifest": json.loads((out / "tokayev-putin-moscow.json").read_text("utf-8")),
        "files": sorted(p.name for p in out.iterdir()),
        "feed": feed,
    }


def test_only_the_episode_files_are_written(episode: dict) -> None:
    stem = "tokayev-putin-moscow"
    expected = [".chapters.json", ".html", ".json", ".mp3", ".srt", ".vtt"]
    assert episode["files"] == sorted(stem + suffix for suffix in expected)
    assert f"{stem}.mp3" in episode["stdout"]


def test_mp3_format(episode: dict) -> None:
    info = MP3(episode["mp3"]).info
    assert info.channels == 1 and info.sample_rate == 44100
    assert info.bitrate == 128000
    assert episode["audio"].ndim == 1 and episode["rate"] == 44100


def test_duration_is_plausible_for_the_text(episode: dict) -> None:
    duration = len(episode["audio"]) / episode["rate"]
    assert episode["manifest"]["duration"] == pytest.approx(duration, abs=0.06)
    words_per_minute = len(word_texts(SEED.read_text("utf-8"))) / (duration / 60)
    assert 90 < words_per_minute < 220


def test_loudness_and_true_peak_by_independent_meter(episode: dict) -> None:
    audio, rate = episode["audio"], episode["rate"]
    loudness = pyloudnorm.Meter(rate).integrated_loudness(audio)
    assert loudness == pytest.approx(-16.0, abs=0.5)
    oversampled = signal.resample_poly(audio, 4, 1)  # scipy's default filter, not our meter
    true_peak = 20 * np.log10(np.max(np.abs(oversampled)))
    assert true_peak <= -1.0


def test_quotes_are_attributed_and_three_voices_are_used(episode: dict) -> None:
    segments = episode["manifest"]["segments"]
    quotes = [s for s in segments if s["kind"] == "quote"]
    assert [q["speaker"] for q in quotes] == [TOKAYEV, PUTIN]
    narrator = {s["voice"] for s in segments if s["kind"] != "quote"}
    assert len(narrator) == 1
    assert len(narrator | {q["voice"] for q in quotes}) == 3


def test_timings_increase_and_match_the_audio(episode: dict) -> None:
    segments, rate, audio = episode["manifest"]["segments"], episode["rate"], episode["audio"]
    duration = len(audio) / rate
    previous_end = 0.0
    for segment in segments:
        assert previous_end <= segment["start"] < segment["end"] <= duration
        previous_end = segment["end"]
    # Every 10 ms frame with speech energy lies inside some segment (50 ms tolerance), and
    # every segment contains speech.
    frame = rate // 100
    energy = np.sqrt(np.mean(audio[: len(audio) // frame * frame].reshape(-1, frame) ** 2, axis=1))
    loud = np.flatnonzero(energy > 10 ** (-50 / 20))
    times = loud * 0.01
    inside = np.zeros(len(times), dtype=bool)
    for segment in segments:
        inside |= (times >= segment["start"] - 0.05) & (times + 0.01 <= segment["end"] + 0.05)
        in_segment = (times >= segment["start"]) & (times <= segment["end"])
        assert in_segment.any(), segment["text"]
    assert inside.all(), times[~inside][:10]


def test_tags(episode: dict) -> None:
    tags = ID3(episode["mp3"])
    assert tags.version[:2] == (2, 4)
    assert str(tags["TIT2"]) == episode["manifest"]["title"]
    assert str(tags["TPE1"]) == str(tags["TALB"]) == "Urdu Bulletin"
    assert str(tags["TLAN"]) == "urd" and str(tags["TCON"]) == "Podcast"
    assert str(tags["TDRC"])
    lyrics = tags.getall("USLT")[0]
    assert lyrics.lang == "urd" and TOKAYEV in lyrics.text and "مسٹر ولادیمیر پیوٹن" in lyrics.text


def test_every_word_in_exactly_one_segment(episode: dict) -> None:
    text = SEED.read_text("utf-8")
    segments = episode["manifest"]["segments"]
    assert [w for s in segments for w in word_texts(s["text"])] == word_texts(text)
    for segment in segments:
        assert text[segment["start_char"] : segment["end_char"]] == segment["text"]


def test_number_dense_article_is_spoken_and_produced(tmp_path: Path) -> None:
    article = ROOT / "tests" / "articles" / "budget-numbers.txt"
    run = subprocess.run(
        [sys.executable, "-m", "bulletin", "generate", str(article), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "warning" not in run.stderr
    audio, rate = soundfile.read(tmp_path / "budget-numbers.mp3")
    manifest = json.loads((tmp_path / "budget-numbers.json").read_text("utf-8"))
    assert len(audio) / rate == pytest.approx(manifest["duration"], abs=0.06)
    for segment in manifest["segments"]:
        assert not re.search(r"[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9]", segment["spoken"])
    # Numbers take time to say: the spoken text is much longer than the written one.
    written = sum(len(s["text"]) for s in manifest["segments"])
    spoken = sum(len(s["spoken"]) for s in manifest["segments"])
    assert spoken > written * 1.1


def loud_frames(audio: np.ndarray, rate: int) -> np.ndarray:
    """Times (s) of 10 ms frames with speech energy."""
    frame = rate // 100
    usable = audio[: len(audio) // frame * frame].reshape(-1, frame)
    return np.flatnonzero(np.sqrt(np.mean(usable**2, axis=1)) > 10 ** (-50 / 20)) * 0.01


def test_sentence_timings_match_the_audio_within_100_ms(episode: dict) -> None:
    sentences = episode["manifest"]["sentences"]
    times = loud_frames(episode["audio"], episode["rate"])
    assert len(sentences) >= 20
    for sentence in sentences:
        inside = times[(times >= sentence["start"] - 0.1) & (times <= sentence["end"] + 0.1)]
        assert len(inside), sentence["text"]
        assert inside[0] - sentence["start"] < 0.1  # speech starts when the cue does
        assert sentence["end"] - (inside[-1] + 0.01) < 0.1  # and ends when it ends
    for first, second in itertools.pairwise(sentences):
        gap = times[(times > first["end"] + 0.02) & (times < second["start"] - 0.02)]
        assert len(gap) == 0  # silence between cues


def test_transcripts_chapters_and_sylt(episode: dict) -> None:
    out = episode["mp3"].parent
    vtt = (out / "tokayev-putin-moscow.vtt").read_text("utf-8")
    cues = re.findall(r"(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n<v ([^>]+)>", vtt)
    sentences = episode["manifest"]["sentences"]
    assert len(cues) == len(sentences)
    assert {speaker for _, _, speaker in cues} == {"راوی", TOKAYEV, PUTIN}
    srt = (out / "tokayev-putin-moscow.srt").read_text("utf-8")
    assert srt.count(" --> ") == len(sentences)
    tags = ID3(episode["mp3"])
    chapters = tags.getall("CHAP")
    assert [c.start_time for c in chapters] == sorted(c.start_time for c in chapters)
    titles = [str(c.sub_frames["TIT2"]) for c in chapters]
    assert TOKAYEV in titles and PUTIN in titles
    sylt = tags.getall("SYLT")[0]
    assert len(sylt.text) == len(sentences)
    data = json.loads((out / "tokayev-putin-moscow.chapters.json").read_text("utf-8"))
    assert data["version"] == "1.2.0" and len(data["chapters"]) == len(chapters)
    page = (out / "tokayev-putin-moscow.html").read_text("utf-8")
    assert 'dir="rtl"' in page and 'lang="ur"' in page and TOKAYEV in page


def test_feed_from_generate_and_feed_add(episode: dict) -> None:
    feedparser = pytest.importorskip("feedparser")
    feed = episode["feed"]
    parsed = feedparser.parse(feed.read_bytes())
    assert not parsed.bozo and parsed.feed.language == "ur" and len(parsed.entries) == 1
    entry = parsed.entries[0]
    assert entry.title == episode["manifest"]["title"]
    enclosure = entry.enclosures[0]
    assert enclosure.href == f"{BASE}/tokayev-putin-moscow.mp3"
    assert int(enclosure.length) == episode["mp3"].stat().st_size
    manifest = episode["mp3"].with_suffix(".json")
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "bulletin",
            "feed",
            "add",
            str(manifest),
            "--feed",
            str(feed),
            "--base-url",
            BASE,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0, again.stderr
    assert "updated" in again.stdout
    assert len(feedparser.parse(feed.read_bytes()).entries) == 1  # updated, not duplicated
