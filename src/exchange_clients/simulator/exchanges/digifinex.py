"""
DigiFinex spot/margin REST v3: `GET /v3/{market}/order`, signed with HMAC-SHA256 over the parameter string.

Verification follows https://docs.digifinex.com/en-ww/spot/v3/rest.html (exchange_facts.md section 3.2):
ACCESS-SIGN is the hex HMAC-SHA256 of the parameters exactly as transmitted, keyed with the secret, compared
without regard to case; ACCESS-TIMESTAMP (seconds, not signed) must be at most 5 s behind and 1 s ahead of the
server. Every answer is HTTP 200 with a `code` (section 3.5; the spec's Decision).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import zlib
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

import attrs
from starlette.websockets import WebSocket

from exchange_clients.digifinex import DigiFinexCredentials
from exchange_clients.simulator._exchange import SimulatedExchange
from exchange_clients.simulator._orders import SimulatedOrder
from exchange_clients.simulator._state import State
from exchange_clients.simulator._streams import frame_object, serve_queue, stream_logins
from exchange_clients.simulator._wire import Incoming, Reply, json_reply


__all__ = ["MAX_IDS", "SIMULATED", "DigiFinexAccount", "handle", "sign"]

EXCHANGE = "digifinex"
MAX_IDS = 20
_PATH = re.compile(r"/v3/([^/]+)/order(/current)?")
_MARKETS = {"spot", "margin"}
_BEHIND = 5  # seconds a timestamp may lag the server
_AHEAD = 1  # seconds it may lead
_DIGITS = re.compile(r"[0-9]+")


@attrs.frozen
class DigiFinexAccount:
    """A DigiFinex API key and its secret."""

    api_key: str
    api_secret: str = attrs.field(repr=False)


def sign(api_secret: str, message: bytes) -> str:
    """ACCESS-SIGN: lowercase hex HMAC-SHA256 of the parameter string, keyed with the secret's UTF-8 bytes."""
    return hmac.new(api_secret.encode(), message, hashlib.sha256).hexdigest()


def signed_text(query: bytes, body: bytes) -> bytes:
    """The text DigiFinex signs: the query string, then `&` and the body when both carry parameters."""
    if query and body:
        return query + b"&" + body
    return query or body


def _error(code: int) -> Reply:
    return json_reply(200, {"code": code}, rejection=str(code))


def handle(incoming: Incoming, state: State) -> Reply:
    """Verify a DigiFinex order-status or current-orders request and answer it as DigiFinex would."""
    match = _PATH.fullmatch(incoming.path)
    if match is None:
        return _error(10009)
    if incoming.method != "GET":
        return _error(10001)
    refusal = _authentication_refusal(incoming, state)
    if refusal is not None:
        return refusal
    market = match.group(1)
    if match.group(2):
        return _current_orders(market, incoming, state)
    return _order_status(market, incoming, state)


def _authentication_refusal(incoming: Incoming, state: State) -> Reply | None:
    api_key = incoming.header("ACCESS-KEY")
    if api_key is None:
        return _error(10009)
    account = _account(state, api_key)
    if account is None:
        return _error(10002)
    sent = incoming.header("ACCESS-SIGN")
    # Decision: the signature is checked against the query string exactly as received, so `order_id=a,b` and
    # `order_id=a%2Cb` both verify when signed as sent (DigiFinex does not say which form it expects).
    expected = sign(account.api_secret, signed_text(incoming.query, incoming.body))
    if sent is None or not hmac.compare_digest(expected, sent.lower()):
        return _error(10003)
    timestamp = incoming.header("ACCESS-TIMESTAMP")
    if timestamp is None or not _DIGITS.fullmatch(timestamp):
        return _error(10008)
    # Decision: ACCESS-RECV-WINDOW is not honoured; its unit is undocumented, so the window is always -5 s/+1 s.
    if not _within_window(int(timestamp), 1, state):
        return _error(10008)
    # Decision: timestamps need not increase (DigiFinex documents only the window); each one is still recorded.
    state.nonces.record(EXCHANGE, api_key, int(timestamp))
    return None


def _account(state: State, api_key: str) -> DigiFinexAccount | None:
    return next((key for key in state.accounts.of_type(DigiFinexAccount) if key.api_key == api_key), None)


