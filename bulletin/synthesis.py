"""Stage 5, synthesis: speak each segment sentence by sentence with its voice."""

from __future__ import annotations

import multiprocessing
import signal as signals
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

import numpy as np
from scipy import signal

from bulletin.cache import ClipCache, clip_key
from bulletin.engines import Engine, VoiceShapingEngine
from bulletin.errors import BulletinError
from bulletin.model import Cast, Clip, PostProcess, Script, Segment, Utterance, VoiceProfile
from bulletin.normalize import utterances

SILENCE_DB = -45.0  # below this (relative to the clip's peak) counts as silence to trim
TRIM_MARGIN_S = 0.015
MIN_PARALLEL_TASKS = 16  # below this, starting worker processes costs more than it saves
WORKER_CHUNK = 4


def plan_utterances(script: Script, max_chars: int) -> list[list[Utterance]]:
    """The pieces each segment is spoken as, in order, each tied to its written sentence."""
    return [_segment_plan(segment, max_chars) for segment in script.segments]


def _segment_plan(segment: Segment, max_chars: int) -> list[Utterance]:
    if not segment.sentences:  # not normalized: read the text as it is
        return utterances(segment.spoken or segment.text, max_chars)
    return [
        replace(piece, sentence=number)
        for number, sentence in enumerate(segment.sentences)
        for piece in utterances(sentence.spoken, max_chars)
    ]


def synthesize_script(
    script: Script,
    plan: list[list[Utterance]],
    engine: Engine,
    cast: Cast,
    on_utterance: Callable[[], None] | None = None,
    cache: ClipCache | None = None,
    jobs: int = 1,
) -> list[list[Clip]]:
    """One clip per planned utterance, grouped by segment, in script order.

    Clips come from `cache` when it holds them; the rest are synthesized (in `jobs` worker
    processes for engines that run that way) and stored. Order and content never depend
    on scheduling: every clip is computed from its own text and voice alone.
    """
    for name in dict.fromkeys(s.voice for s in script.segments if s.voice):
        engine.check_voice(cast.voices[name])
    tasks = [
        (piece.text, _voice_of(segment, cast))
        for segment, pieces in zip(script.segments, plan, strict=True)
        for piece in pieces
    ]
    tick = on_utterance or (lambda: None)
    clips: list[Clip | None] = [None] * len(tasks)
    keys = [clip_key(engine.identity, voice, text) for text, voice in tasks] if cache else []
    todo = []
    for index in range(len(tasks)):
        cached = cache.get(keys[index]) if cache else None
        if cached is None:
            todo.append(index)
        else:
            clips[index] = cached
            tick()
    for index, clip in zip(todo, _speak_all(engine, [tasks[i] for i in todo], jobs), strict=True):
        clips[index] = clip
        if cache:
            cache.put(keys[index], clip)
        tick()
    done = [clip for clip in clips if clip is not None]
    assert len(done) == len(tasks)
    flat = iter(done)
    return [[next(flat) for _ in pieces] for pieces in plan]


def _speak_all(engine: Engine, tasks: list[tuple[str, VoiceProfile]], jobs: int) -> Iterator[Clip]:
    """Speak every task, in order: in worker processes when the engine runs that way."""
    try:
        if engine.multiprocess and jobs >= 2 and len(tasks) >= MIN_PARALLEL_TASKS:
            context = multiprocessing.get_context("spawn")  # no forking of a threaded parent
            with ProcessPoolExecutor(jobs, context, _start_worker, (engine.name,)) as pool:
                yield from pool.map(_worker_speak, tasks, chunksize=WORKER_CHUNK)
        elif isinstance(engine, VoiceShapingEngine) and len(tasks) > 1:
            yield from _speak_overlapped(engine, tasks)
        else:
            for text, voice in tasks:
                yield speak(engine, text, voice)
    except BrokenProcessPool:
        raise BulletinError(
            "a synthesis worker process stopped unexpectedly (out of memory, or a script "
            "that calls bulletin without an `if __name__ == '__main__':` block)"
        ) from None


def _speak_overlapped(
    engine: VoiceShapingEngine, tasks: list[tuple[str, VoiceProfile]]
) -> Iterator[Clip]:
    """Speak every task, in order, shaping each voice in a worker process while the model
    speaks the next sentence.

    The model leaves part of the second core idle (its threads wait on each other), and
    the voice shaping runs on one core and holds Python's lock, so a thread would not do.
    The worker starts while the model loads. Same clips as `speak`, one by one.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, context, _ignore_interrupts) as shaper:
        # Start the worker (and its imports) now, while the model loads.
        shaper.submit(engine.shape_voice, Clip(np.zeros(0, np.float32), 16000), tasks[0][1])
        pending: deque[tuple[Future[Clip], PostProcess]] = deque()
        for text, voice in tasks:
            speech = engine.model_speech(text, voice)
            pending.append((shaper.submit(engine.shape_voice, speech, voice), voice.post))
            while pending and pending[0][0].done():
                shaped, post = pending.popleft()
                yield finish(shaped.result(), post)
        for shaped, post in pending:
            yield finish(shaped.result(), post)


_worker_engine: Engine | None = None


def _start_worker(engine_name: str) -> None:
    global _worker_engine
    from bulletin.engines import load_engine

    _ignore_interrupts()
    _worker_engine = load_engine(engine_name)


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the main process, which stops the run and then its workers
    (otherwise every worker prints its own traceback)."""
    signals.signal(signals.SIGINT, signals.SIG_IGN)


def _worker_speak(task: tuple[str, VoiceProfile]) -> Clip:
    assert _worker_engine is not None
    return speak(_worker_engine, *task)


def speak(engine: Engine, text: str, voice: VoiceProfile) -> Clip:
    """Synthesize, post-process and trim one sentence."""
    return finish(engine.synthesize(text, voice), voice.post)


def finish(clip: Clip, post: PostProcess) -> Clip:
    """Post-process and trim a synthesized sentence."""
    return trim_silence(post_process(clip, post))


def post_process(clip: Clip, post: PostProcess) -> Clip:
    """Apply a voice's optional high-pass, low-pass and gain."""
    samples = clip.samples.astype(np.float64)
    nyquist = clip.sample_rate / 2
    if post.highpass_hz and len(samples):
        sos = signal.butter(2, post.highpass_hz / nyquist, btype="highpass", output="sos")
        samples = signal.sosfilt(sos, samples)
    if post.lowpass_hz and post.lowpass_hz < nyquist and len(samples):
        sos = signal.butter(4, post.lowpass_hz / nyquist, btype="lowpass", output="sos")
        samples = signal.sosfilt(sos, samples)
    samples *= 10 ** (post.gain_db / 20)
    return Clip(samples.astype(np.float32), clip.sample_rate)


def trim_silence(clip: Clip) -> Clip:
    """Cut leading and trailing silence so pauses are set by the timeline alone."""
    samples = clip.samples
    if not len(samples):
        return clip
    peak = float(np.max(np.abs(samples)))
    if peak == 0.0:
        return Clip(samples[:0], clip.sample_rate)
    loud = np.flatnonzero(np.abs(samples) > peak * 10 ** (SILENCE_DB / 20))
    margin = int(TRIM_MARGIN_S * clip.sample_rate)
    start = max(int(loud[0]) - margin, 0)
    end = min(int(loud[-1]) + 1 + margin, len(samples))
    return Clip(samples[start:end], clip.sample_rate)


def _voice_of(segment: Segment, cast: Cast) -> VoiceProfile:
    return cast.voices[segment.voice or cast.narrator]
