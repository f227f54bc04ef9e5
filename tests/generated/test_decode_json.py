"""
decode_json reads a body's bytes exactly as json.loads would: the same encodings, the same value.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import derive_api.types
import digifinex_api.types
import gemini_api.types
import kraken_futures_api.types
import pytest
from hypothesis import given
from hypothesis import strategies as st


DECODERS: list[Callable[[bytes], Any]] = [
    gemini_api.types.decode_json,
    kraken_futures_api.types.decode_json,
    digifinex_api.types.decode_json,
    derive_api.types.decode_json,
]

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=10,
)

# Every encoding json.loads recognizes from the first bytes, with and without the byte order mark.
ENCODINGS: list[tuple[str, bytes]] = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", b""),
    ("utf-32-be", b""),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
]


@pytest.mark.parametrize("decode_json", DECODERS, ids=["gemini", "kraken_futures", "digifinex", "derive"])
@given(value=JSON_VALUES, encoding=st.sampled_from(ENCODINGS), spaced=st.booleans())
def test_decode_json_reads_every_encoding_json_loads_reads(
    decode_json: Callable[[bytes], Any], value: object, encoding: tuple[str, bytes], spaced: bool
) -> None:
    name, mark = encoding
    text = json.dumps(value, ensure_ascii=False)
    content = mark + (f" {text}" if spaced else text).encode(name)

    assert decode_json(content) == json.loads(content, parse_float=Decimal)
