"""Coqui's HiFi-GAN decoder layers against bulletin's faster forms (bulletin/engines/hifigan.py).

Two copies of the MMS model are loaded into one process, one with Coqui's own decoder layers
and one with ours, and every sentence of the article is spoken by both, alternating which
goes first. Comparing within one process cancels most of this machine's drift from run to
run. Reports, per precision, the seconds each copy spent in the model, their ratio, and the
waveforms' signal-to-difference ratio.

    python bench/bench_decoder.py [--model-dir DIR] [--article FILE] [--json]

Without `--model-dir`, a full-size model folder with random weights is written first.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_neural import SEED, random_model  # noqa: E402


def compare(model_dir: Path, article: Path, precision: str) -> dict[str, float]:
    import numpy as np

    from bulletin.article import read_article
    from bulletin.cast import default_voices_dir, load_cast
    from bulletin.engines import hifigan
    from bulletin.engines.mms import MmsEngine, seed_for
    from bulletin.pipeline import Resources, prepare
    from bulletin.synthesis import plan_utterances

    ours = MmsEngine(model_dir, precision=precision)
    ours.load()
    coqui = MmsEngine(model_dir, precision=precision)
    with mock.patch.object(hifigan, "faster_layers", lambda decoder: decoder):
        coqui.load()
    cast = load_cast(default_voices_dir())
    script = prepare(read_article(article), Resources(ours, cast))
    seconds = {"coqui": 0.0, "ours": 0.0}
    signal = difference = 0.0
    plan = plan_utterances(script, ours.max_chars)
    for segment, pieces in zip(script.segments, plan, strict=True):
        voice = cast.voices[segment.voice or cast.narrator]
        for piece in pieces:
            ids = ours._token_ids(piece.text)
            if not ids:
                continue
            order = [("coqui", coqui), ("ours", ours)]
            outputs = {}
            for name, engine in order if len(ids) % 2 else order[::-1]:
                started = time.perf_counter()
                outputs[name] = engine._infer(ids, voice, seed_for(piece.text, voice))
                seconds[name] += time.perf_counter() - started
            reference = outputs["coqui"].astype(np.float64)
            signal += float(np.sum(reference**2))
            difference += float(np.sum((reference - outputs["ours"]) ** 2))
    return {
        "coqui_s": round(seconds["coqui"], 2),
        "ours_s": round(seconds["ours"], 2),
        "speedup": round(seconds["coqui"] / seconds["ours"], 3),
        "snr_db": round(10 * math.log10(signal / max(difference, 1e-30)), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path)
    parser.add_argument("--article", type=Path, default=SEED)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        model_dir = args.model_dir or random_model(Path(scratch) / "mms")
        from bulletin.engines.mms import native_bf16

        precisions = ["fp32", "bf16"] if native_bf16() else ["fp32"]
        report = {p: compare(model_dir, args.article, p) for p in precisions}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for precision, figures in report.items():
        print(
            f"{precision}: Coqui's layers {figures['coqui_s']} s, ours {figures['ours_s']} s, "
            f"{figures['speedup']}x faster; waveform SNR {figures['snr_db']} dB"
        )


if __name__ == "__main__":
    main()
