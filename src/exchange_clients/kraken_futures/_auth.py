"""
Kraken Futures request signing: Authent = base64(HMAC-SHA512(base64decode(secret), SHA256(postData + nonce + path))).

Decisions where Kraken's docs are unconfirmed:
- postData is the query string exactly as sent, followed by the body exactly as sent, with no separator:
  Kraken's official Python sample concatenates them so, and its Go SDK signs whichever one carries the
  parameters. The generated client puts `orderIds` in the query of the POST, as Kraken's document does,
  so in practice postData is that query string.
- Arrays go as repeated keys (`orderIds=a&orderIds=b`), the form httpx writes for a list parameter.
- Since 20 February 2024 Kraken hashes the URL-encoded form as it appears in the request, which is what
  signing the bytes on the wire gives.
- endpointPath is the request path without its leading `/derivatives` (Kraken's sample and Go SDK).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Mapping
from typing import Any, Self

import httpx
from attrs import field, frozen, validators

from exchange_clients._credentials import MissingCredentialsError, from_variables, key_hint, printable_token, redacted
from exchange_clients._nonce import NonceSource
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._ordering import OrderedNonces, OrderedSigningAuth
from exchange_clients._redact import API_KEY, SECRET
from exchange_clients._signing import KeyedMac, SignedHeaders, keyed_mac, refused_code
from exchange_clients.runtime import decode_json


def decoded_secret(secret: str, which: str = "the Kraken Futures API secret") -> bytes:
    """`secret`'s bytes; ValueError naming `which` secret if it is not base64."""
    # Kraken's own guide prints a secret one "=" short of valid padding; pad rather than refuse it.
    try:
        return base64.b64decode(secret + "=" * (-len(secret) % 4), validate=True)
    except binascii.Error:
        msg = f"{which} is not base64"
        raise ValueError(msg) from None


_FUTURES_VARIABLES = {"api_key": "KRAKEN_FUTURES_API_KEY", "api_secret": "KRAKEN_FUTURES_API_SECRET"}
_KRAKEN_VARIABLES = {"kraken_api_key": "KRAKEN_API_KEY", "kraken_api_secret": "KRAKEN_API_SECRET"}
NEEDED_FOR = (
    "KRAKEN_FUTURES_API_KEY and KRAKEN_FUTURES_API_SECRET are a Kraken Futures (Derivatives) key: order status over "
    "the Derivatives REST API, which Kraken decommissions on 1 March 2027. KRAKEN_API_KEY and KRAKEN_API_SECRET are "
    "a Kraken API key with WebSocket access: the token of the Unified WebSocket, the only way to read a Futures "
    "order's state after that date (optional until then)."
)
"""What each pair of Kraken Futures' variables is for, said by every error about a missing one."""


def _optional_key_hint(key: str | None) -> str:
    return "None" if key is None else key_hint(key)


def _optional_redacted(secret: str | None) -> str:
    return "None" if secret is None else redacted(secret)


