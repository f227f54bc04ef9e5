"""
Derive's order statuses and the normalized status each one means.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from exchange_clients._order import OrderStatus


STATUS_TABLE: Mapping[str, OrderStatus] = MappingProxyType(
    {
        # On the book: OPEN until something fills, then PARTIALLY_FILLED (see `normalized_status`).
        "open": OrderStatus.OPEN,
        "filled": OrderStatus.FILLED,
        "cancelled": OrderStatus.CANCELED,
        "expired": OrderStatus.EXPIRED,
        "untriggered": OrderStatus.UNTRIGGERED,
        # v3 only; v2 reports a refused order as cancelled with a cancel_reason.
        "rejected": OrderStatus.REJECTED,
        # Decision (DESIGN's table is silent): an algo order (TWAP) that is running is working in the market,
        # so it is OPEN, or PARTIALLY_FILLED once its children have filled some.
        "algo_active": OrderStatus.OPEN,
    }
)
"""Every `order_status` value of Derive's `OrderStatus` the normalization knows; anything else is UNKNOWN."""


def normalized_status(raw_status: str, filled: Decimal | None) -> OrderStatus:
    """The status for Derive's `raw_status`, PARTIALLY_FILLED for a working order with a fill."""
    status = STATUS_TABLE.get(raw_status, _UNKNOWN)
    if status is _OPEN and filled:
        return _PARTIALLY_FILLED
    return status


# Read once: on CPython 3.11 each `Enum.MEMBER` read goes through EnumType.__getattr__'s hook (about 65 ns).
_UNKNOWN, _OPEN, _PARTIALLY_FILLED = OrderStatus.UNKNOWN, OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED
