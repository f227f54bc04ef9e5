"""
The shape every signer shares: read the body, sign the request in place, send it.

Why not httpx.Auth.auth_flow: httpx drives that through a second generator of its own, and on a request that
costs microseconds to sign, the generators and the header writes were most of the cost. These flows do it in one
generator, and `SignedHeaders` writes a signer's headers in one pass.
"""

from __future__ import annotations

import hmac
import importlib
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterable, Mapping
from typing import Any, Protocol

import httpx


Flow = Generator[httpx.Request, httpx.Response, None]
AsyncFlow = AsyncGenerator[httpx.Request, httpx.Response]


class Digest(Protocol):
    """A finished HMAC (or hash): its bytes, or them in lowercase hex."""

    def digest(self) -> bytes: ...
    def hexdigest(self) -> str: ...


class _Hash(Digest, Protocol):
    @property
    def name(self) -> str: ...
    @property
    def block_size(self) -> int: ...
    def copy(self) -> _Hash: ...
    def update(self, message: bytes, /) -> None: ...


class KeyedMac(Protocol):
    """An HMAC whose key is prepared once per secret, for signing many messages with it."""

    def of(self, message: bytes) -> Digest:
        """The HMAC of `message`, to be read out with `digest()` or `hexdigest()`."""
        ...


def keyed_mac(secret: bytes, digest: str) -> KeyedMac:
    """
    The HMAC of `secret` with the SHA-2 `digest` ("sha256", "sha384", "sha512") for one signer's messages.

    Built on CPython's own SHA-2 where the interpreter has it, else on OpenSSL's HMAC; both equal hmac.new's
    (tests/exchange_clients/test_signing.py checks each).
    """
    builtin = _BUILTIN_SHA2.get(digest)
    return _OpenSslMac(secret, digest) if builtin is None else _PaddedKeyMac(secret, builtin)


def _builtin_sha2() -> dict[str, Callable[[bytes], _Hash]]:
    """CPython's own SHA-2 constructors, or none in a build that leaves them out (some FIPS builds)."""
    try:
        sha2 = importlib.import_module("_sha2")  # CPython 3.12+
        modules = {"sha256": sha2, "sha384": sha2, "sha512": sha2}
    except ImportError:
        try:
            sha256, sha512 = importlib.import_module("_sha256"), importlib.import_module("_sha512")  # 3.11
        except ImportError:
            return {}
        modules = {"sha256": sha256, "sha384": sha512, "sha512": sha512}
    return {name: getattr(module, name) for name, module in modules.items()}


_BUILTIN_SHA2 = _builtin_sha2()
_INNER_PAD = bytes(byte ^ 0x36 for byte in range(256))
_OUTER_PAD = bytes(byte ^ 0x5C for byte in range(256))


class _PaddedKeyMac:
    """
    RFC 2104 over CPython's own SHA-2: the hashes of the padded key, copied for each message.

    This is what hmac.py itself does where OpenSSL lacks the digest. Why not OpenSSL's keyed HMAC, copied: each copy
    duplicates three OpenSSL digest contexts through its provider, with allocations, and a signer's message is a
    block or two, so the copies were most of the HMAC. CPython's states copy as one small struct; Gemini's
    signature on a request just built got 0.5 us faster (of about 7).
    """

    __slots__ = ("_inner", "_outer")

    def __init__(self, secret: bytes, sha2: Callable[[bytes], _Hash]) -> None:
        block_size = sha2(b"").block_size
        if len(secret) > block_size:
            secret = sha2(secret).digest()
        secret = secret.ljust(block_size, b"\0")
        self._inner = sha2(secret.translate(_INNER_PAD))
        self._outer = sha2(secret.translate(_OUTER_PAD))

    def __repr__(self) -> str:
        return f"KeyedMac(hmac-{self._inner.name})"

    def of(self, message: bytes) -> Digest:
        """The outer hash over the inner one of `message`: the HMAC, ready to be read out."""
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer


try:
    # The OpenSSL HMAC that hmac.HMAC wraps in Python (hmac.py calls it when OpenSSL has the digest). Its copy,
    # update and digest are C calls; through the wrapper each is a Python call too.
    from _hashlib import hmac_new as _openssl_hmac_new

    _new_openssl_mac: Callable[..., _Hash] = _openssl_hmac_new
