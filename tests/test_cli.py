import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tokayev-putin-moscow.txt"


def bulletin(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bulletin", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_segment_json_schema() -> None:
    run = bulletin("segment", str(SEED), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert set(data) == {"title", "segments"}
    text = SEED.read_text("utf-8")
    for segment in data["segments"]:
        assert set(segment) == {
            "kind",
            "text",
            "speaker",
            "voice",
            "start_char",
            "end_char",
            "spoken",
        }
        assert text[segment["start_char"] : segment["end_char"]] == segment["text"]
        assert segment["spoken"]
    kinds = [s["kind"] for s in data["segments"]]
    assert kinds[:3] == ["title", "dateline", "narration"] and kinds.count("quote") == 2


def test_segment_text_shows_speaker_and_evidence() -> None:
    run = bulletin("segment", str(SEED))
    assert run.returncode == 0
    assert "قاسم جومارت توقایف [tokayev]" in run.stdout
    assert "ان کے مطابق" in run.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"   \n \n", "empty"),
        (b"\xc3\x28 bad", "not valid UTF-8"),
        (b"Only English here.", "no Urdu text"),
    ],
)
def test_bad_input_gives_one_line_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    for command in ("generate", "segment"):
        run = (
            bulletin(command, str(path), "-o", str(tmp_path / "out"))
            if command == "generate"
            else (bulletin(command, str(path)))
        )
        assert run.returncode != 0
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], run.stderr
        assert "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_directory_is_rejected(tmp_path: Path) -> None:
    run = bulletin("segment", str(tmp_path))
    assert run.returncode == 1 and "is a directory" in run.stderr


def test_unknown_engine(tmp_path: Path) -> None:
    run = bulletin("generate", str(SEED), "--engine", "nope", "-o", str(tmp_path))
    assert run.returncode == 1 and "unknown engine 'nope'" in run.stderr


def test_unknown_precision_is_one_line_even_with_espeak(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = bulletin(
        "generate", str(SEED), "--engine", "espeak", "--precision", "fp16", "-o", str(out)
    )
    assert run.returncode == 1 and "unknown precision 'fp16'" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and not out.exists()


def test_misspelt_variant_in_voices_folder(tmp_path: Path) -> None:
    voices = tmp_path / "voices"
    voices.mkdir()
    for source in (ROOT / "voices").glob("*.toml"):
        (voices / source.name).write_text(source.read_text("utf-8"), "utf-8")
    narrator = voices / "narrator.toml"
    narrator.write_text(narrator.read_text("utf-8").replace('"f2"', '"f22"'), "utf-8")
    run = bulletin("generate", str(SEED), "--voices", str(voices), "-o", str(tmp_path / "o"))
    assert run.returncode == 1 and "f22" in run.stderr and len(run.stderr.splitlines()) == 1
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_voices_list_and_preview(tmp_path: Path) -> None:
    run = bulletin("voices")
    assert run.returncode == 0
    assert "narrator" in run.stdout and "قاسم جومارت توقایف → tokayev" in run.stdout
    data = json.loads(bulletin("voices", "--json").stdout)
    assert data["narrator"] == "narrator" and "tokayev" in data["voices"]
    wav = tmp_path / "p.wav"
    run = bulletin("voices", "preview", "putin", "سب سے پہلے، شکریہ۔", "-o", str(wav))
    assert run.returncode == 0, run.stderr
    audio, rate = soundfile.read(wav)
    assert rate == 22050 and 0.3 < len(audio) / rate < 5
    run = bulletin("voices", "preview", "nobody", "متن")
    assert run.returncode == 1 and "unknown voice 'nobody'" in run.stderr


def test_help_everywhere() -> None:
    for args in ([], ["generate"], ["segment"], ["voices"], ["voices", "preview"]):
        run = bulletin(*args, "--help")
        assert run.returncode == 0 and "Usage" in run.stdout


NUMBERS = ROOT / "tests" / "articles" / "budget-numbers.txt"


def test_spoken_text_of_a_number_dense_article_is_all_urdu_words() -> None:
    run = bulletin("segment", str(NUMBERS), "--json", "--strict")
    assert run.returncode == 0, run.stderr
    for segment in json.loads(run.stdout)["segments"]:
        assert not re.search(r"[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9%$]", segment["spoken"])
    shown = bulletin("segment", str(NUMBERS), "--spoken").stdout
    assert "→ " in shown and "سترہ ہزار پانچ سو تہتر ارب روپے" in shown


def test_unspeakable_characters_warn_or_fail_with_strict(tmp_path: Path) -> None:
    article = tmp_path / "emoji.txt"
    article.write_text("سرخی\nآج موسم بہت اچھا ہے 🌞 اور سب خوش ہیں۔\n", "utf-8")
    run = bulletin("segment", str(article))
    assert run.returncode == 0
    assert "warning:" in run.stderr and "SUN WITH FACE" in run.stderr
    strict = bulletin("segment", str(article), "--strict")
    assert strict.returncode == 1
    assert len(strict.stderr.strip().splitlines()) == 1 and "SUN WITH FACE" in strict.stderr
    out = tmp_path / "out"
    strict = bulletin("generate", str(article), "--strict", "-o", str(out))
    assert strict.returncode == 1 and not (out.exists() and any(out.iterdir()))


def test_override_file_forces_speaker_and_voice(tmp_path: Path) -> None:
    article = tmp_path / "news.txt"
    article.write_text(SEED.read_text("utf-8"), "utf-8")
    (tmp_path / "news.cast.toml").write_text(
        '[[quote]]\nnumber = 2\nspeaker = "کوئی اور"\n\n[voices]\n"کوئی اور" = "pool-4"\n',
        "utf-8",
    )
    data = json.loads(bulletin("segment", str(article), "--json").stdout)
    quotes = [s for s in data["segments"] if s["kind"] == "quote"]
    assert [q["speaker"] for q in quotes] == ["قاسم جومارت توقایف", "کوئی اور"]
    assert quotes[1]["voice"] == "pool-4"
    other = tmp_path / "other.toml"
    other.write_text('[[quote]]\nnumber = 1\nspeaker = ""\n', "utf-8")
    data = json.loads(bulletin("segment", str(article), "--cast", str(other), "--json").stdout)
    first = next(s for s in data["segments"] if s["kind"] == "quote")
    assert first["speaker"] is None and first["voice"] == "quote"
    bad = tmp_path / "bad.toml"
    bad.write_text("[[quote]]\nnumber = 9\n", "utf-8")
    run = bulletin("segment", str(article), "--cast", str(bad))
    assert run.returncode == 1 and "quote 9" in run.stderr


def test_bad_cover_is_refused_before_any_work(tmp_path: Path) -> None:
    cover = tmp_path / "cover.gif"
    cover.write_bytes(b"GIF89a" + b"\0" * 20)
    out = tmp_path / "out"
    run = bulletin("generate", str(SEED), "--cover", str(cover), "-o", str(out))
    assert run.returncode == 1 and "JPEG or PNG" in run.stderr
    assert not out.exists()


def test_feed_needs_a_base_url(tmp_path: Path) -> None:
    run = bulletin("generate", str(SEED), "--feed", str(tmp_path / "f.xml"), "-o", str(tmp_path))
    assert run.returncode == 1 and "--base-url" in run.stderr
