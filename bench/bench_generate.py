"""Time `bulletin generate` as a whole process: wall time / audio duration, and peak memory.

Usage: python bench/bench_generate.py [ARTICLE] [--runs N] [--engine espeak] [--jobs N]
                                      [--cache]

Runs are cold (`--no-cache`) unless `--cache` is given, in which case the first run fills a
fresh cache and the others are served from it. `--jobs` is passed through (worker processes
for espeak-ng). Peak RSS is the largest single process (the main one; workers are smaller).

Targets for the espeak-ng engine (issue 2): wall time <= 0.05 x audio duration and peak
RSS <= 300 MB. Timings on shared machines are noisy: the report gives the median and the
spread of N runs, all measured in this one invocation.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT / "seeds" / "tokayev-putin-moscow.txt"


def run_once(
    article: Path, engine: str, out_dir: Path, extra: list[str]
) -> tuple[float, float, dict]:
    """One `bulletin generate` in a child process: (wall seconds, peak RSS MB, episode)."""
    command = [sys.executable, "-m", "bulletin", "generate", str(article), "-o", str(out_dir)]
    command += ["--engine", engine, "--json", *extra]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE)
    assert child.stdout is not None
    summary = child.stdout.read()  # the --json episode list
    _, status, usage = os.wait4(child.pid, 0)  # reap it here to get its resource usage
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"bulletin generate failed with status {child.returncode}")
    episode = json.loads(summary)[0]
    manifest = json.loads(Path(episode["manifest"]).read_text("utf-8"))
    return wall, usage.ru_maxrss / 1024, manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--engine", default="espeak")
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--cache", action="store_true")
    args = parser.parse_args()
    extra = ["--jobs", str(args.jobs)] if args.jobs else []
    cache = tempfile.TemporaryDirectory(prefix="bench-cache-")
    os.environ["BULLETIN_CACHE_DIR"] = cache.name
    if args.cache:
        with tempfile.TemporaryDirectory() as out:
            run_once(args.article, args.engine, Path(out), extra)  # fill the cache
    else:
        extra.append("--no-cache")
    walls, peaks = [], []
    duration = 0.0
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            wall, peak, manifest = run_once(args.article, args.engine, Path(out), extra)
        walls.append(wall)
        peaks.append(peak)
        duration = manifest["duration"]
    median = statistics.median(walls)
    report = {
        "article": args.article.name,
        "engine": args.engine,
        "jobs": args.jobs or 1,
        "cache": "warm" if args.cache else "off",
        "runs": args.runs,
        "audio_seconds": duration,
        "wall_seconds_median": round(median, 3),
        "wall_seconds_min": round(min(walls), 3),
        "wall_seconds_max": round(max(walls), 3),
        "wall_over_audio": round(median / duration, 4),
        "peak_rss_mb": round(max(peaks), 1),
    }
    print(json.dumps(report, indent=2))
    cache.cleanup()


if __name__ == "__main__":
    main()
