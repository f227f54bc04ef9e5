"""Contains some shared types for properties"""

import json
from collections.abc import Mapping, MutableMapping, Sequence
from decimal import Decimal, InvalidOperation
from enum import EnumType
from http import HTTPStatus
from itertools import accumulate
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

import msgspec
from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def _refuse_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number")


# Decision: an answer nested deeper than this is refused before it is decoded. The specs nest five levels at most.
# json's C decoder recurses once per level, bounded only by sys.getrecursionlimit(), which imports may raise
# (py_ecc, loaded with eth_account for Derive's signatures, sets 100000): a 200 KB answer of nested brackets then
# overflows the C stack and kills the process instead of raising.
_MAX_NESTING = 100

# Quotes and brackets are the bytes that decide the nesting; brackets become +1 (opening) and -1 (closing, 0xff
# read as a signed byte).
_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in b'"[]{}')
_BRACKET_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")


def _refuse_deep_nesting(content: bytes) -> None:
    if content.count(b"[") + content.count(b"{") <= _MAX_NESTING:
        return
    # Only brackets outside strings nest. Every step is a C-speed pass over bytes (a regular expression over a
    # list of 10,000 orders took 6x as long and 15x the body's size in memory): escaped backslashes and quotes
    # go first, so each quote left opens or closes a string; then everything but quotes and brackets; then the
    # strings, which are `""` by now unless a bracket is quoted inside one, and only then are they cut out one
    # by one.
    if b"\\" in content:
        content = content.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = content.translate(None, _NOT_STRUCTURE)
    brackets = structure.replace(b'""', b"")
    if b'"' in brackets:
        brackets = b"".join(structure.split(b'"')[::2])
    if max(accumulate(memoryview(brackets.translate(_BRACKET_STEPS)).cast("b")), default=0) > _MAX_NESTING:
        raise ValueError(f"JSON nested more than {_MAX_NESTING} levels deep")


