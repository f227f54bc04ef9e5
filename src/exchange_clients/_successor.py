"""
Reading orders once an exchange's REST API is gone: from a running watch_orders, else from a stream's snapshot.

Kraken decommissions its Derivatives REST API on 1 March 2027, and its Unified WebSocket has no request for one order
by id: what can still be known of an order is what a stream shows. A running watch_orders of the same client knows
every order open when it subscribed and every change since; without one, a short-lived subscription's snapshot holds
the orders open now. A closed order that no watch saw closing cannot be read at all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence

import attrs
from websockets.exceptions import WebSocketException

from exchange_clients._errors import ExchangeError, TransportError, UnexpectedResponseError
from exchange_clients._order import Exchange, Order
from exchange_clients._tracker import OrderTracker
from exchange_clients._watch import WatchSetup


__all__ = ["RestSuccessor", "orders_answering", "read_snapshot", "watched"]

Snapshot = Callable[[WatchSetup, str, float], Awaitable[list[Order]]]
"""The open orders of a short-lived subscription: (the watch's setup, the stream's URL, seconds allowed)."""


@attrs.frozen(kw_only=True)
class RestSuccessor:
    """How an exchange's orders are read once its REST API is gone."""

    decommissioned: Callable[[], bool]
    """Whether the day the REST API goes has come."""
    removed: type[ExchangeError]
    """The error an order call raises when the REST API answers as a removed API does."""
    snapshot: Snapshot
    not_found_hint: str
    """Why an order can be missing once the REST API is gone, and what would have found it."""
    warn: Callable[[], None]
    """Say that the REST API is going (called as a call to it is built; Kraken's warns once per process)."""


def orders_answering(
    order_ids: Sequence[str],
    candidates: Iterable[Order],
    canonical: Callable[[str], str],
) -> list[Order]:
    """
    The orders among `candidates` that one of `order_ids` names, by order id or by client order id.

    A pre-filter, deliberately loose (any id may be a client order id here): the unified client's `_matched` then
    applies each exchange's own rule of which ids are client order ids, exactly as for a REST answer.
    """
    wanted = {canonical(order_id) for order_id in order_ids} | set(order_ids)
    return [
        order
        for order in candidates
        if canonical(order.order_id) in wanted
        or (order.client_order_id is not None and order.client_order_id in wanted)
    ]


def watched(trackers: Iterable[OrderTracker]) -> list[Order]:
    """The latest state of every order the running watches know of."""
    return [order for tracker in trackers for order in tracker.orders()]


async def read_snapshot(
    exchange: Exchange, successor: RestSuccessor, setup: WatchSetup, *, url: str, seconds: float, operation: str
) -> list[Order]:
    """The successor's snapshot within `seconds`; a lost or silent connection is a TransportError naming it."""
    try:
        async with asyncio.timeout(seconds):
            return await successor.snapshot(setup, url, seconds)
    except (WebSocketException, OSError, TimeoutError) as error:
        message = f"reading the open orders from {exchange.display_name}'s stream failed: {type(error).__name__}"
        raise TransportError(message, exchange=exchange, operation=operation) from None
    except ValueError as error:
        # A frame that is not JSON, as watch_orders names it too.
        message = f"{exchange.display_name}'s stream sent a frame that is not the JSON it documents: {error}"
        raise UnexpectedResponseError(message, exchange=exchange, operation=operation) from None
