"""
The shared field checks against their definitions: what a decimal string and a millisecond time may be.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from exchange_clients._normalize import (
    amount_number,
    amount_text,
    decimal_text,
    load_object,
    not_negative,
    number,
    utc_from_iso,
    utc_from_milliseconds,
    utc_from_seconds,
)


# The grammar decimal_text documents, written out independently of its fast path.
DECIMAL_GRAMMAR = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

# Characters that make up decimals and the near misses Decimal() would accept: signs, spaces, underscores,
# non-ASCII digits (Arabic-Indic three, fullwidth one, superscript two) and the letters of NaN and Infinity.
NEAR_DECIMALS = st.text(alphabet="0123456789.-+eE _\u0663\uff11\u00b2NaIinfy", max_size=12)


def _within_bounds(number: Decimal) -> bool:
    # decimal_text's Decision: a number beyond 10^300 in size, or with more than 300 digits after the point, is
    # refused; zero written with a large exponent is still zero.
    exponent = number.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -300 and (not number or abs(number.adjusted()) <= 300)


@given(NEAR_DECIMALS)
@example("0E301")  # zero, whatever its exponent: accepted
@example("1E+301")  # beyond 10^300: refused
def test_decimal_text_takes_exactly_the_documented_grammar(value: str) -> None:
    if DECIMAL_GRAMMAR.fullmatch(value) and _within_bounds(Decimal(value)):
        result = decimal_text(value, "amount")
        assert result == Decimal(value)
        assert str(result) == str(Decimal(value))  # digit for digit, exponent included
    else:
        with pytest.raises(ValueError, match="amount"):
            decimal_text(value, "amount")


def _outcome(check: Callable[..., Decimal], *args: object) -> object:
    """The check's result, or the type of error it raised."""
    try:
        return check(*args)
    except (TypeError, ValueError) as error:
        return type(error)


@given(NEAR_DECIMALS | st.integers() | st.none())
def test_amount_text_is_decimal_text_then_not_negative(value: object) -> None:
    expected = _outcome(lambda: not_negative(decimal_text(value, "amount"), "amount"))

    assert _outcome(amount_text, value, "amount") == expected


@given(
    st.decimals(allow_nan=True, allow_infinity=True)
    | st.integers()
    | st.booleans()
    | st.text(max_size=4)
    | st.integers(min_value=-400, max_value=400).map(lambda exponent: Decimal(f"7e{exponent}"))
)
def test_amount_number_is_number_then_not_negative(value: object) -> None:
    expected = _outcome(lambda: not_negative(number(value, "quantity"), "quantity"))

    assert _outcome(amount_number, value, "quantity") == expected


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10**301))
@example(10**12, 10**299)  # 300 digits after the point, 314 characters: past the fast path, still in range
@example(0, 10**300)  # 301 digits after the point: refused
def test_plain_decimals_are_refused_only_beyond_300_fraction_digits(whole: int, fraction: int) -> None:
    """Long plain decimals leave the fast path; the bound is on the digits after the point, not the length."""
    value = f"{whole}.{fraction}"
    if len(str(fraction)) <= 300:
        assert str(decimal_text(value, "price")) == str(Decimal(value))
    else:
        with pytest.raises(ValueError, match="exponent out of range"):
            decimal_text(value, "price")


@given(st.integers(min_value=0, max_value=253402300799999))
def test_milliseconds_are_exact(milliseconds: int) -> None:
    expected = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=milliseconds)

    assert utc_from_milliseconds(milliseconds, "timestampms") == expected
    assert utc_from_milliseconds(str(milliseconds), "timestampms", digits_allowed=True) == expected


@given(st.integers(min_value=0, max_value=253402300799))
def test_seconds_are_exact(seconds: int) -> None:
    assert utc_from_seconds(seconds, "created_date") == datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)


@pytest.mark.parametrize("value", [True, -1, 1.5, "1", None])
def test_milliseconds_refuse_what_is_not_a_whole_non_negative_number(value: object) -> None:
    with pytest.raises((TypeError, ValueError), match="timestampms"):
        utc_from_milliseconds(value, "timestampms")


def test_milliseconds_beyond_datetime_are_an_arithmetic_error() -> None:
    with pytest.raises(OverflowError):
        utc_from_milliseconds(10**20, "timestampms")


class _Body(bytes):
    """A bytes subclass, as a framework's response type may be."""


_DECODED = {"price": Decimal("1.10"), "id": 7}
_BODY = b'{"price":1.10,"id":7}'


@pytest.mark.parametrize(
    "raw",
    [_BODY, _BODY.decode(), bytearray(_BODY), _Body(_BODY), _DECODED, MappingProxyType(_DECODED)],
    ids=["bytes", "str", "bytearray", "bytes-subclass", "dict", "other-mapping"],
)
def test_load_object_reads_every_form_of_an_object(raw: Any) -> None:
    decoded: list[bytes] = []

    def decode(content: bytes) -> Any:
        decoded.append(content)
        return {"price": Decimal("1.10"), "id": 7}

    document = load_object(raw, decode)

    assert isinstance(document, Mapping)
    assert dict(document) == _DECODED
    if isinstance(raw, Mapping):
        assert document is raw  # a mapping is taken as it is, not decoded again
        assert not decoded
    else:
        assert decoded == [_BODY]
        assert type(decoded[0]) is bytes  # the decoder always gets plain bytes


@pytest.mark.parametrize("raw", [b"[1]", b'"text"', memoryview(_BODY)], ids=["list", "string", "memoryview"])
def test_load_object_refuses_what_is_not_an_object(raw: Any) -> None:
    with pytest.raises(TypeError, match="expected a JSON object"):
        load_object(raw, lambda content: [1] if content == b"[1]" else "text")


# The grammar utc_from_iso documents, written out independently of its fast path.
ISO_GRAMMAR = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?(?:Z|[+-][0-9]{2}:[0-9]{2})?"
)

# Characters for the places of Kraken's "2026-11-22T10:00:00.000Z": digits, the separators in the wrong places, and
# the near misses fromisoformat might take (non-ASCII digits: Arabic-Indic three, fullwidth one; signs, space, W).
NEAR_ISO_CHARACTERS = "0123456789-T:.Z+ W,\u0663\uff11"


def _reference_utc(value: str) -> object:
    """What utc_from_iso must give: the grammar checked, then fromisoformat, then UTC; or the error type."""
    if not ISO_GRAMMAR.fullmatch(value):
        return ValueError
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return ValueError
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


KRAKEN_SHAPE = "2026-11-22T10:00:00.000Z"


@st.composite
def _near_kraken_times(draw: st.DrawFn) -> str:
    """Kraken's shape with some places redrawn: its separators kept or not, its digits replaced or not."""
    places = list(KRAKEN_SHAPE)
    for index in draw(st.sets(st.integers(0, len(places) - 1), max_size=4)):
        places[index] = draw(st.sampled_from(NEAR_ISO_CHARACTERS))
    return "".join(places)


@given(_near_kraken_times() | st.text(alphabet=NEAR_ISO_CHARACTERS, min_size=20, max_size=32))
@example("2026-11-22T10:00:00.000Z")
@example("2026-11-22T1\uff11:00:00.000Z")
@example("2026-11-22T10:00:00.0a0Z")
@example("2026-W47-1T10:00:00.000Z")
@example("2026-11-22T10:00:00.000+00:00")
def test_utc_from_iso_takes_exactly_the_documented_grammar(value: str) -> None:
    expected = _reference_utc(value)
    if expected is ValueError:
        with pytest.raises(ValueError, match="timestamp"):
            utc_from_iso(value, "timestamp")
    else:
        moment = utc_from_iso(value, "timestamp")
        assert moment == expected
        assert moment.tzinfo is UTC
