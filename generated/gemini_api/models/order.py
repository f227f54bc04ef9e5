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
        "id",
        "client_order_id",
        "symbol",
        "exchange",
        "price",
        "stop_price",
        "avg_execution_price",
        "side",
        "type",
        "options",
        "timestamp",
        "timestampms",
        "is_live",
        "is_cancelled",
        "reason",
        "was_forced",
        "executed_amount",
        "remaining_amount",
        "original_amount",
        "is_hidden",
        "trades",
    }
)


@_attrs_define
class Order:
    """An order as returned by Get Order Status and List Active Orders.
    Gemini REST has no status field: the state follows from `is_live`,
    `is_cancelled`, `executed_amount` / `remaining_amount` and `reason`.

    Nothing is required: Gemini's published document (specs/gemini/upstream/rest.yaml,
    schema `Order`) requires no field, and its own Get Order Status example
    `includeTradesResponse` (a market buy) has no `price` and no
    `original_amount`. A field that is present must have its documented
    type. No field is nullable: neither Gemini's document nor any real
    answer shows `null`; optional fields are omitted instead.

        Attributes:
            order_id (str | Unset): The order id, an integer as a string.
            id (str | Unset): The same value as `order_id` in every example.

                Decision: optional, although every example has it, because the
                documented field list does not include it; use `order_id`.
            client_order_id (str | Unset): The optional client-specified order id. Optional: absent from the examples,
                present only when one was given.
            symbol (str | Unset): The symbol of the order.
            exchange (str | Unset): Always `gemini`.
            price (str | Unset): The price the order was issued at. Absent from a market order (Gemini's
                `includeTradesResponse` example).
            stop_price (str | Unset): The price that triggers a stop-limit order (`type` `exchange stop limit`), from
                Gemini's `StopLimitOrderResponse` in specs/gemini/upstream/rest.yaml. Absent from other orders.
            avg_execution_price (str | Unset): The average price at which this order has been executed so far; zero (for
                example `0.00`) if it has not been executed at all.
            side (OrderSide | Unset): The side of an order.
            type_ (OrderType | Unset): The order type.

                `market buy` is the type of the market order in Gemini's own Get Order
                Status example `includeTradesResponse` (specs/gemini/upstream/rest.yaml),
                though Gemini's `Order.type` enum lists only the first three values.
                Decision: `market sell` is listed by symmetry; no document shows it.
            options (list[str] | Unset): At most one order execution option, for example `maker-or-cancel`, `immediate-or-
                cancel`, `fill-or-kill`, `auction-only` or `indication-of-interest`. Empty when none.
            timestamp (int | str | Unset): When the order was placed. In the examples a string of Unix seconds
                (`"1547241628"`); the docs type it as string or integer.
            timestampms (int | str | Unset): When the order was placed. In the examples a JSON integer of Unix milliseconds
                (`1547241628042`); the docs type it as string or integer.
            is_live (bool | Unset): `true` if the order is active on the book (has remaining quantity and has not been
                cancelled).
            is_cancelled (bool | Unset): `true` if the order has been cancelled. Spelled "cancelled" for compatibility
                reasons.
            reason (str | Unset): The reason the order was cancelled, if available. Optional: absent from the live-order
                examples. A plain string; the values Gemini's `CancelOrderResponse.reason` lists are `Requested`,
                `MakerOrCancelWouldTake`, `ExceedsPriceLimits`, `SelfCrossPrevented`, `ImmediateOrCancelWouldPost`,
                `FillOrKillWouldNotFill`, `MarketClosed` and `TradingClosed`.
            was_forced (bool | Unset): Always `false`.
            executed_amount (str | Unset): The amount of the order that has been filled.
            remaining_amount (str | Unset): The amount of the order that has not been filled.
            original_amount (str | Unset): The originally submitted amount of the order.
            is_hidden (bool | Unset): Always `false`.
            trades (list[Trade] | Unset): The order's fills. Optional: returned by Get Order Status when `include_trades` is
                `true`; absent from the List Active Orders examples.
    """

    order_id: str | Unset = UNSET
    id: str | Unset = UNSET
    client_order_id: str | Unset = UNSET
    symbol: str | Unset = UNSET
    exchange: str | Unset = UNSET
    price: str | Unset = UNSET
    stop_price: str | Unset = UNSET
    avg_execution_price: str | Unset = UNSET
    side: OrderSide | Unset = UNSET
    type_: OrderType | Unset = UNSET
    options: list[str] | Unset = UNSET
    timestamp: int | str | Unset = UNSET
    timestampms: int | str | Unset = UNSET
    is_live: bool | Unset = UNSET
    is_cancelled: bool | Unset = UNSET
    reason: str | Unset = UNSET
    was_forced: bool | Unset = UNSET
    executed_amount: str | Unset = UNSET
    remaining_amount: str | Unset = UNSET
    original_amount: str | Unset = UNSET
    is_hidden: bool | Unset = UNSET
    trades: list[Trade] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        id = self.id

        client_order_id = self.client_order_id

        symbol = self.symbol

        exchange = self.exchange

        price = self.price

        stop_price = self.stop_price

        avg_execution_price = self.avg_execution_price

        side: str | Unset = UNSET
        if not isinstance(self.side, Unset):
            side = self.side.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        timestamp: int | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = self.timestamp

        timestampms: int | str | Unset
        if isinstance(self.timestampms, Unset):
            timestampms = UNSET
        else:
            timestampms = self.timestampms

        is_live = self.is_live

        is_cancelled = self.is_cancelled

        reason = self.reason

        was_forced = self.was_forced

        executed_amount = self.executed_amount

        remaining_amount = self.remaining_amount

        original_amount = self.original_amount

        is_hidden = self.is_hidden

        trades: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.trades, Unset):
            trades = []
            for trades_item_data in self.trades:
                trades_item = trades_item_data.to_dict()
                trades.append(trades_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if id is not UNSET:
            field_dict["id"] = id
        if client_order_id is not UNSET:
            field_dict["client_order_id"] = client_order_id
        if symbol is not UNSET:
            field_dict["symbol"] = symbol
        if exchange is not UNSET:
            field_dict["exchange"] = exchange
        if price is not UNSET:
            field_dict["price"] = price
        if stop_price is not UNSET:
            field_dict["stop_price"] = stop_price
        if avg_execution_price is not UNSET:
            field_dict["avg_execution_price"] = avg_execution_price
        if side is not UNSET:
            field_dict["side"] = side
        if type_ is not UNSET:
            field_dict["type"] = type_
        if options is not UNSET:
            field_dict["options"] = options
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if timestampms is not UNSET:
            field_dict["timestampms"] = timestampms
        if is_live is not UNSET:
            field_dict["is_live"] = is_live
        if is_cancelled is not UNSET:
            field_dict["is_cancelled"] = is_cancelled
        if reason is not UNSET:
            field_dict["reason"] = reason
        if was_forced is not UNSET:
            field_dict["was_forced"] = was_forced
        if executed_amount is not UNSET:
            field_dict["executed_amount"] = executed_amount
        if remaining_amount is not UNSET:
            field_dict["remaining_amount"] = remaining_amount
        if original_amount is not UNSET:
            field_dict["original_amount"] = original_amount
        if is_hidden is not UNSET:
            field_dict["is_hidden"] = is_hidden
        if trades is not UNSET:
            field_dict["trades"] = trades

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        order_id = src_dict.get("order_id", UNSET)

        id = src_dict.get("id", UNSET)

        client_order_id = src_dict.get("client_order_id", UNSET)

        symbol = src_dict.get("symbol", UNSET)

        exchange = src_dict.get("exchange", UNSET)

        price = src_dict.get("price", UNSET)

        stop_price = src_dict.get("stop_price", UNSET)

        avg_execution_price = src_dict.get("avg_execution_price", UNSET)

        _side = src_dict.get("side", UNSET)
        side: OrderSide | Unset
        if isinstance(_side, Unset):
            side = UNSET
        else:
            side = OrderSide(_side)

        _type_ = src_dict.get("type", UNSET)
        type_: OrderType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = OrderType(_type_)

        options: list[str] | Unset = src_dict.get("options", UNSET)

        timestamp: int | str | Unset = src_dict.get("timestamp", UNSET)

        timestampms: int | str | Unset = src_dict.get("timestampms", UNSET)

        is_live = src_dict.get("is_live", UNSET)

        is_cancelled = src_dict.get("is_cancelled", UNSET)

        reason = src_dict.get("reason", UNSET)

        was_forced = src_dict.get("was_forced", UNSET)

        executed_amount = src_dict.get("executed_amount", UNSET)

        remaining_amount = src_dict.get("remaining_amount", UNSET)

        original_amount = src_dict.get("original_amount", UNSET)

        is_hidden = src_dict.get("is_hidden", UNSET)

        _trades = src_dict.get("trades", UNSET)
        trades: list[Trade] | Unset = UNSET
        if _trades is not UNSET:
            trades = []
            for trades_item_data in _trades:
                trades_item = Trade.from_dict(trades_item_data)

                trades.append(trades_item)

        order = cls(
            order_id,
            id,
            client_order_id,
            symbol,
            exchange,
            price,
            stop_price,
            avg_execution_price,
            side,
            type_,
            options,
            timestamp,
            timestampms,
            is_live,
            is_cancelled,
            reason,
            was_forced,
            executed_amount,
            remaining_amount,
            original_amount,
            is_hidden,
            trades,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            0
            + (order_id is not UNSET)
            + (id is not UNSET)
            + (client_order_id is not UNSET)
            + (symbol is not UNSET)
            + (exchange is not UNSET)
            + (price is not UNSET)
            + (stop_price is not UNSET)
            + (avg_execution_price is not UNSET)
            + (side is not UNSET)
            + (type_ is not UNSET)
            + (options is not UNSET)
            + (timestamp is not UNSET)
            + (timestampms is not UNSET)
            + (is_live is not UNSET)
            + (is_cancelled is not UNSET)
            + (reason is not UNSET)
            + (was_forced is not UNSET)
            + (executed_amount is not UNSET)
            + (remaining_amount is not UNSET)
            + (original_amount is not UNSET)
            + (is_hidden is not UNSET)
            + (trades is not UNSET),
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
