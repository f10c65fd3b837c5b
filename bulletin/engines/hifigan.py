"""Coqui's HiFi-GAN decoder in the forms that run fastest on a CPU, with the same weights.

The decoder is most of the MMS model's time. As Coqui writes it, it is slow in oneDNN,
PyTorch's CPU convolution library, in two ways (oneDNN 3.12 in torch 2.14, measured on 2
AVX512-BF16 cores with oneDNN's own timings, ONEDNN_VERBOSE=profile_create,profile_exec):

- Every convolution converts its input from PyTorch's channels-first layout to oneDNN's
  blocked one and its output back: 12 % of the decoder's time. A 1-D convolution computed
  as a 1×K 2-D convolution on channels-last tensors (samples outer, channels inner) runs on
  oneDNN's native layout, and the element-wise steps between convolutions keep that
  layout, so nothing is converted.
- A transposed convolution (the upsampling layers) builds its oneDNN plan in about 25 ms,
  and every sentence has a new length, so every sentence builds four. Written as an
  ordinary convolution whose output channels hold the `stride` phases of the upsampled
  signal, its plan builds in under a millisecond; in channels-last memory, those phases
  are already interleaved in the order of the upsampled samples.

Together they make the whole model 1.18-1.19 times faster in bfloat16 and 1.07-1.10 times
in float32 (bench/bench_decoder.py), with the same sums (tests/test_hifigan.py). The cost
is memory in flight: a run's peak resident memory rises by 70-120 MB in bfloat16 and about
170 MB in float32. This module imports torch; it is imported only once the neural engine
loads a model.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn
from torch.nn import functional


class ChannelsLastConv1d(nn.Module):
    """A `Conv1d` computed as a 1×K `Conv2d` on channels-last tensors."""

    def __init__(self, layer: nn.Conv1d) -> None:
        super().__init__()
        self.stride, self.padding = layer.stride[0], layer.padding[0]
        self.dilation, self.groups = layer.dilation[0], layer.groups
        weight = layer.weight.detach().unsqueeze(2)  # (out, in / groups, 1, kernel)
        # A channels-last weight makes PyTorch give a channels-last output, whatever the input.
        self.register_buffer("weight", weight.contiguous(memory_format=torch.channels_last))
        self.register_buffer("bias", None if layer.bias is None else layer.bias.detach())

    @staticmethod
    def supports(layer: nn.Conv1d) -> bool:
        return layer.padding_mode == "zeros" and isinstance(layer.padding, tuple)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = functional.conv2d(
            x.unsqueeze(2),
            self.weight,
            self.bias,
            (1, self.stride),
            (0, self.padding),
            (1, self.dilation),
            self.groups,
        )
        return out.squeeze(2)


class PolyphaseUpsample(nn.Module):
    """A `ConvTranspose1d` (stride s, no dilation or groups) as an ordinary convolution.

    Output sample n = q·s + r of the transposed convolution (before cropping its padding)
    is the sum over taps m of W[:, :, m·s + r]ᵀ · x[q - m]: for each phase r, an ordinary
    convolution of x with the taps r, r + s, r + 2s, … One convolution computes all s
    phases as s groups of output channels. Channels-last, it stores them by (q, r,
    channel), which is the upsampled signal's own order (n = q·s + r, channel).
    """

    def __init__(self, layer: nn.ConvTranspose1d) -> None:
        super().__init__()
        self.stride, self.kernel = layer.stride[0], layer.kernel_size[0]
        self.padding, self.output_padding = layer.padding[0], layer.output_padding[0]
        weight = layer.weight.detach()  # (in, out, kernel)
        inputs, self.outputs, _ = weight.shape
        self.taps = -(-self.kernel // self.stride)
        spread = functional.pad(weight, (0, self.taps * self.stride - self.kernel))
        by_phase = spread.reshape(inputs, self.outputs, self.taps, self.stride)  # k = m·s + r
        # output channel r·outputs + o; tap j of the convolution is m = taps - 1 - j
        phases = by_phase.permute(3, 1, 0, 2).flip(-1).reshape(-1, inputs, 1, self.taps)
        self.register_buffer("weight", phases.contiguous(memory_format=torch.channels_last))
        bias = None if layer.bias is None else layer.bias.detach().repeat(self.stride)
        self.register_buffer("bias", bias)

    @staticmethod
    def supports(layer: nn.ConvTranspose1d) -> bool:
        return (
            layer.dilation == (1,)
            and layer.groups == 1
            and layer.padding_mode == "zeros"
            and isinstance(layer.padding, tuple)
            and layer.output_padding[0] <= layer.padding[0]
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        batch, _, length = x.shape
        phases = functional.conv2d(x.unsqueeze(2), self.weight, self.bias, 1, (0, self.taps - 1))
        # (batch, 1, q, s·out) -> (batch, q·s, out): a view when `phases` is channels-last
        by_sample = phases.permute(0, 2, 3, 1).reshape(batch, -1, self.outputs)
        size = (length - 1) * self.stride - 2 * self.padding + self.kernel + self.output_padding
        return by_sample.transpose(1, 2)[..., self.padding : self.padding + size]


def faster_layers(decoder: nn.Module) -> nn.Module:
    """`decoder` with its convolutions and transposed convolutions replaced in place."""
    for parent in list(decoder.modules()):
        for name, child in parent.named_children():
            replacement = _faster(child)
            if replacement is not None:
                setattr(parent, name, replacement)
    return decoder


def _faster(layer: nn.Module) -> nn.Module | None:
    if type(layer) is nn.ConvTranspose1d and PolyphaseUpsample.supports(layer):
        return PolyphaseUpsample(layer)
    if type(layer) is nn.Conv1d and ChannelsLastConv1d.supports(layer):
        return ChannelsLastConv1d(layer)
    return None


def bfloat16(decoder: nn.Module) -> nn.Module:
    """`decoder` run under bfloat16 autocast, its output back in float32.

    Only the decoder is wrapped: the text encoder, flow and duration predictor stay in
    float32, so durations are unchanged. On full-size weights the decoder runs twice as
    fast and its waveform differs from float32 by -39 dB (SNR 39 dB, measured by
    bench/bench_neural.py), below the coding noise of a 128 kbps MP3.
    """
    return _Bfloat16(decoder)


class _Bfloat16(nn.Module):
    def __init__(self, inner: nn.Module) -> None:
        super().__init__()
        self.inner = inner

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        with torch.autocast("cpu", dtype=torch.bfloat16):
            return self.inner(*args, **kwargs).float()
