"""
The shape every signer shares: read the body, sign the request in place, send it, re-sign once on a stale nonce.

httpx.Auth's sync and async flows are written out here (not derived from `auth_flow`) because the resend reads the
answer, which a sync flow does with `read()` and an async one with `aread()`.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from typing import Any, Protocol

import httpx


Flow = Generator[httpx.Request, httpx.Response, None]
AsyncFlow = AsyncGenerator[httpx.Request, httpx.Response]


class Digest(Protocol):
    """A finished HMAC (or hash): its bytes, or them in lowercase hex."""

    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


class KeyedMac(Protocol):
    """An HMAC whose key is prepared once per secret, for signing many messages with it."""

    def of(self, message: bytes) -> Digest:
        """The HMAC of `message`, to be read out with `digest()` or `hexdigest()`."""
        ...


def keyed_mac(secret: bytes, digest: str) -> KeyedMac:
    """The HMAC of `secret` with the SHA-2 `digest` ("sha256", "sha384", "sha512") for one signer's messages."""
    return _CopiedMac(secret, digest)


class _CopiedMac:
    """hmac's HMAC keyed once per signer and copied for each message, which hmac documents for exactly this."""

    __slots__ = ("_keyed",)

    def __init__(self, secret: bytes, digest: str) -> None:
        self._keyed = hmac.new(secret, digestmod=digest)

    def __repr__(self) -> str:
        return f"KeyedMac({self._keyed.name})"

    def of(self, message: bytes) -> Digest:
        """The HMAC of `message`, to be read out."""
        mac = self._keyed.copy()
        mac.update(message)
        return mac


class SignedHeaders:
    """The headers a signer writes: its own (API key, content type), then the two values it signs.

    Every exchange here signs two values (a nonce or payload, and the signature over it). They are written through
    httpx.Headers' own item assignment, which replaces a header of the same name however it is spelled.
    """

    def __init__(self, fixed: Mapping[str, str], first: str, second: str) -> None:
        self._fixed = dict(fixed)
        self._first = first
        self._second = second

    def __repr__(self) -> str:
        # Names only: a fixed value can be an API key.
        return f"SignedHeaders({', '.join([*self._fixed, self._first, self._second])})"

    def set(self, headers: httpx.Headers, first: bytes, second: bytes) -> None:
        """Write the fixed headers and the signed values (ASCII bytes, as they go on the wire)."""
        for name, value in self._fixed.items():
            headers[name] = value
        headers[self._first] = first.decode("ascii")
        headers[self._second] = second.decode("ascii")


class SigningAuth(httpx.Auth):
    """An httpx.Auth that signs each request: subclasses write `sign`.

    A signer whose nonce or timestamp the exchange may refuse after a wait (in a connection pool, behind another
    request of the key) sets `resend_on_status` and writes `should_resend`: such a refusal is signed anew, with a
    fresh value, and sent once more. Every request these clients sign is a read, so sending it twice is safe.
    """

    requires_request_body = True
    resend_on_status: int | None = None

    def sign(self, request: httpx.Request, body: bytes) -> None:
        """Sign `request` in place; `body` is its content as the caller built it."""
        raise NotImplementedError

    def should_resend(self, response: httpx.Response, waited: float) -> bool:  # noqa: ARG002 - subclasses read them
        """Whether `response` refused a nonce that a fresh one would fix.

        `response` is read and has status `resend_on_status`; it came `waited` seconds after signing.
        """
        return False

    def auth_flow(self, request: httpx.Request) -> Flow:
        """Sign and send (for callers that drive `auth_flow` themselves; httpx uses the two flows below)."""
        self.sign(request, request.content)
        yield request

    def sync_auth_flow(self, request: httpx.Request) -> Flow:
        """Read the body, sign, send; resend once with a fresh nonce if `should_resend`."""
        yield from self.signed_exchange(request, request.read())

    async def async_auth_flow(self, request: httpx.Request) -> AsyncFlow:
        """The same, reading without blocking."""
        body = await request.aread()
        self.sign(request, body)
        signed_at = time.monotonic()
        response = yield request
        if await self.refused_nonce(response, signed_at):
            self.sign(request, body)
            yield request

    def signed_exchange(self, request: httpx.Request, body: bytes) -> Flow:
        """Sign and send; if the answer refused the nonce (`should_resend`), sign anew and send once more."""
        self.sign(request, body)
        signed_at = time.monotonic()
        response = yield request
        if response.status_code == self.resend_on_status:
            response.read()
            if self.should_resend(response, time.monotonic() - signed_at):
                self.sign(request, body)
                yield request

    async def refused_nonce(self, response: httpx.Response, signed_at: float) -> bool:
        """Whether an async flow's answer refused a nonce that a fresh one would fix (read first, when it may)."""
        if response.status_code != self.resend_on_status:
            return False
        await response.aread()
        return self.should_resend(response, time.monotonic() - signed_at)


def refused_code(
    response: httpx.Response, decode: Callable[[bytes], Any], read: Callable[[Mapping[str, Any]], object]
) -> object:
    """The error code `read` finds in a JSON object body (decoded by the generated package's `decode`), or None."""
    try:
        body = decode(response.content)
    except (ValueError, ArithmeticError, RecursionError):
        return None
    try:
        return read(body) if isinstance(body, dict) else None
    except (AttributeError, TypeError):
        return None
