from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide
from ..models.order_type import OrderType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trade import Trade


T = TypeVar("T", bound="Order")


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
        from ..models.trade import Trade  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        order_id = d.pop("order_id", UNSET)

        id = d.pop("id", UNSET)

        client_order_id = d.pop("client_order_id", UNSET)

        symbol = d.pop("symbol", UNSET)

        exchange = d.pop("exchange", UNSET)

        price = d.pop("price", UNSET)

        stop_price = d.pop("stop_price", UNSET)

        avg_execution_price = d.pop("avg_execution_price", UNSET)

        _side = d.pop("side", UNSET)
        side: OrderSide | Unset
        if isinstance(_side, Unset):
            side = UNSET
        else:
            side = OrderSide(_side)

        _type_ = d.pop("type", UNSET)
        type_: OrderType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = OrderType(_type_)

        options = cast(list[str], d.pop("options", UNSET))

        def _parse_timestamp(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        def _parse_timestampms(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        timestampms = _parse_timestampms(d.pop("timestampms", UNSET))

        is_live = d.pop("is_live", UNSET)

        is_cancelled = d.pop("is_cancelled", UNSET)

        reason = d.pop("reason", UNSET)

        was_forced = d.pop("was_forced", UNSET)

        executed_amount = d.pop("executed_amount", UNSET)

        remaining_amount = d.pop("remaining_amount", UNSET)

        original_amount = d.pop("original_amount", UNSET)

        is_hidden = d.pop("is_hidden", UNSET)

        _trades = d.pop("trades", UNSET)
        trades: list[Trade] | Unset = UNSET
        if _trades is not UNSET:
            if not isinstance(_trades, list):
                raise TypeError(f"expected a JSON array, got {type(_trades).__name__}")
            trades = []
            for trades_item_data in _trades:
                trades_item = Trade.from_dict(trades_item_data)

                trades.append(trades_item)

        order = cls(
            order_id=order_id,
            id=id,
            client_order_id=client_order_id,
            symbol=symbol,
            exchange=exchange,
            price=price,
            stop_price=stop_price,
            avg_execution_price=avg_execution_price,
            side=side,
            type_=type_,
            options=options,
            timestamp=timestamp,
            timestampms=timestampms,
            is_live=is_live,
            is_cancelled=is_cancelled,
            reason=reason,
            was_forced=was_forced,
            executed_amount=executed_amount,
            remaining_amount=remaining_amount,
            original_amount=original_amount,
            is_hidden=is_hidden,
            trades=trades,
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
