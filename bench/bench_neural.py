"""Benchmark the neural engine (MMS Urdu VITS through Coqui TTS) on the seed article.

Without `--model-dir`, a full-size MMS model folder with random weights is written first
(tests/mms_checkpoint.py): random weights cost the same compute as the real ones, though
the speech they make is noise, so durations differ from the real model's. All figures come
from one run on one machine, as ratios:

- model RTF: time inside the VITS model (tokenize + inference) / audio it produced;
- generate RTF: the whole `bulletin generate --engine mms --no-cache` process / episode
  duration, and the pipeline's overhead over pure model time (imports, model load, voice
  transforms, timeline, mastering, export);
- warm rerun: `bulletin generate` with every clip in the cache / episode duration;
- naive: Coqui's `tts` command once per segment, then the WAVs joined into an MP3, and its
  time over ours;
- peak memory (max RSS) of the `bulletin generate` process;
- two fixed costs behind the overhead: a fresh process importing torch and Coqui and loading
  the model, and the MP3 encoder on the episode's audio;
- the bf16 decoder against float32: speed-up and the waveform's signal-to-error ratio.

    python bench/bench_neural.py [--model-dir DIR] [--article FILE] [--precision P]
                                 [--skip-naive] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "seeds" / "tokayev-putin-moscow.txt"
COQUI_NAME = "tts_models/urd-script_arabic/fairseq/vits"


def random_model(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location(
        "mms_checkpoint", ROOT / "tests" / "mms_checkpoint.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_random_mms_model(folder)


def model_time(model_dir: Path, article: Path, precision: str) -> dict[str, float]:
    """Time inside the model alone, over every utterance `generate` would speak."""
    from bulletin.article import read_article
    from bulletin.cast import default_voices_dir, load_cast
    from bulletin.engines.mms import MmsEngine, seed_for
    from bulletin.pipeline import Resources, prepare
    from bulletin.synthesis import plan_utterances

    engine = MmsEngine(model_dir, precision=precision)
    started = time.perf_counter()
    engine.load()
    load_s = time.perf_counter() - started
    cast = load_cast(default_voices_dir())
    script = prepare(read_article(article), Resources(engine, cast))
    plan = plan_utterances(script, engine.max_chars)
    busy, samples = 0.0, 0
    for segment, pieces in zip(script.segments, plan, strict=True):
        voice = cast.voices[segment.voice or cast.narrator]
        for piece in pieces:
            started = time.perf_counter()
            ids = engine._token_ids(piece.text)
            audio = engine._infer(ids, voice, seed_for(piece.text, voice)) if ids else []
            busy += time.perf_counter() - started
            samples += len(audio)
    audio_s = samples / engine.sample_rate
    return {
        "load_in_process_s": load_s,  # torch already imported by the bench
        "model_s": busy,
        "model_audio_s": audio_s,
        "model_rtf": busy / audio_s,
    }


def precision_error(model_dir: Path, article: Path, count: int = 6) -> dict[str, float]:
    """The bf16 decoder against float32 on the article's first `count` sentences (narrator):
    their time ratio and the waveform's signal-to-error ratio in dB."""
    import numpy as np

    from bulletin.cast import default_voices_dir, load_cast
    from bulletin.engines.mms import MmsEngine, seed_for
    from bulletin.urdu import words

    voice = load_cast(default_voices_dir()).voices["narrator"]
    sentences = [s for s in article.read_text("utf-8").split("۔") if words(s)][:count]
    outputs, seconds = {}, {}
    for precision in ("fp32", "bf16"):
        engine = MmsEngine(model_dir, precision=precision)
        ids = [engine._token_ids(s.strip()) for s in sentences]
        engine._infer(ids[0], voice, 0)  # warm up oneDNN's plans
        started = time.perf_counter()
        outputs[precision] = [engine._infer(i, voice, seed_for(str(i), voice)) for i in ids]
        seconds[precision] = time.perf_counter() - started
    signal = sum(float(np.sum(a.astype(np.float64) ** 2)) for a in outputs["fp32"])
    error = sum(
        float(np.sum((a.astype(np.float64) - b) ** 2))
        for a, b in zip(outputs["fp32"], outputs["bf16"], strict=True)
    )
    same_length = all(
        len(a) == len(b) for a, b in zip(outputs["fp32"], outputs["bf16"], strict=True)
    )
    return {
        "bf16_speedup": seconds["fp32"] / seconds["bf16"],
        "bf16_snr_db": 10 * np.log10(signal / max(error, 1e-30)),
        "bf16_same_durations": float(same_length),
    }


