"""Neural model files: where they live, what a usable model folder holds, and downloading.

The only network access in bulletin is `pull_model`, run by `bulletin models pull`.
Everything else reads local folders.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bulletin.errors import BulletinError

MODEL_DIR_ENV = "BULLETIN_MODEL_DIR"
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class ModelInfo:
    """A neural model bulletin knows how to fetch and load."""

    key: str  # the name users type: `bulletin models pull mms-urdu`
    coqui_name: str  # Coqui TTS's name; its data folder is named after it
    url: str
    licence: str
    credit: str  # recorded in each episode's metadata
    description: str


# Meta's MMS-TTS Urdu (Perso-Arabic script) VITS model, as Coqui TTS names and fetches it
# (TTS/utils/manage.py: https://dl.fbaipublicfiles.com/mms/tts/<lang>.tar.gz).
MMS_URDU = ModelInfo(
    key="mms-urdu",
    coqui_name="tts_models/urd-script_arabic/fairseq/vits",
    url="https://dl.fbaipublicfiles.com/mms/tts/urd-script_arabic.tar.gz",
    licence="CC BY-NC 4.0 (non-commercial use only)",
    credit=(
        "Voice: MMS-TTS Urdu (Meta AI, Massively Multilingual Speech), "
        "CC BY-NC 4.0, non-commercial; synthesized with Coqui TTS"
    ),
    description="Meta MMS-TTS Urdu, Perso-Arabic script, VITS, 16 kHz, one speaker",
)
MODELS = {MMS_URDU.key: MMS_URDU}


@dataclass(frozen=True)
class ModelFolder:
    """A checked MMS model folder: the files Coqui's fairseq loader reads."""

    path: Path
    checkpoint: Path  # G_<step>.pth
    sample_rate: int
    symbols: tuple[str, ...]  # vocab.txt, one symbol per line

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.path.iterdir() if p.is_file())

    def fingerprint(self) -> str:
        """A hash of the model files, so cached audio is tied to these exact weights."""
        digest = hashlib.sha256()
        for path in (self.path / "config.json", self.path / "vocab.txt", self.checkpoint):
            with path.open("rb") as handle:
                while chunk := handle.read(CHUNK_BYTES):
                    digest.update(chunk)
        return digest.hexdigest()[:16]


def model_info(key: str) -> ModelInfo:
    if key not in MODELS:
        raise BulletinError(f"unknown model {key!r}; known: {', '.join(MODELS)}")
    return MODELS[key]


def coqui_data_dir() -> Path:
    """Coqui TTS's model folder: `$TTS_HOME/tts`, else `$XDG_DATA_HOME/tts`, else
    `~/.local/share/tts` (the rule of Coqui's `get_user_data_dir`)."""
    base = os.environ.get("TTS_HOME") or os.environ.get("XDG_DATA_HOME")
    root = Path(base).expanduser() if base else Path.home() / ".local" / "share"
    return root / "tts"


def default_model_dir(info: ModelInfo = MMS_URDU) -> Path:
    """Where Coqui keeps `info` once downloaded (and where `models pull` puts it)."""
    return coqui_data_dir() / info.coqui_name.replace("/", "--")


def resolve_model_dir(model_dir: Path | None, info: ModelInfo = MMS_URDU) -> Path:
    """`--model-dir`, else `$BULLETIN_MODEL_DIR`, else Coqui's data folder."""
    if model_dir is not None:
        return model_dir
    if env := os.environ.get(MODEL_DIR_ENV):
        return Path(env).expanduser()
    return default_model_dir(info)


def inspect_model_dir(path: Path) -> ModelFolder:
    """Check that `path` holds a usable MMS model; raise BulletinError saying what is wrong."""
    if not path.is_dir():
        raise BulletinError(f"{path}: no model there (get it: bulletin models pull mms-urdu)")
    checkpoints = sorted(path.glob("G_*.pth"))
    if len(checkpoints) != 1:
        found = "none" if not checkpoints else ", ".join(p.name for p in checkpoints)
        raise BulletinError(f"{path}: expected one G_<step>.pth checkpoint, found {found}")
    config = _read_config(path / "config.json")
    symbols = _read_vocab(path / "vocab.txt")
    data = config.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("sampling_rate"), int):
        raise BulletinError(f"{path / 'config.json'}: no data.sampling_rate; not an MMS config")
    if str(data.get("training_files", "")).endswith("uroman"):
        raise BulletinError(f"{path}: this MMS model reads romanized text, not Urdu script")
    return ModelFolder(path, checkpoints[0], data["sampling_rate"], symbols)


def _read_config(path: Path) -> dict[str, object]:
    try:
        config = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise BulletinError(f"{path}: missing (the model folder is incomplete)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BulletinError(f"{path}: unreadable model config ({error})") from None
    if not isinstance(config, dict):
        raise BulletinError(f"{path}: not a model config")
    return config


def _read_vocab(path: Path) -> tuple[str, ...]:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise BulletinError(f"{path}: missing (the model folder is incomplete)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BulletinError(f"{path}: unreadable vocabulary ({error})") from None
    symbols = tuple(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"))
    if len(symbols) < 2 or len(set(symbols)) != len(symbols):
        raise BulletinError(f"{path}: not a vocabulary (one distinct symbol per line)")
    return symbols


def model_status(info: ModelInfo, path: Path) -> dict[str, object]:
    """What `models list` shows for one model."""
    status: dict[str, object] = {
        "name": info.key,
        "description": info.description,
        "licence": info.licence,
        "path": str(path),
        "present": False,
        "size_bytes": None,
        "problem": None,
    }
    try:
        folder = inspect_model_dir(path)
    except BulletinError as error:
        status["problem"] = None if not path.exists() else str(error)
        return status
    status.update(present=True, size_bytes=folder.size_bytes)
    return status


Progress = Callable[[int, int | None], None]  # (bytes so far, total bytes or None)


def pull_model(
    info: ModelInfo, dest: Path, source: str | None = None, progress: Progress | None = None
) -> ModelFolder:
    """Download (or copy, for a local tarball) `info`'s archive and unpack it into `dest`.

    The archive is unpacked beside `dest` and renamed into place only once it checks out,
    so an interrupted pull leaves no half-written model behind.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pull-", dir=dest.parent) as scratch:
        archive = Path(scratch) / "model.tar.gz"
        _fetch(source or info.url, archive, progress or (lambda _done, _total: None))
        unpacked = _unpack(archive, Path(scratch) / "unpacked")
        inspect_model_dir(unpacked)
        if dest.exists():
            shutil.rmtree(dest)
        unpacked.rename(dest)
    return inspect_model_dir(dest)


def _fetch(source: str, target: Path, progress: Progress) -> None:
    local = Path(source).expanduser()
    if "://" not in source:
        if not local.is_file():
            raise BulletinError(f"{source}: no such archive")
        source = local.resolve().as_uri()
    try:
        with urllib.request.urlopen(source, timeout=60) as response, target.open("wb") as out:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            done = 0
            while chunk := response.read(CHUNK_BYTES):
                out.write(chunk)
                done += len(chunk)
                progress(done, total)
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise BulletinError(f"cannot download {source}: {reason}") from None


def _unpack(archive: Path, target: Path) -> Path:
    """Extract safely; MMS archives hold one top folder, whose files end up in `target`."""
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
    except (tarfile.TarError, OSError) as error:
        raise BulletinError(f"the downloaded archive is damaged ({error})") from None
    entries = list(target.iterdir())
    if len(entries) == 1 and entries[0].is_dir():
        return entries[0]
    return target
