"""
The runtime the generated clients import: exact JSON decoding, Decimal numbers, union errors and open enums.

The generator's templates are pristine openapi-python-client templates plus small patches
(specs/templates/patches/); every line of behaviour those patches call lives here, written once and tested once,
instead of being copied into each generated package. Nothing in this module knows about any one exchange.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum, EnumType
from itertools import accumulate
from typing import Any, TypeVar, cast


__all__ = [
    "DiscriminatorMismatch",
    "IntegersOnly",
    "UnionMismatchError",
    "decode_json",
    "discriminator_mismatch",
    "is_listed",
    "parse_decimal",
    "unrecognized_member",
]

EnumT = TypeVar("EnumT", bound=Enum)


# ---------------------------------------------------------------------------------------------------------------------
# Decoding a body: every number exact, nothing read one way among several.


def _refuse_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number")


# Decision: an answer nested deeper than this is refused before it is decoded. The specs nest five levels at most.
# json's C decoder recurses once per level, bounded only by sys.getrecursionlimit(), which a user's own imports may
# raise (py_ecc, which eth-account loads, sets 100000): a 200 KB answer of nested brackets then overflows the C stack
# and kills the process instead of raising.
_MAX_NESTING = 100

# Quotes and brackets are the bytes that decide the nesting; brackets become +1 (opening) and -1 (closing, 0xff read
# as a signed byte).
_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in b'"[]{}')
_BRACKET_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")


def _refuse_deep_nesting(content: bytes) -> None:
    if content.count(b"[") + content.count(b"{") <= _MAX_NESTING:
        return
    # Only brackets outside strings nest, and every step is a pass over bytes rather than a loop in Python (a regular
    # expression over a list of 10,000 orders held many times the body's size in memory): escaped backslashes and
    # quotes go first, so each quote left opens or closes a string; then everything but quotes and brackets; then the
    # strings, which are `""` by now unless a bracket is quoted inside one, and only then are they cut out one by one.
    if b"\\" in content:
        content = content.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = content.translate(None, _NOT_STRUCTURE)
    brackets = structure.replace(b'""', b"")
    if b'"' in brackets:
        brackets = b"".join(structure.split(b'"')[::2])
    if max(accumulate(memoryview(brackets.translate(_BRACKET_STEPS)).cast("b")), default=0) > _MAX_NESTING:
        raise ValueError(f"JSON nested more than {_MAX_NESTING} levels deep")


def _refuse_duplicate_names(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # RFC 8259: with duplicate names "the behavior of software that receives such an object is unpredictable"; json
    # keeps the last value, another reader of the same answer may keep the first. Which price is meant cannot be
    # known, so the answer is refused rather than read one way.
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        for name, _ in pairs:
            if name in seen:
                raise ValueError(f"{name[:60]!r} appears more than once in one JSON object")
            seen.add(name)
    return document


def _exact_number(text: str) -> Decimal:
    # Decimal refuses an exponent beyond its range ("1e9999999999999999999", 21 bytes) with InvalidOperation, an
    # ArithmeticError no reader of a response expects: such a body is malformed, like one with NaN.
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueError(f"the JSON number {text[:40]} is beyond Decimal's range") from None


# json.loads given options builds a new decoder on each call; one shared decoder is what it uses without options.
_DECODER = json.JSONDecoder(
    parse_float=_exact_number,
    parse_constant=_refuse_constant,
    object_pairs_hook=_refuse_duplicate_names,
)


def decode_json(content: bytes) -> Any:
    """Decode a response body: every JSON number exact (``Decimal``/``int``); NaN, Infinity, duplicate names refused.

    Bytes are read as ``json.loads`` reads them (UTF-8, -16 or -32, told by the first bytes). A body nested more than
    100 levels deep is refused before it is decoded. Every refusal is a ``ValueError``.
    """
    encoding = json.detect_encoding(content)
    text = content.decode(encoding, "surrogatepass")
    # The nesting is counted in UTF-8, where no byte of a multi-byte character is a bracket, quote or backslash; in
    # UTF-16 and -32 those bytes also turn up inside other characters.
    _refuse_deep_nesting(content if encoding.startswith("utf-8") else text.encode("utf-8", "surrogatepass"))
    return _DECODER.decode(text)


def parse_decimal(data: object, field: str) -> Decimal:
    """Return a JSON number as an exact Decimal.

    Bodies are decoded by ``decode_json``, so a number with a fraction or an exponent arrives as ``Decimal`` and a
    whole number as ``int``. Anything else is refused rather than rounded: a ``float`` has already lost digits, and a
    string or a boolean is not what the schema says.
    """
    if isinstance(data, Decimal):
        if not data.is_finite():
            raise ValueError(f"{field!r}: expected a finite JSON number, got {data}")
        return data
    if isinstance(data, int) and not isinstance(data, bool):
        return Decimal(data)
    if isinstance(data, float):
        raise TypeError(
            f"{field!r}: expected a JSON number decoded as Decimal, got the float {data!r}:"
            " decode the body with json.loads(..., parse_float=Decimal)"
        )
    raise TypeError(f"{field!r}: expected a JSON number, got {type(data).__name__} {data!r:.60}")


# ---------------------------------------------------------------------------------------------------------------------
# Unions: when no member fits, say why each one refused.


class DiscriminatorMismatch(ValueError):  # noqa: N818 - a signal between union members, never shown alone
    """A single-value enum (``result: success``) met another value: this union member is not the one sent."""


class UnionMismatchError(ValueError):
    """No member of a ``oneOf``/``anyOf`` accepted the value; ``mismatches`` keeps why each one refused it.

    The message leads with the members whose discriminator matched, because their failure is the real cause (a
    missing field, a bad value), not the fallback member that was never meant to match.
    """

    def __init__(self, field: str, mismatches: Sequence[tuple[str, Exception]]) -> None:
        self.field = field
        self.mismatches = tuple(mismatches)
        relevant = [m for m in self.mismatches if not isinstance(m[1], DiscriminatorMismatch)] or list(self.mismatches)
        reasons = "; ".join(f"as {member}: {type(error).__name__}: {error}" for member, error in relevant)
        super().__init__(f"{field!r} matches no allowed type ({reasons})")


# ---------------------------------------------------------------------------------------------------------------------
# Open enums: exchanges add values without notice (Kraken added `unknown` to several enums in 2026), and a closed enum
# turns one new word into a failed response. A value the spec does not list becomes a pseudo-member named
# UNRECOGNIZED that keeps the raw value. Single-value enums stay strict: they are discriminators (`result: success`),
# and accepting anything there would let an error body half-parse as a success.


def unrecognized_member(enum: type[EnumT], value: object) -> EnumT | None:
    """An open enum's ``_missing_``: the UNRECOGNIZED pseudo-member for a value of the enum's type, else None.

    The pseudo-member equals the raw value and is written back as it came; ``None`` lets Enum raise its ValueError.
    A str enum takes any string; an int enum only a JSON integer (``True`` is not 1 here).
    """
    base: type[int | str]
    if issubclass(enum, int):
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        base = int
    elif issubclass(enum, str) and isinstance(value, str):
        base = str
    else:
        return None
    # The enum module documents `_name_` and `_value_` as the names to set on a member created by hand.
    member = cast("EnumT", base.__new__(enum, value))
    member._name_ = "UNRECOGNIZED"
    member._value_ = value
    return member


def is_listed(member: Enum) -> bool:
    """False for an UNRECOGNIZED pseudo-member: a value the spec does not list."""
    # A pseudo-member's value is never one of the listed members' values, so membership by value settles it.
    return member in type(member).__members__.values()


def discriminator_mismatch(enum: type[Enum], value: object) -> DiscriminatorMismatch:
    """The error a single-value enum's ``_missing_`` raises: the value (at most 60 characters of it) is not the one."""
    expected = next(iter(enum.__members__.values())).value
    return DiscriminatorMismatch(f"{value!r:.60} is not {expected!r}")


class IntegersOnly(EnumType):
    """The metaclass of the generated int enums: only a JSON integer is a value.

    Enum looks a value up by hash before ``_missing_`` is asked, and Python hashes True as 1, False as 0 and
    Decimal("2.0") as 2: a DigiFinex ``"status": true`` would read as "partially executed" and ``"code": false`` as
    success. Anything but an int is refused before that lookup.
    """

    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        """Look a value up as Enum does, refusing anything but an int first."""
        if isinstance(value, bool) or not isinstance(value, int):
            # ValueError, as Enum raises for any value it does not take.
            raise ValueError(  # noqa: TRY004
                f"{cls.__name__} takes a JSON integer, not {type(value).__name__} {value!r:.60}"
            )
        return super().__call__(value, *args, **kwargs)
