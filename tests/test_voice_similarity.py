"""Distinct voices, measured: speaker-embedding similarity with resemblyzer.

Between any two voices of the seed's episode (narrator, Tokayev, Putin, the generic quote
voice), cosine similarity ≤ 0.80; the same voice on different sentences ≥ 0.90. Measured
on the espeak-ng voices, and on the neural voices' pitch and formant transforms applied to
one plain espeak-ng voice (the stand-in for MMS speech where its weights are absent).
Needs the `eval` extra (resemblyzer); CI requires it with BULLETIN_REQUIRE_NEURAL=1.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

if os.environ.get("BULLETIN_REQUIRE_NEURAL") != "1":
    pytest.importorskip("resemblyzer", reason="the eval extra is not installed")
    pytest.importorskip("parselmouth", reason="the neural extra is not installed")

from bulletin.engines import load_engine

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location(
        "voice_similarity", ROOT / "bench" / "voice_similarity.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("transform_only", [False, True], ids=["espeak", "mms-transforms"])
def test_episode_voices_are_distinct_and_consistent(transform_only: bool) -> None:
    bench = _bench()
    report = bench.similarity(
        load_engine("espeak"), ROOT / "voices", bench.EPISODE_VOICES, transform_only
    )
    assert max(report["between"].values()) <= 0.80, report
    assert min(report["within"].values()) >= 0.90, report
