"""
Gemini's order-status body as the one normalized `Order`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from gemini_api.models import Order as GeminiOrder
from gemini_api.models import OrderSide, Trade
from gemini_api.models import OrderType as GeminiOrderType
from gemini_api.types import Unset, decode_json

from exchange_clients._normalize import (
    MALFORMED,
    amount_text,
    average_price,
    decimal_text,
    exact_sum,
    flag,
    identifier,
    load_object,
    text,
    unexpected,
    utc_from_milliseconds,
)
from exchange_clients._order import Exchange, Order, OrderType, Side
from exchange_clients.gemini._status import normalized_status, raw_status


_SIDES: Mapping[str, Side] = MappingProxyType({OrderSide.BUY: Side.BUY, OrderSide.SELL: Side.SELL})

# The three values of the `type` enum on Gemini's order pages. Gemini's other order descriptions (for example
# "market buy" in past-order listings) are not documented for these endpoints, so they stay UNKNOWN.
_ORDER_TYPES: Mapping[str, OrderType] = MappingProxyType(
    {
        GeminiOrderType.EXCHANGE_LIMIT: OrderType.LIMIT,
        GeminiOrderType.EXCHANGE_STOP_LIMIT: OrderType.STOP_LIMIT,
        GeminiOrderType.EXCHANGE_MARKET: OrderType.MARKET,
    }
)


def parse_order(raw: bytes | str | Mapping[str, Any]) -> Order:
    """The normalized order in Gemini's order-status body (bytes, text or an already decoded mapping).

    Raises `UnexpectedResponseError` when the body is not JSON or not an order as Gemini documents it.
    """
    try:
        return _normalize(GeminiOrder.from_dict(load_object(raw, decode_json)))
    except MALFORMED as error:
        raise unexpected(Exchange.GEMINI, "parse_order", raw, error) from error


def to_order(model: GeminiOrder) -> Order:
    """The normalized order for Gemini's generated order model.

    Raises `UnexpectedResponseError` when a field holds what Gemini does not document (a non-numeric amount,
    a negative quantity, a timestamp that is not milliseconds).
    """
    try:
        return _normalize(model)
    except MALFORMED as error:
        raise unexpected(Exchange.GEMINI, "to_order", None, error) from error


def _normalize(model: GeminiOrder) -> Order:
    amount = amount_text(model.original_amount, "original_amount")
    filled = amount_text(model.executed_amount, "executed_amount")
    remaining = amount_text(model.remaining_amount, "remaining_amount")
    is_live = flag(model.is_live, "is_live")
    is_cancelled = flag(model.is_cancelled, "is_cancelled")
    order_type = _ORDER_TYPES.get(model.type_, OrderType.UNKNOWN)
    fee, fee_currency = _fee(model.trades)
    client_order_id = model.client_order_id
    return Order(
        exchange=Exchange.GEMINI,
        order_id=identifier(model.order_id, "order_id"),
        client_order_id=None if isinstance(client_order_id, Unset) else text(client_order_id, "client_order_id"),
        symbol=identifier(model.symbol, "symbol"),
        side=_SIDES.get(model.side, Side.UNKNOWN),
        order_type=order_type,
        status=normalized_status(is_live=is_live, is_cancelled=is_cancelled, executed=filled, remaining=remaining),
        price=_price(model.price, order_type),
        amount=amount,
        filled=filled,
        remaining=remaining,
        average_price=average_price(amount_text(model.avg_execution_price, "avg_execution_price"), filled),
        fee=fee,
        fee_currency=fee_currency,
        # `timestampms`, not `timestamp`: the same instant, but to the millisecond.
        created_at=utc_from_milliseconds(model.timestampms, "timestampms", digits_allowed=True),
        # Decision: Gemini reports no update time. The last trade's time is not one either (a cancel comes
        # later), so rather than infer a time the normalized order says None.
        updated_at=None,
        raw_status=raw_status(is_live=is_live, is_cancelled=is_cancelled),
        raw=model,
    )


def _price(value: object, order_type: OrderType) -> Decimal | None:
    price = amount_text(value, "price")
    # Decision: a market order has no limit price; a zero in `price` says so rather than quoting one.
    if order_type is OrderType.MARKET and price == 0:
        return None
    return price


def _fee(trades: list[Trade] | Unset) -> tuple[Decimal | None, str | None]:
    """The order's fee from its fills, when Gemini included them (`include_trades`).

    Decision: the fills' fees are summed when they share one currency. When they are charged in different
    currencies there is no one fee, so fee and currency are None (the fills stay in `raw.trades`). No fills
    (or no `trades` at all) is None too: nothing says what, if anything, was charged. A broken trade makes
    the fee None as well: Gemini does not say whether a broken trade's fee was refunded.
    """
    if isinstance(trades, Unset):
        return None, None
    if not isinstance(trades, list):
        msg = f"'trades': expected a list, got {type(trades).__name__}"
        raise TypeError(msg)
    fees = [decimal_text(trade.fee_amount, f"trades[{index}].fee_amount") for index, trade in enumerate(trades)]
    currencies = {text(trade.fee_currency, f"trades[{index}].fee_currency") for index, trade in enumerate(trades)}
    broken = any(not isinstance(trade.break_, Unset) for trade in trades)
    if len(currencies) != 1 or broken:
        return None, None
    return exact_sum(fees), currencies.pop()
