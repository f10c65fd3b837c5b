"""Keep every test away from the user's own cache and model folders."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("TTS_HOME", str(home / "tts-home"))
    for name in ("BULLETIN_CACHE_DIR", "BULLETIN_MODEL_DIR", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    yield Path(home)
