"""
Gemini request signing: the JSON payload moves into X-GEMINI-PAYLOAD and is signed with HMAC-SHA384.

Gemini rejects a nonce that is not greater than the last one it saw for the key, and requests sent at the
same time can overtake each other on the way. Decision: signing-and-sending is serialized per key: one
request of a key in flight at a time in the process, across threads, tasks and event loops alike (one
lock per key; coroutines wait for it in a worker thread, never blocking their loop). So the order nonces
are issued in is the order Gemini sees them; this costs little because Gemini allows only 10 private
requests a second. What the lock cannot see (another process using the key, or a blocking call made from
inside a coroutine, which goes unlocked to avoid a deadlock) is covered by one re-sign and resend on
InvalidNonce, safe because these are reads.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import os
import threading
import weakref
from collections.abc import AsyncGenerator, Generator, Mapping
from typing import Any, Self

import httpx
from attrs import field, frozen

from exchange_clients._credentials import key_hint, read_environment, redacted
from exchange_clients._nonce import NonceSource, shared_clock
from exchange_clients._redact import register_key, register_secret


@frozen
class GeminiCredentials:
    """A Gemini API key; `account` names the account for master keys (`master-...`)."""

    api_key: str = field(repr=key_hint, validator=register_key)
    api_secret: str = field(repr=redacted, validator=register_secret)
    account: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        """Read GEMINI_API_KEY, GEMINI_API_SECRET and, for master keys, GEMINI_ACCOUNT."""
        api_key, api_secret = read_environment("Gemini", ["GEMINI_API_KEY", "GEMINI_API_SECRET"], environ)
        account = (os.environ if environ is None else environ).get("GEMINI_ACCOUNT") or None
        return cls(api_key=api_key, api_secret=api_secret, account=account)


def sign_payload(payload: bytes, api_secret: str) -> tuple[str, str]:
    """Return (X-GEMINI-PAYLOAD, X-GEMINI-SIGNATURE): the payload in base64 and the hex HMAC-SHA384 of that text."""
    encoded = base64.b64encode(payload).decode("ascii")
    signature = hmac.new(api_secret.encode(), encoded.encode("ascii"), hashlib.sha384).hexdigest()
    return encoded, signature


class _KeyOrdering:
    """The locks that keep one key's requests in nonce order.

    `thread_lock` is the key's one lock in the process; each event loop also has an asyncio lock its tasks
    queue on first, so a crowd of tasks occupies one worker thread at most, not one each.
    """

    def __init__(self) -> None:
        self.thread_lock = threading.Lock()
        self._loop_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._guard = threading.Lock()

    def loop_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        with self._guard:
            lock = self._loop_locks.get(loop)
            if lock is None:
                lock = self._loop_locks[loop] = asyncio.Lock()
            return lock


_orderings: dict[str, _KeyOrdering] = {}
_orderings_guard = threading.Lock()


def _ordering_for(api_key: str) -> _KeyOrdering:
    with _orderings_guard:
        return _orderings.setdefault(api_key, _KeyOrdering())


def _inside_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


async def _acquire_without_blocking(lock: threading.Lock) -> None:
    """Take a threading lock from a coroutine without blocking its loop.

    At once if the lock is free, else in a worker thread; a cancelled wait hands the lock back as soon as the
    worker gets it.
    """
    if lock.acquire(blocking=False):
        return
    acquiring = asyncio.ensure_future(asyncio.to_thread(lock.acquire))
    try:
        await asyncio.shield(acquiring)
    except asyncio.CancelledError:
        acquiring.add_done_callback(lambda _: lock.release())
        raise


def _is_invalid_nonce(response: httpx.Response) -> bool:
    if response.status_code != 400:
        return False
    try:
        return bool(json.loads(response.content).get("reason") == "InvalidNonce")
    except (ValueError, AttributeError):
        return False


class GeminiAuth(httpx.Auth):
    """
    Signs Gemini private requests: the JSON body becomes the base64 payload header and the body is emptied.

    `nonce` returns Gemini's nonce in milliseconds; by default a clock shared by every client of this key
    in the process, strictly increasing and never going back with the wall clock.
    """

    requires_request_body = True
    requires_response_body = True  # to recognise InvalidNonce and resend once

    def __init__(self, credentials: GeminiCredentials, *, nonce: NonceSource | None = None) -> None:
        self._credentials = credentials
        self._nonce = nonce or shared_clock("gemini", credentials.api_key, "ms", strictly_increasing=True)
        self._ordering = _ordering_for(credentials.api_key)

    def __repr__(self) -> str:
        return f"GeminiAuth({self._credentials!r})"

    def _sign(self, request: httpx.Request, body: Mapping[str, Any]) -> None:
        payload: dict[str, Any] = dict(body)
        payload["request"] = request.url.path
        payload["nonce"] = self._nonce()
        if self._credentials.account is not None:
            payload.setdefault("account", self._credentials.account)
        # Python's json writes ints exactly, so an order_id of 2**63-1 reaches Gemini digit for digit.
        encoded, signature = sign_payload(
            json.dumps(payload, separators=(",", ":")).encode(), self._credentials.api_secret
        )
        request.headers["X-GEMINI-APIKEY"] = self._credentials.api_key
        request.headers["X-GEMINI-PAYLOAD"] = encoded
        request.headers["X-GEMINI-SIGNATURE"] = signature
        request.headers["Content-Type"] = "text/plain"
        request.headers["Content-Length"] = "0"
        request.headers["Cache-Control"] = "no-cache"
        request.stream = httpx.ByteStream(b"")
        request._content = b""  # noqa: SLF001 - httpx keeps the read body here; the payload now lives in a header

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Sign, send, and resend once with a fresh nonce if Gemini saw a larger one first."""
        body = json.loads(request.content) if request.content else {}
        self._sign(request, body)
        response = yield request
        if _is_invalid_nonce(response):
            self._sign(request, body)
            yield request

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """The auth flow with this key's lock held from signing until the response arrives."""
        if _inside_event_loop():
            # A blocking call made from a coroutine: the loop may hold this key's lock for a request it can no
            # longer finish while this thread blocks it, so waiting could deadlock. Go unlocked; the resend on
            # InvalidNonce covers the rare overtaking.
            yield from super().sync_auth_flow(request)
            return
        with self._ordering.thread_lock:
            yield from super().sync_auth_flow(request)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """The auth flow with this key's lock for the running event loop held until the response arrives."""
        # Tasks of one loop queue on the loop's asyncio lock, so at most one of them waits for the key's lock,
        # which threads and other event loops share.
        async with self._ordering.loop_lock():
            await _acquire_without_blocking(self._ordering.thread_lock)
            try:
                flow = super().async_auth_flow(request)
                outgoing = await flow.__anext__()
                while True:
                    response = yield outgoing
                    try:
                        outgoing = await flow.asend(response)
                    except StopAsyncIteration:
                        return
            finally:
                self._ordering.thread_lock.release()
