"""
Kraken's Spot REST signature, which the Unified WebSocket's token request (`GetWebSocketsToken`) needs.

"HMAC-SHA512 of (URI path + SHA256(nonce + POST data)) and base64 decoded secret API key", base64-encoded, where
the URI path is "the part starting with /0/private" (https://docs.kraken.com/api/docs/guides/spot-rest-auth).
The guide's worked example is this module's known-answer test.
"""

from __future__ import annotations

import base64
import hashlib

from exchange_clients._signing import keyed_mac
from exchange_clients.kraken_futures._auth import decoded_secret


__all__ = ["api_sign"]


def api_sign(uri_path: str, nonce: str, post_data: str, secret: str) -> str:
    """The API-Sign header of one Spot REST request: `post_data` exactly as sent, `nonce` the one inside it."""
    key = decoded_secret(secret, "the Kraken API secret")
    digest = hashlib.sha256((nonce + post_data).encode()).digest()
    signature = keyed_mac(key, "sha512").of(uri_path.encode() + digest).digest()
    return base64.b64encode(signature).decode("ascii")
