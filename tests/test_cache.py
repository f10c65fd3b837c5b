"""The clip cache: keys, storage, damage detection, and its use by synthesis (espeak-ng)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bulletin.article import parse_article
from bulletin.attribution import attribute
from bulletin.cache import ClipCache, clip_key, decode_clip, default_cache_dir, encode_clip
from bulletin.cast import assign_voices, load_cast
from bulletin.engines import load_engine
from bulletin.model import Clip, MmsSettings, VoiceProfile
from bulletin.normalize import normalize_script
from bulletin.script import build_script
from bulletin.synthesis import plan_utterances, synthesize_script

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """بارش سے نظام زندگی مفلوج
لاہور، نمائندہ خصوصی: شہر میں موسلا دھار بارش کے بعد کئی علاقے زیر آب آ گئے۔
میئر نے کہا کہ ’نکاسی آب کا کام رات بھر جاری رہے گا۔ شہری گھروں میں رہیں۔‘
محکمہ موسمیات کے مطابق بارش کا سلسلہ کل تک جاری رہے گا۔
"""


def _clip(seed: int = 0, n: int = 1000) -> Clip:
    rng = np.random.default_rng(seed)
    return Clip(rng.uniform(-0.5, 0.5, n).astype(np.float32), 22050)


def test_encoded_clip_round_trips_exactly() -> None:
    clip = _clip()
    back = decode_clip(encode_clip(clip))
    assert back is not None
    assert back.sample_rate == clip.sample_rate
    assert back.samples.tobytes() == clip.samples.tobytes()


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-1],  # truncated
        lambda b: b[:20],  # header cut
        lambda b: b"",  # empty file
        lambda b: b[:-4] + bytes([b[-4] ^ 1]) + b[-3:],  # one flipped bit in the samples
        lambda b: b"XXXXXXXX" + b[8:],  # not our format
        lambda b: b + b"\0\0\0\0",  # extra bytes
    ],
)
def test_damaged_entries_are_refused(damage) -> None:
    assert decode_clip(damage(encode_clip(_clip()))) is None


def test_key_covers_what_shapes_the_sound_and_nothing_else() -> None:
    voice = VoiceProfile("narrator", description="a", gender="female")
    key = clip_key("espeak-ng:1", voice, "سلام")
    assert key == clip_key("espeak-ng:1", replace(voice, name="other", description="b"), "سلام")
    assert key == clip_key("espeak-ng:1", replace(voice, gender="male"), "سلام")
    assert key != clip_key("espeak-ng:2", voice, "سلام")
    assert key != clip_key("espeak-ng:1", voice, "سلام!")
    assert key != clip_key("espeak-ng:1", replace(voice, mms=MmsSettings(length_scale=1.1)), "سلام")
    louder = replace(voice, post=replace(voice.post, gain_db=1.0))
    assert key != clip_key("espeak-ng:1", louder, "سلام")


def test_cache_folder_honours_xdg_and_its_own_variable(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "bulletin"
    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


def test_get_put_clear_and_damage(tmp_path) -> None:
    cache = ClipCache(tmp_path)
    key = "ab" + "0" * 62
    assert cache.get(key) is None and cache.misses == 1
    cache.put(key, _clip())
    assert cache.get(key) is not None and cache.hits == 1
    assert not [p for p in tmp_path.rglob(".tmp-*")]  # no temporary files left behind
    entry = next(p for p in tmp_path.rglob("*") if p.is_file())
    entry.write_bytes(entry.read_bytes()[:-2])
    assert cache.get(key) is None
    assert cache.damaged == [entry] and not entry.exists()  # deleted, to be synthesized again
    cache.put(key, _clip())
    assert cache.usage()[0] == 1
    assert cache.clear()[0] == 1 and cache.usage() == (0, 0)


def test_unwritable_cache_is_skipped(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    ClipCache(blocker).put("ab" + "1" * 62, _clip())  # no exception


class _CountingEngine:
    """The real espeak-ng engine, counting its calls."""

    def __init__(self) -> None:
        self.inner = load_engine("espeak")
        self.calls = 0
        self.name, self.identity, self.max_chars = "espeak", self.inner.identity, 300
        self.multiprocess, self.credit = False, self.inner.credit

    def speakable(self, char: str) -> bool:
        return self.inner.speakable(char)

    def check_voice(self, voice: VoiceProfile) -> None:
        self.inner.check_voice(voice)

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        self.calls += 1
        return self.inner.synthesize(text, voice)


def _script(text: str, engine):
    cast = load_cast(ROOT / "voices")
    article = parse_article(text, "rain.txt")
    script = assign_voices(attribute(build_script(article), article.text), cast)
    script, _ = normalize_script(script, engine.speakable)
    return script, cast


def test_rerun_synthesizes_only_what_changed(tmp_path) -> None:
    engine = _CountingEngine()
    cache = ClipCache(tmp_path)
    script, cast = _script(ARTICLE, engine)
    plan = plan_utterances(script, engine.max_chars)
    first = synthesize_script(script, plan, engine, cast, cache=cache)
    total = engine.calls
    assert total == sum(len(p) for p in plan) and cache.misses == total

    again = synthesize_script(script, plan, engine, cast, cache=cache)
    assert engine.calls == total  # nothing synthesized
    assert [c.samples.tobytes() for s in again for c in s] == [
        c.samples.tobytes() for s in first for c in s
    ]

    edited, _ = _script(ARTICLE.replace("کل تک", "پرسوں تک"), engine)
    synthesize_script(edited, plan_utterances(edited, 300), engine, cast, cache=cache)
    assert engine.calls == total + 1  # only the edited sentence


def test_parallel_workers_keep_order_and_content(tmp_path) -> None:
    engine = load_engine("espeak")
    text = ARTICLE + "\n".join(f"جملہ نمبر {n} یہاں پڑھا جا رہا ہے۔" for n in range(12)) + "\n"
    script, cast = _script(text, engine)
    plan = plan_utterances(script, engine.max_chars)
    assert sum(len(p) for p in plan) >= 16  # enough to start the worker processes
    serial = synthesize_script(script, plan, engine, cast, jobs=1)
    parallel = synthesize_script(script, plan, engine, cast, jobs=2)
    for one, other in zip(
        [c for s in serial for c in s], [c for s in parallel for c in s], strict=True
    ):
        # espeak-ng is not bit-exact from call to call (see its engine); same speech
        assert abs(len(one.samples) - len(other.samples)) <= 0.01 * len(one.samples)
