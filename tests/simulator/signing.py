"""
The tests' own request signers, written from exchange_facts.md and independent of the client's and the simulator's.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import time
from typing import Any

from exchange_clients.simulator._eth import Account, encode_defunct


# Gemini and Kraken nonces for the whole session: above any earlier run's, increasing, and even, so that
# `nonce - 1` is a value never sent (the "lower nonce" tests rely on it).
_NONCES = itertools.count(time.time_ns() // 1000 * 2, 2)


def next_nonce() -> int:
    """A nonce above every one handed out before."""
    return next(_NONCES)


def gemini_headers(api_key: str, api_secret: str, payload: dict[str, Any] | str) -> dict[str, str]:
    """Gemini's private-API headers for `payload` (a dict to serialize, or the exact JSON text)."""
    text = payload if isinstance(payload, str) else json.dumps(payload)
    encoded = base64.b64encode(text.encode()).decode()
    return {
        "Content-Type": "text/plain",
        "Cache-Control": "no-cache",
        "X-GEMINI-APIKEY": api_key,
        "X-GEMINI-PAYLOAD": encoded,
        "X-GEMINI-SIGNATURE": hmac.new(api_secret.encode(), encoded.encode(), hashlib.sha384).hexdigest(),
    }


def kraken_headers(
    api_key: str, api_secret: str, post_data: str, nonce: int | None, endpoint: str = "/api/v3/orders/status"
) -> dict[str, str]:
    """Kraken Futures' APIKey, Authent and (when given) Nonce headers for `post_data`."""
    nonce_text = "" if nonce is None else str(nonce)
    digest = hashlib.sha256((post_data + nonce_text + endpoint).encode()).digest()
    authent = base64.b64encode(hmac.new(base64.b64decode(api_secret), digest, hashlib.sha512).digest()).decode()
    headers = {"APIKey": api_key, "Authent": authent}
    if nonce is not None:
        headers["Nonce"] = nonce_text
    return headers


def digifinex_headers(api_key: str, api_secret: str, query: str, timestamp: int) -> dict[str, str]:
    """DigiFinex's ACCESS-* headers for a GET with this exact query string."""
    sign = hmac.new(api_secret.encode(), query.encode(), hashlib.sha256).hexdigest()
    return {"ACCESS-KEY": api_key, "ACCESS-TIMESTAMP": str(timestamp), "ACCESS-SIGN": sign}


def derive_headers(
    wallet: str, private_key: str, timestamp_ms: int, *, prefix: str = "X-Derive", with_0x: bool = True
) -> dict[str, str]:
    """Derive's wallet, timestamp and EIP-191 signature headers (`prefix` X-Derive for v3, X-Lyra for v2)."""
    signed = Account.sign_message(encode_defunct(text=str(timestamp_ms)), private_key)
    signature = bytes(signed.signature).hex()
    return {
        f"{prefix}Wallet": wallet,
        f"{prefix}Timestamp": str(timestamp_ms),
        f"{prefix}Signature": ("0x" if with_0x else "") + signature,
    }
