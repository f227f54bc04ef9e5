"""
DigiFinex request signing: ACCESS-SIGN = hex HMAC-SHA256 of the parameter string exactly as sent.

Decisions where DigiFinex's docs are unconfirmed or contradict themselves:
- The docs say parameters are "ordered based on ASCII", but their own worked example only verifies when
  the string is signed as sent, unsorted; so the query (then the body, joined by "&", query first, as
  the docs say for both) is signed byte for byte as it goes on the wire.
- The comma list of order ids goes percent-encoded (`%2C`), which is what httpx writes and what ccxt, the
  one maintained client we could read, sends and signs.
- ACCESS-TIMESTAMP is in seconds and must be within 5 s behind and 1 s ahead of DigiFinex's clock, so it
  is the wall clock as it is: not forced to increase (a strictly increasing count of seconds would run ahead
  of the clock, and out of the window, at more than one request a second), and not held back when the wall
  clock is corrected backwards (the last value issued would then be ahead of DigiFinex's clock).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self

import httpx
from attrs import field, frozen

from exchange_clients._credentials import from_variables, key_hint, printable_token, read_environment, redacted
from exchange_clients._nonce import NonceSource, WallClock
from exchange_clients._redact import API_KEY, SECRET
from exchange_clients._signing import KeyedMac, SignedHeaders, SigningAuth, keyed_mac, refused_code
from exchange_clients.runtime import decode_json


@frozen
class DigiFinexCredentials:
    """A DigiFinex API key and secret."""

    api_key: str = field(repr=key_hint, validator=printable_token, metadata=API_KEY)
    api_secret: str = field(repr=redacted, validator=printable_token, metadata=SECRET)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        """Read DIGIFINEX_API_KEY and DIGIFINEX_API_SECRET."""
        api_key, api_secret = read_environment("DigiFinex", ["DIGIFINEX_API_KEY", "DIGIFINEX_API_SECRET"], environ)
        variables = {"api_key": "DIGIFINEX_API_KEY", "api_secret": "DIGIFINEX_API_SECRET"}
        return from_variables(cls, variables, api_key=api_key, api_secret=api_secret)


def sign(parameters: str, api_secret: str) -> str:
    """The ACCESS-SIGN header for one parameter string."""
    return _signature(parameters, keyed_mac(api_secret.encode(), "sha256"))


def _signature(parameters: str, mac: KeyedMac) -> str:
    return mac.of(parameters.encode()).hexdigest()


def signed_parameters(request: httpx.Request) -> str:
    """The string DigiFinex signs: the query and the body as sent, joined by "&" when both are present."""
    return _joined_parameters(request.url.query, request.content)


def _joined_parameters(query: bytes, body: bytes) -> str:
    if query and body:
        return f"{query.decode('ascii')}&{body.decode()}"
    return query.decode("ascii") if query else body.decode()


_TIMESTAMP_REFUSED = 10008


class DigiFinexAuth(SigningAuth):
    """
    Signs DigiFinex private requests with the ACCESS-KEY, ACCESS-TIMESTAMP and ACCESS-SIGN headers.

    `nonce` returns ACCESS-TIMESTAMP in seconds; by default the wall clock as it is, backward steps included.
    """

    def __init__(self, credentials: DigiFinexCredentials, *, nonce: NonceSource | None = None) -> None:
        self._credentials = credentials
        self._mac = keyed_mac(credentials.api_secret.encode(), "sha256")
        self._headers = SignedHeaders({"ACCESS-KEY": credentials.api_key}, "ACCESS-TIMESTAMP", "ACCESS-SIGN")
        # DigiFinex judges ACCESS-TIMESTAMP against a 5 s window of its clock, not against the last one it saw.
        self._nonce = nonce or WallClock("s")

    # A timestamp signed before the request waited for a pooled connection can leave DigiFinex's 5 s window on a
    # busy machine; DigiFinex then answers HTTP 200 with code 10008, and a fresh timestamp fixes it.
    resend_on_status = 200

    def __repr__(self) -> str:
        return f"DigiFinexAuth({self._credentials!r})"

    def should_resend(self, response: httpx.Response, waited: float) -> bool:  # noqa: ARG002 - no wait needed
        """DigiFinex refused the timestamp as outside its window (code 10008)."""
        return refused_code(response, decode_json, lambda body: body.get("code")) == _TIMESTAMP_REFUSED

    def sign(self, request: httpx.Request, body: bytes) -> None:
        """Add the three headers, signing the parameters exactly as they go on the wire."""
        parameters = _joined_parameters(request.url.query, body)
        self._headers.set(request.headers, b"%d" % self._nonce(), _signature(parameters, self._mac).encode())
