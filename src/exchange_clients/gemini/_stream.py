"""
Gemini's order stream: authenticated at the WebSocket upgrade, then `orders@account`'s `orderUpdate` events.

From Gemini's AsyncAPI document (specs/gemini/upstream/asyncapi/websocket.yaml) and its WebSocket authentication page.
"""

from __future__ import annotations

import itertools
import json
from types import MappingProxyType

from websockets.asyncio.client import ClientConnection

from exchange_clients._binding import RequestOptions
from exchange_clients._errors import InvalidRequestError
from exchange_clients._frames import answer_to, frame_json
from exchange_clients._nonce import shared_clock
from exchange_clients._order import Exchange, Order
from exchange_clients._watch import StreamBinding
from exchange_clients.gemini._auth import GeminiCredentials, sign_payload
from exchange_clients.gemini._updates import parse_update


__all__ = ["STREAM", "upgrade_headers"]

STREAM_URLS = MappingProxyType({"production": "wss://ws.gemini.com", "sandbox": "wss://ws.sandbox.gemini.com"})

_IDS = itertools.count(1)


def _connection_nonce(api_key: str) -> int:
    # Seconds, as a time-based key's nonce is; above the last connection's of the key ("the value must increase
    # across connections for the same key"), so two reconnects within one second still differ.
    return shared_clock("gemini-stream", api_key, "s", strictly_increasing=True)()


def upgrade_headers(credentials: GeminiCredentials) -> dict[str, str]:
    """The upgrade's authentication: key, nonce, base64 of the nonce's text, and its hex HMAC-SHA384."""
    if not credentials.time_based_nonce:
        message = (
            "Gemini's WebSocket accepts only account-scoped keys with time-based nonces: give "
            "GeminiCredentials(..., time_based_nonce=True) or set GEMINI_TIME_BASED_NONCE=1 for such a key"
        )
        raise InvalidRequestError(message, exchange=Exchange.GEMINI, operation="watch_orders")
    nonce = str(_connection_nonce(credentials.api_key))
    payload, signature = sign_payload(nonce.encode(), credentials.api_secret)
    return {
        "X-GEMINI-APIKEY": credentials.api_key,
        "X-GEMINI-NONCE": nonce,
        "X-GEMINI-PAYLOAD": payload,
        "X-GEMINI-SIGNATURE": signature,
    }


async def handshake(connection: ClientConnection, _credentials: GeminiCredentials, _options: RequestOptions) -> None:
    """Subscribe to the account's order events (the upgrade has authenticated already)."""
    request = {"id": next(_IDS), "method": "subscribe", "params": ["orders@account"]}
    answer = await answer_to(connection, request, exchange="Gemini")
    if answer.get("status") != 200:
        message = f"Gemini refused the subscription to orders@account: {answer.get('error')}"
        raise InvalidRequestError(message, exchange=Exchange.GEMINI, operation="watch_orders")


def read(frame: str | bytes) -> list[Order]:
    """The order of one `orderUpdate` event (or each of a batch); nothing for any other frame."""
    message = frame_json(frame)
    events = message if isinstance(message, list) else [message]
    return [parse_update(event) for event in events if isinstance(event, dict) and event.get("e") == "orderUpdate"]


# Gemini's AsyncAPI document's `ping` request (PingRequest), answered by the generic success response.
def _ping() -> str:
    return json.dumps({"id": next(_IDS), "method": "ping"})


STREAM = StreamBinding(ping=_ping, urls=STREAM_URLS, handshake=handshake, read=read, headers=upgrade_headers)
