"""
The default orders: at least one per row of DESIGN.md's status table for each exchange, and some extremes.

Each exchange also has a `high_precision` order whose amount has 30 significant digits and whose price is
0.000000000000000001 (JSON numbers for Kraken Futures and DigiFinex, decimal strings for Gemini and Derive).

Bodies follow the examples of our specs (specs/<exchange>/openapi.yaml); ids are reused from them where an
example shows the same order.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from exchange_clients.simulator._orders import SimulatedOrder


__all__ = ["HUGE_AMOUNT", "TINY_PRICE", "default_orders"]

HUGE_AMOUNT = "12345678901234.5678901234567891"  # 30 significant digits: more than a float (or 28-digit context) holds
TINY_PRICE = "0.000000000000000001"


def default_orders() -> list[SimulatedOrder]:
    """Every exchange's default orders."""
    return [*_gemini(), *_kraken_futures(), *_digifinex(), *_derive()]


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


def _gemini() -> list[SimulatedOrder]:
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


def _kraken_futures() -> list[SimulatedOrder]:
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


def _digifinex() -> list[SimulatedOrder]:
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
    return [SimulatedOrder("digifinex", name, body["order_id"], status, body) for name, status, body in rows]


# The owner address of the default Derive account (Hardhat key #1), as Derive reports an order's signer.
_DERIVE_SIGNER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"


def _derive_order(
    order_id: str,
    *,
    status: str,
    amount: str,
    filled: str,
    limit_price: str,
    average: str = "0",
    fee: str = "0",
    cancel_reason: str = "",
    order_type: str = "limit",
    time_in_force: str = "gtc",
    nonce: str,
    trigger: tuple[str, str, str] | None = None,
    direction: str = "buy",
    instrument: str = "ETH-PERP",
) -> dict[str, Any]:
    trigger_price, trigger_price_type, trigger_type = trigger if trigger is not None else (None, None, None)
    return {
        "amount": amount,
        "average_price": average,
        "cancel_reason": cancel_reason,
        "creation_timestamp": 1726000000000,
        "direction": direction,
        "extra_fee": "0",
        "filled_amount": filled,
        "instrument_name": instrument,
        "is_transfer": False,
        "label": "",
        "last_update_timestamp": 1726000060123,
        "limit_price": limit_price,
        "max_fee": "10",
        "mmp": False,
        "nonce": nonce,
        "order_fee": fee,
        "order_id": order_id,
        "order_status": status,
        "order_type": order_type,
        "quote_id": None,
        "replaced_order_id": None,
        "signature": "0x" + "5a" * 65,
        "signature_expiry_sec": 1726600000,
        "signed_limit_price": None,
        "signer": _DERIVE_SIGNER,
        "subaccount_id": 30769,
        "time_in_force": time_in_force,
        "trigger_price": trigger_price,
        "trigger_price_type": trigger_price_type,
        "trigger_reject_message": None,
        "trigger_type": trigger_type,
        "algo_type": None,
        "algo_duration_sec": None,
        "algo_num_slices": None,
        "algo_slices_completed": None,
    }


def _derive() -> list[SimulatedOrder]:
    rows: list[tuple[str, str, dict[str, Any]]] = [
        (
            "open",
            "OPEN",
            _derive_order(
                "3e334e85-9879-4f25-ad38-27d651b7804a",
                status="open",
                amount="1.5",
                filled="0",
                limit_price="2350.5",
                nonce="1726000000000001",
            ),
        ),
        (
            "open_partially_filled",
            "PARTIALLY_FILLED",
            _derive_order(
                "e4774cdd-a079-4f86-814e-8b9140bb6db4",
                status="open",
                amount="0.5",
                filled="0.2",
                limit_price="60000",
                average="60012.25",
                fee="3.6007",
                nonce="1726000100000042",
                direction="sell",
                instrument="BTC-PERP",
            ),
        ),
        (
            "filled",
            "FILLED",
            _derive_order(
                "270c1b08-4f3f-446e-b578-7075158d9c53",
                status="filled",
                amount="2",
                filled="2",
                limit_price="2400",
                average="2351.1",
                fee="2.8213",
                order_type="market",
                time_in_force="ioc",
                nonce="1726000200000007",
            ),
        ),
        (
            "cancelled",
            "CANCELED",
            _derive_order(
                "532a7b8e-0328-48d0-9a8e-6258b28b9a36",
                status="cancelled",
                amount="10",
                filled="0",
                limit_price="85.5",
                cancel_reason="user_request",
                time_in_force="post_only",
                nonce="1726000300000913",
                direction="sell",
                instrument="ETH-20241227-3000-C",
            ),
        ),
        (
            "expired",
            "EXPIRED",
            _derive_order(
                "7b8d62fd-2f0f-4b2e-bba5-437e5b983128",
                status="expired",
                amount="0.25",
                filled="0",
                limit_price="55000",
                nonce="1726000400000555",
                instrument="BTC-PERP",
            ),
        ),
        (
            "untriggered",
            "UNTRIGGERED",
            _derive_order(
                "4d0a87b6-3b72-40cd-a440-4e2d8098dee1",
                status="untriggered",
                amount="1",
                filled="0",
                limit_price="2150",
                order_type="market",
                time_in_force="ioc",
                nonce="1726000500000321",
                trigger=("2200", "mark", "stoploss"),
                direction="sell",
            ),
        ),
        (
            # v3 only: the v2 ("lyra") environment has no `rejected` status and answers 11006 for this id.
            "rejected",
            "REJECTED",
            _derive_order(
                "07739385-2be2-4e37-826d-6281827662f2",
                status="rejected",
                amount="0.1",
                filled="0",
                limit_price="98000",
                cancel_reason="validation_failed",
                nonce="1790000100000000777",
                direction="sell",
                instrument="BTC-PERP",
            ),
        ),
        (
            "high_precision",
            "OPEN",
            _derive_order(
                "a6a03a32-1dfc-4ab8-9c18-6fe4b38338a2",
                status="open",
                amount=HUGE_AMOUNT,
                filled="0",
                limit_price=TINY_PRICE,
                nonce="1726000600000999",
            ),
        ),
    ]
    return [SimulatedOrder("derive", name, body["order_id"], status, body) for name, status, body in rows]
