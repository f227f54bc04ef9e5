"""
Derive's order statuses and the normalized status each one means.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from exchange_clients._normalize import status_with_fills
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


normalized_status = status_with_fills(STATUS_TABLE)
"""The status for Derive's raw status, PARTIALLY_FILLED for an order on the book with a fill."""
