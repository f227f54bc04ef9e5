"""
The one normalized order that every exchange's answers become.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import attrs

from exchange_clients.generated.registry import RAW_ORDER_MODELS, Exchange


if TYPE_CHECKING:
    from exchange_clients.generated.registry import RawOrder

__all__ = ["Exchange", "Order", "OrderStatus", "OrderType", "RawOrder", "Side"]


class OrderStatus(StrEnum):
    """Where an order is in its life; `UNKNOWN` when the exchange said something the mapping does not know."""

    OPEN = "open"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELED = "canceled"
    REJECTED = "rejected"
    EXPIRED = "expired"
    UNTRIGGERED = "untriggered"
    UNKNOWN = "unknown"

    @property
    def is_final(self) -> bool:
        """True when the order can no longer change: filled, canceled, rejected or expired."""
        return self in _FINAL_STATUSES


_FINAL_STATUSES = frozenset({OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.REJECTED, OrderStatus.EXPIRED})


class Side(StrEnum):
    """Buy or sell.

    `UNKNOWN` is an addition to the two sides: an exchange that starts sending a third word (or none) gives an
    order whose side says so, rather than a guess or an exception.
    """

    BUY = "buy"
    SELL = "sell"
    UNKNOWN = "unknown"


class OrderType(StrEnum):
    """The order's execution type; `UNKNOWN` for anything the mapping does not know (raw value kept in `raw`)."""

    LIMIT = "limit"
    MARKET = "market"
    STOP_LIMIT = "stop_limit"
    STOP_MARKET = "stop_market"
    UNKNOWN = "unknown"


def __getattr__(name: str) -> Any:
    # RawOrder at run time (for isinstance) imports every generated package, and httpx with them, on first use:
    # `import exchange_clients` stays light for a program that only reads Orders.
    if name == "RawOrder":
        import functools  # noqa: PLC0415
        import importlib  # noqa: PLC0415
        import operator  # noqa: PLC0415

        models = [
            getattr(importlib.import_module(module), model)
            for per_exchange in RAW_ORDER_MODELS.values()
            for module, model in per_exchange
        ]
        raw_order = functools.reduce(operator.or_, models)
        globals()["RawOrder"] = raw_order
        return raw_order
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


@attrs.frozen(slots=True, kw_only=True)
class Order:
    """One order as any of the four exchanges reported it, with exact amounts and UTC times.

    Amounts are `Decimal`s exact to the digit the exchange sent, `None` where the exchange does not say;
    `remaining` is computed (amount - filled) where the exchange does not send it. `raw_status` is the
    exchange's own status expression (for Gemini, which has no status field, the flags it was derived from).
    """

    exchange: Exchange
    order_id: str
    client_order_id: str | None
    symbol: str
    side: Side
    order_type: OrderType
    status: OrderStatus
    price: Decimal | None
    amount: Decimal | None
    filled: Decimal | None
    remaining: Decimal | None
    average_price: Decimal | None
    fee: Decimal | None
    fee_currency: str | None
    created_at: datetime | None
    updated_at: datetime | None
    raw_status: str
    raw: RawOrder = attrs.field(repr=False, eq=False)