def _within_window(timestamp: int, per_second: int, state: State) -> bool:
    """A timestamp (`per_second` units a second) from _BEHIND seconds before the clock to _AHEAD after it."""
    offset = timestamp - state.clock() * per_second
    return -_BEHIND * per_second <= offset <= _AHEAD * per_second


def _order_status(market: str, incoming: Incoming, state: State) -> Reply:
    ids = _order_ids(incoming)
    if market not in _MARKETS or ids is None:
        return _error(10004)
    found = [state.orders.by_id(EXCHANGE, order_id) for order_id in ids]
    # An order is found only under the market it belongs to (its `kind`).
    unique = {order.order_id: order for order in found if order is not None and order.body["kind"] == market}
    if not unique:
        # Decision: when none of the ids exists the answer is 20013 "No order info found"; when some exist, the
        # others are left out of `data` (DigiFinex documents neither case for this endpoint).
        return _error(20013)
    return json_reply(200, {"code": 0, "data": [order.body for order in unique.values()]})


_OPEN_STATUSES = frozenset({0, 1})  # none executed, partially executed: the order is still active


def _current_orders(market: str, incoming: Incoming, state: State) -> Reply:
    # The market's active orders, of one pair when `symbol` names it (case aside: the docs write `btc_usdt`, the
    # answers `BTC_USDT`). Decision: no active order is `data: []` with code 0, not 20013 (the docs show neither).
    if market not in _MARKETS:
        return _error(10004)
    symbol = parse_qs(incoming.query.decode("utf-8", "replace")).get("symbol", [None])[0]
    orders = [
        order.body
        for order in state.orders.of(EXCHANGE)
        if order.body["kind"] == market
        and int(order.body["status"]) in _OPEN_STATUSES
        and (symbol is None or str(order.body["symbol"]).lower() == symbol.lower())
    ]
    return json_reply(200, {"code": 0, "data": orders})


def _order_ids(incoming: Incoming) -> list[str] | None:
    # Parameters "can be passed in query string or request body, priority in query string if passed in both".
    for source in (incoming.query, incoming.body):
        values = parse_qs(source.decode("utf-8", "replace"), keep_blank_values=True).get("order_id")
        if values:
            ids = values[0].split(",")
            return ids if all(ids) and len(ids) <= MAX_IDS else None
    return None


STREAM_PATH = "/ws/v1/"
STREAM_LOGINS = stream_logins(EXCHANGE)
"""Where the `server.auth` timestamps of stream connections are recorded, apart from REST's (stream_logins)."""


def deflate(text: str) -> bytes:
    """A frame as DigiFinex sends it: the JSON text, raw-deflate compressed (see the client's `inflate` Decision)."""
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(text.encode()) + compressor.flush()


def stream_signature(api_secret: str, timestamp: str) -> str:
    """server.auth's signature, from DigiFinex's WebSocket page: base64 of HMAC-SHA256 of the timestamp's text."""
    return base64.b64encode(hmac.new(api_secret.encode(), timestamp.encode(), hashlib.sha256).digest()).decode()


async def stream(websocket: WebSocket, state: State) -> None:
    """
    DigiFinex's WebSocket: `server.auth`, `order.subscribe` with market symbols, then `order.update` pushes.

    Every frame the simulator sends is raw-deflate compressed. Decision: the timestamp must be within the REST
    window (5 s behind, 1 s ahead, in milliseconds here): the WebSocket page states none. A refused authentication
    answers with REST's code for a wrong signature, 10003, as `error`; a subscription before authentication with
    10002 (REST's "the key is not valid"): the page shows no error answer at all.
    """
    if websocket.scope["path"] != STREAM_PATH:
        await websocket.close(code=1008, reason="not a stream path")
        return
    await websocket.accept()

    async def answer(request_id: object, result: object, error: object = None) -> None:
        await websocket.send_bytes(deflate(json.dumps({"id": request_id, "result": result, "error": error})))

    authenticated = False
    symbols: set[str] = set()
    while not symbols:
        request = frame_object(await websocket.receive_text())
        method, request_id, params = request.get("method"), request.get("id"), request.get("params")
        params = params if isinstance(params, list) else []
        if method == "server.auth":
            authenticated = _authenticated(params, state)
            if authenticated:
                await answer(request_id, {"status": "success"})
            else:
                await answer(request_id, None, {"code": 10003, "message": "invalid signature"})
        elif method == "order.subscribe" and authenticated:
            symbols = {symbol for symbol in params if isinstance(symbol, str)}
            await answer(request_id, {"status": "success"})
        elif method == "order.subscribe":
            await answer(request_id, None, {"code": 10002, "message": "not authenticated"})
        elif method == "server.ping":
            await answer(request_id, "pong")
        else:
            await answer(request_id, None, {"code": 10009, "message": "unknown method"})

    with state.streams.connection(EXCHANGE) as subscribed:
        await serve_queue(
            websocket,
            subscribed.queue,
            send=lambda text: websocket.send_bytes(deflate(text)),
            accepts=lambda message: _for_markets(message, symbols),
            answer=_pong,
        )


