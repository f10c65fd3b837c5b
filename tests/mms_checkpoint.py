"""A randomly initialised MMS-TTS model folder, in the on-disk layout of Meta's real tarball.

The real `urd-script_arabic.tar.gz` (fairseq MMS) unpacks to a folder holding `G_100000.pth`
(a VITS generator checkpoint saved by fairseq's training code: `{"model": state_dict, ...}`,
original VITS parameter names, weight norm stored as `weight_g`/`weight_v`), `config.json`
(the VITS training config; MMS models use 16 kHz audio and interspersed blanks) and
`vocab.txt` (one symbol per line; line 0 doubles as the blank). This writes such a folder
with random weights of the full size (about 36 M parameters, 145 MB), so that loading and
synthesis run Coqui's real fairseq code path at the real compute cost.

The parameter shapes are taken from Coqui's own VITS model (which mirrors the fairseq
architecture) and renamed back to fairseq's names: the inverse of the renaming that Coqui
applies when it loads a fairseq checkpoint.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# Urdu letters, a few vowel marks and the space: the symbols of our test vocabulary. The
# real model's vocabulary comes from its training text; the loader reads whatever is there.
URDU_LETTERS = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےآئۓۂؤ"
URDU_SYMBOLS = [*URDU_LETTERS, "\u064e", "\u0650", "\u064f"]  # zabar, zer, pesh
VOCAB = ["_", " ", *URDU_SYMBOLS, "-", "'"]

CONFIG = {
    "train": {"seed": 1234, "segment_size": 8192, "learning_rate": 2e-4, "batch_size": 64},
    "data": {
        "training_files": "data/urd-script_arabic/train.ltr",
        "validation_files": "data/urd-script_arabic/dev.ltr",
        "text_cleaners": ["transliteration_cleaners"],
        "max_wav_value": 32768.0,
        "sampling_rate": 16000,
        "filter_length": 1024,
        "hop_length": 256,
        "win_length": 1024,
        "n_mel_channels": 80,
        "mel_fmin": 0.0,
        "mel_fmax": None,
        "add_blank": True,
        "n_speakers": 0,
        "cleaned_text": True,
    },
    "model": {
        "inter_channels": 192,
        "hidden_channels": 192,
        "filter_channels": 768,
        "n_heads": 2,
        "n_layers": 6,
        "kernel_size": 3,
        "p_dropout": 0.1,
        "resblock": "1",
        "resblock_kernel_sizes": [3, 7, 11],
        "resblock_dilation_sizes": [[1, 3, 5], [1, 3, 5], [1, 3, 5]],
        "upsample_rates": [8, 8, 2, 2],
        "upsample_initial_channel": 512,
        "upsample_kernel_sizes": [16, 16, 4, 4],
        "n_layers_q": 3,
        "use_spectral_norm": False,
    },
}

# Coqui name -> fairseq name: coupling layers sit at even indices in fairseq's flow lists,
# which interleave them with parameter-free Flip layers.
_PREFIXES = (
    ("text_encoder.", "enc_p."),
    ("waveform_decoder.", "dec."),
    ("posterior_encoder.", "enc_q."),
    ("duration_predictor.", "dp."),
)
_FLOW_RE = re.compile(r"^(flow\.flows|dp\.flows|dp\.post_flows)\.(\d+)\.")


def fairseq_name(coqui_name: str) -> str:
    """The name fairseq's VITS gives the parameter Coqui calls `coqui_name`."""
    name = coqui_name
    for coqui, fairseq in _PREFIXES:
        if name.startswith(coqui):
            name = fairseq + name[len(coqui) :]
    name = name.replace(".translation", ".m").replace(".log_scale", ".logs")
    name = name.replace(".parametrizations.weight.original0", ".weight_g")
    name = name.replace(".parametrizations.weight.original1", ".weight_v")

    def even_index(match: re.Match[str]) -> str:
        index = int(match.group(2))
        if match.group(1) == "flow.flows" or index > 0:
            index = index * 2 - (0 if match.group(1) == "flow.flows" else 1)
        return f"{match.group(1)}.{index}."

    return _FLOW_RE.sub(even_index, name)


def write_random_mms_model(folder: Path, seed: int = 0) -> Path:
    """Write G_100000.pth, config.json and vocab.txt into `folder`; return the folder."""
    import torch
    from torch import nn
    from TTS.tts.configs.vits_config import VitsConfig
    from TTS.tts.models.vits import Vits

    torch.manual_seed(seed)
    model = Vits(VitsConfig())
    model.disc = None  # the generator checkpoint holds no discriminator
    model.text_encoder.emb = nn.Embedding(len(VOCAB), model.args.hidden_channels)
    nn.init.normal_(model.text_encoder.emb.weight, 0.0, model.args.hidden_channels**-0.5)
    state = {fairseq_name(k): v.clone() for k, v in model.state_dict().items()}
    folder.mkdir(parents=True, exist_ok=True)
    checkpoint = {"model": state, "iteration": 100000, "optimizer": None, "learning_rate": 2e-4}
    torch.save(checkpoint, folder / "G_100000.pth")
    (folder / "config.json").write_text(json.dumps(CONFIG, indent=2), "utf-8")
    (folder / "vocab.txt").write_text("\n".join(VOCAB) + "\n", "utf-8")
    return folder
