"""
The checks and conversions every exchange's `to_order` shares: exact amounts, UTC times, and one error for a misfit.

The generated `from_dict` methods check only what their templates enforce (JSON numbers, enums, nested objects);
a plain string, integer or boolean field is passed through unchecked. Everything here therefore takes `object`
and refuses, with `TypeError` or `ValueError`, whatever is not the documented shape. Each exchange's
`parse_order`/`to_order` turns those refusals into one `UnexpectedResponseError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, Inexact, InvalidOperation
from typing import Any

from exchange_clients._errors import UnexpectedResponseError
from exchange_clients._order import Exchange, OrderStatus


MALFORMED = (KeyError, TypeError, ValueError, ArithmeticError, AttributeError, RecursionError)
"""What a generated `from_dict` or a check here raises for a body that is not the documented order.

`ValueError` covers `json.JSONDecodeError`, `UnicodeError` and the generated `UnionMismatchError`;
`ArithmeticError` covers `decimal.InvalidOperation` and a timestamp beyond `datetime`'s range;
`AttributeError` and `RecursionError` are what a hostile nesting of values gives deep inside `from_dict`.
"""

EPOCH = datetime.fromtimestamp(0, UTC)

# Arithmetic on amounts must not round: the default context keeps 28 digits, fewer than exchanges send.
# With the maximum precision a sum or difference is exact, and the Inexact trap makes sure of it.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Inexact])

# Decision: a number beyond 10^300 in size, or with more than 300 digits after the point, is refused. It is
# exact as a Decimal, but no price, amount or fee comes near it (the finest unit in use is 10^-18), and every
# consumer that converts to float would silently see inf or 0 for "1e400" or "1e-400": such an answer is broken.
# The bound also keeps exact arithmetic on hostile input cheap.
_MAX_EXPONENT = 300

# A decimal as exchanges write it in JSON strings: optional minus, digits, optional fraction and exponent.
# `Decimal()` alone would also take "NaN", "Infinity", " 1 ", "1_000" and "+1", none of which an exchange sends.
_DECIMAL_TEXT = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)

# ISO-8601 date and time with at most microseconds: `datetime` holds no finer unit, and dropping digits would
# make the time inexact. Kraken sends milliseconds ("2026-11-22T10:00:00.000Z").
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?",
    re.ASCII,
)

_KRAKEN_ISO_LENGTH = len("2026-11-22T10:00:00.000Z")

_DIGITS = re.compile(r"\d+", re.ASCII)

_MAX_CAUSE_CHARS = 300


def load_object(raw: bytes | str | Mapping[str, Any], decode_json: Callable[[bytes], Any]) -> Mapping[str, Any]:
    """The JSON object in `raw`, decoded by the generated package's exact decoder, or `raw` itself if a mapping."""
    # A body's bytes and a decoded dict, the usual two, are told by their exact type first, before the isinstance
    # tests against a union and an ABC that the rarer kinds need.
    if type(raw) is bytes:
        document = decode_json(raw)
    elif isinstance(raw, str):
        document = decode_json(raw.encode())
    elif isinstance(raw, bytes | bytearray):
        document = decode_json(bytes(raw))
    else:
        document = raw
    if type(document) is not dict and not isinstance(document, Mapping):
        msg = f"expected a JSON object, got {type(document).__name__}"
        raise TypeError(msg)
    return document


def unexpected(exchange: Exchange, operation: str, raw: object, error: BaseException) -> UnexpectedResponseError:
    """The error for an order that does not fit: what did not fit, with the body it came in."""
    # The cause's text can quote the offending value (an enum's message does, in full): keep the message short,
    # the body excerpt is where the answer is shown.
    cause = str(error)
    if len(cause) > _MAX_CAUSE_CHARS:
        cause = f"{cause[:_MAX_CAUSE_CHARS]}..."
    return UnexpectedResponseError(
        f"not a {exchange.display_name} order as documented: {type(error).__name__}: {cause}",
        exchange=exchange,
        operation=operation,
        body=_body_text(raw),
    )


def _body_text(raw: object) -> str | bytes | None:
    if raw is None or isinstance(raw, str | bytes):
        return raw
    if isinstance(raw, bytearray):
        return bytes(raw)
    try:
        return json.dumps(raw, default=str)
    except (TypeError, ValueError, RecursionError):
        return repr(raw)


