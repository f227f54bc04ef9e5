"""
What the simulator needs to play one exchange, and every registered exchange's, read from its own module.

Each registered exchange has a module `exchange_clients.simulator.exchanges.<name>` that defines `SIMULATED`, and
a catalogue of orders `exchange_clients.simulator.catalogue.<name>` with `orders()`; the set of exchanges is the
registry's (`Exchange`), so a new exchange needs no edit here or anywhere else in the simulator.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Awaitable, Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from exchange_clients.generated.registry import Exchange


if TYPE_CHECKING:
    from starlette.websockets import WebSocket

    from exchange_clients.simulator._orders import SimulatedOrder
    from exchange_clients.simulator._state import State
    from exchange_clients.simulator._wire import Incoming, Reply


__all__ = ["SimulatedExchange", "catalogue", "simulated_exchanges"]


@attrs.frozen(kw_only=True)
class SimulatedExchange:
    """One exchange as the simulator plays it."""

    handle: Callable[[Incoming, State], Reply]
    """Verify one request and answer it as the exchange would (served at the paths of the client's ENVIRONMENTS)."""
    accounts: Mapping[str, Any]
    """The default accounts, by name; the one named after the exchange is the one `credentials` reads."""
    credentials: Callable[[Any], Any]
    """The client credentials (`exchange_clients.<name>`'s class) of one of this exchange's accounts."""
    rate_limited: tuple[int, Mapping[str, Any]]
    """The exchange's own throttling answer: HTTP status and JSON body."""
    nonce_key: Callable[[str], str] = str
    """How a key is written in the nonce book (Derive's wallet address: lowercase, whatever case it is given in)."""
    stream: Callable[[WebSocket, State], Awaitable[None]] | None = None
    """The exchange's order stream, served on its port: authenticate, subscribe, then push order changes."""
    stream_path: str = "/"
    """The stream's path on that port: its real URL's."""
    stream_message: Callable[[SimulatedOrder, SimulatedOrder], str] | None = None
    """The stream message (JSON text) announcing an order's new state (first argument) to a subscribed connection;
    the second is the order before the change (Gemini's fill events carry the last fill, not the total)."""
    stream_account: str | None = None
    """The account whose credentials open the stream, when not the exchange's own (Gemini's needs a time-based key)."""
    lifecycle: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    """The demo's live changes, in order: (order name, body fields). An order placed (no field changed: announced as
    it stands), partly filled, then filled; another cancelled; each as the exchange's REST body says it."""


@functools.cache
def simulated_exchanges() -> Mapping[str, SimulatedExchange]:
    """Every registered exchange's `SIMULATED`, in the registry's order."""
    found = {}
    for exchange in Exchange:
        module = f"exchange_clients.simulator.exchanges.{exchange.value}"
        simulated = importlib.import_module(module).SIMULATED
        if not isinstance(simulated, SimulatedExchange):
            msg = f"{module}.SIMULATED is not a SimulatedExchange"
            raise TypeError(msg)
        found[exchange.value] = simulated
    return MappingProxyType(found)


def catalogue(exchange: str) -> list[SimulatedOrder]:
    """The exchange's default orders, from `exchange_clients.simulator.catalogue.<exchange>.orders()`."""
    orders: list[SimulatedOrder] = importlib.import_module(f"exchange_clients.simulator.catalogue.{exchange}").orders()
    return orders
