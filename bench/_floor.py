"""
The floor: a minimal hand-written client per exchange doing the same signed order-status request, then `json.loads`.

No model, no normalization, no error mapping: the HMAC (or Derive's EIP-191 signature: keccak and secp256k1, the
key loaded once) written out directly, the request sent with httpx, the body decoded with `json.loads`. Anything a
real client must do beyond this is what the end-to-end and concurrency benchmarks weigh. Gemini and Kraken require
each key's nonces to increase, across every client of the key: the floor draws them from the same per-key clock as
our signers, so the two clients can take turns against one simulator.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
import uuid
from functools import cached_property
from typing import Any

import attrs
import httpx

from bench._orders import ACCOUNTS
from exchange_clients._nonce import shared_clock


STRICT_NONCE = frozenset({"gemini", "kraken_futures"})
"""Exchanges whose simulator refuses a nonce not above the last one seen for the key."""


@attrs.frozen
class Prepared:
    """A signed request, ready for httpx: method, URL relative to the exchange's base URL, headers, body."""

    method: str
    url: str
    headers: dict[str, str]
    content: bytes = b""


class Floor:
    """The hand-written signer of one exchange, for the simulator's account."""

    def __init__(self, exchange: str) -> None:
        self.exchange = exchange
        self._gemini_nonce = shared_clock("gemini", ACCOUNTS.gemini.api_key, "ms", strictly_increasing=True)
        self._kraken_nonce = shared_clock(
            "kraken_futures", ACCOUNTS.kraken_futures.api_key, "ms", strictly_increasing=True
        )
        self._kraken_secret = base64.b64decode(ACCOUNTS.kraken_futures.api_secret)
        self._ordering = asyncio.Lock()  # bound to the first event loop that uses it: one Floor per loop

    @cached_property
    def _derive_key(self) -> Any:
        from coincurve import PrivateKey  # noqa: PLC0415 - only the Derive floor needs it

        return PrivateKey(bytes.fromhex(ACCOUNTS.derive.private_key.removeprefix("0x")))

    def prepare(self, order_id: str) -> Prepared:
        """The signed order-status request for `order_id`."""
        prepared: Prepared = getattr(self, f"_{self.exchange}")(order_id)
        return prepared

    def _gemini(self, order_id: str) -> Prepared:
        payload = json.dumps(
            {
                "request": "/v1/order/status",
                "nonce": self._gemini_nonce(),
                "order_id": int(order_id),
                "include_trades": True,
            }
        )
        encoded = base64.b64encode(payload.encode())
        signature = hmac.new(ACCOUNTS.gemini.api_secret.encode(), encoded, hashlib.sha384).hexdigest()
        headers = {
            "Content-Type": "text/plain",
            "X-GEMINI-APIKEY": ACCOUNTS.gemini.api_key,
            "X-GEMINI-PAYLOAD": encoded.decode(),
            "X-GEMINI-SIGNATURE": signature,
            "Cache-Control": "no-cache",
        }
        return Prepared("POST", "/v1/order/status", headers)

    def _kraken_futures(self, order_id: str) -> Prepared:
        query = f"orderIds={uuid.UUID(order_id)}"
        nonce = str(self._kraken_nonce())
        digest = hashlib.sha256((query + nonce + "/api/v3/orders/status").encode()).digest()
        authent = base64.b64encode(hmac.new(self._kraken_secret, digest, hashlib.sha512).digest()).decode()
        headers = {"APIKey": ACCOUNTS.kraken_futures.api_key, "Nonce": nonce, "Authent": authent}
        return Prepared("POST", f"/orders/status?{query}", headers)

    def _digifinex(self, order_id: str) -> Prepared:
        query = f"order_id={order_id}"
        signature = hmac.new(ACCOUNTS.digifinex.api_secret.encode(), query.encode(), hashlib.sha256).hexdigest()
        headers = {
            "ACCESS-KEY": ACCOUNTS.digifinex.api_key,
            "ACCESS-TIMESTAMP": str(int(time.time())),
            "ACCESS-SIGN": signature,
        }
        return Prepared("GET", f"/v3/spot/order?{query}", headers)

    def _derive(self, order_id: str) -> Prepared:
        from eth_hash.auto import keccak  # noqa: PLC0415 - only the Derive floor needs it

        # EIP-191 personal_sign with the key kept, written out: eth-account's sign_message does the same through
        # several object layers, about 7x slower here, which would make the floor easy to beat.
        timestamp = str(time.time_ns() // 1_000_000)
        message = timestamp.encode()
        digest = keccak(b"\x19Ethereum Signed Message:\n" + str(len(message)).encode() + message)
        recoverable = self._derive_key.sign_recoverable(digest, hasher=None)
        headers = {
            "Content-Type": "application/json",
            "X-DeriveWallet": ACCOUNTS.derive.wallet,
            "X-DeriveTimestamp": timestamp,
            "X-DeriveSignature": "0x" + recoverable[:64].hex() + bytes([recoverable[64] + 27]).hex(),
        }
        body = json.dumps({"order_id": order_id, "subaccount_id": ACCOUNTS.derive.subaccount_id}).encode()
        return Prepared("POST", "/private/get_order", headers, body)

    def get_order(self, client: httpx.Client, order_id: str) -> Any:
        """Send the signed request and decode the answer; an HTTP error status raises."""
        prepared = self.prepare(order_id)
        response = client.request(prepared.method, prepared.url, headers=prepared.headers, content=prepared.content)
        response.raise_for_status()
        return _checked(json.loads(response.content))

    async def get_order_async(self, client: httpx.AsyncClient, order_id: str) -> Any:
        """The same without blocking.

        Where the server wants each key's nonces strictly increasing (Gemini; Kraken as the simulator plays it),
        concurrent requests overtake each other on the way and arrive out of order, so the least a correct client
        can do is hold one lock from signing until the answer arrives.
        """
        if self.exchange in STRICT_NONCE:
            async with self._ordering:
                return await self._send_async(client, order_id)
        return await self._send_async(client, order_id)

    async def _send_async(self, client: httpx.AsyncClient, order_id: str) -> Any:
        prepared = self.prepare(order_id)
        response = await client.request(
            prepared.method, prepared.url, headers=prepared.headers, content=prepared.content
        )
        response.raise_for_status()
        return _checked(json.loads(response.content))


class FloorError(Exception):
    """An answer with HTTP 200 that is an error (Kraken's `result: error`, DigiFinex's non-zero `code`)."""


def _checked(body: Any) -> Any:
    if isinstance(body, dict) and (body.get("result") == "error" or body.get("code") not in (None, 0)):
        raise FloorError(str(body)[:200])
    return body
