import itertools
from pathlib import Path

import pytest

from bulletin.cast import assign_voices, load_cast, parse_cast, parse_voice, pool_voice
from bulletin.errors import BulletinError
from bulletin.model import Cast, Script, Segment, SegmentKind, Span

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


def pool_cast(*names: str, genders: dict[str, str] | None = None) -> Cast:
    voices = {
        name: parse_voice(name, {"gender": (genders or {}).get(name, "male")})
        for name in ("narr", "q", *names)
    }
    return parse_cast({"narrator": "narr", "quote": "q", "pool": list(names)}, voices, "c")


def test_pool_choice_is_stable_and_skips_taken_voices() -> None:
    cast = pool_cast("a", "b", "c", "d")
    first = pool_voice("ولادیمیر پیوٹن", cast, set())
    assert all(pool_voice("ولادیمیر پیوٹن", cast, set()) == first for _ in range(3))
    assert pool_voice("ولادیمیر پیوٹن", cast, {first}) != first
    assert pool_voice("x", pool_cast("a"), {"a"}) == "a"  # more speakers than voices: reuse
    names = [f"نام {i}" for i in range(40)]
    assert len({pool_voice(n, cast, set()) for n in names}) == 4  # the hash spreads


def test_pool_prefers_the_speakers_gender() -> None:
    cast = pool_cast("m1", "m2", "f1", genders={"f1": "female"})
    for name in ("زینب", "مریم نواز", "فاطمہ"):
        assert pool_voice(name, cast, set(), gender="female") == "f1"
    assert pool_voice("مریم", cast, {"f1"}, gender="female") in {"m1", "m2"}  # none left


def test_reused_voices_never_go_to_back_to_back_speakers() -> None:
    cast = pool_cast("a", "b")
    speakers = ["الف", "ب", "ج", "د", "ہ"]
    script = Script("t", [quote(name) for name in speakers])
    voiced = [s.voice for s in assign_voices(script, cast).segments]
    assert all(first != second for first, second in itertools.pairwise(voiced))


def test_gender_shown_in_the_article_picks_a_matching_pool_voice() -> None:
    cast = pool_cast("m1", "m2", "m3", "f1", genders={"f1": "female"})
    script = Script("t", [quote("ثنا میر")], genders={"ثنا میر": "female"})
    assert assign_voices(script, cast).segments[0].voice == "f1"


def test_overrides_map_a_name_to_a_voice() -> None:
    cast = pool_cast("a", "b")
    script = Script("t", [quote("الف"), quote(None)])
    voiced = assign_voices(script, cast, {"الف": "b"}).segments
    assert voiced[0].voice == "b"
    with pytest.raises(BulletinError, match="unknown voice 'zzz'"):
        assign_voices(script, cast, {"الف": "zzz"})


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


def test_mms_settings_are_typed_and_other_engines_kept() -> None:
    data = {"mms": {"length_scale": 1.1}, "future": {"x": 1}, "post": {"highpass_hz": 80}}
    voice = parse_voice("v", data)
    assert voice.mms.length_scale == 1.1 and voice.mms.noise_scale == 0.667
    assert voice.engines == {"future": {"x": 1}}
    assert voice.post.highpass_hz == 80
    with pytest.raises(BulletinError, match=r"\[mms\]: unknown setting 'pitch'"):
        parse_voice("v", {"mms": {"pitch": 3}})


def test_invalid_toml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "cast.toml").write_text("narrator = \n", "utf-8")
    with pytest.raises(BulletinError, match="invalid TOML"):
        load_cast(tmp_path)
