"""The `bulletin` command line."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from bulletin.errors import BulletinError
from bulletin.model import Cast, Episode, Script, Show
from bulletin.pipeline import Options, ProgressHooks, Resources
from bulletin.show import load_show

app = typer.Typer(
    help="Turn Urdu news articles into podcast-style MP3 bulletins.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
voices_app = typer.Typer(help="List voice profiles and the cast, or preview a voice.")
app.add_typer(voices_app, name="voices")
feed_app = typer.Typer(help="Publish episodes to an RSS feed.", no_args_is_help=True)
app.add_typer(feed_app, name="feed")
models_app = typer.Typer(help="Neural voice models: list them, or download one.")
app.add_typer(models_app, name="models")
cache_app = typer.Typer(help="The cache of synthesized clips.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)

VoicesOption = Annotated[
    Path | None,
    typer.Option("--voices", help="Voices folder (default: $BULLETIN_VOICES, ./voices, built-in)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


EngineOption = Annotated[
    str,
    typer.Option(
        "--engine",
        help="Synthesis engine: auto (mms when its model is on disk, else espeak), mms, espeak.",
    ),
]
ModelDirOption = Annotated[
    Path | None,
    typer.Option(
        "--model-dir",
        help="Folder of a downloaded MMS model (default: $BULLETIN_MODEL_DIR, Coqui's folder).",
    ),
]
PrecisionOption = Annotated[
    str,
    typer.Option(
        "--precision",
        help="Neural decoder arithmetic: auto (bf16 where the CPU has it), fp32 or bf16.",
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Synthesize every clip afresh; leave the cache alone.")
]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", min=1, help="Worker processes for espeak-ng (default: 1)."),
]
CastFileOption = Annotated[
    Path | None,
    typer.Option("--cast", help="Override file for speakers and voices (default: NAME.cast.toml)."),
]
ShowOption = Annotated[
    Path | None, typer.Option("--show", help="Show settings file (default: ./show.toml).")
]
FeedOption = Annotated[
    Path | None, typer.Option("--feed", help="Also add each episode to this RSS feed.")
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option("--base-url", help="Public URL of the output folder (for the feed)."),
]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="Fail when a character cannot be spoken.")
]


def _resources(
    voices_dir: Path | None,
    engine: str,
    model_dir: Path | None = None,
    use_cache: bool = False,
    jobs: int | None = None,
    precision: str = "auto",
) -> Resources:
    """Load the voices folder (cast and lexicon) and the engine, checking every voice."""
    from bulletin.cache import ClipCache, default_cache_dir
    from bulletin.cast import load_cast
    from bulletin.engines import choose_engine
    from bulletin.engines.mms import resolve_precision
    from bulletin.normalize import load_lexicon

    resolve_precision(precision)  # a typo fails even when espeak-ng is chosen
    directory = _voices_dir(voices_dir)
    cast = load_cast(directory)
    choice = choose_engine(engine, model_dir, precision)
    for profile in cast.voices.values():  # a typo in any voice fails now, not mid-run
        choice.engine.check_voice(profile)
    cache = ClipCache(default_cache_dir()) if use_cache else None
    # Worker processes did not pay off on a 2-core machine (bench/bench_generate.py --jobs:
    # 7-12 % slower, the seed and a 1,900-word article), so they are opt-in.
    workers = jobs or 1
    lexicon = load_lexicon(directory)
    return Resources(choice.engine, cast, lexicon, cache, workers, choice.notice)


def _notice(resources: Resources) -> None:
    """Say why `auto` fell back to espeak-ng (after the work, so errors stay one line)."""
    if resources.notice:
        stderr.print(f"notice: {resources.notice}", markup=False, highlight=False)


@app.command()
def generate(
    articles: Annotated[list[Path], typer.Argument(help="Article text files (UTF-8).")],
    out_dir: Annotated[Path, typer.Option("-o", "--out-dir", help="Output folder.")] = Path(
        "audio_out"
    ),
    engine: EngineOption = "auto",
    model_dir: ModelDirOption = None,
    precision: PrecisionOption = "auto",
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
    show_file: ShowOption = None,
    show_name: Annotated[
        str | None, typer.Option(help="Show name (default: from show.toml).")
    ] = None,
    cover: Annotated[
        Path | None, typer.Option(help="Episode cover: square JPEG or PNG, 1400–3000 px.")
    ] = None,
    feed: FeedOption = None,
    base_url: BaseUrlOption = None,
    bitrate: Annotated[int, typer.Option(help="MP3 constant bit rate in kbps.")] = 128,
    voices: VoicesOption = None,
    cast_file: CastFileOption = None,
    strict: StrictOption = False,
    as_json: JsonOption = False,
) -> None:
    """Synthesize, master and export one episode per article; --feed also publishes it."""
    from bulletin.pipeline import generate as generate_episode

    show = load_show(show_file)
    if show_name:
        show = replace(show, name=show_name)
    publish_url = _public_url(base_url, show) if feed is not None else None
    resources = _resources(voices, engine, model_dir, not no_cache, jobs, precision)
    options = Options(show, bitrate, strict, cast_file, cover)
    failures, episodes = 0, []
    for article in articles:
        try:
            with _progress_bar() as hooks:
                episode = generate_episode(article, out_dir, resources, options, hooks)
            if feed is not None and publish_url is not None:
                _add_to_feed(Path(episode.manifest_path), feed, publish_url, show)
        except BulletinError as error:
            failures += 1
            _error(str(error))
            continue
        episodes.append(episode)
        if not as_json:
            stdout.print(_summary(episode), markup=False, highlight=False)
    if episodes:
        _notice(resources)
    if as_json:
        _print_json([_episode_json(e) for e in episodes])
    if failures:
        raise typer.Exit(1)


@feed_app.command("add")
def feed_add(
    episodes: Annotated[list[Path], typer.Argument(help="Episode manifests (<slug>.json).")],
    feed: Annotated[Path, typer.Option("--feed", help="RSS feed file to create or update.")],
    base_url: BaseUrlOption = None,
    show_file: ShowOption = None,
) -> None:
    """Add episodes to an RSS feed (or update them if they are already in it)."""
    show = load_show(show_file)
    url = _public_url(base_url, show)
    for episode in episodes:
        _add_to_feed(episode, feed, url, show)


def _public_url(base_url: str | None, show: Show) -> str:
    """The public URL of the output folder, which a feed needs for its links."""
    url = base_url or show.base_url
    if not url:
        raise BulletinError("a feed needs --base-url (or base_url in show.toml)")
    return url


def _add_to_feed(manifest: Path, feed: Path, base_url: str, show: Show) -> None:
    """Add one episode to the feed; the show's cover is published beside the feed."""
    from bulletin.export import write_bytes
    from bulletin.feed import add_episode
    from bulletin.show import check_cover

    if show.cover:
        cover = check_cover(Path(show.cover))
        published = feed.parent / cover.path.name
        if not published.exists() or published.read_bytes() != cover.data:
            write_bytes(cover.data, published)
    update = add_episode(manifest, feed, base_url, show)
    action = "added" if update.added else "updated"
    message = f"{feed}: {action} {manifest.stem} ({update.items} episodes in the feed)"
    stdout.print(message, markup=False, highlight=False)


