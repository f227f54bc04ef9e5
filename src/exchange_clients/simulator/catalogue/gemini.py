"""
Gemini's default orders: every status Gemini's flags can express, its own examples, and extremes.
"""

from __future__ import annotations

from typing import Any

from exchange_clients.simulator._orders import SimulatedOrder
from exchange_clients.simulator.catalogue import HUGE_AMOUNT, TINY_PRICE


__all__ = ["orders"]


def _gemini_order(
    order_id: str,
    *,
    live: bool,
    cancelled: bool,
    executed: str,
    remaining: str,
    original: str,
    price: str = "125.51",
    average: str = "0.00",
    side: str = "buy",
    symbol: str = "ethusd",
    client_order_id: str | None = None,
    options: tuple[str, ...] = (),
) -> dict[str, Any]:
    body: dict[str, Any] = {"order_id": order_id, "id": order_id}
    if client_order_id is not None:
        body["client_order_id"] = client_order_id
    body |= {
        "symbol": symbol,
        "exchange": "gemini",
        "avg_execution_price": average,
        "side": side,
        "type": "exchange limit",
        "timestamp": "1547241628",
        "timestampms": 1547241628042,
        "is_live": live,
        "is_cancelled": cancelled,
        "is_hidden": False,
        "was_forced": False,
        "executed_amount": executed,
        "remaining_amount": remaining,
        "options": list(options),
        "price": price,
        "original_amount": original,
    }
    if cancelled:
        body["reason"] = "Requested"
    return body


def _gemini_trade(order_id: str, tid: int, amount: str, fee: str) -> dict[str, Any]:
    return {
        "price": "400.00",
        "amount": amount,
        "timestamp": 1494870642,
        "timestampms": 1494870642156,
        "type": "Buy",
        "aggressor": True,
        "fee_currency": "USD",
        "fee_amount": fee,
        "tid": tid,
        "order_id": order_id,
        "exchange": "gemini",
    }


def _gemini_filled(order_id: str, client_order_id: str | None = None) -> dict[str, Any]:
    return _gemini_order(
        order_id,
        live=False,
        cancelled=False,
        executed="3",
        remaining="0",
        original="3",
        price="400.00",
        average="400.00",
        symbol="btcusd",
        client_order_id=client_order_id,
    )


_GEMINI_MARKET_BUY: dict[str, Any] = {
    "avg_execution_price": "22728.94",
    "exchange": "gemini",
    "executed_amount": "0.0219983861",
    "id": "17379712927",
    "is_cancelled": False,
    "is_hidden": False,
    "is_live": False,
    "options": [],
    "order_id": "17379712927",
    "remaining_amount": "0",
    "side": "buy",
    "symbol": "btcusd",
    "timestamp": "1608229172",
    "timestampms": 1608229172627,
    "trades": [
        {
            "aggressor": True,
            "amount": "0.0219983861",
            "exchange": "gemini",
            "fee_amount": "0.00",
            "fee_currency": "USD",
            "order_id": "17379712927",
            "price": "22728.94",
            "tid": 17379712930,
            "timestamp": 1608229172,
            "timestampms": 1608229172627,
            "type": "Buy",
        }
    ],
    "type": "market buy",
    "was_forced": False,
}


def orders() -> list[SimulatedOrder]:
    """The default orders, in the order tests list them."""
    with_trades = _gemini_filled("44375902", client_order_id="20190110-4738721")
    with_trades["trades"] = [
        _gemini_trade("44375902", 17379712930, "1", "1.23"),
        _gemini_trade("44375902", 17379712931, "2", "2.46"),
    ]
    rows: list[tuple[str, str, dict[str, Any]]] = [
        (
            "live_unfilled",
            "OPEN",
            _gemini_order("107421210", live=True, cancelled=False, executed="0", remaining="1", original="1"),
        ),
        (
            "live_partially_filled",
            "PARTIALLY_FILLED",
            _gemini_order(
                "107421205",
                live=True,
                cancelled=False,
                executed="0.029147",
                remaining="0.970853",
                original="1",
                price="125.42",
                average="125.41",
            ),
        ),
        (
            "cancelled_unfilled",
            "CANCELED",
            _gemini_order(
                "107421230",
                live=False,
                cancelled=True,
                executed="0",
                remaining="1",
                original="1",
                client_order_id="20190110-4738722",
                options=("maker-or-cancel",),
            ),
        ),
        (
            "cancelled_partially_filled",
            "CANCELED",
            _gemini_order(
                "107421240",
                live=False,
                cancelled=True,
                executed="0.5",
                remaining="0.5",
                original="1",
                price="125.40",
                average="125.40",
            ),
        ),
        ("filled", "FILLED", _gemini_filled("44375901")),
        ("filled_with_trades", "FILLED", with_trades),
        (
            "high_precision",
            "OPEN",
            _gemini_order(
                "107421250",
                live=True,
                cancelled=False,
                executed="0",
                remaining=HUGE_AMOUNT,
                original=HUGE_AMOUNT,
                price=TINY_PRICE,
            ),
        ),
        # Gemini's own Get Order Status example of a market buy (specs/gemini/upstream/rest.yaml,
        # `includeTradesResponse`), verbatim: no price, no original_amount, type "market buy".
        ("market_buy", "FILLED", _GEMINI_MARKET_BUY),
        (
            # The largest signed 64-bit id: the payload's `order_id` must reach the server as this exact integer.
            "wide_id",
            "OPEN",
            _gemini_order("9223372036854775807", live=True, cancelled=False, executed="0", remaining="1", original="1"),
        ),
    ]
    return [
        SimulatedOrder("gemini", name, body["order_id"], status, body, body.get("client_order_id"))
        for name, status, body in rows
    ]
