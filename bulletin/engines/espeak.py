"""espeak-ng engine: a ctypes binding to the library and data in the `espeakng-loader` wheel.

espeak-ng keeps synthesis state in C globals that no API call resets (pitch-flutter phase,
noise generator, gain control), so the same text can come out different depending on what
was spoken before. Each synthesis therefore loads a fresh instance of a private copy of the
library and unloads it afterwards (about 5 ms). This removes the dependence on earlier clips,
but output is still not bit-exact: about one clip in five differs by small sample values
(same length), a residue not yet traced.
"""

from __future__ import annotations

import _ctypes
import atexit
import ctypes
import difflib
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from bulletin.errors import BulletinError
from bulletin.model import Clip, EspeakSettings, VoiceProfile

# Constants from espeak-ng's speak_lib.h.
AUDIO_OUTPUT_SYNCHRONOUS = 2
INITIALIZE_DONT_EXIT = 0x8000
POS_CHARACTER = 1
CHARS_UTF8 = 1
PHONEME_INPUT = 0x100  # espeakPHONEMES: allow [[...]] phoneme input inside the text
EE_OK = 0
PARAM_RATE = 1
PARAM_PITCH = 3
PARAM_RANGE = 4
PARAM_WORDGAP = 7
RATE_MIN, RATE_MAX = 80, 450

_ERROR_NAMES = {-1: "internal error", 1: "buffer full", 2: "not found"}
_REINSTALL = "reinstall with `pip install espeakng-loader`"

# espeak-ng's Urdu rules silently drop Extended Arabic-Indic digits (the ones Urdu uses) but
# read ASCII digits in Urdu; a NUL would end the C string early. (Normalization already
# writes numbers out as words; this keeps the engine safe when used on its own.)
_TEXT_FIXES = str.maketrans("۰۱۲۳۴۵۶۷۸۹\0", "0123456789 ")

# espeak-ng's Urdu rules read ص and ظ as retroflex sibilants (صدر -> [ʂʌdər], ظاہر -> [ʐaːhɪr]);
# in Urdu ص is /s/ and ظ is /z/. Words with these letters are sent as espeak phonemes, taken
# from espeak's own dictionary with the retroflex mnemonics replaced, so the rest of the
# word's reading (vowels, stress) stays as the dictionary has it.
_RETROFLEX_LETTERS_RE = re.compile(r"[\w\u064b-\u065f\u0670]*[صظ][\w\u064b-\u065f\u0670]*")
_RETROFLEX_FIXES = (("s.", "s"), ("z.", "z"))
MAX_CHARS = 300  # espeak keeps natural prosody over a long clause; past this, cut at clauses

# Characters (besides punctuation) that espeak-ng's Urdu voice speaks: Arabic-script letters
# and marks, and Latin letters (read with English rules).
_SPEAKABLE_RE = re.compile(r"[\u0621-\u065f\u0670-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077fA-Za-z]")

# int cb(short *wav, int numsamples, espeak_EVENT *events); the events are not used.
_SynthCallback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)

_PROTOTYPES: dict[str, tuple[object, list[object]]] = {
    "espeak_Initialize": (
        ctypes.c_int,
        [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int],
    ),
    "espeak_SetSynthCallback": (None, [_SynthCallback]),
    "espeak_SetVoiceByName": (ctypes.c_int, [ctypes.c_char_p]),
    "espeak_SetParameter": (ctypes.c_int, [ctypes.c_int, ctypes.c_int, ctypes.c_int]),
    "espeak_Synth": (
        ctypes.c_int,
        [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.POINTER(ctypes.c_uint),
            ctypes.c_void_p,
        ],
    ),
    "espeak_Synchronize": (ctypes.c_int, []),
    "espeak_TextToPhonemes": (
        ctypes.c_char_p,
        [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int],
    ),
    "espeak_Terminate": (ctypes.c_int, []),
}


def _unavailable(reason: str) -> BulletinError:
    return BulletinError(f"espeak-ng is not available: {reason}; {_REINSTALL}")


def _wheel_paths() -> tuple[Path, Path]:
    """Return (library file, espeak-ng-data directory) from the espeakng-loader wheel."""
    try:
        import espeakng_loader

        library = Path(espeakng_loader.get_library_path())
        data = Path(espeakng_loader.get_data_path())
    except (ImportError, RuntimeError) as exc:
        raise _unavailable(str(exc) or type(exc).__name__) from None
    if not library.is_file():
        raise _unavailable(f"library {library} is missing")
    return library, data


