"""
decode_json reads a body's bytes exactly as json.loads would: the same encodings, the same value.
"""

from __future__ import annotations

import codecs
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exchange_clients.runtime import decode_json


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


@given(value=JSON_VALUES, encoding=st.sampled_from(ENCODINGS), spaced=st.booleans())
def test_decode_json_reads_every_encoding_json_loads_reads(
    value: object, encoding: tuple[str, bytes], *, spaced: bool
) -> None:
    name, mark = encoding
    text = json.dumps(value, ensure_ascii=False)
    content = mark + (f" {text}" if spaced else text).encode(name)

    assert decode_json(content) == json.loads(content, parse_float=Decimal)


# Bodies written here rather than by json.dumps: numbers with fractions and exponents spelled as exchanges spell them,
# objects that may hold a name twice, and the spacing left to the draw.
class _Number(str):
    """A JSON number literal, written as it stands."""

    __slots__ = ()


class _Members(list[tuple[str, object]]):
    """An object's members in order, names possibly repeated."""


_NUMBERS = st.from_regex(r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?", fullmatch=True).map(_Number)
_NAMES = st.sampled_from(["a", "b", "price", "t:s", ":", "é", "x y"])
_WRITTEN = st.recursive(
    st.none() | st.booleans() | st.integers() | _NUMBERS | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3).map(tuple)
        | st.lists(st.tuples(_NAMES | st.text(max_size=3), inner), max_size=4).map(_Members)
    ),
    max_leaves=12,
)


def _write(value: object, space: str) -> str:
    if isinstance(value, _Number):
        return str(value)
    if isinstance(value, _Members):
        members = (
            f"{json.dumps(name, ensure_ascii=False)}{space}:{space}{_write(item, space)}" for name, item in value
        )
        return "{" + f",{space}".join(members) + "}"
    if isinstance(value, tuple):
        return "[" + f",{space}".join(_write(item, space) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _refuse_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len({name for name, _ in pairs}) != len(pairs):
        msg = "a name twice"
        raise ValueError(msg)
    return dict(pairs)


@given(value=_WRITTEN, space=st.sampled_from(["", " ", "\n  "]))
def test_decode_json_reads_numbers_and_refuses_repeated_names_as_json_loads_would(value: object, space: str) -> None:
    content = _write(value, space).encode()
    try:
        expected = json.loads(content, parse_float=Decimal, object_pairs_hook=_refuse_repeats)
    except ValueError:
        with pytest.raises(ValueError, match="appears more than once"):
            decode_json(content)
    else:
        decoded = decode_json(content)
        assert decoded == expected
        assert json.dumps(decoded, default=repr) == json.dumps(expected, default=repr)  # Decimal('1.0') != '1'


@pytest.mark.parametrize(
    "content",
    [
        b'{"a":1,"a":2}',
        b'{"a" : 1, "a" :2}',
        b'{"order":{"price":"1","price":"2"}}',
        b'[{"a":1},{"b":2,"b":3}]',
        # Colons inside strings and spaces before a name's colon, arranged so that a count of `":` would match.
        b'{"a" :":","a" :1}',
        b'{"t:s":"10:00","t:s":"10:01"}',
        b'{"\\u0061":1,"a":2}',
        b'{"a":1E5,"a":1.0}',
    ],
)
def test_decode_json_refuses_a_name_written_twice(content: bytes) -> None:
    with pytest.raises(ValueError, match="appears more than once"):
        decode_json(content)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        # The first fault in the body is the one reported: the repeated name, or the bad byte, before the number.
        (b'[{"a":1,"a":1},1e999999999999999999999]', "appears more than once"),
        (b'[1e999999999999999999999,"\xff"]', "can't decode"),
    ],
)
def test_decode_json_reports_the_fault_json_finds_first(content: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        decode_json(content)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_decode_json_counts_nesting_in_characters_not_bytes(encoding: str) -> None:
    # U+5B5B is two "[" bytes in UTF-16, and an escaped quote is not a quote: neither nests.
    shallow = '["\\"", "' + "\u5b5b" * 60 + '"]'
    deep = '["\\"",' + "[" * 101 + "]" * 101 + "]"

    assert decode_json(shallow.encode(encoding)) == json.loads(shallow)
    with pytest.raises(ValueError, match="nested more than 100 levels"):
        decode_json(deep.encode(encoding))
