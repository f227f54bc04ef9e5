"""
Derive's order stream: log in, subscribe to the subaccount's orders, read its notifications.

`public/login` carries an EIP-191 signature of the millisecond timestamp; `subscribe` asks for
`{subaccount_id}.orders`, whose notifications carry the REST `Order` (streaming.md section 3; Derive's AsyncAPI
documents in specs/derive/upstream/).
"""

from __future__ import annotations

import itertools
import json
import time
from types import MappingProxyType
from typing import Any

from websockets.asyncio.client import ClientConnection

from exchange_clients._binding import RequestOptions
from exchange_clients._errors import AuthenticationError, PermissionDeniedError
from exchange_clients._frames import answer_to, frame_json
from exchange_clients._order import Exchange, Order
from exchange_clients._watch import StreamBinding
from exchange_clients.derive._auth import DeriveCredentials, sign
from exchange_clients.derive._operations import subaccount_of
from exchange_clients.derive._updates import parse_notification


__all__ = ["STREAM"]

STREAM_URLS = MappingProxyType(
    {
        "production": "wss://api.derive.xyz/v3/ws",
        "testnet": "wss://testnet.api.derive.xyz/v3/ws",
        "lyra": "wss://api.lyra.finance/ws",
        "lyra-demo": "wss://api-demo.lyra.finance/ws",
    }
)

_IDS = itertools.count(1)


async def _request(connection: ClientConnection, method: str, params: dict[str, Any]) -> dict[str, Any]:
    return await answer_to(connection, {"id": next(_IDS), "method": method, "params": params}, exchange="Derive")


async def handshake(connection: ClientConnection, credentials: DeriveCredentials, options: RequestOptions) -> None:
    """Log in with a fresh timestamp, and subscribe to the subaccount's orders."""
    channel = f"{subaccount_of(credentials, options, 'watch_orders')}.orders"
    timestamp = str(time.time_ns() // 1_000_000)
    key = bytes.fromhex(credentials.private_key.removeprefix("0x").removeprefix("0X"))
    login = {"wallet": credentials.wallet, "timestamp": int(timestamp), "signature": sign(timestamp, key)}
    answer = await _request(connection, "public/login", login)
    if "error" in answer:
        error = answer["error"] if isinstance(answer["error"], dict) else {}
        raise AuthenticationError(
            f"Derive refused the stream's login: {error.get('message')}",
            exchange=Exchange.DERIVE,
            operation="watch_orders",
            code=str(error.get("code")),
        )
    answer = await _request(connection, "subscribe", {"channels": [channel]})
    status = ((answer.get("result") or {}).get("status") or {}).get(channel)
    if status != "ok":
        raise PermissionDeniedError(
            f"Derive refused the subscription to {channel}: {status or answer.get('error')}",
            exchange=Exchange.DERIVE,
            operation="watch_orders",
        )


def read(frame: str | bytes) -> list[Order]:
    """The orders of one notification; nothing for any other frame."""
    message = frame_json(frame)
    if isinstance(message, dict) and message.get("method") == "subscription":
        return parse_notification(message)
    return []


# Decision: Derive documents no ping on its WebSocket; `public/get_time` (its OpenAPI document: no parameters,
# no login) is a JSON-RPC method the WebSocket serves like every other (the channel's own `public/login` and
# `subscribe` are such methods too), and answers at once.
def _ping() -> str:
    return json.dumps({"id": next(_IDS), "method": "public/get_time", "params": {}})


STREAM = StreamBinding(
    ping=_ping, urls=STREAM_URLS, handshake=handshake, read=read, options=frozenset({"subaccount_id"})
)
