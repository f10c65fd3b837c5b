"""The whole job for one article, stage by stage: article to tagged MP3 and manifest."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from bulletin.article import read_article
from bulletin.attribution import attribute
from bulletin.cast import assign_voices, load_overrides, override_speakers, sidecar_for
from bulletin.engines import Engine
from bulletin.errors import BulletinError
from bulletin.export import Tags, manifest, slug_for, transcript, write_json, write_mp3
from bulletin.mastering import master
from bulletin.model import Article, Cast, Episode, Overrides, Script
from bulletin.normalize import normalize_script
from bulletin.script import build_script
from bulletin.synthesis import plan_utterances, synthesize_script
from bulletin.timeline import build_timeline

DEFAULT_SHOW_NAME = "Urdu Bulletin"


@dataclass(frozen=True)
class Resources:
    """What a run loads once and uses for every article."""

    engine: Engine
    cast: Cast
    lexicon: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Options:
    """Per-run choices for the episodes."""

    show_name: str = DEFAULT_SHOW_NAME
    bitrate_kbps: int = 128
    strict: bool = False  # unspeakable characters are an error, not a warning
    cast_file: Path | None = None  # overrides; default: NAME.cast.toml beside the article


@dataclass
class ProgressHooks:
    """Hooks the CLI uses for the progress bar and warnings; all optional."""

    start: Callable[[str, int], None] = lambda _title, _total: None
    advance: Callable[[], None] = lambda: None
    stage: Callable[[str], None] = lambda _name: None
    warn: Callable[[str], None] = lambda _message: None


def prepare(article: Article, resources: Resources, options: Options = Options()) -> Script:
    """Article to a voiced, normalized script: all the text logic, no audio.

    Characters the engine cannot speak are listed in `script.problems`, or with
    `options.strict` raise a BulletinError.
    """
    overrides = _overrides(article, options)
    script = override_speakers(attribute(build_script(article), article.text), overrides)
    script = assign_voices(script, resources.cast, overrides.voices)
    script, problems = normalize_script(script, resources.engine.speakable, resources.lexicon)
    if problems and options.strict:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise BulletinError(f"{article.source}: {problems[0].describe()}{more}")
    return replace(script, problems=[p.describe() for p in problems])


def _overrides(article: Article, options: Options) -> Overrides:
    if options.cast_file is not None:
        if not options.cast_file.is_file():
            raise BulletinError(f"{options.cast_file}: no such override file")
        return load_overrides(options.cast_file)
    sidecar = sidecar_for(Path(article.source)) if article.source else None
    return load_overrides(sidecar) if sidecar and sidecar.is_file() else Overrides()


def generate(
    article_path: Path,
    out_dir: Path,
    resources: Resources,
    options: Options = Options(),
    hooks: ProgressHooks | None = None,
) -> Episode:
    """Produce `<slug>.mp3` and `<slug>.json` in `out_dir` for one article."""
    hooks = hooks or ProgressHooks()
    article = read_article(article_path)
    script = prepare(article, resources, options)
    for problem in script.problems:
        hooks.warn(f"{article.source}: {problem}")
    plan = plan_utterances(script, resources.engine.max_chars)
    hooks.start(article.title.text, sum(len(pieces) for pieces in plan))
    clips = synthesize_script(script, plan, resources.engine, resources.cast, hooks.advance)
    hooks.stage("mastering")
    timeline = build_timeline(script.segments, plan, clips)
    del clips  # the programme holds the audio now; keep peak memory down
    mastered = master(timeline.audio, bitrate_kbps=options.bitrate_kbps)
    slug = slug_for(article)
    mp3_path, manifest_path = out_dir / f"{slug}.mp3", out_dir / f"{slug}.json"
    today = datetime.date.today().isoformat()
    tags = Tags(script.title, options.show_name, today, transcript(script))
    write_mp3(mastered.mp3, mp3_path, tags)
    duration = mastered.clip.duration
    engine = resources.engine.name
    write_json(manifest(script, timeline.placements, duration, engine), manifest_path)
    voices = list(dict.fromkeys(s.voice for s in script.segments if s.voice))
    return Episode(
        slug,
        str(mp3_path),
        str(manifest_path),
        script.title,
        duration,
        engine,
        mastered.loudness,
        voices,
    )
