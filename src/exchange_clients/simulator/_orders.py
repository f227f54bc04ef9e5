"""
The orders the simulator serves: each one named, with the wire body it is served as and the status it means.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs


__all__ = ["SimulatedOrder", "SimulatedOrders"]


@attrs.frozen
class SimulatedOrder:
    """
    One order of one exchange.

    `name` is how tests ask for it ("filled", "live_partially_filled", ...); `expected_status` is the name of the
    `exchange_clients.OrderStatus` member the order must normalize to, per DESIGN.md's status table; `body` is
    the order object exactly as the exchange sends it, numbers as `Decimal` where they must stay exact. Derive's
    body is the v3 shape; the v2 ("lyra") shape is derived from it when served.
    `read_with` holds the request options that find it, where an exchange needs any.
    """

    exchange: str
    name: str
    order_id: str
    expected_status: str
    body: Mapping[str, Any] = attrs.field(repr=False)
    client_order_id: str | None = None
    read_with: Mapping[str, Any] = attrs.field(factory=dict)
    """The `get_orders` options the order is read with: DigiFinex answers for one market per call (`market=`)."""


class SimulatedOrders:
    """The orders served, looked up by name, by id or by client order id within one exchange."""

    def __init__(self, orders: Iterable[SimulatedOrder] | None = None) -> None:
        if orders is None:
            from exchange_clients.simulator._exchange import catalogue, simulated_exchanges  # noqa: PLC0415 - data

            orders = [order for exchange in simulated_exchanges() for order in catalogue(exchange)]
        self._lock = threading.Lock()
        self._orders = tuple(orders)
        self._index()

    def _index(self) -> None:
        self._by_name = {(order.exchange, order.name): order for order in self._orders}
        self._by_id = {(order.exchange, order.order_id): order for order in self._orders}
        self._by_client_id = {
            (order.exchange, order.client_order_id): order for order in self._orders if order.client_order_id
        }
        if len(self._by_name) != len(self._orders) or len(self._by_id) != len(self._orders):
            msg = "two simulated orders of one exchange share a name or an id"
            raise ValueError(msg)

    def change(self, exchange: str, name: str, **fields: Any) -> SimulatedOrder:
        """The order called `name`, its body's `fields` replaced (an order filling, cancelled); the new order.

        `expected_status` names what the order now normalizes to when given as `expected_status=`.
        """
        return self.replace(exchange, name, **fields)[1]

    def replace(self, exchange: str, name: str, **fields: Any) -> tuple[SimulatedOrder, SimulatedOrder]:
        """As `change`: the order before and after, both taken under one lock (a concurrent change falls between)."""
        with self._lock:
            order = self.named(exchange, name)
            status = fields.pop("expected_status", order.expected_status)
            changed = attrs.evolve(order, body={**order.body, **fields}, expected_status=status)
            self._orders = tuple(changed if item is order else item for item in self._orders)
            self._index()
        return order, changed

    def named(self, exchange: str, name: str) -> SimulatedOrder:
        """The order called `name` ("filled", ...) of `exchange`; KeyError naming the choices if there is none."""
        try:
            return self._by_name[exchange, name]
        except KeyError:
            choices = ", ".join(self.names(exchange)) or "none"
            msg = f"no simulated {exchange} order named {name!r} (have: {choices})"
            raise KeyError(msg) from None

    def id(self, exchange: str, name: str) -> str:
        """The order id of the order called `name`: `orders.id("gemini", "filled")`."""
        return self.named(exchange, name).order_id

    def by_id(self, exchange: str, order_id: str) -> SimulatedOrder | None:
        """The order with this exchange order id, if any."""
        return self._by_id.get((exchange, order_id))

    def by_client_id(self, exchange: str, client_order_id: str) -> SimulatedOrder | None:
        """The order with this client order id, if any."""
        return self._by_client_id.get((exchange, client_order_id))

    def names(self, exchange: str) -> list[str]:
        """The names of the exchange's orders, in catalogue order."""
        return [order.name for order in self._orders if order.exchange == exchange]

    def of(self, exchange: str) -> list[SimulatedOrder]:
        """The exchange's orders, in catalogue order."""
        return [order for order in self._orders if order.exchange == exchange]

    def __iter__(self) -> Iterator[SimulatedOrder]:
        return iter(self._orders)

    def __len__(self) -> int:
        return len(self._orders)
