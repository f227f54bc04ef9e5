"""
Kraken's Spot REST `POST /0/private/GetWebSocketsToken` on Kraken Futures' port: the Unified WebSocket's token.

Verification follows Kraken's Spot REST authentication guide (https://docs.kraken.com/api/docs/guides/
spot-rest-auth), written here apart from the client's signer: API-Sign = base64(HMAC-SHA512(base64-decoded secret,
URI path + SHA256(nonce + POST data))), the nonce "always increasing" per key. The answer is the document's:
`{"error": [], "result": {"token", "expires": 900}}`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from urllib.parse import parse_qs

from exchange_clients.simulator._state import State
from exchange_clients.simulator._wire import Incoming, Reply, json_reply


__all__ = ["TOKEN_PATH", "TOKEN_SECONDS", "api_sign", "handle_token"]

TOKEN_PATH = "/0/private/GetWebSocketsToken"  # noqa: S105 - a path, not a secret
TOKEN_SECONDS = 900
"""The document's example lifetime ("expires": 900): "should be used within 15 minutes of creation"."""
_NONCES = "kraken_spot"
_DIGITS = re.compile(r"[0-9]+")


def api_sign(api_secret: str, path: str, nonce: str, post_data: bytes) -> str:
    """The API-Sign Kraken expects, from the guide's formula."""
    message = path.encode() + hashlib.sha256(nonce.encode() + post_data).digest()
    return base64.b64encode(hmac.new(base64.b64decode(api_secret), message, hashlib.sha512).digest()).decode()


def _refusal(error: str) -> Reply:
    # Decision: Kraken's Spot API answers its errors with HTTP 200 and the `error` array (its document models no
    # other status for this operation); the message strings are its documented ones (spot-errors guide).
    return json_reply(200, {"error": [error]}, rejection=error)


def handle_token(incoming: Incoming, state: State, keys: dict[str, str]) -> Reply:
    """
    Verify a token request and answer it; `keys` maps each Kraken API key to its secret.

    The token issued is remembered in `state.tokens` for the Unified WebSocket to check.
    """
    if incoming.method != "POST":
        return _refusal("EGeneral:Invalid arguments")
    api_key = incoming.header("API-Key")
    secret = keys.get(api_key or "")
    sent = incoming.header("API-Sign")
    if api_key is None or secret is None or sent is None:
        return _refusal("EAPI:Invalid key")
    nonce = (parse_qs(incoming.body.decode("ascii", "replace")).get("nonce") or [""])[0]
    if not _DIGITS.fullmatch(nonce):
        return _refusal("EAPI:Invalid nonce")
    if not hmac.compare_digest(api_sign(secret, incoming.path, nonce, incoming.body), sent):
        return _refusal("EAPI:Invalid signature")
    # "Too many requests with nonces less than last valid nonce (EAPI:Invalid nonce)": strictly increasing per key.
    if state.nonces.advance(_NONCES, api_key, int(nonce)) != "accepted":
        return _refusal("EAPI:Invalid nonce")
    token = secrets.token_urlsafe(32)
    state.tokens[token] = state.clock()
    return json_reply(200, {"error": [], "result": {"token": token, "expires": TOKEN_SECONDS}})