def _refuse_duplicate_names(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # RFC 8259: with duplicate names "the behavior of software that receives such an object is unpredictable";
    # json keeps the last value, another reader of the same answer may keep the first. Which price is meant
    # cannot be known, so the answer is refused rather than read one way.
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


# One decoder for every body: json.loads builds a new JSONDecoder (and its C scanner) on each call given options,
# which was half the cost of decoding an order. A shared decoder is what json.loads itself uses without options.
_DECODER = json.JSONDecoder(
    parse_float=_exact_number,
    parse_constant=_refuse_constant,
    object_pairs_hook=_refuse_duplicate_names,
)


# The fast reader: msgspec decodes a body faster than json, the same numbers exact (a fraction or an exponent
# through Decimal, whole numbers as int). Its answer is kept only where it is provably the one _DECODER gives (see
# decode_json); everything else is read by _DECODER, whose errors say what is wrong.
_FAST_DECODER = msgspec.json.Decoder(float_hook=Decimal)
# Decimals written as the numbers they were read from, so that a compact body is written back byte for byte.
_ENCODER = msgspec.json.Encoder(decimal_format="number")


def decode_json(content: bytes) -> Any:
    """Decode a response body: every JSON number exact (``Decimal``/``int``); NaN, Infinity, duplicate names refused."""
    # As json.loads reads bytes: UTF-8, -16 or -32 by the first bytes, surrogates passed to the decoder to judge.
    encoding = _encoding(content)
    if not encoding.startswith("utf-8"):
        # In UTF-16 and -32 a bracket's, quote's or backslash's byte also turns up inside other characters; in UTF-8
        # no byte of a multi-byte character is one, so the nesting is counted there.
        text = content.decode(encoding, "surrogatepass")
        _refuse_deep_nesting(text.encode("utf-8", "surrogatepass"))
        return _DECODER.decode(text)
    _refuse_deep_nesting(content)
    if encoding == "utf-8" and content.find(b"\\") < 0:
        try:
            document = _FAST_DECODER.decode(content)
        except (msgspec.DecodeError, ValueError, ArithmeticError):
            # Malformed, or what only json reads (an encoded surrogate). msgspec also finds faults in another order
            # (a number out of Decimal's range before a repeated name or bad UTF-8 further on): _DECODER answers.
            pass
        else:
            # msgspec keeps the last of a duplicated name silently, so its answer is kept only when no name can have
            # been dropped. Without a backslash every string stands in the body as it decodes, and a colon outside
            # strings follows each name: the answer written back out holds as many colons as the body, or fewer
            # when a name (with its colon) was dropped. A compact body is usually written back byte for byte,
            # which settles it without counting.
            written = _ENCODER.encode(document)
            if written == content or written.count(b":") == content.count(b":"):
                return document
    return _DECODER.decode(content.decode(encoding, "surrogatepass"))


def _encoding(content: bytes) -> str:
    # json.detect_encoding's answer, without its Python-level look at every BOM for the usual body: one that opens
    # with a bracket (no BOM starts so) and has no NUL second byte (which UTF-16 or -32 would) is UTF-8.
    if content[:1] in (b"{", b"[") and content[1:2] != b"\x00":
        return "utf-8"
    return json.detect_encoding(content)


def parse_decimal(data: object, field: str) -> Decimal:
    """Return a JSON number as an exact Decimal.

    Response bodies are decoded with ``json.loads(..., parse_float=Decimal)``, so a number with a fraction or
    an exponent arrives as ``Decimal`` and a whole number as ``int``. Anything else is refused rather than
    rounded: a ``float`` has already lost digits, and a string or a boolean is not what the schema says.
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


def unread_properties(source: Mapping[str, Any], names: frozenset[str], read: int) -> dict[str, Any]:
    """The members of a JSON object that are not among a model's property `names`, of which `read` were present."""
    if len(source) == read:
        return {}
    return {key: value for key, value in source.items() if key not in names}


# Each generated enum's members by value, kept here: a class attribute read through the enum's class goes through
# EnumType's Python-level attribute hook.
_MEMBERS_BY_VALUE: dict[type, dict[Any, Any]] = {}


class ByValue(EnumType):
    """The metaclass of the generated enums: `Enum(value)` looks a listed value up before anything else.

    EnumType.__call__ and Enum.__new__ do the same lookup two Python calls deeper. Anything not listed, or
    unhashable, takes the usual path, `_missing_` and its errors included.
    """

    def __new__(metacls, *args: Any, **kwargs: Any) -> Any:
        enum = super().__new__(metacls, *args, **kwargs)
        members: Any = enum.__members__
        _MEMBERS_BY_VALUE[enum] = {member.value: member for member in members.values()}
        return enum

    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs:
            try:
                return _MEMBERS_BY_VALUE[cls][value]
            except (KeyError, TypeError):
                pass
        return super().__call__(value, *args, **kwargs)


class DiscriminatorMismatch(ValueError):
    """A single-value enum (``result: success``) met another value: this union member is not the one sent."""


class UnionMismatchError(ValueError):
    """No member of a ``oneOf``/``anyOf`` accepted the value; ``mismatches`` keeps why each one refused it.

    The message leads with the members whose discriminator matched, because their failure is the real cause
    (a missing field, a bad value), not the fallback member that was never meant to match.
    """

    def __init__(self, field: str, mismatches: Sequence[tuple[str, Exception]]) -> None:
        self.field = field
        self.mismatches = tuple(mismatches)
        relevant = [m for m in self.mismatches if not isinstance(m[1], DiscriminatorMismatch)] or list(self.mismatches)
        reasons = "; ".join(f"as {member}: {type(error).__name__}: {error}" for member, error in relevant)
        super().__init__(f"{field!r} matches no allowed type ({reasons})")


__all__ = [
    "UNSET",
    "ByValue",
    "DiscriminatorMismatch",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "UnionMismatchError",
    "Unset",
    "decode_json",
    "parse_decimal",
    "unread_properties",
]
