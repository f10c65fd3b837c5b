"""Stage 4, cast: voice profiles and the cast file, and a voice for every segment."""

from __future__ import annotations

import hashlib
import itertools
import os
import tomllib
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from bulletin.errors import BulletinError
from bulletin.model import (
    Cast,
    CastMember,
    EspeakSettings,
    MmsSettings,
    Overrides,
    PostProcess,
    Script,
    SegmentKind,
    VoiceProfile,
)

CAST_FILE = "cast.toml"
NOT_VOICES = frozenset({CAST_FILE, "lexicon.toml"})  # other files in the voices folder
VOICES_ENV = "BULLETIN_VOICES"


def default_voices_dir() -> Path:
    """`$BULLETIN_VOICES`, else ./voices, else the voices shipped with the package."""
    if env := os.environ.get(VOICES_ENV):
        return Path(env)
    local = Path.cwd() / "voices"
    if (local / CAST_FILE).is_file():
        return local
    package = Path(__file__).resolve().parent
    for candidate in (package / "_voices", package.parent / "voices"):
        if (candidate / CAST_FILE).is_file():
            return candidate
    raise BulletinError(f"no voices folder found; pass --voices DIR or set {VOICES_ENV}")


def load_cast(directory: Path) -> Cast:
    """Read every voice profile and the cast file in `directory`, checking references."""
    if not (directory / CAST_FILE).is_file():
        raise BulletinError(f"{directory}: no {CAST_FILE} in the voices folder")
    voices = {
        path.stem: parse_voice(path.stem, _read_toml(path), path)
        for path in sorted(directory.glob("*.toml"))
        if path.name not in NOT_VOICES
    }
    return parse_cast(_read_toml(directory / CAST_FILE), voices, directory / CAST_FILE)


def parse_voice(name: str, data: dict[str, Any], source: Path | str = "voice") -> VoiceProfile:
    """A VoiceProfile from a parsed TOML table."""
    data = dict(data)
    description = str(data.pop("description", ""))
    gender = data.pop("gender", None)
    if gender not in (None, "female", "male"):
        raise BulletinError(f'{source}: gender must be "female" or "male", not {gender!r}')
    espeak = _dataclass_from(EspeakSettings, data.pop("espeak", {}), f"{source} [espeak]")
    mms = _dataclass_from(MmsSettings, data.pop("mms", {}), f"{source} [mms]")
    post = _dataclass_from(PostProcess, data.pop("post", {}), f"{source} [post]")
    engines = {}
    for key, value in data.items():
        if not isinstance(value, dict):
            raise BulletinError(f"{source}: unknown setting {key!r}")
        engines[key] = value
    return VoiceProfile(name, description, gender, espeak, mms, engines, post)