@frozen
class KrakenFuturesCredentials:
    """
    A Kraken Futures API key and its base64 secret, and a Kraken API key pair for the Unified WebSocket.

    The Futures key signs the Derivatives REST API, which Kraken decommissions on 1 March 2027. The Unified WebSocket,
    the only way to read a Futures order's state after that day, authenticates with a token that only a Kraken API
    key with WebSocket access can request (Kraken's Spot REST `GetWebSocketsToken`): `kraken_api_key` and
    `kraken_api_secret`, given together, optional while the REST API lives.
    """

    api_key: str = field(repr=key_hint, validator=printable_token, metadata=API_KEY)
    api_secret: str = field(repr=redacted, validator=printable_token, metadata=SECRET)
    kraken_api_key: str | None = field(
        default=None,
        kw_only=True,
        repr=_optional_key_hint,
        validator=validators.optional(printable_token),
        metadata=API_KEY,
    )
    kraken_api_secret: str | None = field(
        default=None,
        kw_only=True,
        repr=_optional_redacted,
        validator=validators.optional(printable_token),
        metadata=SECRET,
    )

    @api_secret.validator
    def _is_base64(self, _: object, value: str) -> None:
        decoded_secret(value)  # refuse a bad secret here, not at the first request

    @kraken_api_secret.validator
    def _is_a_pair_in_base64(self, _: object, value: str | None) -> None:
        if (self.kraken_api_key is None) != (value is None):
            msg = "kraken_api_key and kraken_api_secret go together: give both, or neither"
            raise ValueError(msg)
        if value is not None:
            decoded_secret(value, "kraken_api_secret")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        """
        Read KRAKEN_FUTURES_API_KEY and KRAKEN_FUTURES_API_SECRET, and KRAKEN_API_KEY and KRAKEN_API_SECRET if set.

        MissingCredentialsError names what is missing and says what each pair is for (NEEDED_FOR): the Futures pair
        is needed, and of the Kraken pair both or neither.
        """
        source = os.environ if environ is None else environ
        missing = [name for name in _FUTURES_VARIABLES.values() if not source.get(name)]
        kraken = [name for name in _KRAKEN_VARIABLES.values() if source.get(name)]
        if len(kraken) == 1:
            missing += [name for name in _KRAKEN_VARIABLES.values() if name not in kraken]
        if missing:
            raise MissingCredentialsError("Kraken Futures", missing, needed_for=NEEDED_FOR)
        variables = _FUTURES_VARIABLES | (_KRAKEN_VARIABLES if kraken else {})
        values: dict[str, Any] = {field_name: source[variable] for field_name, variable in variables.items()}
        return from_variables(cls, variables, **values)


def sign(post_data: str, nonce: str, endpoint_path: str, secret: bytes) -> str:
    """The Authent header for one request (secret already base64-decoded)."""
    return _authent(post_data, nonce, endpoint_path, keyed_mac(secret, "sha512")).decode("ascii")


def _authent(post_data: str, nonce: str, endpoint_path: str, mac: KeyedMac) -> bytes:
    digest = hashlib.sha256((post_data + nonce + endpoint_path).encode()).digest()
    return binascii.b2a_base64(mac.of(digest).digest(), newline=False)


def endpoint_path(url_path: str) -> str:
    """The path Kraken signs: the request path without `/derivatives`."""
    return url_path.removeprefix("/derivatives")


_NONCE_REFUSED = ("nonceBelowThreshold", "nonceDuplicate")


class KrakenFuturesAuth(OrderedSigningAuth):
    """
    Signs Kraken Futures private requests with the APIKey, Nonce and Authent headers.

    `nonce` returns the Nonce header's value in milliseconds; by default a clock shared by every client of
    this key in the process, strictly increasing and never going back with the wall clock.
    """

    def __init__(
        self,
        credentials: KrakenFuturesCredentials,
        *,
        nonce: NonceSource | None = None,
        nonce_store: SharedNonceStore | None = None,
    ) -> None:
        self._credentials = credentials
        self._mac = keyed_mac(decoded_secret(credentials.api_secret), "sha512")
        self._headers = SignedHeaders({"APIKey": credentials.api_key}, "Nonce", "Authent")
        # Decision: Kraken says it "tolerates nonces that are out of order for a brief period" without saying how
        # brief, so a key's requests are kept in order like Gemini's rather than relying on that tolerance.
        self._ordered = OrderedNonces.for_key(
            "kraken_futures", credentials.api_key, nonce=nonce, nonce_store=nonce_store
        )

    # Kraken answers a refused nonce with HTTP 200 and nonceBelowThreshold or nonceDuplicate: another request of
    # the key (another process, a clock) got there first, and a fresh nonce fixes it.
    resend_on_status = 200

    def __repr__(self) -> str:
        return f"KrakenFuturesAuth({self._credentials!r})"

    def should_resend(self, response: httpx.Response, waited: float) -> bool:  # noqa: ARG002 - no wait needed
        """Kraken refused the nonce as already used or too low."""
        return refused_code(response, decode_json, lambda body: body.get("error")) in _NONCE_REFUSED

    def sign(self, request: httpx.Request, body: bytes) -> None:
        """Add the three headers, signing the query and body exactly as they go on the wire."""
        nonce = str(self._ordered.nonce())
        post_data = request.url.query.decode("ascii") + body.decode()
        authent = _authent(post_data, nonce, endpoint_path(request.url.path), self._mac)
        self._headers.set(request.headers, nonce.encode(), authent)