except ImportError:  # a Python built without OpenSSL
    _new_openssl_mac = hmac.new


class _OpenSslMac:
    """OpenSSL's HMAC keyed once and copied for each message: a third cheaper than hmac.digest, which keys anew."""

    __slots__ = ("_keyed",)

    def __init__(self, secret: bytes, digest: str) -> None:
        self._keyed = _new_openssl_mac(secret, digestmod=digest)

    def __repr__(self) -> str:
        return f"KeyedMac({self._keyed.name})"

    def of(self, message: bytes) -> Digest:
        """The HMAC of `message`, to be read out."""
        mac = self._keyed.copy()
        mac.update(message)
        return mac


class SignedHeaders:
    """
    The headers a signer writes, in one pass: its own (API key, content type) encoded once, then the two it signs.

    httpx.Headers.__setitem__ encodes the name and rescans every header on each call; a signer sets three to six
    per request, and that was a third of Gemini's signing time. httpx keeps headers as (name, lowercased name,
    value) byte triples in `_list`, the same since 0.18 (httpx is pinned below 0.29);
    tests/exchange_clients/test_signing.py checks the result against __setitem__'s, so a change in httpx fails
    there, not on the wire. Fixed values are encoded as UTF-8, as __setitem__ does.

    Every exchange here signs two values (a nonce or payload, and the signature over it), so there are two, typed:
    star-arguments, their count check and a loop over them cost more than the two tuples written.
    """

    def __init__(self, fixed: Mapping[str, str], first: str, second: str) -> None:
        # The triples are immutable, so every request of the signer can hold the same ones.
        self._fixed = [
            (raw, raw.lower(), value.encode()) for raw, value in zip(_ascii(fixed), fixed.values(), strict=True)
        ]
        self._signed = tuple((raw, raw.lower()) for raw in _ascii([first, second]))
        self._replaced = frozenset(raw.lower() for raw in _ascii([*fixed, first, second]))
        self._replaced_by_spelling: dict[bytes, bool] = {}

    def __repr__(self) -> str:
        # Names only: a fixed value can be an API key.
        names = [raw.decode() for raw, _, _ in self._fixed] + [raw.decode() for raw, _ in self._signed]
        return f"SignedHeaders({', '.join(names)})"

    def set(self, headers: httpx.Headers, first: bytes, second: bytes) -> None:
        """Write the fixed headers and the signed values (bytes, as they go on the wire), replacing same-named ones."""
        items = headers._list  # noqa: SLF001 - see the class
        # Whether a header is replaced, by its name as spelled: httpx lowercases every name anew for each request,
        # so a lookup by the lowercased name hashes new bytes every time (1.4k of this method's 9.4k instructions),
        # while the spelled names mostly are the client's own, the same objects on every request with their hash kept.
        replaced_by_spelling = self._replaced_by_spelling
        kept = []
        try:
            for item in items:  # a loop, not a comprehension: that builds a function per call on Python 3.11
                if not replaced_by_spelling[item[0]]:
                    kept.append(item)  # noqa: PERF401 - see the loop
        except KeyError:
            kept = self._kept_learning_spellings(items)
        kept += self._fixed
        (first_name, first_lowered), (second_name, second_lowered) = self._signed
        kept.append((first_name, first_lowered, first))
        kept.append((second_name, second_lowered, second))
        headers._list = kept  # noqa: SLF001

    def _kept_learning_spellings(self, items: list[tuple[bytes, bytes, bytes]]) -> list[tuple[bytes, bytes, bytes]]:
        """The headers not replaced, told by their lowercased names; their spellings are remembered for next time."""
        replaced_by_spelling = self._replaced_by_spelling
        if len(replaced_by_spelling) >= _MAX_SPELLINGS:  # names come from the caller's code, but never grow unbounded
            replaced_by_spelling.clear()
        for spelled, lowered, _ in items:
            replaced_by_spelling[spelled] = lowered in self._replaced
        return [item for item in items if item[1] not in self._replaced]


_MAX_SPELLINGS = 256


def _ascii(names: Iterable[str]) -> list[bytes]:
    return [name.encode("ascii") for name in names]


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
