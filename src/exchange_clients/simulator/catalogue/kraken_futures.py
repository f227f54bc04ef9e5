"""
Kraken Futures' default orders: every status of Kraken's order-status answer, and extremes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from exchange_clients.simulator._orders import SimulatedOrder
from exchange_clients.simulator.catalogue import HUGE_AMOUNT, TINY_PRICE


__all__ = ["orders"]


def _kraken_order(
    order_id: str,
    *,
    status: str,
    quantity: Decimal | int,
    filled: Decimal | int,
    limit_price: Decimal | int | None,
    update_reason: str | None = None,
    error: str | None = None,
    client_order_id: str | None = None,
    trigger: dict[str, Any] | None = None,
    side: str = "buy",
    symbol: str = "PF_XBTUSD",
) -> dict[str, Any]:
    return {
        "order": {
            "type": "ORDER" if trigger is None else "TRIGGER_ORDER",
            "orderId": order_id,
            "cliOrdId": client_order_id,
            "symbol": symbol,
            "side": side,
            "quantity": quantity,
            "filled": filled,
            "limitPrice": limit_price,
            "reduceOnly": False,
            "timestamp": "2026-11-22T10:00:00.000Z",
            "lastUpdateTimestamp": "2026-11-22T10:00:01.250Z",
            # A real plain ORDER leaves out priceTriggerOptions, triggerTime and algoId entirely, though Kraken's
            # document lists them as required (ccxt issues #27894 and #28210, tests/fixtures/real/kraken_futures/).
            # Decision: a trigger order carries its priceTriggerOptions and a null triggerTime, the shape of ccxt
            # issue #27959; no answer seen carries algoId, so none is sent.
            **({} if trigger is None else {"priceTriggerOptions": trigger, "triggerTime": None}),
        },
        "status": status,
        "updateReason": update_reason,
        "error": error,
    }


def orders() -> list[SimulatedOrder]:
    """The default orders, in the order tests list them."""
    stop = {"triggerPrice": 33500, "triggerSide": "TRIGGER_BELOW", "triggerSignal": "MARK_PRICE"}
    failed_trigger = {"triggerPrice": 2400, "triggerSide": "TRIGGER_ABOVE", "triggerSignal": "LAST_PRICE"}
    rows: list[tuple[str, str, dict[str, Any]]] = [
        (
            "entered_book",
            "OPEN",
            _kraken_order(
                "1f0b5c3e-7c4d-4e8a-9b1a-2c3d4e5f6a70",
                status="ENTERED_BOOK",
                quantity=1,
                filled=0,
                limit_price=Decimal("34567.5"),
                client_order_id="my-order-1",
            ),
        ),
        (
            "entered_book_partially_filled",
            "PARTIALLY_FILLED",
            _kraken_order(
                "2a1c6d4f-8d5e-4f9b-8c2b-3d4e5f6a7b81",
                status="ENTERED_BOOK",
                quantity=Decimal("2.5"),
                filled=Decimal("0.75"),
                limit_price=Decimal("2345.25"),
                update_reason="PARTIAL_FILL",
                side="sell",
                symbol="PF_ETHUSD",
            ),
        ),
        (
            "fully_executed",
            "FILLED",
            _kraken_order(
                "3b2d7e5a-9e6f-4a0c-9d3c-4e5f6a7b8c92",
                status="FULLY_EXECUTED",
                # Kraken's quantity is what is still open: a filled order shows 0 (ccxt PR #28199, a real answer).
                quantity=0,
                filled=Decimal("0.001"),
                limit_price=34600,
                update_reason="FULL_FILL",
            ),
        ),
        (
            "cancelled",
            "CANCELED",
            _kraken_order(
                "4c3e8f6b-0f7a-4b1d-8e4d-5f6a7b8c9da3",
                status="CANCELLED",
                quantity=3,
                filled=1,
                limit_price=35000,
                update_reason="CANCELLED_BY_USER",
                client_order_id="my-order-4",
                side="sell",
            ),
        ),
        (
            "rejected",
            "REJECTED",
            _kraken_order(
                "5d4f9a7c-1a8b-4c2e-9f5e-6a7b8c9d0eb4",
                status="REJECTED",
                quantity=1,
                filled=0,
                limit_price=40000,
                update_reason="POST_WOULD_EXECUTE_REASON",
                error="POST_WOULD_EXECUTE",
            ),
        ),
        (
            "trigger_placed",
            "UNTRIGGERED",
            _kraken_order(
                "6e5a0b8d-2b9c-4d3f-8a6f-7b8c9d0e1fc5",
                status="TRIGGER_PLACED",
                quantity=1,
                filled=0,
                limit_price=33000,
                client_order_id="stop-1",
                trigger=stop,
                side="sell",
            ),
        ),
        (
            "trigger_activation_failure",
            "REJECTED",
            _kraken_order(
                "7f6b1c9e-3cad-4e40-9b70-8c9d0e1f2ad6",
                status="TRIGGER_ACTIVATION_FAILURE",
                quantity=4,
                filled=0,
                limit_price=None,
                update_reason="NOT_ENOUGH_MARGIN",
                error="INSUFFICIENT_MARGIN",
                trigger=failed_trigger,
                symbol="PF_ETHUSD",
            ),
        ),
        (
            "high_precision",
            "OPEN",
            _kraken_order(
                "8a7c2d0f-4dbe-4f51-8c81-9d0e1f2a3be7",
                status="ENTERED_BOOK",
                quantity=Decimal(HUGE_AMOUNT),
                filled=0,
                limit_price=Decimal(TINY_PRICE),
            ),
        ),
    ]
    return [
        SimulatedOrder("kraken_futures", name, body["order"]["orderId"], status, body, body["order"]["cliOrdId"])
        for name, status, body in rows
    ]
