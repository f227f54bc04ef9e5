"""
Gemini's `orderUpdate` stream event (orders@account) as the one normalized `Order`.

Gemini's event carries no cumulative fill and no average price. `Z` is the last execution's quantity on FILLED and
PARTIALLY_FILLED events and the cumulative quantity on the others (Gemini's AsyncAPI description of `Z`), so the fill
is read from what is unambiguous: the original quantity `q` less the remaining `z`. "Fields with empty or zero values
may be omitted from the event": an absent `z` is 0 left. An absent `q` is not a zero-sized order but an unsent one,
so the amount, and with it the fill, are unknown (None).

Two decisions rest on Gemini's own conformance vector for this event (gemini/developer-platform
conformance/websocket/events/order-update.json, kept in tests/fixtures/real/gemini), which disagrees with the docs:
- its FILLED event sends `z` equal to `q`. FILLED is Gemini's "the whole quantity executed", so a FILLED order's fill
  is its whole amount, whatever `z` says;
- its `E` and `T` have 13 digits, milliseconds, where the docs say nanoseconds. A time below 10**15 is read as
  milliseconds: in nanoseconds that would be a moment of January 1970, in milliseconds it is a date in the year
  33658, so the two never overlap for a real order.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from exchange_clients._messages import MessageShapeError, read_message
from exchange_clients._normalize import (
    EPOCH,
    MALFORMED,
    identifier,
    integer,
    remaining,
    unexpected,
    utc_from_milliseconds,
)
from exchange_clients._order import Exchange, Order, OrderStatus, OrderType, Side
from exchange_clients.generated.streams.gemini import OrderSide, OrderUpdate, OrderUpdateStatus, OrderUpdateType


__all__ = ["parse_update", "update_to_order"]

STATUS_TABLE: Mapping[str, OrderStatus] = MappingProxyType(
    {
        OrderUpdateStatus.NEW: OrderStatus.OPEN,
        OrderUpdateStatus.OPEN: OrderStatus.OPEN,
        OrderUpdateStatus.PARTIALLY_FILLED: OrderStatus.PARTIALLY_FILLED,
        OrderUpdateStatus.FILLED: OrderStatus.FILLED,
        OrderUpdateStatus.CANCELED: OrderStatus.CANCELED,
        OrderUpdateStatus.REJECTED: OrderStatus.REJECTED,
        # A modified order is still working; whether it has fills decides between OPEN and PARTIALLY_FILLED.
        OrderUpdateStatus.MODIFIED: OrderStatus.OPEN,
    }
)
"""Every `X` of Gemini's orderUpdate the normalization knows; anything else is UNKNOWN."""

_SIDES = MappingProxyType({OrderSide.BUY: Side.BUY, OrderSide.SELL: Side.SELL})
_TYPES = MappingProxyType(
    {
        OrderUpdateType.LIMIT: OrderType.LIMIT,
        OrderUpdateType.MARKET: OrderType.MARKET,
        OrderUpdateType.STOP_LIMIT: OrderType.STOP_LIMIT,
        OrderUpdateType.STOP_MARKET: OrderType.STOP_MARKET,
    }
)
_NANOSECONDS_PER_MICROSECOND = 1000
_LATEST_MILLISECONDS = 10**15


def parse_update(message: Mapping[str, Any]) -> Order:
    """The normalized order of one decoded `orderUpdate` event; UnexpectedResponseError if it is not one."""
    try:
        return update_to_order(read_message(message, OrderUpdate))
    except MessageShapeError as error:
        raise unexpected(Exchange.GEMINI, "watch_orders", message, error) from None


def update_to_order(event: OrderUpdate) -> Order:
    """The normalized order of Gemini's generated `OrderUpdate` model."""
    try:
        return _normalize(event)
    except MALFORMED as error:
        raise unexpected(Exchange.GEMINI, "watch_orders", None, error) from None


def _normalize(event: OrderUpdate) -> Order:
    amount = event.q or None
    left = event.z or Decimal(0)
    filled = remaining(amount, left)  # the amount ordered less what is left
    status = STATUS_TABLE.get(event.X, OrderStatus.UNKNOWN)
    if status is OrderStatus.FILLED and amount is not None:
        filled = amount
    if status is OrderStatus.OPEN and filled:
        status = OrderStatus.PARTIALLY_FILLED
    return Order(
        exchange=Exchange.GEMINI,
        order_id=str(integer(event.i, "i")),
        client_order_id=event.c or None,
        symbol=identifier(event.s, "s"),
        side=_SIDES.get(event.S, Side.UNKNOWN) if event.S is not None else Side.UNKNOWN,
        order_type=_TYPES.get(event.o, OrderType.UNKNOWN) if event.o is not None else OrderType.UNKNOWN,
        status=status,
        # An omitted or zero price is a market order's: it has none.
        price=event.p or None,
        amount=amount,
        filled=filled,
        remaining=remaining(amount, filled),
        # The event has neither: `L` is the last execution's price and `n` the last execution's fee.
        average_price=None,
        fee=None,
        fee_currency=None,
        created_at=None,
        updated_at=_from_event_time(event.T),
        raw_status=str(event.X),
        raw=event,
    )


def _from_event_time(value: int) -> datetime:
    # Decision: to the microsecond, datetime's finest unit; the event keeps its nanoseconds in `raw`.
    time = integer(value, "T")
    if time < _LATEST_MILLISECONDS:
        return utc_from_milliseconds(time, "T")
    return EPOCH + timedelta(microseconds=time // _NANOSECONDS_PER_MICROSECOND)
