"""
Kraken's Spot REST signature and signer, which the Unified WebSocket's token request (`GetWebSocketsToken`) needs.

"HMAC-SHA512 of (URI path + SHA256(nonce + POST data)) and base64 decoded secret API key", base64-encoded, where
the URI path is "the part starting with /0/private" (https://docs.kraken.com/api/docs/guides/spot-rest-auth).
The guide's worked example is this module's known-answer test.
"""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs

import httpx

from exchange_clients._signing import SigningAuth, keyed_mac
from exchange_clients.kraken_futures._auth import decoded_secret


__all__ = ["KrakenSpotAuth", "api_sign"]


def api_sign(uri_path: str, nonce: str, post_data: str, secret: str) -> str:
    """The API-Sign header of one Spot REST request: `post_data` exactly as sent, `nonce` the one inside it."""
    key = decoded_secret(secret, "the Kraken API secret")
    digest = hashlib.sha256((nonce + post_data).encode()).digest()
    signature = keyed_mac(key, "sha512").of(uri_path.encode() + digest).digest()
    return base64.b64encode(signature).decode("ascii")


class KrakenSpotAuth(SigningAuth):
    """
    Signs Kraken Spot REST requests with API-Key and API-Sign, over the form body exactly as sent.

    The nonce is the body's own (`nonce=`), put there by the caller for each attempt; the signed path is the
    request's, which starts with /0/private as Kraken's guide says.
    """

    def __init__(self, api_key: str, api_secret: str) -> None:
        decoded_secret(api_secret, "the Kraken API secret")  # refused now, not at the first request
        self._api_key = api_key
        self._api_secret = api_secret

    def __repr__(self) -> str:
        return "KrakenSpotAuth(<redacted>)"

    def sign(self, request: httpx.Request, body: bytes) -> None:
        """Add API-Key and API-Sign; ValueError when the body carries no nonce, which Kraken would refuse."""
        post_data = body.decode("ascii")
        nonces = parse_qs(post_data).get("nonce")
        if not nonces:
            msg = "a Kraken Spot REST request carries its nonce in the body"
            raise ValueError(msg)
        request.headers["API-Key"] = self._api_key
        request.headers["API-Sign"] = api_sign(request.url.path, nonces[0], post_data, self._api_secret)
