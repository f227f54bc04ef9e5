from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trade_type import TradeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Trade")


@_attrs_define
class Trade:
    """One fill of an order.

    Nothing is required: Gemini's published document (schema `Order`,
    property `trades`) requires no trade field.

        Attributes:
            price (str | Unset): The price that the execution happened at.
            amount (str | Unset): The quantity that was executed.
            timestamp (int | str | Unset): When the trade happened, in Unix seconds; a JSON number in Gemini's
                `/v1/mytrades` example.
            timestampms (int | str | Unset): When the trade happened, in Unix milliseconds.
            type_ (TradeType | Unset): The side of the original order of a trade, capitalised.
            aggressor (bool | Unset): If `true`, this order was the taker in the trade.
            fee_currency (str | Unset): The currency that the fee was paid in.
            fee_amount (str | Unset): The amount charged.
            tid (int | Unset): Unique identifier for the trade.
            order_id (str | Unset): The order that this trade executed against.
            exchange (str | Unset): Always `gemini`.
            break_ (str | Unset): How a broken trade was broken; present only on broken trades.

                A plain string, as in Gemini's published `Order.trades[].break`.
                Values seen in Gemini's documents: `manual` and `full` (the "Break
                Types" text of List Past Orders), `""` and `trade correct` (the
                `MyTrade.break` enum of specs/gemini/upstream/rest.yaml).
    """

    price: str | Unset = UNSET
    amount: str | Unset = UNSET
    timestamp: int | str | Unset = UNSET
    timestampms: int | str | Unset = UNSET
    type_: TradeType | Unset = UNSET
    aggressor: bool | Unset = UNSET
    fee_currency: str | Unset = UNSET
    fee_amount: str | Unset = UNSET
    tid: int | Unset = UNSET
    order_id: str | Unset = UNSET
    exchange: str | Unset = UNSET
    break_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        price = self.price

        amount = self.amount

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

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        aggressor = self.aggressor

        fee_currency = self.fee_currency

        fee_amount = self.fee_amount

        tid = self.tid

        order_id = self.order_id

        exchange = self.exchange

        break_ = self.break_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if price is not UNSET:
            field_dict["price"] = price
        if amount is not UNSET:
            field_dict["amount"] = amount
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if timestampms is not UNSET:
            field_dict["timestampms"] = timestampms
        if type_ is not UNSET:
            field_dict["type"] = type_
        if aggressor is not UNSET:
            field_dict["aggressor"] = aggressor
        if fee_currency is not UNSET:
            field_dict["fee_currency"] = fee_currency
        if fee_amount is not UNSET:
            field_dict["fee_amount"] = fee_amount
        if tid is not UNSET:
            field_dict["tid"] = tid
        if order_id is not UNSET:
            field_dict["order_id"] = order_id
        if exchange is not UNSET:
            field_dict["exchange"] = exchange
        if break_ is not UNSET:
            field_dict["break"] = break_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        price = d.pop("price", UNSET)

        amount = d.pop("amount", UNSET)

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

        _type_ = d.pop("type", UNSET)
        type_: TradeType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = TradeType(_type_)

        aggressor = d.pop("aggressor", UNSET)

        fee_currency = d.pop("fee_currency", UNSET)

        fee_amount = d.pop("fee_amount", UNSET)

        tid = d.pop("tid", UNSET)

        order_id = d.pop("order_id", UNSET)

        exchange = d.pop("exchange", UNSET)

        break_ = d.pop("break", UNSET)

        trade = cls(
            price=price,
            amount=amount,
            timestamp=timestamp,
            timestampms=timestampms,
            type_=type_,
            aggressor=aggressor,
            fee_currency=fee_currency,
            fee_amount=fee_amount,
            tid=tid,
            order_id=order_id,
            exchange=exchange,
            break_=break_,
        )

        trade.additional_properties = d
        return trade

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
