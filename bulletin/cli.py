"""The `bulletin` command line."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bulletin.errors import BulletinError
from bulletin.model import Cast, Episode, Script
from bulletin.pipeline import DEFAULT_SHOW_NAME, Options, ProgressHooks, Resources

app = typer.Typer(
    help="Turn Urdu news articles into podcast-style MP3 bulletins.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
voices_app = typer.Typer(help="List voice profiles and the cast, or preview a voice.")
app.add_typer(voices_app, name="voices")

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)

VoicesOption = Annotated[
    Path | None,
    typer.Option("--voices", help="Voices folder (default: $BULLETIN_VOICES, ./voices, built-in)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


EngineOption = Annotated[str, typer.Option("--engine", help="Synthesis engine: espeak.")]
CastFileOption = Annotated[
    Path | None,
    typer.Option("--cast", help="Override file for speakers and voices (default: NAME.cast.toml)."),
]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="Fail when a character cannot be spoken.")
]


def _resources(voices_dir: Path | None, engine: str) -> Resources:
    """Load the voices folder (cast and lexicon) and the engine, checking every voice."""
    from bulletin.cast import load_cast
    from bulletin.engines import load_engine
    from bulletin.normalize import load_lexicon

    directory = _voices_dir(voices_dir)
    cast = load_cast(directory)
    loaded = load_engine(engine)
    for profile in cast.voices.values():  # a typo in any voice fails now, not mid-run
        loaded.check_voice(profile)
    return Resources(loaded, cast, load_lexicon(directory))


@app.command()
def generate(
    articles: Annotated[list[Path], typer.Argument(help="Article text files (UTF-8).")],
    out_dir: Annotated[Path, typer.Option("-o", "--out-dir", help="Output folder.")] = Path(
        "audio_out"
    ),
    engine: EngineOption = "espeak",
    show_name: Annotated[str, typer.Option(help="Show name for the artist/album tags.")] = (
        DEFAULT_SHOW_NAME
    ),
    bitrate: Annotated[int, typer.Option(help="MP3 constant bit rate in kbps.")] = 128,
    voices: VoicesOption = None,
    cast_file: CastFileOption = None,
    strict: StrictOption = False,
    as_json: JsonOption = False,
) -> None:
    """Synthesize, master and export one MP3 episode per article."""
    from bulletin.pipeline import generate as generate_episode

    resources = _resources(voices, engine)
    options = Options(show_name, bitrate, strict, cast_file)
    failures, episodes = 0, []
    for article in articles:
        try:
            with _progress_bar() as hooks:
                episode = generate_episode(article, out_dir, resources, options, hooks)
        except BulletinError as error:
            failures += 1
            _error(str(error))
            continue
        episodes.append(episode)
        if not as_json:
            stdout.print(_summary(episode), markup=False, highlight=False)
    if as_json:
        _print_json([_episode_json(e) for e in episodes])
    if failures:
        raise typer.Exit(1)


@app.command()
def segment(
    article: Annotated[Path, typer.Argument(help="Article text file (UTF-8).")],
    engine: EngineOption = "espeak",
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
    script = prepare(source, _resources(voices, engine), options)
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
    engine: EngineOption = "espeak",
    voices: VoicesOption = None,
) -> None:
    """Write a short WAV of one voice speaking TEXT (normalized like an article)."""
    import soundfile

    from bulletin.export import atomic_path
    from bulletin.normalize import spoken_text
    from bulletin.synthesis import speak

    resources = _resources(voices, engine)
    if name not in resources.cast.voices:
        known = ", ".join(sorted(resources.cast.voices))
        raise BulletinError(f"unknown voice {name!r} (known: {known})")
    spoken = spoken_text(text, resources.lexicon)
    if not spoken:
        raise BulletinError("nothing to say: give some Urdu text to preview")
    clip = speak(resources.engine, spoken, resources.cast.voices[name])
    output = output or Path("audio_out") / f"preview-{name}.wav"
    with atomic_path(output) as temporary:
        soundfile.write(temporary, clip.samples, clip.sample_rate, format="WAV", subtype="PCM_16")
    stdout.print(f"{output}  {clip.duration:.1f} s", markup=False)


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
            name: {"description": p.description, "espeak": vars(p.espeak), "post": vars(p.post)}
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
