"""
Derive's `private/get_order` result object as the one normalized `Order`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from exchange_clients._normalize import (
    MALFORMED,
    amount_text,
    average_price,
    decimal_text,
    identifier,
    load_object,
    remaining,
    text,
    unexpected,
    utc_from_milliseconds,
)
from exchange_clients._order import Exchange, Order, OrderType, Side
from exchange_clients.derive._status import normalized_status
from exchange_clients.generated.derive.models import Direction, TriggerType
from exchange_clients.generated.derive.models import Order as DeriveOrder
from exchange_clients.generated.derive.models import OrderType as DeriveOrderType
from exchange_clients.generated.derive.types import Unset
from exchange_clients.runtime import decode_json


FEE_CURRENCY = "USDC"
"""Decision: the currency of `order_fee`. Derive's order object does not name it; `max_fee` is "in units of the
quote currency", every Derive instrument is quoted and settled in USDC, and v3 states `extra_fee` in USDC."""

_SIDES: Mapping[str, Side] = MappingProxyType({Direction.BUY: Side.BUY, Direction.SELL: Side.SELL})

_ORDER_TYPES: Mapping[str, OrderType] = MappingProxyType(
    {DeriveOrderType.LIMIT: OrderType.LIMIT, DeriveOrderType.MARKET: OrderType.MARKET}
)

# Decision: a trigger order is a stop whichever way it triggers; the normalized types have no take-profit,
# so `stoploss` and `takeprofit` both give STOP_LIMIT or STOP_MARKET by the order type that is placed.
_TRIGGERED_TYPES: Mapping[str, OrderType] = MappingProxyType(
    {DeriveOrderType.LIMIT: OrderType.STOP_LIMIT, DeriveOrderType.MARKET: OrderType.STOP_MARKET}
)
_TRIGGER_TYPES = frozenset({TriggerType.STOPLOSS, TriggerType.TAKEPROFIT})

# Enum members read for every order are read once, here: each `Enum.MEMBER` read goes through the enum
# metaclass's attribute hook.
_DERIVE = Exchange.DERIVE
_UNKNOWN_SIDE = Side.UNKNOWN
_UNKNOWN_TYPE = OrderType.UNKNOWN


def parse_order(raw: bytes | str | Mapping[str, Any]) -> Order:
    """The normalized order in Derive's `private/get_order` result (bytes, text or a decoded mapping).

    Raises `UnexpectedResponseError` when it is not JSON or not an order as Derive documents it.
    """
    try:
        return _normalize(DeriveOrder.from_dict(load_object(raw, decode_json)))
    except MALFORMED as error:
        raise unexpected(Exchange.DERIVE, "parse_order", raw, error) from None


def to_order(model: DeriveOrder, *, operation: str = "to_order") -> Order:
    """The normalized order for Derive's generated order model.

    Raises `UnexpectedResponseError`, naming `operation`, when a field holds what Derive does not document.
    """
    try:
        return _normalize(model)
    except MALFORMED as error:
        raise unexpected(Exchange.DERIVE, operation, None, error) from None


def _normalize(model: DeriveOrder) -> Order:
    amount = amount_text(model.amount, "amount")
    filled = amount_text(model.filled_amount, "filled_amount")
    # The raw text, without enum.property's Python-level getter.
    status = text(model.order_status._value_, "order_status")
    label = text(model.label, "label")
    return Order(
        exchange=_DERIVE,
        order_id=identifier(model.order_id, "order_id"),
        # Decision: the user-defined `label` is Derive's client order id; Derive writes "" for none.
        client_order_id=label or None,
        symbol=identifier(model.instrument_name, "instrument_name"),
        side=_SIDES.get(model.direction, _UNKNOWN_SIDE),
        order_type=_order_type(model),
        status=normalized_status(status, filled),
        # Decision: `limit_price` for every order type: a Derive market order also carries the worst price
        # its owner signed, and that is the order's price bound.
        price=amount_text(model.limit_price, "limit_price"),
        amount=amount,
        filled=filled,
        # Derive does not send what is left; it is amount - filled_amount.
        remaining=remaining(amount, filled),
        average_price=average_price(amount_text(model.average_price, "average_price"), filled),
        # Decision: `order_fee` ("total order fee paid so far") as sent; a negative one (a rebate) is kept.
        # v3's `extra_fee` is described as added to the total the user pays, so it is not added again;
        # it stays in `raw`.
        fee=decimal_text(model.order_fee, "order_fee"),
        fee_currency=FEE_CURRENCY,
        created_at=utc_from_milliseconds(model.creation_timestamp, "creation_timestamp"),
        updated_at=utc_from_milliseconds(model.last_update_timestamp, "last_update_timestamp"),
        raw_status=status,
        raw=model,
    )


def _order_type(model: DeriveOrder) -> OrderType:
    """LIMIT or MARKET, or STOP_LIMIT or STOP_MARKET for a trigger order; UNKNOWN for what is not documented.

    Decision: an algo (TWAP) order is typed by the order type its slices use; `algo_type` stays in `raw`.
    """
    trigger = model.trigger_type
    if trigger is None or isinstance(trigger, Unset):
        return _ORDER_TYPES.get(model.order_type, _UNKNOWN_TYPE)
    if trigger not in _TRIGGER_TYPES:
        return _UNKNOWN_TYPE
    return _TRIGGERED_TYPES.get(model.order_type, _UNKNOWN_TYPE)
