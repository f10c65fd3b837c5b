"""The whole job for one article, stage by stage: article to tagged MP3 and manifest."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bulletin.article import read_article
from bulletin.attribution import attribute
from bulletin.cast import assign_voices
from bulletin.engines import Engine
from bulletin.export import Tags, manifest, slug_for, transcript, write_json, write_mp3
from bulletin.mastering import master
from bulletin.model import Article, Cast, Episode, Script
from bulletin.script import build_script
from bulletin.synthesis import plan_sentences, synthesize_script
from bulletin.timeline import build_timeline

DEFAULT_SHOW_NAME = "Urdu Bulletin"


@dataclass
class ProgressHooks:
    """Hooks the CLI uses to draw a progress bar; all optional."""

    start: Callable[[str, int], None] = lambda _title, _total: None
    advance: Callable[[], None] = lambda: None
    stage: Callable[[str], None] = field(default=lambda _name: None)


def prepare(article: Article, cast: Cast) -> Script:
    """Article to a script with speakers and voices: all the text logic, no audio."""
    return assign_voices(attribute(build_script(article), article.text), cast)


def generate(
    article_path: Path,
    out_dir: Path,
    engine: Engine,
    cast: Cast,
    show_name: str = DEFAULT_SHOW_NAME,
    bitrate_kbps: int = 128,
    progress: ProgressHooks | None = None,
) -> Episode:
    """Produce `<slug>.mp3` and `<slug>.json` in `out_dir` for one article."""
    progress = progress or ProgressHooks()
    article = read_article(article_path)
    script = prepare(article, cast)
    progress.start(article.title.text, sum(len(s) for s in plan_sentences(script)))
    clips = synthesize_script(script, engine, cast, on_sentence=progress.advance)
    progress.stage("mastering")
    timeline = build_timeline(script.segments, clips)
    del clips  # the programme holds the audio now; keep peak memory down
    mastered = master(timeline.audio, bitrate_kbps=bitrate_kbps)
    slug = slug_for(article)
    mp3_path, manifest_path = out_dir / f"{slug}.mp3", out_dir / f"{slug}.json"
    tags = Tags(script.title, show_name, datetime.date.today().isoformat(), transcript(script))
    write_mp3(mastered.mp3, mp3_path, tags)
    write_json(
        manifest(script, timeline.placements, mastered.clip.duration, engine.name), manifest_path
    )
    voices = list(dict.fromkeys(s.voice for s in script.segments if s.voice))
    return Episode(
        slug,
        str(mp3_path),
        str(manifest_path),
        script.title,
        mastered.clip.duration,
        engine.name,
        mastered.loudness,
        voices,
    )
