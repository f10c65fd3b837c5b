"""The whole job for one article, stage by stage: article to tagged MP3 and manifest."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from bulletin.article import read_article
from bulletin.attribution import attribute
from bulletin.cache import ClipCache
from bulletin.cast import assign_voices, load_overrides, override_speakers, sidecar_for
from bulletin.engines import Engine
from bulletin.errors import BulletinError
from bulletin.export import (
    Tags,
    manifest,
    slug_for,
    transcript,
    write_bytes,
    write_json,
    write_mp3,
    write_text,
)
from bulletin.mastering import master
from bulletin.model import Article, Cast, Episode, Overrides, Script, Show
from bulletin.normalize import normalize_script
from bulletin.page import write_page
from bulletin.script import build_script
from bulletin.show import Cover, check_cover
from bulletin.synthesis import plan_utterances, synthesize_script
from bulletin.timeline import build_timeline
from bulletin.transcripts import chapters, chapters_json, srt, timed_sentences, webvtt


@dataclass(frozen=True)
class Resources:
    """What a run loads once and uses for every article."""

    engine: Engine
    cast: Cast
    lexicon: Mapping[str, str] = field(default_factory=dict)
    cache: ClipCache | None = None  # None: synthesize everything afresh
    jobs: int = 1  # worker processes, for engines that run that way
    notice: str | None = None  # why `--engine auto` chose espeak-ng, to tell the user


@dataclass(frozen=True)
class Options:
    """Per-run choices for the episodes."""

    show: Show = field(default_factory=Show)
    bitrate_kbps: int = 128
    strict: bool = False  # unspeakable characters are an error, not a warning
    cast_file: Path | None = None  # overrides; default: NAME.cast.toml beside the article
    cover: Path | None = None  # episode cover; default: the show's cover, if any


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
    """Produce the episode files for one article in `out_dir`: `<slug>.mp3` (tagged, with
    chapters, synchronised transcript and cover), `.json` manifest, `.vtt`, `.srt`,
    `.chapters.json` and the `.html` episode page."""
    hooks = hooks or ProgressHooks()
    article = read_article(article_path)
    cover_path = options.cover or (Path(options.show.cover) if options.show.cover else None)
    cover = check_cover(cover_path) if cover_path else None  # fail before the long work
    script = prepare(article, resources, options)
    for problem in script.problems:
        hooks.warn(f"{article.source}: {problem}")
    plan = plan_utterances(script, resources.engine.max_chars)
    hooks.start(article.title.text, sum(len(pieces) for pieces in plan))
    engine, cast = resources.engine, resources.cast
    clips = synthesize_script(
        script, plan, engine, cast, hooks.advance, resources.cache, resources.jobs
    )
    _report_damaged_cache(resources.cache, hooks)
    hooks.stage("mastering")
    timeline = build_timeline(script.segments, plan, clips)
    del clips  # the programme holds the audio now; keep peak memory down
    mastered = master(timeline.audio, bitrate_kbps=options.bitrate_kbps)
    hooks.stage("writing")
    sentences = timed_sentences(script, plan, timeline.utterances)
    duration = mastered.clip.duration
    slug = slug_for(article)
    names = _file_names(slug, cover)
    tags = Tags(
        script.title,
        options.show.name,
        datetime.date.today().isoformat(),
        transcript(script),
        chapters=tuple(chapters(script, timeline.placements, duration)),
        sentences=tuple(sentences),
        cover=cover,
    )
    write_mp3(mastered.mp3, out_dir / names["mp3"], tags)
    write_text(webvtt(sentences), out_dir / names["vtt"])
    write_text(srt(sentences), out_dir / names["srt"])
    write_json(chapters_json(list(tags.chapters)), out_dir / names["chapters"])
    if cover is not None:
        write_bytes(cover.data, out_dir / names["cover"])
    facts = _episode_facts(article, slug, duration, resources.engine, names)
    data = manifest(script, timeline.placements, sentences, facts)
    write_page(data, options.show, out_dir / names["page"])
    write_json(data, out_dir / names["manifest"])
    voices = list(dict.fromkeys(s.voice for s in script.segments if s.voice))
    return Episode(
        slug,
        str(out_dir / names["mp3"]),
        str(out_dir / names["manifest"]),
        script.title,
        duration,
        resources.engine.name,
        mastered.loudness,
        voices,
    )


def _report_damaged_cache(cache: ClipCache | None, hooks: ProgressHooks) -> None:
    if cache and cache.damaged:
        count = len(cache.damaged)
        hooks.warn(f"{count} damaged cache entr{'y' if count == 1 else 'ies'} synthesized again")
        cache.damaged.clear()


def _file_names(slug: str, cover: Cover | None) -> dict[str, str]:
    names = {
        "mp3": f"{slug}.mp3",
        "manifest": f"{slug}.json",
        "vtt": f"{slug}.vtt",
        "srt": f"{slug}.srt",
        "chapters": f"{slug}.chapters.json",
        "page": f"{slug}.html",
    }
    if cover is not None:
        names["cover"] = f"{slug}{cover.extension}"
    return names


def _episode_facts(
    article: Article, slug: str, duration: float, engine: Engine, names: dict[str, str]
) -> dict[str, object]:
    """What the feed and the page need to know about the episode besides its segments."""
    first = article.paragraphs[0].text if article.paragraphs else article.title.text
    published = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return {
        "slug": slug,
        "guid": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'bulletin:{slug}')}",
        "language": "ur",
        "description": first,
        "published": published.isoformat(),
        "duration": round(duration, 3),
        "engine": engine.name,
        "credits": [engine.credit],
        "files": {k: v for k, v in names.items() if k != "manifest"},
    }
