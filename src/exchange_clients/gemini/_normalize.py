"""
Gemini's order-status body as the one normalized `Order`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

from exchange_clients._normalize import (
    MALFORMED,
    amount_text,
    average_price,
    decimal_text,
    exact_sum,
    flag,
    identifier,
    integer,
    load_object,
    text,
    unexpected,
    utc_from_milliseconds,
    utc_from_seconds,
)
from exchange_clients._order import Exchange, Order, OrderType, Side
from exchange_clients.gemini._status import normalized_status, raw_status
from exchange_clients.generated.gemini.models import Order as GeminiOrder
from exchange_clients.generated.gemini.models import OrderSide, Trade
from exchange_clients.generated.gemini.models import OrderType as GeminiOrderType
from exchange_clients.generated.gemini.types import Unset
from exchange_clients.runtime import decode_json


_SIDES: Mapping[str, Side] = MappingProxyType({OrderSide.BUY: Side.BUY, OrderSide.SELL: Side.SELL})

# The three values of Gemini's `Order.type` enum, and `market buy` from Gemini's own market-order example of
# Get Order Status (specs/gemini/upstream/rest.yaml, `includeTradesResponse`); `market sell` by symmetry.
_ORDER_TYPES: Mapping[str, OrderType] = MappingProxyType(
    {
        GeminiOrderType.EXCHANGE_LIMIT: OrderType.LIMIT,
        GeminiOrderType.EXCHANGE_STOP_LIMIT: OrderType.STOP_LIMIT,
        GeminiOrderType.EXCHANGE_MARKET: OrderType.MARKET,
        GeminiOrderType.MARKET_BUY: OrderType.MARKET,
        GeminiOrderType.MARKET_SELL: OrderType.MARKET,
    }
)

_T = TypeVar("_T")


def _present(value: object, read: Callable[[object, str], _T], field: str) -> _T | None:
    """`read(value)`, or None when Gemini left the field out: its document requires no order field."""
    return None if isinstance(value, Unset) else read(value, field)


def _needed(value: object, read: Callable[[object, str], _T], field: str) -> _T:
    """`read(value)`; an order that does not name its id or symbol cannot be matched or booked, so absence fails."""
    if isinstance(value, Unset):
        raise KeyError(field)
    return read(value, field)


def parse_order(raw: bytes | str | Mapping[str, Any]) -> Order:
    """The normalized order in Gemini's order-status body (bytes, text or an already decoded mapping).

    Raises `UnexpectedResponseError` when the body is not JSON or not an order as Gemini documents it.
    """
    try:
        return _normalize(GeminiOrder.from_dict(load_object(raw, decode_json)))
    except MALFORMED as error:
        raise unexpected(Exchange.GEMINI, "parse_order", raw, error) from None


def to_order(model: GeminiOrder) -> Order:
    """The normalized order for Gemini's generated order model.

    Raises `UnexpectedResponseError` when a field holds what Gemini does not document (a non-numeric amount,
    a negative quantity, a timestamp that is not milliseconds).
    """
    try:
        return _normalize(model)
    except MALFORMED as error:
        raise unexpected(Exchange.GEMINI, "to_order", None, error) from None


def _normalize(model: GeminiOrder) -> Order:
    filled = _present(model.executed_amount, amount_text, "executed_amount")
    remaining = _present(model.remaining_amount, amount_text, "remaining_amount")
    amount = _present(model.original_amount, amount_text, "original_amount")
    if amount is None and filled is not None and remaining is not None:
        # A market order has no original_amount (Gemini's includeTradesResponse example): what was executed
        # and what remains are the whole order.
        amount = exact_sum([filled, remaining])
    is_live = _present(model.is_live, flag, "is_live")
    is_cancelled = _present(model.is_cancelled, flag, "is_cancelled")
    order_type = (
        OrderType.UNKNOWN if isinstance(model.type_, Unset) else _ORDER_TYPES.get(model.type_, OrderType.UNKNOWN)
    )
    fee, fee_currency = _fee(model.trades)
    client_order_id = model.client_order_id
    average = _present(model.avg_execution_price, amount_text, "avg_execution_price")
    return Order(
        exchange=Exchange.GEMINI,
        order_id=_needed(model.order_id, identifier, "order_id"),
        client_order_id=None if isinstance(client_order_id, Unset) else text(client_order_id, "client_order_id"),
        symbol=_needed(model.symbol, identifier, "symbol"),
        side=Side.UNKNOWN if isinstance(model.side, Unset) else _SIDES.get(model.side, Side.UNKNOWN),
        order_type=order_type,
        status=normalized_status(is_live=is_live, is_cancelled=is_cancelled, executed=filled, remaining=remaining),
        price=_price(model.price, order_type),
        amount=amount,
        filled=filled,
        remaining=remaining,
        average_price=None if average is None else average_price(average, filled),
        fee=fee,
        fee_currency=fee_currency,
        created_at=_created_at(model),
        # Decision: Gemini reports no update time. The last trade's time is not one either (a cancel comes
        # later), so rather than infer a time the normalized order says None.
        updated_at=None,
        raw_status=raw_status(is_live=is_live, is_cancelled=is_cancelled),
        raw=model,
    )


def _created_at(model: GeminiOrder) -> datetime | None:
    # `timestampms`, not `timestamp`: the same instant, but to the millisecond; seconds only when that is all.
    if not isinstance(model.timestampms, Unset):
        return utc_from_milliseconds(model.timestampms, "timestampms", digits_allowed=True)
    if not isinstance(model.timestamp, Unset):
        return utc_from_seconds(integer(model.timestamp, "timestamp", digits_allowed=True), "timestamp")
    return None


def _price(value: object, order_type: OrderType) -> Decimal | None:
    price = _present(value, amount_text, "price")
    # Decision: a market order has no limit price; a zero in `price` says so rather than quoting one.
    if order_type is OrderType.MARKET and price == 0:
        return None
    return price


def _fee(trades: list[Trade] | Unset) -> tuple[Decimal | None, str | None]:
    """The order's fee from its fills, when Gemini included them (`include_trades`).

    Decision: the fills' fees are summed when they share one currency. When they are charged in different
    currencies there is no one fee, so fee and currency are None (the fills stay in `raw.trades`). No fills
    (or no `trades` at all) is None too: nothing says what, if anything, was charged. A broken trade makes
    the fee None as well: Gemini does not say whether a broken trade's fee was refunded. So is a fill without
    `fee_amount` or `fee_currency` (Gemini's document requires neither).
    """
    if isinstance(trades, Unset):
        return None, None
    if not isinstance(trades, list):
        msg = f"'trades': expected a list, got {type(trades).__name__}"
        raise TypeError(msg)
    fees = [
        _present(trade.fee_amount, decimal_text, f"trades[{index}].fee_amount") for index, trade in enumerate(trades)
    ]
    currencies = {
        _present(trade.fee_currency, text, f"trades[{index}].fee_currency") for index, trade in enumerate(trades)
    }
    broken = any(not isinstance(trade.break_, Unset) for trade in trades)
    # A fill that does not say its fee or currency leaves the order's fee unknown, not smaller.
    known_fees = [fee for fee in fees if fee is not None]
    currency = currencies.pop() if len(currencies) == 1 else None
    if currency is None or broken or len(known_fees) != len(fees):
        return None, None
    return exact_sum(known_fees), currency
