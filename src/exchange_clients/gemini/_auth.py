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

import binascii
import json
import os
from collections.abc import Mapping
from typing import Any, Self

import httpx
from attrs import field, frozen

from exchange_clients._credentials import from_variables, key_hint, printable_token, read_environment, redacted
from exchange_clients._nonce import NonceSource, WallClock
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._ordering import OrderedNonces, OrderedSigningAuth
from exchange_clients._redact import API_KEY, SECRET
from exchange_clients._signing import SignedHeaders, keyed_mac
from exchange_clients.runtime import decode_json


@frozen
class GeminiCredentials:
    """
    A Gemini API key; `account` names the account for master keys (`master-...`).

    `time_based_nonce`: the key was provisioned with "Uses a time based nonce". Its nonce is then the time in seconds,
    within 30 s of Gemini's clock, not an increasing count (Gemini's API-key page); Gemini's WebSocket accepts only
    such keys (account-scoped, time-based), so watch_orders needs one.
    """

    api_key: str = field(repr=key_hint, validator=printable_token, metadata=API_KEY)
    api_secret: str = field(repr=redacted, validator=printable_token, metadata=SECRET)
    account: str | None = None
    time_based_nonce: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        """Read GEMINI_API_KEY, GEMINI_API_SECRET, GEMINI_ACCOUNT (master keys) and GEMINI_TIME_BASED_NONCE (1 or 0)."""
        api_key, api_secret = read_environment("Gemini", ["GEMINI_API_KEY", "GEMINI_API_SECRET"], environ)
        source = os.environ if environ is None else environ
        account = source.get("GEMINI_ACCOUNT") or None
        flag = source.get("GEMINI_TIME_BASED_NONCE", "").strip().lower()
        if flag not in _FLAGS:
            msg = "GEMINI_TIME_BASED_NONCE must be 1, true or yes, or 0, false, no or empty"
            raise ValueError(msg)
        variables = {"api_key": "GEMINI_API_KEY", "api_secret": "GEMINI_API_SECRET"}
        return from_variables(
            cls, variables, api_key=api_key, api_secret=api_secret, account=account, time_based_nonce=_FLAGS[flag]
        )


_FLAGS = {"": False, "0": False, "false": False, "no": False, "1": True, "true": True, "yes": True}


def sign_payload(payload: bytes, api_secret: str) -> tuple[str, str]:
    """Return (X-GEMINI-PAYLOAD, X-GEMINI-SIGNATURE): the payload in base64 and the hex HMAC-SHA384 of that text."""
    encoded = binascii.b2a_base64(payload, newline=False)
    return encoded.decode("ascii"), keyed_mac(api_secret.encode(), "sha384").of(encoded).hexdigest()


def payload_json(body: bytes, path: str, nonce: int, account: str | None) -> bytes:
    """
    The JSON Gemini signs: the request body's object with `request` and `nonce` set, and `account` when missing.

    The body's bytes are kept as they are, with the signer's keys spliced in front, unless they might already hold
    one of those keys; then the object is decoded and written anew. Both give the same object.
    """
    spliced = _spliced(body, _request_prefix(path), nonce) if account is None else None
    return _rewritten(body, path, nonce, account) if spliced is None else spliced


def _request_prefix(path: str) -> bytes:
    return b'{"request":%b,"nonce":' % json.dumps(path).encode()


def _spliced(body: bytes, request_prefix: bytes, nonce: int) -> bytes | None:
    """`request_prefix`, the nonce and the body's members, or None when the body might hold a signer's key."""
    # The searches run on a Latin-1 view of the bytes (one character per byte, so each finds what it would in
    # the bytes): a substring test on bytes costs several times one on str, and these were most of the work.
    view = body.decode("latin-1")
    if '"request"' in view or '"nonce"' in view or "\\" in view:  # an escape could spell one
        return None
    if view[:2] == '{"':  # compact JSON's first key, as httpx writes it
        return b"%b%d,%b" % (request_prefix, nonce, body[1:])
    if view[:1] != "{":
        return None
    members = body[1:].lstrip()  # whitespace, or no members
    if members[:1] == b"}":
        return b"%b%d%b" % (request_prefix, nonce, members)
    return b"%b%d,%b" % (request_prefix, nonce, members)


def _rewritten(body: bytes, path: str, nonce: int, account: str | None) -> bytes:
    fields: dict[str, Any] = {"request": path, "nonce": nonce}
    if body:
        fields |= {key: value for key, value in decode_json(body).items() if key not in fields}
    if account is not None:
        fields.setdefault("account", account)
    # Python's json writes ints exactly, so an order_id of 2**63-1 reaches Gemini digit for digit.
    return json.dumps(fields, separators=(",", ":")).encode()


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
        if nonce is None and credentials.time_based_nonce:
            # A time-based key's nonce is the wall clock in seconds, judged against a window of Gemini's clock like
            # DigiFinex's timestamps: not forced to increase, and never ahead of the clock.
            nonce = WallClock("s")
        self._ordered = OrderedNonces.for_key("gemini", credentials.api_key, nonce=nonce, nonce_store=nonce_store)
        self._account = credentials.account
        self._request_prefixes: dict[bytes, bytes] = {}

    def __repr__(self) -> str:
        return f"GeminiAuth({self._credentials!r})"

    def sign(self, request: httpx.Request, body: bytes) -> None:
        """Move `body` into the signed payload header, with a fresh nonce, and empty the body."""
        url = request.url
        # Keyed by the path as written, percent-escapes and all, which always decodes to the same url.path: the
        # query never enters Gemini's payload, and url.path percent-decodes anew on every call.
        raw_path = url.raw_path.partition(b"?")[0]
        request_prefix = self._request_prefixes.get(raw_path)
        if request_prefix is None:
            request_prefix = self._request_prefix_of(raw_path, url.path)
        nonce = self._ordered.nonce()
        signed = _spliced(body, request_prefix, nonce) if self._account is None else None
        if signed is None:
            signed = _rewritten(body, url.path, nonce, self._account)
        encoded = binascii.b2a_base64(signed, newline=False)
        self._headers.set(request.headers, encoded, self._mac.of(encoded).hexdigest().encode())
        # The payload now travels in a header; the body sent is empty (Content-Length: 0, set above).
        request.stream = _EMPTY

    def _request_prefix_of(self, raw_path: bytes, path: str) -> bytes:
        if len(self._request_prefixes) >= _MAX_PATHS:  # Gemini has a few dozen private paths; never grow unbounded
            self._request_prefixes.clear()
        prefix = self._request_prefixes[raw_path] = _request_prefix(path)
        return prefix

    def should_resend(self, response: httpx.Response, waited: float) -> bool:  # noqa: ARG002 - no wait needed
        """Gemini saw a larger nonce of this key first."""
        return _is_invalid_nonce(response)


_EMPTY = httpx.ByteStream(b"")
_MAX_PATHS = 256
