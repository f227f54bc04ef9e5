"""
One element of Kraken Futures' `orders` list (order status) as the one normalized `Order`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any
from uuid import UUID

from exchange_clients._normalize import (
    MALFORMED,
    amount_number,
    exact_sum,
    identifier,
    load_object,
    optional_text,
    text,
    unexpected,
    utc_from_iso,
)
from exchange_clients._order import Exchange, Order, OrderType, Side
from exchange_clients.generated.kraken_futures.models import CachedOrderJsonType, OrderStatusDetailsJson
from exchange_clients.kraken_futures._status import normalized_status
from exchange_clients.runtime import decode_json


# `side` is a free string in Kraken's schema; its answers write it in lower case. Another spelling is not
# guessed at.
_SIDES: Mapping[str, Side] = MappingProxyType({"buy": Side.BUY, "sell": Side.SELL})

# Enum members read for every order are read once, here: each `Enum.MEMBER` read goes through the enum
# metaclass's attribute hook.
_KRAKEN_FUTURES = Exchange.KRAKEN_FUTURES
_UNKNOWN_SIDE = Side.UNKNOWN


def parse_order(raw: bytes | str | Mapping[str, Any]) -> Order:
    """The normalized order in one element of Kraken's `orders` list (bytes, text or a decoded mapping).

    Raises `UnexpectedResponseError` when it is not JSON or not an order as Kraken's schema describes it.
    """
    try:
        return _normalize(OrderStatusDetailsJson.from_dict(load_object(raw, decode_json)))
    except MALFORMED as error:
        raise unexpected(Exchange.KRAKEN_FUTURES, "parse_order", raw, error) from None


def to_order(model: OrderStatusDetailsJson) -> Order:
    """The normalized order for Kraken's generated `OrderStatusDetailsJson` model.

    Raises `UnexpectedResponseError` when a field holds what Kraken's schema does not allow.
    """
    try:
        return _normalize(model)
    except MALFORMED as error:
        raise unexpected(Exchange.KRAKEN_FUTURES, "to_order", None, error) from None


def _normalize(model: OrderStatusDetailsJson) -> Order:
    order = model.order
    # Decision: Kraken's `quantity` is what is still open, not what was ordered: real answers show a filled
    # order with quantity 0 and filled 0.001 (ccxt PR #28199, /orders/status, FULLY_EXECUTED), an order
    # whose quantity fell from 0.0098 to less than the 0.0102 filled (ccxt issue #23469), and an unfilled
    # cancelled order whose quantity is its full size (ccxt issue #28210, tests/fixtures/real/). Kraken's
    # document only says "the quantity (size) associated with the order". So the amount ordered is
    # quantity + filled, and what remains is quantity.
    open_quantity = _amount(order.quantity, "quantity")
    filled = _amount(order.filled, "filled")
    amount = None if open_quantity is None or filled is None else exact_sum([open_quantity, filled])
    price = _amount(order.limit_price, "limitPrice")
    status = model.status._value_  # the raw text, without enum.property's Python-level getter
    return Order(
        exchange=_KRAKEN_FUTURES,
        order_id=_order_id(order.order_id),
        client_order_id=optional_text(order.cli_ord_id, "cliOrdId"),
        symbol=identifier(order.symbol, "symbol"),
        side=_SIDES.get(text(order.side, "side"), _UNKNOWN_SIDE),
        order_type=_order_type(order.type_, price),
        status=normalized_status(text(status, "status"), filled),
        price=price,
        amount=amount,
        filled=filled,
        remaining=open_quantity,
        # Neither an average fill price nor a fee is part of Kraken's order-status answer (fills are a
        # separate endpoint), so both are unknown rather than zero.
        average_price=None,
        fee=None,
        fee_currency=None,
        created_at=utc_from_iso(order.timestamp, "timestamp"),
        updated_at=utc_from_iso(order.last_update_timestamp, "lastUpdateTimestamp"),
        raw_status=status,
        raw=model,
    )


def _amount(value: object, field: str) -> Decimal | None:
    return None if value is None else amount_number(value, field)


def _order_id(value: object) -> str:
    # The generated model parsed `orderId` as a UUID; its canonical text (lower-case, hyphenated) is the id.
    if not isinstance(value, UUID):
        msg = f"'orderId': expected a UUID, got {type(value).__name__}"
        raise TypeError(msg)
    return str(value)


def _order_type(kind: CachedOrderJsonType, limit_price: Decimal | None) -> OrderType:
    """The order type, from the only two facts Kraken's order-status answer carries.

    Decision: the answer has no order-type field (lmt, post, ioc, mkt, stp, take_profit, ...), only
    `type` (ORDER or TRIGGER_ORDER) and `limitPrice`. An ORDER with a limit price is LIMIT (lmt, post and
    ioc alike), one without is MARKET. A TRIGGER_ORDER with a limit price is STOP_LIMIT, one without is
    STOP_MARKET; take-profit and trailing-stop triggers are included, since nothing in the answer tells
    them from a stop and the normalized types have no take-profit. An unknown `type` is UNKNOWN.
    """
    return _ORDER_TYPES.get((kind, limit_price is not None), _UNKNOWN_TYPE)


_ORDER_TYPES: Mapping[tuple[CachedOrderJsonType, bool], OrderType] = MappingProxyType(
    {  # by (type, has a limit price)
        (CachedOrderJsonType.ORDER, False): OrderType.MARKET,
        (CachedOrderJsonType.ORDER, True): OrderType.LIMIT,
        (CachedOrderJsonType.TRIGGER_ORDER, False): OrderType.STOP_MARKET,
        (CachedOrderJsonType.TRIGGER_ORDER, True): OrderType.STOP_LIMIT,
    }
)
_UNKNOWN_TYPE = OrderType.UNKNOWN