def available_variants() -> list[str]:
    """Names of the voice variants shipped with the data (e.g. "m3", "f2", "Mr serious")."""
    return sorted(entry.name for entry in (_wheel_paths()[1] / "voices" / "!v").iterdir())


def _languages(data: Path) -> dict[str, str]:
    """Map lowercased language codes to their voice file names under `lang/`."""
    return {f.name.lower(): f.name for f in (data / "lang").rglob("*") if f.is_file()}


def _suggest(word: str, names: list[str]) -> str:
    lowered = {name.lower(): name for name in names}
    hits = difflib.get_close_matches(word.lower(), list(lowered), n=3, cutoff=0.5)
    if not hits:
        return ""
    return "; did you mean " + ", ".join(repr(lowered[hit]) for hit in hits) + "?"


def _check_range(voice: str, what: str, value: object, low: int, high: int | None) -> None:
    valid = isinstance(value, int) and not isinstance(value, bool)
    if valid and value >= low and (high is None or value <= high):
        return
    bounds = f"{low}..{high}" if high is not None else f">= {low}"
    raise BulletinError(f"voice {voice!r}: espeak {what} {value!r} must be an integer {bounds}")


def _validate(voice: str, settings: EspeakSettings, data: Path) -> None:
    """Raise BulletinError if espeak-ng would not speak `settings` exactly as written."""
    language = settings.language
    languages = _languages(data)
    base = language.split("-")[0].lower()
    if language.lower() not in languages or not (data / f"{base}_dict").is_file():
        hint = _suggest(language, sorted(languages.values()))
        raise BulletinError(f"voice {voice!r}: espeak-ng has no language {language!r}{hint}")
    if settings.variant is not None:
        variants = available_variants()
        if settings.variant not in variants:
            hint = _suggest(settings.variant, variants) or " (see espeak-ng-data/voices/!v)"
            raise BulletinError(
                f"voice {voice!r}: unknown espeak-ng variant {settings.variant!r}{hint}"
            )
    _check_range(voice, "rate", settings.rate, RATE_MIN, RATE_MAX)
    _check_range(voice, "pitch", settings.pitch, 0, 100)
    _check_range(voice, "pitch_range", settings.pitch_range, 0, 100)
    _check_range(voice, "word_gap", settings.word_gap, 0, None)


def _check(code: int, action: str) -> None:
    if code != EE_OK:
        name = _ERROR_NAMES.get(code, "unknown error")
        raise BulletinError(f"espeak-ng failed to {action} (error {code}: {name})")


def _unload(lib: ctypes.CDLL) -> None:
    if sys.platform == "win32":
        _ctypes.FreeLibrary(lib._handle)
    else:
        _ctypes.dlclose(lib._handle)


class _Runtime:
    """The process-wide espeak-ng: one private library copy, one lock, one callback."""

    def __init__(self) -> None:
        library, self.data = _wheel_paths()
        self._library = _private_copy(library)
        self._lock = threading.Lock()
        self._chunks: list[np.ndarray] = []
        self.sample_rate = 0
        # C keeps only the function pointer: this reference keeps the thunk alive.
        self._callback = _SynthCallback(self._collect)
        with self._lock, self._loaded():
            pass  # fail now, not at the first sentence, if the library or data is broken

    def _collect(self, wav: ctypes._Pointer, numsamples: int, _events: int | None) -> int:
        if wav and numsamples > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(numsamples,)).copy())
        return 0  # 0 = continue synthesis

    def _open(self) -> ctypes.CDLL:
        try:
            lib = ctypes.CDLL(str(self._library))
        except OSError as exc:
            raise _unavailable(f"cannot load the library ({exc})") from None
        for name, (restype, argtypes) in _PROTOTYPES.items():
            function = getattr(lib, name)
            function.restype = restype
            function.argtypes = argtypes
        return lib

    @contextmanager
    def _loaded(self) -> Iterator[ctypes.CDLL]:
        """A freshly loaded and initialized library, terminated and unloaded on exit."""
        lib = self._open()
        try:
            path = os.fsencode(self.data)
            rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, path, INITIALIZE_DONT_EXIT)
            if rate <= 0:
                raise _unavailable(f"cannot initialize with data in {self.data}")
            self.sample_rate = rate
            lib.espeak_SetSynthCallback(self._callback)
            try:
                yield lib
            except BaseException:
                lib.espeak_Terminate()  # already failing: its status adds nothing
                raise
            _check(lib.espeak_Terminate(), "terminate")
        finally:
            _unload(lib)

    def synthesize(self, text: str, voice_name: str, settings: EspeakSettings) -> np.ndarray:
        """Speak `text` and return int16 samples at `self.sample_rate`."""
        with self._lock, self._loaded() as lib:
            self._chunks = []
            _select_voice(lib, voice_name, settings)
            data = _RETROFLEX_LETTERS_RE.sub(lambda m: _respelled(lib, m.group()), text).encode()
            flags = CHARS_UTF8 | PHONEME_INPUT
            code = lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, flags, None, None)
            _check(code, "synthesize")
            _check(lib.espeak_Synchronize(), "finish synthesis")
            chunks, self._chunks = self._chunks, []
        return np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)


