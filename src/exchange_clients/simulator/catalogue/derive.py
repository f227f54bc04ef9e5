"""
Derive's default orders: every order_status Derive documents, and extremes.
"""

from __future__ import annotations

from typing import Any

from exchange_clients.simulator._orders import SimulatedOrder
from exchange_clients.simulator.catalogue import HUGE_AMOUNT, TINY_PRICE


__all__ = ["orders"]


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


def orders() -> list[SimulatedOrder]:
    """The default orders, in the order tests list them."""
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