@app.command()
def segment(
    article: Annotated[Path, typer.Argument(help="Article text file (UTF-8).")],
    engine: EngineOption = "auto",
    model_dir: ModelDirOption = None,
    voices: VoicesOption = None,
    spoken: Annotated[
        bool, typer.Option("--spoken", help="Also show the text sent to the engine.")
    ] = False,
    cast_file: CastFileOption = None,
    strict: StrictOption = False,
    as_json: JsonOption = False,
) -> None:
    """Show the script (kind, speaker, voice, evidence, text) without synthesizing."""
    from bulletin.article import read_article
    from bulletin.pipeline import prepare

    source = read_article(article)
    options = Options(strict=strict, cast_file=cast_file)
    script = prepare(source, _resources(voices, engine, model_dir), options)
    for problem in script.problems:
        _warn(f"{source.source}: {problem}")
    if as_json:
        _print_json(script_json(script))
        return
    quotes = 0
    for number, seg in enumerate(script.segments):
        label = seg.kind.value
        if seg.kind.value == "quote":
            quotes += 1
            label = f"quote {quotes}"
        who = f"{seg.speaker or '-'} [{seg.voice}]"
        evidence = f"  ({seg.evidence})" if seg.evidence else ""
        stdout.print(f"{number:>3} {label:<9} {who}{evidence}", markup=False)
        stdout.print(f"    {seg.text}", markup=False, highlight=False)
        if spoken and seg.spoken != seg.text:
            stdout.print(f"  → {seg.spoken}", markup=False, highlight=False)


