"""
Kraken Futures' order statuses and the normalized status each one means.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from exchange_clients._order import OrderStatus


STATUS_TABLE: Mapping[str, OrderStatus] = MappingProxyType(
    {
        # On the book: OPEN until something fills, then PARTIALLY_FILLED (see `normalized_status`).
        "ENTERED_BOOK": OrderStatus.OPEN,
        "FULLY_EXECUTED": OrderStatus.FILLED,
        "CANCELLED": OrderStatus.CANCELED,
        "REJECTED": OrderStatus.REJECTED,
        "TRIGGER_PLACED": OrderStatus.UNTRIGGERED,
        # The trigger fired but the resulting order could not be placed: it never reached the book.
        "TRIGGER_ACTIVATION_FAILURE": OrderStatus.REJECTED,
    }
)
"""Every `status` value of Kraken's `OrderStatusJson` the normalization knows; anything else is UNKNOWN."""


def normalized_status(raw_status: str, filled: Decimal | None) -> OrderStatus:
    """The status for Kraken's `raw_status`, PARTIALLY_FILLED for a booked order with a fill."""
    status = STATUS_TABLE.get(raw_status, _UNKNOWN)
    if status is _OPEN and filled:
        return _PARTIALLY_FILLED
    return status


# Read once: on CPython 3.11 each `Enum.MEMBER` read goes through EnumType.__getattr__'s hook (about 65 ns).
_UNKNOWN, _OPEN, _PARTIALLY_FILLED = OrderStatus.UNKNOWN, OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED
