"""
DigiFinex's order statuses (integers) and the normalized status each one means.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from exchange_clients._order import OrderStatus


STATUS_TABLE: Mapping[int, OrderStatus] = MappingProxyType(
    {
        0: OrderStatus.OPEN,
        1: OrderStatus.PARTIALLY_FILLED,
        2: OrderStatus.FILLED,
        3: OrderStatus.CANCELED,
        # Cancelled after a partial fill: still CANCELED; `filled` says how much was executed.
        4: OrderStatus.CANCELED,
    }
)
"""Every `status` value of DigiFinex's `OrderStatus` the normalization knows; anything else is UNKNOWN."""


def normalized_status(raw_status: int) -> OrderStatus:
    """The status for DigiFinex's integer `raw_status`."""
    return STATUS_TABLE.get(raw_status, OrderStatus.UNKNOWN)
