"""
The latest known state of each order, which a stream and a reconciliation can only move forwards.

Messages arrive duplicated, reordered, or replayed after a reconnect, and a REST answer can be older than the
stream's last word. Whatever the order of arrival, an order's reported state never goes backwards: a terminal
status (FILLED, CANCELED, REJECTED, EXPIRED) is final, `filled` never decreases, and among states with the same fill
a working order only advances (UNTRIGGERED, then OPEN, then PARTIALLY_FILLED). Only a change is passed on.

An order can also be followed before anything is reported of it (the open orders read when the stream starts): its
state then is a baseline, which a stream message equal to it still reports (it is news to the caller), while a REST
read equal to it does not (it confirms what nobody asked about).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from exchange_clients._order import Order, OrderStatus


__all__ = ["OrderTracker"]

# How far a working order has come, for states with the same fill. UNKNOWN (a status the mapping does not know yet)
# ranks as OPEN: it is passed on once, and never hides a later known state of the same fill.
_STAGE = {
    OrderStatus.UNTRIGGERED: 0,
    OrderStatus.OPEN: 1,
    OrderStatus.UNKNOWN: 1,
    OrderStatus.PARTIALLY_FILLED: 2,
}

# What else a state holds that a change of it is: a modified price or size, a fee, the average price.
_DETAILS = ("price", "amount", "remaining", "average_price", "fee")


def _progress(order: Order) -> tuple[int, Decimal, int]:
    # A terminal state outranks any other by its first element; two terminal states are never compared (the first
    # is final), so its stage does not matter.
    return (int(order.status.is_final), order.filled or Decimal(0), _STAGE.get(order.status, 1))


def _older(new: datetime | None, old: datetime | None) -> bool:
    return new is not None and old is not None and new < old


class OrderTracker:
    """Each order's latest state, by exchange and order id; `update` says whether a new report changes it."""

    def __init__(self) -> None:
        self._latest: dict[tuple[str, str], Order] = {}
        self._unreported: set[tuple[str, str]] = set()
        self._given_up: set[tuple[str, str]] = set()

    def follow(self, order: Order) -> None:
        """Follow `order` from this state without reporting it (nothing changes for an order already known)."""
        key = (order.exchange.value, order.order_id)
        if key not in self._latest:
            self._latest[key] = order
            self._unreported.add(key)

    def update(self, order: Order) -> Order | None:
        """
        `order` if it changes what is known of that order, and remember it; None if it would go backwards or repeats.

        Backwards: anything after a terminal state; a lower fill; the same fill at an earlier stage; the same
        progress from an earlier update time. A repeat: the same progress with the same price, amount, remaining,
        average price and fee. A repeat of an unreported baseline is reported: the stream's news of it.
        """
        return self._advance(order, repeat_is_news=True)

    def confirm(self, order: Order) -> Order | None:
        """As `update`, for a state read over REST: one equal to what is known, reported or not, is no change."""
        return self._advance(order, repeat_is_news=False)

    def _advance(self, order: Order, *, repeat_is_news: bool) -> Order | None:
        key = (order.exchange.value, order.order_id)
        known = self._latest.get(key)
        if known is not None:
            if known.status.is_final:
                return None
            new, old = _progress(order), _progress(known)
            if new < old:
                return None
            repeat_allowed = repeat_is_news and key in self._unreported
            if new == old and (
                _older(order.updated_at, known.updated_at)
                or (not repeat_allowed and all(getattr(order, name) == getattr(known, name) for name in _DETAILS))
            ):
                return None
        self._latest[key] = order
        self._unreported.discard(key)
        self._given_up.discard(key)
        return order

    def give_up(self, exchange: str, order_ids: list[str]) -> None:
        """
        Stop following these orders: they are no longer open, and what became of them cannot be known.

        They leave `orders` and `open_orders` (their last state known is open, which is no longer true), until a
        report of them arrives.
        """
        self._given_up |= {(exchange, order_id) for order_id in order_ids if (exchange, order_id) in self._latest}

    def get(self, exchange: str, order_id: str) -> Order | None:
        """The latest state of that order, if it has been seen."""
        return self._latest.get((exchange, order_id))

    def orders(self) -> list[Order]:
        """The latest state of every order seen or followed and not given up (a copy, safe to read from a thread)."""
        given_up = set(self._given_up)
        return [order for key, order in list(self._latest.items()) if key not in given_up]

    def open_orders(self) -> list[Order]:
        """Every order seen or followed whose latest state is not terminal, oldest first seen."""
        return [order for order in self.orders() if not order.status.is_final]

    def __len__(self) -> int:
        return len(self._latest)
