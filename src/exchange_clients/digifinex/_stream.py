"""
DigiFinex's order stream: `server.auth`, then `order.subscribe` with the markets to follow, then `order.update` pushes.

From DigiFinex's WebSocket page (DigiFinex/api Websocket_API_en.md at 13993f9; specs/digifinex/asyncapi.yaml): the
signature is base64 of HMAC-SHA256, keyed with the secret, of the millisecond timestamp's text (REST signs the
parameters in hex, with seconds); frames come zlib-deflate compressed.
"""

from __future__ import annotations

import base64
import itertools
import json
import time
import zlib
from types import MappingProxyType
from typing import Any

from websockets.asyncio.client import ClientConnection

from exchange_clients._binding import RequestOptions
from exchange_clients._errors import AuthenticationError, InvalidRequestError
from exchange_clients._frames import answer_to
from exchange_clients._order import Exchange, Order
from exchange_clients._signing import keyed_mac
from exchange_clients._watch import StreamBinding
from exchange_clients.digifinex._auth import DigiFinexCredentials
from exchange_clients.digifinex._updates import parse_update
from exchange_clients.generated.digifinex.models import OrderKind
from exchange_clients.generated.streams.digifinex import TradeMode
from exchange_clients.runtime import decode_json


__all__ = ["STREAM", "auth_signature", "inflate"]

STREAM_URLS = MappingProxyType({"production": "wss://openapi.digifinex.com/ws/v1/"})

_IDS = itertools.count(1)


def auth_signature(api_secret: str, timestamp: str) -> str:
    """server.auth's signature: base64 of HMAC-SHA256, keyed with the secret, of the millisecond timestamp's text."""
    return base64.b64encode(keyed_mac(api_secret.encode(), "sha256").of(timestamp.encode()).digest()).decode()


def inflate(frame: str | bytes) -> bytes:
    """A frame's JSON text: binary frames are deflate-compressed ("please use zlib deflate"), text frames are not.

    Decision: raw deflate, as ccxws reads DigiFinex's frames, or a zlib stream with its header: both are accepted.
    """
    if isinstance(frame, str):
        return frame.encode()
    try:
        return zlib.decompress(frame, wbits=-zlib.MAX_WBITS)
    except zlib.error:
        return zlib.decompress(frame)


async def _request(connection: ClientConnection, method: str, params: list[str]) -> dict[str, Any]:
    request = {"id": next(_IDS), "method": method, "params": params}
    return await answer_to(connection, request, exchange="DigiFinex", decode=lambda frame: decode_json(inflate(frame)))


def _refusal(answer: dict[str, Any]) -> str | None:
    result, error = answer.get("result"), answer.get("error")
    if isinstance(result, dict) and result.get("status") == "success" and not error:
        return None
    return str(error.get("message") if isinstance(error, dict) else error or result)


async def handshake(connection: ClientConnection, credentials: DigiFinexCredentials, options: RequestOptions) -> None:
    """Authenticate with a fresh millisecond timestamp, and subscribe to the orders of `options.symbols`."""
    if not options.symbols:
        message = "DigiFinex's order stream needs the markets to follow: watch_orders(symbols=['BTC_USDT', ...])"
        raise InvalidRequestError(message, exchange=Exchange.DIGIFINEX, operation="watch_orders")
    timestamp = str(time.time_ns() // 1_000_000)
    signature = auth_signature(credentials.api_secret, timestamp)
    refusal = _refusal(await _request(connection, "server.auth", [credentials.api_key, timestamp, signature]))
    if refusal is not None:
        message = f"DigiFinex refused the stream's authentication: {refusal}"
        raise AuthenticationError(message, exchange=Exchange.DIGIFINEX, operation="watch_orders")
    refusal = _refusal(await _request(connection, "order.subscribe", list(options.symbols)))
    if refusal is not None:
        message = f"DigiFinex refused the subscription to {', '.join(options.symbols)}: {refusal}"
        raise InvalidRequestError(message, exchange=Exchange.DIGIFINEX, operation="watch_orders")


def read(frame: str | bytes) -> list[Order]:
    """The orders of one `order.update` push; nothing for any other frame."""
    message = decode_json(inflate(frame))
    if isinstance(message, dict) and message.get("method") == "order.update":
        return parse_update(message)
    return []


def _read_with(order: Order) -> dict[str, Any]:
    # The REST call answers for one market: a margin order is read with market="margin". An order known from the
    # stream says so in its push's `mode`; one known from REST (the open orders read at the start) in its `kind`.
    raw = order.raw
    margin = getattr(raw, "mode", None) == TradeMode.MARGIN or getattr(raw, "kind", None) == OrderKind.MARGIN
    return {"market": "margin"} if margin else {}


# DigiFinex's WebSocket page: `server.ping` answers "pong".
def _ping() -> str:
    return json.dumps({"id": next(_IDS), "method": "server.ping", "params": []})


STREAM = StreamBinding(
    open_orders_with=({"market": "spot"}, {"market": "margin"}),
    ping=_ping,
    urls=STREAM_URLS,
    handshake=handshake,
    read=read,
    options=frozenset({"symbols"}),
    read_with=_read_with,
)