def _respelled(lib: ctypes.CDLL, word: str) -> str:
    """`word` as espeak phoneme input with ص and ظ read as /s/ and /z/."""
    buffer = ctypes.create_string_buffer(word.encode("utf-8"))
    pointer = ctypes.c_void_p(ctypes.addressof(buffer))
    parts = []
    while pointer.value:
        phonemes = lib.espeak_TextToPhonemes(ctypes.byref(pointer), CHARS_UTF8, 0)
        if phonemes:
            parts.append(phonemes.decode("utf-8"))
    respelled = " ".join(parts)
    for retroflex, plain in _RETROFLEX_FIXES:
        respelled = respelled.replace(retroflex, plain)
    return f"[[{respelled}]]" if respelled.strip() else word


def _select_voice(lib: ctypes.CDLL, voice_name: str, settings: EspeakSettings) -> None:
    _check(lib.espeak_SetVoiceByName(voice_name.encode("utf-8")), f"select voice {voice_name!r}")
    for parameter, value in (
        (PARAM_RATE, settings.rate),
        (PARAM_PITCH, settings.pitch),
        (PARAM_RANGE, settings.pitch_range),
        (PARAM_WORDGAP, settings.word_gap),
    ):
        _check(lib.espeak_SetParameter(parameter, value, 0), f"set parameter {parameter}")


def _wheel_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("espeakng-loader")
    except PackageNotFoundError:
        return "unknown"


def _private_copy(library: Path) -> Path:
    """Copy the library so that dlclose really unloads it, even if others loaded the wheel's."""
    folder = Path(tempfile.mkdtemp(prefix="bulletin-espeak-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    try:
        return Path(shutil.copy2(library, folder / library.name))
    except OSError as exc:
        raise _unavailable(f"cannot copy {library} ({exc})") from None


_runtime: _Runtime | None = None
_runtime_lock = threading.Lock()


def _get_runtime() -> _Runtime:
    global _runtime
    with _runtime_lock:
        if _runtime is None:
            _runtime = _Runtime()
        return _runtime


class EspeakEngine:
    """Urdu (or any espeak-ng language) speech from espeak-ng, in-process."""

    name = "espeak"
    max_chars = MAX_CHARS
    credit = "Speech synthesis: eSpeak NG (GPL-3.0-or-later)"
    multiprocess = True  # cheap to load, one clip at a time per process: parallel in processes

    def __init__(self) -> None:
        self._runtime = _get_runtime()
        self.sample_rate: int = self._runtime.sample_rate
        self.identity = f"espeak-ng:{_wheel_version()}"
        self._checked: set[str] = set()

    def speakable(self, char: str) -> bool:
        """Whether the Urdu voice pronounces `char` (punctuation is handled by the caller)."""
        return _SPEAKABLE_RE.match(char) is not None

    def check_voice(self, voice: VoiceProfile) -> None:
        """Raise BulletinError unless espeak-ng can speak `voice` exactly as configured."""
        key = repr(voice.espeak)  # unlike ==, repr tells 50 from 50.0 and 1 from True
        if key not in self._checked:
            _validate(voice.name, voice.espeak, self._runtime.data)
            self._checked.add(key)

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        """Speak `text` with `voice` (the same audio up to small sample differences)."""
        self.check_voice(voice)
        if not text.strip():
            return Clip(samples=np.zeros(0, dtype=np.float32), sample_rate=self.sample_rate)
        settings = voice.espeak
        name = settings.language
        if settings.variant is not None:
            name += f"+{settings.variant}"
        pcm = self._runtime.synthesize(text.translate(_TEXT_FIXES), name, settings)
        return Clip(samples=pcm.astype(np.float32) / 32768.0, sample_rate=self.sample_rate)
