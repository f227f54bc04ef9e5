"""
One element of DigiFinex's `data` list (order status) as the one normalized `Order`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from exchange_clients._normalize import (
    MALFORMED,
    amount_number,
    average_price,
    identifier,
    integer,
    load_object,
    remaining,
    unexpected,
    utc_from_seconds,
)
from exchange_clients._order import Exchange, Order, OrderType, Side
from exchange_clients.digifinex._status import normalized_status
from exchange_clients.generated.digifinex.models import Order as DigiFinexOrder
from exchange_clients.generated.digifinex.models import OrderType as DigiFinexOrderType
from exchange_clients.runtime import decode_json


# DigiFinex folds side and type into one `type` field: buy/sell are limit orders, *_market market orders.
_SIDES_AND_TYPES: Mapping[str, tuple[Side, OrderType]] = MappingProxyType(
    {
        DigiFinexOrderType.BUY: (Side.BUY, OrderType.LIMIT),
        DigiFinexOrderType.SELL: (Side.SELL, OrderType.LIMIT),
        DigiFinexOrderType.BUY_MARKET: (Side.BUY, OrderType.MARKET),
        DigiFinexOrderType.SELL_MARKET: (Side.SELL, OrderType.MARKET),
    }
)


def parse_order(raw: bytes | str | Mapping[str, Any]) -> Order:
    """The normalized order in one element of DigiFinex's `data` list (bytes, text or a decoded mapping).

    Raises `UnexpectedResponseError` when it is not JSON or not an order as DigiFinex documents it.
    """
    try:
        return _normalize(DigiFinexOrder.from_dict(load_object(raw, decode_json)))
    except MALFORMED as error:
        raise unexpected(Exchange.DIGIFINEX, "parse_order", raw, error) from None


def to_order(model: DigiFinexOrder) -> Order:
    """The normalized order for DigiFinex's generated order model.

    Raises `UnexpectedResponseError` when a field holds what DigiFinex does not document.
    """
    try:
        return _normalize(model)
    except MALFORMED as error:
        raise unexpected(Exchange.DIGIFINEX, "to_order", None, error) from None


def _normalize(model: DigiFinexOrder) -> Order:
    side, order_type = _SIDES_AND_TYPES.get(model.type_, (Side.UNKNOWN, OrderType.UNKNOWN))
    is_market = order_type is OrderType.MARKET
    amount = _unless_market_zero(amount_number(model.amount, "amount"), is_market=is_market)
    filled = amount_number(model.executed_amount, "executed_amount")
    status = _status(model.status)
    return Order(
        exchange=Exchange.DIGIFINEX,
        order_id=identifier(model.order_id, "order_id"),
        # DigiFinex's order-status answer carries no client order id.
        client_order_id=None,
        symbol=identifier(model.symbol, "symbol"),
        side=side,
        order_type=order_type,
        status=normalized_status(status),
        price=_unless_market_zero(amount_number(model.price, "price"), is_market=is_market),
        amount=amount,
        filled=filled,
        # DigiFinex does not send what is left; it is amount - executed_amount.
        remaining=remaining(amount, filled),
        average_price=average_price(amount_number(model.avg_price, "avg_price"), filled),
        # The order-status answer has no fee; DigiFinex reports fees with fills, not orders.
        fee=None,
        fee_currency=None,
        created_at=_time(model.created_date, "created_date"),
        # Decision: DigiFinex reports no update time; `finished_date` is the last change of a finished
        # order, and 0 (not finished) leaves it None.
        updated_at=_time(model.finished_date, "finished_date"),
        raw_status=str(status),
        raw=model,
    )


def _unless_market_zero(value: Decimal, *, is_market: bool) -> Decimal | None:
    # Decision: a market order has no limit price, and a market buy is sized in quote currency
    # (`cash_amount`), not in `amount`; DigiFinex writes 0 for what does not apply, which is None here,
    # not a zero price or a zero-sized order (that would make `remaining` negative).
    if is_market and value == 0:
        return None
    return value


def _status(value: object) -> int:
    # Any integer is a status: one the table does not know is UNKNOWN, not an error (even a negative one).
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"'status': expected an integer, got {type(value).__name__}"
        raise TypeError(msg)
    return int(value)


def _time(value: object, field: str) -> datetime | None:
    # DigiFinex writes 0 for a time that has not happened yet.
    seconds = integer(value, field)
    return None if seconds == 0 else utc_from_seconds(seconds, field)
