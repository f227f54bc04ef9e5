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
import functools
import json
import os
from collections.abc import Mapping
from typing import Any, Self

import httpx
from attrs import field, frozen
from gemini_api.types import decode_json

from exchange_clients._credentials import key_hint, read_environment, redacted
from exchange_clients._nonce import NonceSource
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._ordering import OrderedNonces, OrderedSigningAuth
from exchange_clients._redact import register_key, register_secret
from exchange_clients._signing import KeyedMac, SignedHeaders, keyed_mac


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
    return _signed(payload, keyed_mac(api_secret.encode(), "sha384"))


def _signed(payload: bytes, mac: KeyedMac) -> tuple[str, str]:
    encoded = base64.b64encode(payload)
    return encoded.decode("ascii"), mac.hexdigest(encoded)


def payload_json(body: bytes, path: str, nonce: int, account: str | None) -> bytes:
    """
    The JSON Gemini signs: the request body's object with `request` and `nonce` set, and `account` when missing.

    The body's bytes are kept as they are, with the signer's keys spliced in front, unless they might already hold
    one of those keys; then the object is decoded and written anew. Both give the same object.
    """
    # The searches run on a Latin-1 view of the bytes (one character per byte, so each finds what it would in
    # the bytes): a substring test on bytes costs several times one on str, and these four were most of the work.
    view = body.decode("latin-1")
    if (
        account is None
        and view[:1] == "{"
        and '"request"' not in view
        and '"nonce"' not in view
        and '"account"' not in view
        and "\\" not in view  # an escaped key could spell one of them
    ):
        rest = body[1:].lstrip()
        return b"".join(
            (b'{"request":', _json_text(path), b',"nonce":', b"%d" % nonce, b"," if rest[:1] != b"}" else b"", rest)
        )
    fields: dict[str, Any] = {"request": path, "nonce": nonce}
    if body:
        fields |= {key: value for key, value in decode_json(body).items() if key not in fields}
    if account is not None:
        fields.setdefault("account", account)
    # Python's json writes ints exactly, so an order_id of 2**63-1 reaches Gemini digit for digit.
    return json.dumps(fields, separators=(",", ":")).encode()


@functools.lru_cache(maxsize=64)
def _json_text(path: str) -> bytes:
    return json.dumps(path).encode()


def _is_invalid_nonce(response: httpx.Response) -> bool:
    try:
        return bool(decode_json(response.content).get("reason") == "InvalidNonce")
    except (ValueError, AttributeError, RecursionError):
        return False


class GeminiAuth(OrderedSigningAuth):
    """
    Signs Gemini private requests: the JSON body becomes the base64 payload header and the body is emptied.

    `nonce` returns Gemini's nonce in milliseconds; by default a clock shared by every client of this key
    in the process, strictly increasing and never going back with the wall clock.
    """

    resend_on_status = 400  # InvalidNonce: another request of the key reached Gemini first; resend once

    def __init__(
        self,
        credentials: GeminiCredentials,
        *,
        nonce: NonceSource | None = None,
        nonce_store: SharedNonceStore | None = None,
    ) -> None:
        self._credentials = credentials
        self._mac = keyed_mac(credentials.api_secret.encode(), "sha384")
        self._headers = SignedHeaders(
            {
                "X-GEMINI-APIKEY": credentials.api_key,
                "Content-Type": "text/plain",
                "Content-Length": "0",
                "Cache-Control": "no-cache",
            },
            "X-GEMINI-PAYLOAD",
            "X-GEMINI-SIGNATURE",
        )
        self._ordered = OrderedNonces.for_key("gemini", credentials.api_key, nonce=nonce, nonce_store=nonce_store)

    def __repr__(self) -> str:
        return f"GeminiAuth({self._credentials!r})"

    def sign(self, request: httpx.Request, body: bytes) -> None:
        """Move `body` into the signed payload header, with a fresh nonce, and empty the body."""
        signed = payload_json(body, request.url.path, self._ordered.nonce(), self._credentials.account)
        self._headers.set(request.headers, *_signed(signed, self._mac))
        request.stream = _EMPTY
        request._content = b""  # noqa: SLF001 - httpx keeps the read body here; the payload now lives in a header

    def should_resend(self, response: httpx.Response) -> bool:
        """Gemini saw a larger nonce of this key first."""
        return _is_invalid_nonce(response)


_EMPTY = httpx.ByteStream(b"")
