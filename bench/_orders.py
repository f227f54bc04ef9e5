"""
The orders every benchmark reads: the simulator's catalogue, as the bytes each exchange sends.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from exchange_clients.simulator import EXCHANGES, SimulatedAccounts, SimulatedOrders
from exchange_clients.simulator._json import dumps


__all__ = ["ACCOUNTS", "CATALOGUE", "EXCHANGES", "LIST_SIZE", "cycled", "order_bytes", "order_ids"]

ACCOUNTS = SimulatedAccounts()
"""The simulator's fake credentials (fixed, so a simulator in another process accepts them)."""

CATALOGUE = SimulatedOrders()
"""Orders in every status, per exchange, exactly as the simulator serves them."""

LIST_SIZE = 10_000
"""Orders in the Gemini `/v1/orders` body of the list-parsing benchmark."""


def order_bytes(exchange: str) -> list[bytes]:
    """Each catalogue order of `exchange` as the exchange writes it: the object `parse_order` takes, as bytes."""
    return [dumps(order.body) for order in CATALOGUE.of(exchange)]


def order_ids(exchange: str) -> list[str]:
    """The ids of the catalogue orders of `exchange` that `get_order` reads with no options (DigiFinex: spot ones)."""
    return [order.order_id for order in CATALOGUE.of(exchange) if not order.read_with]


def cycled(items: Sequence[bytes], count: int) -> list[bytes]:
    """`count` items taken round-robin from `items`."""
    return list(itertools.islice(itertools.cycle(items), count))


def gemini_orders_body(count: int = LIST_SIZE) -> bytes:
    """A Gemini `/v1/orders` answer of `count` orders: the catalogue's live orders, each with its own id."""
    live = [order.body for order in CATALOGUE.of("gemini") if order.body.get("is_live")]
    orders = []
    for index, body in zip(range(count), itertools.cycle(live), strict=False):
        order_id = str(100_000_000 + index)
        orders.append({**body, "order_id": order_id, "id": order_id})
    return dumps(orders)
