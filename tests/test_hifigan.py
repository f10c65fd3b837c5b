"""The decoder's faster layer forms compute what the layers they replace compute.

Needs torch (the `neural` extra); skipped without it unless BULLETIN_REQUIRE_NEURAL=1.
"""

from __future__ import annotations

import copy
import os

import pytest

from bulletin.engines.mms import neural_available

if not neural_available():
    if os.environ.get("BULLETIN_REQUIRE_NEURAL") == "1":
        raise RuntimeError("BULLETIN_REQUIRE_NEURAL=1 but the neural extra is not installed")
    pytest.skip("the neural extra is not installed", allow_module_level=True)

import torch
from torch import nn

from bulletin.engines.hifigan import ChannelsLastConv1d, PolyphaseUpsample, faster_layers

# (in, out, kernel, stride, padding, output_padding, bias): MMS's two upsampling shapes
# (16/8/4 and 4/2/1), then kernels that the stride does not divide, no padding, and
# output padding.
TRANSPOSED = [
    (12, 6, 16, 8, 4, 0, True),
    (6, 3, 4, 2, 1, 0, True),
    (5, 4, 5, 2, 1, 0, True),
    (5, 4, 3, 3, 0, 0, False),
    (4, 4, 7, 3, 2, 1, True),
    (3, 2, 2, 4, 0, 0, True),
]


@pytest.mark.parametrize(("cin", "cout", "kernel", "stride", "pad", "extra", "bias"), TRANSPOSED)
@pytest.mark.parametrize("length", [1, 2, 9, 40])
def test_polyphase_upsampling_is_the_transposed_convolution(
    cin, cout, kernel, stride, pad, extra, bias, length
) -> None:
    torch.manual_seed(length)
    layer = nn.ConvTranspose1d(cin, cout, kernel, stride, pad, extra, bias=bias)
    assert PolyphaseUpsample.supports(layer)
    x = torch.randn(2, cin, length)
    with torch.inference_mode():
        expected, got = layer(x), PolyphaseUpsample(layer)(x)
    assert got.shape == expected.shape
    torch.testing.assert_close(got, expected, rtol=1e-5, atol=1e-5)


def test_transposed_convolutions_it_cannot_rewrite_are_left_alone() -> None:
    dilated = nn.ConvTranspose1d(4, 4, 3, 2, 1, dilation=2)
    grouped = nn.ConvTranspose1d(4, 4, 4, 2, 1, groups=2)
    decoder = nn.Sequential(dilated, grouped)
    assert faster_layers(decoder)[0] is dilated and decoder[1] is grouped


# (in, out, kernel, stride, padding, dilation, groups, bias): the decoder's kinds (kernels
# 3, 7 and 11 at dilations 1, 3 and 5; its 192 -> 512 input and 32 -> 1 output layers),
# then strided, grouped and unpadded ones.
PLAIN = [
    (6, 6, 11, 1, 25, 5, 1, True),
    (6, 6, 7, 1, 9, 3, 1, True),
    (6, 6, 3, 1, 1, 1, 1, True),
    (5, 8, 7, 1, 3, 1, 1, True),
    (8, 1, 7, 1, 3, 1, 1, False),
    (4, 6, 5, 2, 2, 1, 1, True),
    (4, 6, 3, 1, 0, 2, 2, True),
]


@pytest.mark.parametrize(
    ("cin", "cout", "kernel", "stride", "pad", "dilation", "groups", "bias"), PLAIN
)
def test_channels_last_convolution_is_the_convolution(
    cin, cout, kernel, stride, pad, dilation, groups, bias
) -> None:
    torch.manual_seed(kernel)
    layer = nn.Conv1d(cin, cout, kernel, stride, pad, dilation, groups, bias)
    x = torch.randn(2, cin, 60)
    with torch.inference_mode():
        expected, got = layer(x), ChannelsLastConv1d(layer)(x)
    assert got.shape == expected.shape
    torch.testing.assert_close(got, expected, rtol=1e-5, atol=1e-5)


def test_layers_stay_channels_last_between_convolutions() -> None:
    """Each output is stored samples-outer, channels-inner, the layout oneDNN computes in,
    so the next convolution and the element-wise steps between convert nothing."""
    up = PolyphaseUpsample(nn.ConvTranspose1d(8, 4, 16, 8, 4))
    conv = ChannelsLastConv1d(nn.Conv1d(4, 4, 3, padding=1))
    with torch.inference_mode():
        upsampled = up(torch.randn(1, 8, 30))
        convolved = conv(torch.nn.functional.leaky_relu(upsampled, 0.1))
    assert upsampled.stride(1) == 1 and convolved.stride(1) == 1


def test_convolutions_with_named_padding_are_left_alone() -> None:
    same = nn.Conv1d(4, 4, 3, padding="same")
    assert faster_layers(nn.Sequential(same))[0] is same


def test_coquis_mms_decoder_keeps_its_output() -> None:
    """Coqui's HiFi-GAN generator, built as Coqui builds it for MMS (full size, random
    weights): every layer is replaced, the waveform is unchanged, and a second pass
    changes nothing."""
    from TTS.tts.models.vits import VitsArgs
    from TTS.vocoder.models.hifigan_generator import HifiganGenerator

    args = VitsArgs()
    torch.manual_seed(0)
    decoder = HifiganGenerator(
        args.hidden_channels,
        1,
        args.resblock_type_decoder,
        args.resblock_dilation_sizes_decoder,
        args.resblock_kernel_sizes_decoder,
        args.upsample_kernel_sizes_decoder,
        args.upsample_initial_channel_decoder,
        args.upsample_rates_decoder,
        inference_padding=0,
        conv_pre_weight_norm=False,
        conv_post_weight_norm=False,
        conv_post_bias=False,
    ).eval()
    for module in decoder.modules():  # as the engine does after loading
        if nn.utils.parametrize.is_parametrized(module, "weight"):
            nn.utils.parametrize.remove_parametrizations(module, "weight")
    plain = sum(type(m) is nn.Conv1d for m in decoder.modules())
    faster = faster_layers(copy.deepcopy(decoder))
    kinds = [type(m) for m in faster.modules()]
    assert kinds.count(PolyphaseUpsample) == len(args.upsample_rates_decoder)
    assert kinds.count(ChannelsLastConv1d) == plain == 2 + 3 * 4 * 6
    assert nn.ConvTranspose1d not in kinds and nn.Conv1d not in kinds
    z = torch.randn(1, args.hidden_channels, 23)
    with torch.inference_mode():
        expected, got = decoder(z), faster(z)
        again = faster_layers(faster)(z)
    assert got.shape == expected.shape == (1, 1, 23 * 256)
    torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-5)
    assert torch.equal(again, got)