def script_json(script: Script) -> dict[str, Any]:
    """The stable `segment --json` schema."""
    return {
        "title": script.title,
        "segments": [
            {
                "kind": s.kind.value,
                "text": s.text,
                "speaker": s.speaker,
                "voice": s.voice,
                "start_char": s.span.start,
                "end_char": s.span.end,
                "spoken": s.spoken,
            }
            for s in script.segments
        ],
    }


@voices_app.callback(invoke_without_command=True)
def voices_list(
    ctx: typer.Context, voices: VoicesOption = None, as_json: JsonOption = False
) -> None:
    """List the voice profiles and the cast."""
    if ctx.invoked_subcommand is not None:
        return
    cast = _load_cast(voices)
    if as_json:
        _print_json(_cast_json(cast))
        return
    for name, profile in sorted(cast.voices.items()):
        e = profile.espeak
        variant = f"{e.language}+{e.variant}" if e.variant else e.language
        stdout.print(
            f"{name:<10} espeak {variant:<8} rate {e.rate:<3} pitch {e.pitch:<3} "
            f"range {e.pitch_range:<3} {profile.description}",
            markup=False,
        )
    stdout.print(f"\nnarrator: {cast.narrator}   unnamed speakers: {cast.quote}", markup=False)
    for member in cast.members:
        aliases = f" (also: {', '.join(member.aliases)})" if member.aliases else ""
        stdout.print(f"{member.name} → {member.voice}{aliases}", markup=False)
    stdout.print(f"pool: {', '.join(cast.pool)}", markup=False)


