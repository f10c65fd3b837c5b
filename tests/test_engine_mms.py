"""The neural engine, end to end, on a full-size random MMS checkpoint (no network).

The model folder is written by `mms_checkpoint.write_random_mms_model` in the on-disk
layout of Meta's real tarball and loaded by the same Coqui call that loads the real one.
Random weights do not make speech, but they have the real model's size and compute cost,
and they exercise loading, tokenization, seeding, VITS controls and the whole pipeline.

These tests need the `neural` extra. Without it they are skipped, unless
BULLETIN_REQUIRE_NEURAL=1 (set by CI), which turns the skip into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bulletin.engines.mms import neural_available

if not neural_available():
    if os.environ.get("BULLETIN_REQUIRE_NEURAL") == "1":
        raise RuntimeError("BULLETIN_REQUIRE_NEURAL=1 but the neural extra is not installed")
    pytest.skip("the neural extra is not installed", allow_module_level=True)

import torch
from mms_checkpoint import VOCAB, write_random_mms_model

from bulletin.article import parse_article
from bulletin.cast import load_cast
from bulletin.engines import VoiceShapingEngine, choose_engine
from bulletin.engines.mms import MmsEngine, native_bf16, resolve_precision
from bulletin.errors import BulletinError
from bulletin.model import MmsSettings, VoiceProfile
from bulletin.pipeline import Resources, prepare
from bulletin.synthesis import plan_utterances, speak, synthesize_script

ROOT = Path(__file__).resolve().parent.parent
FOLDER_NAME = "tts_models--urd-script_arabic--fairseq--vits"
ARTICLE = """صدور کی ملاقات
ماسکو، ویب ڈیسک: روس اور قازقستان کے صدور نے ماسکو میں ملاقات کی۔
صدر قاسم جومارت توقایف نے کہا کہ ’ہم تعاون بڑھائیں گے۔‘
صدر ولادیمیر پیوٹن نے کہا کہ ’تجارت میں اضافہ ہوا ہے۔‘
"""
PLAIN = VoiceProfile("plain", mms=MmsSettings())


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_random_mms_model(tmp_path_factory.mktemp("models") / FOLDER_NAME)


@pytest.fixture(scope="session")
def engine(model_dir: Path) -> MmsEngine:
    engine = MmsEngine(model_dir)
    engine.load()
    return engine


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "meeting.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def _bulletin(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "bulletin", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)


def test_fixture_has_the_real_tarball_layout(model_dir: Path) -> None:
    assert sorted(p.name for p in model_dir.iterdir()) == [
        "G_100000.pth",
        "config.json",
        "vocab.txt",
    ]
    checkpoint = torch.load(model_dir / "G_100000.pth", weights_only=True)
    names = checkpoint["model"].keys()
    assert {name.split(".")[0] for name in names} == {"enc_p", "dec", "enc_q", "flow", "dp"}
    assert "dec.ups.0.weight_g" in names and "flow.flows.6.pre.weight" in names
    assert "dp.flows.7.pre.weight" in names and "dp.flows.0.m" in names
    parameters = sum(t.numel() for t in checkpoint["model"].values())
    assert 35e6 < parameters < 38e6  # the full-size MMS VITS generator
    assert json.loads((model_dir / "config.json").read_text())["data"]["sampling_rate"] == 16000


def test_coqui_loads_it_and_the_engine_speaks(engine: MmsEngine) -> None:
    assert type(engine._model).__module__ == "TTS.tts.models.vits"
    clip = engine.synthesize("یہ ایک جملہ ہے۔", PLAIN)
    assert clip.sample_rate == 16000
    assert len(clip.samples) > 1600 and np.isfinite(clip.samples).all()
    assert engine.identity.startswith("mms:")


def test_same_input_same_samples_even_from_a_fresh_load(engine, model_dir) -> None:
    text = "کراچی میں بارش ہوئی"
    first = engine.synthesize(text, PLAIN).samples
    engine.synthesize("کچھ اور بھی", PLAIN)  # the generator state in between does not matter
    assert engine.synthesize(text, PLAIN).samples.tobytes() == first.tobytes()
    other = MmsEngine(model_dir)
    assert other.synthesize(text, PLAIN).samples.tobytes() == first.tobytes()
    noisier = replace(PLAIN, mms=MmsSettings(noise_scale=0.9))
    assert engine.synthesize(text, noisier).samples.tobytes() != first.tobytes()


def test_precision_is_chosen_from_the_cpu_unless_named() -> None:
    assert resolve_precision("fp32") == "fp32"
    assert resolve_precision("bf16") == "bf16"
    assert resolve_precision("auto") == ("bf16" if native_bf16() else "fp32")
    with pytest.raises(BulletinError, match="unknown precision 'fp16'"):
        resolve_precision("fp16")


def test_bfloat16_decoder_keeps_durations_and_stays_close_to_float32(engine, model_dir) -> None:
    """The bf16 decoder changes the waveform by far less than MP3 coding does (SNR well
    over 30 dB), never the durations; and it has its own cache identity."""
    exact = MmsEngine(model_dir, precision="fp32")
    halved = MmsEngine(model_dir, precision="bf16")
    assert exact.identity != halved.identity
    assert ":bf16:" in halved.identity and ":fp32:" in exact.identity
    text = "اسلام آباد میں وفاقی کابینہ کا اجلاس ہوا اور اہم فیصلے کیے گئے"
    reference = exact.synthesize(text, PLAIN).samples.astype(np.float64)
    approx = halved.synthesize(text, PLAIN).samples.astype(np.float64)
    assert len(approx) == len(reference)
    snr = 10 * np.log10(np.sum(reference**2) / np.sum((reference - approx) ** 2))
    assert snr > 30
    assert approx.tobytes() == halved.synthesize(text, PLAIN).samples.astype(np.float64).tobytes()


def test_voices_shaped_in_a_worker_match_speaking_in_process(engine: MmsEngine) -> None:
    """synthesize_script shapes each voice in a worker process while the model speaks the
    next sentence; the clips, their order and their bytes are those of `speak`."""
    cast = load_cast(ROOT / "voices")
    script = prepare(parse_article(ARTICLE, "meeting.txt"), Resources(engine, cast))
    plan = plan_utterances(script, engine.max_chars)
    tasks = [
        (piece.text, cast.voices[segment.voice or cast.narrator])
        for segment, pieces in zip(script.segments, plan, strict=True)
        for piece in pieces
    ]
    assert isinstance(engine, VoiceShapingEngine) and len(tasks) > 1
    overlapped = [clip for clips in synthesize_script(script, plan, engine, cast) for clip in clips]
    in_process = [speak(engine, text, voice) for text, voice in tasks]
    assert [c.samples.tobytes() for c in overlapped] == [c.samples.tobytes() for c in in_process]
    text, voice = tasks[-1]  # putin's voice is shifted: the worker really reshaped it
    assert engine.model_speech(text, voice).samples.tobytes() != in_process[-1].samples.tobytes()


def test_length_scale_reaches_the_model(engine: MmsEngine) -> None:
    text = "لاہور میں آج موسم خوشگوار رہا اور شام کو ہلکی بارش ہوئی"
    slow = engine.synthesize(text, replace(PLAIN, mms=MmsSettings(length_scale=1.6)))
    fast = engine.synthesize(text, replace(PLAIN, mms=MmsSettings(length_scale=0.8)))
    assert 1.6 < len(slow.samples) / len(fast.samples) < 2.4


def test_vocabulary_is_read_and_unknown_letters_are_reported(engine: MmsEngine) -> None:
    assert all(engine.speakable(symbol) for symbol in VOCAB)
    assert not engine.speakable("\u064b")  # tanween: not in this vocabulary
    assert engine.synthesize("۔،؟", PLAIN).samples.size == 0  # punctuation only: silence
    with pytest.raises(BulletinError, match="vocabulary"):
        engine.synthesize("سلامً", PLAIN)
    cast = load_cast(ROOT / "voices")
    article = parse_article(ARTICLE.replace("تعاون", "تعاونً"), "a.txt")
    script = prepare(article, Resources(engine, cast))
    assert any("ARABIC FATHATAN" in problem for problem in script.problems)
    assert all("\u064b" not in s.spoken for s in script.segments)


def test_generate_is_byte_identical_and_credits_the_model(article, model_dir, tmp_path) -> None:
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        done = _bulletin(
            "generate", article, "-o", out, "--engine", "mms", "--model-dir", model_dir,
            "--no-cache", "--json",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        episode = json.loads(done.stdout)[0]
        outputs.append(Path(episode["mp3"]).read_bytes())
    assert episode["engine"] == "mms"
    assert episode["voices"] == ["narrator", "tokayev", "putin"]
    assert outputs[0] == outputs[1]
    manifest = json.loads(Path(episode["manifest"]).read_text("utf-8"))
    assert any("MMS" in credit and "CC BY-NC" in credit for credit in manifest["credits"])


def test_cache_serves_a_rerun_and_replaces_a_damaged_entry(article, model_dir, tmp_path) -> None:
    def generate() -> tuple[bytes, str]:
        out = tmp_path / "out"
        args = ("generate", article, "-o", out, "--model-dir", model_dir, "--json")
        done = _bulletin(*args)
        assert done.returncode == 0, done.stderr
        return Path(json.loads(done.stdout)[0]["mp3"]).read_bytes(), done.stderr

    first, _ = generate()
    entries = [p for p in Path(os.environ["XDG_CACHE_HOME"]).rglob("*") if p.is_file()]
    assert len(entries) >= 5
    assert generate()[0] == first
    entries[0].write_bytes(entries[0].read_bytes()[:-10])
    again, stderr = generate()
    assert "1 damaged cache entry synthesized again" in stderr
    assert again == first


def test_auto_picks_the_neural_engine_only_when_its_model_is_there(model_dir) -> None:
    choice = choose_engine("auto")
    assert choice.engine.name == "espeak"
    assert choice.notice and "bulletin models pull mms-urdu" in choice.notice
    coqui_folder = Path(os.environ["TTS_HOME"]) / "tts" / FOLDER_NAME
    coqui_folder.parent.mkdir(parents=True)
    coqui_folder.symlink_to(model_dir, target_is_directory=True)
    choice = choose_engine("auto")
    assert choice.engine.name == "mms" and choice.notice is None


def test_missing_or_broken_model_folder_is_a_one_line_error(article, model_dir, tmp_path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(model_dir, broken)
    checkpoint = broken / "G_100000.pth"
    checkpoint.write_bytes(checkpoint.read_bytes()[: 1 << 20])
    no_vocab = tmp_path / "no-vocab"
    shutil.copytree(model_dir, no_vocab)
    (no_vocab / "vocab.txt").unlink()
    cases = {
        tmp_path / "nowhere": "no model there",
        no_vocab: "vocab.txt: missing",
        broken: "cannot load the model",
    }
    for folder, message in cases.items():
        out = tmp_path / f"out-{folder.name}"
        done = _bulletin("generate", article, "-o", out, "--engine", "mms", "--model-dir", folder)
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], lines
        assert not list(out.glob("*.mp3"))