def cold_load(model_dir: Path, precision: str) -> float:
    """Seconds a fresh process takes to import torch and Coqui and load the model: the
    fixed cost every cold `generate` pays before it speaks."""
    code = (
        "import sys, time; started = time.perf_counter()\n"
        "from pathlib import Path\n"
        "from bulletin.engines.mms import MmsEngine\n"
        "MmsEngine(Path(sys.argv[1]), precision=sys.argv[2]).load()\n"
        "print(time.perf_counter() - started)\n"
    )
    command = [sys.executable, "-c", code, str(model_dir), precision]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return float(done.stdout.split()[-1])


def encode_time(episode: Path) -> float:
    """Seconds the MP3 encoder takes for the episode's own mastered audio (decoded)."""
    from bulletin.mp3 import decode_mp3, encode_mp3_bytes

    audio = decode_mp3(episode)
    started = time.perf_counter()
    encode_mp3_bytes(audio)
    return time.perf_counter() - started


def run_generate(article: Path, out: Path, env: dict[str, str], *extra: str) -> tuple[float, float]:
    """Wall seconds of one `bulletin generate` process, and the episode's duration."""
    command = [sys.executable, "-m", "bulletin", "generate", str(article), "-o", str(out)]
    started = time.perf_counter()
    done = subprocess.run([*command, *extra, "--json"], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return wall, json.loads(done.stdout)[0]["duration"]


def naive(article: Path, tts_home: Path, work: Path) -> float:
    """Coqui's `tts` command once per segment, then the WAVs joined and encoded to MP3."""
    import soundfile
    from pydub import AudioSegment

    from bulletin.article import read_article
    from bulletin.engines.espeak import EspeakEngine
    from bulletin.normalize import normalize_script
    from bulletin.script import build_script

    script, _ = normalize_script(build_script(read_article(article)), EspeakEngine().speakable)
    tts = Path(sys.executable).with_name("tts")
    env = {**os.environ, "TTS_HOME": str(tts_home)}
    started = time.perf_counter()
    joined = AudioSegment.empty()
    for number, segment in enumerate(script.segments):
        wav = work / f"segment-{number}.wav"
        command = [
            str(tts),
            "--model_name",
            COQUI_NAME,
            "--text",
            segment.spoken,
            "--out_path",
            str(wav),
        ]
        subprocess.run(command, check=True, capture_output=True, env=env)
        joined += AudioSegment.from_wav(wav) + AudioSegment.silent(500)
    samples = joined.get_array_of_samples()
    soundfile.write(work / "naive.mp3", samples, joined.frame_rate, format="MP3")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-dir", type=Path)
    parser.add_argument("--article", type=Path, default=SEED)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--precision", choices=("auto", "fp32", "bf16"), default="auto")
    parser.add_argument("--skip-naive", action="store_true", help="leave out the naive run")
    args = parser.parse_args()
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as the engine does; read once
    with tempfile.TemporaryDirectory(prefix="bench-neural-") as scratch:
        work = Path(scratch)
        tts_home = work / "tts-home"
        folder = tts_home / "tts" / COQUI_NAME.replace("/", "--")
        if args.model_dir:
            folder.parent.mkdir(parents=True)
            folder.symlink_to(args.model_dir.resolve(), target_is_directory=True)
        else:
            random_model(folder)
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "TTS_HOME": str(tts_home)}
        env.pop("BULLETIN_CACHE_DIR", None)
        model = model_time(folder, args.article, args.precision)
        engine = ("--engine", "mms", "--precision", args.precision)
        cold, duration = run_generate(args.article, work / "a", env, *engine, "--no-cache")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        run_generate(args.article, work / "b", env, *engine)  # fills the cache
        warm, _ = run_generate(args.article, work / "c", env, *engine)
        naive_s = math.nan if args.skip_naive else naive(args.article, tts_home, work)
        error = precision_error(folder, args.article)
        fixed = {
            "cold_load_s": cold_load(folder, args.precision),
            "mp3_encode_s": encode_time(next((work / "a").glob("*.mp3"))),
        }
    from bulletin.engines.mms import resolve_precision

    report = {
        "weights": str(args.model_dir) if args.model_dir else "random (full size)",
        "cpus": os.cpu_count(),
        "precision": resolve_precision(args.precision),
        **{k: round(v, 3) for k, v in error.items()},
        "episode_s": duration,
        **{k: round(v, 3) for k, v in model.items()},
        "generate_s": round(cold, 2),
        "generate_rtf": round(cold / duration, 3),
        "pipeline_overhead": round(cold / model["model_s"] - 1, 3),
        **{k: round(v, 2) for k, v in fixed.items()},
        "warm_rerun_s": round(warm, 2),
        "warm_rerun_ratio": round(warm / duration, 3),
        "naive_s": round(naive_s, 2),
        "naive_over_ours": round(naive_s / cold, 2),
        "peak_rss_mb": round(peak_mb),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        print(f"{key:<20} {value}")


if __name__ == "__main__":
    main()