def _for_markets(message: str, symbols: set[str]) -> bool:
    """Whether a pushed message concerns one of the markets a connection subscribed to."""
    try:
        pushed = json.loads(message)
    except ValueError:
        return True  # not an order update (a test's own frame, garbage included): every connection gets it
    items = (pushed.get("params") if isinstance(pushed, dict) else None) or []
    return any(isinstance(item, dict) and item.get("symbol") in symbols for item in items)


def _pong(text: str) -> str | None:
    # "server.ping" answers "pong" (DigiFinex's WebSocket page).
    request = frame_object(text)
    if request.get("method") == "server.ping":
        return json.dumps({"id": request.get("id"), "result": "pong", "error": None})
    return None


def _authenticated(params: list[Any], state: State) -> bool:
    if len(params) != 3 or not all(isinstance(param, str) for param in params):
        return False
    api_key, timestamp, signature = params
    account = _account(state, api_key)
    if account is None or not _DIGITS.fullmatch(timestamp):
        return False
    if not hmac.compare_digest(stream_signature(account.api_secret, timestamp), signature):
        return False
    if not _within_window(int(timestamp), 1000, state):  # server.auth's timestamp is in milliseconds
        return False
    state.nonces.record(STREAM_LOGINS, api_key, int(timestamp))
    return True


def stream_message(order: SimulatedOrder, _before: SimulatedOrder | None = None) -> str:
    """The `order.update` push announcing `order`'s state, built from its REST body (numbers as decimal strings)."""
    body = order.body
    market_buy = body["type"] == "buy_market"
    item = {
        "amount": "0" if market_buy else str(body["amount"]),
        "filled": str(body["executed_amount"]),
        "id": body["order_id"],
        "mode": 2 if body["kind"] == "margin" else 1,
        "notional": str(body["cash_amount"]),
        "price": str(body["price"]),
        "price_avg": str(body["avg_price"]),
        "side": "sell" if str(body["type"]).startswith("sell") else "buy",
        "status": body["status"],
        "symbol": body["symbol"],
        "timestamp": 1589272547000,
        "type": "market" if str(body["type"]).endswith("_market") else "limit",
    }
    return json.dumps({"method": "order.update", "params": [item], "id": None})


SIMULATED = SimulatedExchange(
    handle=handle,
    accounts={
        "digifinex": DigiFinexAccount(
            api_key="0123456789abcd",
            api_secret="01234567890123456789abcd",  # noqa: S106 - the docs' example secret, fake
        ),
    },
    credentials=lambda account: DigiFinexCredentials(api_key=account.api_key, api_secret=account.api_secret),
    # Decision (unconfirmed upstream): DigiFinex reports throttling in a 200, like its other errors.
    rate_limited=(200, {"code": 10005}),
    stream=stream,
    stream_path=STREAM_PATH,
    stream_message=stream_message,
    lifecycle=(
        ("open", {}),  # placed: announced as it stands, open and unfilled
        ("open", {"executed_amount": Decimal("0.1"), "avg_price": Decimal("9000.5"), "status": 1}),
        ("open", {"executed_amount": Decimal("0.25"), "avg_price": Decimal("9000.5"), "status": 2}),
        ("partially_filled", {"status": 4}),
    ),
)
