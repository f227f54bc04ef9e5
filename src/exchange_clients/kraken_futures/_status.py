"""
Kraken Futures' order statuses and the normalized status each one means.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from exchange_clients._normalize import status_with_fills
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


normalized_status = status_with_fills(STATUS_TABLE)
"""The status for Kraken's raw status, PARTIALLY_FILLED for an order on the book with a fill."""