def text(value: object, field: str) -> str:
    """`value` if it is a string of Unicode text; the generated models pass plain string fields through unchecked."""
    if not isinstance(value, str):
        msg = f"{field!r}: expected a string, got {type(value).__name__}"
        raise TypeError(msg)
    if value.isascii():  # a constant-time flag of the string: ASCII text holds no surrogate
        return value
    try:
        value.encode()
    except UnicodeEncodeError as error:
        # JSON's "\ud800" escape decodes to a lone surrogate: a str Python holds but no UTF-8 writer accepts, so
        # it would fail later, in the user's log or database, far from the answer that carried it.
        msg = f"{field!r}: not Unicode text: a lone surrogate at index {error.start}"
        raise ValueError(msg) from None
    return value


def identifier(value: object, field: str) -> str:
    """`value` if it is text that names something: an order id or a symbol.

    Decision: an empty name is refused. An order without an id, or on no instrument, is not one any caller can
    match or book, and an empty string passed on would look like an answer where there is none.
    """
    name = text(value, field)
    if not name:
        msg = f"{field!r}: empty"
        raise ValueError(msg)
    return name


def optional_text(value: object, field: str) -> str | None:
    """`value` if it is a string, None if it is None."""
    return None if value is None else text(value, field)


def flag(value: object, field: str) -> bool:
    """`value` if it is a JSON boolean."""
    if not isinstance(value, bool):
        msg = f"{field!r}: expected a boolean, got {type(value).__name__}"
        raise TypeError(msg)
    return value


def decimal_text(value: object, field: str) -> Decimal:
    """The exact Decimal a decimal string spells, digit for digit; NaN, Infinity and non-numbers refused."""
    if not isinstance(value, str):
        msg = f"{field!r}: expected a decimal string, got {type(value).__name__}"
        raise TypeError(msg)
    # Nearly every amount is plain: an optional minus, ASCII digits and at most one point (what _DECIMAL_TEXT takes
    # without an exponent), which str methods recognize without the regular expression. At most _MAX_EXPONENT
    # characters of it have fewer digits than that before and after the point, so its Decimal is in range without
    # _bounded's check.
    if len(value) <= _MAX_EXPONENT and value.isascii() and value.removeprefix("-").replace(".", "", 1).isdigit():
        return Decimal(value)
    if not _DECIMAL_TEXT.fullmatch(value):
        msg = f"{field!r}: not a decimal number: {value!r:.60}"
        raise ValueError(msg)
    return _bounded(Decimal(value), field)


def amount_text(value: object, field: str) -> Decimal:
    """`decimal_text` and `not_negative` in one: the exact Decimal of a decimal string, refused if below zero."""
    # Most amounts are ASCII digits with at most one point and no sign: in range (see decimal_text) and not
    # negative by their spelling, so one test stands for both checks.
    if type(value) is str and len(value) <= _MAX_EXPONENT and value.isascii() and value.replace(".", "", 1).isdigit():
        return Decimal(value)
    return not_negative(decimal_text(value, field), field)


def amount_number(value: object, field: str) -> Decimal:
    """`number` and `not_negative` in one: a JSON number, refused if below zero."""
    if type(value) is Decimal and value.is_finite() and not value.is_signed():  # a model's Decimal: only the range
        return _bounded(value, field)
    return not_negative(number(value, field), field)


def number(value: object, field: str) -> Decimal:
    """A JSON number the generated model already parsed as `Decimal` (or `int`), re-checked for a hand-built model."""
    if type(value) is Decimal and value.is_finite():  # what a generated model holds: only the range is left
        return _bounded(value, field)
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        msg = f"{field!r}: expected a JSON number, got {type(value).__name__}"
        raise TypeError(msg)
    result = Decimal(value)
    if not result.is_finite():
        msg = f"{field!r}: expected a finite number, got {result}"
        raise ValueError(msg)
    return _bounded(result, field)


def _bounded(value: Decimal, field: str) -> Decimal:
    # Nearly every amount: a finite value that prints without an exponent in at most _MAX_EXPONENT characters has
    # fewer digits than that before and after the point, so both exponents are in range. Only the rest pay for
    # as_tuple(), which builds a named tuple of every digit.
    printed = str(value)
    if len(printed) <= _MAX_EXPONENT and "E" not in printed and value.is_finite():
        return value
    exponent = value.as_tuple().exponent
    # The size bound is on the value: zero written with a large exponent ("0E301") is zero, not beyond 10^300.
    too_big = bool(value) and abs(value.adjusted()) > _MAX_EXPONENT
    if not isinstance(exponent, int) or exponent < -_MAX_EXPONENT or too_big:
        msg = f"{field!r}: exponent out of range: {value:.6e}"
        raise ValueError(msg)
    return value


def exact_sum(values: list[Decimal]) -> Decimal:
    """The sum of `values` with no digit rounded away."""
    total = Decimal(0)
    for value in values:
        total = _EXACT.add(total, value)
    return total