@voices_app.command("preview")
def voices_preview(
    name: Annotated[str, typer.Argument(help="Voice profile name.")],
    text: Annotated[str, typer.Argument(help="Urdu text to speak.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="WAV file.")] = None,
    engine: EngineOption = "auto",
    model_dir: ModelDirOption = None,
    precision: PrecisionOption = "auto",
    voices: VoicesOption = None,
) -> None:
    """Write a short WAV of one voice speaking TEXT (normalized like an article)."""
    import soundfile

    from bulletin.export import atomic_path
    from bulletin.normalize import speaks, spoken_text
    from bulletin.synthesis import speak

    resources = _resources(voices, engine, model_dir, precision=precision)
    if name not in resources.cast.voices:
        known = ", ".join(sorted(resources.cast.voices))
        raise BulletinError(f"unknown voice {name!r} (known: {known})")
    spoken = spoken_text(text, resources.lexicon)
    unspeakable = sorted({c for c in spoken if not speaks(c, resources.engine.speakable)})
    if unspeakable:
        _warn(f"left out, the engine cannot speak them: {' '.join(map(repr, unspeakable))}")
        spoken = " ".join(spoken.translate({ord(c): " " for c in unspeakable}).split())
    if not spoken:
        raise BulletinError("nothing to say: give some Urdu text to preview")
    clip = speak(resources.engine, spoken, resources.cast.voices[name])
    output = output or Path("audio_out") / f"preview-{name}.wav"
    with atomic_path(output) as temporary:
        soundfile.write(temporary, clip.samples, clip.sample_rate, format="WAV", subtype="PCM_16")
    stdout.print(f"{output}  {clip.duration:.1f} s", markup=False)
    _notice(resources)


@models_app.callback(invoke_without_command=True)
def models_list(
    ctx: typer.Context, model_dir: ModelDirOption = None, as_json: JsonOption = False
) -> None:
    """List the neural models: whether each is on disk, where, its size and licence."""
    if ctx.invoked_subcommand is not None:
        return
    from bulletin.engines.mms import neural_available
    from bulletin.tts_models import MODELS, model_status, resolve_model_dir

    rows = [model_status(info, resolve_model_dir(model_dir, info)) for info in MODELS.values()]
    if as_json:
        _print_json({"neural_engine_installed": neural_available(), "models": rows})
        return
    for row in rows:
        size = row["size_bytes"]
        state = f"{size / 1e6:.0f} MB" if isinstance(size, int) else "not downloaded"
        stdout.print(f"{row['name']:<10} {state:<15} {row['path']}", markup=False)
        stdout.print(f"           {row['description']}; licence: {row['licence']}", markup=False)
        if row["problem"]:
            stdout.print(f"           problem: {row['problem']}", markup=False)
    if not neural_available():
        from bulletin.engines.mms import NEURAL_EXTRA

        stdout.print(f"The neural engine is not installed: {NEURAL_EXTRA}", markup=False)


@models_app.command("pull")
def models_pull(
    name: Annotated[str, typer.Argument(help="Model to download: mms-urdu.")],
    model_dir: ModelDirOption = None,
    source: Annotated[
        str | None,
        typer.Option("--from", help="Archive URL or local .tar.gz instead of Meta's server."),
    ] = None,
) -> None:
    """Download a neural model (the only command that uses the network)."""
    from bulletin.tts_models import model_info, pull_model, resolve_model_dir

    info = model_info(name)
    target = resolve_model_dir(model_dir, info)
    stdout.print(f"{info.key}: licence {info.licence}", markup=False)
    stdout.print(f"Downloading {source or info.url}", markup=False, highlight=False)
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn())
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task("downloading", total=None)
        folder = pull_model(
            info, target, source, lambda done, total: bar.update(task, completed=done, total=total)
        )
    stdout.print(f"{folder.path}  {folder.size_bytes / 1e6:.0f} MB", markup=False)
    stdout.print(f"Credit recorded in each episode: {info.credit}", markup=False)


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached clip."""
    from bulletin.cache import ClipCache, default_cache_dir

    cache = ClipCache(default_cache_dir())
    entries, size = cache.clear()
    stdout.print(f"{cache.root}: removed {entries} clips ({size / 1e6:.1f} MB)", markup=False)


@cache_app.command("info")
def cache_info(as_json: JsonOption = False) -> None:
    """Show where the cache is and how much it holds."""
    from bulletin.cache import ClipCache, default_cache_dir

    cache = ClipCache(default_cache_dir())
    entries, size = cache.usage()
    if as_json:
        _print_json({"path": str(cache.root), "clips": entries, "bytes": size})
        return
    stdout.print(f"{cache.root}: {entries} clips, {size / 1e6:.1f} MB", markup=False)


def _voices_dir(voices_dir: Path | None) -> Path:
    from bulletin.cast import default_voices_dir

    return voices_dir or default_voices_dir()


def _load_cast(voices_dir: Path | None) -> Cast:
    from bulletin.cast import load_cast

    return load_cast(_voices_dir(voices_dir))


def _warn(message: str) -> None:
    stderr.print(f"warning: {message}", markup=False, highlight=False)


def _error(message: str) -> None:
    stderr.print(f"error: {message}", markup=False, highlight=False)


def _summary(episode: Episode) -> str:
    minutes, seconds = divmod(round(episode.duration), 60)
    return (
        f"{episode.mp3_path}  {minutes}:{seconds:02d}  "
        f"{episode.loudness.integrated_lufs:.1f} LUFS  {episode.loudness.true_peak_dbtp:.1f} dBTP  "
        f"voices: {', '.join(episode.voices)}"
    )


def _episode_json(episode: Episode) -> dict[str, Any]:
    return {
        "mp3": episode.mp3_path,
        "manifest": episode.manifest_path,
        "title": episode.title,
        "duration": round(episode.duration, 3),
        "engine": episode.engine,
        "loudness_lufs": round(episode.loudness.integrated_lufs, 2),
        "true_peak_dbtp": round(episode.loudness.true_peak_dbtp, 2),
        "voices": episode.voices,
    }


def _cast_json(cast: Cast) -> dict[str, Any]:
    return {
        "narrator": cast.narrator,
        "quote": cast.quote,
        "pool": list(cast.pool),
        "speakers": [
            {"name": m.name, "aliases": list(m.aliases), "voice": m.voice} for m in cast.members
        ],
        "voices": {
            name: {
                "description": p.description,
                "espeak": vars(p.espeak),
                "mms": vars(p.mms),
                "post": vars(p.post),
            }
            for name, p in sorted(cast.voices.items())
        },
    }


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextlib.contextmanager
def _progress_bar() -> Iterator[ProgressHooks]:
    """A rich progress bar over sentences, on stderr, wired to the pipeline's hooks."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(
        *columns,
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    ) as bar:
        task = bar.add_task("reading", total=None)
        yield ProgressHooks(
            start=lambda _title, total: bar.update(task, description="synthesizing", total=total),
            advance=lambda: bar.advance(task),
            stage=lambda name: bar.update(task, description=name),
            warn=lambda message: bar.console.print(
                f"warning: {message}", markup=False, highlight=False
            ),
        )


def main() -> None:
    """Console entry point: one-line errors, no tracebacks."""
    try:
        app()
    except BulletinError as error:
        _error(str(error))
        sys.exit(1)
    except KeyboardInterrupt:
        stderr.print("interrupted", markup=False)
        sys.exit(130)
