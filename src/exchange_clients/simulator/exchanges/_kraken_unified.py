"""
Kraken's Unified WebSocket (`wss://uws.kraken.com/v2/private`) on Kraken Futures' port: the `executions` channel.

From Kraken's Unified WebSocket and unified-ws/executions pages (streaming.md section 1.2; the messages in
specs/kraken_futures/asyncapi.yaml): a subscription carries a token from GetWebSocketsToken, is acknowledged, then
sends a snapshot (open orders with snap_orders, "the last 50 order fills" with snap_trades) and every report after
it, each message numbered by `sequence`.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from starlette.websockets import WebSocket

from exchange_clients.simulator._json import dumps
from exchange_clients.simulator._orders import SimulatedOrder
from exchange_clients.simulator._state import State
from exchange_clients.simulator._streams import Published, frame_object, serve_queue
from exchange_clients.simulator.exchanges._kraken_token import TOKEN_SECONDS


__all__ = ["STREAM_PATH", "stream", "stream_message"]

EXCHANGE = "kraken_futures"
STREAM_PATH = "/v2/private"
_LIVE = frozenset({"ENTERED_BOOK", "TRIGGER_PLACED"})
_SNAPSHOT_TRADES = 50
"""snap_trades: "the last 50 order fills"."""
# kraken-async-rs's fixture of a refused subscription (asyncapi.yaml, ErrorResponse): Kraken's pages show none.
_INVALID_SESSION = "ESession:Invalid session"
_INVALID_ARGUMENTS = "EGeneral:Invalid arguments"


def _now() -> str:
    # RFC 3339 with microseconds, as Kraken's v2 examples write `timestamp`, `time_in` and `time_out`.
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _answer(request: Mapping[str, Any], **fields: Any) -> str:
    received = _now()
    answer = {"method": request.get("method"), **fields, "time_in": received, "time_out": _now()}
    if "req_id" in request:
        answer["req_id"] = request["req_id"]
    return json.dumps(answer)


def _refusal(request: Mapping[str, Any], error: str) -> str:
    return _answer(request, error=error, success=False)


def _token_refusal(params: Mapping[str, Any], state: State) -> str | None:
    """Why the subscription is refused, or None."""
    token = params.get("token")
    issued = state.tokens.get(token) if isinstance(token, str) else None
    # "should be used within 15 minutes of creation, but it does not expire once a successful Websockets connection
    # and private subscription has been made and is maintained" (GetWebSocketsToken). Decision: a token may open
    # more than one connection within those 15 minutes; Kraken says nothing against it.
    if issued is None or state.clock() - issued > TOKEN_SECONDS:
        return _INVALID_SESSION
    if params.get("channel") != "executions" or params.get("asset_class") != "derivatives":
        # "asset_class is required" (unified-ws/executions); until Q1 2027 the Unified WebSocket serves derivatives.
        return _INVALID_ARGUMENTS
    return None


def _pong(text: str) -> str | None:
    request = frame_object(text)
    if request.get("method") == "ping":
        return _answer({**request, "method": "pong"})
    return None


async def stream(websocket: WebSocket, state: State) -> None:
    """
    The Unified WebSocket: the status frame on connect, `subscribe` to `executions` with a token, then its messages.

    Decision: the status frame is Spot v2's (`{"channel": "status", ...}` on connect, asyncapi.yaml), which a reader
    must skip; `ping` is answered before and after subscribing.
    """
    if websocket.scope["path"] != STREAM_PATH:
        await websocket.close(code=1008)
        return
    await websocket.accept()
    status = {"api_version": "v2", "connection_id": 12893948271635474000, "system": "online", "version": "2.0.10"}
    await websocket.send_text(json.dumps({"channel": "status", "type": "update", "data": [status]}))
    while True:
        request = frame_object(await websocket.receive_text())
        if request.get("method") == "ping":
            await websocket.send_text(_answer({**request, "method": "pong"}))
            continue
        params = request.get("params")
        params = params if isinstance(params, dict) else {}
        refusal = _INVALID_ARGUMENTS if request.get("method") != "subscribe" else _token_refusal(params, state)
        if refusal is None:
            break
        await websocket.send_text(_refusal(request, refusal))
    state.tokens_used.append(str(params["token"]))
    with state.streams.connection(EXCHANGE) as subscribed:
        # Numbered from this subscription: its snapshot is 1, and each message published from now on follows.
        base = subscribed.published_before
        snaps = {"snap_orders": params.get("snap_orders", True), "snap_trades": params.get("snap_trades", False)}
        result = {"channel": "executions", "maxratecount": 180, **snaps}
        await websocket.send_text(_answer(request, result=result, success=True))
        await websocket.send_text(_numbered(_snapshot(state, params), 1))

        def render(message: Published) -> str:
            return _numbered(message.text, 1 + message.number - base)

        await serve_queue(websocket, subscribed.queue, answer=_pong, render=render)


def _numbered(text: str, sequence: int) -> str:
    # The message is a JSON object written by `dumps`: its numbers stay as written (a re-parse would make floats).
    return f'{text.removesuffix("}")},"sequence":{sequence}}}'


def _snapshot(state: State, params: Mapping[str, Any]) -> str:
    orders = state.orders.of(EXCHANGE)
    data: list[dict[str, Any]] = []
    if params.get("snap_orders", True):
        data += [_report(order, "new") for order in orders if order.body["status"] in _LIVE]
    if params.get("snap_trades", False):
        # Decision: the simulator keeps no trade history, so an order's fills so far are one trade; Kraken's
        # snapshot trades leave out cum_qty (a kraken-async-rs fixture), and so do these.
        filled = [order for order in orders if _filled(order) > 0]
        filled.sort(key=lambda order: str(order.body["order"].get("lastUpdateTimestamp")))
        data += [_trade(order, _filled(order), cumulative=False) for order in filled[-_SNAPSHOT_TRADES:]]
    return dumps({"channel": "executions", "type": "snapshot", "data": data}).decode()


def _filled(order: SimulatedOrder) -> Decimal:
    return Decimal(str(order.body["order"]["filled"]))


def _report(order: SimulatedOrder, exec_type: str) -> dict[str, Any]:
    """The whole report of a live order, as the snapshot and a `new` event carry it."""
    detail = order.body["order"]
    filled = _filled(order)
    report = {
        "order_id": order.order_id,
        "symbol": detail["symbol"],
        "side": detail["side"],
        "order_type": "limit" if detail.get("limitPrice") is not None else "market",
        # Kraken's REST `quantity` is what is still open (kraken_futures/_normalize.py): the order's size is it plus
        # what has filled.
        "order_qty": Decimal(str(detail["quantity"])) + filled,
        "limit_price": detail.get("limitPrice"),
        "exec_type": exec_type,
        "order_status": "partially_filled" if filled else "new",
        "cum_qty": filled,
        "timestamp": _now(),
    }
    if detail.get("cliOrdId"):
        report["cl_ord_id"] = detail["cliOrdId"]
    if order.body["status"] == "TRIGGER_PLACED":
        trigger = detail.get("priceTriggerOptions") or {}
        report["order_type"] = "stop-loss-limit" if detail.get("limitPrice") is not None else "stop-loss"
        report["triggers"] = {"price": trigger.get("triggerPrice"), "status": "untriggered"}
    return {key: value for key, value in report.items() if value is not None}


def _trade(order: SimulatedOrder, quantity: Decimal, *, cumulative: bool) -> dict[str, Any]:
    detail = order.body["order"]
    price = detail.get("limitPrice")
    trade: dict[str, Any] = {
        "order_id": order.order_id,
        "exec_id": str(uuid.uuid4()),
        "exec_type": "trade",
        "trade_id": time.time_ns() // 1000,
        "symbol": detail["symbol"],
        "side": detail["side"],
        "last_qty": quantity,
        "liquidity_ind": "m",
        "timestamp": _now(),
    }
    if price is not None:
        trade["last_price"] = price
    if cumulative:
        trade |= {"order_status": "partially_filled", "cum_qty": _filled(order), "avg_price": price}
    return {key: value for key, value in trade.items() if value is not None}


def stream_message(order: SimulatedOrder, before: SimulatedOrder | None = None) -> str:
    """
    The `executions` update announcing `order`'s new state (numbered when sent), from its REST body and the one before.

    A new fill is a `trade` report saying `partially_filled`, even when it completes the order, and completion is a
    separate `filled` report: Kraken's own warning (unified-ws/executions) of what its stream does. Cancels are sparse,
    as in the captures (no symbol, no side). Decision: Kraken's executions have no rejected state, so an order the
    REST answer calls REJECTED or TRIGGER_ACTIVATION_FAILURE is announced cancelled, with its reason.
    """
    status = order.body["status"]
    filled = _filled(order)
    new_fill = filled - (_filled(before) if before is not None else Decimal(0))
    data: list[dict[str, Any]] = []
    if new_fill > 0:
        data.append(_trade(order, new_fill, cumulative=True))
    if status in _LIVE and not data:
        unchanged = before is not None and before.body == order.body and not filled
        data.append(_report(order, "new" if unchanged or before is None else "status"))
    elif status == "FULLY_EXECUTED":
        ended = {"exec_type": "filled", "order_status": "filled", "cum_qty": filled}
        data.append({"order_id": order.order_id, **ended, "timestamp": _now()})
    elif status not in _LIVE:
        reason = {"CANCELLED": "User requested"}.get(status, "Post only order")
        if status == "TRIGGER_ACTIVATION_FAILURE":
            reason = "Trigger activation failed"
        ended = {"exec_type": "canceled", "order_status": "canceled", "cum_qty": filled, "reason": reason}
        data.append({"order_id": order.order_id, **ended, "timestamp": _now()})
    return dumps({"channel": "executions", "type": "update", "data": data}).decode()
