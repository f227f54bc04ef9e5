from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide
from ..models.order_type import OrderType
from ..types import UNSET, Unset, unread_properties

if TYPE_CHECKING:
    from ..models.trade import Trade


T = TypeVar("T", bound="Order")

_PROPERTY_NAMES = frozenset(
    {
        "order_id",
        "symbol",
        "exchange",
        "price",
        "avg_execution_price",
        "side",
        "type",
        "options",
        "timestamp",
        "timestampms",
        "is_live",
        "is_cancelled",
        "was_forced",
        "executed_amount",
        "remaining_amount",
        "original_amount",
        "is_hidden",
        "id",
        "client_order_id",
        "reason",
        "trades",
    }
)


@_attrs_define
class Order:
    """An order as returned by Get Order Status and List Active Orders.
    Gemini REST has no status field: the state follows from `is_live`,
    `is_cancelled`, `executed_amount` / `remaining_amount` and `reason`.

    Decision: the required fields are exactly those present in every
    example response on the List Active Orders page. No field is nullable:
    the docs never show `null`; optional fields are omitted instead.

        Attributes:
            order_id (str): The order id, an integer as a string.
            symbol (str): The symbol of the order.
            exchange (str): Always `gemini`.
            price (str): The price the order was issued at.
            avg_execution_price (str): The average price at which this order has been executed so far; zero (for example
                `0.00`) if it has not been executed at all.
            side (OrderSide): The side of an order.
            type_ (OrderType): The order type.
            options (list[str]): At most one order execution option, for example `maker-or-cancel`, `immediate-or-cancel`,
                `fill-or-kill`, `auction-only` or `indication-of-interest`. Empty when none.
            timestamp (int | str): When the order was placed. In the examples a string of Unix seconds (`"1547241628"`); the
                docs type it as string or integer.
            timestampms (int | str): When the order was placed. In the examples a JSON integer of Unix milliseconds
                (`1547241628042`); the docs type it as string or integer.
            is_live (bool): `true` if the order is active on the book (has remaining quantity and has not been cancelled).
            is_cancelled (bool): `true` if the order has been cancelled. Spelled "cancelled" for compatibility reasons.
            was_forced (bool): Always `false`.
            executed_amount (str): The amount of the order that has been filled.
            remaining_amount (str): The amount of the order that has not been filled.
            original_amount (str): The originally submitted amount of the order.
            is_hidden (bool): Always `false`.
            id (str | Unset): The same value as `order_id` in every example.

                Decision: optional, although every example has it, because the
                documented field list does not include it; use `order_id`.
            client_order_id (str | Unset): The optional client-specified order id. Optional: absent from the examples,
                present only when one was given.
            reason (str | Unset): The reason the order was cancelled, if available. Optional: absent from the live-order
                examples.
            trades (list[Trade] | Unset): The order's fills. Optional: returned by Get Order Status when `include_trades` is
                `true`; absent from the List Active Orders examples.
    """

    order_id: str
    symbol: str
    exchange: str
    price: str
    avg_execution_price: str
    side: OrderSide
    type_: OrderType
    options: list[str]
    timestamp: int | str
    timestampms: int | str
    is_live: bool
    is_cancelled: bool
    was_forced: bool
    executed_amount: str
    remaining_amount: str
    original_amount: str
    is_hidden: bool
    id: str | Unset = UNSET
    client_order_id: str | Unset = UNSET
    reason: str | Unset = UNSET
    trades: list[Trade] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        symbol = self.symbol

        exchange = self.exchange

        price = self.price

        avg_execution_price = self.avg_execution_price

        side = self.side.value

        type_ = self.type_.value

        options = self.options

        timestamp: int | str
        timestamp = self.timestamp

        timestampms: int | str
        timestampms = self.timestampms

        is_live = self.is_live

        is_cancelled = self.is_cancelled

        was_forced = self.was_forced

        executed_amount = self.executed_amount

        remaining_amount = self.remaining_amount

        original_amount = self.original_amount

        is_hidden = self.is_hidden

        id = self.id

        client_order_id = self.client_order_id

        reason = self.reason

        trades: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.trades, Unset):
            trades = []
            for trades_item_data in self.trades:
                trades_item = trades_item_data.to_dict()
                trades.append(trades_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "symbol": symbol,
                "exchange": exchange,
                "price": price,
                "avg_execution_price": avg_execution_price,
                "side": side,
                "type": type_,
                "options": options,
                "timestamp": timestamp,
                "timestampms": timestampms,
                "is_live": is_live,
                "is_cancelled": is_cancelled,
                "was_forced": was_forced,
                "executed_amount": executed_amount,
                "remaining_amount": remaining_amount,
                "original_amount": original_amount,
                "is_hidden": is_hidden,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if client_order_id is not UNSET:
            field_dict["client_order_id"] = client_order_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if trades is not UNSET:
            field_dict["trades"] = trades

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        order_id = src_dict["order_id"]

        symbol = src_dict["symbol"]

        exchange = src_dict["exchange"]

        price = src_dict["price"]

        avg_execution_price = src_dict["avg_execution_price"]

        side = OrderSide(src_dict["side"])

        type_ = OrderType(src_dict["type"])

        options: list[str] = src_dict["options"]

        timestamp: int | str = src_dict["timestamp"]

        timestampms: int | str = src_dict["timestampms"]

        is_live = src_dict["is_live"]

        is_cancelled = src_dict["is_cancelled"]

        was_forced = src_dict["was_forced"]

        executed_amount = src_dict["executed_amount"]

        remaining_amount = src_dict["remaining_amount"]

        original_amount = src_dict["original_amount"]

        is_hidden = src_dict["is_hidden"]

        id = src_dict.get("id", UNSET)

        client_order_id = src_dict.get("client_order_id", UNSET)

        reason = src_dict.get("reason", UNSET)

        _trades = src_dict.get("trades", UNSET)
        trades: list[Trade] | Unset = UNSET
        if _trades is not UNSET:
            trades = []
            for trades_item_data in _trades:
                trades_item = Trade.from_dict(trades_item_data)

                trades.append(trades_item)

        order = cls(
            order_id,
            symbol,
            exchange,
            price,
            avg_execution_price,
            side,
            type_,
            options,
            timestamp,
            timestampms,
            is_live,
            is_cancelled,
            was_forced,
            executed_amount,
            remaining_amount,
            original_amount,
            is_hidden,
            id,
            client_order_id,
            reason,
            trades,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            17 + (id is not UNSET) + (client_order_id is not UNSET) + (reason is not UNSET) + (trades is not UNSET),
        )

        order.additional_properties = d
        return order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported at the end rather than inside from_dict: these models may import this one, a cycle that resolves once
# every module's class exists, and an import statement run on every from_dict cost about a microsecond.
from ..models.trade import Trade  # noqa: E402
