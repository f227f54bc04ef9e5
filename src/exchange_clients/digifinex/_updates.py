"""
DigiFinex's `order.update` stream push as normalized `Order`s, one per element of its `params`.

Statuses mean what they mean in the REST answer. A market buy is sized by `notional` (quote currency) and sends
`amount: "0"` with a non-zero `filled` (DigiFinex's own example): its amount is unknown, not zero, so it is None and
nothing is left to compute as remaining. A market order's `price` is 0: it has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from exchange_clients._messages import MessageShapeError, read_message
from exchange_clients._normalize import (
    MALFORMED,
    identifier,
    remaining,
    unexpected,
    utc_from_milliseconds,
)
from exchange_clients._order import Exchange, Order, OrderType, Side
from exchange_clients.digifinex._status import normalized_status
from exchange_clients.generated.streams.digifinex import OrderSide, OrderUpdate, OrderUpdateItem
from exchange_clients.generated.streams.digifinex import OrderType as DigiFinexOrderType


__all__ = ["item_to_order", "parse_update"]

_SIDES = MappingProxyType({OrderSide.BUY: Side.BUY, OrderSide.SELL: Side.SELL})
_TYPES = MappingProxyType({DigiFinexOrderType.LIMIT: OrderType.LIMIT, DigiFinexOrderType.MARKET: OrderType.MARKET})


def parse_update(message: Mapping[str, Any]) -> list[Order]:
    """The normalized orders of one decoded `order.update` push; UnexpectedResponseError if it is not one."""
    try:
        update = read_message(message, OrderUpdate)
    except MessageShapeError as error:
        raise unexpected(Exchange.DIGIFINEX, "watch_orders", message, error) from None
    return [item_to_order(item) for item in update.params]


def item_to_order(item: OrderUpdateItem) -> Order:
    """The normalized order of one element of the push's `params`."""
    try:
        return _normalize(item)
    except MALFORMED as error:
        raise unexpected(Exchange.DIGIFINEX, "watch_orders", None, error) from None


def _normalize(item: OrderUpdateItem) -> Order:
    order_type = _TYPES.get(item.type, OrderType.UNKNOWN)
    # Decision: 0 where an amount or a price does not apply (a market buy's size, a market order's price) is None.
    amount = item.amount or None
    filled = item.filled
    return Order(
        exchange=Exchange.DIGIFINEX,
        order_id=identifier(item.id, "id"),
        client_order_id=None,
        symbol=identifier(item.symbol, "symbol"),
        side=_SIDES.get(item.side, Side.UNKNOWN),
        order_type=order_type,
        status=normalized_status(int(item.status)),
        price=item.price or None,
        amount=amount,
        filled=filled,
        remaining=remaining(amount, filled),
        average_price=item.price_avg if filled else None,
        fee=None,
        fee_currency=None,
        created_at=None,
        updated_at=utc_from_milliseconds(item.timestamp, "timestamp"),
        raw_status=str(int(item.status)),
        raw=item,
    )
