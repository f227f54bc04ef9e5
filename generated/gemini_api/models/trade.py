from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trade_break import TradeBreak
from ..models.trade_type import TradeType
from ..types import UNSET, Unset, unread_properties

T = TypeVar("T", bound="Trade")

_PROPERTY_NAMES = frozenset(
    {
        "price",
        "amount",
        "timestamp",
        "timestampms",
        "type",
        "aggressor",
        "fee_currency",
        "fee_amount",
        "tid",
        "order_id",
        "exchange",
        "break",
    }
)


@_attrs_define
class Trade:
    """One fill of an order.

    Decision: every documented trade field is required except `break`,
    which the docs say is present only on broken trades. The docs show no
    trade example for these endpoints.

        Attributes:
            price (str): The price that the execution happened at.
            amount (str): The quantity that was executed.
            timestamp (int | str): When the trade happened, in Unix seconds; a JSON number in Gemini's `/v1/mytrades`
                example.
            timestampms (int | str): When the trade happened, in Unix milliseconds.
            type_ (TradeType): The side of the original order of a trade, capitalised.
            aggressor (bool): If `true`, this order was the taker in the trade.
            fee_currency (str): The currency that the fee was paid in.
            fee_amount (str): The amount charged.
            tid (int): Unique identifier for the trade.
            order_id (str): The order that this trade executed against.
            exchange (str): Always `gemini`.
            break_ (TradeBreak | Unset): How a broken trade was broken. Present only on broken trades.

                Decision: an enum of `manual` and `full`, the two values given in the
                "Break Types" text of Gemini's List Past Orders page; the order-status
                pages only refer to that text.
    """

    price: str
    amount: str
    timestamp: int | str
    timestampms: int | str
    type_: TradeType
    aggressor: bool
    fee_currency: str
    fee_amount: str
    tid: int
    order_id: str
    exchange: str
    break_: TradeBreak | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        price = self.price

        amount = self.amount

        timestamp: int | str
        timestamp = self.timestamp

        timestampms: int | str
        timestampms = self.timestampms

        type_ = self.type_.value

        aggressor = self.aggressor

        fee_currency = self.fee_currency

        fee_amount = self.fee_amount

        tid = self.tid

        order_id = self.order_id

        exchange = self.exchange

        break_: str | Unset = UNSET
        if not isinstance(self.break_, Unset):
            break_ = self.break_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "price": price,
                "amount": amount,
                "timestamp": timestamp,
                "timestampms": timestampms,
                "type": type_,
                "aggressor": aggressor,
                "fee_currency": fee_currency,
                "fee_amount": fee_amount,
                "tid": tid,
                "order_id": order_id,
                "exchange": exchange,
            }
        )
        if break_ is not UNSET:
            field_dict["break"] = break_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        price = src_dict["price"]

        amount = src_dict["amount"]

        timestamp: int | str = src_dict["timestamp"]

        timestampms: int | str = src_dict["timestampms"]

        type_ = TradeType(src_dict["type"])

        aggressor = src_dict["aggressor"]

        fee_currency = src_dict["fee_currency"]

        fee_amount = src_dict["fee_amount"]

        tid = src_dict["tid"]

        order_id = src_dict["order_id"]

        exchange = src_dict["exchange"]

        _break_ = src_dict.get("break", UNSET)
        break_: TradeBreak | Unset
        if isinstance(_break_, Unset):
            break_ = UNSET
        else:
            break_ = TradeBreak(_break_)

        trade = cls(
            price,
            amount,
            timestamp,
            timestampms,
            type_,
            aggressor,
            fee_currency,
            fee_amount,
            tid,
            order_id,
            exchange,
            break_,
        )

        d = unread_properties(
            src_dict,
            _PROPERTY_NAMES,
            11 + (break_ is not UNSET),
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
