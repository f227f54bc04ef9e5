"""
Gemini request signing: the JSON payload moves into X-GEMINI-PAYLOAD and is signed with HMAC-SHA384.

Gemini rejects a nonce that is not greater than the last one it saw for the key, and requests sent at the
same time can overtake each other on the way. Decision: signing-and-sending is serialized per key (see
exchange_clients._ordering), so the order nonces are issued in is the order Gemini sees them; with a
SharedNonceStore the same holds across processes. What the locks cannot see (another process using the key
without the store, or a blocking call made from inside a coroutine, which goes unlocked to avoid a deadlock)
is covered by one re-sign and resend on InvalidNonce, safe because these are reads.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from collections.abc import AsyncGenerator, Generator, Mapping
from typing import Any, Self

import httpx
from attrs import field, frozen
from gemini_api.types import decode_json

from exchange_clients._credentials import key_hint, read_environment, redacted
from exchange_clients._nonce import NonceSource
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._ordering import OrderedNonces
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


def _is_invalid_nonce(response: httpx.Response) -> bool:
    if response.status_code != 400:
        return False
    try:
        return bool(decode_json(response.content).get("reason") == "InvalidNonce")
    except (ValueError, AttributeError, RecursionError):
        return False


class GeminiAuth(httpx.Auth):
    """
    Signs Gemini private requests: the JSON body becomes the base64 payload header and the body is emptied.

    `nonce` returns Gemini's nonce in milliseconds; by default a clock shared by every client of this key
    in the process, strictly increasing and never going back with the wall clock.
    """

    requires_request_body = True
    requires_response_body = True  # to recognise InvalidNonce and resend once

    def __init__(
        self,
        credentials: GeminiCredentials,
        *,
        nonce: NonceSource | None = None,
        nonce_store: SharedNonceStore | None = None,
    ) -> None:
        self._credentials = credentials
        self._ordered = OrderedNonces.for_key("gemini", credentials.api_key, nonce=nonce, nonce_store=nonce_store)

    def __repr__(self) -> str:
        return f"GeminiAuth({self._credentials!r})"

    def _sign(self, request: httpx.Request, body: Mapping[str, Any]) -> None:
        payload: dict[str, Any] = dict(body)
        payload["request"] = request.url.path
        payload["nonce"] = self._ordered.nonce()
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
        return self._ordered.sync_flow(super().sync_auth_flow(request))

    def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """The auth flow with this key's lock held until the response arrives, the event loop never blocked."""
        return self._ordered.async_flow(super().async_auth_flow(request))
