from pathlib import Path

import pytest

from bulletin.cast import assign_voices, load_cast, parse_cast, parse_voice, pool_voice
from bulletin.errors import BulletinError
from bulletin.model import Script, Segment, SegmentKind, Span

REPO_VOICES = Path(__file__).resolve().parent.parent / "voices"


def make_voices(*names: str) -> dict:
    return {name: parse_voice(name, {"espeak": {"variant": "m1"}}) for name in names}


def quote(speaker: str | None) -> Segment:
    return Segment(SegmentKind.QUOTE, "متن", Span(0, 1), 1, speaker=speaker)


def narration() -> Segment:
    return Segment(SegmentKind.NARRATION, "متن", Span(0, 1), 1)


def test_repo_cast_loads_and_gives_the_presidents_distinct_voices() -> None:
    cast = load_cast(REPO_VOICES)
    tokayev = next(m for m in cast.members if m.name == "قاسم جومارت توقایف")
    putin = next(m for m in cast.members if m.name == "ولادیمیر پیوٹن")
    assert len({tokayev.voice, putin.voice, cast.narrator, cast.quote}) == 4
    assert len(set(cast.pool)) == len(cast.pool) >= 4


def test_voices_are_assigned_by_cast_alias_pool_and_default() -> None:
    voices = make_voices("narr", "q", "known", "p1", "p2", "p3")
    cast = parse_cast(
        {
            "narrator": "narr",
            "quote": "q",
            "pool": ["p1", "p2", "p3"],
            "speaker": [{"name": "علی رضا", "aliases": ["رضا"], "voice": "known"}],
        },
        voices,
        "cast.toml",
    )
    script = Script(
        "t", [narration(), quote("رضا"), quote("احمد کمال"), quote("زینب"), quote(None)]
    )
    voiced = [s.voice for s in assign_voices(script, cast).segments]
    assert voiced[0] == "narr"
    assert voiced[1] == "known"
    assert voiced[2] in {"p1", "p2", "p3"} and voiced[3] in {"p1", "p2", "p3"}
    assert voiced[2] != voiced[3]
    assert voiced[4] == "q"


def test_pool_choice_is_stable_and_skips_taken_voices() -> None:
    pool = ("a", "b", "c", "d")
    first = pool_voice("ولادیمیر پیوٹن", pool, set())
    assert all(pool_voice("ولادیمیر پیوٹن", pool, set()) == first for _ in range(3))
    assert pool_voice("ولادیمیر پیوٹن", pool, {first}) != first
    assert pool_voice("x", ("a",), {"a"}) == "a"  # more speakers than voices: reuse
    names = [f"نام {i}" for i in range(40)]
    assert len({pool_voice(n, pool, set()) for n in names}) == len(pool)  # hash spreads


@pytest.mark.parametrize(
    ("cast_data", "message"),
    [
        ({"narrator": "nope", "pool": ["a"]}, "narrator names unknown voice 'nope'"),
        ({"narrator": "a", "pool": []}, "pool needs at least one voice"),
        ({"narrator": "a", "pool": ["a"], "speaker": [{"voice": "a"}]}, "needs a name"),
    ],
)
def test_bad_cast_is_reported(cast_data: dict, message: str) -> None:
    with pytest.raises(BulletinError, match=message):
        parse_cast(cast_data, make_voices("a"), "cast.toml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"espeak": {"rate": "fast"}}, "rate = 'fast' has the wrong type"),
        ({"espeak": {"speed": 100}}, "unknown setting 'speed'"),
        ({"post": {"gain_db": True}}, "wrong type"),
        ({"colour": "blue"}, "unknown setting 'colour'"),
    ],
)
def test_bad_voice_profile_is_reported(data: dict, message: str) -> None:
    with pytest.raises(BulletinError, match=message):
        parse_voice("v", data, "v.toml")


def test_other_engine_settings_are_kept() -> None:
    voice = parse_voice("v", {"mms": {"length_scale": 1.1}, "post": {"highpass_hz": 80}})
    assert voice.engines == {"mms": {"length_scale": 1.1}}
    assert voice.post.highpass_hz == 80


def test_invalid_toml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "cast.toml").write_text("narrator = \n", "utf-8")
    with pytest.raises(BulletinError, match="invalid TOML"):
        load_cast(tmp_path)
