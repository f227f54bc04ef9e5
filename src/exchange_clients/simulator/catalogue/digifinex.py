"""
DigiFinex's default orders: every status code DigiFinex documents, in both markets, and extremes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from exchange_clients.simulator._orders import SimulatedOrder
from exchange_clients.simulator.catalogue import HUGE_AMOUNT, TINY_PRICE


__all__ = ["orders"]


def _digifinex_order(
    order_id: str,
    *,
    status: int,
    price: Decimal | int,
    amount: Decimal | int,
    executed: Decimal | int,
    average: Decimal | int,
    finished: int = 0,
    order_type: str = "buy",
    kind: str = "spot",
    cash_amount: Decimal | int = 0,
    symbol: str = "BTC_USDT",
) -> dict[str, Any]:
    return {
        "symbol": symbol,
        "order_id": order_id,
        "created_date": 1562303547,
        "finished_date": finished,
        "price": price,
        "amount": amount,
        "cash_amount": cash_amount,
        "executed_amount": executed,
        "avg_price": average,
        "status": status,
        "type": order_type,
        "kind": kind,
    }


def orders() -> list[SimulatedOrder]:
    """The default orders, in the order tests list them."""
    rows: list[tuple[str, str, dict[str, Any]]] = [
        (
            "open",
            "OPEN",
            _digifinex_order(
                "198361cecdc65f9c8c9bb2fa68faec40",
                status=0,
                price=Decimal("9000.5"),
                amount=Decimal("0.25"),
                executed=0,
                average=0,
            ),
        ),
        (
            "partially_filled",
            "PARTIALLY_FILLED",
            _digifinex_order(
                "2a6f0c1b9e8d7c6b5a4f3e2d1c0b9a88",
                status=1,
                price=Decimal("310.25"),
                amount=2,
                executed=Decimal("0.75"),
                average=Decimal("310.25"),
                order_type="sell",
                symbol="ETH_USDT",
            ),
        ),
        (
            "filled",
            "FILLED",
            _digifinex_order(
                "3b7e1d2c0f9e8d7c6b5a4f3e2d1c0b99",
                status=2,
                price=11000,
                amount=Decimal("0.5"),
                executed=Decimal("0.5"),
                average=Decimal("10998.75"),
                finished=1562303612,
            ),
        ),
        (
            "cancelled_unfilled",
            "CANCELED",
            _digifinex_order(
                "4c8f2e3d1a0f9e8d7c6b5a4f3e2d1caa",
                status=3,
                price=Decimal("0.01"),
                amount=1,
                executed=0,
                average=0,
                finished=1562307147,
                symbol="TRX_USDT",
            ),
        ),
        (
            "cancelled_partially_filled",
            "CANCELED",
            _digifinex_order(
                "5d9a3f4e2b1a0f9e8d7c6b5a4f3e2dbb",
                status=4,
                price=12000,
                amount=1,
                executed=Decimal("0.4"),
                average=12000,
                finished=1562390000,
                order_type="sell",
                kind="margin",
            ),
        ),
        (
            "market_buy",
            "FILLED",
            _digifinex_order(
                "6e0b4a5f3c2b1a0f9e8d7c6b5a4f3ecc",
                status=2,
                price=0,
                amount=0,
                executed=Decimal("0.00909"),
                average=Decimal("11001.1"),
                finished=1562303548,
                order_type="buy_market",
                cash_amount=100,
            ),
        ),
        (
            "high_precision",
            "OPEN",
            _digifinex_order(
                "7f1c5b6a4d3c2b1a0f9e8d7c6b5a4fdd",
                status=0,
                price=Decimal(TINY_PRICE),
                amount=Decimal(HUGE_AMOUNT),
                executed=0,
                average=0,
            ),
        ),
    ]
    # DigiFinex finds an order only under the market it belongs to, its `kind`; spot is the client's default.
    return [
        SimulatedOrder("digifinex", name, body["order_id"], status, body, read_with=_market_option(body["kind"]))
        for name, status, body in rows
    ]


def _market_option(kind: str) -> dict[str, str]:
    return {} if kind == "spot" else {"market": kind}