def parse_cast(data: dict[str, Any], voices: dict[str, VoiceProfile], source: Path | str) -> Cast:
    """A Cast from a parsed cast file, every voice name checked against `voices`."""

    def voice_ref(value: object, where: str) -> str:
        if not isinstance(value, str) or value not in voices:
            known = ", ".join(sorted(voices)) or "none"
            raise BulletinError(f"{source}: {where} names unknown voice {value!r} (known: {known})")
        return value

    members = []
    for number, entry in enumerate(data.get("speaker", []), start=1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise BulletinError(f"{source}: speaker #{number} needs a name")
        aliases = tuple(str(a) for a in entry.get("aliases", []))
        voice = voice_ref(entry.get("voice"), f"speaker {entry['name']!r}")
        members.append(CastMember(str(entry["name"]), voice, aliases))
    pool = tuple(voice_ref(v, "pool") for v in data.get("pool", []))
    if not pool:
        raise BulletinError(f"{source}: the pool needs at least one voice")
    return Cast(
        narrator=voice_ref(data.get("narrator"), "narrator"),
        quote=voice_ref(data.get("quote", data.get("narrator")), "quote"),
        members=tuple(members),
        pool=pool,
        voices=voices,
    )


def sidecar_for(article_path: Path) -> Path:
    """The override file that sits beside an article: `NAME.cast.toml` for `NAME.txt`."""
    return article_path.with_name(f"{article_path.stem}.cast.toml")


def load_overrides(path: Path) -> Overrides:
    """Read an override file:

    [[quote]]
    number = 2              # the 2nd quote, as `bulletin segment` numbers them
    speaker = "شہباز شریف"   # "" for an unknown speaker

    [voices]
    "شہباز شریف" = "pool-3"
    """
    data = _read_toml(path)
    speakers: dict[int, str | None] = {}
    for entry in data.get("quote", []):
        number = entry.get("number") if isinstance(entry, dict) else None
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise BulletinError(f"{path}: each [[quote]] needs a number (1 for the first quote)")
        speaker = entry.get("speaker", "")
        if not isinstance(speaker, str):
            raise BulletinError(f"{path}: quote {number}: speaker must be text")
        speakers[number] = speaker.strip() or None
    voices = data.get("voices", {})
    if not isinstance(voices, dict) or not all(isinstance(v, str) for v in voices.values()):
        raise BulletinError(f"{path}: [voices] maps names to voice names")
    return Overrides(speakers, dict(voices))


def override_speakers(script: Script, overrides: Overrides) -> Script:
    """Force the speaker of the quotes the override file names."""
    count = sum(1 for s in script.segments if s.kind is SegmentKind.QUOTE)
    for number in overrides.speakers:
        if number > count:
            raise BulletinError(f"override names quote {number}, but the article has {count}")
    segments, number = [], 0
    for segment in script.segments:
        if segment.kind is SegmentKind.QUOTE:
            number += 1
            if number in overrides.speakers:
                speaker = overrides.speakers[number]
                segment = replace(segment, speaker=speaker, evidence="override file")
        segments.append(segment)
    return replace(script, segments=segments)


def assign_voices(script: Script, cast: Cast, overrides: Mapping[str, str] | None = None) -> Script:
    """Give every segment a voice: narrator, override, cast member, pool or quote voice.

    Each speaker gets a voice of their own while the pool lasts, preferring one of the
    speaker's gender where the article shows it; past that, voices are reused, but never
    by two speakers who quote back to back.
    """
    overrides = dict(overrides or {})
    for name, voice in overrides.items():
        if voice not in cast.voices:
            known = ", ".join(sorted(cast.voices))
            raise BulletinError(f"override gives {name!r} unknown voice {voice!r} (known: {known})")
    speakers = _speakers_in_order(script)
    voice_of = {
        name: voice for name in speakers if (voice := overrides.get(name) or cast_voice(cast, name))
    }
    taken = {cast.narrator, cast.quote, *voice_of.values()}
    neighbours = _back_to_back(script)
    for name in speakers:
        if name in voice_of:
            continue
        avoid = {voice_of[n] for n in neighbours.get(name, ()) if n in voice_of}
        wanted = script.genders.get(name)
        voice_of[name] = pool_voice(name, cast, taken, avoid | {cast.narrator}, wanted)
        taken.add(voice_of[name])
    segments = [
        replace(segment, voice=_voice_for(segment.kind, segment.speaker, cast, voice_of))
        for segment in script.segments
    ]
    return replace(script, segments=segments)


def pool_voice(
    name: str,
    cast: Cast,
    taken: set[str],
    avoid: frozenset[str] | set[str] = frozenset(),
    gender: str | None = None,
) -> str:
    """A stable pool voice for `name`: a hash of the name picks where to start looking.

    Preference: a free voice of the speaker's gender, any free voice, then a reused voice
    not in `avoid` (of the right gender first), then the hashed choice.
    """
    pool = cast.pool
    start = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big") % len(pool)
    order = [pool[(start + step) % len(pool)] for step in range(len(pool))]

    def fits(voice: str) -> bool:
        return gender is None or cast.voices[voice].gender in (None, gender)

    for usable in (
        lambda v: v not in taken and fits(v),
        lambda v: v not in taken,
        lambda v: v not in avoid and fits(v),
        lambda v: v not in avoid,
    ):
        for voice in order:
            if usable(voice):
                return voice
    return order[0]


def _back_to_back(script: Script) -> dict[str, set[str]]:
    """For each speaker, the speakers whose quotes come right before or after theirs."""
    quotes = [s.speaker for s in script.segments if s.kind is SegmentKind.QUOTE]
    pairs: dict[str, set[str]] = {}
    for first, second in itertools.pairwise(quotes):
        if first and second and first != second:
            pairs.setdefault(first, set()).add(second)
            pairs.setdefault(second, set()).add(first)
    return pairs


def cast_voice(cast: Cast, speaker: str) -> str | None:
    """The voice the cast file gives `speaker` (by name or alias), if any."""
    for member in cast.members:
        if speaker == member.name or speaker in member.aliases:
            return member.voice
    return None


def _voice_for(kind: SegmentKind, speaker: str | None, cast: Cast, voice_of: dict[str, str]) -> str:
    if kind is not SegmentKind.QUOTE:
        return cast.narrator
    return voice_of[speaker] if speaker else cast.quote


def _speakers_in_order(script: Script) -> list[str]:
    return list(dict.fromkeys(s.speaker for s in script.segments if s.speaker))


_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float)}


def _dataclass_from(cls: type, table: object, where: str) -> Any:
    """Build a settings dataclass from a TOML table, naming any bad key or value."""
    if not isinstance(table, dict):
        raise BulletinError(f"{where}: expected a table of settings")
    # Field annotations are strings such as "int" or "float | None" (postponed evaluation).
    expected = {f.name: _TYPES[str(f.type).removesuffix(" | None")] for f in fields(cls)}
    for key, value in table.items():
        if key not in expected:
            raise BulletinError(f"{where}: unknown setting {key!r} (known: {', '.join(expected)})")
        if isinstance(value, bool) or not isinstance(value, expected[key]):
            raise BulletinError(f"{where}: {key} = {value!r} has the wrong type")
    return cls(**table)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise BulletinError(f"{path}: invalid TOML ({error})") from None
    except OSError as error:
        raise BulletinError(f"{path}: cannot read ({error.strerror})") from None