def not_negative(value: Decimal, field: str) -> Decimal:
    """`value` unless it is below zero.

    Decision: amounts, fills and prices are refused when negative. None of these order-status endpoints
    documents a negative quantity or price (no spreads or combos are read here), so a minus sign means the
    answer is not what we think it is, and a wrong sign silently carried into a position is worse than an
    error. Fees are exempt: a maker rebate is a negative fee.
    """
    if value < 0:
        msg = f"{field!r}: expected zero or more, got {value}"
        raise ValueError(msg)
    return value


def integer(value: object, field: str, *, digits_allowed: bool = False) -> int:
    """A non-negative JSON integer, or with `digits_allowed` also a string of ASCII digits."""
    if type(value) is int and value >= 0:  # the common case first; a bool is an int subclass, not this type
        return value
    if digits_allowed and isinstance(value, str) and _DIGITS.fullmatch(value):
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{field!r}: expected a whole number, got {type(value).__name__} {value!r:.60}"
        raise TypeError(msg)
    if value < 0:
        msg = f"{field!r}: expected zero or more, got {value}"
        raise ValueError(msg)
    return value


def utc_from_milliseconds(value: object, field: str, *, digits_allowed: bool = False) -> datetime:
    """The UTC instant `value` milliseconds after the epoch, in integer arithmetic so no millisecond is lost."""
    # As microseconds, positionally: the same exact integer arithmetic as milliseconds=, a quarter cheaper.
    return EPOCH + timedelta(0, 0, integer(value, field, digits_allowed=digits_allowed) * 1000)


def utc_from_seconds(value: object, field: str) -> datetime:
    """The UTC instant `value` whole seconds after the epoch."""
    return EPOCH + timedelta(0, integer(value, field))  # positional: half the cost of seconds=


def utc_from_iso(value: object, field: str) -> datetime:
    """The UTC instant an ISO-8601 date-time names.

    Decision: a date-time without an offset is read as UTC, because Kraken documents its times as UTC;
    any other offset is converted. More than six fractional digits are refused rather than truncated.
    """
    if not isinstance(value, str):
        msg = f"{field!r}: expected an ISO-8601 date-time string, got {type(value).__name__}"
        raise TypeError(msg)
    # Kraken's own shape, milliseconds and Z, is told by its separators alone: between them fromisoformat takes
    # ASCII digits only, which is what the regular expression asks there (tests/exchange_clients/
    # test_normalize_checks.py holds the two paths against each other). The expression cost half of this function.
    in_kraken_shape = len(value) == _KRAKEN_ISO_LENGTH and value[4:20:3] == "--T::." and value[23] == "Z"
    if not in_kraken_shape and not _ISO_DATETIME.fullmatch(value):
        msg = f"{field!r}: not an ISO-8601 date-time with at most microseconds: {value!r:.60}"
        raise ValueError(msg)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:  # a digit that is not one, or a month 13: name the field, as every check here does
        msg = f"{field!r}: {error}"
        raise ValueError(msg) from None
    offset = moment.tzinfo
    if offset is UTC:  # "Z": already what astimezone would return, without working out UTC's offset to UTC
        return moment
    if offset is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def remaining(amount: Decimal | None, filled: Decimal | None) -> Decimal | None:
    """What is left to fill when the exchange does not say: amount - filled, None when either is unknown.

    Decision: None, not a negative number, when more is filled than was ordered: the two are then not in the
    same unit (a market order sized in quote currency) or the answer is inconsistent; either way it is unknown.
    """
    if amount is None or filled is None or filled > amount:
        return None
    return _EXACT.subtract(amount, filled)


def average_price(price: Decimal, filled: Decimal | None) -> Decimal | None:
    """The exchange's average fill price, or None while nothing is filled.

    Decision: the exchanges write 0 ("0.00", "0") as the average of no fills; an average of nothing is not a
    price, so while `filled` is zero the normalized order says None, whatever digits were sent.
    """
    return None if filled == 0 else price


def status_with_fills(table: Mapping[str, OrderStatus]) -> Callable[[str, Decimal | None], OrderStatus]:
    """
    The status reader of an exchange that reports a working order the same before and after a fill.

    It gives the status `table` has for a raw status (UNKNOWN for one it lacks), and PARTIALLY_FILLED for an OPEN
    order with a fill (Kraken, Derive).
    """

    def normalized_status(raw_status: str, filled: Decimal | None) -> OrderStatus:
        status = table.get(raw_status, _UNKNOWN_STATUS)
        if status is _OPEN and filled:
            return _PARTIALLY_FILLED
        return status

    return normalized_status


# Read once: each `Enum.MEMBER` read goes through the enum metaclass's attribute hook.
_UNKNOWN_STATUS, _OPEN, _PARTIALLY_FILLED = OrderStatus.UNKNOWN, OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED
