"""Model folders: where they are looked for, what makes one usable, `models pull/list`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from bulletin.errors import BulletinError
from bulletin.tts_models import (
    MMS_URDU,
    default_model_dir,
    inspect_model_dir,
    model_info,
    pull_model,
    resolve_model_dir,
)

ROOT = Path(__file__).resolve().parent.parent
CONFIG = {"data": {"sampling_rate": 16000, "add_blank": True, "training_files": "train.ltr"}}


def _files(config: object = CONFIG, vocab: str = "_\n \nا\nب\n") -> dict[str, bytes]:
    return {
        "G_100000.pth": b"weights",
        "config.json": json.dumps(config).encode(),
        "vocab.txt": vocab.encode(),
    }


def _folder(path: Path, files: dict[str, bytes]) -> Path:
    path.mkdir(parents=True)
    for name, data in files.items():
        (path / name).write_bytes(data)
    return path


def _tarball(path: Path, files: dict[str, bytes], top: str = "urd-script_arabic") -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_model_folder_follows_coqui_and_our_overrides(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("TTS_HOME", str(tmp_path / "coqui"))
    expected = tmp_path / "coqui" / "tts" / "tts_models--urd-script_arabic--fairseq--vits"
    assert default_model_dir() == expected == resolve_model_dir(None)
    monkeypatch.delenv("TTS_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_model_dir().parent == tmp_path / "xdg" / "tts"
    monkeypatch.setenv("BULLETIN_MODEL_DIR", str(tmp_path / "env"))
    assert resolve_model_dir(None) == tmp_path / "env"
    assert resolve_model_dir(tmp_path / "flag") == tmp_path / "flag"


def test_a_usable_folder_is_read(tmp_path) -> None:
    folder = inspect_model_dir(_folder(tmp_path / "m", _files()))
    assert folder.sample_rate == 16000
    assert folder.symbols == ("_", " ", "ا", "ب")
    assert folder.checkpoint.name == "G_100000.pth"
    assert len(folder.fingerprint()) == 16


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.pop("G_100000.pth"), "expected one G_<step>.pth checkpoint, found none"),
        (lambda f: f.update({"G_5.pth": b"x"}), "found G_100000.pth, G_5.pth"),
        (lambda f: f.pop("vocab.txt"), "vocab.txt: missing"),
        (lambda f: f.pop("config.json"), "config.json: missing"),
        (lambda f: f.update({"config.json": b"{"}), "unreadable model config"),
        (lambda f: f.update({"config.json": b"{}"}), "no data.sampling_rate"),
        (lambda f: f.update({"vocab.txt": b"a\na\n"}), "not a vocabulary"),
        (lambda f: f.update({"vocab.txt": b"\xff\n"}), "unreadable vocabulary"),
        (
            lambda f: f.update(
                _files({"data": {"sampling_rate": 1, "training_files": "x.uroman"}})
            ),
            "romanized",
        ),
    ],
)
def test_a_broken_folder_says_what_is_wrong(tmp_path, change, message) -> None:
    files = _files()
    change(files)
    with pytest.raises(BulletinError, match=message):
        inspect_model_dir(_folder(tmp_path / "m", files))


def test_pull_unpacks_checks_and_replaces_atomically(tmp_path) -> None:
    archive = _tarball(tmp_path / "urd.tar.gz", _files())
    target = tmp_path / "models" / "mms"
    seen: list[tuple[int, int | None]] = []
    folder = pull_model(MMS_URDU, target, str(archive), lambda d, t: seen.append((d, t)))
    assert folder.path == target
    assert sorted(p.name for p in target.iterdir()) == ["G_100000.pth", "config.json", "vocab.txt"]
    assert seen and seen[-1][0] == archive.stat().st_size
    assert [p.name for p in target.parent.iterdir()] == ["mms"]  # no scratch left behind


def test_a_bad_archive_leaves_the_old_model_alone(tmp_path) -> None:
    target = _folder(tmp_path / "models" / "mms", _files())
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    bad = _files()
    bad.pop("vocab.txt")
    for archive, message in (
        (_tarball(tmp_path / "incomplete.tar.gz", bad), "vocab.txt: missing"),
        (tmp_path / "missing.tar.gz", "no such archive"),
    ):
        with pytest.raises(BulletinError, match=message):
            pull_model(MMS_URDU, target, str(archive))
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(b"not a tarball")
    with pytest.raises(BulletinError, match="damaged"):
        pull_model(MMS_URDU, target, str(damaged))
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["mms"]


def test_unreachable_server_is_a_one_line_error(tmp_path) -> None:
    with pytest.raises(BulletinError, match="cannot download"):
        pull_model(MMS_URDU, tmp_path / "m", "http://127.0.0.1:9/none.tar.gz")


def test_unknown_model_name() -> None:
    with pytest.raises(BulletinError, match="known: mms-urdu"):
        model_info("mms-hindi")


def _bulletin(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "bulletin", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_models_pull_and_list_commands(tmp_path) -> None:
    listed = json.loads(_bulletin("models", "--json").stdout)
    assert listed["models"][0]["name"] == "mms-urdu"
    assert listed["models"][0]["present"] is False
    assert "CC BY-NC 4.0" in listed["models"][0]["licence"]

    archive = _tarball(tmp_path / "urd.tar.gz", _files())
    target = tmp_path / "mms"
    done = _bulletin("models", "pull", "mms-urdu", "--from", archive, "--model-dir", target)
    assert done.returncode == 0, done.stderr
    assert "CC BY-NC 4.0" in done.stdout and "non-commercial" in done.stdout
    listed = json.loads(_bulletin("models", "--model-dir", target, "--json").stdout)
    assert listed["models"][0]["present"] is True
    assert listed["models"][0]["size_bytes"] == sum(len(v) for v in _files().values())

    failed = _bulletin("models", "pull", "mms-urdu", "--from", tmp_path / "none.tar.gz")
    assert failed.returncode == 1 and failed.stderr.strip().count("\n") == 0
    assert "error: " in failed.stderr


def test_cache_commands(tmp_path) -> None:
    info = json.loads(_bulletin("cache", "info", "--json").stdout)
    assert info["clips"] == 0 and info["path"].endswith("bulletin")
    clips = Path(info["path"]) / "clips" / "ab"
    clips.mkdir(parents=True)
    (clips / ("ab" + "0" * 62)).write_bytes(b"x" * 10)
    assert json.loads(_bulletin("cache", "info", "--json").stdout)["clips"] == 1
    cleared = _bulletin("cache", "clear")
    assert "removed 1 clips" in cleared.stdout
    assert json.loads(_bulletin("cache", "info", "--json").stdout)["clips"] == 0


def test_auto_falls_back_to_espeak_with_a_notice_and_never_downloads(tmp_path) -> None:
    from bulletin.engines import choose_engine

    choice = choose_engine("auto")
    assert choice.engine.name == "espeak"
    assert choice.notice and "bulletin models pull mms-urdu" in choice.notice
    assert not (tmp_path / "tts-home").exists()  # nothing fetched or created
    with pytest.raises(BulletinError):  # a folder named explicitly must work
        choose_engine("auto", tmp_path / "missing")
    assert choose_engine("espeak").notice is None


def test_generate_prints_the_notice_once_after_the_episode(tmp_path) -> None:
    done = _bulletin("generate", ROOT / "seeds" / "tokayev-putin-moscow.txt", "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    notices = [line for line in done.stderr.splitlines() if line.startswith("notice:")]
    assert len(notices) == 1 and "using espeak-ng" in notices[0]  # no model in TTS_HOME
