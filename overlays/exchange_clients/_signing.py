"""
The shape every signer shares: read the body, sign the request in place, send it.

Why not httpx.Auth.auth_flow: httpx drives that through a second generator of its own, and on a request that
costs microseconds to sign, the generators and the header writes were most of the cost. These flows do it in one
generator, and `SignedHeaders` writes a signer's headers in one pass.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncGenerator, Callable, Generator, Iterable, Mapping
from typing import Protocol

import httpx


Flow = Generator[httpx.Request, httpx.Response, None]
AsyncFlow = AsyncGenerator[httpx.Request, httpx.Response]


class _Mac(Protocol):
    @property
    def name(self) -> str: ...
    def copy(self) -> _Mac: ...
    def update(self, message: bytes, /) -> None: ...
    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


try:
    # The OpenSSL HMAC that hmac.HMAC wraps in Python (hmac.py calls it when OpenSSL has the digest). Its copy,
    # update and digest are C calls; through the wrapper each is a Python call too, a quarter of an HMAC here.
    from _hashlib import hmac_new as _openssl_hmac_new

    _new_mac: Callable[..., _Mac] = _openssl_hmac_new
except ImportError:  # a Python built without OpenSSL
    _new_mac = hmac.new


class KeyedMac:
    """
    An HMAC whose key is prepared once per secret and copied for each message.

    hmac.digest keys OpenSSL's state anew on every call; copying a keyed state is about a third cheaper.
    """

    __slots__ = ("_keyed",)

    def __init__(self, secret: bytes, digest: str) -> None:
        self._keyed = _new_mac(secret, digestmod=digest)

    def __repr__(self) -> str:
        return f"KeyedMac({self._keyed.name})"

    def digest(self, message: bytes) -> bytes:
        """The HMAC of `message`."""
        mac = self._keyed.copy()
        mac.update(message)
        return mac.digest()

    def hexdigest(self, message: bytes) -> str:
        """The HMAC of `message` in lowercase hex."""
        mac = self._keyed.copy()
        mac.update(message)
        return mac.hexdigest()


class SignedHeaders:
    """
    The headers a signer writes, in one pass: its own (API key, content type) encoded once, the signed ones by name.

    httpx.Headers.__setitem__ encodes the name and rescans every header on each call; a signer sets three to six
    per request, and that was a third of Gemini's signing time. httpx keeps headers as (name, lowercased name,
    value) byte triples in `_list`, the same since 0.18 (httpx is pinned below 0.29);
    tests/exchange_clients/test_signing.py checks the result against __setitem__'s, so a change in httpx fails
    there, not on the wire. Values are encoded as UTF-8, as __setitem__ does.
    """

    def __init__(self, fixed: Mapping[str, str], *signed: str) -> None:
        # The triples are immutable, so every request of the signer can hold the same ones.
        self._fixed = [
            (raw, raw.lower(), value.encode()) for raw, value in zip(_ascii(fixed), fixed.values(), strict=True)
        ]
        self._signed = tuple((raw, raw.lower()) for raw in _ascii(signed))
        self._replaced = frozenset(raw.lower() for raw in _ascii([*fixed, *signed]))

    def __repr__(self) -> str:
        # Names only: a fixed value can be an API key.
        names = [raw.decode() for raw, _, _ in self._fixed] + [raw.decode() for raw, _ in self._signed]
        return f"SignedHeaders({', '.join(names)})"

    def set(self, headers: httpx.Headers, *values: str) -> None:
        """Write the fixed headers and the signed ones (`values`, in their names' order), replacing same-named ones.

        A count of values other than the signed names' raises ValueError and leaves `headers` as they were.
        """
        if len(values) != len(self._signed):
            msg = f"{len(values)} values for the {len(self._signed)} signed headers of {self!r}"
            raise ValueError(msg)
        kept = [item for item in headers._list if item[1] not in self._replaced]  # noqa: SLF001 - see the class
        kept += self._fixed
        # A loop, not zip(map(str.encode)): for three values, map's calls through the unbound method and zip's
        # keyword cost more than these tuples.
        for (raw, lowered), value in zip(self._signed, values):  # noqa: B905 - the count is checked above
            kept.append((raw, lowered, value.encode()))
        headers._list = kept  # noqa: SLF001


def _ascii(names: Iterable[str]) -> list[bytes]:
    return [name.encode("ascii") for name in names]


class SigningAuth(httpx.Auth):
    """An httpx.Auth that signs each request once: subclasses write `sign`."""

    requires_request_body = True

    def sign(self, request: httpx.Request, body: bytes) -> None:
        """Sign `request` in place; `body` is its content as the caller built it."""
        raise NotImplementedError

    def auth_flow(self, request: httpx.Request) -> Flow:
        """Sign and send (for callers that drive `auth_flow` themselves; httpx uses the two flows below)."""
        self.sign(request, request.content)
        yield request

    def sync_auth_flow(self, request: httpx.Request) -> Flow:
        """Read the body, sign, send."""
        self.sign(request, request.read())
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncFlow:
        """Read the body without blocking, sign, send."""
        self.sign(request, await request.aread())
        yield request
