"""Speaker-embedding similarity between the voices of an episode (resemblyzer).

For each voice, several different sentences are synthesized and embedded with
resemblyzer's voice encoder (its weights ship in the wheel; no network). Reported:

- `between`: cosine similarity of the voices' mean embeddings, for every pair
  (target ≤ 0.80: clearly different voices);
- `within`: for each voice, the lowest cosine similarity between two of its own
  sentences (target ≥ 0.90: one consistent voice).

    python bench/voice_similarity.py                       # espeak-ng, episode voices
    python bench/voice_similarity.py --engine mms --model-dir DIR
    python bench/voice_similarity.py --transform-only    # the mms voice transforms alone
    python bench/voice_similarity.py --voices narrator tokayev putin quote --json

`--transform-only` speaks every sentence with one plain espeak-ng voice and applies each
profile's `[mms]` pitch and formant shift to it: a stand-in for the neural voices where
the real MMS weights are not available (random weights do not make speech).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bulletin.cast import load_cast  # noqa: E402
from bulletin.engines import Engine, load_engine  # noqa: E402
from bulletin.model import Clip, EspeakSettings, VoiceProfile  # noqa: E402
from bulletin.normalize import spoken_text  # noqa: E402
from bulletin.synthesis import speak  # noqa: E402
from bulletin.voice_transform import transform  # noqa: E402

SENTENCES = (
    "صدر نے کہا کہ دونوں ممالک کے درمیان تجارت میں اضافہ ہو رہا ہے۔",
    "اجلاس میں توانائی، زراعت اور ٹرانسپورٹ کے شعبوں پر تفصیلی بات چیت کی گئی۔",
    "ہم اپنے ہمسایوں کے ساتھ دوستانہ تعلقات کو بہت اہمیت دیتے ہیں۔",
    "بارش کے باعث شہر کی کئی سڑکیں پانی میں ڈوب گئیں اور ٹریفک معطل رہی۔",
    "وزارت صحت کے مطابق گزشتہ ہفتے ہسپتالوں میں مریضوں کی تعداد دگنی ہو گئی۔",
)
EPISODE_VOICES = ("narrator", "tokayev", "putin", "quote")


def embed(clips: list[Clip]) -> np.ndarray:
    """One unit-length resemblyzer embedding per clip."""
    from resemblyzer import VoiceEncoder, preprocess_wav

    encoder = VoiceEncoder("cpu", verbose=False)
    rows = [
        encoder.embed_utterance(preprocess_wav(c.samples.astype(np.float32), c.sample_rate))
        for c in clips
    ]
    return np.asarray(rows)


def similarity(
    engine: Engine, voices_dir: Path, names: tuple[str, ...], transform_only: bool = False
) -> dict[str, object]:
    """The `between` and `within` similarities of `names` spoken by `engine`."""
    cast = load_cast(voices_dir)
    texts = [spoken_text(s) for s in SENTENCES]
    if transform_only:
        plain = VoiceProfile("plain", espeak=EspeakSettings(variant="m1", rate=150, pitch=45))
        sources = [speak(engine, text, plain) for text in texts]
        embeddings = {
            name: embed([transform(clip, cast.voices[name].mms) for clip in sources])
            for name in names
        }
    else:
        embeddings = {
            name: embed([speak(engine, text, cast.voices[name]) for text in texts])
            for name in names
        }
    means = {n: e.mean(axis=0) / np.linalg.norm(e.mean(axis=0)) for n, e in embeddings.items()}
    between = {
        f"{a}~{b}": round(float(means[a] @ means[b]), 3)
        for a, b in itertools.combinations(names, 2)
    }
    within = {
        name: round(float(min(x @ y for x, y in itertools.combinations(e, 2))), 3)
        for name, e in embeddings.items()
    }
    source = f"{engine.name} + mms transforms" if transform_only else engine.name
    return {"engine": source, "between": between, "within": within}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", default="espeak", choices=("espeak", "mms"))
    parser.add_argument("--model-dir", type=Path)
    parser.add_argument("--voices-dir", type=Path, default=ROOT / "voices")
    parser.add_argument("--voices", nargs="+", default=list(EPISODE_VOICES))
    parser.add_argument("--transform-only", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    engine = load_engine(args.engine, args.model_dir)
    report = similarity(engine, args.voices_dir, tuple(args.voices), args.transform_only)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"engine: {report['engine']}")
    for pair, value in report["between"].items():  # type: ignore[union-attr]
        print(f"  between {pair:<22} {value:.3f}  (target ≤ 0.80)")
    for name, value in report["within"].items():  # type: ignore[union-attr]
        print(f"  within  {name:<22} {value:.3f}  (target ≥ 0.90)")


if __name__ == "__main__":
    main()
