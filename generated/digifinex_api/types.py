"""Contains some shared types for properties"""

import json
from collections.abc import Mapping, MutableMapping, Sequence
from decimal import Decimal
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

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


def decode_json(content: bytes) -> Any:
    """Decode a response body with every JSON number exact (``Decimal``/``int``) and NaN/Infinity refused."""
    return json.loads(content, parse_float=Decimal, parse_constant=_refuse_constant)


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
    "DiscriminatorMismatch",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "UnionMismatchError",
    "Unset",
    "decode_json",
    "parse_decimal",
]
